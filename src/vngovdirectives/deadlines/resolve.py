"""Completing a deadline with the document's year, and the last day it allows.

>>> from vngovdirectives.deadlines import parse_deadline
>>> resolve_deadline(parse_deadline("chậm nhất vào ngày 25/4/2019"))
datetime.date(2019, 4, 25)
>>> resolve_deadline(parse_deadline("trong thời hạn 15 ngày làm việc"), start=datetime.date(2019, 3, 29))
datetime.date(2019, 4, 22)
"""

from __future__ import annotations

import calendar
import datetime

from vngovdirectives.dates.complete import complete
from vngovdirectives.dates.model import DurationUnit, VnDate
from vngovdirectives.deadlines.model import Before, Deadline, NoLaterThan, Starting, Within
from vngovdirectives.deadlines.workdays import WorkingCalendar, next_working_day
from vngovdirectives.errors import DeadlineError

__all__ = ["complete_deadline", "resolve_deadline"]


def complete_deadline(deadline: Deadline, context: datetime.date) -> Deadline:
    """Give a year-less due date the next occurrence on or after ``context`` (the document date).

    >>> from vngovdirectives.deadlines import parse_deadline
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

    >>> from vngovdirectives.deadlines import parse_deadline
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
