"""Tasks: who must do what, by when — read from the sentences of a directive.

A task starts at an ordering sentence (:func:`~vngovdirectives.directives.orders.read_order`): a
trigger before the bodies ("Yêu cầu Sở Y tế …", "Giao UBND các huyện …"), or bodies followed by a
trigger or an imperative ("Sở Tài chính chủ trì, phối hợp với …", "Các cơ quan … tiếp tục rà soát
…"). Its assignees are the bodies named, each with a role
(:class:`~vngovdirectives.directives.model.AssigneeRole`); its deadlines and references are those the
finders found inside it. A document's structure (:mod:`~vngovdirectives.directives.articles`) builds
its tasks with :func:`make_task`; a bulletin's running text is read by :func:`tasks_in_prose`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from vngovdirectives.deadlines.model import Effective
from vngovdirectives.deadlines.resolve import last_moment
from vngovdirectives.directives.model import (
    Assignee,
    DeadlineMention,
    Reference,
    ReferenceRole,
    Task,
    TaskKind,
)
from vngovdirectives.directives.orders import leading_trigger, read_order
from vngovdirectives.directives.page import Page, clean, trim
from vngovdirectives.directives.vocab import ATTRIBUTION
from vngovdirectives.errors import VnGovDirectivesError
from vngovdirectives.finding.match import Match, MatchKind
from vngovdirectives.text.patterns import UPPER

if TYPE_CHECKING:
    from vngovdirectives.deadlines.model import Deadline
    from vngovdirectives.references.model import DocumentReference

__all__ = [
    "deadline_mention",
    "deadlines_in",
    "leading_trigger",
    "make_task",
    "reference_mention",
    "sentences",
    "task",
    "tasks_in_prose",
]


#: Where a sentence ends (its final mark, then the space after it), and where a clause after ";" starts that
#: may name a body of its own ("…, hoàn thành trong quý II/2024; Sở Kế hoạch và Đầu tư có trách nhiệm …"); or
#: a line break. Each branch opens with its literal mark, so that a search skips to the marks.
_SENTENCE_END: Final = re.compile(
    "|".join(
        [
            *(re.escape(c) + rf"\s{{1,8}}(?=[\"“(]?[{UPPER}0-9])" for c in ".!?…"),
            r"\n",
            rf";(?!\n)\s{{1,3}}(?=[{UPPER}]|các\s)",  # a line break after ";" is the branch before
        ]
    )
)


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences (and lines) of ``text[start:end]``."""
    out: list[tuple[int, int]] = []
    pos = start
    # From one character before: the mark that ends the sentence before ``start`` ends no sentence here.
    for m in _SENTENCE_END.finditer(text, max(0, start - 1), end):
        gap = m.start() if text[m.start()] == "\n" else m.start() + 1  # where the space after the mark starts
        s, e = trim(text, pos, gap, " \t\r\n")
        if e > s:
            out.append((s, e))
        pos = m.end()
    s, e = trim(text, pos, end, " \t\r\n")
    if e > s:
        out.append((s, e))
    return out


def make_task(
    page: Page,
    span: tuple[int, int],
    kind: TaskKind,
    assignees: tuple[Assignee, ...],
    *,
    action: int | None = None,
    trigger: tuple[int, int] | None = None,
    label: str | None = None,
    deadlines: tuple[DeadlineMention, ...] | None = None,
) -> Task | None:
    """A task over ``text[span]`` (None when it holds nothing but punctuation)."""
    start, end = trim(page.text, *span, " \t\r\n")
    act = page.mention(action, end) if action is not None and action < end else None
    act = act or page.mention(start, end)
    if act is None:
        return None
    if deadlines is None:
        deadlines = deadlines_in(page, start, end)
    return Task(
        text=clean(page.text[start:end]),
        span=page.span(start, end),
        kind=kind,
        action=act,
        assignees=assignees,
        deadlines=deadlines,
        references=tuple(reference_mention(page, m) for m in page.in_range(MatchKind.REFERENCE, start, end)),
        trigger=page.mention(*trigger) if trigger is not None else None,
        label=label,
    )


def task(page: Page, start: int, end: int, label: str | None = None) -> Task | None:
    """A task from a sentence ``text[start:end]``; None when it orders nothing."""
    order = read_order(page, start, end)
    if order is None:
        return None
    return make_task(
        page, (start, end), order.kind, order.assignees, action=order.action, trigger=order.trigger, label=label
    )


def tasks_in_prose(page: Page, start: int, end: int) -> list[Task]:
    """Tasks from running text: each ordering sentence starts a task; the sentences after it that
    name no body of their own continue it."""
    out: list[tuple[int, int]] = []  # each task's span, grown by the sentences that continue it
    kinds: list[Task] = []  # each task as read from its first sentence
    for s, e in sentences(page.text, start, end):
        found = task(page, s, e)
        if found is not None and (found.assignees or found.kind is not TaskKind.OTHER):
            attributes = ATTRIBUTION.search(page.text, s, e) is not None
            if attributes and (not found.assignees or leading_trigger(page.text, s, e) is None):
                continue  # "Đó là chỉ đạo của …", "UBND tỉnh ban hành Kế hoạch số …": who ordered, not an order
            out.append((s, e))
            kinds.append(found)
        elif out and not ATTRIBUTION.search(page.text, s, e):
            out[-1] = (out[-1][0], e)
    result: list[Task] = []
    for (s, e), first in zip(out, kinds, strict=True):
        grown = task(page, s, e) if first.span != page.span(s, e) else first
        result.append(grown if grown is not None else first)
    return result


def deadlines_in(page: Page, start: int, end: int) -> tuple[DeadlineMention, ...]:
    """The deadlines the finders matched in ``text[start:end]``; effective dates are no time limits."""
    return tuple(
        deadline_mention(page, m)
        for m in page.in_range(MatchKind.DEADLINE, start, end)
        if not isinstance(m.value, Effective)
    )


def deadline_mention(page: Page, m: Match[object], value: Deadline | None = None) -> DeadlineMention:
    """The deadline the finders matched (or ``value`` read at its place), with its last moment when the
    text fixes one."""
    if value is None:
        value = m.value  # type: ignore[assignment]
    assert value is not None
    text, span = clean(m.text), page.span(m.start, m.end)
    try:
        day, time = last_moment(value)
    except VnGovDirectivesError:
        return DeadlineMention(text=text, span=span, value=value)
    return DeadlineMention(text=text, span=span, value=value, last_day=day, last_time=time)


def reference_mention(page: Page, m: Match[object], role: ReferenceRole = ReferenceRole.CITED) -> Reference:
    """The reference the finders matched, with its role."""
    value: DocumentReference = m.value  # type: ignore[assignment]
    return Reference(text=clean(m.text), span=page.span(m.start, m.end), value=value, role=role)
