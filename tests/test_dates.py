"""Dates, partial dates, times: parsing, formatting, completion."""

from __future__ import annotations

import contextlib
import datetime as dt
import time

import pytest

from vngovdirectives.dates import (
    Period,
    Precision,
    TimeOfDay,
    VnDate,
    complete,
    format_date,
    parse_date,
    parse_time,
)
from vngovdirectives.errors import DateError

D = dt.date


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("29/3/2019", "2019-03-29"),
        ("ngày 15-5-2016", "2016-05-15"),
        ("8.2.2024", "2024-02-08"),
        ("ngày 29 tháng 3 năm 2019", "2019-03-29"),
        ("ngày 05 tháng 02 năm 2020", "2020-02-05"),
        ("Ngày 7 tháng 12/2021", "2021-12-07"),
        ("ngày\n30 tháng 6 năm 2016", "2016-06-30"),
        ("ngày 16/8 năm 2021", "2021-08-16"),
        ("tháng 3/2019", "2019-03"),
        ("Tháng 11 năm 2022", "2022-11"),
        ("Tháng 6, 2019", "2019-06"),
        ("tháng Tám năm 1945", "1945-08"),
        ("ngày 15 tháng Ba năm 2020", "2020-03-15"),
        ("Tháng Mười Hai năm 2023", "2023-12"),
        ("năm 2019", "2019"),
        ("NĂM\n2015", "2015"),
        ("2018", "2018"),
        ("quý I/2019", "2019-Q1"),
        ("quý IV năm 2023", "2023-Q4"),
        ("Quý 3-2018", "2018-Q3"),
        ("quý 2/2019", "2019-Q2"),
        ("6 tháng đầu năm 2019", "2019-H1"),
        ("6 tháng cuối năm 2010", "2010-H2"),
        ("ngày 29/3", "--03-29"),
        ("ngày 15-10", "--10-15"),
        ("ngày 1.9", "--09-01"),
        ("tháng 7", "--07"),
        ("quý II", "--Q2"),
        ("đến năm 2025", "2025"),
        ("tầm nhìn đến năm 2045", "2045"),
        ("định hướng đến năm 2030", "2030"),
    ],
)
def test_solar_forms(text: str, iso: str) -> None:
    assert parse_date(text).iso() == iso


def test_precision_and_bounds() -> None:
    q = parse_date("quý III/2020")
    assert q.precision is Precision.QUARTER
    assert (q.first_day(), q.last_day()) == (D(2020, 7, 1), D(2020, 9, 30))
    feb = parse_date("tháng 02 năm 2024")
    assert (feb.first_day(), feb.last_day()) == (D(2024, 2, 1), D(2024, 2, 29))
    h2 = parse_date("6 tháng cuối năm 2021")
    assert (h2.first_day(), h2.last_day()) == (D(2021, 7, 1), D(2021, 12, 31))
    y = parse_date("năm 2019")
    assert (y.first_day(), y.last_day()) == (D(2019, 1, 1), D(2019, 12, 31))


def test_missing_parts_are_not_invented() -> None:
    d = parse_date("ngày 12/9")
    assert d.year is None
    assert d.precision is Precision.DAY
    with pytest.raises(DateError, match="no year"):
        d.first_day()


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("31/2/2019", "31/2/2019"),
        ("17/3/20015", "20015"),
        ("12/13/2019", "13"),
        ("tháng 13/2019", "13"),
        ("ngày 32 tháng 1 năm 2020", "32"),
        ("29/2/2023", "29/2/2023"),
        ("quý V/2019", "quý V/2019"),
        ("ngày 3/4/19", "19"),
    ],
)
def test_impossible_dates_raise_with_the_fragment(text: str, fragment: str) -> None:
    with pytest.raises(DateError) as info:
        parse_date(text)
    assert info.value.fragment == fragment
    assert info.value.text.find(fragment) == info.value.offset


@pytest.mark.parametrize("junk", ["", "   ", "hôm qua", "số 61/2018/NĐ-CP", "ngày", "Tết", "x" * 400])
def test_non_dates_raise_date_error(junk: str) -> None:
    with pytest.raises(DateError):
        parse_date(junk)


def test_wrong_type_raises_a_type_error() -> None:
    from vngovdirectives.errors import InputTypeError

    with pytest.raises(InputTypeError, match=r"parse_date\(\) reads a str as text, not int"):
        parse_date(20190329)  # type: ignore[arg-type]


def test_feb_29_without_year_is_kept() -> None:
    assert parse_date("ngày 29/02").iso() == "--02-29"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (VnDate(year=2020, month=2, day=5), "ngày 05 tháng 02 năm 2020"),
        (VnDate(year=2019, month=3, day=29), "ngày 29 tháng 3 năm 2019"),
        (VnDate(year=2023, month=1, day=10), "ngày 10 tháng 01 năm 2023"),
        (VnDate(year=2019, month=3), "tháng 3 năm 2019"),
        (VnDate(year=2019, quarter=1), "quý I năm 2019"),
        (VnDate(year=2019), "năm 2019"),
        (VnDate(year=2019, half=1), "6 tháng đầu năm 2019"),
        (VnDate(month=3, day=9), "ngày 09 tháng 3"),
        (VnDate(year=2024, month=12, day=29, lunar=True), "ngày 29 tháng Chạp năm 2024 âm lịch"),
    ],
)
def test_official_wording(value: VnDate, text: str) -> None:
    assert format_date(value) == text
    assert str(value) == text
    assert parse_date(text) == value


def test_iso_of_every_shape() -> None:
    assert VnDate(year=2019, month=3, day=29).iso() == "2019-03-29"
    assert VnDate(month=3).iso() == "--03"
    assert VnDate(year=2019, half=1).iso() == "2019-H1"
    assert VnDate(year=2023, month=2, day=10, lunar=True, leap=True).iso() == "lunar:2023-02L-10"


def test_model_rejects_impossible_shapes() -> None:
    with pytest.raises(ValueError, match="a VnDate is"):
        VnDate(year=2019, day=3)
    with pytest.raises(ValueError, match="needs at least a year"):
        VnDate()
    with pytest.raises(ValueError, match="no day 31"):
        VnDate(year=2019, month=4, day=31)
    with pytest.raises(ValueError, match="lunar"):
        VnDate(year=2019, quarter=1, lunar=True)


# --------------------------------------------------------------------------- lunar


@pytest.mark.parametrize(
    ("text", "context", "solar"),
    [
        ("mùng 1 Tết", D(2024, 1, 20), D(2024, 2, 10)),
        ("mùng 1 Tết", D(2025, 1, 2), D(2025, 1, 29)),
        ("mồng 5 tháng Giêng năm Giáp Thìn", D(2023, 6, 1), D(2024, 2, 14)),
        ("29 tháng Chạp năm Quý Mão", D(2024, 1, 1), D(2024, 2, 8)),
        ("27 tháng Chạp năm Ất Tỵ", D(2026, 1, 1), D(2026, 2, 14)),
        ("mùng 6 tháng Giêng năm Bính Ngọ", D(2026, 1, 1), D(2026, 2, 22)),
        ("29 tháng chạp năm Kỷ Hợi", D(2020, 1, 1), D(2020, 1, 23)),
        ("ngày 10/3 âm lịch", D(2024, 4, 1), D(2024, 4, 18)),
        ("ngày 10 tháng 3 âm lịch", D(2025, 4, 1), D(2025, 4, 7)),
    ],
)
def test_lunar_phrases(text: str, context: dt.date, solar: dt.date) -> None:
    value = parse_date(text)
    assert value.lunar
    assert value.year is None
    done = complete(value, context)
    assert isinstance(done, VnDate)
    assert done.solar() == solar


def test_lunar_with_numeric_year_converts_directly() -> None:
    assert parse_date("ngày 05 tháng Giêng năm 2024 âm lịch").solar() == D(2024, 2, 14)
    month = parse_date("tháng Giêng năm Giáp Thìn")
    assert month.precision is Precision.MONTH
    assert month.cycle is not None


def test_unknown_can_chi_year_raises() -> None:
    with pytest.raises(DateError, match="not a date"):
        parse_date("mồng 5 tháng Giêng năm Giáp Tuất Hợi")
    with pytest.raises(DateError, match="Can Chi"):
        parse_date("mồng 5 tháng Giêng năm Xanh Đỏ")


def test_nonexistent_lunar_day_raises() -> None:
    # Lunar month 12 of 2024 (Giáp Thìn) has 29 days.
    with pytest.raises(DateError, match="impossible"):
        parse_date("ngày 30 tháng Chạp năm 2024 âm lịch")


# --------------------------------------------------------------------------- times


@pytest.mark.parametrize(
    ("text", "hour", "minute"),
    [
        ("0 giờ", 0, 0),
        ("0h00", 0, 0),
        ("14 giờ 30 phút", 14, 30),
        ("14h30", 14, 30),
        ("8:30", 8, 30),
        ("0h", 0, 0),
        ("14g30", 14, 30),
        ("19h00'", 19, 0),
    ],
)
def test_times(text: str, hour: int, minute: int) -> None:
    t = parse_time(text)
    assert t == TimeOfDay(hour=hour, minute=minute)
    assert parse_time(str(t)) == t


@pytest.mark.parametrize("text", ["25h", "8:61", "giờ", "8:", "ba giờ"])
def test_bad_times(text: str) -> None:
    with pytest.raises(DateError):
        parse_time(text)


# --------------------------------------------------------------------------- completion


def test_completion_takes_the_nearest_year() -> None:
    assert complete(parse_date("ngày 12/9"), D(2023, 9, 13)) == VnDate(year=2023, month=9, day=12)
    assert complete(parse_date("ngày 28/12"), D(2020, 1, 4)) == VnDate(year=2019, month=12, day=28)
    assert complete(parse_date("ngày 05/01"), D(2019, 12, 28)) == VnDate(year=2020, month=1, day=5)
    assert complete(parse_date("tháng 11"), D(2021, 2, 1)) == VnDate(year=2020, month=11)


def test_completion_for_deadlines_looks_forward() -> None:
    value = parse_date("ngày 05/4")
    assert complete(value, D(2019, 4, 9)) == VnDate(year=2019, month=4, day=5)
    assert complete(value, D(2019, 4, 9), deadline=True) == VnDate(year=2020, month=4, day=5)
    assert complete(value, D(2019, 4, 5), deadline=True) == VnDate(year=2019, month=4, day=5)


def test_completion_of_feb_29_picks_a_leap_year() -> None:
    assert complete(parse_date("ngày 29/2"), D(2023, 3, 1)) == VnDate(year=2024, month=2, day=29)


def test_completion_leaves_full_values_alone() -> None:
    v = parse_date("29/3/2019")
    assert complete(v, D(2030, 1, 1)) is v


def test_periods_complete_right_then_left() -> None:
    from vngovdirectives.dates import parse_period

    p = complete(parse_period("từ ngày 23 đến 27/11"), D(2020, 11, 30))
    assert isinstance(p, Period)
    assert (p.first_day(), p.last_day()) == (D(2020, 11, 23), D(2020, 11, 27))


# --------------------------------------------------------------------------- linear time


def _ratio(fn: object, unit: str, n: int) -> float:
    assert callable(fn)

    def timed(k: int) -> float:
        text = unit * k
        best = float("inf")
        for _ in range(3):
            t = time.perf_counter()
            with contextlib.suppress(DateError):
                fn(text)
            best = min(best, time.perf_counter() - t)
        return best

    return timed(2 * n) / max(timed(n), 1e-6)


@pytest.mark.parametrize("unit", ["ngày ", "1/", "giai đoạn 2016 -", "tháng 3/", "quý I "])
def test_parsers_reject_long_input_in_linear_time(unit: str) -> None:
    from vngovdirectives.dates import parse_period
    from vngovdirectives.deadlines import parse_deadline

    for parse in (parse_date, parse_period, parse_time, parse_deadline):
        assert min(_ratio(parse, unit, 50000) for _ in range(3)) < 2.5
        with pytest.raises(DateError, match="too long"):
            parse(unit * 1000)
