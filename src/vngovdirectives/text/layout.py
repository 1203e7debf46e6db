r"""Print layout out of text extracted from a PDF: running headers, page numbers, cut lines.

Text read from a printed page carries what the printer added:

* the official gazette's running header on every page (``CÔNG BÁO/Số 287 + 288/Ngày 08-4-2022``,
  its page number before or after it, on its own line or on the same one) and bare page numbers
  at the top or bottom of a page: recognised as layout and left out, so that no parser takes the
  gazette's issue for the document's number or date;
* in a gazette, the section title above the first document ("VĂN BẢN QUY PHẠM PHÁP LUẬT") and the
  issuer the gazette prints above the document's own header (the same words again, right after):
  left out, so that the document's header starts the text;
* a sentence cut by a page end: joined to its continuation on the next page with one space, when
  the line does not end a sentence and the next starts in lower case;
* a document number cut after a hyphen at a line end (``26/2016/TT-`` / ``BLĐTBXH``): joined back;
* runs of spaces (justified text) become one space; blank lines and line-end spaces are dropped.

Other line breaks stay. The result, :class:`PagedText`, keeps the raw text and maps every
character of the cleaned text back to it (:meth:`PagedText.raw_span`) and to its page
(:meth:`PagedText.page_of`). Every pattern is compiled once, with bounded repeats: linear time.

>>> t = clean_layout("Điều 1. Phạm vi \n\fCÔNG BÁO/Số 1 + 2/Ngày 08-4-2022 \n\n4 \nđiều chỉnh \n")
>>> t.text
'Điều 1. Phạm vi điều chỉnh'
>>> t.page_of(t.text.index("điều")), t.page_numbers
(1, (None, 4))
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from typing import TYPE_CHECKING, Final

import attrs

from vngovdirectives.errors import expect_type
from vngovdirectives.text.vocab import words

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["PagedText", "clean_layout", "clean_pages"]

#: The gazette's running header, with the page number on the same line or not, matched against a
#: whole line in NFC: "CÔNG BÁO/Số 287 + 288/Ngày 08-4-2022 3", "52 CÔNG BÁO/Số 603 + 604/Ngày 20-7-2022".
_HEADER: Final = re.compile(
    r" {0,8}(?:(\d{1,4}) {1,8})?"
    r"CÔNG BÁO[^/\n\d]{0,40}/ {0,3}Số {0,3}[\d +]{1,20}/ {0,3}Ngày {0,3}"
    r"\d{1,2} {0,2}[-/.] {0,2}\d{1,2} {0,2}[-/.] {0,2}\d{4}"
    r"(?: {1,8}(\d{1,4}))? {0,8}",
    re.IGNORECASE,
)
_PAGE_NUMBER: Final = re.compile(r" {0,8}(\d{1,4}) {0,8}")
_SPACE_RUN: Final = re.compile(r"[ \t]{2,}")
_LINE: Final = re.compile(r"[^\n\f]+")
#: A code cut after its hyphen: the line ends like "26/2016/TT-" …
_CODE_CUT: Final = re.compile(r"[A-Z0-9Đ]-\Z")
#: … and the next line starts with the rest of it, like "BLĐTBXH." (capitals, digits, Đ).
_CODE_REST: Final = re.compile(r"[A-Z0-9Đ][A-Z0-9Đ-]{0,40}(?=[\s.,;:)]|\Z)")
_SENTENCE_END: Final = frozenset(".;:!?")
_SECTIONS: Final = frozenset(words("gazette_sections"))
_WORD: Final = re.compile(r"[^\W_]+")


@attrs.frozen(slots=True)
class PagedText:
    """The cleaned text of paged input and its way back to the raw text.

    Attributes:
        text: the cleaned text, what the parsers read (and what spans index).
        raw: the raw text, each page followed by a form feed ``"\\f"``.
        pages: the offset in ``text`` where each page (0-based) begins; see :meth:`page_of`.
        removed: the spans of ``raw`` recognised as layout (running headers, page numbers).
        page_numbers: the page number printed on each page, where one was found.
        copies: ``(text_start, raw_start, length)`` runs copied unchanged from ``raw``, in order;
            the characters between two runs (line breaks, a joining space, a collapsed run of
            spaces) stand for the raw text between them.
    """

    text: str
    raw: str
    pages: tuple[int, ...]
    removed: tuple[tuple[int, int], ...]
    page_numbers: tuple[int | None, ...]
    copies: tuple[tuple[int, int, int], ...] = attrs.field(repr=False)

    def page_of(self, offset: int) -> int:
        """The 0-based page that ``text[offset]`` is on."""
        return max(0, bisect.bisect_right(self.pages, offset) - 1)

    def _raw_pos(self, offset: int, end: bool) -> int:
        """Where ``text[offset]`` starts (or, with ``end``, ends) in :attr:`raw`."""
        i = bisect.bisect_right(self.copies, offset, key=lambda c: c[0]) - 1
        t0, r0, n = self.copies[i] if i >= 0 else (0, 0, 0)
        if i >= 0 and offset < t0 + n:
            return r0 + offset - t0 + (1 if end else 0)
        if not end:  # between two copies: the raw text between them
            return r0 + n
        return self.copies[i + 1][1] if i + 1 < len(self.copies) else len(self.raw)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of :attr:`raw` that ``text[start:end]`` came from."""
        n = len(self.text)
        start = max(0, min(start, n))
        end = max(start, min(end, n))
        if end == start:
            pos = self._raw_pos(start, False) if start < n else self._raw_pos(n - 1, True) if n else 0
            return pos, pos
        return self._raw_pos(start, False), self._raw_pos(end - 1, True)


@attrs.frozen(slots=True)
class _Line:
    """One non-blank line of the raw text: ``raw[start:end]`` without its edge spaces."""

    start: int
    end: int
    page: int


class _Builder:
    """Appends pieces of the raw text, or text that stands in for some, and records the copies."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.parts: list[str] = []
        self.length = 0
        self.copies: list[tuple[int, int, int]] = []

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def copy(self, raw_start: int, raw_end: int) -> None:
        if raw_end > raw_start:
            self.copies.append((self.length, raw_start, raw_end - raw_start))
            self.add(self.raw[raw_start:raw_end])

    def copy_collapsing_spaces(self, raw_start: int, raw_end: int) -> None:
        pos = raw_start
        for m in _SPACE_RUN.finditer(self.raw, raw_start, raw_end):
            self.copy(pos, m.start())
            self.add(" ")
            pos = m.end()
        self.copy(pos, raw_end)


def _split_lines(raw: str, page_ends: Sequence[int]) -> list[_Line]:
    """The non-blank lines of ``raw``, trimmed, each with the page it is on."""
    lines: list[_Line] = []
    page = 0
    for m in _LINE.finditer(raw):
        while page < len(page_ends) - 1 and m.start() >= page_ends[page]:
            page += 1
        text = m.group()
        stripped = text.strip()
        if stripped:
            start = m.start() + (len(text) - len(text.lstrip()))
            lines.append(_Line(start, start + len(stripped), page))
    return lines


def _page_number(line: str) -> int | None:
    m = _PAGE_NUMBER.fullmatch(line)
    return int(m.group(1)) if m else None


def _headers(raw: str, lines: Sequence[_Line]) -> dict[int, int | None]:
    """The running header lines: line index -> the page number on the same line, if any."""
    found: dict[int, int | None] = {}
    for i, line in enumerate(lines):
        m = _HEADER.fullmatch(unicodedata.normalize("NFC", raw[line.start : line.end]))
        if m is not None:
            number = m.group(1) or m.group(2)
            found[i] = int(number) if number else None
    return found


def _header_page_numbers(raw: str, lines: Sequence[_Line], headers: dict[int, int | None]) -> dict[int, int]:
    """Bare numbers right before or after a running header that has no number of its own.

    When both neighbours are bare numbers (a table cell next to the header), the one that counts
    up with the pages like the other pages' numbers is the page number.
    """
    choices: list[list[tuple[int, int]]] = []
    for i, inline in headers.items():
        if inline is not None:
            continue
        near: list[tuple[int, int]] = []
        for j in (i - 1, i + 1):
            if 0 <= j < len(lines) and j not in headers and lines[j].page == lines[i].page:
                number = _page_number(raw[lines[j].start : lines[j].end])
                if number is not None:
                    near.append((j, number))
        if near:
            choices.append(near)
    shifts = Counter(n - lines[i].page for i, n in headers.items() if n is not None)
    shifts.update(n - lines[j].page for near in choices if len(near) == 1 for j, n in near)
    shift = shifts.most_common(1)[0][0] if shifts else None
    found: dict[int, int] = {}
    for near in choices:
        j, number = next(((j, n) for j, n in near if n - lines[j].page == shift), near[0])
        found[j] = number
    return found


def _edge_page_numbers(raw: str, lines: Sequence[_Line], skip_pages: set[int]) -> dict[int, int]:
    """Bare numbers that are the first or last line of a page without header and count up.

    A number ``n`` on page ``p`` is a candidate; the candidates whose ``n - p`` is the most common
    one are page numbers: at least two of them, or one that is its page's own 1-based position (a
    lone "15" at the end of a one-page text stays).
    """
    firsts: dict[int, int] = {}
    lasts: dict[int, int] = {}
    for i, line in enumerate(lines):
        if line.page not in skip_pages:
            firsts.setdefault(line.page, i)
            lasts[line.page] = i
    candidates: dict[int, int] = {}
    for i in {*firsts.values(), *lasts.values()}:
        number = _page_number(raw[lines[i].start : lines[i].end])
        if number is not None:
            candidates[i] = number
    shifts = Counter(n - lines[i].page for i, n in candidates.items())
    if not shifts:
        return {}
    shift, count = shifts.most_common(1)[0]
    if count < 2 and shift != 1:
        return {}
    return {i: n for i, n in candidates.items() if n - lines[i].page == shift}


def _words(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFC", text).casefold())


def _front_matter(raw: str, lines: Sequence[_Line], layout: dict[int, int | None]) -> list[int]:
    """The gazette's section title and its copy of the issuer, above the first document's header.

    The issuer copy is the first lines of capitals whose words the next lines repeat ("BỘ LAO
    ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI" above "BỘ LAO ĐỘNG - THƯƠNG BINH" / "VÀ XÃ HỘI").
    """
    first = [i for i, line in enumerate(lines) if line.page == 0 and i not in layout][:24]
    found: list[int] = []
    if first and " ".join(_words(raw[lines[first[0]].start : lines[first[0]].end])) in _SECTIONS:
        found.append(first.pop(0))
    capitals: list[list[str]] = []
    for i in first:
        text = raw[lines[i].start : lines[i].end]
        if text != text.upper() or not _words(text):
            break
        capitals.append(_words(text))
    for k in range(1, len(capitals) // 2 + 1):
        head = [w for ws in capitals[:k] for w in ws]
        rest = [w for ws in capitals[k:] for w in ws]
        if rest[: len(head)] == head:
            found.extend(first[:k])
            break
    return found


def _layout_lines(raw: str, lines: Sequence[_Line]) -> dict[int, int | None]:
    """Indices of the lines that are print layout, each with the page number it states."""
    layout = _headers(raw, lines)
    gazette = bool(layout)
    numbers = _header_page_numbers(raw, lines, layout)
    numbers.update(_edge_page_numbers(raw, lines, {lines[i].page for i in layout}))
    layout.update(numbers)
    if gazette:
        layout.update(dict.fromkeys(_front_matter(raw, lines, layout)))
    return layout


def _separator(before: str, after: str, across_layout: bool) -> str:
    """What joins two consecutive lines: "" for a cut code, " " for a cut sentence, else a line break."""
    if _CODE_CUT.search(before) and _CODE_REST.match(after):
        return ""
    if across_layout and before[-1] not in _SENTENCE_END and after[0].islower():
        return " "
    return "\n"


def _page_starts(starts: list[int | None], length: int) -> tuple[int, ...]:
    """Where each page starts; a page without text starts where the next one does."""
    out: list[int] = []
    nxt = length
    for start in reversed(starts):
        nxt = nxt if start is None else start
        out.append(nxt)
    return tuple(reversed(out))


def _assemble(raw: str, lines: Sequence[_Line], layout: dict[int, int | None], npages: int) -> PagedText:
    out = _Builder(raw)
    starts: list[int | None] = [None] * npages
    prev: _Line | None = None
    crossed = False
    for i, line in enumerate(lines):
        if i in layout:
            crossed = True
            continue
        if prev is not None:
            crossed = crossed or line.page != prev.page
            out.add(_separator(raw[prev.start : prev.end], raw[line.start : line.end], crossed))
        if starts[line.page] is None:
            starts[line.page] = out.length
        out.copy_collapsing_spaces(line.start, line.end)
        prev, crossed = line, False
    printed: list[int | None] = [None] * npages
    for i, number in layout.items():
        if number is not None:
            printed[lines[i].page] = number
    return PagedText(
        text="".join(out.parts),
        raw=raw,
        pages=_page_starts(starts, out.length),
        removed=tuple((lines[i].start, lines[i].end) for i in sorted(layout)),
        page_numbers=tuple(printed),
        copies=tuple(out.copies),
    )


def clean_pages(raw: str, page_ends: Sequence[int]) -> PagedText:
    """Clean ``raw``, whose pages end at the offsets ``page_ends`` (see the module)."""
    lines = _split_lines(raw, page_ends)
    return _assemble(raw, lines, _layout_lines(raw, lines), max(1, len(page_ends)))


def clean_layout(raw: str) -> PagedText:
    """Clean text extracted from paged input, where a form feed ``"\\f"`` ends each page.

    Text without form feeds is one page: running headers and the page numbers beside them are
    still removed, and sentences cut by them joined.

    Raises:
        InputTypeError: ``raw`` is not a str.
    """
    expect_type(raw, str, "clean_layout", "raw")
    ends = [m.end() for m in re.finditer("\f", raw)]
    if not ends or ends[-1] < len(raw):
        ends.append(len(raw))
    return clean_pages(raw, ends)
