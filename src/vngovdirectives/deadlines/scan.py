"""Deadlines in running text: the lead before a date, and the limits counted in days or months.

The finders' walk (:mod:`vngovdirectives.finding.temporal`) asks two questions of each
candidate: :func:`deadline_before` — do the words right before this date make it a deadline
("chậm nhất vào ngày 25/4/2019")? — and :func:`relative_deadline` — is this amount of time a
time limit ("trong thời hạn 15 ngày làm việc kể từ …")? Both read the lower-cased text, with the
lead words of :mod:`vngovdirectives.deadlines.leads`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from vngovdirectives.dates.candidate import Amount, Candidate
from vngovdirectives.dates.model import DurationUnit, Precision, VnDate
from vngovdirectives.deadlines.leads import ANCHOR, backward, last_words
from vngovdirectives.deadlines.model import Before, Deadline, NoLaterThan, Relative, Starting, Within
from vngovdirectives.text.patterns import S0, alternation
from vngovdirectives.text.vocab import words

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["LEAD_ENDINGS", "deadline_before", "relative_deadline", "same_kind"]

_BACK_NLT: Final = re.compile(backward("no_later_than"))
_BACK_BEFORE: Final = re.compile(backward("before"))
_BACK_WITHIN: Final = re.compile(backward("within"))
_BACK_FROM: Final = re.compile(backward("from"))
_BACK_REL_LEAD: Final = re.compile(backward("relative", "lead"))
#: Verbs that make a span a time limit for doing something ("hoàn thành trong quý I/2019").
_ACTION_RE: Final = re.compile(alternation(words("deadline_actions"), " "))


def _endings(kinds: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted({w for kind in kinds for w in last_words(kind)}))


#: Every word a date lead can end with: a test of the text before a date with ``str.endswith``
#: decides most dates without running any pattern.
LEAD_ENDINGS: Final = _endings(("no_later_than", "before", "within", "from"))
#: Relative leads that make any amount of time a limit ("trong vòng 3 ngày"), by their last word.
_STRONG_REL_LEADS: Final = ("thời", "vòng", "đa", "quá")
_ANCHOR_RE: Final = re.compile(rf"{S0},?{S0}{ANCHOR}(?P<a>[^,.;:\n()|]{{1,160}})")


def deadline_before(low: str, c: Candidate, floor: int) -> tuple[int, Deadline] | None:
    """The deadline that the words before ``c`` make of it, with the lead's start. Callers test
    first that the text before ``c`` ends with one of :data:`LEAD_ENDINGS` (nothing else can
    match); no lead reaches back before ``floor``."""
    v = c.value
    if not isinstance(v, VnDate):
        return None
    lo = max(floor, c.start - 48)
    s = c.start
    if v.precision is Precision.DAY:
        m = _BACK_NLT.search(low, lo, s)
        if m is not None:
            return m.start(), NoLaterThan(due=v, time=c.time)
        m = _BACK_BEFORE.search(low, lo, s)
        if m is not None:
            return m.start(), Before(due=v, time=c.time)
        m = _BACK_FROM.search(low, lo, s)
        if m is not None:
            return m.start(), Starting(start=v, time=c.time)
        return None
    return _span_deadline(low, c, v, lo)


def _span_deadline(low: str, c: Candidate, v: VnDate, lo: int) -> tuple[int, Deadline] | None:
    """A month, quarter or year as a limit: "trong quý I/2019", "đến hết năm 2024", "trước tháng 6"."""
    s = c.start
    m = _BACK_WITHIN.search(low, lo, s)
    if m is not None:
        # A fronted time adverbial ("Trong tháng 5/2017, UBND tỉnh đã …") reports, it sets no limit.
        head = low[max(0, m.start() - 3) : m.start()].rstrip()
        if (not head or head[-1] in ".;:\n") and low.startswith(",", c.end):
            return None
        # A limit needs something to get done in the span; "thiệt hại trong năm 2015" only scopes.
        if _ACTION_RE.search(low, _clause_start(low, m.start()), m.start()) is None:
            return None
        return m.start(), Within(span=v)
    m = _BACK_NLT.search(low, lo, s)
    if m is not None and "hết" in m.group():
        return m.start(), Within(span=v)
    m = _BACK_BEFORE.search(low, lo, s)
    if m is not None:
        return m.start(), Before(due=v)
    return None


def same_kind(model: Deadline, c: Candidate, v: VnDate) -> tuple[int, Deadline] | None:
    """A deadline of the same kind as ``model`` for the next date of a list ("trước ngày 05/4, 05/7")."""
    if isinstance(model, NoLaterThan):
        return c.start, NoLaterThan(due=v, time=c.time)
    if isinstance(model, Before):
        return c.start, Before(due=v, time=c.time)
    if isinstance(model, Starting):
        return c.start, Starting(start=v, time=c.time)
    return None


def _clause_start(low: str, pos: int) -> int:
    """Start of the sentence that ``pos`` is in, looking back at most 160 characters."""
    lo = max(0, pos - 160)
    cut = max(low.rfind(".", lo, pos), low.rfind(";", lo, pos), low.rfind("\n", lo, pos), low.rfind("!", lo, pos))
    return lo if cut < 0 else cut + 1


def relative_deadline(text: str, low: str, c: Candidate, floor: int) -> tuple[int, int, Relative] | None:
    """The time limit an amount of time sets ("trong thời hạn 15 ngày làm việc kể từ ngày nhận …"):
    its start, end and value; None when the amount only measures something ("5 ngày qua")."""
    v = c.value
    if not isinstance(v, Amount):
        return None
    lead = _BACK_REL_LEAD.search(low, max(floor, c.start - 30), c.start)
    am = _ANCHOR_RE.match(low, c.end)
    strong = lead is not None and lead["lead"].endswith(_STRONG_REL_LEADS)
    if lead is not None and lead["lead"].endswith(("gian", ":")):
        strong = v.unit in (DurationUnit.DAY, DurationUnit.WORKING_DAY)
    if not (v.unit is DurationUnit.WORKING_DAY or strong or am is not None):
        return None
    if am is None and low.startswith((" qua", " vừa qua", " tới", " gần"), c.end):
        return None
    anchor = None
    end = c.end
    if am is not None:
        anchor = text[am.start("a") : am.end("a")].strip()
        end = am.start("a") + len(am["a"].rstrip())
    start = lead.start() if lead is not None else c.start
    return start, end, Relative(amount=v.amount, unit=v.unit, anchor=anchor or None)
