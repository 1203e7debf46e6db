"""Deadlines ("thời hạn") as Vietnamese directives state them, and the last day they allow.

Five kinds, named as in the annotated corpus (:mod:`~vngovdirectives.deadlines.model`):
``no_later_than`` ("chậm nhất vào ngày 25/4/2019"), ``before`` ("trước 0 giờ ngày 01/4/2019"),
``within`` ("trong quý I/2019"), ``relative`` ("trong thời hạn 15 ngày làm việc kể từ …") and
``from`` ("kể từ ngày 01/10/2013"); a document's effective date is its own kind, ``effective``
("có hiệu lực kể từ ngày 05/11/2019"), and so is a ``recurring`` deadline ("trước ngày 20 hằng
tháng"). The last day is counted on the public-service calendar
(:mod:`~vngovdirectives.deadlines.workdays`) under the Civil Code's rules.

>>> d = parse_deadline("chậm nhất vào ngày 25/4/2019")
>>> d.kind, resolve_deadline(d)
('no_later_than', datetime.date(2019, 4, 25))
>>> r = parse_deadline("trong thời hạn 15 ngày làm việc kể từ ngày nhận được hồ sơ")
>>> r.amount, r.unit.value, r.anchor
(15, 'working_day', 'ngày nhận được hồ sơ')
>>> resolve_deadline(r, start=datetime.date(2019, 3, 29))
datetime.date(2019, 4, 22)
"""

from __future__ import annotations

import datetime  # noqa: F401 - the doctests above use it

from vngovdirectives.deadlines.model import (
    Before,
    Deadline,
    DurationUnit,
    Effective,
    Frequency,
    NoLaterThan,
    Recurring,
    Relative,
    Starting,
    TemporalValue,
    Within,
)
from vngovdirectives.deadlines.parse import parse_deadline
from vngovdirectives.deadlines.resolve import LastMoment, complete_deadline, last_moment, next_due, resolve_deadline

__all__ = [
    "Before",
    "Deadline",
    "DurationUnit",
    "Effective",
    "Frequency",
    "LastMoment",
    "NoLaterThan",
    "Recurring",
    "Relative",
    "Starting",
    "TemporalValue",
    "Within",
    "complete_deadline",
    "last_moment",
    "next_due",
    "parse_deadline",
    "resolve_deadline",
]
