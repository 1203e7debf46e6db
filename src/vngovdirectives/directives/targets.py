"""Target horizons of a plan: "đến năm 2025", "tầm nhìn đến năm 2030", "giai đoạn 2016 - 2020".

They are not deadlines of a task (a plan's horizon sets no time limit for anyone), so they are
kept apart.
"""

from __future__ import annotations

import heapq
import re
from typing import Final

from vngovdirectives.dates.model import Period, VnDate
from vngovdirectives.directives.model import Target, TargetKind
from vngovdirectives.directives.page import Page, clean
from vngovdirectives.finding.match import MatchKind
from vngovdirectives.text.patterns import plausible_year

__all__ = ["targets"]

#: "đến năm 2025", "tới 2030", "trong năm 2019", "hết năm 2019": found from their lead word, one pattern a word
#: (the engine finds a pattern's leading word by a fast search; one pattern for the four words is tried at every
#: "t", "h" and "đ": over the real documents 0.06 s instead of 0.03 s); their matches never overlap. A vision's
#: "tầm nhìn" or "định hướng" is looked up before it.
_TARGETS: Final = tuple(
    re.compile(rf"(?P<lead>{lead})\s{{1,3}}(?P<nam>năm\s{{1,3}})?(?P<y>\d{{4}})(?!\d)")
    for lead in ("đến", "tới", "trong", "hết")
)
_VISION: Final = re.compile(r"(?:tầm\s{1,3}nhìn|định\s{1,3}hướng)\s{1,3}$")
_INNER: Final = re.compile(r"ngay\s{1,3}$")
_PERIOD_TARGET: Final = re.compile(r"(?:giai đoạn|thời kỳ)\s")


def targets(page: Page, start: int, end: int) -> tuple[Target, ...]:
    out: list[tuple[int, Target]] = []
    text, low = page.text, page.source.low  # read on the lower-cased text: no case-blind matching
    for m in heapq.merge(*(rx.finditer(low, start, end) for rx in _TARGETS), key=_start):
        s = m.start()
        if s > 0 and low[s - 1].isalnum():
            continue
        year, ahead = int(m.group("y")), m.group("lead") in ("đến", "tới")
        vision = _VISION.search(low, max(start, s - 16), s) if ahead else None
        if vision is not None:
            kind, s = TargetKind.VISION, vision.start()
        elif m.group("nam") is None or not plausible_year(year):
            continue
        else:
            kind = TargetKind.BY if ahead else TargetKind.IN_YEAR
            inner = _INNER.search(low, max(start, s - 8), s) if not ahead else None
            s = inner.start() if inner is not None else s
        if not plausible_year(year):
            continue
        target = Target(text=clean(text[s : m.end()]), span=page.span(s, m.end()), kind=kind, end=VnDate(year=year))
        out.append((s, target))
    for pm in page.in_range(MatchKind.PERIOD, start, end):
        if _PERIOD_TARGET.match(low, pm.start) and isinstance(pm.value, Period):
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


def _start(m: re.Match[str]) -> int:
    return m.start()
