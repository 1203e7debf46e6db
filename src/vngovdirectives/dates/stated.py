"""The dates a document states for itself: its date line, labelled dates, page stamps, a title year.

These are read on the lower-cased text (:func:`vngovdirectives.text.normalize.lowered`); every
function returns positions into it. The finders use them to complete year-less dates
(:func:`vngovdirectives.finding.detect_context_date`), the reference scanner to date a
document's own number ("Số: 07/KH-UBND … Lạng Sơn, ngày 13 tháng 01 năm 2020").

>>> stated_dates("số: 07/kh-ubnd    lạng sơn, ngày 13 tháng 01 năm 2020")
[(0, datetime.date(2020, 1, 13))]
"""

from __future__ import annotations

import datetime
import re
from typing import TYPE_CHECKING, Final, NamedTuple

from vngovdirectives.text.patterns import S0, UPPER, H, S, plausible_year

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = [
    "DateLine",
    "DateMark",
    "date_lines",
    "date_mark",
    "first_line_year",
    "news_dates",
    "stamp_date",
    "stated_dates",
]

# A date line: a place, a comma, then "ngày 13 tháng 01 năm 2020". The place starts a line or a
# table cell, or follows a wide gap on the line of "Số: …". The comma is found first (a literal,
# which the regex engine skips to at once); the place is then checked backwards from it.
_DATE_LINE: Final = re.compile(
    # (markdown emphasis a page left between the month and the year: "tháng 11* *năm 2025")
    rf",{S0}(?P<date>ngày{S}(?P<d>\d{{1,2}}){S}tháng{S}(?P<m>\d{{1,2}}){S0}[*_]{{0,2}}{S0}[*_]{{0,2}}{S0}năm{S}"
    rf"(?P<y>\d{{4}}))"
)
_PLACE_BEFORE: Final = re.compile(r"(?:^|\n|\||[ \t]{2})(?P<place>[^\n,|]{2,60})$")
_PLACE_REACH: Final = 64
#: A place name in capitalised words right before a date line's comma ("Hà Nội", "TP. Hồ Chí Minh").
_CAPITAL_PLACE: Final = re.compile(
    rf"(?P<place>[{UPPER}][\w.]{{0,20}}(?:[ -]{{1,2}}[{UPPER}][\w.]{{0,20}}){{0,4}})\s{{0,3}}$"
)
# A labelled date: "Cập nhật lúc: 11:02 02/01/2021", "Cập nhật: 14:25 | 28/12/2023", "Đăng ngày
# 22-11-2019", "Ngày ban hành: 05/03/2020".
# Each pattern starts with a literal key word (fast to skip to); the words of the label before the
# key are checked backwards.
_NEWS_TAIL = (
    rf"{S0}:?{S0}\|?{S0}(?:\d{{1,2}}:\d{{2}}{S0}[|,-]?{S0})?"
    rf"(?P<d>\d{{1,2}})(?P<s>[/.-])(?P<m>\d{{1,2}})(?P=s)(?P<y>\d{{4}})"
)
_NEWS_LABELS: Final = (
    # (key word, pattern from it, what must stand before it, whether that is optional)
    ("cập", re.compile(rf"cập{S}nhật(?:{S}lúc)?{_NEWS_TAIL}"), re.compile(rf"ngày{S}$"), True),
    ("đăng", re.compile(rf"đăng{S}ngày{_NEWS_TAIL}"), re.compile(rf"ngày{S}$"), True),
    ("đăng", re.compile(rf"đăng{_NEWS_TAIL}"), re.compile(rf"ngày{S}$"), False),
    ("hành", re.compile(rf"hành{_NEWS_TAIL}"), re.compile(rf"ngày{S}(?:ban|phát){S}$"), False),
)
_NEWS_REACH: Final = 16  # the longest label before a key word ("ngày   phát   ")
_TITLE_YEAR: Final = re.compile(rf"năm{S}(?P<y>\d{{4}})(?!\d)")
_H1 = rf"{H}{{0,3}}"
# A page stamp: a line holding only a date, maybe with a weekday and a clock time
# ("Thứ sáu 18/9/2020", "08:57 - 07/10/2024", "13/09/2023"), or a date in brackets ending a line.
_STAMP_LINE: Final = re.compile(
    rf"(?:^|\n){_H1}(?:(?:thứ{S}[^\W\d_]{{1,4}}|chủ{S}nhật),?{_H1})?(?:\d{{1,2}}:\d{{2}}{_H1}-?{_H1})?"
    rf"(?P<d>\d{{1,2}})(?P<s>[/.-])(?P<m>\d{{1,2}})(?P=s)(?P<y>\d{{4}})(?:,?{_H1}\d{{1,2}}:\d{{2}})?{_H1}(?=\n|$)"
    rf"|\({_H1}(?P<d2>\d{{1,2}})/(?P<m2>\d{{1,2}})/(?P<y2>\d{{4}}){_H1}\){_H1}(?=\n|$)"
)


class DateLine(NamedTuple):
    """A date line ("Lạng Sơn, ngày 13 tháng 01 năm 2020"): the spans of its place and its date, and the date."""

    place_start: int
    place_end: int
    date_start: int
    date_end: int
    value: datetime.date


def date_lines(low: str, start: int, end: int, text: str | None = None) -> Iterator[DateLine]:
    """Date lines in ``low[start:end]`` ("lạng sơn, ngày 13 tháng 01 năm 2020"), in order.

    The place starts a line or a table cell, or follows a wide gap. Given the text itself
    (``low`` is its lower-cased copy), a place is also the capitalised words right before the
    comma, wherever they stand ("… Hạnh phúc_ Hà Nội, ngày 30 tháng 6 năm 2025" in a flattened
    header), and the place's span is those words.
    """
    for m in _DATE_LINE.finditer(low, start, end):
        place = _place(low, start, m.start(), text)
        if place is None or (text is not None and not text.startswith("ngày", m.start("date"))):
            continue
        try:
            value = datetime.date(int(m["y"]), int(m["m"]), int(m["d"]))
        except ValueError:
            continue
        yield DateLine(place[0], place[1], m.start("date"), m.end("date"), value)


def _place(low: str, start: int, comma: int, text: str | None) -> tuple[int, int] | None:
    """The span of the place before a date line's ``comma``, None when nothing stands there as one."""
    if text is not None:
        capital = _CAPITAL_PLACE.search(text, max(start, comma - _PLACE_REACH - 40), comma)
        if capital is not None:
            return capital.span("place")
    # The place holds no line break, bar or comma: its start is after the last one of these,
    # which three C-level searches find, so the pattern is tried at a few positions only.
    lo = max(start, comma - _PLACE_REACH)
    lo = max(lo, low.rfind("\n", lo, comma), low.rfind("|", lo, comma), low.rfind(",", lo, comma))
    place = _PLACE_BEFORE.search(low, lo, comma)
    return place.span("place") if place is not None else None


# The date of a header's date line as a layout reader meets it: "ngày 20 tháng 11 năm 2025" or
# "ngày 20/11/2025", broken over lines or strewn with a page's markdown asterisks ("*ngày 20*
# *tháng 11 năm 2025*"), or left blank for the signer to fill in ("ngày      tháng 12 năm 2025").
_MARK: Final = re.compile(
    r"(?<![\w])ngày[\s*]{0,8}(?:(?P<d2>\d{1,2})\s{0,2}[/.-]\s{0,2}(?P<m2>\d{1,2})\s{0,2}[/.-]\s{0,2}(?P<y2>\d{4})"
    r"|(?P<d>\d{1,2})?[\s*.…_]{0,16}tháng[\s*]{0,8}(?P<m>\d{1,2})?[\s*.…_]{0,16}năm[\s*]{0,8}(?P<y>\d{4})?)"
)


class DateMark(NamedTuple):
    """Where a date line's date is written, and the date (None when it is left blank or impossible)."""

    start: int
    end: int
    value: datetime.date | None


def date_mark(low: str, start: int, end: int) -> DateMark | None:
    """The first date of a date line in ``low[start:end]`` (the lower-cased text), blank ones included.

    >>> date_mark("hà nội, *ngày 20\\ntháng 11 năm 2025*", 0, 40)
    DateMark(start=9, end=34, value=datetime.date(2025, 11, 20))
    >>> date_mark("số: /qđ-byt hà nội, ngày    tháng 12 năm 2025", 0, 60).value is None
    True
    """
    m = _MARK.search(low, start, end)
    if m is None:
        return None
    day, month, year = m.group("d2", "m2", "y2") if m["d2"] else m.group("d", "m", "y")
    value: datetime.date | None = None
    if day and month and year and plausible_year(int(year)):
        try:
            value = datetime.date(int(year), int(month), int(day))
        except ValueError:
            value = None
    return DateMark(m.start(), m.end(), value)


def news_dates(low: str, start: int, end: int) -> Iterator[tuple[int, datetime.date]]:
    """Labelled dates in ``low[start:end]`` ("ngày ban hành: 05/03/2020", "cập nhật lúc: 11:02
    02/01/2021"): where the label starts, and the date, in order of position."""
    found: dict[int, datetime.date] = {}
    for key, rx, before, optional in _NEWS_LABELS:
        if low.find(key, start, end) < 0:  # the common case in a small window: decided by str.find
            continue
        for m in rx.finditer(low, start, end):
            s = m.start()
            head = before.search(low, max(start, s - _NEWS_REACH), s)
            if head is None and not optional:
                continue
            try:
                found.setdefault(head.start() if head else s, datetime.date(int(m["y"]), int(m["m"]), int(m["d"])))
            except ValueError:
                continue
    for s in sorted(found):
        yield s, found[s]


def stated_dates(low: str, start: int = 0, end: int | None = None) -> list[tuple[int, datetime.date]]:
    """The dates a document states for itself in ``low[start:end]``: date lines and labelled dates,
    each with its position, in order of position."""
    end = len(low) if end is None else end
    found = [*((d.place_start, d.value) for d in date_lines(low, start, end)), *news_dates(low, start, end)]
    found.sort()
    return found


def stamp_date(low: str) -> datetime.date | None:
    """The date of a page stamp in the first 400 characters: a line holding only a date, maybe with
    a weekday and a clock time ("Thứ sáu 18/9/2020", "08:57 - 07/10/2024"), or a title ending
    "(01/07/2010)"; None when there is none."""
    m = _STAMP_LINE.search(low, 0, 400)
    if m is None:
        return None
    g = ("y", "m", "d") if m["y"] else ("y2", "m2", "d2")
    try:
        return datetime.date(int(m[g[0]]), int(m[g[1]]), int(m[g[2]]))
    except ValueError:
        return None


def first_line_year(low: str) -> int | None:
    """The year a first line names ("Lịch tiếp công dân năm 2025"), if any."""
    first_line = low[: min(300, len(low))].split("\n", 1)[0]
    m = _TITLE_YEAR.search(first_line)
    if m is not None and plausible_year(int(m["y"])):
        return int(m["y"])
    return None
