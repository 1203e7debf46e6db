"""The deadline models: five kinds of time limit, named as in the annotated corpus.

============== ================================================ =====================
kind           example                                          model
============== ================================================ =====================
no_later_than  "chậm nhất vào ngày 25/4/2019", "đến hết ngày X" :class:`NoLaterThan`
before         "trước ngày 20/4/2015", "trước 0 giờ ngày X"     :class:`Before`
within         "trong tháng 8 năm 2025", "trong quý I/2019"     :class:`Within`
relative       "trong thời hạn 15 ngày làm việc kể từ …"        :class:`Relative`
from           "kể từ ngày 01/10/2013", "từ 0 giờ ngày X"       :class:`Starting`
effective      "có hiệu lực kể từ ngày 05/11/2019", "… ngày ký" :class:`Effective`
recurring      "trước ngày 20 hằng tháng"                       :class:`Recurring`
============== ================================================ =====================
"""

from __future__ import annotations

import enum
from typing import Final, TypeAlias

import attrs

from vngovdirectives.dates.model import DurationUnit, Period, TimeOfDay, VnDate
from vngovdirectives.text.vocab import table

__all__ = [
    "Before",
    "Deadline",
    "DurationUnit",
    "Effective",
    "Frequency",
    "NoLaterThan",
    "Recurring",
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
    """A start ("từ 0 giờ ngày …", "kể từ ngày …")."""

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


@attrs.frozen(kw_only=True, slots=True)
class Effective:
    """When a document takes effect: on a day ("có hiệu lực thi hành kể từ ngày 05/11/2019",
    "Ngày có hiệu lực: 26-02-2006"), from an event ("có hiệu lực kể từ ngày ký": ``anchor``), or
    some time after it ("có hiệu lực sau 10 ngày kể từ ngày ký": ``amount``, ``unit``, ``anchor``).

    Not a time limit for doing anything: an effective date is its own kind, and an expiry ("Ngày
    hết hiệu lực: …") is neither.

    >>> str(Effective(anchor="ngày ký")), str(Effective(amount=10, unit=DurationUnit.DAY, anchor="ngày ký"))
    ('có hiệu lực kể từ ngày ký', 'có hiệu lực sau 10 ngày kể từ ngày ký')
    """

    due: VnDate | None = None
    time: TimeOfDay | None = None
    amount: int | None = attrs.field(default=None, validator=attrs.validators.optional(attrs.validators.ge(0)))
    unit: DurationUnit | None = None
    anchor: str | None = None

    def __attrs_post_init__(self) -> None:
        if (self.amount is None) != (self.unit is None):
            raise ValueError("an amount of time needs both its amount and its unit")
        if self.due is not None and (self.amount is not None or self.anchor is not None):
            raise ValueError("an effective date is a day, or an event (with an amount of time after it), not both")
        if self.due is None and self.anchor is None and self.amount is None:
            raise ValueError("an effective date needs a day, an event or an amount of time")

    @property
    def kind(self) -> str:
        """``"effective"``."""
        return "effective"

    def __str__(self) -> str:
        if self.due is not None:
            return f"có hiệu lực kể từ {_time_part(self.time)}{self.due}"
        after = "" if self.amount is None or self.unit is None else f" sau {self.amount} {_UNIT_WORDS[self.unit]}"
        return f"có hiệu lực{after}" + ("" if self.anchor is None else f" kể từ {self.anchor}")


class Frequency(enum.Enum):
    """How often a recurring deadline comes back."""

    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


@attrs.frozen(kw_only=True, slots=True)
class Recurring:
    """A deadline that comes back every week, month, quarter or year: "định kỳ hằng tháng, trước
    ngày 20", "hằng quý, trước ngày 15 của tháng cuối quý", "trước ngày 15/12 hằng năm".

    ``day`` is the day of the month (of the week for a weekly one: 1 = thứ Hai … 7 = Chủ nhật);
    ``month`` the month within the period when the text names one (12 for "15/12 hằng năm", 3 for
    "tháng cuối quý"); ``strict`` marks "trước ngày …" (the day itself is too late).
    :func:`vngovdirectives.deadlines.next_due` gives the next last day on the working-day calendar.

    >>> str(Recurring(every=Frequency.YEAR, day=15, month=12, strict=True))
    'trước ngày 15 tháng 12 hằng năm'
    """

    every: Frequency
    day: int
    month: int | None = None
    time: TimeOfDay | None = None
    strict: bool = False

    def __attrs_post_init__(self) -> None:
        max_day, max_month = _LIMITS[self.every]
        if not 1 <= self.day <= max_day:
            raise ValueError(f"day {self.day} is out of 1..{max_day} for a deadline every {self.every.value}")
        if self.month is not None and not 1 <= self.month <= max_month:
            raise ValueError(f"month {self.month} does not fit a deadline every {self.every.value}")

    @property
    def kind(self) -> str:
        """``"recurring"``."""
        return "recurring"

    def __str__(self) -> str:
        lead = "trước" if self.strict else "chậm nhất vào"
        every = f"hằng {_FREQUENCY_WORDS[self.every]}"
        if self.every is Frequency.WEEK:
            return f"{lead} {_time_part(self.time)}{_WEEKDAYS[self.day]} {every}"
        return f"{lead} {_time_part(self.time)}ngày {self.day}{self._month_words()} {every}"

    def _month_words(self) -> str:
        if self.month is None:
            return ""
        if self.every is Frequency.YEAR:
            return f" tháng {self.month}"
        return {1: " của tháng đầu quý", 3: " của tháng cuối quý"}.get(self.month, " của tháng thứ 2 của quý")


#: The largest day and month (within the period) of each frequency; 0: the period names no month.
_LIMITS: Final = {
    Frequency.WEEK: (7, 0),
    Frequency.MONTH: (31, 0),
    Frequency.QUARTER: (31, 3),
    Frequency.YEAR: (31, 12),
}
#: How ``str()`` names each frequency and weekday: the first word the vocabulary lists for it.
_FREQUENCY_WORDS: Final = {Frequency(value): word for word, value in reversed(table("frequencies").items())}
_WEEKDAYS: Final = {int(value): word for word, value in reversed(table("weekdays").items())}

Deadline: TypeAlias = NoLaterThan | Before | Within | Relative | Starting | Effective | Recurring
#: Anything the temporal scanner reports: a date, a period or a deadline.
TemporalValue: TypeAlias = VnDate | Period | NoLaterThan | Before | Within | Relative | Starting | Effective | Recurring
