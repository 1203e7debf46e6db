"""What the temporal walk reports: a :class:`Hit` of some :class:`HitKind`, in the normalised text."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from vngovdirectives.dates.model import TimeOfDay
    from vngovdirectives.deadlines.model import TemporalValue

__all__ = ["Hit", "HitKind"]


class HitKind(enum.Enum):
    """What a :class:`Hit` found."""

    DATE = "date"
    PERIOD = "period"
    DEADLINE = "deadline"


class Hit(NamedTuple):
    """One finding: ``text[start:end]`` is a ``kind`` whose parsed value is ``value``.

    ``time`` is the clock time written with a date ("0 giờ ngày 01/4/2019"); ``parts`` are the
    spans of the dates inside a period or deadline. (A named tuple: thousands are made per page.)
    """

    start: int
    end: int
    kind: HitKind
    value: TemporalValue
    time: TimeOfDay | None = None
    parts: tuple[tuple[int, int], ...] = ()
