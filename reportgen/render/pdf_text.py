"""Plain-text paragraphs for the PDF renderers, without reportlab's markup parser.

Nearly every paragraph of a deck is plain text — a table cell, a title, a note — and
reportlab parses each one as markup (``paraparser`` on top of ``html.parser``) and then
wraps it again every time a table or the fit search asks for its height. Both cost more
than drawing it (issue 19). :class:`PlainParagraph` is a reportlab ``Paragraph`` built
from the fragment the parser would have made (one fragment per style, cloned with the
text), and it remembers its line breaks per width, shared between paragraphs of the same
text and style. What it draws is byte for byte what ``Paragraph(escape(text), style)``
draws; a text the parser would have split into several fragments (one with ``&``, ``<``
or ``>``) or would have emptied gets the parser after all (:func:`plain_paragraph`).
"""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import fp_str
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus.paragraph import cleanBlockQuotedText

#: Characters the parser turns into fragments of their own (entities, tags).
_MARKUP = frozenset("&<>")
#: What ``wrap`` sets on a paragraph; restored together from the shared memo.
_WRAP_STATE = ("width", "height", "blPara", "_wrapWidths", "_width_max", "_splitLongWordCount", "_hyphenations")
#: Entries kept before the memos start again: a county deck needs a few thousand, and a
#: batch of counties must not grow without bound.
MEMO_LIMIT = 20_000

_templates: dict[int, Any] = {}  # style serial -> the parser's fragment for that style
_wraps: dict[tuple[Any, ...], dict[str, Any]] = {}
_cleaned: dict[str, str] = {}  # text -> its whitespace as the parser sees it (numbers repeat)
_serials: dict[tuple[Any, ...], int] = {}  # a style's attributes -> its serial
_seen: dict[int, tuple[ParagraphStyle, int]] = {}  # id(style) -> the style and its serial


def style_serial(style: ParagraphStyle) -> int:
    """A small number for the value of ``style``: equal for two styles with the same
    attributes (reportlab keeps them all on the instance), so they share fragments and
    line breaks. Remembered per style object, because hashing the attributes (colours
    hash in Python) would cost more than the parse it saves; a style is therefore not
    to be changed once a paragraph uses it (reportlab's own paragraphs would not notice
    either)."""
    seen = _seen.get(id(style))
    if seen is not None and seen[0] is style:
        return seen[1]
    if len(_seen) >= MEMO_LIMIT:
        _seen.clear()
    serial = _serials.setdefault(tuple(style.__dict__.items()), len(_serials))
    _seen[id(style)] = (style, serial)
    return serial


def plain_paragraph(text: str, style: ParagraphStyle, bullet: str | None = None) -> RLParagraph:
    """``text`` (plain, not markup) as a paragraph: the same as
    ``Paragraph(escape(text), style, bulletText=bullet)``, only cheaper."""
    if _MARKUP.isdisjoint(text):
        clean = _cleaned.get(text)
        if clean is None:
            if len(_cleaned) >= MEMO_LIMIT:
                _cleaned.clear()
            clean = _cleaned[text] = cleanBlockQuotedText(text)  # what the parser is given
        if clean:
            return PlainParagraph(clean, style, bullet)
    return RLParagraph(escape(text), style, bulletText=bullet)


class PlainParagraph(RLParagraph):
    """A paragraph of one plain-text fragment whose line breaks are worked out once per
    width (reportlab's ``wrap`` depends on the width only, not on the height offered).

    Make it through :func:`plain_paragraph`, which checks that ``text`` is what the
    parser would leave as one fragment.
    """

    def __init__(
        self,
        text: str | None,
        style: ParagraphStyle,
        bullet: str | None = None,
        frags: list[Any] | None = None,
        **kwargs: Any,
    ) -> None:
        if frags is not None:  # a piece of this paragraph, as reportlab's ``split`` makes it
            kwargs.setdefault("bulletText", bullet)
            super().__init__(text, style, frags=frags, **kwargs)
            self._key = None
            return
        assert text is not None
        serial = style_serial(style)
        template = _templates.get(serial)
        if template is None:
            (template,) = RLParagraph("x", style).frags
            _templates[serial] = template
        self.caseSensitive = 1
        self.encoding = "utf8"
        frag = template.clone(text=text, link=[], us_lines=[])
        self._setup(text, style, bullet or getattr(style, "bulletText", None), [frag], None)
        self._key: tuple[Any, ...] | None = (text, self.bulletText, serial)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._key is None:  # a split piece: its fragments are not one plain text
            return super().wrap(availWidth, availHeight)
        memo_key = (availWidth, *self._key)
        state = _wraps.get(memo_key)
        if state is None:
            width, height = super().wrap(availWidth, availHeight)
            blpara = getattr(self, "blPara", None)  # none when no room at all
            if blpara is None or blpara.kind != 0:  # pragma: no cover — one plain fragment breaks simply
                return width, height
            if len(_wraps) >= MEMO_LIMIT:
                _wraps.clear()
            _wraps[memo_key] = {name: getattr(self, name) for name in _WRAP_STATE if hasattr(self, name)}
            return width, height
        self.__dict__.update(state)
        return self.width, self.height

    def _memo_key(self) -> tuple[Any, ...] | None:
        if self._key is None or getattr(self, "_offsets", None) is not None:
            return None
        return (self._key, self.width, self.height)

    def draw(self) -> None:
        """Draw as reportlab does; a paragraph of the same text, style and size drawn
        before in this document repeats that drawing's operators (see :func:`_drawn`)."""
        canvas = self.canv
        key = self._memo_key()
        if key is None:
            super().draw()
            return
        memo = _drawn(canvas)
        code = memo.get(key)
        if code is not None:
            canvas._code.extend(code)
            return
        start = len(canvas._code)
        super().draw()
        memo[key] = canvas._code[start:]

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        """``Flowable.drawOn``; for a paragraph drawn before in this document, its
        operators written directly: ``q``, the translation ``canvas.translate`` would
        write, the drawing's operators, ``Q``. ``drawOn`` saves and restores the canvas's
        graphics state around the drawing, so leaving that state untouched is the same
        (reportlab copies two dozen attributes each way, a third of a table cell's cost)."""
        key = self._memo_key()
        code = _drawn(canvas).get(key) if key is not None else None
        if code is None or getattr(self, "_showBoundary", False):
            super().drawOn(canvas, x, y, _sW)
            return
        x = self._hAlignAdjust(x, _sW)
        out = canvas._code
        out.append("q")
        out.append("%s cm" % fp_str(1, 0, 0, 1, x, y))  # noqa: UP031 — canvas.transform's own format
        out.extend(code)
        out.append("Q")


def _drawn(canvas: Any) -> dict[tuple[Any, ...], list[str]]:
    """The operators each plain paragraph drawn on this canvas appended, by text, style and size.

    A table cell, a number or a name recurs hundreds of times in a county deck, and
    reportlab sets up and encodes each one again. What ``Paragraph.drawPara`` appends to
    ``canvas._code`` depends only on those (it draws at the origin that ``drawOn``
    translated to, inside a saved and restored graphics state) and on the document's font
    subsets, which assign a character its code the first time it is drawn and never
    change it: so within one document the same paragraph appends the same operators, and
    repeating them leaves the canvas as drawing it again would (tests/render/
    test_pdf_text.py compares a deck's bytes drawn both ways). Kept on the canvas, so a
    memo never outlives its document.
    """
    memo = canvas.__dict__.get("_reportgen_drawn")
    if memo is None:
        memo = canvas.__dict__["_reportgen_drawn"] = {}
    return memo
