"""The marks of a header, each read from a given offset and each returning the offset where it ends.

A mark is matched on the text itself, so that one broken over lines ("Số:\\n2815/QĐ-UBND", "ngày 20\\ntháng 11
năm 2025", "THỦ\\nTƯỚNG CHÍNH PHỦ điện:") is still one mark, and several marks may share a line ("Số: 12/UBND-VP
Hà Nội, ngày … Kính gửi: …") as a flattened table prints them.
"""

from __future__ import annotations

import bisect
import re
from typing import Final

import attrs

from vngovdirectives.dates.stated import DateMark, date_mark
from vngovdirectives.directives.lexicon import AUTHORITY, PLACE_WORDS, TITLE_OPENING, TYPE_LINE_ALT, TYPE_NAMES, phrase
from vngovdirectives.directives.lists import OPENS_BODY, list_items, split_inline
from vngovdirectives.directives.units import Piece, Unit, dangles, is_upper, plain, starts_lower
from vngovdirectives.text.patterns import LOWER, UPPER

__all__ = [
    "KINH_GUI",
    "NUMBER",
    "TYPE_LINE",
    "TYPE_TAIL",
    "Scan",
    "at_unit_start",
    "line_breaks",
    "number_ok",
    "place_of",
    "read_addressees",
    "read_title",
    "read_vv_title",
    "unit_at",
]

NUMBER: Final = re.compile(
    r"(?<![^\W_])(?<!/)(?:(?P<pre>"
    + "|".join(phrase(v) for v in sorted(set(TYPE_NAMES.values()), key=len, reverse=True))
    + r")\s{1,3}(?:số|Số|SỐ)|Số|SỐ)(?:\s{0,2}(?:hiệu|HIỆU))?[ \t]{0,3}"
    r"(?P<colon>[:.|])?[\s*]{0,8}"
    r"(?:(?P<num>\d[\w.]{0,12}(?:[ \t]{0,2}[/-]\s{0,2}[\w.&]{1,20}){1,8})|(?P<blank>[/….]{1,12}[^\s|*]{0,30}))"
)
KINH_GUI: Final = re.compile(r"(?:Kính|KÍNH|kính)\s{1,3}(?:gửi|GỬI|gởi|GỞI)\s{0,3}:?")
TYPE_LINE: Final = re.compile(r"(?:" + TYPE_LINE_ALT + r")(?![\w])")
TYPE_TAIL: Final = re.compile(rf"[\s*#\d]{{0,6}}(?=\n|\||$)|\s{{1,3}}(?=(?:VỀ|Về|V/v)\s)|(?=[{UPPER}][{LOWER}])")
_VV: Final = re.compile(rf"(?:V/v|V/V|v/v|Về\s{{1,3}}việc|VỀ\s{{1,3}}VIỆC)(?=[\s:.])|Về\s{{1,3}}(?=[{LOWER}])")
_DISPATCH: Final = re.compile(r"(?<![\w])điện\s{0,3}:")
_PLACE: Final = re.compile(rf"[{UPPER}][^\d,;:()|/]{{0,45}}")
_CLOSING_STAR: Final = re.compile(r"[ \t\r]{0,3}\*")
_LAST_WORD: Final = re.compile(r"[^\W\d_]{1,12}(?=[\s*]{0,3}$)")
_LABEL: Final = re.compile(r"(?:[IVX]{1,5}|\d{1,2}(?:\.\d{1,2})?|[a-zđ])[.)]\s")
_BREAK: Final = re.compile(r"\n\s*")
_MAX_TITLE_UNITS: Final = 14


@attrs.define
class Scan:
    """The marks found while reading a header (and the page's lower-cased text, where dates are read)."""

    low: str
    motto: list[tuple[int, int]] = attrs.Factory(list)
    number: re.Match[str] | None = None
    number_unit: int | None = None
    date: tuple[DateMark, Piece | None] | None = None
    date_unit: int | None = None
    type_unit: int | None = None
    type_match: re.Match[str] | None = None
    title: tuple[int, int] | None = None
    addressees: list[Piece] = attrs.Factory(list)
    telegram_to: list[Piece] = attrs.Factory(list)
    end: int = 0


def number_ok(m: re.Match[str]) -> bool:
    """A number line: "Số: …" (the colon may be lost), or "Luật số: …" with its colon (never "Luật số 58/…" in a
    sentence)."""
    return bool(m.group("colon")) or (m.group("pre") is None and m.group("num") is not None)


def at_unit_start(text: str, pos: int) -> bool:
    """Only decoration between the line (or cell) start and ``pos``."""
    i = pos - 1
    while i >= 0 and pos - i < 24 and text[i] in " \t\r*#_-=":
        i -= 1
    return i < 0 or text[i] in "\n|"


def line_breaks(text: str, start: int, end: int) -> int:
    """How many line breaks separate ``start`` from ``end`` (blank lines between do not count)."""
    return len(_BREAK.findall(text, start, end))


def unit_at(units: list[Unit], i: int, pos: int) -> int:
    """The index of the first unit from ``i`` that ends after ``pos``."""
    if i + 8 < len(units) and units[i + 8].end <= pos:  # far ahead: a binary search
        return bisect.bisect_right(units, pos, lo=i, key=_end)
    while i < len(units) and units[i].end <= pos:
        i += 1
    return i


def _end(u: Unit) -> int:
    return u.end


def place_of(text: str, units: list[Unit], i: int, at: int, lo: int) -> Piece | None:
    """The place before a date line's "ngày": on the same line (after ``lo``), or the line above ending with ","
    (or holding the first word of a place broken over lines: "Thành / phố Hồ Chí Minh, ngày …")."""
    u = units[i]
    s, e = max(lo, u.start), at
    if line_breaks(text, s, e) > 2:
        return None
    while e > s and text[e - 1] in " \t\r*,\n":
        e -= 1
    if e <= s and i > 0 and units[i - 1].text.endswith(",") and s == u.start:
        s, e = units[i - 1].start, units[i - 1].end - 1
    s = _after_closing_mark(text, s, e)
    while s < e and text[s] in " \t*":
        s += 1
    if s < e and text[s].islower() and i > 0 and s == u.start:
        head = _LAST_WORD.search(text, units[i - 1].start, units[i - 1].end)
        if head is not None and head.group()[0].isupper():
            s = head.start()
    value = plain(text[s:e])
    if not value or _PLACE.fullmatch(value) is None or len(value.split()) > 7 or OPENS_BODY.match(value):
        return None
    if any(w[:1].islower() and w not in PLACE_WORDS for w in value.split()):
        return None
    return Piece(value, s, e)


def _after_closing_mark(text: str, s: int, e: int) -> int:
    """After the last "*" or "|" that closes something printed before the place on its line ("… đất đai* *Hà Nội");
    an asterisk that only opens the line is kept out of the account."""
    for mark in ("*", "|"):
        k = text.rfind(mark, s, e)
        line_start = text.rfind("\n", s, k) + 1 if k >= 0 else s
        if k >= 0 and text[max(s, line_start) : k].strip(" \t*|"):
            s = k + 1
    return s


def read_vv_title(text: str, units: list[Unit], i: int, scan: Scan, start: int) -> int:
    """A letter's trích yếu "V/v …" over one or more lines (to the closing asterisk when it opens with one); a date
    line or "Kính gửi" printed on its last line ends it."""
    starred = text.rfind("*", max(0, start - 3), start) >= 0
    j = i
    while j + 1 < len(units) and j - i < 6:
        cur, nxt = units[j], units[j + 1]
        if (starred and _CLOSING_STAR.match(text, cur.end)) or nxt.rule or KINH_GUI.match(nxt.text):
            break
        if _date_line(text, scan.low, units, j + 1) or not (starts_lower(nxt.text) or dangles(cur.text) or starred):
            break
        j += 1
    end = units[j].end
    stop = _inner_stop(text, scan.low, units, i, start, end)
    scan.title = (start, _rtrim(text, start, stop))
    scan.end = max(scan.end, scan.title[1])
    return stop


def _inner_stop(text: str, low: str, units: list[Unit], i: int, start: int, end: int) -> int:
    """Where a date line ("*Hà Nội, ngày …") or "Kính gửi" begins inside ``text[start:end]``, else ``end``."""
    k = KINH_GUI.search(text, start, end)
    stop = k.start() if k is not None else end
    d = date_mark(low, start, stop)
    if d is not None:
        j = unit_at(units, i, d.start)
        place = place_of(text, units, j, d.start, start) if j < len(units) else None
        if place is not None and place.start > start + 3:
            stop = place.start
    return stop


def _date_line(text: str, low: str, units: list[Unit], j: int) -> bool:
    """Unit ``j`` holds a date line with its place ("Hà Nội, ngày …"), not a date inside a sentence."""
    u = units[j]
    d = date_mark(low, u.start, min(len(text), u.end + 80))
    if d is None or d.start >= u.end:
        return False
    place = place_of(text, units, j, d.start, u.start)
    return place is not None and not plain(text[u.start : place.start]).strip("*")


def _rtrim(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t\n\r*,;|":
        end -= 1
    return end


def read_title(text: str, units: list[Unit], scan: Scan, type_end: int) -> int:
    """The subject after the type line: upper-case lines (without the enacting authority's line), or a sentence-
    case line and its lower-case continuations; a công điện's "… điện:" ends it and starts its addressee list."""
    j = unit_at(units, 0 if scan.type_unit is None else scan.type_unit, type_end)
    last = units[min(len(units), j + _MAX_TITLE_UNITS) - 1].end if units else type_end
    dispatch = _DISPATCH.search(text, type_end, last)
    limit = _dispatcher_start(text, dispatch.start()) if dispatch is not None else len(text)
    picked = _title_units(text, units, j, type_end, limit)
    end = type_end
    if picked and is_upper(picked[0][2]):
        kept = _drop_authority(picked)
        end = max(end, picked[-1][1]) if len(kept) < len(picked) else end
        picked = kept
    if picked:
        stop = _inner_stop(text, scan.low, units, j, picked[0][0], min(picked[-1][1], limit))
        scan.title = (picked[0][0], _rtrim(text, picked[0][0], stop))
        end = max(end, scan.title[1], _authority_after(units, unit_at(units, j, scan.title[1])))
    scan.end = max(scan.end, end)
    if dispatch is not None:
        return _telegram(text, units, dispatch.end(), scan)
    return end


def _authority_after(units: list[Unit], k: int) -> int:
    """The end of the enacting authority's line under a sentence-case title ("BỘ TRƯỞNG BỘ Y TẾ" before "Căn
    cứ …"), else 0."""
    end = 0
    for u in units[k : k + 2]:
        if not (is_upper(u.text) and (end or AUTHORITY.match(u.text))):
            break
        end = u.end
    return end


def _title_units(text: str, units: list[Unit], j: int, start: int, limit: int) -> list[tuple[int, int, str]]:
    picked: list[tuple[int, int, str]] = []
    upper: bool | None = None
    while j < len(units) and len(picked) < _MAX_TITLE_UNITS and units[j].start < limit:
        u = units[j]
        s = max(u.start, start)
        piece_text = plain(text[s : min(u.end, limit)])
        if u.rule or not piece_text:
            if picked and u.rule:
                break
            j += 1
            continue
        if upper is None:
            if _not_a_title(piece_text) and not _soft_title(units, j, piece_text):
                break
            upper = is_upper(piece_text)
        elif not _title_goes_on(upper, picked[-1][2], piece_text):
            break
        picked.append((s, min(u.end, limit), piece_text))
        j += 1
    return picked


def _not_a_title(line: str) -> bool:
    """The line after the type line begins the body, not a title ("Căn cứ …", "I. MỤC ĐÍCH", "Kính gửi")."""
    return bool(OPENS_BODY.match(line) or KINH_GUI.match(line) or _LABEL.match(line) or line.endswith((".", ";", ":")))


def _soft_title(units: list[Unit], j: int, line: str) -> bool:
    """A sentence-case title that opens like a body ("Thực hiện Chỉ thị số 05-CT/TW …"): one short line
    without a sentence's punctuation, followed by a line that begins the body."""
    if not TITLE_OPENING.match(line) or len(line) > 200 or line.endswith((".", ";", ":", ",")) or dangles(line):
        return False
    k = j + 1
    while k < len(units) and units[k].rule:
        k += 1
    nxt = units[k].text if k < len(units) else ""
    return bool(OPENS_BODY.match(nxt) or _LABEL.match(nxt) or KINH_GUI.match(nxt) or is_upper(nxt))


def _title_goes_on(upper: bool, last: str, line: str) -> bool:
    """An upper-case title goes on with upper-case lines; a sentence-case one with a line continuing it."""
    if upper:
        return is_upper(line)
    return starts_lower(line) or dangles(last)


def _dispatcher_start(text: str, at: int) -> int:
    """Where "THỦ TƯỚNG CHÍNH PHỦ" (before "điện:") begins: the earliest authority head at a line start."""
    best = at
    for m in AUTHORITY.finditer(text, max(0, at - 160), at):
        if at_unit_start(text, m.start()) and not any(c.islower() for c in text[m.start() : at]):
            return m.start()
        best = m.start() if best == at else best
    return best


def _drop_authority(picked: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Drop the enacting authority's line(s) printed under an upper-case title ("CHỦ TỊCH ỦY BAN NHÂN DÂN …")."""
    for k in range(max(1, len(picked) - 3), len(picked)):
        tail = " ".join(p[2] for p in picked[k:])
        if AUTHORITY.match(picked[k][2]) and not dangles(picked[k - 1][2]) and len(tail) <= 110:
            return picked[:k]
    return picked


def read_addressees(text: str, units: list[Unit], i: int, scan: Scan, at: int) -> int:
    """The bodies after "Kính gửi:" (at ``at`` in unit ``i``); returns where the list ends."""
    m = KINH_GUI.match(text, at)
    assert m is not None
    items, end = list_items(text, units, i, m.end())
    if not scan.addressees:
        scan.addressees = split_inline(text, items)
    scan.end = max(scan.end, end)
    return end


def _telegram(text: str, units: list[Unit], start: int, scan: Scan) -> int:
    i = unit_at(units, 0, start)
    if i >= len(units):
        return start
    items, end = list_items(text, units, i, max(start, units[i].start))
    scan.telegram_to = items
    scan.end = max(scan.end, end)
    return end
