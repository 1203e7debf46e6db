"""Task tables of a plan: "Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành", one task a row.

A table is found by its header row: cells named as a plan's fields are (``data/vocab/plan_fields.txt``),
one of them the task itself (content) and one naming bodies or a time. Each row under it is a task: the
content cell its text, the bodies of the lead, support and responsible cells its assignees with those
roles, the time cell its deadline. Rows are read from text ("| 1 | Rà soát … | Sở Tư pháp | … |", a row
broken over lines going on until it has its cells) or from an HTML page, where each cell of the page's
table became a line of the text and the page's own ``<tr>`` and ``<td>`` say which row and cell it is.
"""

from __future__ import annotations

import bisect
import itertools
import re
from typing import TYPE_CHECKING, Final, NamedTuple

from vngovdirectives.directives.bodies import split_bodies
from vngovdirectives.directives.model import AssigneeRole, DeadlineMention, Task, TaskKind
from vngovdirectives.directives.plans import time_deadlines
from vngovdirectives.directives.tasks import make_task
from vngovdirectives.directives.units import plain
from vngovdirectives.text.vocab import rows

if TYPE_CHECKING:
    from vngovdirectives.directives.model import Assignee
    from vngovdirectives.directives.page import Page
    from vngovdirectives.directives.units import Unit

__all__ = ["Table", "table_tasks", "tables"]

_COLUMNS: Final = {" ".join(r[0].casefold().split()): r[1] for r in rows("plan_fields")}
_ROLES: Final = {"lead": AssigneeRole.LEAD, "support": AssigneeRole.SUPPORT, "responsible": AssigneeRole.RESPONSIBLE}
_TR: Final = re.compile(r"<tr[\s>]", re.IGNORECASE)
_CELL_TAG: Final = re.compile(r"<t[dh][\s>]", re.IGNORECASE)
_TABLE_END: Final = re.compile(r"</table\s*>", re.IGNORECASE)
_Cell = tuple[int, int]


class Table(NamedTuple):
    """A task table: what each column holds (by index), and its rows of cells (spans of the text)."""

    columns: dict[int, str]
    rows: list[list[_Cell]]
    start: int
    end: int


def tables(page: Page, units: list[Unit]) -> list[Table]:
    """The task tables among ``units``: from the page's own rows for an HTML page, else from lines with "|"."""
    grid = _html_rows(page, units) if page.source.page is not None else _text_rows(page.text, units)
    out: list[Table] = []
    k = 0
    while k < len(grid):
        columns = _header(page.text, grid[k])
        if columns is None:
            k += 1
            continue
        width = len(grid[k])
        body = []
        j = k + 1
        while j < len(grid) and _header(page.text, grid[j]) is None and len(grid[j]) >= 2:
            body.append(_padded(grid[j], width))
            j += 1
        if body:
            out.append(Table(columns, body, grid[k][0][0], body[-1][-1][1]))
        k = j
    return out


def table_tasks(page: Page, table: Table) -> list[Task]:
    """One task a row: its content cell, the bodies of its role cells, the deadline of its time cell."""
    out: list[Task] = []
    content = next((i for i, c in table.columns.items() if c == "content"), None)
    for row in table.rows:
        assignees: list[Assignee] = []
        deadlines: tuple[DeadlineMention, ...] = ()
        label = None
        for i, (s, e) in enumerate(row):
            kind = table.columns.get(i)
            if kind == "index" and e > s:
                label = plain(page.text[s:e]).rstrip(".")
            elif kind in _ROLES:
                assignees.extend(split_bodies(page, s, e, _ROLES[kind], bare=True))
            elif kind == "time" and e > s:
                deadlines = time_deadlines(page, s, e)
        if not assignees:
            continue
        span = row[content] if content is not None and content < len(row) else (row[0][0], row[-1][1])
        if span[1] <= span[0]:
            continue
        found = make_task(page, span, TaskKind.ARTICLE, tuple(assignees), deadlines=deadlines, label=label)
        if found is not None:
            out.append(found)
    return out


def _header(text: str, cells: list[_Cell]) -> dict[int, str] | None:
    """What each column holds, when ``cells`` is a header row: a content column and a role or time column."""
    columns = {}
    for i, (s, e) in enumerate(cells):
        kind = _COLUMNS.get(" ".join(plain(text[s:e]).casefold().split()))
        if kind is not None:
            columns[i] = kind
    kinds = set(columns.values())
    if "content" in kinds and kinds & {"lead", "support", "responsible"}:
        return columns
    return None


def _padded(row: list[_Cell], width: int) -> list[_Cell]:
    """A row whose first cell (its number) was left out: its cells moved one column to the right."""
    if len(row) == width - 1:
        return [(row[0][0], row[0][0]), *row]
    return row


def _text_rows(text: str, units: list[Unit]) -> list[list[_Cell]]:
    """Rows of the lines that hold "|": each line's cells; a line with too few cells goes on with the row
    before (a row broken over lines)."""
    out: list[list[_Cell]] = []
    width = 0
    last_line = -1
    line = seen = 0  # the start of the line of the unit before, and where the search for it stopped
    for u in units:
        # The line starts after the last break before the unit: looked for only since the unit before (a table
        # flattened onto one long line has thousands of cells: a search back to the page's start for each is
        # quadratic).
        line = max(line, text.rfind("\n", seen, u.start) + 1)
        seen = u.start
        if line == last_line or text.find("|", line, u.end + 2) < 0:
            continue
        last_line = line
        end = text.find("\n", line)
        cells = _cells(text, line, len(text) if end < 0 else end)
        if len(cells) < 2 and not (out and width):
            continue
        if out and width and len(out[-1]) < width and text[line] == "|" and len(cells) < width:
            out[-1].extend(cells)
        else:
            out.append(cells)
        width = max(width, len(cells)) if len(cells) >= 3 else width
    return out


def _cells(text: str, start: int, end: int) -> list[_Cell]:
    """The cells of the line ``text[start:end]`` between its bars (a leading and a trailing bar left out)."""
    bars = [start - 1]
    k = text.find("|", start, end)
    while k >= 0:
        bars.append(k)
        k = text.find("|", k + 1, end)
    bars.append(end)
    cells = []
    for a, b in itertools.pairwise(bars):
        s, e = a + 1, b
        while s < e and text[s] in " \t*":
            s += 1
        while e > s and text[e - 1] in " \t*":
            e -= 1
        cells.append((s, e))
    if cells and text[start:end].lstrip().startswith("|"):
        cells = cells[1:]
    if cells and text[start:end].rstrip().endswith("|"):
        cells = cells[:-1]
    return cells


def _html_rows(page: Page, units: list[Unit]) -> list[list[_Cell]]:
    """Rows of an HTML page's tables: the units that came from the same ``<tr>``, one cell per ``<td>``."""
    html = page.source.source
    trs = [m.start() for m in _TR.finditer(html)]
    if not trs:
        return []
    tds = [m.start() for m in _CELL_TAG.finditer(html)]
    ends = [m.start() for m in _TABLE_END.finditer(html)]
    out: list[list[_Cell]] = []
    key: tuple[int, int] | None = None
    for u in units:
        pos = page.source.span(u.start, u.end)[0]
        tr = bisect.bisect_right(trs, pos) - 1
        td = bisect.bisect_right(tds, pos) - 1
        table_end = bisect.bisect_left(ends, trs[tr]) if tr >= 0 else 0
        if tr < 0 or td < 0 or tds[td] < trs[tr] or (table_end < len(ends) and ends[table_end] < pos):
            key = None
            continue
        if key is not None and key[0] == tr and out:
            row = out[-1]
            if key[1] == td:
                row[-1] = (row[-1][0], u.end)
            else:
                row.append((u.start, u.end))
        else:
            out.append([(u.start, u.end)])
        key = (tr, td)
    return out
