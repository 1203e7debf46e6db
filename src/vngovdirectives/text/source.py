"""One input, read once: the caller's text or HTML page, the plain text every parser reads, and the
maps between them.

A :class:`SourceText` is built once per input (:meth:`SourceText.read`). It holds the caller's
string, the HTML reading when the input is a page (:mod:`vngovdirectives.text.html`), the plain
text normalised (:mod:`vngovdirectives.text.normalize`), and the lower-cased and reversed copies
the scanners read. The finders, the directive parsers and the command line all take it, so no
text is normalised or lower-cased twice; :meth:`SourceText.span` maps a span of the text back to
the caller's input.

>>> s = SourceText.read("<p>Công văn số 39/CV&#8209;BCĐ</p>", html=True)
>>> s.text
'Công văn số 39/CV-BCĐ\\n'
>>> start, end = s.span(12, 21)
>>> s.source[start:end]
'39/CV&#8209;BCĐ'
"""

from __future__ import annotations

import attrs

from vngovdirectives.errors import HtmlError
from vngovdirectives.text.html import HtmlText, html_to_text, looks_like_html
from vngovdirectives.text.normalize import Normalized, lowered, normalize

__all__ = ["SourceText"]


@attrs.frozen(slots=True)
class SourceText:
    """The caller's input and what the parsers read of it.

    Attributes:
        source: the caller's string, text or HTML, as given.
        page: the HTML reading (text and map back to the markup) when the input is a page.
        norm: the plain text normalised, with its map back to the plain text.
        low: the normalised text lower-cased, position for position.
        rev: ``low`` reversed, for the patterns that read leftwards from a position.
    """

    source: str
    page: HtmlText | None
    norm: Normalized
    low: str
    rev: str

    @classmethod
    def read(cls, source: str, *, html: bool | None = False) -> SourceText:
        """Read ``source``: as HTML when ``html`` is True, as plain text when False, and as whatever
        it looks like when None (:func:`~vngovdirectives.text.html.looks_like_html`).

        Raises:
            HtmlError: ``source`` is not a ``str``.
        """
        if not isinstance(source, str):
            raise HtmlError(f"expected a str, got {type(source).__name__}")
        if html is None:
            html = looks_like_html(source)
        page = html_to_text(source) if html else None
        norm = normalize(page.text if page is not None else source)
        low = lowered(norm.text)
        return cls(source, page, norm, low, low[::-1])

    @property
    def text(self) -> str:
        """The plain text, normalised: what the parsers and scanners read."""
        return self.norm.text

    @property
    def is_html(self) -> bool:
        """Whether the input was read as an HTML page."""
        return self.page is not None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the caller's input that ``text[start:end]`` came from."""
        s, e = self.norm.source_span(start, end)
        if self.page is not None:
            s, e = self.page.source_span(s, e)
        return s, e
