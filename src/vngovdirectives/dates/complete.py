"""Completing year-less dates with the year of the document they come from.

>>> from vngovdirectives.dates import parse_date
>>> complete(parse_date("ngày 29/3"), datetime.date(2019, 4, 2)).iso()
'2019-03-29'
"""

from __future__ import annotations

import datetime
import functools
from typing import overload

from vngovdirectives.dates.model import Period, Precision, VnDate
from vngovdirectives.dates.parse import join_ends
from vngovdirectives.errors import DateError, InputTypeError, expect_type

__all__ = ["complete"]


def _candidates(value: VnDate, context: datetime.date) -> list[VnDate]:
    out: list[VnDate] = []
    if value.lunar and value.cycle is not None:
        base = 1984 + value.cycle
        k = round((context.year - base) / 60)
        years = [base + 60 * (k + i) for i in (-1, 0, 1)]
    elif not value.lunar:
        # A solar month or day recurs every year (29 February aside): the years around the
        # context decide both rules, and only a missing 29 February needs looking further.
        years = [context.year - 1, context.year, context.year + 1]
    else:
        years = [context.year + i for i in range(-4, 5)]
    for y in years:
        candidate = _with_year_or_none(value, y)
        if candidate is not None:
            out.append(candidate)
    if not out and not value.lunar:
        for y in range(context.year - 4, context.year + 5):
            candidate = _with_year_or_none(value, y)
            if candidate is not None:
                out.append(candidate)
    return out


def _with_year_or_none(value: VnDate, year: int) -> VnDate | None:
    try:
        return value.with_year(year)
    except (ValueError, DateError):
        return None


def _distance(value: VnDate | Period, context: datetime.date) -> int:
    first, last = value.first_day(), value.last_day()
    if first <= context <= last:
        return 0
    return (first - context).days if first > context else (context - last).days


def _solar_day_year(month: int, day: int, context: datetime.date, deadline: bool) -> int:
    """The year :func:`complete` gives a year-less solar day (never 29 February), without trial dates."""
    this_year = datetime.date(context.year, month, day)
    if deadline:
        return context.year if this_year >= context else context.year + 1
    before = datetime.date(context.year - 1, month, day)
    after = datetime.date(context.year + 1, month, day)
    best = min((abs((d - context).days), d) for d in (before, this_year, after))
    return best[1].year


def _complete_date(value: VnDate, context: datetime.date, deadline: bool) -> VnDate:
    if value.has_year:
        return value
    if not value.lunar and value.month is not None and value.day is not None and (value.month, value.day) != (2, 29):
        return VnDate(year=_solar_day_year(value.month, value.day, context, deadline), month=value.month, day=value.day)
    return _complete_by_trial(value, context, deadline)


@functools.lru_cache(maxsize=1024)
def _complete_by_trial(value: VnDate, context: datetime.date, deadline: bool) -> VnDate:
    """Lunar values, months and 29 February: try the candidate years (cached: lunar trials are slow)."""
    cands = _candidates(value, context)
    if not cands:
        raise DateError("no year makes this date valid", value.iso())
    if deadline:
        later = [c for c in cands if c.last_day() >= context]
        if later:
            return min(later, key=lambda c: c.first_day())
    return min(cands, key=lambda c: (_distance(c, context), c.first_day()))


@overload
def complete(value: VnDate, context: datetime.date | VnDate, *, deadline: bool = False) -> VnDate: ...
@overload
def complete(value: Period, context: datetime.date | VnDate, *, deadline: bool = False) -> Period: ...


def complete(value: VnDate | Period, context: datetime.date | VnDate, *, deadline: bool = False) -> VnDate | Period:
    """Give a year-less value the year implied by ``context``, the document's own date.

    A context that is only a year (a :class:`VnDate` of year precision: "Kế hoạch năm 2024")
    puts the value in that year. A full date (a :class:`datetime.date`, or a day-precision
    :class:`VnDate`) takes the nearest occurrence (at most about six months away); with
    ``deadline=True`` the first occurrence ending on or after it. A period completes its right
    end, then copies that year leftwards; a year that makes it hold ``context`` wins. Values with
    a year are returned unchanged. (Deadlines are completed by
    :func:`vngovdirectives.deadlines.complete_deadline`.)

    >>> from vngovdirectives.dates import parse_date
    >>> complete(parse_date("ngày 05/01"), datetime.date(2019, 12, 28)).iso()
    '2020-01-05'
    >>> complete(parse_date("ngày 05/4"), datetime.date(2019, 4, 9), deadline=True).iso()
    '2020-04-05'
    >>> complete(parse_date("ngày 30/4"), VnDate(year=2025), deadline=True).iso()
    '2025-04-30'
    >>> from vngovdirectives.dates import parse_period
    >>> complete(parse_period("từ ngày 01/01 đến hết ngày 31/12"), datetime.date(2025, 3, 10)).iso()
    '2025-01-01/2025-12-31'
    """
    if not isinstance(value, VnDate | Period):
        raise InputTypeError(
            f"complete() completes dates and periods, not {type(value).__name__}; "
            "use vngovdirectives.deadlines.complete_deadline() for a deadline"
        )
    expect_type(context, (datetime.date, VnDate), "complete", "context")
    if isinstance(context, VnDate):
        if context.year is None:
            raise InputTypeError("complete() needs a context date with its year")
        if context.precision is not Precision.DAY:
            return _in_year(value, context.year)
        context = context.first_day()
    try:
        if isinstance(value, Period):
            return _complete_period(value, context, deadline)
        return _complete_date(value, context, deadline)
    except ValueError as exc:  # the year before or after the context is outside 1..9999
        if isinstance(exc, DateError):
            raise
        raise DateError(f"no year near {context.year} makes this date valid ({exc})", value.iso()) from None


def _complete_period(value: Period, context: datetime.date, deadline: bool) -> Period:
    """A period's right end completed, the left end following it: as a deadline, the first that
    ends on or after ``context``; else the one that holds ``context`` ("từ ngày 01/01 đến hết ngày
    31/12" in a text of March 2025 is 2025), failing that the one whose end is nearest."""
    if value.end.has_year:
        return value
    end = _complete_date(value.end, context, deadline)
    if not deadline and end.year is not None:
        for year in (end.year - 1, end.year + 1):
            placed = _with_year_or_none(value.end, year)
            if placed is None:
                continue
            try:
                period = join_ends(value.start, placed)
            except (ValueError, DateError):
                continue
            if period.first_day() <= context <= period.last_day():
                return period
    return join_ends(value.start, end)


def _in_year(value: VnDate | Period, year: int) -> VnDate | Period:
    """``value`` put in ``year`` (a period: its right end, the left end following it)."""
    end = value.end if isinstance(value, Period) else value
    if end.has_year:
        return value
    try:
        placed = end.with_year(year)
    except ValueError as exc:
        raise DateError(f"{end.iso()} is not a day of {year}: {exc}", end.iso()) from None
    return join_ends(value.start, placed) if isinstance(value, Period) else placed
