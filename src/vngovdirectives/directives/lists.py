"""Lists of a header: the addressees after "Kính gửi:" and the list after a công điện's "… điện:".

An item runs over lines while it visibly continues (a lower-case line, a word that cannot end a name); an item
that runs into the body's first sentence ends the list there; a list flattened onto one line is cut into its
items.
"""

from __future__ import annotations

import re
from typing import Final

from vngovdirectives.directives.lexicon import BODY, OPENING_ALT
from vngovdirectives.directives.units import Piece, Unit, dangles, plain, starts_lower
from vngovdirectives.text.patterns import LOWER, UPPER

__all__ = ["OPENS_BODY", "list_items", "split_inline"]

#: What opens the body: a word of the vocabulary's openings, an article, a dated sentence, a preposition
#: followed by a lower-case word ("Trong tháng 11 …").
OPENS_BODY: Final = re.compile(
    rf"(?:{OPENING_ALT}|Điều\s{{1,3}}\d|Ngày\s{{1,3}}\d)(?![\w])|(?:Tại|Trong|Qua|Từ|Theo)\s{{1,3}}(?=[{LOWER}])"
)
_DONG_KINH_GUI: Final = re.compile(r"(?:Đồng|ĐỒNG)\s{1,3}(?:kính|KÍNH)\s{1,3}(?:gửi|GỬI|gởi)")
_PERIOD: Final = re.compile(rf"\.(?=[\s*]{{1,4}}[{UPPER}])")
_BULLET: Final = "-+•–"
_INLINE_LIST: Final = re.compile(r";\s{0,3}[-+•]\s")
_SEMICOLON_PARTS: Final = re.compile(r"[^;]+")
_COMMA_PARTS: Final = re.compile(r"[^,]+")
#: A body named at the start of each part of an addressee line ("Sở Tài chính, Sở Xây dựng").
_BODY_CI: Final = re.compile(r"(?:" + BODY.pattern + r"|Chủ\s{1,3}tịch|Giám\s{1,3}đốc|Thủ\s{1,3}trưởng)", re.IGNORECASE)


def list_items(text: str, units: list[Unit], i: int, start: int) -> tuple[list[Piece], int]:
    """The items of a list starting at ``start`` in unit ``i``: "- A;" lines, or one item running over lines
    while it visibly continues; an item that runs into the body's first sentence ("… thành phố. Ngày 30/6/2025")
    ends the list there. Returns the items and where the list ends."""
    items: list[list[tuple[int, int]]] = [[(start, units[i].end)]] if plain(text[start : units[i].end]) else []
    j = i + 1
    while j < len(units) and j - i < 40 and not (items and _sentence_break(text, items[-1][-1:]) is not None):
        u = units[j]
        last = plain(text[items[-1][-1][0] : items[-1][-1][1]]) if items else ""
        if _DONG_KINH_GUI.match(u.text) or u.rule:
            break
        listed = len(items) > 1 or bool(items and text[items[-1][0][0]] in _BULLET)
        open_item = bool(items) and not last.endswith((";", "."))
        if u.text[:1] in _BULLET or not items:
            items.append([(u.start, u.end)])
        elif open_item and _item_goes_on(last, u.text, listed):
            items[-1].append((u.start, u.end))
        else:
            break
        j += 1
    end = units[j - 1].end if j > i else units[i].end
    if items:
        cut = _sentence_break(text, items[-1]) or _dong_kinh_gui(text, items[-1])
        if cut is not None:
            items[-1] = [(items[-1][0][0], cut)]
            end = cut
    return [p for p in (_item(text, spans) for spans in items) if p is not None], end


def _item_goes_on(last: str, line: str, listed: bool) -> bool:
    """An open item goes on on the next line when that line visibly continues it, or (in a list of dashes) when
    it is short and does not begin the body."""
    if starts_lower(line) or dangles(last, names=False) or last in _BULLET:
        return True
    return listed and not OPENS_BODY.match(line) and len(line) < 120


def _dong_kinh_gui(text: str, spans: list[tuple[int, int]]) -> int | None:
    m = _DONG_KINH_GUI.search(text, spans[0][0], spans[-1][1])
    return m.start() if m is not None else None


def _sentence_break(text: str, spans: list[tuple[int, int]]) -> int | None:
    """Where a sentence ends inside an item ("… quốc gia. Đồng kính gửi", "… thành phố. Ngày 30/6"): a period
    after a word (not an abbreviation like "TP.") followed by a capital."""
    s, e = spans[0][0], spans[-1][1]
    for m in _PERIOD.finditer(text, s, e):
        word = text[max(s, m.start() - 12) : m.start()].split()
        if word and (any(c.islower() for c in word[-1]) or len(word[-1]) >= 4):
            return m.start()
    return None


def _item(text: str, spans: list[tuple[int, int]]) -> Piece | None:
    s, e = spans[0][0], spans[-1][1]
    while s < e and (text[s] in _BULLET or text[s] in " \t*"):
        s += 1
    while e > s and text[e - 1] in " \t\r\n*;.,":
        e -= 1
    value = plain(text[s:e])
    return Piece(value, s, e) if len(value) >= 2 else None


def split_inline(text: str, items: list[Piece]) -> list[Piece]:
    """A flattened list "- A; - B" on one line becomes its items, and so does a single line of bodies "Sở Tài
    chính, Sở Xây dựng" when every part names a body (never "UBND các tỉnh, thành phố"); an item printed on its
    own dash stays as printed."""
    single = len(items) == 1 and text[max(0, items[0].start - 2) : items[0].start].strip(" *") not in _BULLET
    out: list[Piece] = []
    for p in items:
        raw = text[p.start : p.end]
        parts = _parts(raw, commas=single)
        if len(parts) < 2:
            out.append(p)
            continue
        for s, e in parts:
            out.append(Piece(plain(raw[s:e]), p.start + s, p.start + e))
    return out


def _parts(value: str, *, commas: bool) -> list[tuple[int, int]]:
    """The items of one addressee line: split at ";" when each part starts a name (or the line is a flattened
    list of dashes), then at "," when each part names a body."""
    semi = _spans(value, _SEMICOLON_PARTS, 0, len(value))
    if not (_INLINE_LIST.search(value) or all(value[s].isupper() for s, _ in semi)):
        semi = [(0, len(value))]
    out: list[tuple[int, int]] = []
    for s0, e0 in semi:
        parts = _spans(value, _COMMA_PARTS, s0, e0) if commas else []
        named = len(parts) > 1 and all(value[s].isupper() and _BODY_CI.match(value, s) for s, _ in parts)
        out += parts if named else [(s0, e0)]
    return out


def _spans(value: str, rx: re.Pattern[str], lo: int, hi: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for m in rx.finditer(value, lo, hi):
        s, e = m.span()
        while s < e and value[s] in " \t\r\n*-+•.;,":
            s += 1
        while e > s and value[e - 1] in " \t\r\n*-+•.;,":
            e -= 1
        if e - s >= 2:
            spans.append((s, e))
    return spans
