"""Flat rows of directives, tasks, deadlines and references, shared by the tabular exporters.

Every row carries its item's id (the input's position in the batch, kept by failed inputs too)
and its source (the file it came from, or the name the caller gave).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

import attrs

from vngovdirectives.plugins.model import Record, records_of

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable, Iterator

    from vngovdirectives.directives import DeadlineMention, Directive, Reference, Task
    from vngovdirectives.plugins.model import Exportable

Cell = str | int | None

_LONE_SURROGATE: Final = re.compile("[\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` with lone surrogates, which no UTF-8 output can hold, made U+FFFD."""
    return _LONE_SURROGATE.sub("\ufffd", text)


@attrs.frozen(kw_only=True, slots=True)
class Located:
    """A directive with where it came from: its item's id and source, its 1-based number in the
    item, and the item's kind."""

    item: int
    index: int
    kind: str
    source: str | None
    directive: Directive

    @property
    def key(self) -> str:
        """``"item.directive"``, e.g. ``"1.2"``: the directive's id in every table."""
        return f"{self.item}.{self.index}"


def item_kind(item: object) -> str:
    """``"bulletin"``, ``"document"`` or ``"directive"``."""
    from vngovdirectives.serde import tag_of

    return tag_of(type(item))


def walk(items: Iterable[Exportable | Record]) -> Iterator[Located | Record]:
    """Every directive of ``items`` in order (a document counts as one directive), and in its
    place the record of each input that failed."""
    from vngovdirectives.directives import Bulletin, Document

    for record in records_of(items):
        item = record.item
        if item is None:
            yield record
            continue
        assert record.id is not None  # records_of numbers every record
        if isinstance(item, Bulletin):
            found: tuple[Directive, ...] = item.directives
        elif isinstance(item, Document):
            found = (item.as_directive(),)
        else:
            found = (item,)
        kind = item_kind(item)
        for index, directive in enumerate(found, 1):
            yield Located(item=record.id, index=index, kind=kind, source=record.source, directive=directive)


def directives_of(items: Iterable[Exportable | Record]) -> Iterator[Located]:
    """Every directive of ``items``, in order (a document counts as one directive)."""
    for entry in walk(items):
        if isinstance(entry, Located):
            yield entry


def carrier(directive: Directive) -> Reference | None:
    """The reference that carries the directive (its own number for a document)."""
    return directive.carrier


def ref_number(ref: Reference | None) -> str | None:
    """The document number of a reference as printed canonically, else its text."""
    if ref is None:
        return None
    number = ref.value.number
    return str(number) if number is not None else ref.text


def ref_date(ref: Reference | None) -> str | None:
    """The ISO date (or partial date) of a reference."""
    if ref is None or ref.value.issued_on is None:
        return None
    return ref.value.issued_on.iso()


def issuer(directive: Directive) -> str | None:
    """Who gave the directive: its issuer, else its carrier's issuer."""
    if directive.issuer is not None:
        return directive.issuer.text
    ref = carrier(directive)
    return ref.value.issuer if ref is not None else None


def last_moment(mention: DeadlineMention) -> tuple[dt.date | None, dt.time | None]:
    """The last day of a deadline and the time on it by which it falls due (None: the end of the
    day), or (None, None) when the text does not fix one. Every tabular format and the ics
    export write this same moment."""
    if mention.last_day is not None:
        time = mention.last_time
        return mention.last_day, time.to_time() if time is not None else None
    from vngovdirectives.deadlines.resolve import last_moment as moment_of
    from vngovdirectives.errors import VnGovDirectivesError

    try:
        day, time = moment_of(mention.value)
    except VnGovDirectivesError:
        return None, None
    return day, time.to_time() if time is not None else None


def last_day(mention: DeadlineMention) -> dt.date | None:
    """The last day of a deadline, or None when the text does not fix one."""
    return last_moment(mention)[0]


def loose_deadlines(directive: Directive) -> tuple[DeadlineMention, ...]:
    """The directive's deadlines that belong to none of its tasks."""
    in_tasks = {(m.span, m.text) for task in directive.tasks for m in task.deadlines}
    return tuple(m for m in directive.deadlines if (m.span, m.text) not in in_tasks)


def names(task: Task, role: str | None = None) -> str:
    """The assignees of a task, "; "-separated (only those of ``role`` when given)."""
    return "; ".join(a.name for a in task.assignees if role is None or a.role.value == role)


# --------------------------------------------------------------------------- tables

DIRECTIVE_COLUMNS: Final = (
    "id", "source", "kind", "reference", "reference_date", "issuer", "heading", "tasks", "deadlines", "text",
)  # fmt: skip
ERROR_COLUMNS: Final = ("id", "source", "error")
TASK_COLUMNS: Final = ("id", "directive_id", "label", "kind", "action", "assignees", "lead", "support", "text")
DEADLINE_COLUMNS: Final = ("directive_id", "task_id", "text", "kind", "last_day", "time")
REFERENCE_COLUMNS: Final = (
    "directive_id", "role", "number", "type", "issued_on", "issuer", "text", "relation", "part",
)  # fmt: skip
CSV_COLUMNS: Final = (
    "directive_id", "source", "kind", "reference", "reference_date", "issuer", "heading",
    "task_id", "task", "assignees", "lead", "support", "deadline", "deadline_kind", "last_day", "time", "error",
)  # fmt: skip


def _deadline_cells(mention: DeadlineMention | None) -> tuple[Cell, ...]:
    if mention is None:
        return (None, None, None, None)
    day, time = last_moment(mention)
    return (
        mention.text,
        mention.value.kind,
        day.isoformat() if day is not None else None,
        time.strftime("%H:%M") if time is not None else None,
    )


def directive_rows(located: Located) -> Iterator[tuple[Cell, ...]]:
    """The directives table: one row."""
    d = located.directive
    ref = carrier(d)
    yield (
        located.key, located.source, located.kind, ref_number(ref), ref_date(ref), issuer(d), d.title,
        len(d.tasks), len(d.deadlines), d.text,
    )  # fmt: skip


def task_rows(located: Located) -> Iterator[tuple[Cell, ...]]:
    """The tasks table: one row per task."""
    for n, task in enumerate(located.directive.tasks, 1):
        yield (
            f"{located.key}.{n}", located.key, task.label, task.kind.value, task.action.text,
            names(task), names(task, "lead"), names(task, "support"), task.text,
        )  # fmt: skip


def deadline_rows(located: Located) -> Iterator[tuple[Cell, ...]]:
    """The deadlines table: one row per deadline, with its task when it belongs to one."""
    for n, task in enumerate(located.directive.tasks, 1):
        for mention in task.deadlines:
            yield (located.key, f"{located.key}.{n}", *_deadline_cells(mention))
    for mention in loose_deadlines(located.directive):
        yield (located.key, None, *_deadline_cells(mention))


def reference_rows(located: Located) -> Iterator[tuple[Cell, ...]]:
    """The references table: the carriers, then the other references, each once."""
    d = located.directive
    seen: set[tuple[object, str]] = set()
    for ref in (*d.carriers, *d.references):
        if (ref.span, ref.text) in seen:
            continue
        seen.add((ref.span, ref.text))
        v = ref.value
        yield (
            located.key, ref.role.value, str(v.number) if v.number is not None else v.serial, v.type_name,
            v.issued_on.iso() if v.issued_on is not None else None, v.issuer, ref.text,
            v.relation.value, v.part,
        )  # fmt: skip


def csv_rows(located: Located) -> Iterator[tuple[Cell, ...]]:
    """One row per task deadline (a task without one gets one row), then per loose deadline.

    A directive with neither tasks nor deadlines still gets one row.
    """
    d = located.directive
    ref = carrier(d)
    head: tuple[Cell, ...] = (
        located.key, located.source, located.kind, ref_number(ref), ref_date(ref), issuer(d), d.title,
    )  # fmt: skip
    count = 0
    for n, task in enumerate(d.tasks, 1):
        task_cells: tuple[Cell, ...] = (
            f"{located.key}.{n}", task.text, names(task), names(task, "lead"), names(task, "support"),
        )  # fmt: skip
        for mention in task.deadlines or (None,):
            count += 1
            yield (*head, *task_cells, *_deadline_cells(mention), None)
    for mention in loose_deadlines(d):
        count += 1
        yield (*head, None, None, None, None, None, *_deadline_cells(mention), None)
    if count == 0:
        yield (*head, *(None,) * 9, None)


def error_row(record: Record) -> tuple[Cell, ...]:
    """The errors table: one row per input that failed."""
    return (record.id, record.source, record.error)


def csv_error_row(record: Record) -> tuple[Cell, ...]:
    """The csv row of an input that failed: its id, source, kind ``"error"`` and the message."""
    return (str(record.id), record.source, "error", *(None,) * 13, record.error)
