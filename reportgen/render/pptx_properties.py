"""A finished presentation's document properties and package, stamped from the imprint.

The template carries properties of its own (created 2026-01-01, author "reportgen",
"Microsoft Macintosh PowerPoint" with 0 slides in ``docProps/app.xml``), and python-pptx
stamps every zip member with the clock at saving time. Here the deck's properties say
what the PDF's say (title, subject, author or nobody, the one build time of the run, the
organisation as Company, the tool only as Application), and the package goes through the
one zip writer (``reportgen.archive``) so its members carry the build time and the same
deck gives the same bytes (issue 18).
"""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from pptx.opc.packuri import PackURI
from pptx.opc.serialized import PackageWriter
from pptx.presentation import Presentation

from reportgen.archive import write_zip
from reportgen.deck.model import Deck
from reportgen.imprint import PRODUCER, Imprint
from reportgen.render import geometry

_APP = "docProps/app.xml"
_APP_NS = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"


class _Members:
    """Where python-pptx's package writer puts each member: kept in its order, for the
    one zip writer."""

    def __init__(self) -> None:
        self.items: list[tuple[str, bytes]] = []

    def write(self, uri: PackURI, blob: bytes) -> None:
        self.items.append((uri.membername, blob))


#: Members written stored, not deflated: JPEG pictures and the workbooks embedded in
#: native charts (zip packages themselves) do not get smaller.
ALREADY_COMPRESSED = (".jpeg", ".jpg", ".xlsx")


def save_presentation(prs: Presentation, deck: Deck, path: Path) -> None:
    """Set the properties and write ``prs`` to ``path``, every member at the build time.

    python-pptx's own writer lays out the members (content types, relationships, parts,
    in its order) and the one zip writer stores them, each deflated once (or stored, see
    :data:`ALREADY_COMPRESSED`): saving with ``prs.save`` and
    re-stamping the zip deflated the 140 pictures twice and inflated them once between,
    a sixth of the PowerPoint stage (issue 19).
    """
    set_properties(prs, deck)
    package = prs.part.package
    writer = PackageWriter(io.BytesIO(), package._rels, tuple(package.iter_parts()))
    members = _Members()
    writer._write_content_types_stream(members)  # type: ignore[arg-type]
    writer._write_pkg_rels(members)  # type: ignore[arg-type]
    writer._write_parts(members)  # type: ignore[arg-type]
    imprint = deck.imprint
    app = app_properties(len(prs.slides), imprint)
    items = [(name, app if name == _APP else blob) for name, blob in members.items]
    when = imprint.zip_time() if imprint else time.localtime()[:6]
    # Level 1: the chart PNGs (their own deflate is a quick one, figures/png.py) shrink
    # more at level 1 than at 6 (measured with PNGs deflated at level 3: a Skåne deck's
    # 7.8 MB of pictures to 5.7 MB, not 5.8) in three quarters of the time, and the XML
    # parts grow by 40 KB.
    write_zip(Path(path), items, when, compression=zipfile.ZIP_DEFLATED, compresslevel=1, stored=ALREADY_COMPRESSED)


def set_properties(prs: Presentation, deck: Deck) -> None:
    """Core properties a reader and a publishing system see (the same as the PDF's)."""
    props = prs.core_properties
    imprint = deck.imprint
    props.title = deck.title
    props.subject = geometry.document_subject(deck)
    props.author = imprint.creator if imprint else ""
    props.last_modified_by = imprint.creator if imprint else ""
    props.keywords = deck.county
    props.comments = deck.demo_label
    props.language = deck.language
    props.revision = 1
    if imprint is not None:
        props.created = props.modified = imprint.utc


def app_properties(slides: int, imprint: Imprint | None) -> bytes:
    """``docProps/app.xml``: the tool as Application, the organisation as Company, the
    real slide count — instead of the template's."""
    company = f"<Company>{escape(imprint.organisation)}</Company>" if imprint and imprint.organisation else ""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Properties xmlns="{_APP_NS}">'
        f"{company}<Slides>{slides}</Slides><Application>{escape(PRODUCER)}</Application>"
        "</Properties>"
    ).encode()
