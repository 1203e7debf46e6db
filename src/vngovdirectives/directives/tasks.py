"""Tasks: who must do what, by when — read from the sentences and points of a directive.

A task starts at an ordering sentence: a trigger before the bodies ("Yêu cầu Sở Y tế …", "Giao
UBND các huyện …"), or bodies followed by a trigger or an imperative ("Sở Tài chính chủ trì, phối
hợp với …", "Các cơ quan … tiếp tục rà soát …"). Its assignees are the bodies named, each with a
role (:class:`~vngovdirectives.directives.model.AssigneeRole`); its deadlines and references are
those the finders found inside it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from vngovdirectives.deadlines.model import Effective
from vngovdirectives.deadlines.resolve import last_moment
from vngovdirectives.directives.model import (
    Assignee,
    AssigneeRole,
    DeadlineMention,
    Mention,
    Reference,
    ReferenceRole,
    Task,
    TaskKind,
)
from vngovdirectives.directives.page import Page, clean, trim
from vngovdirectives.directives.vocab import (
    ACTION_RE,
    ATTRIBUTION,
    BODY_START,
    CONTEXT_PREFIX,
    IMPERATIVE,
    ISSUER_SUBJECT,
    LEADING_TRIGGERS,
    NOT_ORDERS,
    SENTENCE_OPENERS,
    TRAILING_AFTER_ADVERBIAL,
    TRAILING_TRIGGERS,
    TRIGGER_KIND,
)
from vngovdirectives.errors import VnGovDirectivesError
from vngovdirectives.finding.match import Match, MatchKind

if TYPE_CHECKING:
    from vngovdirectives.deadlines.model import Deadline
    from vngovdirectives.references.model import DocumentReference

__all__ = [
    "assignee_region",
    "deadline_mention",
    "deadlines_in",
    "leading_trigger",
    "reference_mention",
    "sentences",
    "split_bodies",
    "task",
    "tasks_in_prose",
]


#: Where a sentence ends, and where a clause after ";" starts that may name a body of its own
#: ("…, hoàn thành trong quý II/2024; Sở Kế hoạch và Đầu tư có trách nhiệm tổng hợp …").
_SENTENCE_END: Final = re.compile(
    r"(?<=[.!?…])\s{1,8}(?=[\"“(]?[A-ZĐÀ-ỸÂÊÔƠƯĂ0-9])|\n|(?<=;)\s{1,3}(?=[A-ZĐÀ-ỸÂÊÔƠƯĂ]|các\s)"
)


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = start
    for m in _SENTENCE_END.finditer(text, start, end):
        s, e = trim(text, pos, m.start(), " \t\r\n")
        if e > s:
            out.append((s, e))
        pos = m.end()
    s, e = trim(text, pos, end, " \t\r\n")
    if e > s:
        out.append((s, e))
    return out


_APPOSITION: Final = re.compile(r"\s[-–]\s{1,3}(?=[a-zđà-ỹ])|\s\((?!\w{1,8}\))")
_LIST_SEPARATOR: Final = re.compile(r"\s{0,2}(?:,|;|\svà|\svới)\s{1,3}")


def split_bodies(page: Page, start: int, end: int, role: AssigneeRole) -> list[Assignee]:
    """The bodies named in ``text[start:end]``, split at ", ", " và ", ";" where a new body starts."""
    text = page.text
    apposition = _APPOSITION.search(text, start, end)  # "Sở Kế hoạch và Đầu tư - cơ quan thường trực …"
    if apposition is not None:
        end = apposition.start()
    cuts = [start]
    for m in _LIST_SEPARATOR.finditer(text[start:end]):
        nxt = start + m.end()
        if BODY_START.match(text, nxt):
            cuts.append(start + m.start())
            cuts.append(nxt)
    cuts.append(end)
    out: list[Assignee] = []
    for i in range(0, len(cuts), 2):
        s, e = trim(text, cuts[i], cuts[i + 1], " \t\n,;:-–(")
        if e - s < 2 or not BODY_START.match(text, s):
            continue
        out.append(Assignee(name=clean(text[s:e]), span=page.span(s, e), role=role))
    return out


#: Action words that are also nouns in lists of bodies ("các cơ quan, tổ chức ở địa phương").
_NOUN_TOO: Final = frozenset({"tổ chức"})


def assignee_region(text: str, start: int, end: int) -> int:
    """Where the action begins after an assignee list that starts at ``start``."""
    limit = min(end, start + 160)
    if not BODY_START.match(text, start):
        return start
    # Skip the first word(s) of the head so that a head like "Ban Chỉ đạo" is not cut at "chỉ đạo".
    head = BODY_START.match(text, start)
    pos = head.end() if head is not None else start
    for m in ACTION_RE.finditer(text, pos, limit):
        before = text[start : m.start()].rstrip()
        if before.endswith(("Ban", "Ban Chỉ", "các", "Các")) and m.group() in {"chỉ đạo", "đạo"}:
            continue
        if _inside_name(text, start, m.start()):
            continue
        if m.group() in _NOUN_TOO and text[max(start, m.start() - 2) : m.start()] == ", ":
            continue  # "các cơ quan, tổ chức": a list of bodies, not the verb "tổ chức"
        return m.start()
    colon = text.find(":", pos, limit)
    return colon if colon >= 0 else start


def _inside_name(text: str, start: int, pos: int) -> bool:
    """True when ``pos`` is inside a body name such as "Ban Chỉ đạo … các cấp" (the word after a capital)."""
    prev = text[max(start, pos - 12) : pos]
    return prev.endswith(("Ban Chỉ ", "Ban ", "Chỉ ")) and text.startswith("đạo", pos)


#: What names the bodies that support a task: "… phối hợp với Công an tỉnh …".
_SUPPORT: Final = re.compile(r"phối hợp với\s{1,3}")
_NARRATIVE: Final = re.compile(r"(?:đã|vừa|đang|từng|cũng đã)\s{0,3}$")


def _imperative_at(text: str, first: int, stop: int) -> re.Match[str] | None:
    """An action verb right after the bodies that start a sentence ("Các cơ quan … tiếp tục rà soát"),
    unless the sentence narrates ("UBND tỉnh đã ban hành …")."""
    m = IMPERATIVE.match(text, stop)
    if m is None or m.group("w") in NOT_ORDERS or _NARRATIVE.search(text, first, stop):
        return None
    return m


def leading_trigger(text: str, start: int, end: int) -> re.Match[str] | None:
    """The first "Yêu cầu / Đề nghị / Giao / Chỉ đạo" of the sentence that starts the order: at the
    start, after the issuer ("UBND tỉnh yêu cầu"), or after a circumstance ("Theo …, đề nghị")."""
    for lead in LEADING_TRIGGERS.finditer(text, start, min(end, start + 400)):
        prefix = text[start : lead.start()]
        if prefix.endswith(("Ban ", "Ban chỉ ")):
            continue
        if (
            prefix.strip() == ""
            or prefix.rstrip().endswith((";", ":"))
            or ISSUER_SUBJECT.match(prefix)
            or CONTEXT_PREFIX.match(prefix)
        ):
            return lead
    return None


def task(page: Page, start: int, end: int, label: str | None = None) -> Task | None:
    """A task from a sentence (or an article) ``text[start:end]``; None when it orders nothing."""
    text = page.text
    kind: TaskKind | None = None
    trigger: Mention | None = None
    assignees: list[Assignee] = []
    action_start = start
    body_start = start
    if label is not None:
        kind = TaskKind.ARTICLE
    lead = leading_trigger(text, start, end)
    if lead is not None:
        word = lead.group("w").casefold()
        kind = kind or TRIGGER_KIND.get(word, TaskKind.OTHER)
        trigger = page.mention(lead.start("w"), lead.end("w"))
        body_start = lead.end()
        stop = assignee_region(text, body_start, end)
        assignees = split_bodies(page, body_start, stop, AssigneeRole.RESPONSIBLE)
        action_start = stop if assignees else body_start
    else:
        first = _skip_intro(text, start, end)
        if BODY_START.match(text, first):
            stop = assignee_region(text, first, end)
            trail = (
                TRAILING_TRIGGERS.match(text, stop)
                or TRAILING_AFTER_ADVERBIAL.match(text, stop, end)
                or _imperative_at(text, first, stop)
            )
            if stop > first and trail is not None:
                word = trail.group("w")
                role = AssigneeRole.LEAD if word == "chủ trì" else AssigneeRole.RESPONSIBLE
                assignees = split_bodies(page, first, stop, role)
                if assignees:
                    kind = kind or TRIGGER_KIND.get(word, TaskKind.OTHER)
                    trigger = page.mention(trail.start("w"), trail.end("w"))
                    action_start = trail.start("w")
    if kind is None:
        return None
    support = _SUPPORT.search(text[action_start:end])
    if support is not None:
        s = action_start + support.end()
        stop = assignee_region(text, s, end)
        if stop > s:
            assignees.extend(split_bodies(page, s, stop, AssigneeRole.SUPPORT))
    action = page.mention(action_start, end) or page.mention(start, end)
    if action is None:  # nothing but punctuation: no task
        return None
    return Task(
        text=clean(text[start:end]),
        span=page.span(start, end),
        kind=kind,
        action=action,
        assignees=tuple(assignees),
        deadlines=deadlines_in(page, start, end),
        references=tuple(reference_mention(page, m) for m in page.in_range(MatchKind.REFERENCE, start, end)),
        trigger=trigger,
        label=label,
    )


_OPENER: Final = rf"(?:{SENTENCE_OPENERS}|Đối với [^,]{{1,80}}),\s{{1,3}}"
#: What stands before a sentence's subject: a bullet, and an opener ("- Đồng thời, Sở Y tế …").
_INTRO: Final = re.compile(rf"[-+•–*]\s{{0,3}}(?:{_OPENER})?|{_OPENER}")


def _skip_intro(text: str, start: int, end: int) -> int:
    m = _INTRO.match(text, start, end)
    return m.end() if m is not None else start


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


def deadline_mention(page: Page, m: Match[object]) -> DeadlineMention:
    """The deadline the finders matched, with its last moment when the text fixes one."""
    value: Deadline = m.value  # type: ignore[assignment]
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
