"""The Vietnamese lunar calendar: lunar dates to solar ones, and the Can Chi names of years.

Conversions come from the ``lunar-vn`` package (the UTC+7 calendar Vietnam uses) and are cached:
documents name the same few festival days again and again.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    import datetime

__all__ = ["LUNAR_YEARS", "cycle_index", "cycle_name", "lunar_to_solar"]

#: The years whose lunar dates are converted.
LUNAR_YEARS: Final = (1900, 2100)


def cycle_name(index: int) -> str:
    """Can Chi name of the lunar year at sexagenary ``index`` (0 = Giáp Tý)."""
    from lunar_vn import can_chi

    return str(can_chi.get_year_can_chi(1984 + index))


@functools.lru_cache(maxsize=256)
def cycle_index(name: str) -> int | None:
    """The sexagenary index of a Can Chi year name ("Giáp Thìn" → 40), None if it is not one."""
    key = " ".join(name.split()).casefold()
    for i in range(60):
        if cycle_name(i).casefold() == key:
            return i
    return None


@functools.lru_cache(maxsize=4096)
def lunar_to_solar(year: int, month: int, day: int, leap: bool) -> datetime.date | None:
    """Solar date of a lunar date (UTC+7 Vietnamese calendar), None when that lunar day does not exist."""
    import lunar_vn

    try:
        solar = lunar_vn.lunar_to_solar(lunar_vn.LunarDate(day=day, month=month, year=year, leap=leap))
        back = lunar_vn.solar_to_lunar(solar)
    except (ValueError, OverflowError):
        return None
    if (back.day, back.month, back.year, back.leap) != (day, month, year, leap):
        return None
    result: datetime.date = solar
    return result
