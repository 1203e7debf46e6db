"""A plan's task fields: "Đơn vị chủ trì: …", "Đơn vị phối hợp: …", "Thời gian thực hiện: …".

A group of field lines names who leads, supports or carries out the activity printed before it (the
bullets since the previous group) and when it is due. The time a field (or a table's column) states is
read as a deadline: the finders' deadline when there is one ("Trước ngày 30/11/2025"), else its date or
period: a month, quarter or year is the span within which to finish ("Tháng 12/2025": within), a day is
the last day ("30/11/2025"), and "từ …" or "… và các năm tiếp theo" a start ("Từ 01/7/2025").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from vngovdirectives.dates.model import Period, VnDate
from vngovdirectives.deadlines.model import Deadline, NoLaterThan, Starting, Within
from vngovdirectives.directives.bodies import list_end, split_bodies, starts_body
from vngovdirectives.directives.model import Assignee, AssigneeRole, DeadlineMention
from vngovdirectives.directives.tasks import deadline_mention, deadlines_in
from vngovdirectives.finding.match import MatchKind

if TYPE_CHECKING:
    from vngovdirectives.directives.outline import Item
    from vngovdirectives.directives.page import Page

__all__ = ["field_assignees", "merge", "time_deadlines"]

#: The parts of a field's value: bodies listed apart by semicolons ("Sở A tiến hành …; các sở … rà soát …").
_PARTS: Final = re.compile(r"[^;]+")
_ROLES: Final = {"lead": AssigneeRole.LEAD, "support": AssigneeRole.SUPPORT, "responsible": AssigneeRole.RESPONSIBLE}
#: A time that starts something and goes on: "Từ 01/7/2025", "Quý IV năm 2025 và các năm tiếp theo".
_FROM: Final = re.compile(
    r"(?:^|\s)(?:[Tt]ừ|[Kk]ể\s{1,3}từ|[Bb]ắt\s{1,3}đầu)\s|(?:các|những)\s{1,3}năm\s{1,3}tiếp\s{1,3}theo"
)


def field_assignees(page: Page, fields: list[Item]) -> list[Assignee]:
    """The bodies the field lines of a group name, with the role each field gives."""
    out: list[Assignee] = []
    text = page.text
    for f in fields:
        role = _ROLES.get(f.role or "")
        if role is None:
            continue
        for part in _PARTS.finditer(text, f.body, f.end):
            s, e = part.span()
            while s < e and text[s] in " \t\r\n*":
                s += 1
            stop = list_end(text, s, e) if starts_body(text, s) else e
            out.extend(split_bodies(page, s, stop if stop > s else e, role, bare=True))
    return out


def merge(own: tuple[Assignee, ...], named: list[Assignee]) -> tuple[Assignee, ...]:
    """``own`` and ``named`` together, each name once: a field's role wins over the subject's."""
    by_name = {a.name.casefold(): a for a in own}
    for a in named:
        by_name[a.name.casefold()] = a
    return tuple(by_name.values())


def time_deadlines(page: Page, start: int, end: int) -> tuple[DeadlineMention, ...]:
    """The deadline a time field or column states in ``text[start:end]``."""
    found = deadlines_in(page, start, end)
    if found:
        return found
    text = page.text
    starts = _FROM.search(text, start, end) is not None
    for kind in (MatchKind.PERIOD, MatchKind.DATE):
        for m in page.in_range(kind, start, end):
            value = _deadline(m.value, starts)
            if value is not None:
                return (deadline_mention(page, m, value),)
    return ()


def _deadline(value: object, starts: bool) -> Deadline | None:
    if isinstance(value, Period):
        return Starting(start=value.start) if starts else Within(span=value)
    if not isinstance(value, VnDate) or value.year is None or value.lunar:
        return None
    if starts:
        return Starting(start=value)
    return NoLaterThan(due=value) if value.day is not None else Within(span=value)
