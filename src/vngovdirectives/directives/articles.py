"""Tasks of a document: its articles ("Điều 3. …"), its numbered points, or its ordering sentences.

A numbered point that names a body ("1. Sở Tài chính: …") is a task of that body; in a letter
addressed by "Kính gửi", the points are tasks of its addressees.
"""

from __future__ import annotations

import bisect
import re
from typing import Final

import attrs

from vngovdirectives.directives.model import Assignee, AssigneeRole, Mention, Task, TaskKind
from vngovdirectives.directives.page import Page, clean, trim
from vngovdirectives.directives.tasks import deadlines_in, reference_mention, split_bodies, task, tasks_in_prose
from vngovdirectives.directives.vocab import ACTION_RE, BODY_START
from vngovdirectives.finding.match import MatchKind

__all__ = ["ARTICLE", "POINT", "document_tasks"]

ARTICLE: Final = re.compile(r"Điều\s{1,3}(?P<n>\d{1,3})\s{0,3}[.:]\s")
POINT: Final = re.compile(r"(?P<n>\d{1,2}(?:\.\d{1,2}){0,2}|[a-zđ]|[IVX]{1,5})[.)]\s{1,3}(?=\S)")
_SECTION: Final = re.compile(r"(?:\d{1,2}(?:\.\d{1,2}){0,2}|[IVX]{1,5})[.)]\s")
#: A point whose first line is only the name of a body: "1. Bộ Công an.", "2. Sở Nội vụ:".
_NAME_CUT: Final = re.compile(r"\s[-–]\s|:|\n|\.(?:\s|$)")


def document_tasks(
    page: Page, segs: list[tuple[int, int]], start: int, end: int, addressed: list[Assignee]
) -> list[Task]:
    """Articles ("Điều 2. …"), else numbered points that name a body, else the numbered points of a
    letter addressed by "Kính gửi" (its addressees do them), else ordering sentences."""
    text = page.text
    inside = [(s, e) for s, e in segs if start <= s and e <= end]
    articles = [(s, e) for s, e in inside if ARTICLE.match(text, s)]
    out: list[Task] = []
    if articles:
        bounds = [s for s, _ in articles] + [inside[-1][1]]
        all_points = [(ps, pe) for ps, pe in inside if POINT.match(text, ps)]
        point_starts = [ps for ps, _ in all_points]
        for i, (s, _) in enumerate(articles):
            m = ARTICLE.match(text, s)
            assert m is not None
            stop = bounds[i + 1]
            lo, hi = bisect.bisect_right(point_starts, s), bisect.bisect_left(point_starts, stop)
            points = all_points[lo:hi]
            label = f"Điều {m.group('n')}"
            lead_end = points[0][0] if points else stop
            found = task(page, m.end(), trim(text, s, lead_end)[1], label=label)
            if found is not None:
                out.append(attrs.evolve(found, span=page.span(*trim(text, s, lead_end)), text=clean(text[s:lead_end])))
            out.extend(_point_tasks(page, points, stop, prefix=f"{label}."))
        return out
    points = [(s, e) for s, e in inside if POINT.match(text, s)]
    point_tasks = _point_tasks(page, points, end, prefix="", ordering_only=True)
    if not point_tasks and addressed:
        point_tasks = _point_tasks(page, points, end, prefix="", ordering_only=True, default=tuple(addressed))
    if point_tasks:
        return point_tasks
    return tasks_in_prose(page, start, end)


def _point_tasks(
    page: Page,
    points: list[tuple[int, int]],
    stop: int,
    *,
    prefix: str,
    ordering_only: bool = False,
    default: tuple[Assignee, ...] = (),
) -> list[Task]:
    """Tasks from numbered points. With ``ordering_only`` (points outside articles) only numbered
    points ("1.", "2.1.") that name a body are tasks; each runs to the next numbered or Roman
    point, so its lettered sub-points ("a)", "b)") belong to it."""
    text = page.text
    out: list[Task] = []
    if ordering_only:
        points = [p for p in points if _SECTION.match(text, p[0])]
    bounds = [s for s, _ in points] + [stop]
    for i, (s, _) in enumerate(points):
        m = POINT.match(text, s)
        assert m is not None
        if ordering_only and not m.group("n")[0].isdigit():
            continue  # a Roman section heading: it only ends the point before it
        e = trim(text, s, bounds[i + 1], " \t\r\n")[1]
        label = f"{prefix}{m.group('n')}"
        found = task(page, m.end(), e, label=None if ordering_only else label)
        if found is None or not found.assignees:
            named = _named_point(page, m.end(), e)
            if named is not None:
                found = named if found is None else attrs.evolve(found, assignees=named.assignees)
        if default and (found is None or not found.assignees):
            action = page.mention(m.end(), e)
            if action is not None:
                found = _point_task(page, m.end(), e, action, default)
        if found is None or (ordering_only and not found.assignees):
            continue
        out.append(attrs.evolve(found, span=page.span(s, e), text=clean(text[s:e]), label=label))
    return out


def _point_task(page: Page, start: int, end: int, action: Mention, assignees: tuple[Assignee, ...]) -> Task:
    return Task(
        text=clean(page.text[start:end]),
        span=page.span(start, end),
        kind=TaskKind.ARTICLE,
        action=action,
        assignees=assignees,
        deadlines=deadlines_in(page, start, end),
        references=tuple(reference_mention(page, m) for m in page.in_range(MatchKind.REFERENCE, start, end)),
    )


def _named_point(page: Page, start: int, end: int) -> Task | None:
    text = page.text
    if not BODY_START.match(text, start):
        return None
    limit = min(end, start + 150)
    cut = _NAME_CUT.search(text, start, limit)
    line_end = trim(text, start, cut.start() if cut is not None else end, " \t.:;")[1]
    if line_end > limit:
        return None
    verb = ACTION_RE.search(text, start, line_end)
    if verb is not None:
        line_end = trim(text, start, verb.start(), " \t.:;,")[1]
    assignees = split_bodies(page, start, line_end, AssigneeRole.RESPONSIBLE)
    if not assignees:
        return None
    action = page.mention(line_end, end) or page.mention(start, end)
    if action is None:
        return None
    return _point_task(page, start, end, action, tuple(assignees))
