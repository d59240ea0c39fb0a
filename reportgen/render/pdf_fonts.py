"""The embedded TrueType fonts of the PDF deck.

PDF/UA-1 (§7.21.4) wants every font embedded, and reportlab's standard-14 Helvetica is
never embedded, so every piece of text — including reportlab's page preamble, which
selects the canvas' initial font — must use a registered TrueType font. Liberation Sans
covers all Swedish characters and has Arial's metrics, so the PPTX (which names Arial)
breaks lines the same way (ACCESSIBILITY.md, "Fonts").
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from reportgen.theme import Theme


@dataclass(frozen=True)
class PdfFonts:
    """The reportlab names of the registered faces."""

    regular: str
    bold: str

    def pick(self, bold: bool) -> str:
        return self.bold if bold else self.regular


def register_fonts(theme: Theme) -> PdfFonts:
    """Register the theme's regular and bold faces with reportlab (idempotent).

    reportlab keeps registered fonts in a process-wide table; registering under a name
    derived from the file keeps repeated calls (and two themes) harmless.
    """
    regular_path = theme.font_path("pdf_regular")
    bold_path = theme.font_path("pdf_bold")
    fonts = PdfFonts(regular=regular_path.stem, bold=bold_path.stem)
    registered = set(pdfmetrics.getRegisteredFontNames())
    for name, path in ((fonts.regular, regular_path), (fonts.bold, bold_path)):
        if name not in registered:
            # From bytes: given a path, reportlab leaves the file open (a ResourceWarning).
            pdfmetrics.registerFont(TTFont(name, io.BytesIO(path.read_bytes())))
    # <b> inside a Paragraph picks the bold face through the family mapping.
    family = fonts.regular
    addMapping(family, 0, 0, fonts.regular)
    addMapping(family, 1, 0, fonts.bold)
    addMapping(family, 0, 1, fonts.regular)
    addMapping(family, 1, 1, fonts.bold)
    return fonts
