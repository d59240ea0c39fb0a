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
from dataclasses import dataclass
from pathlib import Path

import pikepdf
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
) -> None:
    """Write the finished deck to ``path``: charts placed, tagged when ``structure``."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        place_charts(pdf, charts, uses)
        if structure is not None:
            write_structure(pdf, structure)
            write_accessibility_catalog(pdf, info)
        write_metadata(pdf, info, tagged=structure is not None)
        # PDF/UA-1 builds on ISO 32000-1, i.e. PDF 1.7. Object streams compress the
        # thousands of small structure elements: a third of the file size, for ~10 ms.
        pdf.save(path, deterministic_id=True, min_version="1.7", object_stream_mode=pikepdf.ObjectStreamMode.generate)


def place_charts(pdf: pikepdf.Pdf, charts: Mapping[str, ChartArt], uses: Iterable[ChartUse]) -> None:
    """Add each used chart as a form XObject to the resources of the pages that draw it.

    A chart used on several pages is copied into the file once and shared, and so is a
    font file that several charts embed (``figures.font_embed``: every chart embeds the
    same one), so the deck holds it once.
    """
    forms: dict[str, pikepdf.Object] = {}
    font_files = _FontFiles()
    for use in uses:
        if use.key not in forms:
            with pikepdf.open(io.BytesIO(charts[use.key].pdf)) as source:
                page = source.pages[0].obj
                known = font_files.detach(page)
                forms[use.key] = form = chart_form(pdf, page)
                font_files.attach(form, known)
        page = pdf.pages[use.page].obj
        resources = page.get("/Resources")
        if resources is None:
            page.Resources = resources = Dictionary()
        # reportlab may share one resource dictionary between pages; give this page
        # its own so a name never points at another page's chart.
        own = Dictionary(dict(resources.items()))
        xobjects = own.get("/XObject")
        own.XObject = Dictionary(dict(xobjects.items())) if xobjects is not None else Dictionary()
        own.XObject[f"/{use.name}"] = forms[use.key]
        page.Resources = own


class _FontFiles:
    """The embedded font files already copied into the deck, by their bytes and dictionary."""

    def __init__(self) -> None:
        self._copied: dict[tuple[bytes, str], pikepdf.Object] = {}

    def detach(self, page: pikepdf.Object) -> dict[str, tuple[bytes, str]]:
        """Take the font files the deck already holds out of ``page``'s fonts (before the
        page is copied, so they are not copied again); name → key of each font's file."""
        keys: dict[str, tuple[bytes, str]] = {}
        for name, descriptor in _font_descriptors(page.get("/Resources")):
            stream = descriptor.get("/FontFile2")
            if not isinstance(stream, pikepdf.Stream):
                continue
            key = (stream.read_raw_bytes(), f"{stream.get('/Filter')}{stream.get('/Length1')}{stream.get('/DecodeParms')}")
            keys[name] = key
            if key in self._copied:
                del descriptor["/FontFile2"]
        return keys

    def attach(self, form: pikepdf.Object, keys: dict[str, tuple[bytes, str]]) -> None:
        """Point the copied fonts of ``form`` at the deck's one copy of each font file."""
        for name, descriptor in _font_descriptors(form.get("/Resources")):
            key = keys.get(name)
            if key is None:
                continue
            if key in self._copied:
                descriptor.FontFile2 = self._copied[key]
            else:
                self._copied[key] = descriptor.FontFile2


def _font_descriptors(resources: pikepdf.Object | None) -> Iterable[tuple[str, pikepdf.Object]]:
    """(resource name, font descriptor) of each font in ``resources`` that has one; a
    Type 0 font's descriptor is its descendant's."""
    fonts = resources.get("/Font") if resources is not None else None
    if fonts is None:
        return
    for name, font in fonts.items():
        descendants = font.get("/DescendantFonts")
        if descendants is not None and len(descendants):
            font = descendants[0]
        descriptor = font.get("/FontDescriptor")
        if descriptor is not None:
            yield str(name), descriptor


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
