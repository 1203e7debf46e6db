"""Date candidates led by a digit: one pass of one pattern, one builder per written form.

Every form starts after one digit already consumed, so the compiled pattern starts with a
character class and the regex engine skips quickly to the next digit. ``n2`` then takes the
second digit when there is one (and only then: the engine never tries the alternatives twice,
with and without it); the forms of four digits read two more. Each form ends with an empty group
named after it, so ``m.lastgroup`` says which form matched and :data:`_BUILDERS` turns the match
into candidates.

====  ==========================================  ===============================
form  written                                     candidate
====  ==========================================  ===============================
A     25-31/3/2019                                a period of days
B     29/3/2019, 15-5-2016, 8.2.2024              a day
S     06 / 7 /2005                                a day
C     29 tháng 3 năm 2019, 29 tháng 3             a day (year-less: "maybe")
H     6 tháng đầu năm 2019                        a period of months
M     tháng 5 năm 2019, năm 2019                  a month, or a year
D     29/3, 16/8 năm 2021                         a day (year-less: "maybe")
E     3/2019                                      a month (after "tháng"), or a month list
X     2024-03-15                                  a day (ISO, in page metadata)
F, G  2016 - 2020, 20112020                       a period of years
I     0 giờ, 14h30, 8:30                          a clock time
J     15 ngày làm việc, 6 tháng                   an amount of time
K     2019                                        a year, when nothing says otherwise
====  ==========================================  ===============================
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Final

from vngovdirectives.dates.candidate import (
    Amount,
    Candidate,
    amount_of,
    ends_with,
    keyword_start,
    make_date,
    time_of_day,
    year_range,
)
from vngovdirectives.dates.model import DurationUnit, Period, VnDate
from vngovdirectives.dates.parse import plausible_year_range
from vngovdirectives.text.patterns import BARE_YEAR_MIN, MAX_YEAR, MIN_YEAR, S0, H, S, alternation, listed
from vngovdirectives.text.vocab import words

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["digit_candidates"]

_UNIT_WORDS: Final = alternation(words("duration_units"))
_DIGIT_RE: Final = re.compile(
    r"[0-9](?<![0-9/.,][0-9])(?P<n2>\d|(?!\d))(?:"
    rf"{S0}-{S0}(?P<rb>\d{{1,2}})(?P<rs>[/.])(?P<rm>\d{{1,2}})(?P=rs)(?P<ry>\d{{4}})(?!\d)(?P<A>)"
    rf"|(?P<bs>[/.-])(?P<bm>\d{{1,2}})(?P=bs)(?P<by>\d{{4}})(?!\d|/[^\W\d_])(?P<B>)"
    rf"|[ ]{{0,2}}/[ ]{{0,2}}(?P<sm>\d{{1,2}})[ ]{{0,2}}/[ ]{{0,2}}(?P<sy>\d{{4}})(?![\d/])(?P<S>)"
    rf"|{S}tháng{S}(?P<cm>\d{{1,2}})"
    rf"(?:{S0}[*_]{{0,2}}{S0},?{S0}[*_]{{0,2}}{S0}năm{S}(?P<cy>\d{{4}})|{S0}[/.-]{S0}(?P<cy2>\d{{4}}))?(?!\d)(?P<C>)"
    rf"|{S}tháng(?:{S}(?P<hp>đầu|cuối))?{S}năm(?:{S}(?P<hy>\d{{4}}))?(?!\d)(?P<H>)"
    rf"|(?:{S}năm{S}|,{S0})(?P<my>\d{{4}})(?![\d/]|[.,]\d|{S0}-{S0}\d)(?P<M>)"
    rf"|(?P<ds>[/.-])(?P<dm>\d{{1,2}})(?:{S}năm{S}(?P<dy>\d{{4}}))?(?!\d|[/.-]\d|,\d)(?P<D>)"
    rf"|[/.-](?P<ey>\d{{4}})(?![\d/])(?P<E>)"
    rf"|\d{{2}}-(?P<xm>\d{{2}})-(?P<xd>\d{{2}})(?![\d/])(?P<X>)"
    rf"|\d{{2}}{S0}-{S0}(?P<fb>\d{{4}})(?![\d/]|[.,]\d)(?P<F>)"
    rf"|\d{{2}}(?P<gb>\d{{4}})(?!\d)(?P<G>)"
    rf"|{S0}(?P<isep>giờ|h|g|:)(?:{S0}(?P<im>\d{{2}})(?!\d))?(?:{S0}phút|')?(?![^\W\d_])(?P<I>)"
    rf"|(?P<jn>\d?)(?:{H}\([^()\n]{{1,20}}\))?(?:{H}{{1,3}}|{H}{{0,3}}\n{H}{{0,3}})(?P<ju>{_UNIT_WORDS})(?![^\W\d_])(?P<J>)"
    rf"|\d{{2}}(?![\d/]|[.,]\d|{S0}-{S0}\d)(?P<K>)"
    r")"
)
_DMY_SEP: Final = re.compile(r"[/.-]")
_PERIOD_KW: Final = re.compile(rf"(?:giai{S0}đoạn|nhiệm{S}kỳ|năm{S}học|niên{S}(?:khóa|học)|thời{S}kỳ|năm){S0}$")
_MONTH_LIST_BACK: Final = re.compile(rf"tháng{S}(?P<list>\d{{1,2}}(?:{S0}[,;]{S0}\d{{1,2}}){{0,5}}){S0}(?:,|và){S0}$")
_NUMBER_RE: Final = re.compile(r"\d{1,2}")
#: Words after which a four-digit number is not a year ("số 2019", "Điều 2020").
_NOT_YEAR_BEFORE: Final = tuple(words("not_year_before"))
_UNIT_AFTER_YEAR: Final = re.compile(r"\s{0,2}" + listed("units_after_number", " "))
#: What follows a fraction "2/3", which a year-less day never has right after it.
_FRACTION_OF: Final = re.compile(rf"{S}{listed('fraction_of')}")


def _int(low: str, start: int, end: int) -> int:
    return int(low[start:end])


def _first(low: str, m: re.Match[str]) -> int:
    """The first number of the match: its one or two leading digits."""
    return int(low[m.start() : m.end("n2")])


@functools.lru_cache(maxsize=8192)
def _numeric_day(written: str) -> VnDate | None:
    """The value of a day written "29/3/2019", "8.2.2024" or "15-5-2016" (form B).

    Cached by the text: it is the most common form, and one call replaces three group lookups and
    three conversions."""
    day, month, year = _DMY_SEP.split(written)
    return make_date(int(year), int(month), int(day))


def date_candidate(low: str, s: int, e: int, v: VnDate | Period) -> Candidate:
    """A candidate for ``low[s:e]``, reaching back over a "ngày" before it."""
    c = Candidate(s, e, "date", v)
    if s >= 5 and low.startswith("ngày ", s - 5):  # the common case, without a call
        c.start = s - 5
    else:
        c.start = keyword_start(low, s, "ngày")
    return c


def _maybe(low: str, m: re.Match[str], year: str | None, month: str, out: list[Candidate]) -> None:
    v = make_date(int(year) if year else None, int(month), _first(low, m))
    if v is not None:
        c = date_candidate(low, m.start(), m.end(), v)
        if year is None:
            c.form = "maybe"
        out.append(c)


def _form_a(low: str, m: re.Match[str], out: list[Candidate]) -> None:
    y, mo = int(m["ry"]), int(m["rm"])
    a, b = make_date(y, mo, _first(low, m)), make_date(y, mo, int(m["rb"]))
    if a is not None and b is not None and a.day is not None and b.day is not None and a.day < b.day:
        c = date_candidate(low, m.start(), m.end(), Period(start=a, end=b))
        c.form = "period"
        out.append(c)


def _form_b(low: str, m: re.Match[str], out: list[Candidate]) -> None:
    v = _numeric_day(m.group())
    if v is not None:
        out.append(date_candidate(low, m.start(), m.end(), v))


def _form_s(low: str, m: re.Match[str], out: list[Candidate]) -> None:
    v = make_date(int(m["sy"]), int(m["sm"]), _first(low, m))
    if v is not None:
        out.append(date_candidate(low, m.start(), m.end(), v))


def _form_c(low: str, m: re.Match[str], out: list[Candidate]) -> None:
    _maybe(low, m, m["cy"] or m["cy2"], m["cm"], out)


def _form_d(low: str, m: re.Match[str], out: list[Candidate]) -> None:
    if (
        m["dy"] is None
        and (_FRACTION_OF.match(low, m.end()) or (m["ds"] != "/" and _UNIT_AFTER_YEAR.match(low, m.end())))
        and not ends_with(low, m.start(), ("ngày",))
    ):
        # a share or a range of amounts, not a day: "từ 2/3 số xã trở lên", "1/2 diện tích",
        # "phạt từ 4-6 triệu đồng" (but "ngày 2/3 số liệu …", "từ 5/4 người dân …")
        return
    _maybe(low, m, m["dy"], m["dm"], out)


def _after_month(low: str, m: re.Match[str], year: int, out: list[Candidate]) -> bool:
    """A month written "tháng 3/2019" or "tháng 5 năm 2019": True when the match was one."""
    s = m.start()
    if not ends_with(low, s, ("tháng",)):
        return False
    v = make_date(year, _first(low, m))
    if v is not None:
        c = Candidate(keyword_start(low, s, "tháng"), m.end(), "date", v)
        c.dstart = s
        out.append(c)
    return True


def _form_e(low: str, m: re.Match[str], out: list[Candidate]) -> None:
    if not _after_month(low, m, int(m["ey"]), out):
        _month_list(low, m.start(), m.end(), _first(low, m), int(m["ey"]), out)


def _form_m(low: str, m: re.Match[str], out: list[Candidate]) -> None:
    if not _after_month(low, m, int(m["my"]), out):
        year_candidate(low, m.start("my"), m.end(), int(m["my"]), out)


def _form_x(low: str, m: re.Match[str], out: list[Candidate]) -> None:
    s = m.start()
    v = make_date(_int(low, s, s + 4), int(m["xm"]), int(m["xd"]))
    if v is not None:
        out.append(date_candidate(low, s, m.end(), v))


def _form_fg(low: str, m: re.Match[str], out: list[Candidate]) -> None:
    s = m.start()
    a_year, b_year = _int(low, s, s + 4), int(m["fb"] or m["gb"])
    kw = _PERIOD_KW.search(low, max(0, s - 16), s)
    if m.lastgroup == "G" and (kw is None or kw.group().startswith("năm")):
        return
    if not plausible_year_range(a_year, b_year) or ends_with(low, s, _NOT_YEAR_BEFORE):
        return
    c = Candidate(kw.start() if kw else s, m.end(), "period", year_range(a_year, b_year))
    c.dstart = s
    out.append(c)


def _form_h(low: str, m: re.Match[str], out: list[Candidate]) -> None:
    n = _first(low, m)
    ys, pos = m["hy"], m["hp"]
    if not 1 <= n <= 12 or (pos is None and ys is None):
        return
    hy = int(ys) if ys else None
    first, last = (13 - n, 12) if pos == "cuối" else (1, n)
    a, b = make_date(hy, first), make_date(hy, last)
    if a is not None and b is not None:
        out.append(Candidate(m.start(), m.end(), "period", Period(start=a, end=b)))


def _form_i(low: str, m: re.Match[str], out: list[Candidate]) -> None:
    if m["isep"] == ":" and m["im"] is None:
        return
    h = _first(low, m)
    mi = int(m["im"]) if m["im"] else 0
    if h <= 23 and mi <= 59:
        out.append(Candidate(m.start(), m.end(), "time", time_of_day(h, mi)))
    elif m["isep"] == "giờ":
        out.append(Candidate(m.start(), m.end(), "rel", Amount(h, DurationUnit.HOUR)))


def _form_j(low: str, m: re.Match[str], out: list[Candidate]) -> None:
    n = _int(low, m.start(), m.end("jn"))
    out.append(Candidate(m.start(), m.end(), "rel", amount_of(n, m["ju"])))


def _form_k(low: str, m: re.Match[str], out: list[Candidate]) -> None:
    year_candidate(low, m.start(), m.end(), _int(low, m.start(), m.end()), out)


def year_candidate(low: str, s: int, e: int, y: int, out: list[Candidate]) -> None:
    """A four-digit number read as a year: after "năm" or "đến", or standing alone in a sentence
    (from 1945), unless the words around it say it counts something else."""
    if not MIN_YEAR <= y <= MAX_YEAR:
        return
    kstart = keyword_start(low, s, "năm")
    if kstart < s:  # "năm 2019"; also "đến năm 2025", kept as a year
        out.append(Candidate(kstart, e, "date", make_date(y)))
        return
    before = low[max(0, s - 12) : s].rstrip()
    if before.endswith(("đến", "tới")):
        out.append(Candidate(s, e, "date", make_date(y)))
        return
    if y < BARE_YEAR_MIN or before.endswith(_NOT_YEAR_BEFORE):
        return
    prev = low[s - 1] if s else " "
    nxt = low[e] if e < len(low) else " "
    if prev not in " \n\t(" or nxt not in " \n\t.,;:)!?\"'" or _UNIT_AFTER_YEAR.match(low, e):
        return
    if before.endswith(("tháng", "quý")):
        return
    out.append(Candidate(s, e, "date", make_date(y)))


def _month_list(low: str, s: int, e: int, month: int, year: int, out: list[Candidate]) -> None:
    """Months listed before a month/year ("tháng 4, 5/2010") share its year."""
    back = _MONTH_LIST_BACK.search(low, max(0, s - 40), s)
    if back is None:
        return
    for n in _NUMBER_RE.finditer(low, back.start("list"), back.end("list")):
        v = make_date(year, int(n.group()))
        if v is not None:
            c = Candidate(n.start(), n.end(), "date", v)
            if n.start() == back.start("list"):
                c.start = back.start()
            out.append(c)
    v = make_date(year, month)
    if v is not None:
        out.append(Candidate(s, e, "date", v))


_BUILDERS: Final[dict[str | None, Callable[[str, re.Match[str], list[Candidate]], None]]] = {
    "A": _form_a,
    "B": _form_b,
    "S": _form_s,
    "C": _form_c,
    "H": _form_h,
    "M": _form_m,
    "D": _form_d,
    "E": _form_e,
    "X": _form_x,
    "F": _form_fg,
    "G": _form_fg,
    "I": _form_i,
    "J": _form_j,
    "K": _form_k,
}


def digit_candidates(low: str, out: list[Candidate]) -> None:
    """Append to ``out`` the candidates of every digit-led form in the lower-cased text ``low``."""
    builders = _BUILDERS
    for m in _DIGIT_RE.finditer(low):
        builders[m.lastgroup](low, m, out)
