"""The document's own date, found in one place: what completes its year-less dates.

>>> detect_context_date("UBND TỈNH LẠNG SƠN\\nLạng Sơn, ngày 13 tháng 01 năm 2020\\nKẾ HOẠCH")
datetime.date(2020, 1, 13)
"""

from __future__ import annotations

import datetime
import re
from typing import Final

from vngovdirectives.dates.model import Period, Precision, VnDate
from vngovdirectives.dates.stated import date_lines, first_line_year, news_dates, stamp_date
from vngovdirectives.errors import expect_type
from vngovdirectives.finding.temporal import scan_temporal
from vngovdirectives.text.normalize import lowered
from vngovdirectives.text.patterns import S0, S

__all__ = ["detect_context", "detect_context_date"]

#: Where a document states its own date: near its top.
_CONTEXT_REACH: Final = 20000
_WEEK_RANGE: Final = re.compile(rf"\({S0}(?:từ{S})?ngày{S}[^()\n]{{3,40}}\)")


def detect_context_date(text: str, *, title_year: bool = True) -> datetime.date | None:
    """The document's own date, for completing year-less values.

    In order: a date line ("Lạng Sơn, ngày 13 tháng 01 năm 2020"), a news date ("Cập nhật lúc:
    11:02 02/01/2021", "Đăng ngày: 22-11-2019"), a page stamp near the top ("Thứ sáu 18/9/2020",
    "08:57 - 07/10/2024", a title ending "(01/07/2010)"), the end of a bulletin's week
    "(từ ngày 25/3- 31/3/2019)". Failing these, and with ``title_year``, a first line naming
    its year ("Lịch tiếp công dân năm 2025") gives 1 July of that year (:func:`detect_context`
    keeps it as the year alone, which is what the finders complete with). None otherwise.
    """
    expect_type(text, str, "detect_context_date")
    found = detect_context(lowered(text[:_CONTEXT_REACH]))
    if found is None or (found.precision is not Precision.DAY and not title_year):
        return None
    return found.first_day() if found.precision is Precision.DAY else datetime.date(found.first_day().year, 7, 1)


def detect_context(low: str) -> VnDate | None:
    """The document's own date in the lower-cased text ``low``: a day, or only a year when a first
    line names one and nothing else dates the document (:func:`detect_context_date`)."""
    low = low[:_CONTEXT_REACH]
    line = next(date_lines(low, 0, len(low)), None)
    if line is not None:
        return VnDate.of(line.value)
    news = next(news_dates(low, 0, len(low)), None)
    if news is not None:
        return VnDate.of(news[1])
    stamp = stamp_date(low)
    if stamp is not None:
        return VnDate.of(stamp)
    m = _WEEK_RANGE.search(low)
    if m is not None:
        for h in scan_temporal(low[m.start() : m.end()]):
            if isinstance(h.value, Period) and h.value.end.has_year:
                return VnDate.of(h.value.last_day())
    year = first_line_year(low)
    return VnDate(year=year) if year is not None else None
