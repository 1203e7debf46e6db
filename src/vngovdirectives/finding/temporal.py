"""The walk: from date candidates to dates, periods and deadlines.

:func:`scan_temporal` takes the candidates of :mod:`vngovdirectives.dates.scan` (merged by the
overlap filter, clock times attached) and walks them left to right once, deciding what each one
is: the second end of a period whose first end came just before ("từ ngày 25/3- 31/3/2019"), a
date listed after another, a deadline when the words before it lead one
(:mod:`vngovdirectives.deadlines.scan`), a plain date, or nothing (a year-less "29/3" with no
keyword, no list and no range around it). With a context date, year-less values are completed.

Conventions (those of the annotated corpus): every explicit date or partial date is a ``date``
hit, also inside document references and deadlines; the two ends of a ``period`` are not
reported again as dates.

>>> [(h.kind.value, str(h.value)) for h in scan_temporal("chậm nhất vào ngày 25/4/2019")]
[('deadline', 'chậm nhất vào ngày 25 tháng 4 năm 2019'), ('date', 'ngày 25 tháng 4 năm 2019')]
"""

from __future__ import annotations

import datetime
import operator
import re
from typing import TYPE_CHECKING, Final

from vngovdirectives.dates.candidate import Amount
from vngovdirectives.dates.complete import complete
from vngovdirectives.dates.join import JOIN_GAP, RANGE_ENDINGS, bare_left_end, from_before, joined_period, listed_days
from vngovdirectives.dates.model import DurationUnit, Period, TimeOfDay, VnDate
from vngovdirectives.dates.scan import attach_times, candidates
from vngovdirectives.deadlines.effective import effective_events
from vngovdirectives.deadlines.model import Before, NoLaterThan, Within
from vngovdirectives.deadlines.recurring import recurring_deadlines
from vngovdirectives.deadlines.resolve import complete_deadline
from vngovdirectives.deadlines.scan import (
    LEAD_ENDINGS,
    deadline_before,
    effective_from,
    relative_deadline,
    reports_past,
    same_kind,
    until_now,
)
from vngovdirectives.errors import DateError
from vngovdirectives.finding.filter import merge_candidates, with_clause_deadlines
from vngovdirectives.finding.hit import Hit, HitKind
from vngovdirectives.text.normalize import lowered
from vngovdirectives.text.patterns import S0, S, alternation
from vngovdirectives.text.vocab import words

if TYPE_CHECKING:
    from vngovdirectives.dates.candidate import Candidate
    from vngovdirectives.deadlines.model import Deadline, TemporalValue

__all__ = ["Hit", "HitKind", "scan_temporal"]


_START: Final = operator.itemgetter(0)  # a Hit's start
_LIST_GAP: Final = re.compile(rf"{S0}(?:[,;]|và){S0}")
#: Words right before a year-less day that make it a date ("ngày 29/3", "trước 29/3", "từ 5/4").
_DAY_KEYWORDS: Final = ("ngày", "mùng", "mồng", "hết", "trước", "sáng", "chiều", "tối", "trưa", "đêm", "từ")
_DATE, _PERIOD, _DEADLINE = HitKind.DATE, HitKind.PERIOD, HitKind.DEADLINE
#: Words right after a year-less day that make it a day of every year, or of a year named only
#: relative to something else: "ngày 15 tháng 6 hằng năm", "trước ngày 01 tháng 10 năm sau",
#: "đến hết ngày 30 tháng 9 của năm đó", "ngày 31 tháng 12 của năm tốt nghiệp" ("của năm" and any
#: word but a number, "nay" or "này"). Such a day keeps no year.
_RELATIVE_YEARS: Final = alternation(words("relative_years"))
_ANY_YEAR: Final = re.compile(
    rf"{S0},?{S0}(?:của{S})?(?:(?:hằng|hàng|mỗi){S}năm|năm{S}(?:{_RELATIVE_YEARS})(?!\w))"
    rf"|{S0},?{S0}của{S}năm(?!{S0}\d|{S}(?:nay|này)(?!\w))"
)


def scan_temporal(
    text: str, context_date: datetime.date | VnDate | None = None, *, low: str | None = None
) -> list[Hit]:
    """Every date, period and deadline in ``text`` (normalised text), in document order.

    With ``context_date`` (the document's own date) year-less values are completed: deadlines
    to the next occurrence on or after it (the nearest one when the clause reports the past,
    "đã hoàn thành trước ngày 15/12"), other values to the nearest occurrence. A context that is
    only a year (``VnDate(year=2025)``) puts every year-less value in that year. Lunar values
    are reported with ``iso()`` starting ``lunar:``.

    >>> [h.value.iso() for h in scan_temporal("Từ ngày 25/3- 31/3/2019 và giai đoạn 2016 - 2020")]
    ['2019-03-25/2019-03-31', '2016/2020']
    >>> import datetime
    >>> scan_temporal("Ngày 12/9, UBND huyện …", context_date=datetime.date(2023, 9, 13))[0].value.iso()
    '2023-09-12'
    """
    if not text:
        return []
    low = lowered(text) if low is None else low
    items = attach_times(low, merge_candidates(candidates(low)))
    context = VnDate.of(context_date) if isinstance(context_date, datetime.date) else context_date
    recurring = recurring_deadlines(text, low)
    hits = _Walk(text, low, context, [(s, e) for s, e, _ in recurring]).run(items)
    found: list[tuple[int, int, Deadline]] = [*effective_events(text, low), *recurring]
    clauses = [Hit(s, e, _DEADLINE, v) for s, e, v in found]
    return with_clause_deadlines(hits, clauses) if clauses else hits


class _Walk:
    """The state of one walk: the hits so far, the previous date-like candidate, and the floor
    (no lead or range reaches back before the end of the last thing decided)."""

    __slots__ = ("context", "floor", "hits", "low", "prev", "prev_deadline", "prev_hits", "standing", "text")

    def __init__(self, text: str, low: str, context: VnDate | None, standing: list[tuple[int, int]]) -> None:
        self.text, self.low, self.context = text, low, context
        self.standing = standing  # the spans of recurring deadlines: their days keep no year
        self.hits: list[Hit] = []
        self.prev: Candidate | None = None  # the previous date-like candidate (accepted or pending)
        self.prev_hits = 0  # how many hits the previous candidate produced (to undo them when joined)
        self.prev_deadline: Deadline | None = None
        self.floor = 0

    def run(self, items: list[Candidate]) -> list[Hit]:
        for item in items:
            c = _hours(self.low, item) if item.form == "time" else item
            if c is None:
                continue
            if c.form == "rel":
                self._relative(c)
            elif c.form == "period":
                self._period(c)
            elif isinstance(c.value, VnDate):
                self._date_like(c, c.value)
        # By start only (a stable sort: a deadline stays before the date it holds; the finders
        # order kinds at one position themselves).
        self.hits.sort(key=_START)
        return self.hits

    def _settle(self, c: Candidate | None, end: int) -> None:
        """Forget the previous candidate (it was used up) and raise the floor to ``end``."""
        self.prev, self.prev_hits, self.prev_deadline = c, 0, None
        self.floor = end

    def _relative(self, c: Candidate) -> None:
        found = relative_deadline(self.text, self.low, c, self.floor)
        if found is not None:
            start, end, value = found
            self.hits.append(Hit(start=start, end=end, kind=_DEADLINE, value=value))
            self.floor = end

    def _period(self, c: Candidate) -> None:
        if isinstance(c.value, Period):
            start = from_before(self.low, c.start, self.floor)
            self._add(Hit(start=start, end=c.end, kind=_PERIOD, value=c.value, parts=((c.dstart, c.dend),)))
        self._settle(None, c.end)

    def _add(self, hit: Hit, *, forward: bool = False) -> None:
        done = _finish(hit, self.context, forward=forward)
        self.hits.append(hit if done is not hit and self._any_year(hit.start, hit.end) else done)

    def _any_year(self, start: int, end: int) -> bool:
        """Whether the year-less value at ``[start:end]`` is a day of every year (or of a year told
        only relatively), which no context completes: inside a recurring deadline, or followed by
        "hằng năm", "năm sau", "của năm đó"."""
        if self.context is None:
            return False
        if _ANY_YEAR.match(self.low, end) is not None:
            return True
        return any(s <= start and end <= e for s, e in self.standing)

    def _date_like(self, c: Candidate, v: VnDate) -> None:
        low = self.low
        # The words right before the date decide most of what follows: read them once.
        tail = low[max(0, c.start - 12) : c.start].rstrip()
        if self._joined(c) or (
            (v.day is not None or v.month is not None) and tail.endswith(RANGE_ENDINGS) and self._bare_range(c, v)
        ):
            return
        if v.day is not None and not v.lunar and c.start == c.dstart and tail.endswith((",", "và")):
            listed = listed_days(low, c, v, self.floor)
            if listed is not None:  # days listed before this one share its month and year
                for start, end, day in listed:
                    self._add(Hit(start=start, end=end, kind=_DATE, value=day))
                c.form = "date"
        accepted, dl = self._deadline(c, v, tail)
        if not accepted:
            self.prev, self.prev_hits, self.prev_deadline = c, 0, None  # may still be a range's left end
            return
        n_before = len(self.hits)
        self._emit(c, v, dl)
        self.prev, self.prev_hits, self.prev_deadline = c, len(self.hits) - n_before, dl[1] if dl else None
        self.floor = c.end

    def _joined(self, c: Candidate) -> bool:
        """A period whose two ends are both candidates: the previous one and ``c``."""
        prev = self.prev
        if prev is None or c.start - prev.end > JOIN_GAP:
            return False
        p = joined_period(self.low, prev, c)
        if p is None:
            return False
        del self.hits[len(self.hits) - self.prev_hits :]
        start = from_before(self.low, prev.start)
        effective = effective_from(self.low, prev, 0)  # (the floor already stands after prev)
        if effective is not None:  # "có hiệu lực từ ngày 01/01/2026 đến hết ngày 31/12/2030"
            self.hits.append(Hit(start=effective[0], end=prev.end, kind=_DEADLINE, value=effective[1]))
        self._add(
            Hit(start=start, end=c.end, kind=_PERIOD, value=p, parts=((prev.dstart, prev.dend), (c.dstart, c.dend)))
        )
        self._settle(None, c.end)
        return True

    def _bare_range(self, c: Candidate, v: VnDate) -> bool:
        """A period whose left end is a bare day or month ("từ ngày 12 đến ngày 15-10", "từ tháng 4 đến
        tháng 6/2020")."""
        found = bare_left_end(self.low, c, v, self.floor)
        if found is None:
            return False
        p, bm = found
        self._add(
            Hit(
                start=bm.start(),
                end=c.end,
                kind=_PERIOD,
                value=p,
                parts=((bm.start("n"), bm.end("n")), (c.dstart, c.dend)),
            )
        )
        self._settle(None, c.end)
        return True

    def _deadline(self, c: Candidate, v: VnDate, tail: str) -> tuple[bool, tuple[int, Deadline] | None]:
        """Whether ``c`` counts as a date (a year-less day needs a keyword, a list or a range),
        and the deadline it is the due day of, if any."""
        lead = tail.endswith(LEAD_ENDINGS)
        if c.form != "maybe":
            return True, deadline_before(self.low, c, self.floor, self.text) if lead else None
        prev = self.prev
        listed = (
            prev is not None and self.prev_hits > 0 and _LIST_GAP.fullmatch(self.low, prev.end, c.start) is not None
        )
        if not (listed or c.start < c.dstart or tail.endswith(_DAY_KEYWORDS)):
            return False, None
        dl = deadline_before(self.low, c, self.floor, self.text) if lead else None
        if dl is None and listed and self.prev_deadline is not None:
            dl = same_kind(self.prev_deadline, c, v)
        return True, dl

    def _emit(self, c: Candidate, v: VnDate, dl: tuple[int, Deadline] | None) -> None:
        """The hits of an accepted date: its deadline if it has one, then the date itself."""
        if c.form == "lunar":
            self._add(Hit(start=c.start, end=c.end, kind=_DATE, value=v))
            return
        # A deadline looks forward: a year-less due day is its next occurrence, unless the clause
        # reports the past ("đã hoàn thành trước ngày 15/12").
        forward = dl is not None and not reports_past(self.low, dl[0])
        if dl is not None and _long_past(dl[1], self.context):
            dl = None  # a cut-off in the text's past, not a time limit: "vi phạm trước ngày 01/7/2014 mà …"
        if dl is not None:
            deadline = Hit(
                start=dl[0], end=c.end, kind=_DEADLINE, value=dl[1], time=c.time, parts=((c.dstart, c.dend),)
            )
            self._add(deadline, forward=forward)
        date_hit = Hit(c.start, c.end, _DATE, v, c.time)
        if self.context is not None and v.year is None and not self._any_year(c.start, c.end):
            date_hit = _finish(date_hit, self.context, forward=forward)
            if until_now(self.low, c.end):  # "từ ngày 01/7 đến nay": the last such day before the text
                date_hit = _last_before(date_hit, self.context)
        self.hits.append(date_hit)


#: How far before the text's own date a time limit may still fall (a weekly bulletin reports last
#: month's deadlines; a law's "trước ngày 01/7/2014" in 2025 is a cut-off, not a time limit).
_STALE: Final = datetime.timedelta(days=366)


def _long_past(deadline: Deadline, context: VnDate | None) -> bool:
    """Whether ``deadline`` ends more than a year before the text's own date ``context``."""
    if context is None or not isinstance(deadline, NoLaterThan | Before | Within):
        return False
    due = deadline.due
    return due.year is not None and not due.lunar and due.last_day() < context.first_day() - _STALE


def _last_before(hit: Hit, context: VnDate) -> Hit:
    """``hit``, a completed day, moved a year back when it falls after the text's own date."""
    v = hit.value
    if not isinstance(v, VnDate) or v.year is None or v.first_day() <= context.first_day():
        return hit
    try:
        return hit._replace(value=v.with_year(v.year - 1))
    except (ValueError, DateError):
        return hit


def _hours(low: str, c: Candidate) -> Candidate | None:
    """A clock time "12 giờ" after a relative lead is an amount of hours; other clock times alone are dropped."""
    if not (low.endswith("giờ", c.start, c.end) and isinstance(c.value, TimeOfDay) and c.value.minute == 0):
        return None
    c.form, c.value = "rel", Amount(c.value.hour, DurationUnit.HOUR)
    return c


def _finish(hit: Hit, context: VnDate | None, *, forward: bool = False) -> Hit:
    """``hit`` with its year-less value completed from ``context`` (unchanged when it cannot be):
    to the next occurrence when ``forward`` (a deadline), else to the nearest one."""
    if context is None:
        return hit
    v = hit.value
    if type(v) is VnDate and v.year is not None:
        return hit  # already complete: the common case, without a call into complete()
    try:
        if isinstance(v, VnDate | Period):
            done: TemporalValue = complete(v, context, deadline=forward)
        else:
            done = complete_deadline(v, context, forward=forward)
    except (DateError, ValueError):
        return hit
    if done is v:
        return hit
    return hit._replace(value=done)
