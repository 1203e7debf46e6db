"""What ends a document's main text and what follows it: the "Nơi nhận" list and the appendices.

The recipients are the items of the "Nơi nhận:" list, up to the signature block; an appendix or an
attached text begins at a heading in capitals ("PHỤ LỤC", or "QUY CHẾ" followed by its "(Ban hành kèm theo
…)").
"""

from __future__ import annotations

import bisect
import re
from typing import Final

from vngovdirectives.directives.lexicon import APPENDIX
from vngovdirectives.directives.signature import starts_block, unit_start
from vngovdirectives.directives.units import Piece, Unit, is_upper, plain

__all__ = ["appendix_start", "recipients"]

_MAX_CHARS: Final = 300
_ITEM: Final = re.compile(r"[^;]+")

_KEM_THEO: Final = re.compile(r"(?:[Kk]èm|KÈM)\s{1,3}(?:theo|THEO)")


def appendix_start(text: str, units: list[Unit], start: int) -> int:
    """Where the first appendix or attached text after ``start`` begins (a heading in capitals such as "PHỤ LỤC",
    or "QUY CHẾ" followed by its "(Ban hành kèm theo …)"), for a text whose signature block is not found; else
    the end of the text."""
    i = bisect.bisect_left(units, start, key=unit_start)
    for hit in _HEADING_AT_LINE.finditer(text, max(0, units[i].start - 1) if i < len(units) else len(text)):
        k = bisect.bisect_right(units, hit.end() - 1, key=unit_start) - 1
        if k < i:
            continue
        u = units[k]
        m = APPENDIX.match(u.text)
        if m is None or not is_upper(u.text[: m.end()]) or len(u.text) > _MAX_CHARS:
            continue
        if u.text.upper().startswith("PHỤ LỤC") or any(_KEM_THEO.search(v.text) for v in units[k + 1 : k + 5]):
            return u.start
    return len(text)


_NOI_NHAN: Final = re.compile(r"(?:Nơi|NƠI)\s{1,3}(?:nhận|NHẬN)\s{0,3}:?")
#: Where a line or a cell opens with an appendix heading (the units worth reading for one).
_HEADING_AT_LINE: Final = re.compile(rf"[\n|][ \t\r\f\v*#_|\u200b]*(?={APPENDIX.pattern})")


def recipients(text: str, units: list[Unit], start: int, end: int) -> tuple[Piece, ...]:
    """The items of the first "Nơi nhận:" list between ``start`` and ``end``."""
    first = bisect.bisect_left(units, start, key=unit_start)
    i = len(units)
    for hit in _NOI_NHAN.finditer(text, units[first].start if first < len(units) else len(text), end):
        k = bisect.bisect_right(units, hit.start(), key=unit_start) - 1
        if k >= first and units[k].start == hit.start():
            i = k
            break
    if i >= len(units) or units[i].start >= end:
        return ()
    m = _NOI_NHAN.match(text, units[i].start)
    spans: list[tuple[int, int]] = []
    if m is not None and plain(text[m.end() : units[i].end]):
        spans.append((m.end(), units[i].end))
    j = i + 1
    while j < len(units) and j - i < 60 and units[j].start < end:
        u = units[j]
        if starts_block(u):
            break
        if u.text[:1] in "-+•":
            spans.append((u.start, u.end))
        elif spans and not u.rule:
            spans[-1] = (spans[-1][0], u.end)
        elif not u.rule:
            break
        j += 1
    out: list[Piece] = []
    for s, e in spans:
        for part in _ITEM.finditer(text[s : min(e, end)]):
            value = plain(part.group()).strip(" -+•.,")
            if len(value) >= 2:
                out.append(Piece(value, s + part.start(), s + part.end()))
    return tuple(out)
