"""What the date scanners find before anything is decided: candidates, and the values they carry.

A :class:`Candidate` is a piece of lower-cased text that may be a date, a period, a clock time or
an amount of time ("15 ngày làm việc"). The finders' walk (:mod:`vngovdirectives.finding.temporal`)
decides what each one is: a date, an end of a period, the due date of a deadline, or nothing.
The values are made through small caches: documents cite the same dates again and again.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Final, NamedTuple

from vngovdirectives.dates.model import DurationUnit, Period, TimeOfDay, VnDate
from vngovdirectives.text.patterns import plausible_year
from vngovdirectives.text.vocab import table

if TYPE_CHECKING:
    import re
    from collections.abc import Iterator

__all__ = [
    "Amount",
    "Candidate",
    "amount_of",
    "ends_with",
    "keyword_start",
    "led_by",
    "make_date",
    "number_of",
    "time_of_day",
    "unit_of",
    "year_range",
]


class Amount(NamedTuple):
    """An amount of time as written: "15 ngày làm việc" is ``Amount(15, DurationUnit.WORKING_DAY)``."""

    amount: int
    unit: DurationUnit


class Candidate:
    """A candidate found by a pass, before the walk decides what it is.

    ``start``/``end`` cover the keyword words too ("ngày", "năm", "giai đoạn", a clock time);
    ``dstart``/``dend`` the date text itself. ``form`` is "date", "maybe" (a year-less day that
    needs a keyword or a neighbour to count), "period", "time", "rel" (an :class:`Amount`) or
    "lunar". (A plain slotted class: thousands are made per page, and the walk updates them.)
    """

    __slots__ = ("dend", "dstart", "end", "form", "start", "time", "value")

    def __init__(self, start: int, end: int, form: str, value: VnDate | Period | Amount | TimeOfDay | None) -> None:
        self.start = start
        self.end = end
        self.dstart = start
        self.dend = end
        self.form = form
        self.value = value
        self.time: TimeOfDay | None = None


@functools.lru_cache(maxsize=8192)
def make_date(
    year: int | None = None, month: int | None = None, day: int | None = None, quarter: int | None = None
) -> VnDate | None:
    """A solar value, or None when impossible or its year is not one a text may name."""
    if year is not None and not plausible_year(year):
        return None
    try:
        return VnDate(year=year, month=month, day=day, quarter=quarter)
    except ValueError:
        return None


# Values that documents write again and again, made once (keyed by ints and strings: a key holding
# an enum member would be hashed by Enum.__hash__, a Python function).
@functools.lru_cache(maxsize=1024)
def year_range(first: int, last: int) -> Period:
    """The period from one year to another ("giai đoạn 2016 - 2020")."""
    return Period(start=VnDate(year=first), end=VnDate(year=last))


@functools.lru_cache(maxsize=1024)
def time_of_day(hour: int, minute: int) -> TimeOfDay:
    """A clock time."""
    return TimeOfDay(hour=hour, minute=minute)


_UNITS: Final = {" ".join(words.split()): DurationUnit(unit) for words, unit in table("duration_units").items()}
_NUMBER_WORDS: Final = {word: int(value) for word, value in table("number_words").items()}


def unit_of(words: str) -> DurationUnit:
    """The :class:`DurationUnit` a unit phrase names ("ngày", "ngày  làm việc", "Tháng" …)."""
    return _UNITS[" ".join(words.split()).casefold()]


def number_of(word: str) -> int:
    """The value of a written amount: digits or a Vietnamese numeral word from one to ten."""
    return int(word) if word.isdigit() else _NUMBER_WORDS[word.casefold()]


@functools.lru_cache(maxsize=1024)
def amount_of(amount: int, unit_words: str) -> Amount:
    """An :class:`Amount` from its number and its unit phrase."""
    return Amount(amount, unit_of(unit_words))


def ends_with(low: str, pos: int, words: tuple[str, ...]) -> bool:
    """Whether the text before ``pos`` (within 12 characters, white space ignored) ends with one of ``words``."""
    return low[max(0, pos - 12) : pos].rstrip().endswith(words)


def keyword_start(low: str, pos: int, word: str) -> int:
    """Start of ``word`` ending right before ``pos`` (across up to three spaces), else ``pos``."""
    if pos == 0 or not low[pos - 1].isspace():
        return pos
    k = pos - 1 - len(word)
    if low[pos - 1] == " " and k >= 0 and low.startswith(word, k):
        return k  # the common case: one space
    seg = low[max(0, pos - len(word) - 3) : pos]
    stripped = seg.rstrip()
    if stripped.endswith(word) and len(seg) - len(stripped) >= 1:
        return pos - (len(seg) - len(stripped)) - len(word)
    return pos


def led_by(low: str, word: str, rx: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """``rx.finditer(low)`` for a pattern that starts with ``word``, for rare words: str.find skips
    to each occurrence faster than the regex engine scans for a literal."""
    p = low.find(word)
    while p >= 0:
        m = rx.match(low, p)
        if m is None:
            p = low.find(word, p + 1)
        else:
            yield m
            p = low.find(word, m.end())
