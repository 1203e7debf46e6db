"""The ``sqlite`` export format for vngovdirectives: a SQLite database that Datasette can open.

Registered through the ``vngovdirectives`` entry-point group; it uses only the public API of
vngovdirectives (the models, ``resolve_deadline``, ``Exporter`` and ``hookimpl``).
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Final

from vngovdirectives.deadlines import resolve_deadline
from vngovdirectives.directives import Bulletin, Document
from vngovdirectives.errors import VnGovDirectivesError
from vngovdirectives.plugins import Exporter, hookimpl

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable

    from vngovdirectives.directives import DeadlineMention, Directive
    from vngovdirectives.plugins import Exportable

__all__ = ["SCHEMA", "SQLITE", "register_exporters", "write_sqlite"]

SCHEMA: Final = """
CREATE TABLE items (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    title TEXT,
    number TEXT,
    issued_on TEXT
);
CREATE TABLE directives (
    id TEXT PRIMARY KEY,
    item_id INTEGER NOT NULL REFERENCES items(id),
    heading TEXT,
    issuer TEXT,
    reference TEXT,
    text TEXT NOT NULL
);
CREATE TABLE document_references (
    id INTEGER PRIMARY KEY,
    directive_id TEXT NOT NULL REFERENCES directives(id),
    role TEXT NOT NULL,
    number TEXT,
    type TEXT,
    issued_on TEXT,
    issuer TEXT,
    text TEXT NOT NULL
);
CREATE TABLE tasks (
    id TEXT PRIMARY KEY,
    directive_id TEXT NOT NULL REFERENCES directives(id),
    kind TEXT NOT NULL,
    label TEXT,
    action TEXT,
    text TEXT NOT NULL
);
CREATE TABLE assignees (
    id INTEGER PRIMARY KEY,
    task_id TEXT NOT NULL REFERENCES tasks(id),
    name TEXT NOT NULL,
    role TEXT NOT NULL
);
CREATE TABLE deadlines (
    id INTEGER PRIMARY KEY,
    directive_id TEXT NOT NULL REFERENCES directives(id),
    task_id TEXT REFERENCES tasks(id),
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    last_day TEXT,
    time TEXT
);
CREATE INDEX directives_item ON directives(item_id);
CREATE INDEX references_directive ON document_references(directive_id);
CREATE INDEX tasks_directive ON tasks(directive_id);
CREATE INDEX assignees_task ON assignees(task_id);
CREATE INDEX deadlines_directive ON deadlines(directive_id);
CREATE INDEX deadlines_task ON deadlines(task_id);
"""
"""The tables (a table per concept, linked by foreign keys)."""


def _last_day(mention: DeadlineMention) -> dt.date | None:
    if mention.last_day is not None:
        return mention.last_day
    try:
        return resolve_deadline(mention.value)
    except VnGovDirectivesError:
        return None


def _item_row(number: int, item: Exportable) -> tuple[object, ...]:
    if isinstance(item, Bulletin):
        return (number, "bulletin", item.title.text if item.title else None, None, None)
    if isinstance(item, Document):
        return (
            number,
            "document",
            item.title.text if item.title else None,
            str(item.number) if item.number is not None else None,
            item.issued_on.iso() if item.issued_on is not None else None,
        )
    return (number, "directive", item.title, None, None)


def _directives(item: Exportable) -> tuple[Directive, ...]:
    if isinstance(item, Bulletin):
        return item.directives
    if isinstance(item, Document):
        return (item.as_directive(),)
    return (item,)


def _insert_directive(db: sqlite3.Connection, item_id: int, directive_id: str, d: Directive) -> None:
    carrier = d.carrier
    reference = None
    if carrier is not None:
        reference = str(carrier.value.number) if carrier.value.number is not None else carrier.text
    issuer = d.issuer.text if d.issuer is not None else (carrier.value.issuer if carrier is not None else None)
    db.execute(
        "INSERT INTO directives VALUES (?, ?, ?, ?, ?, ?)", (directive_id, item_id, d.title, issuer, reference, d.text)
    )
    seen = set()
    for ref in (*d.carriers, *d.references):
        if (ref.span, ref.text) in seen:
            continue
        seen.add((ref.span, ref.text))
        v = ref.value
        db.execute(
            "INSERT INTO document_references (directive_id, role, number, type, issued_on, issuer, text) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                directive_id, ref.role.value, str(v.number) if v.number is not None else v.serial, v.type_name,
                v.issued_on.iso() if v.issued_on is not None else None, v.issuer, ref.text,
            ),
        )  # fmt: skip
    in_tasks = set()
    for n, task in enumerate(d.tasks, 1):
        task_id = f"{directive_id}.{n}"
        db.execute(
            "INSERT INTO tasks VALUES (?, ?, ?, ?, ?, ?)",
            (task_id, directive_id, task.kind.value, task.label, task.action.text, task.text),
        )
        db.executemany(
            "INSERT INTO assignees (task_id, name, role) VALUES (?, ?, ?)",
            [(task_id, a.name, a.role.value) for a in task.assignees],
        )
        for mention in task.deadlines:
            in_tasks.add((mention.span, mention.text))
            _insert_deadline(db, directive_id, task_id, mention)
    for mention in d.deadlines:
        if (mention.span, mention.text) not in in_tasks:
            _insert_deadline(db, directive_id, None, mention)


def _insert_deadline(db: sqlite3.Connection, directive_id: str, task_id: str | None, m: DeadlineMention) -> None:
    day = _last_day(m)
    time = getattr(m.value, "time", None)
    db.execute(
        "INSERT INTO deadlines (directive_id, task_id, text, kind, last_day, time) VALUES (?, ?, ?, ?, ?, ?)",
        (
            directive_id, task_id, m.text, m.value.kind, day.isoformat() if day is not None else None,
            f"{time.hour:02d}:{time.minute:02d}" if time is not None else None,
        ),
    )  # fmt: skip


def write_sqlite(items: Iterable[Exportable], stream: BinaryIO) -> None:
    """Build the database in a temporary file, then copy its bytes to ``stream``."""
    with tempfile.TemporaryDirectory(prefix="vngovdirectives-sqlite-") as tmp:
        path = Path(tmp) / "export.db"
        db = sqlite3.connect(path)
        try:
            db.execute("PRAGMA foreign_keys = ON")
            db.executescript(SCHEMA)
            for number, item in enumerate(items, 1):
                db.execute("INSERT INTO items VALUES (?, ?, ?, ?, ?)", _item_row(number, item))
                for index, directive in enumerate(_directives(item), 1):
                    _insert_directive(db, number, f"{number}.{index}", directive)
            db.commit()
        finally:
            db.close()
        with path.open("rb") as source:
            shutil.copyfileobj(source, stream)


SQLITE: Final = Exporter(
    name="sqlite",
    media_type="application/vnd.sqlite3",
    suffix=".db",
    write=write_sqlite,
    description="a SQLite database of directives, references, tasks and deadlines (open it with Datasette)",
)


@hookimpl
def register_exporters() -> list[Exporter]:
    """The ``sqlite`` format."""
    return [SQLITE]
