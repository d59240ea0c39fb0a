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
from pathlib import Path
from xml.sax.saxutils import escape

from pptx.presentation import Presentation

from reportgen.archive import restamp
from reportgen.deck.model import Deck
from reportgen.imprint import PRODUCER, Imprint
from reportgen.render import geometry

_APP = "docProps/app.xml"
_APP_NS = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"


def save_presentation(prs: Presentation, deck: Deck, path: Path) -> None:
    """Set the properties and write ``prs`` to ``path``, every member at the build time."""
    set_properties(prs, deck)
    buffer = io.BytesIO()
    prs.save(buffer)
    imprint = deck.imprint
    app = app_properties(len(prs.slides), imprint)
    data = restamp(
        buffer.getvalue(),
        imprint.zip_time() if imprint else None,
        replace={_APP: lambda _: app},
    )
    Path(path).write_bytes(data)


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
