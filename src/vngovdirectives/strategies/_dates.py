"""Hypothesis strategies for dates, periods and deadlines (see :mod:`vngovdirectives.strategies`)."""

from __future__ import annotations

import datetime
import unicodedata

from hypothesis import strategies as st

from vngovdirectives.dates import Period, Precision, TimeOfDay, VnDate
from vngovdirectives.deadlines import (
    Before,
    Deadline,
    DurationUnit,
    Effective,
    Frequency,
    NoLaterThan,
    Recurring,
    Relative,
    Starting,
    Within,
)

__all__ = ["date_texts", "dates", "deadline_texts", "deadlines", "effective_dates", "periods", "recurring", "times"]

_MIN = datetime.date(1945, 1, 1)
_MAX = datetime.date(2099, 12, 31)
_DASHES = ("-", "\u2013", "\u2212")
_ANCHORS = ("ngày nhận được hồ sơ", "ngày ký", "ngày nhận được hồ sơ hợp lệ", "ngày có quyết định giao đất")
_EFFECT_ANCHORS = ("ngày ký", "ngày ký ban hành", "ngày đăng Công báo")


def times() -> st.SearchStrategy[TimeOfDay]:
    """Clock times on the minute."""
    return st.builds(TimeOfDay, hour=st.integers(0, 23), minute=st.integers(0, 59))


@st.composite
def _lunar(draw: st.DrawFn) -> VnDate:
    import lunar_vn

    solar = draw(st.dates(datetime.date(1901, 3, 1), datetime.date(2099, 12, 31)))
    lunar = lunar_vn.solar_to_lunar(solar)
    keep_year = draw(st.booleans())
    return VnDate(
        year=lunar.year if keep_year else None,
        month=lunar.month,
        day=lunar.day,
        lunar=True,
        leap=bool(lunar.leap) and keep_year,
    )


@st.composite
def dates(draw: st.DrawFn, *, lunar: bool = True, yearless: bool = True) -> VnDate:
    """Every shape of :class:`VnDate`: days, months, quarters, half-years, years; year-less and lunar ones."""
    day = draw(st.dates(_MIN, _MAX))
    shape = draw(st.sampled_from(list(Precision)))
    year: int | None = day.year
    if yearless and shape is not Precision.YEAR and draw(st.integers(0, 4)) == 0:
        year = None
    if lunar and draw(st.integers(0, 9)) == 0:
        return draw(_lunar())
    if shape is Precision.DAY:
        return VnDate(year=year, month=day.month, day=day.day)
    if shape is Precision.MONTH:
        return VnDate(year=year, month=day.month)
    if shape is Precision.QUARTER:
        return VnDate(year=year, quarter=(day.month + 2) // 3)
    if shape is Precision.HALF:
        return VnDate(year=year, half=1 if day.month <= 6 else 2)
    return VnDate(year=day.year)


@st.composite
def periods(draw: st.DrawFn) -> Period:
    """Year ranges ("giai đoạn 2016 - 2020"), day ranges and month ranges."""
    kind = draw(st.sampled_from(("years", "days", "months")))
    if kind == "years":
        a = draw(st.integers(1950, 2090))
        return Period(start=VnDate(year=a), end=VnDate(year=draw(st.integers(a + 1, a + 10))))
    first = draw(st.dates(_MIN, _MAX - datetime.timedelta(days=400)))
    last = first + datetime.timedelta(days=draw(st.integers(0, 120)))
    if kind == "months":
        return Period(start=VnDate(year=first.year, month=first.month), end=VnDate(year=last.year, month=last.month))
    return Period(start=VnDate.of(first), end=VnDate.of(last))


def _solar_dates() -> st.SearchStrategy[VnDate]:
    return dates(lunar=False)


def deadlines() -> st.SearchStrategy[Deadline]:
    """Every deadline variant."""
    days = st.dates(_MIN, _MAX).map(VnDate.of)
    return st.one_of(
        st.builds(NoLaterThan, due=_solar_dates()),
        st.builds(NoLaterThan, due=days, time=times()),
        st.builds(Before, due=days, time=st.none() | times()),
        st.builds(Within, span=_solar_dates().filter(lambda d: d.precision is not Precision.DAY) | periods()),
        st.builds(
            Relative,
            amount=st.integers(1, 120),
            unit=st.sampled_from(list(DurationUnit)),
            anchor=st.none() | st.sampled_from(_ANCHORS),
        ),
        st.builds(Starting, start=days, time=st.none() | times()),
        effective_dates(),
        recurring(),
    )


def effective_dates() -> st.SearchStrategy[Effective]:
    """When a document takes effect: on a day, from an event, or some days or months after it."""
    days = st.dates(_MIN, _MAX).map(VnDate.of)
    return st.one_of(
        st.builds(Effective, due=days, time=st.none() | times()),
        st.builds(Effective, anchor=st.sampled_from(_EFFECT_ANCHORS)),
        st.builds(
            Effective,
            amount=st.integers(1, 90),
            unit=st.sampled_from((DurationUnit.DAY, DurationUnit.MONTH)),
            anchor=st.sampled_from(_EFFECT_ANCHORS),
        ),
    )


@st.composite
def recurring(draw: st.DrawFn) -> Recurring:
    """Deadlines that come back every week, month, quarter or year."""
    every = draw(st.sampled_from(Frequency))
    if every is Frequency.WEEK:
        day, month = draw(st.integers(1, 7)), None
    elif every is Frequency.MONTH:
        day, month = draw(st.integers(1, 31)), None
    elif every is Frequency.QUARTER:
        day, month = draw(st.integers(1, 31)), draw(st.none() | st.integers(1, 3))
    else:
        month = draw(st.integers(1, 12))
        day = draw(st.integers(1, [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]))
    time = draw(st.none() | times())
    return Recurring(every=every, day=day, month=month, time=time, strict=draw(st.booleans()))


def _pad(n: int, pad: bool) -> str:
    return f"{n:02d}" if pad else str(n)


@st.composite
def _messy_day_text(draw: st.DrawFn, value: VnDate) -> str:
    """A hand-typed variant of a solar day: numeric separators, no padding, a worded or mixed form."""
    assert value.month is not None
    assert value.day is not None
    pad = draw(st.booleans())
    d, m = _pad(value.day, pad), _pad(value.month, pad)
    sep = draw(st.sampled_from("/-."))
    lead = draw(st.sampled_from(("", "ngày ", "Ngày ", "ngày  ")))
    if value.year is None:
        if sep == "." or not lead:  # "1.9" and a bare "29/3" are only dates after "ngày"
            lead = "ngày "
        return draw(st.sampled_from((f"{lead}{d}{sep}{m}", f"ngày {d} tháng {m}")))
    y = value.year
    return draw(
        st.sampled_from(
            (
                f"{lead}{d}{sep}{m}{sep}{y}",
                f"ngày {d} tháng {m} năm {y}",
                f"Ngày {d} tháng {m}/{y}",
                f"ngày {d}/{m} năm {y}",
            )
        )
    )


@st.composite
def date_texts(draw: st.DrawFn, *, messy: bool = True) -> tuple[str, VnDate]:
    """Pairs ``(text, value)`` where ``parse_date(text) == value``.

    With ``messy`` the text may be a hand-typed variant: unpadded, "-" or "." separators,
    "tháng 3/2019", "Quý 3-2018", extra spaces, upper case, decomposed (NFD) Vietnamese.
    """
    value = draw(dates())
    text = str(value)
    if not messy:
        return text, value
    p = value.precision
    if not value.lunar:
        if p is Precision.DAY:
            text = draw(st.sampled_from((text, draw(_messy_day_text(value)))))
        elif p is Precision.MONTH and value.year is not None:
            assert value.month is not None
            text = draw(
                st.sampled_from((text, f"tháng {value.month}/{value.year}", f"Tháng {value.month}, {value.year}"))
            )
        elif p is Precision.QUARTER and value.year is not None:
            sep = draw(st.sampled_from("/-"))
            text = draw(
                st.sampled_from(
                    (text, f"quý {value.quarter}{sep}{value.year}", f"Quý {value.quarter} năm {value.year}")
                )
            )
        elif p is Precision.YEAR:
            text = draw(st.sampled_from((text, f"NĂM {value.year}", f"đến năm {value.year}")))
    return draw(_smudge(text)), value


@st.composite
def _smudge(draw: st.DrawFn, text: str) -> str:
    """Typing and extraction noise that must not change the value: spacing, NBSP, NFD, padding."""
    if draw(st.booleans()):
        text = text.replace(" ", draw(st.sampled_from(("  ", " ", "\n", "\u00a0"))), 1)
    if draw(st.booleans()):
        text = unicodedata.normalize("NFD", text)
    if draw(st.integers(0, 3)) == 0:
        text = f" {text} "
    return text


@st.composite
def period_texts(draw: st.DrawFn) -> tuple[str, Period]:
    """Pairs ``(text, period)`` with right-end-only years, en dashes and odd spacing."""
    value = draw(periods())
    text = str(value)
    s, e = value.start, value.end
    if s.precision is Precision.YEAR:
        dash = draw(st.sampled_from(_DASHES))
        word = draw(st.sampled_from(("giai đoạn", "nhiệm kỳ", "năm học", "GIAI ĐOẠN")))
        text = draw(st.sampled_from((text, f"{word} {s.year}{dash}{e.year}", f"{word} {s.year} {dash} {e.year}")))
    elif s.precision is Precision.DAY and s.year == e.year:
        assert s.day is not None
        assert e.day is not None
        dash = draw(st.sampled_from(_DASHES))
        text = draw(
            st.sampled_from(
                (
                    text,
                    f"từ ngày {s.day}/{s.month}{dash} {e.day}/{e.month}/{e.year}",
                    f"{s.day}/{s.month} {dash} {e.day}/{e.month}/{e.year}",
                    f"từ ngày {s.day}/{s.month} đến hết ngày {e.day}/{e.month} năm {e.year}",
                )
            )
        )
    return draw(_smudge(text)), value


def deadline_texts() -> st.SearchStrategy[tuple[str, Deadline]]:
    """Pairs ``(text, deadline)`` in the official wording and in common variants."""

    @st.composite
    def build(draw: st.DrawFn) -> tuple[str, Deadline]:
        value = draw(deadlines())
        text = str(value)
        if isinstance(value, NoLaterThan) and value.time is None:
            lead = draw(st.sampled_from(("chậm nhất là", "Chậm nhất vào", "hạn chót", "đến hết", "trước hoặc trong")))
            text = text.replace("chậm nhất vào", lead, 1)
        elif isinstance(value, Relative):
            lead = draw(st.sampled_from(("Trong thời hạn", "trong vòng", "không quá", "tối đa")))
            text = text.replace("trong thời hạn", lead, 1)
            if value.anchor is not None and draw(st.booleans()):
                text = text.replace(" kể từ", ", kể từ", 1)
        elif isinstance(value, Starting) and draw(st.booleans()):
            text = text.replace("kể từ", "từ", 1)
        return draw(_smudge(text)), value

    return build()
