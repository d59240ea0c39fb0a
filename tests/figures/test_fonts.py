from __future__ import annotations

from fontTools.ttLib import TTFont

from reportgen.figures.fonts import layout_free
from reportgen.theme import load_theme


def test_layout_free_copy_keeps_glyphs_and_widths_and_drops_layout_tables(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTGEN_CACHE", str(tmp_path))
    source = load_theme().font_path("pdf_regular")
    copy = layout_free.__wrapped__(source)  # bypass the per-process cache
    assert copy.parent == tmp_path / "reportgen" / "fonts"
    with TTFont(str(source)) as original, TTFont(str(copy)) as light:
        assert {"GSUB", "GPOS", "kern"} & set(light.keys()) == set()
        assert light.getBestCmap() == original.getBestCmap()
        for char in "AÅåäöÖ–…*\u202f\u2212":
            glyph = original.getBestCmap()[ord(char)]
            assert light["hmtx"][glyph] == original["hmtx"][glyph]
        assert light["head"].modified == original["head"].modified  # byte-stable PDFs


def test_layout_free_copy_is_made_once(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTGEN_CACHE", str(tmp_path))
    source = load_theme().font_path("pdf_bold")
    first = layout_free.__wrapped__(source)
    stamp = first.stat().st_mtime_ns
    assert layout_free.__wrapped__(source) == first
    assert first.stat().st_mtime_ns == stamp
    assert [p.name for p in first.parent.iterdir()] == [first.name]  # no temporary left behind
