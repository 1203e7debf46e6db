"""The formats that need nothing beyond the library: json, jsonl, csv and markdown.

``json`` is lossless: :func:`load_json` reads it back into equal objects.

>>> from vngovdirectives.plugins import export
>>> export([], to="json")
b'{"format": "vngovdirectives", "version": 1, "items": [\\n]}\\n'
>>> load_json(b'{"format": "vngovdirectives", "version": 1, "items": []}')
[]
"""

from __future__ import annotations

import codecs
import csv
import json
import re
from typing import TYPE_CHECKING, Any, BinaryIO, Final

from vngovdirectives.errors import ExportError
from vngovdirectives.plugins.exporters import _rows
from vngovdirectives.plugins.model import Exporter

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from cattrs.preconf.json import JsonConverter

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
    "neutralise",
]

FORMAT_TAG: Final = "vngovdirectives"
"""The ``"format"`` value of a JSON export."""
FORMAT_VERSION: Final = 1
"""The ``"version"`` of the JSON export layout (bumped on incompatible change)."""
SCHEMA_FILE: Final = "directives.schema.json"
"""The JSON Schema of the ``json`` format, shipped in this package (see :func:`json_schema`)."""


# --------------------------------------------------------------------------- json and jsonl


def _tagged(conv: JsonConverter, item: Exportable) -> dict[str, Any]:
    kind = _rows.item_kind(item)
    data = conv.unstructure(item)
    return {"kind": kind, **data}


_LINE_BREAKS: Final = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def _dump(value: object) -> bytes:
    """Compact UTF-8 JSON on one line, whatever line splitter reads it (NEL, U+2028/9 escaped)."""
    try:
        return json.dumps(value, ensure_ascii=False).translate(_LINE_BREAKS).encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: \u-escapes keep it lossless and the file UTF-8
        return json.dumps(value, ensure_ascii=True).encode("ascii")


def write_json(items: Iterable[Exportable], stream: BinaryIO) -> None:
    """``{"format": "vngovdirectives", "version": 1, "items": [...]}``, one item per line, written as it goes."""
    from vngovdirectives.serde import make_converter

    conv = make_converter()
    stream.write(b'{"format": "vngovdirectives", "version": 1, "items": [')
    for n, item in enumerate(items):
        stream.write(b",\n" if n else b"\n")
        stream.write(_dump(_tagged(conv, item)))
    stream.write(b"\n]}\n")


def write_jsonl(items: Iterable[Exportable], stream: BinaryIO) -> None:
    """One JSON object per line, one line per directive (``{"kind": "directive", ...}``)."""
    from vngovdirectives.serde import make_converter

    conv = make_converter()
    for located in _rows.directives_of(items):
        stream.write(_dump(_tagged(conv, located.directive)))
        stream.write(b"\n")


def _item_types() -> dict[str, type[Any]]:
    from vngovdirectives.directives import Bulletin, Directive, Document

    return {"bulletin": Bulletin, "document": Document, "directive": Directive}


def _structure(conv: JsonConverter, data: object, where: str) -> Exportable:
    types = _item_types()
    if not isinstance(data, dict) or data.get("kind") not in types:
        got = data.get("kind") if isinstance(data, dict) else type(data).__name__
        raise ExportError(f'{where}: expected an object with "kind" one of {sorted(types)}, got {got!r}')
    fields = {k: v for k, v in data.items() if k != "kind"}
    try:
        value: Exportable = conv.structure(fields, types[data["kind"]])
    except Exception as exc:
        from cattrs import transform_error

        detail = "; ".join(transform_error(exc))
        raise ExportError(f"{where}: not a valid {data['kind']}: {detail}") from exc
    return value


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the ``json`` format, as shipped in the package.

    >>> json_schema()["properties"]["format"]
    {'const': 'vngovdirectives'}
    """
    from importlib.resources import files

    text = files("vngovdirectives.plugins.exporters").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def load_json(data: bytes | str, /) -> list[Exportable]:
    """Read a ``json`` export (or a ``jsonl`` one, one item per line) back into objects.

    Raises:
        ExportError: ``data`` is not a vngovdirectives JSON or JSON-lines export.
    """
    from vngovdirectives.serde import make_converter

    text = data.decode("utf-8-sig") if isinstance(data, (bytes, bytearray)) else data.lstrip("\ufeff")
    conv = make_converter()
    try:
        whole = json.loads(text)
    except json.JSONDecodeError:
        whole = None
        lines = [(n, line) for n, line in enumerate(text.split("\n"), 1) if line.strip()]
    else:
        lines = []
    if whole is None and not lines:
        if text.strip():
            raise ExportError("not JSON: the text is neither a JSON document nor JSON lines")
        return []
    if isinstance(whole, dict) and "items" in whole:
        if whole.get("format") != FORMAT_TAG:
            raise ExportError(f'not a vngovdirectives export: "format" is {whole.get("format")!r}')
        if whole.get("version") != FORMAT_VERSION:
            raise ExportError(
                f"unsupported export version {whole.get('version')!r}; this vngovdirectives reads version "
                f"{FORMAT_VERSION}: upgrade vngovdirectives"
            )
        items = whole["items"]
        if not isinstance(items, list):
            raise ExportError('not a vngovdirectives export: "items" is not a list')
        return [_structure(conv, item, f"item {n}") for n, item in enumerate(items)]
    if isinstance(whole, list):
        return [_structure(conv, item, f"item {n}") for n, item in enumerate(whole)]
    if whole is not None:
        return [_structure(conv, whole, "line 1")]
    out: list[Exportable] = []
    for n, line in lines:
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ExportError(f"line {n}: not JSON ({exc.msg} at column {exc.colno})") from None
        out.append(_structure(conv, value, f"line {n}"))
    return out


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
    return neutralise(value).replace("\x00", "\ufffd")


class _Utf8Writer:
    """A text sink for :mod:`csv` that encodes into a binary stream."""

    __slots__ = ("_encode", "_stream")

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self._encode = codecs.getincrementalencoder("utf-8")().encode

    def write(self, text: str) -> int:
        self._stream.write(self._encode(text))
        return len(text)


def write_csv(items: Iterable[Exportable], stream: BinaryIO) -> None:
    """UTF-8 with BOM, CRLF rows; one row per task deadline (see ``docs/formats.md``).

    Formula-like cells are neutralised (:func:`neutralise`); NUL characters, which the csv module
    of some Python versions cannot write, become U+FFFD.
    """
    stream.write(codecs.BOM_UTF8)
    writer = csv.writer(_Utf8Writer(stream))
    writer.writerow(_rows.CSV_COLUMNS)
    for located in _rows.directives_of(items):
        writer.writerows([_csv_cell(cell) for cell in row] for row in _rows.csv_rows(located))


# --------------------------------------------------------------------------- markdown

_MD_SPECIAL: Final = re.compile(r"([\\`*_\[\]<>#|~])")


def _md(text: str) -> str:
    """Inline text with Markdown's special characters escaped and whitespace collapsed."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


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


def write_markdown(items: Iterable[Exportable], stream: BinaryIO) -> None:
    """A readable digest: a section per directive with its document, issuer, tasks and deadlines."""
    titles: dict[int, str] = {}
    current = 0
    for located in _rows.directives_of(_remember_titles(items, titles)):
        if located.item != current:
            current = located.item
            title = titles.get(current)
            if title:
                stream.write(f"# {_md(title)}\n\n".encode())
        stream.write("".join(_markdown_directive(located)).encode())


def _remember_titles(items: Iterable[Exportable], titles: dict[int, str]) -> Iterator[Exportable]:
    from vngovdirectives.directives import Bulletin, Document

    for n, item in enumerate(items, 1):
        title = None
        if isinstance(item, Bulletin):
            title = item.title.text if item.title is not None else None
            if item.period is not None:
                title = f"{title or 'Bản tin'} ({item.period})"
        elif isinstance(item, Document) and item.number is not None:
            title = " ".join(filter(None, (item.type_name, f"số {item.number}")))
        if title:
            titles[n] = title
        yield item


JSON: Final = Exporter(
    name="json",
    media_type="application/json",
    suffix=".json",
    write=write_json,
    description="the full model, lossless (read it back with vngovdirectives.load_json)",
)
JSONL: Final = Exporter(
    name="jsonl",
    media_type="application/jsonl",
    suffix=".jsonl",
    write=write_jsonl,
    description="one JSON object per directive per line, streamed",
)
CSV: Final = Exporter(
    name="csv",
    media_type="text/csv; charset=utf-8",
    suffix=".csv",
    write=write_csv,
    description="one row per task deadline with the directive's document and issuer (UTF-8 with BOM)",
)
MARKDOWN: Final = Exporter(
    name="markdown",
    media_type="text/markdown; charset=utf-8",
    suffix=".md",
    write=write_markdown,
    description="a readable digest: directives, tasks, assignees and deadlines",
)
EXPORTERS: Final = (JSON, JSONL, CSV, MARKDOWN)
"""The built-in formats that need no optional package."""
