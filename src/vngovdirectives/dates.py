"""Dates, partial dates, times of day and periods as Vietnamese government texts write them.

A :class:`VnDate` keeps the precision the text gave (a day, a month, a quarter, a half-year or
a year) and never invents a missing part: "ngày 29/3" stays year-less until :func:`complete`
gives it the year of the document it comes from.

>>> d = parse_date("ngày 29/3/2019")
>>> d.iso(), str(d)
('2019-03-29', 'ngày 29 tháng 3 năm 2019')
>>> parse_date("quý I/2019").last_day()
datetime.date(2019, 3, 31)
>>> str(parse_period("25-31/3/2019"))
'từ ngày 25 tháng 3 năm 2019 đến ngày 31 tháng 3 năm 2019'
>>> parse_date("ngày 29/3").iso()
'--03-29'
>>> complete(parse_date("ngày 29/3"), datetime.date(2019, 4, 2)).iso()
'2019-03-29'
"""

from __future__ import annotations

import calendar
import datetime
import enum
import functools
import re
from typing import TYPE_CHECKING, Final, overload

import attrs

from vngovdirectives.errors import DateError
from vngovdirectives.text import normalize

if TYPE_CHECKING:
    from vngovdirectives.deadlines import Deadline

__all__ = [
    "Period",
    "Precision",
    "TimeOfDay",
    "VnDate",
    "complete",
    "format_date",
    "parse_date",
    "parse_period",
    "parse_time",
]

#: Longest text the single-value parsers accept; longer input is not one date expression.
MAX_TEXT: Final = 300
_ROMAN: Final = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_ROMAN_OUT: Final = ("", "I", "II", "III", "IV")
_LUNAR_MONTH_WORDS: Final = {"giêng": 1, "chạp": 12}


class Precision(enum.Enum):
    """How much of the calendar a :class:`VnDate` pins down."""

    DAY = "day"
    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"


# --------------------------------------------------------------------------- validation helpers


_DAYS_IN_MONTH: Final = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _max_day(year: int | None, month: int) -> int:
    """Days in ``month`` of ``year`` (29 for a year-less February)."""
    if month == 2 and (year is None or calendar.isleap(year)):
        return 29
    return _DAYS_IN_MONTH[month]


def _cycle_name(index: int) -> str:
    """Can Chi name of the lunar year at sexagenary ``index`` (0 = Giáp Tý)."""
    from lunar_vn import can_chi

    return str(can_chi.get_year_can_chi(1984 + index))


def _cycle_index(name: str) -> int | None:
    key = " ".join(name.split()).casefold()
    for i in range(60):
        if _cycle_name(i).casefold() == key:
            return i
    return None


@functools.lru_cache(maxsize=4096)
@functools.lru_cache(maxsize=4096)
def _lunar_to_solar(year: int, month: int, day: int, leap: bool) -> datetime.date | None:
    """Solar date of a lunar date (UTC+7 Vietnamese calendar), None when that lunar day does not exist."""
    import lunar_vn

    try:
        solar = lunar_vn.lunar_to_solar(lunar_vn.LunarDate(day=day, month=month, year=year, leap=leap))
        back = lunar_vn.solar_to_lunar(solar)
    except (ValueError, OverflowError):
        return None
    if (back.day, back.month, back.year, back.leap) != (day, month, year, leap):
        return None
    result: datetime.date = solar
    return result


# --------------------------------------------------------------------------- models


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
                if not 1900 <= self.year <= 2100:
                    raise ValueError("lunar dates are supported for 1900..2100")
                if self.day is not None and _lunar_to_solar(self.year, self.month, self.day, self.leap) is None:
                    raise ValueError("no such lunar date")
                if self.day is None and _lunar_to_solar(self.year, self.month, 1, self.leap) is None:
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
            y = f"-({_cycle_name(self.cycle)})"
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
            solar = _lunar_to_solar(y, self.month, self.day or 1, self.leap)
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
                solar = _lunar_to_solar(y, self.month, d, self.leap)
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


# --------------------------------------------------------------------------- formatting


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
        if s.precision is Precision.YEAR and e.precision is Precision.YEAR:
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
        text += f" năm {_cycle_name(value.cycle)}"
    if value.lunar:
        text += " âm lịch"
    return text


# --------------------------------------------------------------------------- parsing helpers

_S = r"\s{1,3}"
_O = r"\s{0,3}"
_NUM = r"\d{1,6}"


def _prep(text: object, what: str) -> str:
    if not isinstance(text, str):
        raise DateError(f"expected a str, got {type(text).__name__}", repr(text)[:MAX_TEXT], 0)
    if len(text) > MAX_TEXT:
        raise DateError(f"text too long to be one {what}", text[: MAX_TEXT + 20], MAX_TEXT)
    return normalize(text).text


def _strip_span(text: str) -> tuple[int, int]:
    start, end = 0, len(text)
    while start < end and (text[start].isspace() or text[start] in "(,;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ").,;:"):
        end -= 1
    return start, end


def _int(text: str, group: int | str, m: re.Match[str], lo: int, hi: int, name: str, digits: int = 2) -> int:
    raw = m.group(group)
    if len(raw) > digits or not raw.isdigit() or not lo <= int(raw) <= hi:
        raise DateError(f"invalid {name}", text, m.start(group), raw)
    return int(raw)


def _year(text: str, group: int | str, m: re.Match[str]) -> int:
    raw = m.group(group)
    if len(raw) != 4 or not raw.isdigit() or int(raw) < 1000:
        raise DateError("a year has four digits", text, m.start(group), raw)
    return int(raw)


def _make(text: str, offset: int, fragment: str, **fields: int | bool | None) -> VnDate:
    try:
        return VnDate(**fields)  # type: ignore[arg-type]
    except ValueError as exc:
        raise DateError(f"impossible date: {exc}", text, offset, fragment) from None


_F = re.IGNORECASE
_RE_TARGET: Final = re.compile(rf"(?:(?:tầm{_S}nhìn|định{_S}hướng){_S})?(?:đến|tới){_S}", _F)
_RE_DMY: Final = re.compile(
    rf"(?:ngày{_S})?(?P<d>{_NUM})(?P<s>[/.-])(?P<m>{_NUM})(?:(?P=s)(?P<y>{_NUM})|{_S}năm{_S}(?P<y2>{_NUM}))?", _F
)
_RE_WORDED: Final = re.compile(
    rf"(?:ngày{_S})?(?P<d>{_NUM}){_S}tháng{_S}(?P<m>{_NUM})"
    rf"(?:{_O},?{_O}năm{_S}(?P<y>{_NUM})|{_O}[/.-]{_O}(?P<y2>{_NUM}))?",
    _F,
)
_RE_MONTH: Final = re.compile(
    rf"tháng{_S}(?P<m>{_NUM})(?:{_O}[/.-]{_O}(?P<y>{_NUM})|{_O},?{_O}năm{_S}(?P<y2>{_NUM})|,{_O}(?P<y3>{_NUM}))?", _F
)
_RE_QUARTER: Final = re.compile(
    rf"quý{_S}(?P<q>iv|i{{1,3}}|\d{{1,2}})(?:{_O}[/.-]{_O}(?P<y>{_NUM})|{_S}năm{_S}(?P<y2>{_NUM}))?", _F
)
_RE_HALF: Final = re.compile(rf"6{_S}tháng{_S}(?P<pos>đầu|cuối){_S}năm(?:{_S}(?P<y>{_NUM}))?", _F)
_RE_YEAR: Final = re.compile(rf"(?:năm{_S})?(?P<y>{_NUM})", _F)
_RE_LUNAR: Final = re.compile(
    rf"(?:(?P<kw>ngày|mùng|mồng){_S})?(?:(?P<d>\d{{1,2}}){_S})?"
    rf"(?:tháng{_S}(?P<m>giêng|chạp|\d{{1,2}})(?P<leap>{_S}nhuận)?|(?P<tet>tết)(?:{_S}nguyên{_S}đán)?)"
    rf"(?:{_S}năm{_S}(?P<y>\d{{4}}|[^\W\d_]{{1,5}}{_S}[^\W\d_]{{1,5}}))?"
    rf"(?P<al>{_O}\(?{_O}âm{_S}lịch{_O}\)?)?",
    _F,
)
_RE_LUNAR_NUM: Final = re.compile(
    rf"(?:(?:ngày|mùng|mồng){_S})?(?P<d>\d{{1,2}})[/.-](?P<m>\d{{1,2}})(?:[/.-](?P<y>\d{{4}}))?"
    rf"{_O}\(?{_O}âm{_S}lịch{_O}\)?",
    _F,
)


def _lunar(text: str, m: re.Match[str], leap: bool = False) -> VnDate:
    raw_m = m.group("m")
    month = 1 if raw_m is None else _LUNAR_MONTH_WORDS.get(raw_m.casefold()) or _int(text, "m", m, 1, 12, "month")
    day = None if m.group("d") is None else _int(text, "d", m, 1, 30, "lunar day")
    year: int | None = None
    cycle: int | None = None
    raw_y = m.group("y")
    if raw_y is not None:
        if raw_y.isdigit():
            year = _year(text, "y", m)
        else:
            cycle = _cycle_index(raw_y)
            if cycle is None:
                raise DateError("unknown Can Chi year", text, m.start("y"), raw_y)
    return _make(text, m.start(), m.group(), year=year, month=month, day=day, lunar=True, leap=leap, cycle=cycle)


def _date_at(text: str, start: int, end: int) -> VnDate:
    """Parse ``text[start:end]`` (already stripped) as one date, raising DateError."""
    try:
        return _date_frag(text[start:end])
    except DateError as exc:
        raise DateError(exc.reason, text, start + exc.offset, exc.fragment) from None


def _is_lunar_match(m: re.Match[str]) -> bool:
    kw = (m.group("kw") or "").casefold()
    month = (m.group("m") or "").casefold()
    year = m.group("y") or ""
    return bool(
        kw in {"mùng", "mồng"}
        or m.group("tet")
        or m.group("al")
        or m.group("leap")
        or month in _LUNAR_MONTH_WORDS
        or (year and not year.isdigit())
    )


def _date_frag(frag: str) -> VnDate:
    if not frag:
        raise DateError("empty date", frag, 0, "")
    tm = _RE_TARGET.match(frag)
    if tm:  # "đến năm 2025", "tầm nhìn đến năm 2030": a target year
        ym = _RE_YEAR.fullmatch(frag, tm.end())
        if ym is None:
            raise DateError("expected a year after 'đến'", frag, tm.end(), frag[tm.end() :])
        return _make(frag, tm.end(), frag, year=_year(frag, "y", ym))
    lm = _RE_LUNAR_NUM.fullmatch(frag)
    if lm:
        return _lunar(frag, lm)
    lm = _RE_LUNAR.fullmatch(frag)
    if lm and _is_lunar_match(lm):
        if lm.group("tet") and lm.group("d") is None:
            raise DateError("'Tết' alone is not a date", frag, 0, frag)
        return _lunar(frag, lm, leap=bool(lm.group("leap")))
    return _solar(frag)


def _solar(frag: str) -> VnDate:
    m = _RE_WORDED.fullmatch(frag)
    if m:
        y = (m.group("y") and _year(frag, "y", m)) or (m.group("y2") and _year(frag, "y2", m)) or None
        d = _int(frag, "d", m, 1, 31, "day")
        mo = _int(frag, "m", m, 1, 12, "month")
        return _make(frag, m.start(), frag, year=y, month=mo, day=d)
    m = _RE_DMY.fullmatch(frag)
    if m:
        y = (m.group("y") and _year(frag, "y", m)) or (m.group("y2") and _year(frag, "y2", m)) or None
        d = _int(frag, "d", m, 1, 31, "day")
        mo = _int(frag, "m", m, 1, 12, "month")
        return _make(frag, m.start("d"), frag, year=y, month=mo, day=d)
    m = _RE_MONTH.fullmatch(frag)
    if m:
        yg = next((g for g in ("y", "y2", "y3") if m.group(g)), None)
        y = None if yg is None else _year(frag, yg, m)
        return _make(frag, m.start(), frag, year=y, month=_int(frag, "m", m, 1, 12, "month"))
    m = _RE_QUARTER.fullmatch(frag)
    if m:
        raw = m.group("q").casefold()
        q = _ROMAN.get(raw) or _int(frag, "q", m, 1, 4, "quarter", 1)
        yg = next((g for g in ("y", "y2") if m.group(g)), None)
        y = None if yg is None else _year(frag, yg, m)
        return _make(frag, m.start(), frag, year=y, quarter=q)
    m = _RE_HALF.fullmatch(frag)
    if m:
        y = None if m.group("y") is None else _year(frag, "y", m)
        return _make(frag, m.start(), frag, year=y, half=1 if m.group("pos").casefold() == "đầu" else 2)
    m = _RE_YEAR.fullmatch(frag)
    if m:
        return _make(frag, m.start(), frag, year=_year(frag, "y", m))
    raise DateError("not a date expression", frag, 0, frag)


def parse_date(text: str) -> VnDate:
    """Read one date, partial date, quarter, half-year, year or lunar date.

    Accepted forms are listed in ``docs/dates.md``; an impossible date raises :class:`DateError`.

    >>> parse_date("ngày 05 tháng 02 năm 2020").iso()
    '2020-02-05'
    >>> parse_date("Quý 3-2018").iso(), parse_date("đến năm 2025").iso()
    ('2018-Q3', '2025')
    >>> parse_date("31/2/2019")
    Traceback (most recent call last):
        ...
    vngovdirectives.errors.DateError: impossible date: month 2 has no day 31 ...
    """
    norm = _prep(text, "date")
    start, end = _strip_span(norm)
    return _date_at(norm, start, end)


_RE_TIME: Final = re.compile(
    rf"(?P<h>\d{{1,2}}){_O}(?:(?P<sep>giờ|h|g|:){_O}(?:(?P<mi>\d{{1,2}}){_O}(?:phút|')?)?)", _F
)


def parse_time(text: str) -> TimeOfDay:
    """Read a clock time: "0 giờ", "0h00", "14 giờ 30 phút", "14h30", "8:30", "0h".

    >>> parse_time("14h30"), parse_time("0 giờ").iso()
    (TimeOfDay(hour=14, minute=30), '00:00')
    """
    norm = _prep(text, "time")
    start, end = _strip_span(norm)
    return _time_at(norm, start, end)


def _time_at(text: str, start: int, end: int) -> TimeOfDay:
    m = _RE_TIME.fullmatch(text, start, end)
    if m is None or (m.group("sep") == ":" and m.group("mi") is None):
        raise DateError("not a time of day", text, start, text[start:end])
    h = _int(text, "h", m, 0, 23, "hour")
    mi = 0 if m.group("mi") is None else _int(text, "mi", m, 0, 59, "minute")
    return TimeOfDay(hour=h, minute=mi)


# --------------------------------------------------------------------------- periods

_PERIOD_WORDS = rf"giai{_O}đoạn|nhiệm{_S}kỳ|năm{_S}học|niên{_S}khóa|niên{_S}học|thời{_S}kỳ|kỳ|mùa{_S}\w+{_S}năm"
_RE_YEAR_RANGE: Final = re.compile(
    rf"(?:(?P<kw>{_PERIOD_WORDS}){_O}|năm{_S})?(?P<a>\d{{4}}){_O}-{_O}(?P<b>\d{{4}})", _F
)
_RE_YEAR_GLUED: Final = re.compile(rf"(?P<kw>{_PERIOD_WORDS}){_O}(?P<a>\d{{4}})(?P<b>\d{{4}})", _F)
_RE_FIRST_MONTHS: Final = re.compile(
    rf"(?P<n>\d{{1,2}}){_S}tháng(?:{_S}(?P<pos>đầu|cuối))?(?:{_S}năm(?:{_S}(?P<y>\d{{4}}))?)?", _F
)
_RE_CONNECTOR: Final = re.compile(rf"{_O}(?:-|(?:đến|tới){_S}hết|đến|tới){_O}", _F)
_RE_FROM: Final = re.compile(rf"(?:kể{_S})?từ{_S}", _F)
_RE_DAY_ONLY: Final = re.compile(rf"(?:(?P<kw>ngày|mùng|mồng){_S})?(?P<d>\d{{1,2}})", _F)
_RE_END_TIME: Final = re.compile(
    rf"(?:hết{_S})?(?:\d{{1,2}}{_O}(?:giờ|h|g|:){_O}(?:\d{{1,2}})?{_O}(?:phút|')?{_O})?", _F
)


def plausible_year_range(a: int, b: int) -> bool:
    """Whether two adjacent 4-digit numbers read as a multi-year period (second after the first, ≤ 50 years)."""
    return 1900 <= a < b <= a + 50 and b <= 2200


def _year_range(text: str, m: re.Match[str]) -> Period:
    a, b = int(m.group("a")), int(m.group("b"))
    if not plausible_year_range(a, b):
        raise DateError("not a plausible range of years", text, m.start("a"), m.group())
    return Period(start=VnDate(year=a), end=VnDate(year=b))


def join_ends(left: VnDate, right: VnDate, text: str = "", offset: int = 0) -> Period:
    """A period from two ends, copying a year (and month) written on one end only.

    A year written only on the right end is copied leftwards (the previous year when the left
    end would come after the right one); a year written only on the left is copied rightwards.

    >>> join_ends(VnDate(month=12, day=25), VnDate(year=2020, month=1, day=3)).start.iso()
    '2019-12-25'
    """
    try:
        if left.has_year and not right.has_year:
            assert left.year is not None
            right = right.with_year(left.year)
            if right.last_day() < left.first_day():
                right = right.with_year(left.year + 1)
        elif right.has_year and not left.has_year:
            assert right.year is not None
            left = left.with_year(right.year)
            if left.first_day() > right.last_day():
                left = left.with_year(right.year - 1)
        return Period(start=left, end=right)
    except (ValueError, DateError) as exc:
        raise DateError(f"not a valid period: {exc}", text or f"{left.iso()}/{right.iso()}", offset) from None


def _left_end(text: str, start: int, end: int, right: VnDate) -> VnDate:
    """Parse a period's left end, which may omit the month (and year) written on the right."""
    dm = _RE_DAY_ONLY.fullmatch(text, start, end)
    if dm is not None:
        if right.precision is not Precision.DAY:
            raise DateError("a bare day needs a day on the right end", text, start, text[start:end])
        day = _int(text, "d", dm, 1, 31, "day")
        if right.lunar and dm.group("kw") and dm.group("kw").casefold() in {"mùng", "mồng"}:
            return _make(text, start, text[start:end], month=right.month, day=day, lunar=True, leap=right.leap)
        return _make(text, start, text[start:end], month=right.month, day=day, lunar=right.lunar, leap=right.leap)
    return _date_at(text, start, end)


def _period_at(text: str, start: int, end: int) -> Period:
    frag = text[start:end]
    m = _RE_YEAR_RANGE.fullmatch(frag) or _RE_YEAR_GLUED.fullmatch(frag)
    if m:
        return _year_range(frag, m)
    m = _RE_FIRST_MONTHS.fullmatch(frag)
    if m and (m.group("pos") or m.group("y")):
        n = _int(frag, "n", m, 1, 12, "number of months")
        y = None if m.group("y") is None else _year(frag, "y", m)
        last = (m.group("pos") or "").casefold() == "cuối"
        first, final = (13 - n, 12) if last else (1, n)
        return Period(start=VnDate(year=y, month=first), end=VnDate(year=y, month=final))
    if m and m.group("pos") is None and m.group("y") is None and not frag.rstrip().endswith("năm"):
        n = _int(frag, "n", m, 1, 12, "number of months")
        return Period(start=VnDate(month=1), end=VnDate(month=n))
    fm = _RE_FROM.match(frag)
    lead = fm.end() if fm else 0
    # Try each connector; the first split whose two sides parse wins (bounded by MAX_TEXT).
    last_error: DateError | None = None
    for cm in _RE_CONNECTOR.finditer(frag, lead):
        if cm.start() == lead:
            continue
        try:
            tail = _RE_END_TIME.match(frag, cm.end())
            rstart = tail.end() if tail else cm.end()
            right = _date_at(text, start + rstart, end)
            left = _left_end(text, start + lead, start + cm.start(), right)
        except DateError as exc:
            last_error = exc
            continue
        return join_ends(left, right, text, start)
    if last_error is not None:
        raise last_error
    raise DateError("not a period expression", text, start, frag)


def parse_period(text: str) -> Period:
    """Read a period: year ranges, "từ … đến …" ranges, "6 tháng đầu năm 2019", "9 tháng".

    >>> p = parse_period("từ ngày 16/8 đến hết ngày 15/9 năm 2021")
    >>> p.start.iso(), p.end.iso()
    ('2021-08-16', '2021-09-15')
    >>> parse_period("6 tháng đầu năm 2019").iso()
    '2019-01/2019-06'
    >>> parse_period("giai đoạn 20112020").iso()
    '2011/2020'
    """
    norm = _prep(text, "period")
    start, end = _strip_span(norm)
    return _period_at(norm, start, end)


# --------------------------------------------------------------------------- completion


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


def _distance(value: VnDate, context: datetime.date) -> int:
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
def complete(value: VnDate, context: datetime.date, *, deadline: bool = False) -> VnDate: ...
@overload
def complete(value: Period, context: datetime.date, *, deadline: bool = False) -> Period: ...
@overload
def complete(value: Deadline, context: datetime.date, *, deadline: bool = True) -> Deadline: ...


def complete(
    value: VnDate | Period | Deadline, context: datetime.date, *, deadline: bool = False
) -> VnDate | Period | Deadline:
    """Give a year-less value the year implied by ``context`` (the document's own date).

    Plain dates take the nearest occurrence (at most about six months away); with
    ``deadline=True`` the first occurrence ending on or after ``context``. A period completes
    its right end, then copies that year leftwards. A deadline model is completed as a deadline
    (see :func:`vngovdirectives.deadlines.complete_deadline`). Values with a year are returned
    unchanged.

    >>> complete(parse_date("ngày 05/01"), datetime.date(2019, 12, 28)).iso()
    '2020-01-05'
    >>> complete(parse_date("ngày 05/4"), datetime.date(2019, 4, 9), deadline=True).iso()
    '2020-04-05'
    """
    if isinstance(value, Period):
        if value.end.has_year:
            return value
        return join_ends(value.start, _complete_date(value.end, context, deadline))
    if isinstance(value, VnDate):
        return _complete_date(value, context, deadline)
    from vngovdirectives.deadlines import complete_deadline  # deferred: deadlines imports this module

    return complete_deadline(value, context)
