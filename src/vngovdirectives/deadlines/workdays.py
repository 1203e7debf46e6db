"""The working-day calendar of Vietnamese public bodies.

Public bodies work Monday to Friday (Quyết định 188/1999/QĐ-TTg). Rest days come from the
``holidays`` package (country ``VN``): the statutory holidays of Labour Code Art. 112 with Tết
and Giỗ Tổ Hùng Vương from the lunar calendar, compensatory days (nghỉ bù), the official day
swaps and the Saturdays worked in exchange (``weekend_workdays``). A :class:`WorkingCalendar`
adds holidays or working days of its own, for example a future holiday not yet in the package.

>>> add_working_days(datetime.date(2019, 3, 29), 15)
datetime.date(2019, 4, 22)
>>> is_working_day(datetime.date(2025, 4, 26))   # a Saturday worked in exchange for Friday 2/5
True
"""

from __future__ import annotations

import datetime
import functools
from typing import TYPE_CHECKING, Final

import attrs

from vngovdirectives.errors import CalendarError

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "WorkingCalendar",
    "add_working_days",
    "count_working_days",
    "is_working_day",
    "next_working_day",
]

#: The years the ``holidays`` package is asked about; outside them the calendar refuses to answer.
SUPPORTED_YEARS: Final = (1995, 2100)
_MAX_STEPS: Final = 366 * 30  # a limit of 30 years of days is far beyond any administrative deadline


@functools.cache
def _year_rules(year: int) -> tuple[frozenset[datetime.date], frozenset[datetime.date]]:
    """Rest days (holidays) and worked weekend days that the ``holidays`` package knows for ``year``."""
    if not SUPPORTED_YEARS[0] <= year <= SUPPORTED_YEARS[1]:
        raise CalendarError(f"the working-day calendar covers {SUPPORTED_YEARS[0]}..{SUPPORTED_YEARS[1]}, not {year}")
    import holidays

    vn = holidays.country_holidays("VN", years=year)
    return frozenset(vn.keys()), frozenset(vn.weekend_workdays)


def _official(day: datetime.date) -> bool:
    """Working day under the national calendar alone."""
    hols, _ = _year_rules(day.year)
    if day in hols:
        return False
    if day.weekday() < 5:
        return True
    # Swapped Saturdays may be listed under the year of the holiday they compensate.
    return any(day in _year_rules(y)[1] for y in (day.year, day.year + 1) if y <= SUPPORTED_YEARS[1])


def _dates(values: Iterable[datetime.date]) -> frozenset[datetime.date]:
    return frozenset(values)


@attrs.frozen(kw_only=True, slots=True)
class WorkingCalendar:
    """The national public-service calendar plus local changes.

    ``extra_holidays`` are rest days to add (e.g. a new holiday on 24/11 or a provincial day
    off); ``extra_working_days`` are days worked although the national calendar rests (e.g. a
    make-up Saturday announced after the package was released). An extra working day wins
    over an extra holiday.

    >>> cal = WorkingCalendar(extra_holidays=frozenset({datetime.date(2027, 11, 24)}))
    >>> cal.is_working_day(datetime.date(2027, 11, 24)), cal.is_working_day(datetime.date(2027, 11, 25))
    (False, True)
    """

    extra_holidays: frozenset[datetime.date] = attrs.field(default=frozenset(), converter=_dates)
    extra_working_days: frozenset[datetime.date] = attrs.field(default=frozenset(), converter=_dates)

    def is_working_day(self, day: datetime.date) -> bool:
        """Whether public bodies work on ``day``."""
        if day in self.extra_working_days:
            return True
        if day in self.extra_holidays:
            return False
        return _official(day)

    def next_working_day(self, day: datetime.date) -> datetime.date:
        """``day`` itself when it is a working day, otherwise the first working day after it."""
        for _ in range(_MAX_STEPS):
            if self.is_working_day(day):
                return day
            if day == datetime.date.max:
                raise CalendarError("no working day after the last day of year 9999")
            day += datetime.timedelta(days=1)
        raise CalendarError(f"no working day within {_MAX_STEPS} days")  # pragma: no cover

    def add_working_days(self, start: datetime.date, n: int) -> datetime.date:
        """The ``n``-th working day after ``start`` (``start`` itself is not counted; ``n`` ≥ 0).

        ``n == 0`` gives ``start``.
        """
        if n < 0:
            raise CalendarError("the number of working days must not be negative")
        day = start
        try:
            for _ in range(n):
                day = self.next_working_day(day + datetime.timedelta(days=1))
        except OverflowError:
            raise CalendarError(f"{n} working days after {start} fall after the last day of year 9999") from None
        return day

    def count_working_days(self, start: datetime.date, end: datetime.date) -> int:
        """Working days from ``start`` to ``end``, both included (0 when ``end`` < ``start``)."""
        if (end - start).days > _MAX_STEPS:
            raise CalendarError(f"ranges longer than {_MAX_STEPS} days are not counted")
        total = 0
        day = start
        while day <= end:
            total += self.is_working_day(day)
            if day == datetime.date.max:
                break
            day += datetime.timedelta(days=1)
        return total


_NATIONAL: Final = WorkingCalendar()


def is_working_day(day: datetime.date, *, calendar: WorkingCalendar | None = None) -> bool:
    """Whether public bodies work on ``day`` (the national calendar unless ``calendar`` is given)."""
    return (calendar or _NATIONAL).is_working_day(day)


def next_working_day(day: datetime.date, *, calendar: WorkingCalendar | None = None) -> datetime.date:
    """``day`` when it is a working day, otherwise the next working day."""
    return (calendar or _NATIONAL).next_working_day(day)


def add_working_days(start: datetime.date, n: int, *, calendar: WorkingCalendar | None = None) -> datetime.date:
    """The ``n``-th working day after ``start`` (``start`` excluded).

    >>> add_working_days(datetime.date(2024, 2, 7), 1)   # Tết Giáp Thìn: 8-14/02/2024 off
    datetime.date(2024, 2, 15)
    """
    return (calendar or _NATIONAL).add_working_days(start, n)


def count_working_days(start: datetime.date, end: datetime.date, *, calendar: WorkingCalendar | None = None) -> int:
    """Working days from ``start`` to ``end``, both included.

    >>> count_working_days(datetime.date(2019, 4, 27), datetime.date(2019, 5, 6))
    4
    """
    return (calendar or _NATIONAL).count_working_days(start, end)
