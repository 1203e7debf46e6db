"""Date candidates in running text: the digit-led pass, the keyword-led passes, and clock times.

:func:`candidates` finds every piece of a lower-cased text that may be a date, a period, a time
of day or an amount of time, in linear time: one pass of the digit-led pattern
(:mod:`vngovdirectives.dates.digits`), then a few passes led by rare words, each found with
``str.find`` ("quý I", "Năm ngày làm việc", "mồng 5", "âm lịch", the day lists of a schedule).
:func:`attach_times` joins a clock time to the day written next to it ("0 giờ ngày 01/4/2019").
What the candidates are, the finders decide (:mod:`vngovdirectives.finding.temporal`).

>>> [(c.form, c.value.iso()) for c in candidates("hạn chót ngày 25/4/2019, quý i/2019")]
[('date', '2019-04-25'), ('date', '2019-Q1')]
"""

from __future__ import annotations

import bisect
import re
from typing import Final

from vngovdirectives.dates.candidate import Amount, Candidate, keyword_start, led_by, make_date, number_of
from vngovdirectives.dates.digits import digit_candidates
from vngovdirectives.dates.lunar import cycle_index
from vngovdirectives.dates.model import DurationUnit, Precision, TimeOfDay, VnDate
from vngovdirectives.dates.parse import MONTH_NAMES, parse_date
from vngovdirectives.errors import DateError
from vngovdirectives.text.patterns import S0, S, alternation
from vngovdirectives.text.vocab import table, words

__all__ = ["attach_times", "candidates"]

_ROMAN: Final = {roman: int(value) for roman, value in table("roman_numerals").items()}
_QUARTER_RE: Final = re.compile(
    rf"quý{S}(?P<q>{alternation(_ROMAN)}|[1-4])(?![\w])"
    rf"(?:{S0}[/.-]{S0}(?P<y>\d{{4}})(?![\d/])|{S}năm{S}(?P<y2>\d{{4}}))?"
)
_WORK_WORD_RE: Final = re.compile(rf"làm{S}việc")
_QUARTER_NUM: Final = rf"(?:{alternation(_ROMAN)}|[1-4])(?!\w)"
_LIST_JOIN: Final = rf"{S0}(?:,|và){S0}"
#: Months or quarters listed before the year they share, the keyword repeated or not: "tháng 3 và
#: tháng 4/2019", "quý I, II năm 2019", "quý III và quý IV/2020" (the first ones name no year).
_LISTED_WITH_YEAR: Final = (
    (
        "tháng",
        re.compile(
            rf"tháng{S}\d{{1,2}}(?:{_LIST_JOIN}(?:tháng{S})?\d{{1,2}}){{1,5}}"
            rf"(?:{S0}[/.-]{S0}(?P<y>\d{{4}})|{S0},?{S0}năm{S}(?P<y2>\d{{4}}))(?![\d/])"
        ),
    ),
    (
        "quý",
        re.compile(
            rf"quý{S}{_QUARTER_NUM}(?:{_LIST_JOIN}(?:quý{S})?{_QUARTER_NUM}){{1,3}}"
            rf"(?:{S0}[/.-]{S0}(?P<y>\d{{4}})|{S}năm{S}(?P<y2>\d{{4}}))(?![\d/])"
        ),
    ),
)
_LISTED_ITEM: Final = {
    "tháng": re.compile(rf"(?:tháng{S})?(?P<n>\d{{1,2}})(?!\d)"),
    "quý": re.compile(rf"(?:quý{S})?(?P<n>{_QUARTER_NUM})"),
}
#: A month written as a word, with its year ("tháng Tám năm 1945"); a day number may stand before it.
_WORD_MONTH_RE: Final = re.compile(rf"tháng{S}(?P<m>{alternation(MONTH_NAMES, S)}){S}năm{S}(?P<y>\d{{4}})(?![\d/])")
#: An English translation's date, "June 11, 2025" (after "dated", in a date line "Hanoi, November 19, 2025").
_ENGLISH_MONTHS: Final = {name: int(value) for name, value in table("english_months").items()}
_ENGLISH_DATES: Final = {
    name: re.compile(rf"(?<![^\W\d_]){name}{S}(?P<d>\d{{1,2}}){S0},?{S0}(?P<y>\d{{4}})(?![\d/])")
    for name in _ENGLISH_MONTHS
}
_DAY_BEFORE_WORD_MONTH: Final = re.compile(rf"(?<![\d/.\-])(?:ngày{S})?(?P<d>\d{{1,2}}){S}$")
_WORD_AMOUNT_BACK: Final = re.compile(rf"(?P<n>{alternation(words('number_words'))}){S}ngày{S}$")
# "mùng 5", "mồng 5": one literal-led pattern each (a class of two letters would not be one).
_LUNAR_KW_RES: Final = (("mùng", re.compile(rf"mùng{S}\d")), ("mồng", re.compile(rf"mồng{S}\d")))
_LUNAR_PHRASE: Final = re.compile(
    rf"(?:(?:ngày|mùng|mồng){S})?\d{{1,2}}(?:{S}tháng{S}(?:giêng|chạp|\d{{1,2}})(?:{S}nhuận)?)?"
    rf"(?:{S}tết(?:{S}nguyên{S}đán)?)?(?:{S}năm{S}(?:\d{{4}}|[^\W\d_]{{1,5}}{S}[^\W\d_]{{1,5}}))?"
    rf"(?:{S0}\({S0}âm{S}lịch{S0}\)|{S}âm{S}lịch)?"
)
_LUNAR_AFTER: Final = re.compile(
    rf"(?:{S}tháng)?{S}(?:giêng|chạp)|{S0}\(?{S0}âm{S}lịch|{S}năm{S}[^\W\d_]{{1,5}}{S}[^\W\d_]{{1,5}}(?!\w)"
)
#: A lunar year named by its Can Chi right after a date ("ngày 8 tháng 10 năm Quý Mão").
#: (The literal opens the pattern, the look-behind follows it: the engine then skips to each "năm".)
_CYCLE_YEAR: Final = re.compile(rf"năm(?<=\d năm){S}(?P<name>[^\W\d_]{{1,5}}{S}[^\W\d_]{{1,5}})(?!\w)")
_LUNAR_NAME: Final = re.compile(rf"âm{S}lịch")
_LUNAR_REACH: Final = 12  # the farthest a lunar word of _LUNAR_AFTER starts after the date
# A schedule row: "Tháng 7 | … | Ngày 03; 10; 17; 24; 31".
_DAY_LIST_RE: Final = re.compile(
    rf"ngày{S}(?P<d>\d{{1,2}})(?![\d/.\-]|{S}tháng)(?P<rest>(?:{S0}[;,]{S0}\d{{1,2}}(?![\d/.\-])){{0,31}})"
)
# A line that starts with its month: the only place _DAY_LIST_RE counts (led by a literal newline).
_ROW_LINE: Final = re.compile(rf"\n{S0}tháng{S}\d")
_ROW_MONTH_RE: Final = re.compile(rf"{S0}tháng{S}(?P<m>\d{{1,2}})(?!\d|{S0}[/.\-]\d)(?:{S}năm{S}(?P<y>\d{{4}}))?")
_NUMBER_RE: Final = re.compile(r"\d{1,2}")
_TIME_DATE_GAP: Final = re.compile(rf"{S0}(?:-|,)?{S0}")


def candidates(low: str) -> list[Candidate]:
    """Every date, period, clock-time and amount candidate of the lower-cased text ``low``, unsorted
    and possibly overlapping (:func:`vngovdirectives.finding.filter.merge_candidates` sorts them)."""
    found: list[Candidate] = []
    _listed_with_year(low, found)  # first: where a candidate of the scans below has the same span, it wins
    digit_candidates(low, found)
    _keyword_candidates(low, found)
    lunar_at = _lunar_words(low)
    if lunar_at:  # else no date can be lunar
        n_lunar = len(lunar_at)
        for c in found:
            i = bisect.bisect_left(lunar_at, c.end)
            if (
                i < n_lunar
                and lunar_at[i] - c.end <= _LUNAR_REACH
                and c.form in ("maybe", "rel", "date")
                and _LUNAR_AFTER.match(low, c.end)
            ):
                _lunar_candidate(low, min(c.start, keyword_start(low, c.dstart, "ngày")), found)
    return found


def _listed_with_year(low: str, out: list[Candidate]) -> None:
    """Months and quarters listed before the year they share ("tháng 3 và tháng 4/2019")."""
    for word, rx in _LISTED_WITH_YEAR:
        for m in rx.finditer(low):
            year = int(m["y"] or m["y2"])
            items = list(_LISTED_ITEM[word].finditer(low, m.start(), m.start("y") if m["y"] else m.start("y2")))
            for k, item in enumerate(items):
                raw = item["n"]
                n = int(raw) if raw.isdigit() else _ROMAN[raw]
                v = make_date(year, n) if word == "tháng" else make_date(year, None, None, n)
                if v is not None:
                    end = m.end() if k == len(items) - 1 else item.end()
                    out.append(Candidate(item.start(), end, "date", v))


def _word_months(low: str, out: list[Candidate]) -> None:
    """Months written as words before their year ("tháng Tám năm 1945", "ngày 15 tháng Ba năm 2020")."""
    for m in _WORD_MONTH_RE.finditer(low):
        day = _DAY_BEFORE_WORD_MONTH.search(low, max(0, m.start() - 12), m.start())
        v = make_date(int(m["y"]), MONTH_NAMES[" ".join(m["m"].split())], int(day["d"]) if day else None)
        if v is not None:
            out.append(Candidate(day.start() if day and v.day else m.start(), m.end(), "date", v))


def _lunar_words(low: str) -> list[int]:
    """Where "giêng", "chạp", "âm lịch" and a Can Chi year after a date ("… tháng 10 năm Quý Mão")
    start in ``low``, sorted (each found by a literal search)."""
    found = [m.start() for m in led_by(low, "âm", _LUNAR_NAME)]
    found += [m.start() for m in _CYCLE_YEAR.finditer(low) if cycle_index(m["name"]) is not None]
    for word in ("giêng", "chạp"):
        p = low.find(word)
        while p >= 0:
            found.append(p)
            p = low.find(word, p + 1)
    found.sort()
    return found


def _day_lists(low: str, out: list[Candidate]) -> None:
    """Days listed in a schedule row that starts with its month ("Tháng 7 | … | Ngày 03; 10; 17")."""
    if _ROW_MONTH_RE.match(low) is None and _ROW_LINE.search(low) is None:
        return  # no row of a schedule in the text
    for m in _DAY_LIST_RE.finditer(low):
        floor = max(0, m.start() - 400)
        line = low.rfind("\n", floor, m.start()) + 1
        if line == 0 and floor > 0:
            continue  # no row start within reach
        row = _ROW_MONTH_RE.match(low, line)
        if row is None or row.end() > m.start():
            continue
        month = int(row["m"])
        year = int(row["y"]) if row["y"] else None
        for n in _NUMBER_RE.finditer(low, m.start("d"), m.end()):
            v = make_date(year, month, int(n.group()))
            if v is not None:
                c = Candidate(m.start() if n.start() == m.start("d") else n.start(), n.end(), "date", v)
                c.dstart = n.start()
                out.append(c)


def _keyword_candidates(low: str, out: list[Candidate]) -> None:
    _day_lists(low, out)
    for m in led_by(low, "quý", _QUARTER_RE):
        raw = m["q"]
        ys = m["y"] or m["y2"]
        v = make_date(int(ys) if ys else None, None, None, _ROMAN.get(raw) or int(raw))
        if v is not None:
            out.append(Candidate(m.start(), m.end(), "date", v))
    _word_months(low, out)
    # (an English date has ", <year>": two look-ups spare the twelve month names on other pages)
    english = ", 20" in low or ", 19" in low
    for name, rx in _ENGLISH_DATES.items() if english else ():
        for m in led_by(low, name, rx):
            v = make_date(int(m["y"]), _ENGLISH_MONTHS[name], int(m["d"]))
            if v is not None:
                out.append(Candidate(m.start(), m.end(), "date", v))
    for m in led_by(low, "làm", _WORK_WORD_RE):
        b = _WORD_AMOUNT_BACK.search(low, max(0, m.start() - 20), m.start())
        if b is not None:
            out.append(Candidate(b.start(), m.end(), "rel", Amount(number_of(b["n"]), DurationUnit.WORKING_DAY)))
    for starts in sorted(m.start() for word, rx in _LUNAR_KW_RES for m in led_by(low, word, rx)):
        _lunar_candidate(low, starts, out)


def _lunar_candidate(low: str, start: int, out: list[Candidate]) -> None:
    m = _LUNAR_PHRASE.match(low, start)
    if m is None:
        return
    try:
        v = parse_date(low[m.start() : m.end()])
    except DateError:
        return
    if v.lunar:
        out.append(Candidate(m.start(), m.end(), "lunar", v))


def _is_day(c: Candidate) -> bool:
    return c.form in ("date", "maybe") and isinstance(c.value, VnDate) and c.value.precision is Precision.DAY


def attach_times(low: str, cands: list[Candidate]) -> list[Candidate]:
    """Sorted, non-overlapping candidates with each clock time joined to the day next to it:
    before it ("0 giờ ngày 01/4/2019", which also confirms a year-less day) or after it, past a
    comma ("ngày 01/4/2019, 14 giờ 30")."""
    out: list[Candidate] = []
    i, n = 0, len(cands)
    while i < n:
        c = cands[i]
        nxt = cands[i + 1] if i + 1 < n else None
        if nxt is not None and c.form == "time" and _is_day(nxt) and _TIME_DATE_GAP.fullmatch(low, c.end, nxt.start):
            nxt.time = c.value if isinstance(c.value, TimeOfDay) else None
            nxt.start = c.start
            if nxt.form == "maybe":
                nxt.form = "date"
            out.append(nxt)
            i += 2
            continue
        if nxt is not None and nxt.form == "time" and c.time is None and _time_after(low, c, nxt):
            c.time = nxt.value if isinstance(nxt.value, TimeOfDay) else None
            c.end = nxt.end
            out.append(c)
            i += 2
            continue
        out.append(c)
        i += 1
    return out


def _time_after(low: str, c: Candidate, t: Candidate) -> bool:
    """Whether the clock time ``t`` belongs to the full day ``c`` before it, past a comma."""
    if not (_is_day(c) and isinstance(c.value, VnDate) and c.value.year is not None):
        return False
    gap = _TIME_DATE_GAP.fullmatch(low, c.end, t.start)
    return gap is not None and gap.end() > gap.start() and "," in low[c.end : t.start]
