"""Deadlines ("thời hạn") as Vietnamese directives state them, and the last day they allow.

Five kinds, named as in the annotated corpus:

============== ================================================ =====================
kind           example                                          model
============== ================================================ =====================
no_later_than  "chậm nhất vào ngày 25/4/2019", "đến hết ngày X" :class:`NoLaterThan`
before         "trước ngày 20/4/2015", "trước 0 giờ ngày X"     :class:`Before`
within         "trong tháng 8 năm 2025", "trong quý I/2019"     :class:`Within`
relative       "trong thời hạn 15 ngày làm việc kể từ …"        :class:`Relative`
from           "kể từ ngày 01/10/2013", "từ 0 giờ ngày X"       :class:`Starting`
============== ================================================ =====================

>>> d = parse_deadline("chậm nhất vào ngày 25/4/2019")
>>> d.kind, resolve_deadline(d)
('no_later_than', datetime.date(2019, 4, 25))
>>> r = parse_deadline("trong thời hạn 15 ngày làm việc kể từ ngày nhận được hồ sơ")
>>> r.amount, r.unit.value, r.anchor
(15, 'working_day', 'ngày nhận được hồ sơ')
>>> resolve_deadline(r, start=datetime.date(2019, 3, 29))
datetime.date(2019, 4, 22)
"""

from __future__ import annotations

import calendar
import datetime
import enum
import re
from typing import TYPE_CHECKING, Any, Final, TypeAlias

import attrs

from vngovdirectives.dates import (
    MAX_TEXT,
    Period,
    TimeOfDay,
    VnDate,
    _date_at,
    _period_at,
    _strip_span,
    _time_at,
    complete,
)
from vngovdirectives.errors import DateError, DeadlineError
from vngovdirectives.text import normalize
from vngovdirectives.workdays import WorkingCalendar, next_working_day

if TYPE_CHECKING:
    import cattrs

__all__ = [
    "Before",
    "Deadline",
    "DurationUnit",
    "NoLaterThan",
    "Relative",
    "Starting",
    "TemporalValue",
    "Within",
    "complete_deadline",
    "parse_deadline",
    "resolve_deadline",
]


class DurationUnit(enum.Enum):
    """Unit of a relative time limit."""

    DAY = "day"
    WORKING_DAY = "working_day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"
    HOUR = "hour"


_UNIT_WORDS: Final = {
    DurationUnit.DAY: "ngày",
    DurationUnit.WORKING_DAY: "ngày làm việc",
    DurationUnit.WEEK: "tuần",
    DurationUnit.MONTH: "tháng",
    DurationUnit.YEAR: "năm",
    DurationUnit.HOUR: "giờ",
}


def _time_part(time: TimeOfDay | None) -> str:
    return "" if time is None else f"{time} "


@attrs.frozen(kw_only=True, slots=True)
class NoLaterThan:
    """Due on ``due`` at the latest, that day included ("chậm nhất vào ngày …", "đến hết ngày …")."""

    due: VnDate
    time: TimeOfDay | None = None

    @property
    def kind(self) -> str:
        """``"no_later_than"``."""
        return "no_later_than"

    def __str__(self) -> str:
        return f"chậm nhất vào {_time_part(self.time)}{self.due}"


@attrs.frozen(kw_only=True, slots=True)
class Before:
    """Due strictly before ``due`` (or before ``time`` on that day): "trước ngày …", "trước 0 giờ ngày …"."""

    due: VnDate
    time: TimeOfDay | None = None

    @property
    def kind(self) -> str:
        """``"before"``."""
        return "before"

    def __str__(self) -> str:
        return f"trước {_time_part(self.time)}{self.due}"


@attrs.frozen(kw_only=True, slots=True)
class Within:
    """To be done within a month, quarter, year or period: "trong tháng 8 năm 2025"."""

    span: VnDate | Period

    @property
    def kind(self) -> str:
        """``"within"``."""
        return "within"

    @property
    def due(self) -> VnDate:
        """The value whose last day ends the limit (the period's end for a period)."""
        return self.span.end if isinstance(self.span, Period) else self.span

    def __str__(self) -> str:
        return f"trong {self.span}"


@attrs.frozen(kw_only=True, slots=True)
class Relative:
    """``amount`` units counted from an event (``anchor``, as written; None when unstated)."""

    amount: int = attrs.field(validator=attrs.validators.ge(0))
    unit: DurationUnit
    anchor: str | None = None

    @property
    def kind(self) -> str:
        """``"relative"``."""
        return "relative"

    def __str__(self) -> str:
        text = f"trong thời hạn {self.amount} {_UNIT_WORDS[self.unit]}"
        return text if self.anchor is None else f"{text} kể từ {self.anchor}"


@attrs.frozen(kw_only=True, slots=True)
class Starting:
    """A start ("từ 0 giờ ngày …", "kể từ ngày …", effective-date clauses)."""

    start: VnDate
    time: TimeOfDay | None = None

    @property
    def kind(self) -> str:
        """``"from"``."""
        return "from"

    @property
    def due(self) -> VnDate:
        """The start day (named ``due`` like the other kinds for uniform access)."""
        return self.start

    def __str__(self) -> str:
        return f"kể từ {_time_part(self.time)}{self.start}"


Deadline: TypeAlias = NoLaterThan | Before | Within | Relative | Starting
#: Anything the temporal scanner reports: a date, a period or a deadline.
TemporalValue: TypeAlias = VnDate | Period | NoLaterThan | Before | Within | Relative | Starting

# --------------------------------------------------------------------------- parsing

_F = re.IGNORECASE
_S = r"\s{1,3}"
_O = r"\s{0,3}"
_RE_NLT: Final = re.compile(
    rf"(?:(?:chậm|muộn){_S}nhất(?:{_S}(?:là|vào))?(?:{_S}trước)?"
    rf"|(?:thời{_S})?hạn{_S}chót(?:{_O}(?::|là|vào))?"
    rf"|(?:đến|tới){_S}hết"
    rf"|trước{_S}hoặc{_S}trong)(?:{_S}|$)",
    _F,
)
_RE_BEFORE: Final = re.compile(rf"trước(?:{_S}|$)", _F)
_RE_WITHIN: Final = re.compile(rf"(?:hoàn{_S}thành{_S})?(?:ngay{_S})?(?:trong(?:{_S}suốt)?|hết|vào)(?:{_S}|$)", _F)
_RE_FROM: Final = re.compile(
    rf"(?:(?:ngày{_S})?có{_S}hiệu{_S}lực(?:{_S}thi{_S}hành)?{_O}(?::{_O})?)?(?:(?:kể{_S})?từ(?:{_S}|$))?", _F
)
_RE_LEADING_TIME: Final = re.compile(
    rf"(?P<t>\d{{1,2}}{_O}(?:giờ|h|g|:){_O}(?:\d{{1,2}})?{_O}(?:phút|')?){_O}(?=ngày|\d)", _F
)
_NUMBER_WORDS: Final = {
    "một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10,
}  # fmt: skip
_RE_RELATIVE: Final = re.compile(
    rf"(?:(?:trong{_S}thời{_S}hạn|trong{_S}vòng|tối{_S}đa(?:{_S}không{_S}quá)?|không{_S}quá|trong{_S}thời{_S}gian"
    rf"|thời{_S}hạn(?:{_S}giải{_S}quyết|{_S}xử{_S}lý)?"
    rf"|chậm{_S}nhất(?:{_S}là)?|sau|trong){_O}(?::{_O})?)?"
    rf"(?P<n>\d{{1,4}}|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)"
    rf"(?:{_O}\([^()]{{1,30}}\))?{_S}"
    rf"(?P<u>ngày{_S}làm{_S}việc|ngày|tuần|tháng|năm|giờ)"
    rf"(?:{_O},?{_O}(?:kể|tính){_S}từ{_S}(?P<a>.+?))?{_O}[.;]?",
    _F,
)
_UNIT_BY_WORD: Final = {
    "ngày": DurationUnit.DAY,
    "tuần": DurationUnit.WEEK,
    "tháng": DurationUnit.MONTH,
    "năm": DurationUnit.YEAR,
    "giờ": DurationUnit.HOUR,
}


def unit_of(word: str) -> DurationUnit:
    """The :class:`DurationUnit` of a unit phrase ("ngày", "ngày làm việc", "tháng" …)."""
    key = " ".join(word.split()).casefold()
    if key.startswith("ngày") and key.endswith("việc"):
        return DurationUnit.WORKING_DAY
    return _UNIT_BY_WORD[key]


def number_of(word: str) -> int:
    """The value of a written amount: digits or a Vietnamese numeral word one..ten."""
    return int(word) if word.isdigit() else _NUMBER_WORDS[word.casefold()]


def _date_with_time(text: str, start: int, end: int) -> tuple[TimeOfDay | None, VnDate]:
    tm = _RE_LEADING_TIME.match(text, start, end)
    time = None
    if tm is not None:
        time = _time_at(text, tm.start("t"), tm.end("t"))
        start = tm.end()
    return time, _date_at(text, start, end)


def parse_deadline(text: str) -> Deadline:
    """Read a deadline phrase (see the module table for the accepted leads).

    >>> parse_deadline("trước 0 giờ ngày 01/4/2019")
    Before(due=VnDate(year=2019, month=4, day=1, ...), time=TimeOfDay(hour=0, minute=0))
    >>> parse_deadline("hoàn thành trong quý I/2019").kind
    'within'
    >>> str(parse_deadline("kể từ 0h00 ngày 06/9/2021"))
    'kể từ 0 giờ ngày 06 tháng 9 năm 2021'
    """
    if not isinstance(text, str):
        raise DateError(f"expected a str, got {type(text).__name__}", repr(text)[:MAX_TEXT], 0)
    if len(text) > MAX_TEXT:
        raise DateError("text too long to be one deadline", text[: MAX_TEXT + 20], MAX_TEXT)
    norm = normalize(text).text
    start, end = _strip_span(norm)
    if start == end:
        raise DateError("empty deadline", norm, 0, "")
    m = _RE_RELATIVE.fullmatch(norm, start, end)
    if m is not None:
        anchor = m.group("a")
        if anchor is not None:
            anchor = " ".join(anchor.split())
        return Relative(amount=number_of(m.group("n")), unit=unit_of(m.group("u")), anchor=anchor or None)
    m = _RE_NLT.match(norm, start, end)
    if m is not None:
        time, due = _date_with_time(norm, m.end(), end)
        return NoLaterThan(due=due, time=time)
    m = _RE_BEFORE.match(norm, start, end)
    if m is not None:
        time, due = _date_with_time(norm, m.end(), end)
        return Before(due=due, time=time)
    m = _RE_WITHIN.match(norm, start, end)
    if m is not None:
        try:
            return Within(span=_date_at(norm, m.end(), end))
        except DateError:
            return Within(span=_period_at(norm, m.end(), end))
    m = _RE_FROM.match(norm, start, end)
    if m is not None and m.end() > start:
        time, day = _date_with_time(norm, m.end(), end)
        return Starting(start=day, time=time)
    raise DateError("not a deadline expression", norm, start, norm[start:end])


# --------------------------------------------------------------------------- completion and resolution


def complete_deadline(deadline: Deadline, context: datetime.date) -> Deadline:
    """Give a year-less due date the next occurrence on or after ``context`` (the document date).

    >>> complete_deadline(parse_deadline("trước ngày 05/01"), datetime.date(2019, 12, 28)).due.iso()
    '2020-01-05'
    """
    if isinstance(deadline, (NoLaterThan, Before)):
        due = complete(deadline.due, context, deadline=True)
        if due is deadline.due:
            return deadline
        return type(deadline)(due=due, time=deadline.time)
    if isinstance(deadline, Within):
        span = complete(deadline.span, context, deadline=True)
        return deadline if span is deadline.span else Within(span=span)
    if isinstance(deadline, Starting):
        start = complete(deadline.start, context, deadline=True)
        return deadline if start is deadline.start else Starting(start=start, time=deadline.time)
    return deadline


def _need_year(value: VnDate) -> None:
    if not value.has_year:
        raise DeadlineError(f"the due date {value.iso()} has no year; use complete_deadline() first")


def _add_months(start: datetime.date, months: int) -> datetime.date:
    total = start.month - 1 + months
    year, month = start.year + total // 12, total % 12 + 1
    return datetime.date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def resolve_deadline(
    deadline: Deadline, *, start: datetime.date | None = None, calendar: WorkingCalendar | None = None
) -> datetime.date:
    """The last day on which the obligation can still be met.

    * no_later_than → the due day; before → the day before the due day (also for "trước 0 giờ");
      within → the last day of the month / quarter / year / period; from → the start day.
    * relative (Civil Code arts. 147-148): counting starts the day after ``start`` (the anchor
      event's day). Working days count working days only. Days and weeks add calendar days,
      months the same day of the final month (or its last day), years the same day and month;
      a limit whose last day is a rest day ends on the next working day. Hours count from
      ``start`` at 00:00 and end on the day the last hour falls in.

    Raises :class:`DeadlineError` for a relative limit without ``start`` and for a year-less date.

    >>> resolve_deadline(parse_deadline("trước ngày 20/4/2015"))
    datetime.date(2015, 4, 19)
    >>> resolve_deadline(parse_deadline("trong vòng 15 ngày"), start=datetime.date(2024, 1, 27))
    datetime.date(2024, 2, 15)
    """
    try:
        if isinstance(deadline, (NoLaterThan, Starting)):
            _need_year(deadline.due)
            return deadline.due.last_day() if isinstance(deadline, NoLaterThan) else deadline.due.first_day()
        if isinstance(deadline, Before):
            _need_year(deadline.due)
            return deadline.due.first_day() - datetime.timedelta(days=1)
        if isinstance(deadline, Within):
            _need_year(deadline.due)
            return deadline.span.last_day()
        if start is None:
            raise DeadlineError("a relative deadline needs the start (anchor) day")
        unit, n = deadline.unit, deadline.amount
        if unit is DurationUnit.WORKING_DAY:
            return (calendar or WorkingCalendar()).add_working_days(start, n)
        if unit is DurationUnit.HOUR:
            # The limit starts at 00:00 of ``start`` and ends at that instant plus n hours.
            return start + datetime.timedelta(days=max(n - 1, 0) // 24)
        if unit is DurationUnit.DAY:
            end = start + datetime.timedelta(days=n)
        elif unit is DurationUnit.WEEK:
            end = start + datetime.timedelta(weeks=n)
        elif unit is DurationUnit.MONTH:
            end = _add_months(start, n)
        else:
            end = _add_months(start, 12 * n)
        return next_working_day(end, calendar=calendar)
    except (ValueError, OverflowError) as exc:
        if isinstance(exc, DeadlineError):
            raise
        raise DeadlineError(f"cannot resolve {deadline}: {exc}") from None


# --------------------------------------------------------------------------- serialisation


def _structure_span(value: Any, _: object, conv: cattrs.Converter) -> VnDate | Period:
    if isinstance(value, dict) and "start" in value:
        return conv.structure(value, Period)
    return conv.structure(value, VnDate)


def _configure_converter(converter: cattrs.Converter) -> None:
    """Register what ``converter`` needs for the date, deadline and scanner models.

    ``Deadline`` becomes a tagged union whose tag field is ``"kind"`` (the corpus names), and so
    does ``TemporalValue`` (the value of a scanner hit), with ``"date"`` and ``"period"`` added.
    """
    from cattrs.strategies import configure_tagged_union

    def structure_span(value: Any, typ: object) -> VnDate | Period:
        return _structure_span(value, typ, converter)

    converter.register_structure_hook(VnDate | Period, structure_span)
    tags: dict[type, str] = {
        NoLaterThan: "no_later_than",
        Before: "before",
        Within: "within",
        Relative: "relative",
        Starting: "from",
        VnDate: "date",
        Period: "period",
    }
    configure_tagged_union(Deadline, converter, tag_generator=lambda cls: tags[cls], tag_name="kind")
    configure_tagged_union(TemporalValue, converter, tag_generator=lambda cls: tags[cls], tag_name="kind")
