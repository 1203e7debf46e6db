"""The date models: a date with the precision the text gave, a period, a time of day, a unit of time.

A :class:`VnDate` keeps the precision the text gave (a day, a month, a quarter, a half-year or
a year) and never invents a missing part: "ngày 29/3" stays year-less until
:func:`vngovdirectives.dates.complete` gives it the year of the document it comes from.
``str()`` of every model is its official Vietnamese wording (:func:`format_date`).
"""

from __future__ import annotations

import calendar
import datetime
import enum
from typing import Final

import attrs

from vngovdirectives.dates.lunar import LUNAR_YEARS, cycle_name, lunar_to_solar
from vngovdirectives.errors import DateError
from vngovdirectives.text.patterns import MAX_YEAR, MIN_YEAR
from vngovdirectives.text.vocab import table

__all__ = ["DurationUnit", "Period", "Precision", "TimeOfDay", "VnDate", "format_date"]

#: Roman numerals of quarters by value (1 → "I").
_ROMAN_OUT: Final = {int(value): roman.upper() for roman, value in table("roman_numerals").items()}


class Precision(enum.Enum):
    """How much of the calendar a :class:`VnDate` pins down."""

    DAY = "day"
    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"


class DurationUnit(enum.Enum):
    """A unit of time, as an amount of it is written ("15 ngày làm việc", "3 tháng")."""

    DAY = "day"
    WORKING_DAY = "working_day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"
    HOUR = "hour"


_DAYS_IN_MONTH: Final = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _max_day(year: int | None, month: int) -> int:
    """Days in ``month`` of ``year`` (29 for a year-less February)."""
    if month == 2 and (year is None or calendar.isleap(year)):
        return 29
    return _DAYS_IN_MONTH[month]


@attrs.frozen(kw_only=True, slots=True)
class TimeOfDay:
    """A clock time written in a text ("0 giờ", "14h30", "8:30").

    >>> str(TimeOfDay(hour=14, minute=30)), TimeOfDay(hour=0).iso()
    ('14 giờ 30 phút', '00:00')
    """

    hour: int = attrs.field(validator=[attrs.validators.ge(0), attrs.validators.le(23)])
    minute: int = attrs.field(default=0, validator=[attrs.validators.ge(0), attrs.validators.le(59)])

    def iso(self) -> str:
        """``HH:MM``."""
        return f"{self.hour:02d}:{self.minute:02d}"

    def to_time(self) -> datetime.time:
        """The :class:`datetime.time`."""
        return datetime.time(self.hour, self.minute)

    def __str__(self) -> str:
        return f"{self.hour} giờ" + (f" {self.minute} phút" if self.minute else "")


@attrs.frozen(kw_only=True, slots=True)
class VnDate:
    """A calendar date with its precision; missing parts stay missing.

    Exactly one shape is allowed: ``month`` + ``day`` (day precision), ``month`` (month),
    ``quarter`` (1-4), ``half`` (1-2) or ``year`` alone; ``year`` is optional for all but the
    last. ``lunar=True`` marks a date of the Vietnamese lunar calendar (day or month precision);
    a lunar year may be given as a number or, when only its Can Chi name was written, as
    ``cycle`` (0 = Giáp Tý … 59 = Quý Hợi) until :func:`complete` chooses the year.

    >>> VnDate(year=2019, quarter=1).iso(), VnDate(month=3).iso(), VnDate(year=2019, half=2).iso()
    ('2019-Q1', '--03', '2019-H2')
    >>> VnDate(year=2024, month=1, day=5, lunar=True).solar()
    datetime.date(2024, 2, 14)
    """

    year: int | None = None
    month: int | None = None
    day: int | None = None
    quarter: int | None = None
    half: int | None = None
    lunar: bool = False
    leap: bool = False
    cycle: int | None = None

    def __attrs_post_init__(self) -> None:
        # Dates are made by the thousand on the finders' hot path: the common solar day or
        # month with a plausible year is checked first, in a few comparisons.
        year, month, day = self.year, self.month, self.day
        if (
            month is not None
            and self.quarter is None
            and self.half is None
            and self.cycle is None
            and not self.lunar
            and not self.leap
            and (year is None or 1 <= year <= 9999)
            and 1 <= month <= 12
            and (day is None or 1 <= day <= _DAYS_IN_MONTH[month] or (day == 29 and month == 2))
        ):
            if day == 29 and month == 2 and year is not None and not calendar.isleap(year):
                raise ValueError(f"month {month} has no day {day}")
            return
        for name, value, lo, hi in (
            ("year", self.year, 1, 9999),
            ("month", self.month, 1, 12),
            ("day", self.day, 1, 31),
            ("quarter", self.quarter, 1, 4),
            ("half", self.half, 1, 2),
            ("cycle", self.cycle, 0, 59),
        ):
            if value is not None and not lo <= value <= hi:
                raise ValueError(f"{name} must be in {lo}..{hi}, got {value}")
        shape = (self.month is not None, self.day is not None, self.quarter is not None, self.half is not None)
        if shape not in {
            (True, True, False, False),
            (True, False, False, False),
            (False, False, True, False),
            (False, False, False, True),
            (False, False, False, False),
        }:
            raise ValueError("a VnDate is a day (month+day), a month, a quarter, a half-year or a year")
        if not any(shape) and self.year is None:
            raise ValueError("a VnDate needs at least a year")
        if self.lunar:
            if self.quarter is not None or self.half is not None or self.month is None:
                raise ValueError("a lunar date has day or month precision")
            if self.year is not None and self.cycle is not None:
                raise ValueError("give a lunar year as a number or as a cycle index, not both")
            if self.day is not None and self.day > 30:
                raise ValueError("a lunar month has at most 30 days")
            if self.year is not None:
                if not LUNAR_YEARS[0] <= self.year <= LUNAR_YEARS[1]:
                    raise ValueError(f"lunar dates are supported for {LUNAR_YEARS[0]}..{LUNAR_YEARS[1]}")
                if self.day is not None and lunar_to_solar(self.year, self.month, self.day, self.leap) is None:
                    raise ValueError("no such lunar date")
                if self.day is None and lunar_to_solar(self.year, self.month, 1, self.leap) is None:
                    raise ValueError("no such lunar month")
            return
        if self.leap or self.cycle is not None:
            raise ValueError("leap and cycle apply to lunar dates only")
        if self.day is not None and self.month is not None and self.day > _max_day(self.year, self.month):
            raise ValueError(f"month {self.month} has no day {self.day}")

    # -- constructors
    @classmethod
    def of(cls, value: datetime.date) -> VnDate:
        """The day-precision value of a :class:`datetime.date`."""
        return cls(year=value.year, month=value.month, day=value.day)

    # -- views
    @property
    def precision(self) -> Precision:
        """The :class:`Precision` of this value."""
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        if self.quarter is not None:
            return Precision.QUARTER
        if self.half is not None:
            return Precision.HALF
        return Precision.YEAR

    @property
    def has_year(self) -> bool:
        """Whether the year is known (so the value maps to solar days)."""
        return self.year is not None

    def iso(self) -> str:
        """ISO-like text: ``2019-03-29``, ``2019-03``, ``2019-Q1``, ``2019-H1``, ``2019``, ``--03-29``, ``--03``.

        Lunar values are prefixed with ``lunar:`` and a leap month carries ``L`` (``lunar:2023-02L-10``).
        """
        y = "-" if self.year is None else f"{self.year:04d}"
        if self.lunar and self.year is None and self.cycle is not None:
            y = f"-({cycle_name(self.cycle)})"
        p = self.precision
        if p is Precision.DAY:
            body = f"{y}-{self.month:02d}{'L' if self.leap else ''}-{self.day:02d}"
        elif p is Precision.MONTH:
            body = f"{y}-{self.month:02d}{'L' if self.leap else ''}"
        elif p is Precision.QUARTER:
            body = f"{y}-Q{self.quarter}"
        elif p is Precision.HALF:
            body = f"{y}-H{self.half}"
        else:
            body = y
        return f"lunar:{body}" if self.lunar else body

    def _require_year(self) -> int:
        if self.year is None:
            raise DateError("the value has no year; complete() it with a context date first", self.iso())
        return self.year

    def first_day(self) -> datetime.date:
        """First solar day covered (raises :class:`DateError` for a year-less value)."""
        y = self._require_year()
        if self.lunar:
            assert self.month is not None
            solar = lunar_to_solar(y, self.month, self.day or 1, self.leap)
            assert solar is not None  # validated at construction
            return solar
        p = self.precision
        if p is Precision.DAY:
            assert self.month is not None
            assert self.day is not None
            return datetime.date(y, self.month, self.day)
        if p is Precision.MONTH:
            assert self.month is not None
            return datetime.date(y, self.month, 1)
        if p is Precision.QUARTER:
            assert self.quarter is not None
            return datetime.date(y, 3 * self.quarter - 2, 1)
        if p is Precision.HALF:
            return datetime.date(y, 1 if self.half == 1 else 7, 1)
        return datetime.date(y, 1, 1)

    def last_day(self) -> datetime.date:
        """Last solar day covered (raises :class:`DateError` for a year-less value)."""
        y = self._require_year()
        if self.lunar:
            if self.day is not None:
                return self.first_day()
            assert self.month is not None
            for d in (30, 29):
                solar = lunar_to_solar(y, self.month, d, self.leap)
                if solar is not None:
                    return solar
            raise DateError("lunar month out of range", self.iso())  # pragma: no cover
        p = self.precision
        if p is Precision.DAY:
            return self.first_day()
        if p is Precision.MONTH:
            assert self.month is not None
            return datetime.date(y, self.month, _max_day(y, self.month))
        if p is Precision.QUARTER:
            assert self.quarter is not None
            m = 3 * self.quarter
            return datetime.date(y, m, _max_day(y, m))
        if p is Precision.HALF:
            return datetime.date(y, 6, 30) if self.half == 1 else datetime.date(y, 12, 31)
        return datetime.date(y, 12, 31)

    def solar(self) -> datetime.date:
        """The solar day of a day-precision value (converting lunar dates)."""
        if self.precision is not Precision.DAY:
            raise DateError("only a day-precision value is one solar day", self.iso())
        return self.first_day()

    def with_year(self, year: int) -> VnDate:
        """The same value in ``year`` (raises ValueError when that day does not exist)."""
        return VnDate(
            year=year,
            month=self.month,
            day=self.day,
            quarter=self.quarter,
            half=self.half,
            lunar=self.lunar,
            leap=self.leap,
        )

    def __str__(self) -> str:
        return format_date(self)


@attrs.frozen(kw_only=True, slots=True)
class Period:
    """A closed span from ``start`` to ``end``, each with its own precision.

    Both ends have a year or neither has (a year written only on the right end is copied
    leftwards by the parser). Both ends are solar, or both lunar.

    >>> from vngovdirectives.dates import parse_period
    >>> p = parse_period("giai đoạn 2016 - 2020")
    >>> p.start.iso(), p.end.iso(), str(p)
    ('2016', '2020', 'giai đoạn 2016 - 2020')
    """

    start: VnDate
    end: VnDate

    def __attrs_post_init__(self) -> None:
        if self.start.has_year != self.end.has_year:
            raise ValueError("both ends of a period have a year, or neither has")
        if self.start.lunar != self.end.lunar:
            raise ValueError("both ends of a period are solar, or both lunar")
        if self.start.has_year and self.end.has_year and self.start.first_day() > self.end.last_day():
            raise ValueError("a period cannot end before it starts")

    def first_day(self) -> datetime.date:
        """First solar day of the period."""
        return self.start.first_day()

    def last_day(self) -> datetime.date:
        """Last solar day of the period."""
        return self.end.last_day()

    def iso(self) -> str:
        """``start/end`` in ISO-like text."""
        return f"{self.start.iso()}/{self.end.iso()}"

    def __str__(self) -> str:
        return format_date(self)


def _pad(n: int) -> str:
    return f"{n:02d}"


def _fmt_month(month: int, lunar: bool, leap: bool) -> str:
    if lunar and month == 1:
        text = "Giêng"
    elif lunar and month == 12:
        text = "Chạp"
    else:
        text = _pad(month) if month <= 2 else str(month)
    return f"tháng {text}" + (" nhuận" if leap else "")


def format_date(value: VnDate | Period | TimeOfDay) -> str:
    """Official Vietnamese wording (Decree 30/2020/NĐ-CP zero padding of days < 10 and months 1-2).

    >>> format_date(VnDate(year=2020, month=2, day=5))
    'ngày 05 tháng 02 năm 2020'
    >>> format_date(VnDate(year=2019, quarter=1)), format_date(VnDate(year=2019, month=3))
    ('quý I năm 2019', 'tháng 3 năm 2019')
    >>> format_date(VnDate(year=2024, month=1, day=5, lunar=True))
    'ngày 05 tháng Giêng năm 2024 âm lịch'
    """
    if isinstance(value, TimeOfDay):
        return str(value)
    if isinstance(value, Period):
        s, e = value.start, value.end
        if (
            s.precision is Precision.YEAR
            and e.precision is Precision.YEAR
            and s.year is not None
            and e.year is not None
            and MIN_YEAR <= s.year < e.year <= min(s.year + 50, MAX_YEAR)  # what "a - b" reads as
        ):
            return f"giai đoạn {s.year} - {e.year}"
        return f"từ {format_date(s)} đến {format_date(e)}"
    p = value.precision
    if p is Precision.YEAR:
        return f"năm {value.year}"
    if p is Precision.QUARTER:
        assert value.quarter is not None
        text = f"quý {_ROMAN_OUT[value.quarter]}"
    elif p is Precision.HALF:
        text = "6 tháng đầu năm" if value.half == 1 else "6 tháng cuối năm"
        return text if value.year is None else f"{text} {value.year}"
    else:
        assert value.month is not None
        text = _fmt_month(value.month, value.lunar, value.leap)
        if value.day is not None:
            text = f"ngày {_pad(value.day)} {text}"
    if value.year is not None:
        text += f" năm {value.year}"
    elif value.cycle is not None:
        text += f" năm {cycle_name(value.cycle)}"
    if value.lunar:
        text += " âm lịch"
    return text
