"""Chart fonts embedded whole (figures/font_embed.py) show and read exactly as subsets do."""

from __future__ import annotations

import io
import zlib

import matplotlib as mpl
import pikepdf
import pypdfium2 as pdfium
from matplotlib.backends import _backend_pdf_ps as pdf_ps
from matplotlib.backends.backend_pdf import PdfFile
from matplotlib.figure import Figure

from reportgen.figures import font_embed
from reportgen.figures.draw import PDF_METADATA, chart_rc, rasterise
from reportgen.figures.style import chart_fonts
from reportgen.theme import load_theme

TEXTS = ("Kommunens hemtjänst", "12,5 %", "Ej påbörjad – 3 st", "Åsele −4 – 2")


def _chart(whole: bool) -> bytes:
    """A small figure with regular and bold chart text, saved with or without whole fonts."""
    fonts = chart_fonts(load_theme())
    with chart_rc():
        fig = Figure(figsize=(4, 2), dpi=72)
        for i, text in enumerate(TEXTS):
            fig.text(0.05, 0.1 + 0.2 * i, text, fontproperties=fonts.props(bold=i % 2 == 1), fontsize=9)
        buf = io.BytesIO()
        if whole:
            with font_embed.whole_chart_fonts():
                fig.savefig(buf, format="pdf", metadata=PDF_METADATA)
        else:
            fig.savefig(buf, format="pdf", metadata=PDF_METADATA)
    return buf.getvalue()


def _font_files(data: bytes) -> list[bytes]:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return [o.read_bytes() for o in pdf.objects if isinstance(o, pikepdf.Stream) and "/Length1" in o]


def _text(data: bytes) -> str:
    doc = pdfium.PdfDocument(data)
    try:
        return doc[0].get_textpage().get_text_range()
    finally:
        doc.close()


def test_a_chart_with_whole_fonts_looks_and_reads_as_one_with_subsets() -> None:
    plain, whole = _chart(False), _chart(True)
    assert plain != whole
    assert rasterise(whole, 150) == rasterise(plain, 150)  # pixel for pixel
    assert _text(whole) == _text(plain)
    for text in TEXTS:
        assert text in _text(whole)


def test_the_embedded_font_file_is_the_chart_copy_itself() -> None:
    fonts = chart_fonts(load_theme())
    embedded = _font_files(_chart(True))
    assert set(embedded) == {fonts.regular_file.read_bytes(), fonts.bold_file.read_bytes()}
    # A subset is smaller than the copy: the plain route did subset.
    assert all(len(subset) < len(fonts.regular_file.read_bytes()) for subset in _font_files(_chart(False)))


def test_the_kept_deflate_is_what_zlib_writes() -> None:
    fonts = chart_fonts(load_theme())
    with pikepdf.open(io.BytesIO(_chart(True))) as pdf:
        raw = {o.read_raw_bytes() for o in pdf.objects if isinstance(o, pikepdf.Stream) and "/Length1" in o}
    level = mpl.rcParams["pdf.compression"]
    expected = {zlib.compress(f.read_bytes(), level) for f in (fonts.regular_file, fonts.bold_file)}
    assert raw == expected  # what the stream's own compressor would have written


def test_other_fonts_are_still_subset_and_matplotlib_is_restored() -> None:
    saved = (pdf_ps.get_glyphs_subset, pdf_ps.font_as_file, PdfFile.outputStream)
    fonts = chart_fonts(load_theme())
    full_regular = fonts.full_files[0] if fonts.full_files else None
    assert full_regular is not None
    with chart_rc():
        fig = Figure(figsize=(3, 1), dpi=72)
        fig.text(0.1, 0.5, "Ĳ Ωmega", fontproperties=mpl.font_manager.FontProperties(fname=str(full_regular)))
        buf = io.BytesIO()
        with font_embed.whole_chart_fonts():
            fig.savefig(buf, format="pdf", metadata=PDF_METADATA)
    embedded = _font_files(buf.getvalue())
    assert embedded and all(
        len(font) < full_regular.stat().st_size / 4 for font in embedded
    )  # a subset, not the 300 KB file
    assert (pdf_ps.get_glyphs_subset, pdf_ps.font_as_file, PdfFile.outputStream) == saved


def test_the_matplotlib_functions_replaced_still_exist() -> None:
    # The route this module takes: if Matplotlib renames these, the swap would do nothing.
    assert callable(pdf_ps.get_glyphs_subset) and callable(pdf_ps.font_as_file)
    assert callable(PdfFile.outputStream)
    assert hasattr(pdf_ps, "SubsetResults") and hasattr(pdf_ps.SubsetResults, "_as_cm")
    assert len(set(_font_files(_chart(True)))) == 2


def test_each_face_is_one_font_whose_codes_are_the_characters() -> None:
    # "–" and "−" lie past the first 256 code points: with ps.fonttype 3 (Matplotlib's
    # default) they would go into a second font per face with codes in order of use.
    with pikepdf.open(io.BytesIO(_chart(True))) as pdf:
        fonts = list(pdf.pages[0].Resources.Font.values())
        assert len(fonts) == 2  # regular and bold
        for font in fonts:
            assert font.Encoding == pikepdf.Name("/Identity-H")
            codes = font.DescendantFonts[0].CIDToGIDMap.read_bytes()
            assert len(codes) // 2 > 0x2013  # the en dash is coded as itself
