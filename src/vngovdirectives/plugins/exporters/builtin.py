"""The formats that need nothing beyond the library: json and jsonl
(:mod:`~vngovdirectives.plugins.exporters.jsonfmt`), csv and markdown.

``json`` is lossless: :func:`load_json` reads it back into equal objects.

>>> from vngovdirectives.plugins import export
>>> load_json(export([], to="json"))
[]
"""

from __future__ import annotations

import codecs
import csv
import json
import re
from typing import TYPE_CHECKING, Any, BinaryIO, Final

from vngovdirectives.plugins.exporters import _rows
from vngovdirectives.plugins.exporters.jsonfmt import FORMAT_TAG, FORMAT_VERSION, JSON, JSONL
from vngovdirectives.plugins.exporters.load import load_json, load_records
from vngovdirectives.plugins.model import Exporter, Record, records_of

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from vngovdirectives.directives import DeadlineMention
    from vngovdirectives.plugins.model import Exportable

__all__ = [
    "CSV",
    "EXPORTERS",
    "FORMAT_TAG",
    "FORMAT_VERSION",
    "JSON",
    "JSONL",
    "MARKDOWN",
    "SCHEMA_FILE",
    "json_schema",
    "load_json",
    "load_records",
    "neutralise",
]

SCHEMA_FILE: Final = "directives.schema.json"
"""The JSON Schema of the ``json`` format, shipped in this package (see :func:`json_schema`)."""


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the ``json`` format, as shipped in the package.

    ``$defs/Item`` is the schema of one item, which is also one line of ``jsonl``.

    >>> json_schema()["properties"]["version"]
    {'const': 2}
    """
    from importlib.resources import files

    text = files("vngovdirectives.plugins.exporters").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


# --------------------------------------------------------------------------- csv

_FORMULA_LEADS: Final = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: _rows.Cell) -> str:
    """A cell's text, prefixed with ``'`` when a spreadsheet would read it as a formula.

    >>> neutralise("=HYPERLINK(\\"http://x\\")"), neutralise("-5"), neutralise("Sở Y tế"), neutralise(None)
    ('\\'=HYPERLINK("http://x")', "'-5", 'Sở Y tế', '')
    """
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_LEADS) else text


def _csv_cell(value: _rows.Cell) -> str:
    return _rows.printable(neutralise(value)).replace("\x00", "\ufffd")


class _Utf8Writer:
    """A text sink for :mod:`csv` that encodes into a binary stream."""

    __slots__ = ("_encode", "_stream")

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self._encode = codecs.getincrementalencoder("utf-8")().encode

    def write(self, text: str) -> int:
        self._stream.write(self._encode(text))
        return len(text)


def write_csv(items: Iterable[Exportable | Record], stream: BinaryIO) -> None:
    """UTF-8 with BOM, CRLF rows; one row per task deadline (see ``docs/formats.md``), and one row
    of kind ``error`` per input that failed.

    Formula-like cells are neutralised (:func:`neutralise`); NUL characters, which the csv module
    of some Python versions cannot write, and lone surrogates, which UTF-8 cannot hold, become U+FFFD.
    """
    stream.write(codecs.BOM_UTF8)
    writer = csv.writer(_Utf8Writer(stream))
    writer.writerow(_rows.CSV_COLUMNS)
    for entry in _rows.walk(items):
        rows = _rows.csv_rows(entry) if isinstance(entry, _rows.Located) else (_rows.csv_error_row(entry),)
        writer.writerows([_csv_cell(cell) for cell in row] for row in rows)


# --------------------------------------------------------------------------- markdown

_MD_SPECIAL: Final = re.compile(r"([\\`*_\[\]<>#|~])")


def _md(text: str) -> str:
    """Inline text with Markdown's special characters escaped, whitespace collapsed, and lone
    surrogates (which UTF-8 cannot hold) replaced."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(_rows.printable(text).split()))


def _markdown_directive(located: _rows.Located) -> Iterator[str]:
    d = located.directive
    yield f"## {located.key}. {_md(d.title or _shorten(d.text))}\n\n"
    ref, who = _rows.carrier(d), _rows.issuer(d)
    facts = []
    if ref is not None:
        facts.append(f"Văn bản: {_md(ref.text)}")
    if who:
        facts.append(f"Cơ quan: {_md(who)}")
    if facts:
        yield "*" + " · ".join(facts) + "*\n\n"
    for task in d.tasks:
        line = f"- {_md(task.text)}"
        if task.assignees:
            line += f" — **{_md(_rows.names(task))}**"
        yield line + "\n"
        for mention in task.deadlines:
            yield f"  - Hạn: {_md(mention.text)}{_due_note(mention)}\n"
    for mention in _rows.loose_deadlines(d):
        yield f"- Hạn: {_md(mention.text)}{_due_note(mention)}\n"
    if not d.tasks and not d.deadlines:
        yield f"{_md(d.text)}\n"
    yield "\n"


def _due_note(mention: DeadlineMention) -> str:
    day = _rows.last_day(mention)
    return f" (ngày cuối: {day.isoformat()})" if day is not None else ""


def _shorten(text: str, width: int = 80) -> str:
    words = " ".join(text.split())
    return words if len(words) <= width else words[: width - 1].rsplit(" ", 1)[0] + "…"


def _title(item: Exportable) -> str | None:
    from vngovdirectives.directives import Bulletin, Document

    title = None
    if isinstance(item, Bulletin):
        title = item.title.text if item.title is not None else None
        if item.period is not None:
            title = f"{title or 'Bản tin'} ({item.period})"
    elif isinstance(item, Document) and item.number is not None:
        title = " ".join(filter(None, (item.type_name, f"số {item.number}")))
    return title


def _heading(record: Record) -> str | None:
    """The ``#`` heading of an item: its title, then its source in code style."""
    title = _title(record.item) if record.item is not None else None
    parts = [_md(title)] if title else []
    if record.source is not None:
        parts.append("`" + _rows.printable(record.source).replace("`", "'") + "`")
    return " — ".join(parts) or None


def write_markdown(items: Iterable[Exportable | Record], stream: BinaryIO) -> None:
    """A readable digest: a heading per item (its title and source), a section per directive with
    its document, issuer, tasks and deadlines, and a line per input that failed."""
    for record in records_of(items):
        heading = _heading(record)
        if heading is not None:
            stream.write(f"# {heading}\n\n".encode())
        if record.item is None:
            stream.write(f"> Lỗi (error): {_md(record.error or '')}\n\n".encode())
            continue
        for located in _rows.directives_of((record,)):
            stream.write("".join(_markdown_directive(located)).encode())


CSV: Final = Exporter(
    name="csv",
    media_type="text/csv; charset=utf-8",
    suffix=".csv",
    write=write_csv,
    description="one row per task deadline with its source, document and issuer (UTF-8 with BOM)",
    records=True,
)
MARKDOWN: Final = Exporter(
    name="markdown",
    media_type="text/markdown; charset=utf-8",
    suffix=".md",
    write=write_markdown,
    description="a readable digest: items with their source, directives, tasks, assignees and deadlines",
    records=True,
)
EXPORTERS: Final = (JSON, JSONL, CSV, MARKDOWN)
"""The built-in formats that need no optional package."""
