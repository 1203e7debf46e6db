"""Recurring deadlines in running text: "trước ngày 15/12 hằng năm", "định kỳ hằng tháng, trước ngày 20".

A recurring deadline is found from its frequency ("hằng tháng", "hàng năm", "định kỳ hằng quý"),
then the day it falls on, written before it ("trước ngày 15 tháng 12 hằng năm", "vào ngày 10
hàng tháng", "trước 15:00 ngày thứ Sáu hàng tuần") or right after it, maybe in brackets
("Định kỳ hằng năm (trước ngày 15 tháng 12) báo cáo …", "hằng quý, trước ngày 15 của tháng cuối
quý"). A frequency with no day ("trợ cấp hằng tháng") is no deadline.

>>> [str(v) for _, _, v in recurring_deadlines("Báo cáo gửi Sở Nội vụ trước ngày 10/12 hằng năm.")]
['trước ngày 10 tháng 12 hằng năm']
"""

from __future__ import annotations

import re
from typing import Final

from vngovdirectives.dates.candidate import led_by, time_of_day
from vngovdirectives.deadlines.model import Frequency, Recurring
from vngovdirectives.deadlines.scan import delivers_before
from vngovdirectives.text.normalize import lowered
from vngovdirectives.text.patterns import S0, S, alternation
from vngovdirectives.text.vocab import table

__all__ = ["recurring_deadlines"]

_FREQUENCIES: Final = {word: Frequency(value) for word, value in table("frequencies").items()}
_WEEKDAYS: Final = {word: int(value) for word, value in table("weekdays").items()}
_EVERY: Final = rf"(?:hằng|hàng){S}(?P<every>{alternation(_FREQUENCIES)})(?!\w)"
_PERIODIC: Final = re.compile(rf"định{S}kỳ{S}$")
#: The day: "trước ngày 15/12", "vào ngày 28 tháng 02", "trước 15:00 ngày thứ Sáu", "ngày 15 của tháng cuối quý".
_DAY: Final = (
    rf"(?P<lead>trước|chậm{S}nhất(?:{S}(?:là|vào|đến))?|hạn{S}(?:cuối|chót)|vào|không{S}quá){S}"
    rf"(?:(?P<h>\d{{1,2}}){S0}(?:giờ|h|:){S0}(?P<mi>\d{{1,2}})?{S0}(?:phút)?{S0})?"
    rf"(?:ngày{S}(?P<d>\d{{1,2}})(?:{S0}[/.-]{S0}(?P<m>\d{{1,2}})|{S}tháng{S}(?P<m2>\d{{1,2}}))?"
    # a day that goes on into a dated day ("trước ngày 01 tháng 7 năm 2025") recurs not
    rf"(?!{S0}[/.-]{S0}\d|{S}tháng{S}\d|{S0},?{S0}năm{S}\d|\d)"
    rf"(?:{S}(?:của{S})?tháng{S}(?P<q>đầu|thứ{S}(?:2|hai)|cuối){S}(?:của{S})?quý)?|(?:ngày{S})?(?P<wd>{alternation(_WEEKDAYS)}))"
)
_DAY_BEFORE: Final = re.compile(rf"{_DAY}{S0},?{S0}$")
_EVERY_RE: Final = re.compile(_EVERY)
_DAY_AFTER: Final = re.compile(rf"{S0}[(,:]?{S0}{_DAY}(?:{S0}\))?")
_REACH: Final = 80  # how far before a frequency its day may start
#: Which month of a quarter "tháng đầu / thứ hai / cuối quý" names.
_IN_QUARTER: Final = {"đầu": 1, "thứ": 2, "cuối": 3}


def recurring_deadlines(text: str, low: str | None = None, *, phrase: bool = False) -> list[tuple[int, int, Recurring]]:
    """Every recurring deadline of ``text`` (normalised), with its span, in order.

    ``phrase``: ``text`` is given as one deadline phrase, so a day led by "vào" needs no verb of
    doing before it.
    """
    low = lowered(text) if low is None else low
    found: list[tuple[int, int, Recurring]] = []
    for word in ("hằng", "hàng"):
        for every in led_by(low, word, _EVERY_RE):
            hit = _around(low, every, phrase)
            if hit is not None:
                found.append(hit)
    found.sort(key=lambda h: h[0])
    return found


def _around(low: str, every: re.Match[str], phrase: bool) -> tuple[int, int, Recurring] | None:
    """The recurring deadline of the frequency ``every``: its day before it, else right after it."""
    frequency = _FREQUENCIES[every["every"]]
    start = every.start()
    periodic = _PERIODIC.search(low, max(0, start - 12), start)
    before = _DAY_BEFORE.search(low, max(0, start - _REACH), start)
    if before is not None:
        value = _value(low, before, frequency, phrase)
        if value is not None:
            return before.start(), every.end(), value
    after = _DAY_AFTER.match(low, every.end())
    if after is not None:
        value = _value(low, after, frequency, phrase)
        if value is not None:
            return start if periodic is None else periodic.start(), after.end(), value
    return None


def _value(low: str, m: re.Match[str], every: Frequency, phrase: bool) -> Recurring | None:
    """The recurring deadline of the day ``m`` and the frequency ``every``, if the two fit and the day is a
    time limit: "vào ngày 10 hằng tháng" only after a verb of finishing or delivering ("gửi báo cáo
    vào …"); a meeting "vào thứ Hai hằng tuần" is an event."""
    if m["lead"] == "vào" and not phrase and not delivers_before(low, m.start()):
        return None
    day = int(m["d"]) if m["d"] else _WEEKDAYS.get(m["wd"] or "")
    month_text = m["m"] or m["m2"]
    month = _IN_QUARTER[m["q"].split()[0]] if m["q"] else int(month_text) if month_text else None
    time = None
    if m["h"] and int(m["h"]) <= 23 and int(m["mi"] or 0) <= 59:
        time = time_of_day(int(m["h"]), int(m["mi"] or 0))
    if day is None or (every is Frequency.WEEK) != bool(m["wd"]) or (month is not None and every is Frequency.MONTH):
        return None
    if m["q"] and every is not Frequency.QUARTER:
        return None
    try:
        return Recurring(every=every, day=day, month=month, time=time, strict=m["lead"] == "trước")
    except ValueError:
        return None
