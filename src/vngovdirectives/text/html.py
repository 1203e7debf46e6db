"""HTML pages to plain text, with a map from every character back to the HTML.

Portal pages carry the text of a bulletin or document among menus, scripts and footers.
:func:`html_to_text` keeps the readable text and its block structure (headings, paragraphs,
list items and table cells end a line), decodes entities, collapses runs of white space and
drops scripts, styles, forms and navigation (``nav``, ``header``, ``footer``, ``aside``,
``role="navigation"``, and elements whose class or id says menu, breadcrumb or sidebar).
Every character of the result knows the span of the HTML it came from.

It uses the standard library's :class:`html.parser.HTMLParser`, a real tokenizer that
tolerates broken markup; it never raises on a ``str``.

>>> page = "<nav>Trang chủ</nav><h1>Chỉ đạo &amp; điều hành</h1><p>Yêu cầu&nbsp;Sở Y tế</p>"
>>> t = html_to_text(page)
>>> t.text
'Chỉ đạo & điều hành\\nYêu cầu\\xa0Sở Y tế\\n'
>>> s, e = t.source_span(8, 9)
>>> page[s:e]
'&amp;'
>>> looks_like_html(page), looks_like_html("Số: 07/KH-UBND <không phải thẻ>")
(True, False)
"""

from __future__ import annotations

import re
from html import unescape
from html.entities import html5
from html.parser import HTMLParser
from typing import Final

import attrs

from vngovdirectives.errors import HtmlError, expect_type

__all__ = ["HtmlText", "html_to_text", "looks_like_html"]

#: Elements whose content is never text of the page.
_DROP: Final = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "head",
        "nav",
        "header",
        "footer",
        "aside",
        "form",
        "select",
        "button",
        "iframe",
        "svg",
        "object",
        "menu",
    }
)
#: Elements that end a line of text (before and after them).
_BLOCK: Final = frozenset(
    {
        "address",
        "article",
        "blockquote",
        "body",
        "br",
        "caption",
        "center",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "li",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "title",
        "tr",
        "ul",
    }
)
#: Elements never dropped for their class or id (a body or article with a layout class holds the content).
_CONTAINERS: Final = frozenset({"html", "body", "main", "article"})
_LAYOUT_PREFIXES: Final = ("has-", "with-", "no-", "is-", "layout", "page-", "body-", "show-", "hide-")
_VOID: Final = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"})
_NAV_WORDS: Final = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|breadcrumbs?|sidebar|skip|cookie|footer|social|share|related|banner)"
    r"(?:$|[\s_-])",
    re.I,
)
_HTML_HINT: Final = re.compile(
    r"<(?:!doctype\s|html[\s>]|head[\s>]|body[\s>]|(?:p|div|br|span|h[1-6]|table|td|li|a)[\s>/])", re.I
)
_SPACE: Final = frozenset(" \t\n\r\f\v")


def looks_like_html(text: str) -> bool:
    """True when ``text`` starts like markup or holds common HTML tags in its first 4,000 characters."""
    expect_type(text, str, "looks_like_html")
    head = text[:4000]
    return _HTML_HINT.search(head) is not None


@attrs.frozen(slots=True)
class HtmlText:
    """The text of an HTML page; ``text[i]`` came from ``source[starts[i]:ends[i]]``."""

    text: str
    source: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of :attr:`source` that ``text[start:end]`` came from."""
        n = len(self.text)
        start = max(0, min(start, n))
        end = max(start, min(end, n))
        if end > start:
            return self.starts[start], self.ends[end - 1]
        pos = self.starts[start] if start < n else len(self.source)
        return pos, pos


class _Extractor(HTMLParser):
    """Collects text pieces with their source positions."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self._source = source
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.chars: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self._skip_tag: str | None = None
        self._skip_depth = 0
        self._pending_space: int | None = None  # source position of a collapsed white space run
        self._pre = 0

    # -- positions
    def _offset(self) -> int:
        line, col = self.getpos()
        return self._line_starts[line - 1] + col

    # -- output
    def _emit(self, ch: str, start: int, end: int) -> None:
        if self._pending_space is not None:
            if self.chars and self.chars[-1] != "\n":
                self.chars.append(" ")
                self.starts.append(self._pending_space)
                self.ends.append(self._pending_space + 1)
            self._pending_space = None
        self.chars.append(ch)
        self.starts.append(start)
        self.ends.append(end)

    def _newline(self, pos: int) -> None:
        self._pending_space = None
        while self.chars and self.chars[-1] == " ":
            self.chars.pop()
            self.starts.pop()
            self.ends.pop()
        if self.chars and self.chars[-1] != "\n":
            self.chars.append("\n")
            self.starts.append(pos)
            self.ends.append(pos)

    def _text(self, data: str, pos: int) -> None:
        if self._skip_tag is not None:
            return
        for i, ch in enumerate(data):
            if ch in _SPACE:
                if self._pre and ch == "\n":
                    self._newline(pos + i)
                elif self._pending_space is None:
                    self._pending_space = pos + i
                continue
            self._emit(ch, pos + i, pos + i + 1)

    # -- parser callbacks
    def handle_starttag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        pos = self._offset()
        if self._skip_tag is not None:
            if tag == self._skip_tag:
                self._skip_depth += 1
            return
        if tag in _DROP or (tag not in _CONTAINERS and _is_navigation(attrs_)):
            if tag not in _VOID:
                self._skip_tag, self._skip_depth = tag, 1
            return
        if tag == "pre":
            self._pre += 1
        if tag in _BLOCK:
            self._newline(pos)

    def handle_startendtag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        if self._skip_tag is None and tag in _BLOCK:
            self._newline(self._offset())

    def handle_endtag(self, tag: str) -> None:
        pos = self._offset()
        if self._skip_tag is not None:
            if tag == self._skip_tag:
                self._skip_depth -= 1
                if self._skip_depth == 0:
                    self._skip_tag = None
            return
        if tag == "pre" and self._pre:
            self._pre -= 1
        if tag in _BLOCK:
            self._newline(pos)

    def handle_data(self, data: str) -> None:
        self._text(data, self._offset())

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        """``<![CDATA[…]]>``, ``<![if …]>``; anything else after ``<![`` ("ngày 6/5/20<![19") is what a
        browser makes of it, a bogus comment, instead of the standard parser's AssertionError."""
        where = self.getpos()
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            self.lineno, self.offset = where  # the failed scan moved the position it reports
            return self.parse_bogus_comment(i)

    def handle_entityref(self, name: str) -> None:
        if self._skip_tag is not None:
            return
        start = self._offset()
        end = start + 1 + len(name)
        if self._source.startswith(";", end):
            end += 1
        decoded = html5.get(name + ";") or html5.get(name) or self._source[start:end]
        self._decoded(decoded, start, end)

    def handle_charref(self, name: str) -> None:
        if self._skip_tag is not None:
            return
        start = self._offset()
        end = start + 2 + len(name)
        if self._source.startswith(";", end):
            end += 1
        self._decoded(unescape(self._source[start:end]), start, end)

    def _decoded(self, decoded: str, start: int, end: int) -> None:
        for ch in decoded:
            if ch in _SPACE:
                if self._pending_space is None:
                    self._pending_space = start
                continue
            self._emit(ch, start, end)


def _is_navigation(attrs_: list[tuple[str, str | None]]) -> bool:
    """True for an element whose role, class or id marks it as navigation or page furniture.

    Layout flags on wrappers ("has-sidebar", "with-menu", "page-footer-fixed") do not count: they
    describe the page around the content, not the element itself.
    """
    for name, value in attrs_:
        if value is None:
            continue
        if name == "role" and value.lower() in {"navigation", "banner", "contentinfo", "menu", "menubar"}:
            return True
        if name in {"class", "id"}:
            for token in value.lower().split():
                if not token.startswith(_LAYOUT_PREFIXES) and _NAV_WORDS.search(token):
                    return True
    return False


def _defused(source: str) -> str:
    """``source`` with every "<" after the last ">" made a space (same length, so offsets hold).

    Such a "<" opens markup that never ends; the standard parser rescans the rest of the page for
    each of them, which is quadratic. They cannot be tags, so they lose nothing but the "<".
    """
    last = source.rfind(">")
    if "<" not in source[last + 1 :]:
        return source
    return source[: last + 1] + source[last + 1 :].replace("<", " ")


def html_to_text(source: str, /) -> HtmlText:
    """The readable text of an HTML page, one block per line, with a map back to ``source``."""
    if not isinstance(source, str):
        raise HtmlError(f"html_to_text reads a str, not {type(source).__name__}")
    ex = _Extractor(source)
    ex.feed(_defused(source))
    ex.close()
    ex._newline(len(source))
    return HtmlText("".join(ex.chars), source, tuple(ex.starts), tuple(ex.ends))
