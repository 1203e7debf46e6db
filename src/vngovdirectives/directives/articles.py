"""Tasks of a document, read along its outline (:mod:`~vngovdirectives.directives.outline`).

Each article, point, bullet or paragraph is read once. One that gives an order ("Điều 3. Chánh Văn
phòng …, Giám đốc các Sở … chịu trách nhiệm thi hành …", "2. Giao Sở Tài chính chủ trì, phối hợp
với …") is a task of the bodies it names; one whose heading only names a body ("1. Sở Tài chính:",
"- Bộ Công an:") hands that body down, so that its points that open with a verb ("Tăng cường …",
"Chủ trì, phối hợp với …") are tasks of that body, with the role the verb gives. A heading that ends
with a colon over points of its own is not a task itself: its points are. A plan's field lines give
the bodies and the time of the bullets before them (:mod:`~vngovdirectives.directives.plans`). In a
letter, points that name nobody are tasks of its addressees ("Kính gửi").
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING, Final

import attrs

from vngovdirectives.directives.bodies import shared_colon
from vngovdirectives.directives.model import Assignee, AssigneeRole, DeadlineMention, Task, TaskKind
from vngovdirectives.directives.orders import heading, hinted, imperative, may_order, read_order, support
from vngovdirectives.directives.outline import Item, outline
from vngovdirectives.directives.plans import field_assignees, merge, time_deadlines
from vngovdirectives.directives.tables import table_tasks, tables
from vngovdirectives.directives.tasks import make_task
from vngovdirectives.text.patterns import UPPER

if TYPE_CHECKING:
    from vngovdirectives.directives.page import Page
    from vngovdirectives.directives.units import Unit

__all__ = ["document_tasks"]

#: Where the first sentence of an item ends: a full stop before a capital, or a colon that ends a line. Each
#: branch opens with its literal mark, so that a search skips to the marks (it runs over every item).
#: A line that only states the time of the task before it: "Thời gian hoàn thành trước ngày …".
_TIME_LINE: Final = re.compile(r"[ \t*]{0,3}(?:Thời gian|Thời hạn)(?: hoàn thành| thực hiện)?[ \t]{0,3}:?")
_FIRST_STOP: Final = re.compile(
    "|".join([*(re.escape(c) + rf"(?=[\s*]{{1,8}}[{UPPER}0-9“\"(])" for c in ".!?…"), r":(?=\s)"])
)
_BULLETS: Final = frozenset({"dash", "plus", "para"})
_Subject = tuple[Assignee, ...]
#: A task as first read: its kind, assignees, where the action starts, the trigger's span.
_Draft = tuple[TaskKind, _Subject, int, "tuple[int, int] | None"]
#: Where a sentence of an item ends and the next starts: a full stop or a semicolon and the space after it,
#: before a capital; or a colon and the space after it. Each branch opens with its literal mark.
_NEXT_SENTENCE: Final = re.compile(
    "|".join([*(re.escape(c) + rf"[\s*]{{1,8}}(?=[\"“(]?[{UPPER}])" for c in ".!?…;"), r":[\s*]{1,8}"])
)
_NARRATIVE: Final = re.compile(r"(?:đã|vừa|đang|từng)\s{0,3}$")


def document_tasks(page: Page, start: int, end: int, addressed: list[Assignee]) -> list[Task]:
    """The tasks of the body ``text[start:end]``; ``addressed``: the letter's addressees."""
    units = [u for u in page.units_in(start, end) if u.end <= end]
    found = tables(page, units) if _barred(page.text, units) or page.source.page is not None else []
    if found:
        units = [u for u in units if not any(t.start <= u.start < t.end for t in found)]
    items = outline(page.text, units)
    tasks = _Walk(page, items, tuple(addressed)).run()
    for table in found:
        tasks.extend(table_tasks(page, table))
    tasks.sort(key=lambda t: t.span.start)
    return tasks


class _Walk:
    """One pass over the items, handing subjects down from headings to their points."""

    def __init__(self, page: Page, items: list[Item], addressed: _Subject) -> None:
        self.page = page
        self.items = items
        self.addressed = addressed
        self.subject: list[_Subject] = [() for _ in items]
        #: Headings that order over points of their own, kept for when the points give no task.
        self.pending: list[tuple[int, _Draft]] = []
        self._current = -1
        self.has_children = [False] * len(items)
        for it in items:
            if it.parent >= 0 and it.kind != "field":
                self.has_children[it.parent] = True
        for k in range(len(items) - 1):  # a paragraph that ends with a colon heads the points after it
            nxt = items[k + 1]
            if items[k].kind == "para" and nxt.parent == items[k].parent and nxt.kind not in ("para", "field"):
                self.has_children[k] = True

    def run(self) -> list[Task]:
        groups, claimed = self._groups()
        out: list[Task] = []
        last_para: dict[int, _Subject] = {}
        for i, it in enumerate(self.items):
            if it.kind in ("field", "chapter") or i in claimed:
                continue
            inherited = self._inherited(i, last_para)
            self._current = i
            found, subject = self._item(i, it, inherited)
            self.subject[i] = subject
            if subject and it.kind == "para":
                last_para[it.parent] = subject
            if not found and out and it.kind == "para" and _TIME_LINE.match(self.page.text, it.body, it.end):
                out[-1] = self._timed(out[-1], it)  # "Thời gian hoàn thành trước ngày …" after the task
            out.extend(found)
        for members, fields in groups:
            found_group = self._group(members, fields)
            if found_group is not None:
                out.append(found_group)
        out.extend(self._unheaded(out))
        out.sort(key=lambda t: t.span.start)
        return out

    def _timed(self, task: Task, it: Item) -> Task:
        """``task`` with the time limit a line of its own right after it states, if it has none yet."""
        if task.deadlines or self.page.span(it.start, it.start).start - task.span.end > 3:
            return task
        return attrs.evolve(task, deadlines=time_deadlines(self.page, it.body, it.end))

    def _unheaded(self, found: list[Task]) -> list[Task]:
        """The headings over points that gave no task ("Giao Sở A … cụ thể: - Sở A đối với …"): each is a
        task over its whole point."""
        starts = sorted(t.span.start for t in found)
        out: list[Task] = []
        for i, (kind, assignees, action, trigger) in self.pending:
            it = self.items[i]
            end = self._point_end(i)
            span = (self.page.span(it.start, it.start).start, self.page.span(end, end).start)
            k = bisect.bisect_left(starts, span[0])
            if k < len(starts) and starts[k] < span[1]:
                continue
            task = make_task(
                self.page, (it.start, end), kind, assignees, action=action, trigger=trigger, label=self._label(i)
            )
            if task is not None:
                out.append(task)
        return out

    def _point_end(self, i: int) -> int:
        """Where item ``i`` and the items under it end (for a paragraph that ends with a colon, the points
        after it in the same point)."""
        items = self.items
        k = i + 1
        while k < len(items) and (
            self._under(k, i)
            or (items[i].kind == "para" and items[k].kind != "para" and self._under(k, items[i].parent))
        ):
            k += 1
        return items[k - 1].end

    def _under(self, k: int, i: int) -> bool:
        while k >= 0 and k != i:
            k = self.items[k].parent
        return k == i

    def _inherited(self, i: int, last_para: dict[int, _Subject]) -> _Subject:
        """The subject an item gets: a paragraph's from the paragraph before it in the same point, else the
        nearest heading's above it, else the letter's addressees."""
        it = self.items[i]
        if it.parent in last_para and (it.kind == "para" or self._after_colon(i)):
            return last_para[it.parent]
        k = it.parent
        while k >= 0:
            if self.subject[k]:
                return self.subject[k]
            k = self.items[k].parent
        return self.addressed

    def _after_colon(self, i: int) -> bool:
        """Whether a point follows, in the same point, a paragraph that ends with a colon ("Sở A có trách
        nhiệm:" before "a) …")."""
        parent = self.items[i].parent
        k = i - 1
        while k >= 0 and k != parent and (self.items[k].parent != parent or self.items[k].kind != "para"):
            k -= 1
        return k >= 0 and k != parent and self.page.text[self.items[k].end - 1] == ":"

    def _item(self, i: int, it: Item, inherited: _Subject) -> tuple[list[Task], _Subject]:
        """The tasks of item ``i`` (its own text) and the subject it hands down: the first sentence may
        take the subject handed down to it; a later sentence that names bodies of its own starts a task of
        its own, any other goes on with the task before it."""
        text = self.page.text
        s, e = it.body, it.end
        stop = _FIRST_STOP.search(text, s, e)
        while stop is not None and shared_colon(text, stop.start()):
            stop = _FIRST_STOP.search(text, stop.end(), e)
        first_end = stop.end() if stop is not None else e
        heads_points = text[first_end - 1] == ":" and self.has_children[i]
        draft, subject = self._first(s, first_end, e, inherited, heads_points)
        drafts = [] if draft is None else [(it.start, *draft)]
        read = draft[2] if draft is not None else -1  # a clause the first task already took
        for ss, se in _sentences(text, first_end, e) if first_end < e else ():
            if ss <= read:
                continue
            hint = hinted(self.page, ss, se)
            if not may_order(self.page, ss, se, hint):
                continue
            order = read_order(self.page, ss, se, acting=True, hint=hint)
            if order is not None and order.assignees and not _narrates(text, ss, order.action):
                drafts.append((ss, order.kind, order.assignees, order.action, order.trigger))
        out = []
        label = self._label(i) if drafts else None
        for k, (ds, kind, assignees, action, trigger) in enumerate(drafts):
            de = drafts[k + 1][0] if k + 1 < len(drafts) else e
            found = make_task(self.page, (ds, de), kind, assignees, action=action, trigger=trigger, label=label)
            if found is not None:
                out.append(found)
        return out, subject

    def _label(self, i: int) -> str | None:
        """The label of item ``i``, or of the point a paragraph or bullet belongs to ("Điều 3", "2")."""
        k = i
        while k >= 0 and self.items[k].label is None:
            k = self.items[k].parent
        return self.items[k].label if k >= 0 else None

    def _first(
        self, s: int, e: int, item_end: int, inherited: _Subject, heads_points: bool
    ) -> tuple[_Draft | None, _Subject]:
        """The task the first sentence ``text[s:e]`` of an item gives, and the subject it hands down; a
        heading that only names a body ("Sở Tài chính:") is a task of it when a verb follows on."""
        page, text = self.page, self.page.text
        hint = hinted(page, s, e)
        maybe = may_order(page, s, e, hint)
        order = read_order(page, s, e, acting=True, hint=hint) if maybe else None
        if order is not None and order.assignees:
            assignees = order.assignees
            if order.kind is TaskKind.DIRECT and inherited:
                assignees = merge(inherited, list(assignees))
            draft = (order.kind, assignees, order.action, order.trigger)
            if heads_points:
                self.pending.append((self._current, draft))  # a task only if its points give none
                return None, assignees
            return draft, assignees
        named = heading(page, s, e) if maybe else None
        if named is not None:
            bodies, after = named
            if after >= e - 1:
                after = _skip_space(text, e, item_end)
                given = imperative(text, after, item_end, any_case=True)
            else:
                given = imperative(text, after, e) or AssigneeRole.RESPONSIBLE
            if given is None or heads_points or after >= item_end:
                return None, tuple(bodies)
            directed = read_order(page, after, item_end) if given is AssigneeRole.RESPONSIBLE else None
            others = directed.assignees if directed is not None and directed.kind is TaskKind.DIRECT else ()
            assignees = merge((), [*_with_role(tuple(bodies), given), *others, *support(page, after, item_end)])
            return (TaskKind.ARTICLE, assignees, after, None), tuple(bodies)
        if not inherited or heads_points:
            return None, ()  # most items: nothing handed down, no verb to read
        role = imperative(text, s, e)
        if role is None:
            return None, ()
        assignees = merge((), [*_with_role(inherited, role), *support(page, s, e)])
        return (TaskKind.ARTICLE, assignees, s, None), ()

    def _groups(self) -> tuple[list[tuple[list[int], list[Item]]], set[int]]:
        """The plan's field groups: each with the items it belongs to (claimed from the walk)."""
        items = self.items
        groups: list[tuple[list[int], list[Item]]] = []
        claimed: set[int] = set()
        done_until: dict[int, int] = {}
        i = 0
        while i < len(items):
            if items[i].kind != "field":
                i += 1
                continue
            j = i
            while j < len(items) and items[j].kind == "field" and items[j].parent == items[i].parent:
                j += 1
            p = items[i].parent
            members = self._members(p, done_until) if p >= 0 else []
            members = [k for k in members if not self._own_order(k)]
            claimed.update(members)
            groups.append((members, items[i:j]))
            if p >= 0:
                done_until[items[p].parent] = j
            i = j
        return groups, claimed

    def _members(self, p: int, done_until: dict[int, int]) -> list[int]:
        """The items a field group under item ``p`` belongs to: ``p``, and the bullets before it in the same
        point since the previous group."""
        items = self.items
        if items[p].kind not in _BULLETS:
            return [p]
        parent = items[p].parent
        lo = done_until.get(parent, 0)
        return [k for k in range(lo, p + 1) if items[k].parent == parent and items[k].kind in _BULLETS]

    def _own_order(self, k: int) -> bool:
        """Whether item ``k`` gives an order of its own with a trigger ("Đề nghị …", "Giao …")."""
        it = self.items[k]
        order = read_order(self.page, it.body, it.end)
        return order is not None and order.led and bool(order.assignees)

    def _group(self, members: list[int], fields: list[Item]) -> Task | None:
        named = field_assignees(self.page, fields)
        if not members or not named:
            return None
        first = self.items[members[0]]
        order = read_order(self.page, first.body, first.end)
        own = tuple(a for a in order.assignees if a.role is not AssigneeRole.SUPPORT) if order is not None else ()
        deadlines = tuple(d for f in fields if f.role == "time" for d in time_deadlines(self.page, f.body, f.end))
        end = max(self.items[k].end for k in members)
        found = make_task(
            self.page,
            (first.start, end),
            TaskKind.ARTICLE,
            merge(own, named),
            action=first.body,
            label=first.label,
        )
        if found is None:
            return None
        return _with_deadlines(found, deadlines)


def _barred(text: str, units: list[Unit]) -> bool:
    """Whether a unit holds a "|" or is followed by one (a table's row); most texts hold none at all."""
    if not units or text.find("|", units[0].start, units[-1].end + 2) < 0:
        return False
    return any(text.find("|", u.start, u.end + 2) >= 0 for u in units)


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences of ``text[start:end]`` (line breaks inside a sentence do not end it)."""
    out = []
    pos = start
    # From one character before: the mark that ends the sentence before ``start`` ends no sentence here.
    for m in _NEXT_SENTENCE.finditer(text, max(0, start - 1), end):
        mark = m.start()
        if text[mark] == ":" and shared_colon(text, mark):
            continue
        if mark + 1 > pos:
            out.append((pos, mark + 1))
        pos = m.end()
    if end > pos:
        out.append((pos, end))
    return out


def _skip_space(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos] in " \t\r\n*":
        pos += 1
    return pos


def _narrates(text: str, start: int, action: int) -> bool:
    """A sentence that tells what a body did ("UBND tỉnh đã ban hành …"), not what it must do."""
    return _NARRATIVE.search(text, start, action) is not None


def _with_role(subject: _Subject, role: AssigneeRole) -> _Subject:
    """The subject with the role a verb gives: "Chủ trì" makes its bodies lead, "Phối hợp" support;
    another verb leaves the roles as the heading gave them."""
    if role is AssigneeRole.RESPONSIBLE:
        return subject
    out = []
    for a in subject:
        keep = a.role is AssigneeRole.SUPPORT and role is AssigneeRole.LEAD
        out.append(a if keep else Assignee(name=a.name, span=a.span, role=role))
    return tuple(out)


def _with_deadlines(found: Task, deadlines: tuple[DeadlineMention, ...]) -> Task:
    if not deadlines:
        return found
    return attrs.evolve(found, deadlines=(*found.deadlines, *deadlines))
