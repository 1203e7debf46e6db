"""Reading the ``json`` and ``jsonl`` formats back: :func:`load_records` and :func:`load_json`.

Any input that is not an export of this version is a :class:`~vngovdirectives.errors.LoadError`
saying what and where: not UTF-8, not JSON, nested too deeply, another format version, or an
object that is not what the schema says.

>>> load_json(b'{"format": "vngovdirectives", "version": 2, "items": []}')
[]
>>> load_json('{"format": "vngovdirectives", "version": 1, "items": []}')
Traceback (most recent call last):
    ...
vngovdirectives.errors.LoadError: unsupported export version 1; ...
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Final, cast

from vngovdirectives.errors import LoadError, expect_type
from vngovdirectives.plugins.exporters.jsonfmt import FORMAT_TAG, FORMAT_VERSION
from vngovdirectives.plugins.model import Record

if TYPE_CHECKING:
    from cattrs.preconf.json import JsonConverter

    from vngovdirectives.plugins.model import Exportable

__all__ = ["load_json", "load_records"]

_ENVELOPE: Final = frozenset({"kind", "source", "id"})
_OLD_VERSION_HINT: Final = (
    " (this looks like format version 1, which wrote spans and dates as objects: read it with the "
    "vngovdirectives that wrote it, or extract the documents again)"
)


def _item_types() -> dict[str, type[Any]]:
    from vngovdirectives.directives import Bulletin, Directive, Document

    return {"bulletin": Bulletin, "document": Document, "directive": Directive}


def _looks_old(data: dict[str, Any]) -> bool:
    span = data.get("span")
    return isinstance(span, dict) and set(span) == {"start", "end"}


def _record(conv: JsonConverter, data: object, where: str) -> Record:
    types = _item_types()
    kind = data.get("kind") if isinstance(data, dict) else None
    if not isinstance(data, dict) or not isinstance(kind, str) or kind not in (*types, "error"):
        got = kind if isinstance(data, dict) else type(data).__name__
        raise LoadError(f'{where}: expected an object with "kind" one of {[*sorted(types), "error"]}, got {got!r}')
    source, number = data.get("source"), data.get("id")
    if source is not None and not isinstance(source, str):
        raise LoadError(f'{where}: "source" must be a string or null, got {type(source).__name__}')
    if number is not None and type(number) is not int:
        raise LoadError(f'{where}: "id" must be an integer or null, got {type(number).__name__}')
    if kind == "error":
        message = data.get("message")
        if not isinstance(message, str):
            raise LoadError(f'{where}: an error needs its "message" as a string')
        return Record(source=source, id=number, error=message)
    fields = {k: v for k, v in data.items() if k not in _ENVELOPE}
    try:
        item: Exportable = conv.structure(fields, types[kind])
    except Exception as exc:  # cattrs, the models' validators, parse_number: all say "not valid"
        from cattrs import transform_error

        detail = "; ".join(transform_error(exc)) if hasattr(exc, "exceptions") else f"{type(exc).__name__}: {exc}"
        hint = _OLD_VERSION_HINT if _looks_old(data) else ""
        raise LoadError(f"{where}: not a valid {kind}: {detail}{hint}") from None
    return Record(item=item, source=source, id=number)


def _text(data: object) -> str:
    expect_type(data, (str, bytes, bytearray, memoryview), "load_json", "data")
    if isinstance(data, str):
        return data.lstrip("\ufeff")
    raw = bytes(cast("bytes", data))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LoadError(f"not UTF-8: byte {raw[exc.start : exc.start + 1]!r} at offset {exc.start}") from None


def _parse(text: str, where: str) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise LoadError(f"{where}: not JSON ({exc.msg} at column {exc.colno})") from None
    except RecursionError:
        raise LoadError(f"{where}: nested too deeply to be an export") from None
    except ValueError as exc:  # an integer too long to convert, for one
        raise LoadError(f"{where}: not JSON this reader accepts ({exc})") from None


def _document(conv: JsonConverter, whole: dict[str, Any]) -> list[Record]:
    if whole.get("format") != FORMAT_TAG:
        raise LoadError(f'not a vngovdirectives export: "format" is {whole.get("format")!r}')
    version = whole.get("version")
    if version != FORMAT_VERSION:
        raise LoadError(
            f"unsupported export version {version!r}; this vngovdirectives reads version {FORMAT_VERSION} "
            "(version 1 wrote dates and spans as objects): read it with the version that wrote it, "
            "or extract the documents again"
        )
    items = whole.get("items")
    if not isinstance(items, list):
        raise LoadError('not a vngovdirectives export: "items" is not a list')
    return [_record(conv, item, f"item {n}") for n, item in enumerate(items)]


def load_records(data: bytes | str, /) -> list[Record]:
    """Read a ``json`` or ``jsonl`` export back into :class:`~vngovdirectives.plugins.Record`
    objects: every item with its source and id, and the inputs that failed.

    Raises:
        InputTypeError: ``data`` is neither str nor bytes.
        LoadError: ``data`` is not a vngovdirectives JSON or JSON-lines export of this version.
    """
    from vngovdirectives.serde import shared_converter

    text = _text(data)
    if not text.strip():
        return []
    conv = shared_converter()
    try:
        whole = _parse(text, "the document")
    except LoadError as whole_error:
        lines = [(n, line) for n, line in enumerate(text.split("\n"), 1) if line.strip()]
        if len(lines) < 2:
            raise whole_error from None
        return [_record(conv, _parse(line, f"line {n}"), f"line {n}") for n, line in lines]
    if isinstance(whole, dict) and "items" in whole and "format" in whole:
        return _document(conv, whole)
    if isinstance(whole, list):
        return [_record(conv, item, f"item {n}") for n, item in enumerate(whole)]
    return [_record(conv, whole, "line 1")]


def load_json(data: bytes | str, /) -> list[Exportable]:
    """Read a ``json`` or ``jsonl`` export back into bulletins, documents and directives equal to
    those exported (the inputs that failed are left out; :func:`load_records` keeps them).

    Raises:
        InputTypeError: ``data`` is neither str nor bytes.
        LoadError: ``data`` is not a vngovdirectives JSON or JSON-lines export of this version.
    """
    return [record.item for record in load_records(data) if record.item is not None]
