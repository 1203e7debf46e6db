"""The ``json`` and ``jsonl`` formats: one JSON contract, as one document or one object per line.

Both write the same item objects: the model's fields as :func:`vngovdirectives.make_converter`
writes them (dates as ISO-like strings, spans as ``[start, end]``, numbers as their canonical
string with the parts beside it), led by ``"kind"``, ``"source"`` and ``"id"``. An input that
failed is an object of kind ``"error"`` in its place. ``json`` wraps the items in one document,
``{"format": "vngovdirectives", "version": 2, "items": [...]}``, one item per line;
``jsonl`` writes one item per line and nothing else.

>>> from vngovdirectives.plugins import Record, export
>>> export([Record(source="a.txt", error="cannot decode")], to="jsonl")
b'{"kind": "error", "source": "a.txt", "id": 1, "message": "cannot decode"}\\n'
>>> export([], to="json")
b'{"format": "vngovdirectives", "version": 2, "items": [\\n]}\\n'
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any, BinaryIO, Final

from vngovdirectives.plugins.model import Exporter, Record, records_of

if TYPE_CHECKING:
    from collections.abc import Iterable

    from cattrs.preconf.json import JsonConverter

    from vngovdirectives.plugins.model import Exportable

__all__ = [
    "FORMAT_TAG",
    "FORMAT_VERSION",
    "JSON",
    "JSONL",
    "JSON_HEAD",
    "JSON_TAIL",
    "Renderer",
    "write_json",
    "write_json_lines",
    "write_jsonl",
]

FORMAT_TAG: Final = "vngovdirectives"
"""The ``"format"`` value of a JSON export."""
FORMAT_VERSION: Final = 2
"""The ``"version"`` of the JSON contract, bumped on every incompatible change (1: dates as
objects, spans as objects, ``jsonl`` one directive per line; 2: this contract)."""
JSON_HEAD: Final = f'{{"format": "{FORMAT_TAG}", "version": {FORMAT_VERSION}, "items": ['.encode()
"""What a ``json`` export opens with; each item then follows on its own line."""
JSON_TAIL: Final = b"\n]}\n"
"""What a ``json`` export closes with."""

_LINE_BREAKS: Final = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})
_HAS_LINE_BREAK: Final = re.compile("[\x85\u2028\u2029]")


def dump_line(value: object) -> bytes:
    """Compact UTF-8 JSON on one line, whatever line splitter reads it (NEL, U+2028/9 escaped)."""
    text = json.dumps(value, ensure_ascii=False)
    if _HAS_LINE_BREAK.search(text) is not None:  # rare: translate() would cost more than the dump
        text = text.translate(_LINE_BREAKS)
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: \u-escapes keep it lossless and the file UTF-8
        return json.dumps(value, ensure_ascii=True).encode("ascii")


class Renderer:
    """Renders records to their one-line JSON objects."""

    __slots__ = ("_conv",)

    def __init__(self) -> None:
        from vngovdirectives.serde import shared_converter

        self._conv: JsonConverter = shared_converter()

    def data(self, record: Record) -> dict[str, Any]:
        """The JSON-ready object of ``record``."""
        head = {"source": record.source, "id": record.id}
        if record.item is None:
            return {"kind": "error", **head, "message": record.error}
        body = self._conv.unstructure(record.item)
        kind = body.pop("kind", None)
        if kind is None:
            from vngovdirectives.serde import tag_of

            kind = tag_of(type(record.item))
        return {"kind": kind, **head, **body}

    def line(self, record: Record) -> bytes:
        """The object of ``record`` as one line of UTF-8 JSON, without the line break."""
        return dump_line(self.data(record))


def write_json_lines(lines: Iterable[bytes], stream: BinaryIO, *, document: bool) -> None:
    """Write rendered item lines as a ``json`` document (``document=True``) or as ``jsonl``."""
    if not document:
        for line in lines:
            stream.write(line + b"\n")
        return
    stream.write(JSON_HEAD)
    for n, line in enumerate(lines):
        stream.write((b",\n" if n else b"\n") + line)
    stream.write(JSON_TAIL)


def write_json(items: Iterable[Exportable | Record], stream: BinaryIO) -> None:
    """One JSON document, each item on its own line, written as it goes."""
    render = Renderer()
    write_json_lines((render.line(r) for r in records_of(items)), stream, document=True)


def write_jsonl(items: Iterable[Exportable | Record], stream: BinaryIO) -> None:
    """One JSON object per item per line, written as it goes."""
    render = Renderer()
    write_json_lines((render.line(r) for r in records_of(items)), stream, document=False)


JSON: Final = Exporter(
    name="json",
    media_type="application/json",
    suffix=".json",
    write=write_json,
    description="one JSON document: every item with its source, lossless (read it back with load_json)",
    records=True,
)
JSONL: Final = Exporter(
    name="jsonl",
    media_type="application/jsonl",
    suffix=".jsonl",
    write=write_jsonl,
    description="the same items as json, one object per line, streamed",
    records=True,
)
