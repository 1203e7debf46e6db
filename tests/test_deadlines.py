"""Deadline phrases, their resolution to a last day, and their serialisation."""

from __future__ import annotations

import datetime as dt

import pytest

from vngovdirectives.dates import Period, TimeOfDay, VnDate, parse_date
from vngovdirectives.deadlines import (
    Before,
    Deadline,
    DurationUnit,
    NoLaterThan,
    Relative,
    Starting,
    Within,
    complete_deadline,
    parse_deadline,
    resolve_deadline,
)
from vngovdirectives.deadlines.workdays import WorkingCalendar
from vngovdirectives.errors import DateError, DeadlineError
from vngovdirectives.serde import make_converter

D = dt.date


@pytest.mark.parametrize(
    ("text", "kind", "due"),
    [
        ("chậm nhất vào ngày 25/4/2019", "no_later_than", "2019-04-25"),
        ("Chậm nhất là ngày 4 tháng 3 năm 2021", "no_later_than", "2021-03-04"),
        ("hạn chót: 30/6/2022", "no_later_than", "2022-06-30"),
        ("đến hết ngày 15/9", "no_later_than", "--09-15"),
        ("trước hoặc trong ngày 10/12/2023", "no_later_than", "2023-12-10"),
        ("trước ngày 20/4/2015", "before", "2015-04-20"),
        ("Trước ngày 05/4", "before", "--04-05"),
        ("trước 0 giờ ngày 01/4/2019", "before", "2019-04-01"),
        ("trong tháng 8 năm 2025", "within", "2025-08"),
        ("hoàn thành trong quý I/2019", "within", "2019-Q1"),
        ("trong năm 2019", "within", "2019"),
        ("hết năm 2019", "within", "2019"),
        ("từ 0 giờ ngày 23 tháng 9 năm 2021", "from", "2021-09-23"),
        ("kể từ ngày 05/11/2019", "from", "2019-11-05"),
        ("có hiệu lực thi hành kể từ ngày 01 tháng 10 năm 2013", "effective", "2013-10-01"),
        ("Ngày có hiệu lực : 20/06/2014", "effective", "2014-06-20"),
        ("được áp dụng kể từ ngày 1/7/2025", "effective", "2025-07-01"),
    ],
)
def test_dated_kinds(text: str, kind: str, due: str) -> None:
    d = parse_deadline(text)
    assert d.kind == kind
    assert not isinstance(d, Relative)
    assert d.due.iso() == due


def test_times_are_kept() -> None:
    d = parse_deadline("trước 0 giờ ngày 01/4/2019")
    assert isinstance(d, Before)
    assert d.time == TimeOfDay(hour=0, minute=0)
    s = parse_deadline("kể từ 0h00 ngày 06/9/2021")
    assert isinstance(s, Starting)
    assert s.time == TimeOfDay(hour=0)


@pytest.mark.parametrize(
    ("text", "amount", "unit", "anchor"),
    [
        ("trong thời hạn 15 ngày làm việc kể từ ngày nhận được hồ sơ", 15, "working_day", "ngày nhận được hồ sơ"),
        (
            "Trong thời hạn 05 ngày làm việc, kể từ ngày nhận được hồ sơ hợp lệ",
            5,
            "working_day",
            "ngày nhận được hồ sơ hợp lệ",
        ),
        ("sau 10 ngày kể từ ngày ký", 10, "day", "ngày ký"),
        ("sau 10 (mười) ngày kể từ ngày ký ban hành", 10, "day", "ngày ký ban hành"),
        ("không quá 10 ngày làm việc", 10, "working_day", None),
        ("trong vòng 15 ngày", 15, "day", None),
        ("Năm ngày làm việc", 5, "working_day", None),
        ("trong vòng 24 giờ", 24, "hour", None),
        ("trong thời hạn 03 tháng kể từ ngày được giao đất", 3, "month", "ngày được giao đất"),
    ],
)
def test_relative(text: str, amount: int, unit: str, anchor: str | None) -> None:
    d = parse_deadline(text)
    assert isinstance(d, Relative)
    assert (d.amount, d.unit.value, d.anchor) == (amount, unit, anchor)


@pytest.mark.parametrize("text", ["", "chậm nhất", "trước ngày mai", "trong thời gian tới", "hôm nay", "x" * 301])
def test_not_deadlines(text: str) -> None:
    with pytest.raises(DateError):
        parse_deadline(text)


# --------------------------------------------------------------------------- resolution


@pytest.mark.parametrize(
    ("text", "last"),
    [
        ("chậm nhất vào ngày 25/4/2019", D(2019, 4, 25)),
        ("trước ngày 20/4/2015", D(2015, 4, 19)),
        ("trước 0 giờ ngày 01/4/2019", D(2019, 3, 31)),
        ("trong tháng 02 năm 2024", D(2024, 2, 29)),
        ("hoàn thành trong quý I/2019", D(2019, 3, 31)),
        ("trong năm 2019", D(2019, 12, 31)),
        ("trong 6 tháng đầu năm 2020", D(2020, 6, 30)),
        ("kể từ ngày 05/11/2019", D(2019, 11, 5)),
    ],
)
def test_resolve_dated(text: str, last: dt.date) -> None:
    assert resolve_deadline(parse_deadline(text)) == last


def test_working_day_limit() -> None:
    d = parse_deadline("trong thời hạn 15 ngày làm việc kể từ ngày nhận được hồ sơ")
    assert resolve_deadline(d, start=D(2019, 3, 29)) == D(2019, 4, 22)


def test_calendar_day_limit_rolls_over_rest_days() -> None:
    # 27/1/2024 + 15 days = Monday 12/2/2024, inside the Tết break: the limit ends on 15/2.
    assert resolve_deadline(parse_deadline("trong vòng 15 ngày"), start=D(2024, 1, 27)) == D(2024, 2, 15)
    # 2/10/2023 + 10 days = Thursday 12/10/2023, a working day.
    assert resolve_deadline(parse_deadline("sau 10 ngày kể từ ngày ký"), start=D(2023, 10, 2)) == D(2023, 10, 12)


def test_month_and_year_limits_end_on_the_same_day_or_month_end() -> None:
    one_month = Relative(amount=1, unit=DurationUnit.MONTH)
    assert resolve_deadline(one_month, start=D(2023, 1, 31)) == D(2023, 2, 28)
    assert resolve_deadline(one_month, start=D(2023, 3, 15)) == D(2023, 4, 17)  # 15/4 is a Saturday
    assert resolve_deadline(Relative(amount=1, unit=DurationUnit.YEAR), start=D(2023, 6, 5)) == D(2024, 6, 5)
    assert resolve_deadline(Relative(amount=2, unit=DurationUnit.WEEK), start=D(2023, 6, 5)) == D(2023, 6, 19)
    assert resolve_deadline(Relative(amount=48, unit=DurationUnit.HOUR), start=D(2023, 6, 5)) == D(2023, 6, 6)


def test_custom_calendar_is_used() -> None:
    cal = WorkingCalendar(extra_holidays=frozenset({D(2023, 10, 12)}))
    d = Relative(amount=10, unit=DurationUnit.DAY)
    assert resolve_deadline(d, start=D(2023, 10, 2), calendar=cal) == D(2023, 10, 13)


def test_unresolvable() -> None:
    with pytest.raises(DeadlineError, match="start"):
        resolve_deadline(parse_deadline("trong vòng 15 ngày"))
    with pytest.raises(DeadlineError, match="no year"):
        resolve_deadline(parse_deadline("trước ngày 05/4"))


def test_complete_then_resolve() -> None:
    d = complete_deadline(parse_deadline("trước ngày 05/01"), D(2019, 12, 28))
    assert resolve_deadline(d) == D(2020, 1, 4)
    w = complete_deadline(parse_deadline("trong tháng 3"), D(2019, 4, 2))
    assert isinstance(w, Within)
    assert w.due == VnDate(year=2020, month=3)


# --------------------------------------------------------------------------- wording and serialisation

ALL: list[Deadline] = [
    NoLaterThan(due=parse_date("ngày 25/4/2019")),
    NoLaterThan(due=parse_date("ngày 25/4/2019"), time=TimeOfDay(hour=17)),
    Before(due=parse_date("ngày 01/4/2019"), time=TimeOfDay(hour=0)),
    Before(due=parse_date("ngày 05/4")),
    Within(span=parse_date("quý I/2019")),
    Within(span=Period(start=VnDate(year=2016), end=VnDate(year=2020))),
    Relative(amount=15, unit=DurationUnit.WORKING_DAY, anchor="ngày nhận được hồ sơ"),
    Relative(amount=30, unit=DurationUnit.DAY),
    Starting(start=parse_date("ngày 06/9/2021"), time=TimeOfDay(hour=0)),
]


@pytest.mark.parametrize("deadline", ALL, ids=str)
def test_wording_round_trips(deadline: Deadline) -> None:
    assert parse_deadline(str(deadline)) == deadline


@pytest.mark.parametrize("deadline", ALL, ids=str)
def test_json_round_trip(deadline: Deadline) -> None:
    conv = make_converter()
    data = conv.unstructure(deadline, Deadline)
    assert data["kind"] == deadline.kind
    text = conv.dumps(deadline, Deadline)
    assert conv.loads(text, Deadline) == deadline  # type: ignore[arg-type]
    assert conv.structure(data, Deadline) == deadline  # type: ignore[arg-type]


def test_json_round_trip_of_dates_and_periods() -> None:
    conv = make_converter()
    for value in (parse_date("ngày 29/3"), parse_date("mồng 5 tháng Giêng năm Giáp Thìn"), TimeOfDay(hour=8)):
        assert conv.structure(conv.unstructure(value), type(value)) == value
    p = Period(start=VnDate(year=2019, month=1), end=VnDate(year=2019, month=6))
    assert conv.loads(conv.dumps(p), Period) == p


def test_deadlines_are_completed_by_complete_deadline_not_by_complete() -> None:
    from vngovdirectives.dates import complete

    d = complete_deadline(parse_deadline("trước ngày 05/01"), D(2019, 12, 28))
    assert isinstance(d, Before)
    assert d.due == VnDate(year=2020, month=1, day=5)
    relative = parse_deadline("trong vòng 15 ngày")
    assert complete_deadline(relative, D(2019, 12, 28)) == relative
    with pytest.raises(TypeError, match="complete_deadline"):
        complete(parse_deadline("trước ngày 05/01"), D(2019, 12, 28))  # type: ignore[call-overload]
