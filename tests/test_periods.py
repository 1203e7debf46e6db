"""Periods: year ranges, day ranges with the year on the right, half-years, cumulative months."""

from __future__ import annotations

import datetime as dt

import pytest

from vngovdirectives.dates import Period, VnDate, parse_period
from vngovdirectives.dates.parse import join_ends
from vngovdirectives.errors import DateError

D = dt.date


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("giai đoạn 2016 - 2020", "2016", "2020"),
        ("GIAI ĐOẠN 2006 -2010", "2006", "2010"),
        ("nhiệm kỳ 2015-2020", "2015", "2020"),
        ("nhiệm kỳ 2021 \u2013 2026", "2021", "2026"),
        ("năm học 2020 - 2021", "2020", "2021"),
        ("giai đoạn 20112020", "2011", "2020"),
        ("2021 \u2013 2030", "2021", "2030"),
        ("năm 2019 - 2020", "2019", "2020"),
        ("từ ngày 25/3- 31/3/2019", "2019-03-25", "2019-03-31"),
        ("25-31/3/2019", "2019-03-25", "2019-03-31"),
        ("19/9 \u2013 30/9/2021", "2021-09-19", "2021-09-30"),
        ("từ ngày 16/8 đến hết ngày 15/9 năm 2021", "2021-08-16", "2021-09-15"),
        ("từ ngày 02/3/2020 đến 17h30 ngày 06/3/2020", "2020-03-02", "2020-03-06"),
        ("Từ ngày 10/02/2021 đến hết ngày 17/02/2021", "2021-02-10", "2021-02-17"),
        ("từ 8.2.2024 đến hết ngày 14.2.2024", "2024-02-08", "2024-02-14"),
        ("từ ngày 28/12 đến ngày 3/1/2022", "2021-12-28", "2022-01-03"),
        ("từ ngày 12 đến ngày 15-10", "--10-12", "--10-15"),
        ("từ ngày 23 đến 27/11", "--11-23", "--11-27"),
        ("6 tháng đầu năm 2019", "2019-01", "2019-06"),
        ("6 tháng cuối năm 2019", "2019-07", "2019-12"),
        ("9 tháng đầu năm 2022", "2022-01", "2022-09"),
        ("5 tháng năm 2017", "2017-01", "2017-05"),
        ("9 tháng", "--01", "--09"),
        ("từ tháng 3 đến tháng 5 năm 2018", "2018-03", "2018-05"),
        ("từ mùng 1 đến mùng 4 tết", "lunar:--01-01", "lunar:--01-04"),
    ],
)
def test_period_forms(text: str, start: str, end: str) -> None:
    p = parse_period(text)
    assert (p.start.iso(), p.end.iso()) == (start, end)


def test_half_year_bounds() -> None:
    p = parse_period("6 tháng đầu năm 2020")
    assert (p.first_day(), p.last_day()) == (D(2020, 1, 1), D(2020, 6, 30))


@pytest.mark.parametrize(
    "text",
    ["giai đoạn 2020 - 2016", "giai đoạn 1999 - 2099", "từ ngày 31/3 đến ngày 25/3/2019 và", "2016", "từ hôm nay"],
)
def test_non_periods_raise(text: str) -> None:
    with pytest.raises(DateError):
        parse_period(text)


def test_left_after_right_means_previous_year() -> None:
    p = join_ends(VnDate(month=12, day=20), VnDate(year=2021, month=1, day=5))
    assert p.first_day() == D(2020, 12, 20)


def test_left_year_copied_right() -> None:
    p = join_ends(VnDate(year=2021, month=12, day=20), VnDate(month=1, day=5))
    assert p.last_day() == D(2022, 1, 5)


def test_model_invariants() -> None:
    with pytest.raises(ValueError, match="before it starts"):
        Period(start=VnDate(year=2020), end=VnDate(year=2019))
    with pytest.raises(ValueError, match="year"):
        Period(start=VnDate(month=3, day=1), end=VnDate(year=2019, month=3, day=5))


@pytest.mark.parametrize(
    ("period", "text"),
    [
        (Period(start=VnDate(year=2016), end=VnDate(year=2020)), "giai đoạn 2016 - 2020"),
        (
            Period(start=VnDate(year=2019, month=3, day=25), end=VnDate(year=2019, month=3, day=31)),
            "từ ngày 25 tháng 3 năm 2019 đến ngày 31 tháng 3 năm 2019",
        ),
        (
            Period(start=VnDate(year=2019, month=1), end=VnDate(year=2019, month=6)),
            "từ tháng 01 năm 2019 đến tháng 6 năm 2019",
        ),
    ],
)
def test_period_wording_round_trips(period: Period, text: str) -> None:
    assert str(period) == text
    assert parse_period(text) == period
