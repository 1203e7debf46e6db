"""Target horizons of a plan: "đến năm 2025", "tầm nhìn đến năm 2030", "giai đoạn 2016 - 2020".

They are not deadlines of a task (a plan's horizon sets no time limit for anyone), so they are
kept apart.
"""

from __future__ import annotations

import re
from typing import Final

from vngovdirectives.dates.model import Period, VnDate
from vngovdirectives.directives.model import Target, TargetKind
from vngovdirectives.directives.page import Page, clean
from vngovdirectives.finding.match import MatchKind
from vngovdirectives.text.patterns import plausible_year

__all__ = ["targets"]

_TARGET_RE: Final = re.compile(
    r"(?<![\w])(?:(?P<vision>(?:tầm nhìn|định hướng)\s{1,3}(?:đến|tới)(?:\s{1,3}năm)?\s{1,3}(?P<vy>\d{4}))"
    r"|(?P<by>(?:đến|tới)\s{1,3}năm\s{1,3}(?P<by_y>\d{4}))"
    r"|(?P<in>(?:trong|hết|ngay trong)\s{1,3}năm\s{1,3}(?P<in_y>\d{4})))(?!\d)",
    re.IGNORECASE,
)
_PERIOD_TARGET: Final = re.compile(r"(?:giai đoạn|thời kỳ)\s", re.IGNORECASE)


def targets(page: Page, start: int, end: int) -> tuple[Target, ...]:
    out: list[tuple[int, Target]] = []
    text = page.text
    for m in _TARGET_RE.finditer(text, start, end):
        if m.group("vision"):
            kind, year = TargetKind.VISION, int(m.group("vy"))
        elif m.group("by"):
            kind, year = TargetKind.BY, int(m.group("by_y"))
        else:
            kind, year = TargetKind.IN_YEAR, int(m.group("in_y"))
        if not plausible_year(year):
            continue
        target = Target(text=clean(m.group()), span=page.span(m.start(), m.end()), kind=kind, end=VnDate(year=year))
        out.append((m.start(), target))
    for pm in page.in_range(MatchKind.PERIOD, start, end):
        if _PERIOD_TARGET.match(text, pm.start) and isinstance(pm.value, Period):
            period = pm.value
            t = Target(
                text=clean(pm.text),
                span=page.span(pm.start, pm.end),
                kind=TargetKind.PERIOD,
                end=period.end,
                start=period.start,
            )
            out.append((pm.start, t))
    out.sort(key=lambda p: p[0])
    return tuple(t for _, t in out)
