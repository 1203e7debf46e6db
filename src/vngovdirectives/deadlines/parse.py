"""Reading a deadline phrase: "chậm nhất vào ngày 25/4/2019", "trong thời hạn 15 ngày làm việc kể từ …".

>>> d = parse_deadline("chậm nhất vào ngày 25/4/2019")
>>> d.kind, d.due.iso()
('no_later_than', '2019-04-25')
>>> r = parse_deadline("trong thời hạn 15 ngày làm việc kể từ ngày nhận được hồ sơ")
>>> r.amount, r.unit.value, r.anchor
(15, 'working_day', 'ngày nhận được hồ sơ')
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from vngovdirectives.dates.candidate import number_of, unit_of
from vngovdirectives.dates.parse import MAX_TEXT, date_at, period_at, strip_span, time_at
from vngovdirectives.deadlines.effective import effective_events
from vngovdirectives.deadlines.leads import ANCHOR, forward, lead
from vngovdirectives.deadlines.model import Before, Deadline, Effective, NoLaterThan, Relative, Starting, Within
from vngovdirectives.deadlines.recurring import recurring_deadlines
from vngovdirectives.errors import DateError, DeadlineParseError, expect_type
from vngovdirectives.text.normalize import normalize
from vngovdirectives.text.patterns import S0, S, alternation
from vngovdirectives.text.vocab import words

if TYPE_CHECKING:
    from vngovdirectives.dates.model import TimeOfDay, VnDate

__all__ = ["parse_deadline"]

_F = re.IGNORECASE
_RE_NLT: Final = re.compile(forward("no_later_than"), _F)
_RE_BEFORE: Final = re.compile(forward("before"), _F)
_RE_WITHIN: Final = re.compile(forward("within"), _F)
_RE_FROM: Final = re.compile(forward("from"), _F)
_RE_EFFECTIVE: Final = re.compile(forward("effective"), _F)
_RE_EFFECTIVE_AFTER: Final = re.compile(forward("effective_after"), _F)
_RE_EXPIRY: Final = re.compile(forward("expiry"), _F)
#: A verb before the lead ("hoàn thành trong quý I/2019", "báo cáo trước ngày 15/4"): skipped.
_RE_ACTION: Final = re.compile(rf"{alternation(words('deadline_actions'))}{S}(?=\w)", _F)
_RE_LEADING_TIME: Final = re.compile(
    rf"(?P<t>\d{{1,2}}{S0}(?:giờ|h|g|:){S0}(?:\d{{1,2}})?{S0}(?:phút|')?){S0}(?=ngày|\d)", _F
)
_RE_RELATIVE: Final = re.compile(
    rf"(?:{lead('relative')}{S0}(?::{S0})?)?"
    rf"(?P<n>\d{{1,4}}|{alternation(words('number_words'))})"
    rf"(?:{S0}\([^()]{{1,30}}\))?{S}"
    rf"(?P<u>{alternation(words('duration_units'))})"
    rf"(?:{S0},?{S0}{ANCHOR}(?P<a>.+?))?{S0}[.;]?",
    _F,
)


def _date_with_time(text: str, start: int, end: int) -> tuple[TimeOfDay | None, VnDate]:
    tm = _RE_LEADING_TIME.match(text, start, end)
    time = None
    if tm is not None:
        time = time_at(text, tm.start("t"), tm.end("t"))
        start = tm.end()
    return time, date_at(text, start, end)


def parse_deadline(text: str) -> Deadline:
    """Read a deadline phrase (see the module table for the accepted leads).

    >>> parse_deadline("trước 0 giờ ngày 01/4/2019")
    Before(due=VnDate(year=2019, month=4, day=1, ...), time=TimeOfDay(hour=0, minute=0))
    >>> parse_deadline("hoàn thành trong quý I/2019").kind
    'within'
    >>> str(parse_deadline("kể từ 0h00 ngày 06/9/2021"))
    'kể từ 0 giờ ngày 06 tháng 9 năm 2021'
    >>> parse_deadline("có hiệu lực kể từ ngày ký").anchor, parse_deadline("trước ngày 20 hằng tháng").every.value
    ('ngày ký', 'month')

    Raises:
        InputTypeError: ``text`` is not a str.
        DeadlineParseError: the text is not one deadline phrase (an expiry, "hết hiệu lực kể từ …",
            is none); it is both a :class:`DateError` and a :class:`DeadlineError`.
    """
    expect_type(text, str, "parse_deadline")
    try:
        return _parse_deadline(text)
    except DateError as exc:
        if isinstance(exc, DeadlineParseError):
            raise
        raise DeadlineParseError(exc.reason, exc.text, exc.offset, exc.fragment) from None


def _parse_deadline(text: str) -> Deadline:
    if len(text) > MAX_TEXT:
        raise DateError("text too long to be one deadline", text[: MAX_TEXT + 20], MAX_TEXT)
    norm = normalize(text).text
    start, end = strip_span(norm)
    if start == end:
        raise DateError("empty deadline", norm, 0, "")
    if _RE_EXPIRY.match(norm, start, end):
        raise DateError("an expiry is neither a deadline nor an effective date", norm, start, norm[start:end])
    found = _clause(norm, start, end) or _relative(norm, start, end) or _dated(norm, start, end)
    if found is None:
        raise DateError("not a deadline expression", norm, start, norm[start:end])
    return found


def _clause(norm: str, start: int, end: int) -> Deadline | None:
    """A phrase that is a whole clause: a recurring deadline, or an effective date naming an event."""
    clauses: list[tuple[int, int, Deadline]] = [*recurring_deadlines(norm, phrase=True), *effective_events(norm)]
    return next((value for s, e, value in clauses if s == start and strip_span(norm[:e])[1] == end), None)


def _relative(norm: str, start: int, end: int) -> Relative | Effective | None:
    """An amount of time: a relative limit, or the delay before a document takes effect."""
    effect = _RE_EFFECTIVE_AFTER.match(norm, start, end)
    m = _RE_RELATIVE.fullmatch(norm, effect.end() if effect is not None else start, end)
    if m is None:
        return None
    anchor = " ".join(m.group("a").split()) if m.group("a") is not None else None
    amount, unit = number_of(m.group("n")), unit_of(m.group("u"))
    if effect is not None:
        return Effective(amount=amount, unit=unit, anchor=anchor or None)
    return Relative(amount=amount, unit=unit, anchor=anchor or None)


def _dated(norm: str, start: int, end: int) -> Deadline | None:
    """A deadline on a day, a month, a quarter or a period."""
    m = _RE_NLT.match(norm, start, end)
    if m is not None:
        time, due = _date_with_time(norm, m.end(), end)
        return NoLaterThan(due=due, time=time)
    m = _RE_BEFORE.match(norm, start, end)
    if m is not None:
        time, due = _date_with_time(norm, m.end(), end)
        return Before(due=due, time=time)
    action = _RE_ACTION.match(norm, start, end)
    m = _RE_WITHIN.match(norm, action.end() if action is not None else start, end)
    if m is not None:
        try:
            return Within(span=date_at(norm, m.end(), end))
        except DateError:
            return Within(span=period_at(norm, m.end(), end))
    m = _RE_EFFECTIVE.match(norm, start, end)
    if m is not None:
        time, day = _date_with_time(norm, m.end(), end)
        return Effective(due=day, time=time)
    m = _RE_FROM.match(norm, start, end)
    if m is not None:
        time, day = _date_with_time(norm, m.end(), end)
        return Starting(start=day, time=time)
    return None
