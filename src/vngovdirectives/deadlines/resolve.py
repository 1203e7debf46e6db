"""Completing a deadline with the document's year, and the last moment it allows.

The last moment of a deadline is a day and, when the text states one, a time on that day
(:class:`LastMoment`): "chậm nhất 17 giờ ngày 25/4/2019" ends at 17:00 on 25 April; "trước 17 giờ
ngày 20/6/2024" at 17:00 on 20 June (the obligation must be met before it); "trước ngày
20/4/2015" and "trước 0 giờ ngày 01/4/2019" at the end of the day before. A time of ``None``
means the end of the day. Every exporter writes this same moment.

>>> from vngovdirectives.deadlines import parse_deadline
>>> resolve_deadline(parse_deadline("chậm nhất vào ngày 25/4/2019"))
datetime.date(2019, 4, 25)
>>> last_moment(parse_deadline("trước 17 giờ ngày 20/6/2024"))
LastMoment(day=datetime.date(2024, 6, 20), time=TimeOfDay(hour=17, minute=0))
>>> last_moment(parse_deadline("trước 0 giờ ngày 01/4/2019"))
LastMoment(day=datetime.date(2019, 3, 31), time=None)
>>> resolve_deadline(parse_deadline("trong thời hạn 15 ngày làm việc"), start=datetime.date(2019, 3, 29))
datetime.date(2019, 4, 22)
"""

from __future__ import annotations

import calendar
import datetime
from typing import NamedTuple

from vngovdirectives.dates.complete import complete
from vngovdirectives.dates.model import DurationUnit, TimeOfDay, VnDate
from vngovdirectives.deadlines.model import (
    Before,
    Deadline,
    Effective,
    Frequency,
    NoLaterThan,
    Recurring,
    Relative,
    Starting,
    Within,
)
from vngovdirectives.deadlines.workdays import WorkingCalendar, next_working_day
from vngovdirectives.errors import DeadlineError

__all__ = ["LastMoment", "complete_deadline", "last_moment", "next_due", "resolve_deadline"]


class LastMoment(NamedTuple):
    """The last moment a deadline allows: a day, and the time on it (None: the end of the day)."""

    day: datetime.date
    time: TimeOfDay | None = None


def complete_deadline(deadline: Deadline, context: datetime.date | VnDate, *, forward: bool = True) -> Deadline:
    """Give a year-less due date the year implied by ``context``, the document's own date.

    With a full date, the due date is the next occurrence on or after it (a deadline looks
    forward), or the nearest one when ``forward`` is False (a text that reports what was due);
    with a year alone (a :class:`VnDate` of year precision), the due date is in that year.

    >>> from vngovdirectives.deadlines import parse_deadline
    >>> complete_deadline(parse_deadline("trước ngày 05/01"), datetime.date(2019, 12, 28)).due.iso()
    '2020-01-05'
    >>> complete_deadline(parse_deadline("trước ngày 30/4"), VnDate(year=2025)).due.iso()
    '2025-04-30'
    """
    if isinstance(deadline, NoLaterThan | Before):
        due = complete(deadline.due, context, deadline=forward)
        return deadline if due is deadline.due else type(deadline)(due=due, time=deadline.time)
    if isinstance(deadline, Within):
        span = complete(deadline.span, context, deadline=forward)
        return deadline if span is deadline.span else Within(span=span)
    if isinstance(deadline, Starting):
        start = complete(deadline.start, context, deadline=forward)
        return deadline if start is deadline.start else Starting(start=start, time=deadline.time)
    if isinstance(deadline, Effective) and deadline.due is not None:
        day = complete(deadline.due, context, deadline=forward)
        return deadline if day is deadline.due else Effective(due=day, time=deadline.time)
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
    """The last day on which the obligation can still be met: the day of :func:`last_moment`.

    * no_later_than → the due day; before → the due day when the text states a time after 0:00
      ("trước 17 giờ ngày 20/6"), else the day before; within → the last day of the month /
      quarter / year / period; from and effective → the day it starts.
    * relative (Civil Code arts. 147-148): counting starts the day after ``start`` (the anchor
      event's day). Working days count working days only. Days and weeks add calendar days,
      months the same day of the final month (or its last day), years the same day and month;
      a limit whose last day is a rest day ends on the next working day. Hours count from
      ``start`` at 00:00. An effective date "sau N ngày kể từ ngày ký" is ``start`` plus N.

    Raises :class:`DeadlineError` for a relative limit without ``start``, a year-less date, and a
    recurring deadline (it has no single last day: use :func:`vngovdirectives.deadlines.next_due`).

    >>> from vngovdirectives.deadlines import parse_deadline
    >>> resolve_deadline(parse_deadline("trước ngày 20/4/2015"))
    datetime.date(2015, 4, 19)
    >>> resolve_deadline(parse_deadline("trong vòng 15 ngày"), start=datetime.date(2024, 1, 27))
    datetime.date(2024, 2, 15)
    """
    return last_moment(deadline, start=start, calendar=calendar).day


def last_moment(
    deadline: Deadline, *, start: datetime.date | None = None, calendar: WorkingCalendar | None = None
) -> LastMoment:
    """The last moment of ``deadline`` (see the module documentation), with ``start`` the day of the
    event a relative limit counts from.

    Raises:
        DeadlineError: as :func:`resolve_deadline`.
    """
    try:
        if isinstance(deadline, Recurring):
            raise DeadlineError(f"{deadline} recurs; next_due() gives its next last day")
        if isinstance(deadline, Relative) or (isinstance(deadline, Effective) and deadline.due is None):
            return _counted(deadline, start, calendar)
        return _dated(deadline)
    except DeadlineError:
        raise
    except (ValueError, OverflowError) as exc:
        raise DeadlineError(f"cannot resolve {deadline}: {exc}") from None


def _dated(deadline: NoLaterThan | Before | Within | Starting | Effective) -> LastMoment:
    """The last moment of a deadline that names its day."""
    if isinstance(deadline, Within):
        _need_year(deadline.due)
        return LastMoment(deadline.span.last_day())
    due = deadline.due
    assert due is not None  # an Effective without a day is counted, not dated
    _need_year(due)
    if isinstance(deadline, NoLaterThan):
        return LastMoment(due.last_day(), deadline.time)
    if isinstance(deadline, Before):
        time = deadline.time
        if time is None or (time.hour, time.minute) == (0, 0):
            return LastMoment(due.first_day() - datetime.timedelta(days=1))
        return LastMoment(due.first_day(), time)
    return LastMoment(due.first_day(), deadline.time)


def _counted(deadline: Relative | Effective, start: datetime.date | None, cal: WorkingCalendar | None) -> LastMoment:
    """The last moment of an amount of time counted from an event on ``start``."""
    if start is None:
        raise DeadlineError(f"{deadline} counts from an event: give the day it happened (start=)")
    unit, n = deadline.unit, deadline.amount
    if unit is None or n is None:  # an effective date on the day of an event: that day
        return LastMoment(start)
    if unit is DurationUnit.WORKING_DAY:
        return LastMoment((cal or WorkingCalendar()).add_working_days(start, n))
    if unit is DurationUnit.HOUR:  # from 00:00 of ``start``
        days, hours = divmod(n, 24)
        if hours == 0:
            return LastMoment(start + datetime.timedelta(days=max(days - 1, 0)))
        return LastMoment(start + datetime.timedelta(days=days), TimeOfDay(hour=hours))
    end = _after(start, n, unit)
    if isinstance(deadline, Effective):  # the day the document takes effect, whatever day it is
        return LastMoment(end)
    return LastMoment(next_working_day(end, calendar=cal))


def _after(start: datetime.date, n: int, unit: DurationUnit) -> datetime.date:
    """The day ``n`` days, weeks, months or years after ``start``."""
    if unit is DurationUnit.DAY:
        return start + datetime.timedelta(days=n)
    if unit is DurationUnit.WEEK:
        return start + datetime.timedelta(weeks=n)
    return _add_months(start, n if unit is DurationUnit.MONTH else 12 * n)


#: The months of each period, and which month of the period a day falls in when the text names none.
_PERIOD_MONTHS = {
    Frequency.MONTH: (1, 1),
    Frequency.QUARTER: (3, 3),
    Frequency.YEAR: (12, 12),
}


def next_due(deadline: Recurring, after: datetime.date, *, calendar: WorkingCalendar | None = None) -> datetime.date:
    """The first last day of ``deadline`` on or after ``after``, on the working-day calendar.

    "Trước ngày 20 hằng tháng" falls on the last working day before the 20th; "chậm nhất ngày 20",
    "vào ngày 20" on the 20th, or the next working day when it is a rest day (Civil Code art. 148).
    Within a quarter or a year the day falls in the month the text names, else in the
    period's last month; a weekly deadline on its weekday.

    >>> from vngovdirectives.deadlines import parse_deadline
    >>> next_due(parse_deadline("trước ngày 20 hằng tháng"), datetime.date(2024, 5, 21))
    datetime.date(2024, 6, 19)
    >>> next_due(parse_deadline("chậm nhất ngày 15/12 hằng năm"), datetime.date(2024, 1, 2))
    datetime.date(2024, 12, 16)
    """
    cal = calendar or WorkingCalendar()
    day = _period_start(deadline.every, after)
    for _ in range(60):
        due = _working(_due_in(deadline, day), deadline.strict, cal)
        if due >= after:
            return due
        day = _next_period(deadline.every, day)
    raise DeadlineError(f"no last day of {deadline} after {after}")  # pragma: no cover


def _period_start(every: Frequency, day: datetime.date) -> datetime.date:
    """The first day of the week, month, quarter or year ``day`` is in."""
    if every is Frequency.WEEK:
        return day - datetime.timedelta(days=day.weekday())
    length = _PERIOD_MONTHS[every][0]
    return datetime.date(day.year, (day.month - 1) // length * length + 1, 1)


def _next_period(every: Frequency, first: datetime.date) -> datetime.date:
    if every is Frequency.WEEK:
        return first + datetime.timedelta(weeks=1)
    return _add_months(first, _PERIOD_MONTHS[every][0])


def _due_in(deadline: Recurring, first: datetime.date) -> datetime.date:
    """The due day of ``deadline`` in the period that starts on ``first`` (before moving off rest days)."""
    if deadline.every is Frequency.WEEK:
        return first + datetime.timedelta(days=deadline.day - 1)
    month_first = _add_months(first, (deadline.month or _PERIOD_MONTHS[deadline.every][1]) - 1)
    last = calendar.monthrange(month_first.year, month_first.month)[1]
    return month_first.replace(day=min(deadline.day, last))


def _working(due: datetime.date, strict: bool, cal: WorkingCalendar) -> datetime.date:
    """The last working day before ``due`` when ``strict``, else ``due`` or the next working day."""
    if not strict:
        return cal.next_working_day(due)
    day = due - datetime.timedelta(days=1)
    while not cal.is_working_day(day):
        day -= datetime.timedelta(days=1)
    return day
