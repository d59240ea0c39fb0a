"""The pikepdf post-pass: charts in, structure tree and PDF/UA metadata on.

reportlab draws the pages; this pass does what it cannot (ACCESSIBILITY.md, PDF):

- place each chart's one-page vector PDF as a form XObject. The renderer already wrote
  ``q … cm /RgChartN Do Q`` inside the chart's ``/Figure`` marked content, so only the
  named resource is missing; adding it keeps the ``Do`` inside its Figure without
  rewriting any content stream, and keeps the chart's text real text
  (PERFORMANCE.md: about 1 ms a chart, against seconds for the other routes);
- build ``/StructTreeRoot`` (with ``/ParentTree`` and each page's ``/StructParents``)
  from the :class:`~reportgen.render.pdf_tagging.Element` record;
- set ``/MarkInfo``, ``/Lang``, ``/ViewerPreferences /DisplayDocTitle`` and the XMP
  ``dc:title`` and ``pdfuaid:part`` (PDF/UA-1 §5, §6.2, §7.1, §7.2);
- stamp the Info dictionary and XMP with the run's imprint (issue 18): one build time in
  ``/CreationDate``, ``/ModDate`` and the ``xmp:`` dates (reportlab's ``invariant=1``
  writes 2000-01-01 whatever ``SOURCE_DATE_EPOCH`` says), the author in ``/Author`` and
  ``dc:creator`` and the organisation in ``dc:publisher`` — or no author at all.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pikepdf
import pikepdf.settings
from pikepdf import Array, Dictionary, Name, String

from reportgen.figures.art import ChartArt
from reportgen.imprint import PRODUCER, Imprint
from reportgen.render.pdf_tagging import ContentRef, Element


@dataclass(frozen=True)
class DocumentInfo:
    """What the catalog, the Info dictionary and XMP say about the document; without an
    ``imprint`` it carries no date and names no author."""

    title: str
    language: str  # BCP-47, "sv-SE"
    subject: str = ""
    imprint: Imprint | None = None


@dataclass(frozen=True)
class ChartUse:
    """A chart drawn on a page under the XObject name the renderer wrote."""

    page: int  # 0-based
    name: str  # resource name without the slash, "RgChart3"
    key: str  # ChartSpec.key / ChartArt.key


def finish_pdf(
    data: bytes,
    path: Path,
    *,
    charts: Mapping[str, ChartArt],
    uses: Iterable[ChartUse],
    structure: Element | None,
    info: DocumentInfo,
    font_sheet: bytes = b"",
) -> None:
    """Write the finished deck to ``path``: charts placed (sharing ``font_sheet``'s
    fonts, see :func:`place_charts`), tagged when ``structure``."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        place_charts(pdf, charts, uses, font_sheet)
        if structure is not None:
            write_structure(pdf, structure)
            write_accessibility_catalog(pdf, info)
        write_metadata(pdf, info, tagged=structure is not None)
        # PDF/UA-1 builds on ISO 32000-1, i.e. PDF 1.7. Object streams compress the
        # thousands of small structure elements: a third of the file size, for ~10 ms.
        # What qpdf deflates here is only those (the pages and charts come deflated):
        # at level 1 the save takes about a sixth less time for a 7 % larger file.
        pikepdf.settings.set_flate_compression_level(1)
        try:
            pdf.save(
                path, deterministic_id=True, min_version="1.7", object_stream_mode=pikepdf.ObjectStreamMode.generate
            )
        finally:
            pikepdf.settings.set_flate_compression_level(-1)  # qpdf's default again


def place_charts(
    pdf: pikepdf.Pdf, charts: Mapping[str, ChartArt], uses: Iterable[ChartUse], font_sheet: bytes = b""
) -> None:
    """Add each used chart as a form XObject to the resources of the pages that draw it.

    A chart used on several pages is copied into the file once and shared. With a
    ``font_sheet`` (``figures.font_sheet``), the charts' fonts that the sheet's stand in
    for are left behind and every chart points at the sheet's, copied once: 140 charts
    of a county deck then share two fonts instead of bringing about 210 (issue 19).
    """
    forms: dict[str, pikepdf.Object] = {}
    with pikepdf.open(io.BytesIO(font_sheet)) if font_sheet else nullcontext() as sheet:
        fonts = _SharedFonts(pdf, sheet)
        for use in uses:
            if use.key not in forms:
                with pikepdf.open(io.BytesIO(charts[use.key].pdf)) as source:
                    page = source.pages[0].obj
                    shared = fonts.detach(page)
                    forms[use.key] = form = chart_form(pdf, page)
                    for name, font in shared.items():
                        form.Resources.Font[name] = font
            _add_form(pdf, use, forms[use.key])


def _add_form(pdf: pikepdf.Pdf, use: ChartUse, form: pikepdf.Object) -> None:
    page = pdf.pages[use.page].obj
    resources = page.get("/Resources")
    if resources is None:
        page.Resources = resources = Dictionary()
    # reportlab may share one resource dictionary between pages; give this page
    # its own so a name never points at another page's chart.
    own = Dictionary(dict(resources.items()))
    xobjects = own.get("/XObject")
    own.XObject = Dictionary(dict(xobjects.items())) if xobjects is not None else Dictionary()
    own.XObject[f"/{use.name}"] = form
    page.Resources = own


class _SharedFonts:
    """The chart fonts the deck holds once: those of ``figures.font_sheet``, copied on
    first use. A chart's font is replaced by the sheet's when it is the same font file
    and every character code the chart uses maps to the same glyph in the sheet's font
    (so its widths and ToUnicode entries agree too); any other font stays the chart's own.
    """

    def __init__(self, pdf: pikepdf.Pdf, sheet: pikepdf.Pdf | None) -> None:
        self._pdf = pdf
        self._sheet: dict[bytes, tuple[pikepdf.Object, np.ndarray]] = {}  # font file → font, its code map
        self._copied: dict[bytes, pikepdf.Object] = {}  # font file → the sheet's font, once in the deck
        self._lengths: set[int] = set()  # the sheet's font files' compressed lengths
        for _, font in _fonts(sheet.pages[0].obj if sheet is not None else None):
            parts = _identity_font(font)
            if parts is not None:
                raw = parts[0].read_raw_bytes()
                self._sheet[raw] = (font, _code_map(parts[1]))
                self._lengths.add(len(raw))

    def detach(self, page: pikepdf.Object) -> dict[str, pikepdf.Object]:
        """Take the fonts the sheet stands in for out of ``page``'s resources (before the
        page is copied, so they are not copied); resource name → the deck's font."""
        shared: dict[str, pikepdf.Object] = {}
        for name, font in _fonts(page):
            parts = _identity_font(font)
            if parts is None or parts[0].get("/Length") not in self._lengths:
                continue
            raw = parts[0].read_raw_bytes()
            known = self._sheet.get(raw)
            if known is None or not _agrees(_code_map(parts[1]), known[1]):
                continue
            if raw not in self._copied:
                self._copied[raw] = self._pdf.copy_foreign(known[0])
            shared[name] = self._copied[raw]
        if shared:
            fonts = page.Resources.Font
            for name in shared:
                del fonts[name]
        return shared


def _fonts(page: pikepdf.Object | None) -> list[tuple[str, pikepdf.Object]]:
    resources = page.get("/Resources") if page is not None else None
    fonts = resources.get("/Font") if resources is not None else None
    return [(str(name), font) for name, font in fonts.items()] if fonts is not None else []


_IDENTITY_H = Name("/Identity-H")


def _identity_font(font: pikepdf.Object) -> tuple[pikepdf.Stream, pikepdf.Stream] | None:
    """A Type 0 font with Identity-H codes over one TrueType descendant (what Matplotlib
    embeds for ``pdf.fonttype: 42``): its font file and code → glyph map."""
    try:
        (cid_font,) = font.DescendantFonts
        file, cid_map = cid_font.FontDescriptor.FontFile2, cid_font.CIDToGIDMap
        identity = font.Encoding == _IDENTITY_H
    except (AttributeError, KeyError, ValueError, TypeError):
        return None
    if not identity or not isinstance(file, pikepdf.Stream) or not isinstance(cid_map, pikepdf.Stream):
        return None
    return file, cid_map


def _code_map(stream: pikepdf.Stream) -> np.ndarray:
    return np.frombuffer(stream.read_bytes(), dtype=">u2")


def _agrees(chart: np.ndarray, sheet: np.ndarray) -> bool:
    """Every code the chart maps to a glyph maps to the same glyph in the sheet."""
    if len(chart) > len(sheet):
        if chart[len(sheet) :].any():
            return False
        chart = chart[: len(sheet)]
    used = chart != 0
    return bool(np.array_equal(chart[used], sheet[: len(chart)][used]))


#: Page keys that change how a page shows beyond its MediaBox and one content stream.
_PAGE_TRANSFORMS = ("/Rotate", "/UserUnit", "/CropBox", "/TrimBox")


def chart_form(pdf: pikepdf.Pdf, page: pikepdf.Object) -> pikepdf.Object:
    """A chart's one page as a form XObject in ``pdf``: its content stream as it is
    (still compressed), its resources, its MediaBox as the BBox.

    What ``Page.as_form_xobject`` makes for a Matplotlib page, without qpdf decoding the
    content and compressing it again when the deck is saved (issue 19: about 20 ms a
    county deck). A page it could show differently (rotated, cropped, several content
    streams) goes through ``as_form_xobject``.
    """
    contents = page.get("/Contents")
    plain = isinstance(contents, pikepdf.Stream) and "/MediaBox" in page and "/Resources" in page
    if not plain or "/DecodeParms" in contents or any(key in page for key in _PAGE_TRANSFORMS):
        return pdf.copy_foreign(pikepdf.Page(page).as_form_xobject())
    filters = contents.get("/Filter")
    form = pikepdf.Stream(pdf, b"")
    # Already encoded: the bytes go in as they are, under the same (direct) filter names.
    form.write(contents.read_raw_bytes(), filter=_names(filters) if filters is not None else None)
    form.Type = Name.XObject
    form.Subtype = Name.Form
    form.BBox = Array(page.MediaBox)
    form.Resources = pdf.copy_foreign(page.Resources)
    return form


def _names(filters: pikepdf.Object) -> Name | Array:
    """A stream's /Filter (a name or an array of names) made anew in the target file."""
    if isinstance(filters, Name):
        return Name(str(filters))
    return Array([Name(str(f)) for f in filters])


def write_structure(pdf: pikepdf.Pdf, root: Element) -> None:
    """The structure tree of PDF/UA-1 §7.1 from the record the renderer made."""
    pages = [page.obj for page in pdf.pages]
    struct_root = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))
    builder = _TreeBuilder(pdf, pages)
    struct_root.K = builder.element(root, struct_root)

    nums: list[object] = []
    for index, page in enumerate(pages):
        page.Tabs = Name.S  # PDF/UA-1 §7.18.3: tab order follows the structure
        owners = builder.by_page.get(index)
        if not owners:
            continue
        page.StructParents = index
        nums.extend([index, pdf.make_indirect(Array([owners[mcid] for mcid in sorted(owners)]))])
    struct_root.ParentTree = pdf.make_indirect(Dictionary(Nums=Array(nums)))
    struct_root.ParentTreeNextKey = len(pages)
    pdf.Root.StructTreeRoot = struct_root
    pdf.Root.MarkInfo = Dictionary(Marked=True)


class _TreeBuilder:
    """Writes ``/StructElem`` objects; each is made in one call (a few µs apiece), since
    a county deck has thousands of them (every table cell) and the tagged render may
    cost at most 1.2× the untagged one (issue 9)."""

    def __init__(self, pdf: pikepdf.Pdf, pages: list[pikepdf.Object]) -> None:
        self.pdf = pdf
        self.pages = pages
        self.by_page: dict[int, dict[int, pikepdf.Object]] = {}
        self._names: dict[str, Name] = {}
        self._struct_elem = Name.StructElem

    def name(self, role: str) -> Name:
        if role not in self._names:
            self._names[role] = Name("/" + role)
        return self._names[role]

    def element(self, element: Element, parent: pikepdf.Object) -> pikepdf.Object:
        fields: dict[str, object] = {"/Type": self._struct_elem, "/S": self.name(element.role), "/P": parent}
        kids = element.kids
        first = kids[0] if kids else None
        home = first.page if isinstance(first, ContentRef) else None
        if home is not None:
            fields["/Pg"] = self.pages[home]
        if element.alt:
            fields["/Alt"] = String(element.alt)
        if element.attributes:
            fields["/A"] = _attributes(element)
        if home is not None and len(kids) == 1:
            # The common leaf (a cell, a paragraph): one MCID, made in a single call.
            # A lone kid also stands alone because pdfua 0.1.3's heading check raises
            # on an array /K.
            fields["/K"] = first.mcid
            node = self.pdf.make_indirect(Dictionary(fields))
            self.by_page.setdefault(home, {})[first.mcid] = node
            return node
        node = self.pdf.make_indirect(Dictionary(fields))
        items: list[object] = []
        for kid in kids:
            if isinstance(kid, ContentRef):
                self.by_page.setdefault(kid.page, {})[kid.mcid] = node
                if kid.page == home:
                    items.append(kid.mcid)
                else:
                    items.append(Dictionary(Type=Name.MCR, Pg=self.pages[kid.page], MCID=kid.mcid))
            else:
                items.append(self.element(kid, node))
        node.K = items[0] if len(items) == 1 else Array(items)
        return node


def _attributes(element: Element) -> Dictionary:
    attributes = Dictionary(O=Name("/" + (element.owner or "Layout")))
    for key, value in element.attributes.items():
        if isinstance(value, str):
            attributes[f"/{key}"] = Name("/" + value)
        elif isinstance(value, tuple | list):
            attributes[f"/{key}"] = Array([float(v) for v in value])
        else:
            attributes[f"/{key}"] = value
    return attributes


def write_accessibility_catalog(pdf: pikepdf.Pdf, info: DocumentInfo) -> None:
    """Catalog entries PDF/UA-1 asks for beyond the structure tree."""
    pdf.Root.Lang = String(info.language)
    preferences = pdf.Root.get("/ViewerPreferences")
    preferences = Dictionary(dict(preferences.items())) if preferences is not None else Dictionary()
    preferences.DisplayDocTitle = True
    pdf.Root.ViewerPreferences = preferences


def write_metadata(pdf: pikepdf.Pdf, info: DocumentInfo, *, tagged: bool) -> None:
    """The Info dictionary and the XMP packet, saying the same: title, subject, author,
    publisher, the build time, the tool (PDF/UA-1 §7.1 wants ``dc:title``; §5 the
    ``pdfuaid`` part when tagged)."""
    imprint = info.imprint
    docinfo = pdf.docinfo
    docinfo["/Title"] = String(info.title)
    docinfo["/Creator"] = String(PRODUCER)  # the program that made it: a tool field
    for key in ("/Subject", "/Keywords"):
        if key in docinfo and not str(docinfo[key]):
            del docinfo[key]
    if info.subject:
        docinfo["/Subject"] = String(info.subject)
    _set_or_drop(docinfo, "/Author", imprint.creator if imprint else "")
    for key in ("/CreationDate", "/ModDate"):  # never reportlab's fixed 2000-01-01
        _set_or_drop(docinfo, key, imprint.pdf_date() if imprint else "")
    # No pikepdf editor stamp and no fresh dates: re-running gives the same file.
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        meta["dc:title"] = info.title
        meta["dc:language"] = [info.language]
        if info.subject:
            meta["dc:description"] = info.subject
        meta["xmp:CreatorTool"] = PRODUCER
        meta["pdf:Producer"] = str(docinfo.get("/Producer", PRODUCER))
        if imprint is not None:
            if imprint.creator:
                meta["dc:creator"] = [imprint.creator]
            if imprint.organisation:
                meta["dc:publisher"] = [imprint.organisation]
            for key in ("xmp:CreateDate", "xmp:ModifyDate", "xmp:MetadataDate"):
                meta[key] = imprint.iso()
        if tagged:
            meta["pdfuaid:part"] = "1"


def _set_or_drop(docinfo: pikepdf.Dictionary, key: str, value: str) -> None:
    if value:
        docinfo[key] = String(value)
    elif key in docinfo:
        del docinfo[key]
