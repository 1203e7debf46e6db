"""Properties of the date, period and deadline parsers, driven by the library's strategies."""

from __future__ import annotations

import contextlib
import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from vngovdirectives.dates import Period, Precision, TimeOfDay, VnDate, complete, parse_date, parse_period, parse_time
from vngovdirectives.deadlines import Deadline, parse_deadline
from vngovdirectives.errors import DateError
from vngovdirectives.finding.hit import HitKind
from vngovdirectives.finding.temporal import scan_temporal as scan
from vngovdirectives.serde import make_converter
from vngovdirectives.strategies._dates import (
    date_texts,
    dates,
    deadline_texts,
    deadlines,
    period_texts,
    periods,
    times,
)
from vngovdirectives.text.normalize import normalize


@given(dates())
def test_date_wording_round_trips(value: VnDate) -> None:
    assert parse_date(str(value)) == value


@given(date_texts(messy=True))
def test_messy_date_texts(pair: tuple[str, VnDate]) -> None:
    text, value = pair
    assert parse_date(text) == value


@given(periods())
def test_period_wording_round_trips(value: Period) -> None:
    assert parse_period(str(value)) == value


@given(period_texts())
def test_messy_period_texts(pair: tuple[str, Period]) -> None:
    text, value = pair
    assert parse_period(text) == value


@given(times())
def test_time_round_trips(value: TimeOfDay) -> None:
    assert parse_time(str(value)) == value


@given(deadlines())
def test_deadline_wording_round_trips(value: Deadline) -> None:
    assert parse_deadline(str(value)) == value


@given(deadline_texts())
def test_messy_deadline_texts(pair: tuple[str, Deadline]) -> None:
    text, value = pair
    assert parse_deadline(text) == value


@given(st.text(max_size=60))
def test_parsers_raise_only_date_error(text: str) -> None:
    for parse in (parse_date, parse_period, parse_time, parse_deadline):
        with contextlib.suppress(DateError):
            parse(text)


@given(st.text(alphabet="0123456789/.-– ngàyháquýnămgiđoạtrước,:", max_size=80))
def test_scan_never_raises_and_spans_are_ordered(text: str) -> None:
    hits = scan(text)
    for h in hits:
        assert 0 <= h.start < h.end <= len(text)
    assert [h.start for h in hits] == sorted(h.start for h in hits)


@given(dates(lunar=False, yearless=False).filter(lambda d: d.precision is Precision.DAY))
def test_scan_finds_a_written_date(value: VnDate) -> None:
    text = f"Căn cứ Quyết định số 12/QĐ-UBND {value} của Ủy ban nhân dân tỉnh."
    found = [h.value for h in scan(normalize(text).text) if h.kind is HitKind.DATE]
    assert found == [value]


@given(dates(lunar=False), st.dates(dt.date(1950, 1, 1), dt.date(2090, 12, 31)))
def test_completion_is_close_to_context(value: VnDate, context: dt.date) -> None:
    done = complete(value, context)
    assert isinstance(done, VnDate)
    assert done.has_year
    if not value.has_year:
        gap = min(abs((done.first_day() - context).days), abs((done.last_day() - context).days))
        inside = done.first_day() <= context <= done.last_day()
        assert inside or gap <= 366


@given(dates(lunar=False, yearless=False).filter(lambda d: d.precision is not Precision.DAY) | periods())
def test_json_round_trip(value: VnDate | Period) -> None:
    conv = make_converter()
    assert conv.structure(conv.unstructure(value), type(value)) == value


@given(deadlines())
def test_deadline_json_round_trip(value: Deadline) -> None:
    conv = make_converter()
    assert conv.loads(conv.dumps(value, Deadline), Deadline) == value  # type: ignore[arg-type]
