"""Dates written together: the two ends of a period, a bare day or month before a range, a list of days.

The finders' walk asks these of neighbouring candidates: :func:`joined_period` ("từ ngày 25/3 đến
31/3/2019"; "từ ngày 15/10/1993 đến trước ngày 01/7/2014" ends on 30/6/2014), :func:`bare_left_end`
("từ ngày 12 đến ngày 15-10", "từ tháng 4 đến tháng 6 năm 2020": the left end is only a day or a
month number) and :func:`listed_days` ("ngày 5 và 6/3/2024": the days listed before a full date
share its month and year).
"""

from __future__ import annotations

import datetime
import re
from typing import TYPE_CHECKING, Final

from vngovdirectives.dates.candidate import make_date
from vngovdirectives.dates.model import Period, Precision, VnDate
from vngovdirectives.dates.parse import join_ends
from vngovdirectives.errors import DateError
from vngovdirectives.text.patterns import S0, S

if TYPE_CHECKING:
    from vngovdirectives.dates.candidate import Candidate

__all__ = ["JOIN_GAP", "RANGE_ENDINGS", "bare_left_end", "from_before", "joined_period", "listed_days"]

#: The widest gap between the two ends of a period ("… đến hết ngày …").
JOIN_GAP: Final = 32
#: How the text before a range's right end can end (what :data:`_BARE_LEFT_END` ends with).
RANGE_ENDINGS: Final = ("-", "đến", "hết", "tới")
_RANGE_GAP: Final = re.compile(
    rf"{S0}(?:-|(?:đến|tới)(?:{S}(?:hết|(?P<before>trước)))?)(?:{S}(?:thứ{S}[^\W\d_]{{1,4}}|chủ{S}nhật),?)?"
    rf"(?:{S}ngày)?{S0}"
)
_BARE_LEFT_END: Final = re.compile(
    rf"(?:từ{S}(?:(?:ngày|mùng|mồng){S})?|(?:ngày|mùng|mồng){S})(?P<n>\d{{1,2}}){S0}(?:-|đến(?:{S}hết)?|tới){S0}$"
)
_BARE_LEFT_MONTH: Final = re.compile(rf"(?:từ{S})?tháng{S}(?P<n>\d{{1,2}}){S0}(?:-|(?:đến|tới)(?:{S}hết)?){S0}$")
#: What may not stand right before a bare month: a day ("ngày 3 tháng 4 đến …" is a day's range).
_DAY_BEFORE_MONTH: Final = re.compile(r"(?:\d|ngày|mùng|mồng)\s*$")
_DAY_LIST_BACK: Final = re.compile(
    rf"(?:ngày|mùng|mồng){S}(?P<list>\d{{1,2}}(?:{S0}[,;]{S0}\d{{1,2}}){{0,5}}){S0}(?:,|và){S0}$"
)
_NUMBER_RE: Final = re.compile(r"\d{1,2}")
_FROM_BEFORE: Final = re.compile(rf"(?:kể{S})?từ{S}$")


def joined_period(low: str, a: Candidate, b: Candidate) -> Period | None:
    """The period whose ends are the candidates ``a`` and ``b`` ("25/3 - 31/3/2019"), if they make one."""
    if b.start - a.end > JOIN_GAP or not (isinstance(a.value, VnDate) and isinstance(b.value, VnDate)):
        return None
    gap = _RANGE_GAP.fullmatch(low, a.end, b.start)
    if gap is None:
        return None
    pa, pb = a.value.precision, b.value.precision
    if (pa is Precision.YEAR) != (pb is Precision.YEAR) or a.value.lunar != b.value.lunar:
        return None
    end = b.value
    if gap["before"] is not None:  # "từ ngày 15/10/1993 đến trước ngày 01/7/2014": up to the day before
        if pb is not Precision.DAY or end.year is None or end.lunar:
            return None
        end = VnDate.of(end.first_day() - datetime.timedelta(days=1))
    try:
        return join_ends(a.value, end)
    except DateError:
        return None


def from_before(low: str, start: int, floor: int = 0) -> int:
    """Where a "từ" or "kể từ" right before ``start`` begins (``start`` when there is none)."""
    fm = _FROM_BEFORE.search(low, max(floor, start - 8), start)
    return fm.start() if fm is not None else start


def bare_left_end(low: str, c: Candidate, v: VnDate, floor: int) -> tuple[Period, re.Match[str]] | None:
    """The period whose right end is ``c`` (value ``v``) and whose left end is a bare day number
    ("từ ngày 12 đến ngày 15-10") or, before a month, a month number without the year ("từ tháng 4
    đến tháng 6 năm 2020"), with the match of the left end; None when there is none."""
    if v.day is None:
        return _bare_left_month(low, c, v, floor)
    bm = _BARE_LEFT_END.search(low, max(floor, c.start - 40), c.start)
    if bm is None:
        return None
    day = int(bm["n"])
    left = make_date(None, v.month, day) if not v.lunar else None
    if v.lunar and v.month is not None:
        try:
            left = VnDate(month=v.month, day=day, lunar=True, leap=v.leap)
        except ValueError:
            left = None
    return _period_to(left, v, bm)


def _bare_left_month(low: str, c: Candidate, v: VnDate, floor: int) -> tuple[Period, re.Match[str]] | None:
    if v.month is None or v.lunar or v.year is None:
        return None
    bm = _BARE_LEFT_MONTH.search(low, max(floor, c.start - 40), c.start)
    if bm is None or _DAY_BEFORE_MONTH.search(low, max(floor, bm.start() - 8), bm.start()):
        return None
    return _period_to(make_date(None, int(bm["n"])), v, bm)


def _period_to(left: VnDate | None, right: VnDate, bm: re.Match[str]) -> tuple[Period, re.Match[str]] | None:
    """The period from a bare ``left`` end (matched by ``bm``) to ``right``, if they make one."""
    if left is None:
        return None
    try:
        return join_ends(left, right), bm
    except DateError:
        return None


def listed_days(low: str, c: Candidate, v: VnDate, floor: int) -> list[tuple[int, int, VnDate]] | None:
    """The days listed before the day ``c`` ("ngày 5 và 6/3/2024" → 5/3/2024), each with its span
    (the first one's span takes the "ngày" before it); None when no list stands before ``c``."""
    back = _DAY_LIST_BACK.search(low, max(floor, c.start - 40), c.start)
    if back is None:
        return None
    found: list[tuple[int, int, VnDate]] = []
    for n in _NUMBER_RE.finditer(low, back.start("list"), back.end("list")):
        day = make_date(v.year, v.month, int(n.group()))
        if day is not None:
            found.append((back.start() if n.start() == back.start("list") else n.start(), n.end(), day))
    return found
