"""The header of an administrative document: issuer, number, place and date, type, trích yếu, addressees.

The header is found by its marks (the motto, "Số: …", a type line, "Kính gửi:") wherever it starts: a web page
may put a news summary first. From there the text is read mark by mark: each mark (``_marks``) ends at an
offset and reading goes on from there, in the same line or the next, until the body begins.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

import attrs

from vngovdirectives.dates.stated import DateMark, date_mark
from vngovdirectives.directives.lexicon import BODY, FURNITURE, MOTTO, TYPE_NAMES
from vngovdirectives.directives.lists import OPENS_BODY
from vngovdirectives.directives.marks import (
    KINH_GUI,
    NUMBER,
    TYPE_LINE,
    TYPE_TAIL,
    Scan,
    at_unit_start,
    line_breaks,
    number_ok,
    place_of,
    read_addressees,
    read_title,
    read_vv_title,
    unit_at,
)
from vngovdirectives.directives.units import Piece, Unit, dangles, is_upper, piece, plain
from vngovdirectives.errors import VnGovDirectivesError
from vngovdirectives.numbers.parse import parse_number
from vngovdirectives.text.patterns import LOWER, UPPER

if TYPE_CHECKING:
    from collections.abc import Iterator

    from vngovdirectives.numbers.model import DocumentNumber

__all__ = ["Header", "read_header"]

#: Where the header may start (a page's preamble comes first) and how far it may reach past its first mark.
_START_LIMIT: Final = 150_000
_HEADER_UNITS: Final = 60
_ENACTING: Final = re.compile(rf"[{UPPER} ]{{4,30}}:\s{{0,3}}$")
_PAGE_NUMBER: Final = re.compile(r"\d{1,4}")
_UPPER_RUN: Final = re.compile(rf"\s{{1,3}}[{UPPER}]{{2,}}[\s,]{{1,3}}[{UPPER}]{{2,}}")
_VV: Final = re.compile(rf"(?:V/v|V/V|v/v|Về\s{{1,3}}việc|VỀ\s{{1,3}}VIỆC)(?=[\s:.])|Về\s{{1,3}}(?=[{LOWER}])")
_DECOR: Final = " \t\r*,;.|-_=#"
#: "Số" in its three spellings, each a literal (the search runs over the first part of the page).
_SO: Final = re.compile(r"Số|số|SỐ")


@attrs.frozen(slots=True, kw_only=True)
class Header:
    """What the header states; ``end`` is where the body begins."""

    start: int
    end: int
    issuer: Piece | None = None
    parent_issuer: Piece | None = None
    number: DocumentNumber | None = None
    number_span: tuple[int, int] | None = None
    number_line: tuple[int, int] | None = None
    place: Piece | None = None
    date: DateMark | None = None
    type_line: Piece | None = None
    title: Piece | None = None
    addressees: tuple[Piece, ...] = ()
    telegram_to: tuple[Piece, ...] = ()
    has_motto: bool = False


def _anchor(text: str) -> int | None:
    """The earliest mark of a header: the motto, a "Số: …" line, a type line, "Kính gửi". Each search after
    the first stops where the earliest mark found so far begins."""
    limit = min(len(text), _START_LIMIT)
    found: int | None = None
    m = MOTTO.search(text, 0, limit)
    if m is not None:
        found = limit = m.start()
    for m2 in _numbers(text, limit):
        if number_ok(m2) and (at_unit_start(text, m2.start()) or _after_issuer(text, m2)):
            found = limit = m2.start()
            break
    for m2 in KINH_GUI.finditer(text, 0, limit):
        if at_unit_start(text, m2.start()):
            found = limit = m2.start()
            break
    for m3 in TYPE_LINE.finditer(text, 0, limit):
        if at_unit_start(text, m3.start()) and TYPE_TAIL.match(text, m3.end()):
            found = m3.start()
            break
    return found


def _numbers(text: str, limit: int) -> Iterator[re.Match[str]]:
    """The number lines before ``limit``, in order: tried only where "Số" is written (or, for "Luật số: …",
    where the line of a "số" starts)."""
    done = -1
    for hit in _SO.finditer(text, 0, limit):
        at = hit.start()
        if text[at] == "s":  # "Luật số: …": the match starts at the type name, on the same line
            lo = max(0, at - 40)  # no further back than that: each search stops there, not at the page's start
            at = max(text.rfind("\n", lo, at), text.rfind("|", lo, at), at - 40) + 1
            while at < hit.start() and text[at] in " \t*":
                at += 1
        if at <= done:
            continue
        m = NUMBER.match(text, at) or (NUMBER.match(text, hit.start()) if at != hit.start() else None)
        if m is not None and m.start() < limit:
            done = m.end()
            yield m


def _after_issuer(text: str, m: re.Match[str]) -> bool:
    """A "Số: …" glued to the issuer's name before it on its line ("CHÍNH PHỦ Số: 170/2025/NĐ-CP")."""
    line_start = max(text.rfind("\n", 0, m.start()), text.rfind("|", 0, m.start())) + 1
    before = text[line_start : m.start()].strip(" \t*_-")
    return bool(m.group("colon")) and 0 < len(before) <= 80 and is_upper(before)


def read_header(text: str, low: str, units: list[Unit]) -> Header | None:
    """The header, or None when the text has none."""
    anchor = _anchor(text)
    if anchor is None or not units:
        return None
    first = unit_at(units, 0, anchor)
    if first >= len(units):
        return None
    scan = Scan(low)
    window_end = units[min(len(units), first + _HEADER_UNITS) - 1].end
    scan.motto = [m.span() for m in MOTTO.finditer(text, units[first].start, window_end)]
    _read(text, units, first, scan)
    marks = [i for i in (scan.number_unit, scan.date_unit, scan.type_unit) if i is not None]
    issuer_units = _issuer_units(text, units, min(marks) if marks else first, scan)
    issuer, parent = _issuer(text, issuer_units)
    title = scan.title
    number, number_span = _number(text, scan.number) if scan.number is not None else (None, None)
    return Header(
        start=min([units[first].start] + [s for s, _ in issuer_units]),
        end=max(scan.end, units[first].end),
        issuer=issuer,
        parent_issuer=parent,
        number=number,
        number_span=number_span,
        number_line=scan.number.span() if scan.number is not None else None,
        place=scan.date[1] if scan.date is not None else None,
        date=scan.date[0] if scan.date is not None else None,
        type_line=_type_piece(scan.type_match),
        title=piece(text, *title) if title else None,
        addressees=tuple(scan.addressees),
        telegram_to=tuple(scan.telegram_to),
        has_motto=bool(scan.motto),
    )


def _type_piece(m: re.Match[str] | None) -> Piece | None:
    if m is None:
        return None
    key = " ".join(m.group().split())
    return Piece(TYPE_NAMES.get(key, key.capitalize()), m.start(), m.end())


def _motto_end(scan: Scan, u: Unit, lo: int) -> int | None:
    """The end of the motto in unit ``u`` when it overlaps the unit from ``lo``."""
    ends = [e for s, e in scan.motto if s < u.end and lo < e]
    return max(ends) if ends else None


def _read(text: str, units: list[Unit], first: int, scan: Scan) -> None:
    """Read the header mark by mark, from the unit of its first mark, until the body begins."""
    i, lo = first, units[first].start
    stop = min(len(units), first + _HEADER_UNITS)
    while i < stop:
        u = units[i]
        lo = max(lo, u.start)
        motto = _motto_end(scan, u, lo)
        if motto is not None:
            scan.end = max(scan.end, min(motto, u.end))
            lo = max(lo, motto)
        while lo < u.end and text[lo] in _DECOR:
            lo += 1
        if lo >= u.end or u.rule or (lo == u.start and _furniture(u.text)):
            i, lo = i + 1, 0
            continue
        end = _mark(text, units, i, scan, lo)
        if end is not None:
            end = max(end, lo + 1)  # always move on
            i = unit_at(units, i, end)
            lo = end
            continue
        if lo == u.start and _header_line(units, i, scan):
            i, lo = i + 1, 0
            continue
        break


def _header_line(units: list[Unit], i: int, scan: Scan) -> bool:
    """An unmarked line that still belongs to the header: an issuer line (read apart) before the type line, or a
    line followed closely by a mark while neither the type line nor the addressees have been read."""
    if scan.type_unit is not None or scan.addressees:
        return False
    if scan.title is None and is_upper(units[i].text):
        return True
    for u in units[i + 1 : i + 4]:
        if KINH_GUI.match(u.text) or (scan.number is None and NUMBER.match(u.text) is not None):
            return True
        if TYPE_LINE.match(u.text) is not None and is_upper(u.text):
            return True
        d = date_mark(scan.low, u.start, u.end)
        if scan.date is None and d is not None and plain(u.text[: d.start - u.start]).rstrip(", ")[:1].isupper():
            return True
    return False


def _mark(text: str, units: list[Unit], i: int, scan: Scan, lo: int) -> int | None:
    """Read the first mark in unit ``i`` from ``lo`` (the number or the date line wherever it sits in the line;
    "Kính gửi", the type line or "V/v" where the line, or what is left of it, begins); return where it ends."""
    u = units[i]
    if lo == u.start and OPENS_BODY.match(u.text) and not KINH_GUI.match(u.text):
        return None
    if _opens_here(text, scan, lo):
        return _mark_here(text, units, i, scan, lo)
    number = _number_at(text, scan, lo, u.end)
    date = _date_at(text, units, i, scan, lo)
    if number is not None and (date is None or number.start() < date[0].start):
        scan.number, scan.number_unit = number, i
        scan.end = max(scan.end, number.end())
        return number.end()
    if date is not None and (date[0].start - lo < 60 or date[1] is not None):
        scan.date, scan.date_unit = date, i
        scan.end = max(scan.end, date[0].end)
        return date[0].end
    return None


def _opens_here(text: str, scan: Scan, lo: int) -> bool:
    """ "Kính gửi", the type line or "V/v" begins at ``lo`` (before any number or date later in the line)."""
    if KINH_GUI.match(text, lo):
        return True
    if scan.type_unit is not None or scan.title is not None:
        return False
    m = TYPE_LINE.match(text, lo)
    if m is not None and (TYPE_TAIL.match(text, m.end()) or _title_follows(text, m.end(), scan)):
        return True
    return _VV.match(text, lo) is not None and NUMBER.match(text, lo) is None


def _mark_here(text: str, units: list[Unit], i: int, scan: Scan, lo: int) -> int:
    if KINH_GUI.match(text, lo):
        return read_addressees(text, units, i, scan, lo)
    m = TYPE_LINE.match(text, lo)
    if m is not None:
        scan.type_unit, scan.type_match = i, m
        scan.end = max(scan.end, m.end())
        return read_title(text, units, scan, m.end())
    return read_vv_title(text, units, i, scan, lo)


def _number_at(text: str, scan: Scan, lo: int, hi: int) -> re.Match[str] | None:
    if scan.number is not None:
        return None
    m = NUMBER.search(text, lo, min(len(text), hi + 40))
    if m is None or m.start() >= hi or not number_ok(m):
        return None
    return m if m.group("colon") or at_unit_start(text, m.start()) else None


def _date_at(text: str, units: list[Unit], i: int, scan: Scan, lo: int) -> tuple[DateMark, Piece | None] | None:
    """A date line in unit ``i`` from ``lo`` (it may run on into the next line) with its place; a date without a
    place counts only when "ngày" begins the line."""
    if scan.date is not None:
        return None
    u = units[i]
    m = date_mark(scan.low, lo, min(len(text), u.end + 80))
    if m is None:
        return None
    if not (m.start < u.end or (line_breaks(text, u.end, m.start) <= 2 and len(text[lo : u.end].strip()) < 30)):
        return None
    place = place_of(text, units, i, m.start, lo)
    if place is None and not (at_unit_start(text, m.start) and text[m.start] == "n"):
        return None
    if m.start >= u.end and (place is None or place.start > lo):
        return None  # a date on a later line belongs to this one only when its place begins here
    return m, place


def _title_follows(text: str, at: int, scan: Scan) -> bool:
    """In the header's place (after the number or the date line) a line may run on from the type into the
    title: "KẾ HOẠCH TRIỂN KHAI …"."""
    return (scan.number is not None or scan.date is not None) and _UPPER_RUN.match(text, at) is not None


def _furniture(line: str) -> bool:
    return line.casefold().startswith(FURNITURE) or _PAGE_NUMBER.fullmatch(line) is not None


def _in_motto(scan: Scan, u: Unit) -> bool:
    return any(s < u.end and u.start < e for s, e in scan.motto)


def _issuer_units(text: str, units: list[Unit], mark: int, scan: Scan) -> list[tuple[int, int]]:
    """The upper-case lines right above the first mark (the motto, rules and page furniture skipped); a glued
    "CHÍNH PHỦ Số: 170/2025/NĐ-CP" gives its part before the mark."""
    out: list[tuple[int, int]] = []
    if scan.number is not None and scan.number_unit == mark:
        s, e = units[mark].start, scan.number.start()
        while e > s and text[e - 1] in " \t\r*_-":
            e -= 1
        if e > s and is_upper(text[s:e]) and not _in_motto(scan, Unit(s, e, "")):
            out.append((s, e))
    k = mark - 1
    while k >= 0 and len(out) < 12:
        u = units[k]
        if u.rule or _in_motto(scan, u) or _furniture(u.text):
            k -= 1
            continue
        if not is_upper(u.text) or _ENACTING.match(u.text) or u.text.endswith((".", ";")):
            break
        out.append((u.start, u.end))
        k -= 1
    out.reverse()
    return out


def _issuer(text: str, spans: list[tuple[int, int]]) -> tuple[Piece | None, Piece | None]:
    """Join the issuer lines into bodies (a line starting a body's name after a complete name starts the next
    body: "BỘ TÀI CHÍNH / CỤC THUẾ"); the last body issues, the one above it is the parent."""
    bodies: list[list[tuple[int, int]]] = []
    previous = None
    for s, e in spans:
        line = plain(text[s:e])
        if line == previous:
            continue  # a gazette prints the issuer twice
        previous = line
        if bodies:
            above = " ".join(plain(text[a:b]) for a, b in bodies[-1])
            if not (BODY.match(line) and not dangles(above) and not _bare_head(above)):
                bodies[-1].append((s, e))
                continue
        bodies.append([(s, e)])
    pieces: list[Piece] = []
    for body in bodies:
        value = " ".join(plain(text[a:b]) for a, b in body)
        if all(p.value != value for p in pieces):
            pieces.append(Piece(value, body[0][0], body[-1][1]))
    if not pieces:
        return None, None
    return pieces[-1], (pieces[-2] if len(pieces) > 1 else None)


def _bare_head(name: str) -> bool:
    m = BODY.match(name)
    return m is not None and m.end() >= len(name.rstrip())


_SPACES: Final = re.compile(r"\s+")


def _number(text: str, m: re.Match[str]) -> tuple[DocumentNumber | None, tuple[int, int] | None]:
    """The number of a "Số: …" match and the span of its text; None for a blank number ("Số: /QĐ-UBND")
    or one that is not a document number."""
    if m.group("num") is None:
        return None, None
    start = m.start("num")
    end = start + len(m.group("num").rstrip(". \t"))
    try:
        return parse_number(_SPACES.sub("", text[start:end])), (start, end)
    except VnGovDirectivesError:
        return None, (start, end)
