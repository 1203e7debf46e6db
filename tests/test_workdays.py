"""The public-service working-day calendar."""

from __future__ import annotations

import datetime as dt

import pytest

from vngovdirectives.deadlines.workdays import (
    WorkingCalendar,
    add_working_days,
    count_working_days,
    is_working_day,
    next_working_day,
)
from vngovdirectives.errors import CalendarError

D = dt.date


def test_fifteen_working_days_over_hung_kings_day() -> None:
    # 15/4/2019 (Giỗ Tổ observed) is skipped.
    assert add_working_days(D(2019, 3, 29), 15) == D(2019, 4, 22)


def test_reunification_and_labour_day_2019() -> None:
    # 29/4 (swapped), 30/4 and 1/5 are off; Saturday 4/5/2019 is worked.
    assert count_working_days(D(2019, 4, 27), D(2019, 5, 6)) == 4
    assert is_working_day(D(2019, 5, 4))
    assert not is_working_day(D(2019, 4, 29))


def test_2025_swap() -> None:
    assert is_working_day(D(2025, 4, 26))  # a Saturday worked
    assert not is_working_day(D(2025, 5, 2))  # the Friday given in exchange
    assert not is_working_day(D(2025, 4, 27))  # Sunday stays a rest day


def test_tet_2024_and_2026_breaks() -> None:
    assert [is_working_day(D(2024, 2, d)) for d in range(7, 16)] == [True] + [False] * 7 + [True]
    assert not any(is_working_day(D(2026, 2, d)) for d in range(16, 21))
    assert is_working_day(D(2026, 2, 23))


def test_ordinary_week() -> None:
    assert [is_working_day(D(2023, 10, d)) for d in range(2, 9)] == [True] * 5 + [False] * 2


def test_add_counts_from_the_next_day() -> None:
    friday = D(2023, 10, 6)
    assert add_working_days(friday, 0) == friday
    assert add_working_days(friday, 1) == D(2023, 10, 9)
    assert count_working_days(friday, friday) == 1
    assert count_working_days(friday, D(2023, 10, 5)) == 0


def test_next_working_day() -> None:
    assert next_working_day(D(2024, 2, 10)) == D(2024, 2, 15)
    assert next_working_day(D(2024, 2, 15)) == D(2024, 2, 15)


def test_add_and_count_agree() -> None:
    start = D(2024, 1, 2)
    for n in (1, 5, 20, 60):
        end = add_working_days(start, n)
        assert count_working_days(start + dt.timedelta(days=1), end) == n


def test_custom_calendar() -> None:
    day = D(2027, 3, 2)  # a Tuesday made a local rest day
    cal = WorkingCalendar(extra_holidays=frozenset({day}), extra_working_days=frozenset({D(2027, 3, 6)}))
    assert not cal.is_working_day(day)
    assert cal.is_working_day(D(2027, 3, 6))  # a Saturday made a working day
    assert add_working_days(D(2027, 3, 1), 1, calendar=cal) == D(2027, 3, 3)
    assert count_working_days(D(2027, 3, 1), D(2027, 3, 7), calendar=cal) == 5
    assert is_working_day(day)  # the national calendar is untouched


def test_vietnamese_culture_day_from_the_package() -> None:
    # holidays >= 0.109 already rests on 24/11 from 2026 on.
    assert not is_working_day(D(2026, 11, 24))


def test_calendar_limits() -> None:
    with pytest.raises(CalendarError):
        add_working_days(D(2020, 1, 1), -1)
    with pytest.raises(CalendarError):
        is_working_day(D(1800, 1, 1))
