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
from vngovdirectives.deadlines.model import Before, Deadline, Effective, NoLaterThan, Relative, Starting, Within
from vngovdirectives.text.patterns import LOWER, S0, S, alternation
from vngovdirectives.text.vocab import rows, words

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "LEAD_ENDINGS",
    "deadline_before",
    "delivers_before",
    "does_work_before",
    "effective_from",
    "relative_deadline",
    "reports_past",
    "same_kind",
    "until_now",
]

_BACK_NLT: Final = re.compile(backward("no_later_than"))
_BACK_BEFORE: Final = re.compile(backward("before"))
_BACK_WITHIN: Final = re.compile(backward("within"))
_BACK_FROM: Final = re.compile(backward("from"))
_BACK_EFFECTIVE: Final = re.compile(backward("effective"))
_BACK_EXPIRY: Final = re.compile(backward("expiry"))
_BACK_EFFECTIVE_AFTER: Final = re.compile(backward("effective_after"))
_BACK_REL_LEAD: Final = re.compile(backward("relative", "lead"))
#: Verbs that make a span a time limit for doing something ("hoàn thành trong quý I/2019").
_ACTION_RE: Final = re.compile(alternation(words("deadline_actions")))
#: A completion verb within the two words before "vào" ("hoàn thành vào tháng 6", "xong vào quý III").
_COMPLETION_BEFORE: Final = re.compile(rf"(?<!\w){alternation(words('completion_verbs'))}(?:{S}\S+){{0,2}}{S0}$")
_COMPLETION_RE: Final = re.compile(rf"(?<!\w){alternation(words('completion_verbs'))}(?!\w)")
#: A clause that narrates the past.
_PAST: Final = re.compile(r"(?<!\w)(?:đã|vừa)(?!\w)")
#: The span reported as done right after it: "… trong năm 2025 đã được hoàn thành".
_REPORTED_AFTER: Final = re.compile(rf"{S0},?{S0}(?:đã|vừa)(?!\w)")
#: Words that make "đến hết ngày …" the end of how long something lasts, not a time limit.
_GOES_ON: Final = re.compile(rf"(?<!\w)(?:tiếp{S}tục|hiệu{S}lực)(?!\w)")
#: A line that goes on in lower case (after its indent).
_LOWER_NEXT: Final = re.compile(rf"[ \t]{{0,8}}[{LOWER}]")
#: Words around an amount of time that make it a measure, not a time limit.
_MEASURES: Final = rows("amount_measures")
_MEASURE_AFTER: Final = re.compile(rf"{S0}{alternation(w for w, where in _MEASURES if where == 'after')}(?!\w)")
_MEASURE_BEFORE: Final = tuple(w for w, where in _MEASURES if where == "before")
#: "… đến nay" right after a day: the day starts a stretch of the past ("từ ngày 01/7 đến nay").
_UNTIL_NOW: Final = re.compile(
    rf"{S0},?{S0}(?:đến|tới|cho{S}đến){S}(?:nay|hiện{S}nay|thời{S}điểm{S}(?:này|hiện{S}tại))(?!\w)"
)
#: Words that make "trước / từ <day>" a condition, not a time limit (data: cutoff_words.txt): right
#: after the day ("… trước ngày 01/01/1994 mà …", "từ ngày 30/4/1975 trở về trước"), or last before
#: "trước" ("chức danh nghỉ hưu trước 01/7/2025").
_CUTOFF: Final = rows("cutoff_words")
_CONDITION_AFTER: Final = re.compile(rf"{S0},?{S0}{alternation(w for w, where in _CUTOFF if where == 'after')}(?!\w)")
_CONDITION_BEFORE: Final = re.compile(rf"(?<!\w){alternation(w for w, where in _CUTOFF if where == 'before')}{S0}$")


def _endings(kinds: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted({w for kind in kinds for w in last_words(kind)}))


#: Every word a date lead can end with: a test of the text before a date with ``str.endswith``
#: decides most dates without running any pattern.
LEAD_ENDINGS: Final = _endings(("no_later_than", "before", "within", "from", "effective", "expiry"))
#: Relative leads that make any amount of time a limit ("trong vòng 3 ngày"), by their last word.
_STRONG_REL_LEADS: Final = ("hạn", "vòng", "đa", "quá")
#: The event an amount of time counts from (read on the lower-cased text, up to a line break too:
#: :func:`_anchor` keeps the next line only when it goes on in lower case or with a number).
_ANCHOR_RE: Final = re.compile(rf"{S0}[,(]?{S0}(?:{ANCHOR}|từ{S}(?=ngày|khi|thời{S}điểm))(?P<a>[^,.;:()|]{{1,160}})")
#: Words that end an anchor's event: the sentence goes on with a condition or another duty ("… kể
#: từ ngày nhận được yêu cầu thì bên đại lý …", "… kể từ ngày ký và phải được công bố …").
_ANCHOR_END_WORDS: Final = re.compile(
    rf"{S}(?:thì|mà|nhưng|và{S}phải|đồng{S}thời|trừ{S}trường{S}hợp|hoặc{S}có{S}thể)(?!\w)"
)
#: A line break that ends an anchor: the next line opens in capitals or with a list mark.
_ANCHOR_LINE_END: Final = re.compile(rf"[ \t]*\n(?![ \t]{{0,3}}[{LOWER}0-9])")


def deadline_before(low: str, c: Candidate, floor: int, text: str | None = None) -> tuple[int, Deadline] | None:
    """The deadline that the words before ``c`` make of it, with the lead's start. Callers test
    first that the text before ``c`` ends with one of :data:`LEAD_ENDINGS` (nothing else can
    match); no lead reaches back before ``floor``."""
    v = c.value
    if not isinstance(v, VnDate) or _CONDITION_AFTER.match(low, c.end) or until_now(low, c.end):
        return None
    lo = max(floor, c.start - 48)
    s = c.start
    if v.precision is Precision.DAY:
        m = _BACK_NLT.search(low, lo, s)
        if m is not None:
            if "hết" in m.group() and _GOES_ON.search(low, _clause_start(low, m.start(), text), m.start()):
                return None  # "tiếp tục hoạt động đến hết ngày …", "có hiệu lực … đến hết ngày …": how long it lasts
            return m.start(), NoLaterThan(due=v, time=c.time)
        m = _BACK_BEFORE.search(low, lo, s)
        if m is not None:
            if _CONDITION_BEFORE.search(low, max(0, m.start() - 24), m.start()):
                return None  # "người nghỉ hưu trước ngày 01/7/2025": who, not by when
            return m.start(), Before(due=v, time=c.time)
        return _start_of_effect(low, c, v, lo)
    return _span_deadline(low, c, v, lo, text)


def _start_of_effect(low: str, c: Candidate, v: VnDate, lo: int) -> tuple[int, Deadline] | None:
    """A day on which something starts: a document's effect ("có hiệu lực kể từ ngày …"), or a
    start ("kể từ ngày …"); none when it is the day a document stops having effect."""
    s = c.start
    if _BACK_EXPIRY.search(low, lo, s) is not None:
        return None  # "hết hiệu lực kể từ ngày …": an expiry is neither a deadline nor an effective date
    m = _BACK_EFFECTIVE.search(low, lo, s)
    if m is not None:
        if low[max(0, m.start() - 10) : m.start()].rstrip().endswith(("không", "không còn")):
            return None  # "không được áp dụng kể từ ngày …": the day something stops applying
        return m.start(), Effective(due=v, time=c.time)
    m = _BACK_FROM.search(low, lo, s)
    if m is not None:
        return m.start(), Starting(start=v, time=c.time)
    return None


def _span_deadline(low: str, c: Candidate, v: VnDate, lo: int, text: str | None) -> tuple[int, Deadline] | None:
    """A month, quarter or year as a limit: "trong quý I/2019", "đến hết năm 2024", "trước tháng 6"."""
    s = c.start
    m = _BACK_WITHIN.search(low, lo, s)
    if m is not None:
        return (m.start(), Within(span=v)) if _limits_work(low, m, c, text) else None
    m = _BACK_NLT.search(low, lo, s)
    if m is not None and "hết" in m.group():
        return m.start(), Within(span=v)
    m = _BACK_BEFORE.search(low, lo, s)
    if m is not None:
        return m.start(), Before(due=v)
    return None


def _limits_work(low: str, lead: re.Match[str], c: Candidate, text: str | None) -> bool:
    """Whether "trong/vào/hết <a month, quarter or year>" sets a time limit for doing something,
    rather than dating an event or scoping a fact.

    Not a limit: a fronted time adverbial ("Trong tháng 5/2017, UBND tỉnh đã …"); a span with no
    deadline verb in its clause ("thiệt hại trong năm 2015"); "vào" not right after a completion
    verb ("tổ chức Lễ hội vào tháng 01 năm 2023", "đạt 30% vào năm 2025"); a span the text goes on
    to report as done ("… trong năm 2025 đã được hoàn thành").
    """
    head = low[max(0, lead.start() - 3) : lead.start()].rstrip()
    if (not head or head[-1] in ".;:\n") and low.startswith(",", c.end):
        return False
    if _REPORTED_AFTER.match(low, c.end):
        return False
    if lead.group().rstrip(" :").endswith("vào"):
        return _COMPLETION_BEFORE.search(low, max(0, lead.start() - 30), lead.start()) is not None
    return does_work_before(low, lead.start(), text)


def does_work_before(low: str, pos: int, text: str | None = None) -> bool:
    """Whether the clause before ``pos`` has a verb of doing something ("triển khai", "tổ chức sơ kết");
    given the text itself, a line that goes on in lower case goes on with the clause."""
    return _ACTION_RE.search(low, _clause_start(low, pos, text), pos) is not None


def delivers_before(low: str, pos: int) -> bool:
    """Whether the clause before ``pos`` has a verb of finishing or delivering ("hoàn thành", "gửi báo cáo")."""
    return _COMPLETION_RE.search(low, _clause_start(low, pos), pos) is not None


def same_kind(model: Deadline, c: Candidate, v: VnDate) -> tuple[int, Deadline] | None:
    """A deadline of the same kind as ``model`` for the next date of a list ("trước ngày 05/4, 05/7")."""
    if isinstance(model, NoLaterThan):
        return c.start, NoLaterThan(due=v, time=c.time)
    if isinstance(model, Before):
        return c.start, Before(due=v, time=c.time)
    if isinstance(model, Starting):
        return c.start, Starting(start=v, time=c.time)
    return None


def effective_from(low: str, c: Candidate, floor: int) -> tuple[int, Effective] | None:
    """The effective date that the first day ``c`` of a period is ("Nghị quyết này có hiệu lực từ
    ngày 01/01/2026 đến hết ngày 31/12/2030"), with its lead's start."""
    v = c.value
    if not isinstance(v, VnDate) or v.day is None:
        return None
    found = _start_of_effect(low, c, v, max(floor, c.start - 48))
    if found is None or not isinstance(found[1], Effective):
        return None
    return found[0], found[1]


def until_now(low: str, pos: int) -> bool:
    """Whether the day that ends at ``pos`` starts a stretch that lasts until now ("từ ngày 01/7 đến nay")."""
    return _UNTIL_NOW.match(low, pos) is not None


def reports_past(low: str, pos: int) -> bool:
    """Whether the clause that ends at ``pos`` narrates what was done ("… đã hoàn thành trước …")."""
    return _PAST.search(low, _clause_start(low, pos), pos) is not None


def _clause_start(low: str, pos: int, text: str | None = None) -> int:
    """Start of the sentence that ``pos`` is in, looking back at most 160 characters. Given the text
    itself, a line break before a lower-case word is no end ("Các đơn vị hoàn\nthành trong …")."""
    lo = max(0, pos - 160)
    cut = max(low.rfind(".", lo, pos), low.rfind(";", lo, pos), low.rfind("!", lo, pos))
    line = low.rfind("\n", lo, pos)
    while text is not None and line > cut and _LOWER_NEXT.match(text, line + 1):
        line = low.rfind("\n", lo, line)
    cut = max(cut, line)
    return lo if cut < 0 else cut + 1


def relative_deadline(text: str, low: str, c: Candidate, floor: int) -> tuple[int, int, Relative | Effective] | None:
    """The time limit an amount of time sets ("trong thời hạn 15 ngày làm việc kể từ ngày nhận …"),
    or the delay before a document takes effect ("có hiệu lực sau 10 ngày kể từ ngày ký"): its
    start, end and value; None when the amount only measures something ("5 ngày qua")."""
    v = c.value
    if not isinstance(v, Amount):
        return None
    line = low.find("\n", c.start, c.end)
    if line >= 0 and not _LOWER_NEXT.match(text, line + 1):
        return None  # "thời hạn 05\nngày làm việc" goes on; "… 15\nNgày 20/5 …" is another line
    am = _ANCHOR_RE.match(low, c.end)
    effect = _BACK_EFFECTIVE_AFTER.search(low, max(floor, c.start - 40), c.start)
    if effect is not None:
        anchor, end = _anchor(text, am, c.end)
        return effect.start(), end, Effective(amount=v.amount, unit=v.unit, anchor=anchor)
    lead = _BACK_REL_LEAD.search(low, max(floor, c.start - 30), c.start)
    strong = lead is not None and lead["lead"].endswith(_STRONG_REL_LEADS)
    if lead is not None and lead["lead"].endswith(("gian", ":")):
        strong = v.unit in (DurationUnit.DAY, DurationUnit.WORKING_DAY)
    if not (v.unit is DurationUnit.WORKING_DAY or strong or am is not None):
        return None
    if am is None and low.startswith((" qua", " vừa qua", " tới", " gần"), c.end):
        return None
    start = lead.start() if lead is not None else c.start
    outer = _BACK_REL_LEAD.search(low, max(floor, start - 24), start) if lead is not None else None
    if outer is not None:  # "trong thời hạn tối đa 10 ngày", "Chậm nhất sau 30 ngày": the first lead opens it
        start = outer.start()
    if _MEASURE_AFTER.match(low, c.end) or low[max(0, start - 24) : start].rstrip().endswith(_MEASURE_BEFORE):
        return None  # a threshold, an entitlement, a change: "từ 14 ngày làm việc trở lên", "được nghỉ 10 ngày"
    anchor, end = _anchor(text, am, c.end)
    return start, end, Relative(amount=v.amount, unit=v.unit, anchor=anchor)


def _anchor(text: str, am: re.Match[str] | None, end: int) -> tuple[str | None, int]:
    """The event an amount counts from ("kể từ ngày nhận được hồ sơ") and where it ends."""
    if am is None:
        return None, end
    a_start, a_stop = am.start("a"), am.end("a")
    words_end = _ANCHOR_END_WORDS.search(text, a_start, a_stop)
    if words_end is not None:
        a_stop = words_end.start()
    elif a_stop - a_start == 160 and a_stop < len(text) and text[a_stop].isalnum():
        a_stop = text.rfind(" ", a_start, a_stop) + 1 or a_stop  # not inside a word the cap cuts
    stop = _ANCHOR_LINE_END.search(text, a_start, a_stop)  # "… nhận hồ sơ\nSở Tư pháp …"
    if stop is not None and text[a_start : stop.start()].strip() in ("ngày", "khi", "thời điểm"):
        stop = _ANCHOR_LINE_END.search(text, stop.end(), a_stop)  # "kể từ ngày\nNhiệm vụ … được duyệt"
    a_end = stop.start() if stop is not None else a_start + len(text[a_start:a_stop].rstrip())
    anchor = " ".join(text[am.start("a") : a_end].split())
    if "(" in text[am.start() : a_start] and text.startswith(")", a_end):
        a_end += 1  # "Tối đa 15 ngày (kể từ ngày nhận đủ hồ sơ)": the bracket closes the span
    return anchor or None, a_end
