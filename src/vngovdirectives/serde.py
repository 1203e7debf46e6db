"""Serialisation: the library's cattrs converter.

Every model of the library goes to JSON-compatible data (dicts, lists, str, int, None) and back
unchanged::

    >>> from vngovdirectives import make_converter, parse_number
    >>> conv = make_converter()
    >>> data = conv.unstructure(parse_number("01/1999/QĐ.UB"))
    >>> data["serial"], data["scheme"], data["separators"]
    ('1', 'legal', ['/', '/', '.'])
    >>> conv.structure(data, type(parse_number("01/1999/QĐ.UB"))) == parse_number("01/1999/QĐ.UB")
    True
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from vngovdirectives.docnumbers import DocumentNumber

if TYPE_CHECKING:
    from cattrs.preconf.json import JsonConverter

__all__ = ["make_converter"]


def make_converter() -> JsonConverter:
    """A new cattrs converter that (un)structures every model of the library to JSON-ready data.

    Dates are ISO strings, enums their values, tuples lists. Each call returns a fresh converter,
    so callers may register hooks of their own without affecting anyone else.
    """
    from cattrs.preconf.json import make_converter as make_json_converter  # costly import: on demand

    conv = make_json_converter()
    conv.register_unstructure_hook(dt.date, dt.date.isoformat)
    conv.register_structure_hook(dt.date, _structure_date)
    conv.register_unstructure_hook(DocumentNumber, _unstructure_number)
    conv.register_structure_hook(DocumentNumber, _structure_number)
    _configure_optional(conv)
    return conv


def _structure_date(value: Any, _: type) -> dt.date:
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


def _unstructure_number(n: DocumentNumber) -> dict[str, Any]:
    return {
        "text": str(n),
        "serial": n.serial,
        "year": n.year,
        "type_code": n.type_code,
        "issuers": list(n.issuers),
        "units": list(n.units),
        "scheme": n.scheme.value,
        "separators": list(n.separators),
    }


def _structure_number(data: Any, _: type) -> DocumentNumber:
    from vngovdirectives.docnumbers import NumberScheme

    if isinstance(data, str):
        from vngovdirectives.docnumbers import parse_number

        return parse_number(data)
    return DocumentNumber(
        serial=data["serial"],
        year=data.get("year"),
        type_code=data.get("type_code"),
        issuers=tuple(data.get("issuers", ())),
        units=tuple(data.get("units", ())),
        scheme=NumberScheme(data["scheme"]),
        separators=tuple(data.get("separators", ())),
    )


def _configure_optional(conv: JsonConverter) -> None:
    """Let the modules that own other models register their hooks (deadlines, directives)."""
    from vngovdirectives import deadlines, directives

    deadlines._configure_converter(conv)
    directives._configure_converter(conv)
