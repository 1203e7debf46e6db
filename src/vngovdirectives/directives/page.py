"""A page as the directive parsers read it: the source text, everything the finders found in it, and
the small text helpers every parser uses (lines, table cells, trimming).
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING, Final

import attrs

from vngovdirectives.directives.model import Mention, SourceFormat, Span
from vngovdirectives.errors import InputTypeError
from vngovdirectives.finding.match import Match, MatchKind
from vngovdirectives.finding.pipeline import matches, scan
from vngovdirectives.text.source import SourceText

if TYPE_CHECKING:
    import datetime as dt

__all__ = ["Page", "clean", "lines", "read_page", "segments", "trim"]


@attrs.frozen(slots=True)
class Page:
    """The caller's input read once (:class:`~vngovdirectives.text.source.SourceText`), and the
    finders' matches in the coordinates of its normalised text, indexed by kind."""

    source: SourceText
    matches: tuple[Match[object], ...]
    context_date: dt.date | None
    by_kind: dict[MatchKind, tuple[tuple[int, ...], tuple[Match[object], ...]]]

    @property
    def text(self) -> str:
        """The normalised plain text the parsers read."""
        return self.source.text

    @property
    def format(self) -> SourceFormat:
        """Whether the input was text or an HTML page."""
        return SourceFormat.HTML if self.source.is_html else SourceFormat.TEXT

    def span(self, start: int, end: int) -> Span:
        """The span of the caller's input that ``text[start:end]`` came from."""
        s, e = self.source.span(start, end)
        return Span(start=s, end=e)

    def mention(self, start: int, end: int) -> Mention | None:
        """The piece ``text[start:end]`` with surrounding space and punctuation trimmed; None if empty."""
        start, end = trim(self.text, start, end)
        if end <= start:
            return None
        return Mention(text=clean(self.text[start:end]), span=self.span(start, end))

    def in_range(self, kind: MatchKind, start: int, end: int) -> list[Match[object]]:
        """The matches of ``kind`` inside ``text[start:end]`` (a binary search: no scan of the whole text)."""
        starts, found = self.by_kind.get(kind, ((), ()))
        out: list[Match[object]] = []
        for i in range(bisect.bisect_left(starts, start), len(starts)):
            m = found[i]
            if m.start >= end:
                break
            if m.end <= end:
                out.append(m)
        return out


def read_page(source: object, html: bool | None) -> Page:
    """Read ``source`` (text or HTML; ``html=None`` detects it) and find everything in it once.

    Raises:
        InputTypeError: ``source`` is not a ``str``.
    """
    if isinstance(source, SourceText):
        text = source
    elif isinstance(source, str):
        text = SourceText.read(source, html=html)
    else:
        raise InputTypeError(f"the directive parsers read a str or SourceText, not {type(source).__name__}")
    result = scan(text)
    found = tuple(matches(result, mapped=False))
    by_kind: dict[MatchKind, tuple[tuple[int, ...], tuple[Match[object], ...]]] = {}
    for kind in MatchKind:
        of_kind = sorted((m for m in found if m.kind is kind), key=lambda m: m.start)
        by_kind[kind] = (tuple(m.start for m in of_kind), tuple(of_kind))
    return Page(text, found, result.context_date, by_kind)


_WS: Final = re.compile(r"\s+")
_TRIM: Final = " \t\r\n\f\v.,;:|-–"


def clean(piece: str) -> str:
    """``piece`` with its white space collapsed to single spaces and trimmed."""
    return _WS.sub(" ", piece).strip()


def trim(text: str, start: int, end: int, chars: str = _TRIM) -> tuple[int, int]:
    """``(start, end)`` narrowed past the ``chars`` at both ends of ``text[start:end]``."""
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def lines(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Non-blank lines of ``text[start:end]`` as trimmed (start, end) pairs."""
    end = len(text) if end is None else end
    out: list[tuple[int, int]] = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        s, e = trim(text, pos, stop, " \t\r\f\v\u200b")
        if e > s:
            out.append((s, e))
        pos = stop + 1
    return out


def segments(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Lines, further cut at "|" (table cells rendered as text)."""
    out: list[tuple[int, int]] = []
    for s, e in lines(text, start, end):
        pos = s
        while pos <= e:
            bar = text.find("|", pos, e)
            stop = e if bar < 0 else bar
            a, b = trim(text, pos, stop, " \t")
            if b > a:
                out.append((a, b))
            if bar < 0:
                break
            pos = bar + 1
    return out
