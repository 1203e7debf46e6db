"""Dates, partial dates, times of day and periods as Vietnamese government texts write them.

A :class:`VnDate` keeps the precision the text gave (a day, a month, a quarter, a half-year or
a year) and never invents a missing part: "ngày 29/3" stays year-less until :func:`complete`
gives it the year of the document it comes from.

>>> d = parse_date("ngày 29/3/2019")
>>> d.iso(), str(d)
('2019-03-29', 'ngày 29 tháng 3 năm 2019')
>>> parse_date("quý I/2019").last_day()
datetime.date(2019, 3, 31)
>>> str(parse_period("25-31/3/2019"))
'từ ngày 25 tháng 3 năm 2019 đến ngày 31 tháng 3 năm 2019'
>>> complete(parse_date("ngày 29/3"), datetime.date(2019, 4, 2)).iso()
'2019-03-29'

The package has one module per step: :mod:`~vngovdirectives.dates.model` (the values),
:mod:`~vngovdirectives.dates.parse` (one expression), :mod:`~vngovdirectives.dates.complete`
(the year from the document's date), :mod:`~vngovdirectives.dates.scan` (candidates in running
text) and :mod:`~vngovdirectives.dates.stated` (the dates a document states for itself).
"""

from __future__ import annotations

import datetime  # noqa: F401 - the doctests above use it

from vngovdirectives.dates.complete import complete
from vngovdirectives.dates.model import DurationUnit, Period, Precision, TimeOfDay, VnDate, format_date
from vngovdirectives.dates.parse import parse_date, parse_period, parse_time

__all__ = [
    "DurationUnit",
    "Period",
    "Precision",
    "TimeOfDay",
    "VnDate",
    "complete",
    "format_date",
    "parse_date",
    "parse_period",
    "parse_time",
]
