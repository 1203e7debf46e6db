"""The deadline models: five kinds of time limit, named as in the annotated corpus.

============== ================================================ =====================
kind           example                                          model
============== ================================================ =====================
no_later_than  "chậm nhất vào ngày 25/4/2019", "đến hết ngày X" :class:`NoLaterThan`
before         "trước ngày 20/4/2015", "trước 0 giờ ngày X"     :class:`Before`
within         "trong tháng 8 năm 2025", "trong quý I/2019"     :class:`Within`
relative       "trong thời hạn 15 ngày làm việc kể từ …"        :class:`Relative`
from           "kể từ ngày 01/10/2013", "từ 0 giờ ngày X"       :class:`Starting`
============== ================================================ =====================
"""

from __future__ import annotations

from typing import Final, TypeAlias

import attrs

from vngovdirectives.dates.model import DurationUnit, Period, TimeOfDay, VnDate
from vngovdirectives.text.vocab import table

__all__ = [
    "Before",
    "Deadline",
    "DurationUnit",
    "NoLaterThan",
    "Relative",
    "Starting",
    "TemporalValue",
    "Within",
]

#: The words of each unit, as ``str()`` writes them.
_UNIT_WORDS: Final = {DurationUnit(unit): words for words, unit in table("duration_units").items()}


def _time_part(time: TimeOfDay | None) -> str:
    return "" if time is None else f"{time} "


@attrs.frozen(kw_only=True, slots=True)
class NoLaterThan:
    """Due on ``due`` at the latest, that day included ("chậm nhất vào ngày …", "đến hết ngày …")."""

    due: VnDate
    time: TimeOfDay | None = None

    @property
    def kind(self) -> str:
        """``"no_later_than"``."""
        return "no_later_than"

    def __str__(self) -> str:
        return f"chậm nhất vào {_time_part(self.time)}{self.due}"


@attrs.frozen(kw_only=True, slots=True)
class Before:
    """Due strictly before ``due`` (or before ``time`` on that day): "trước ngày …", "trước 0 giờ ngày …"."""

    due: VnDate
    time: TimeOfDay | None = None

    @property
    def kind(self) -> str:
        """``"before"``."""
        return "before"

    def __str__(self) -> str:
        return f"trước {_time_part(self.time)}{self.due}"


@attrs.frozen(kw_only=True, slots=True)
class Within:
    """To be done within a month, quarter, year or period: "trong tháng 8 năm 2025"."""

    span: VnDate | Period

    @property
    def kind(self) -> str:
        """``"within"``."""
        return "within"

    @property
    def due(self) -> VnDate:
        """The value whose last day ends the limit (the period's end for a period)."""
        return self.span.end if isinstance(self.span, Period) else self.span

    def __str__(self) -> str:
        return f"trong {self.span}"


@attrs.frozen(kw_only=True, slots=True)
class Relative:
    """``amount`` units counted from an event (``anchor``, as written; None when unstated)."""

    amount: int = attrs.field(validator=attrs.validators.ge(0))
    unit: DurationUnit
    anchor: str | None = None

    @property
    def kind(self) -> str:
        """``"relative"``."""
        return "relative"

    def __str__(self) -> str:
        text = f"trong thời hạn {self.amount} {_UNIT_WORDS[self.unit]}"
        return text if self.anchor is None else f"{text} kể từ {self.anchor}"


@attrs.frozen(kw_only=True, slots=True)
class Starting:
    """A start ("từ 0 giờ ngày …", "kể từ ngày …", effective-date clauses)."""

    start: VnDate
    time: TimeOfDay | None = None

    @property
    def kind(self) -> str:
        """``"from"``."""
        return "from"

    @property
    def due(self) -> VnDate:
        """The start day (named ``due`` like the other kinds for uniform access)."""
        return self.start

    def __str__(self) -> str:
        return f"kể từ {_time_part(self.time)}{self.start}"


Deadline: TypeAlias = NoLaterThan | Before | Within | Relative | Starting
#: Anything the temporal scanner reports: a date, a period or a deadline.
TemporalValue: TypeAlias = VnDate | Period | NoLaterThan | Before | Within | Relative | Starting
