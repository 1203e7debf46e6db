"""Serialisation: the library's cattrs converter, with every hook registered here, once.

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

from vngovdirectives.dates.model import Period, VnDate
from vngovdirectives.deadlines.model import (
    Before,
    Deadline,
    Effective,
    NoLaterThan,
    Recurring,
    Relative,
    Starting,
    TemporalValue,
    Within,
)
from vngovdirectives.directives.model import Bulletin, Document
from vngovdirectives.numbers.grammar import NumberScheme
from vngovdirectives.numbers.model import DocumentNumber
from vngovdirectives.numbers.parse import parse_number

if TYPE_CHECKING:
    from cattrs.preconf.json import JsonConverter

__all__ = ["make_converter"]

#: The tag (field ``"kind"``) of each member of the tagged unions: the corpus' names of deadlines.
_TAGS: dict[type, str] = {
    NoLaterThan: "no_later_than",
    Before: "before",
    Within: "within",
    Relative: "relative",
    Starting: "from",
    Effective: "effective",
    Recurring: "recurring",
    VnDate: "date",
    Period: "period",
    Bulletin: "bulletin",
    Document: "document",
}


def make_converter() -> JsonConverter:
    """A new cattrs converter that (un)structures every model of the library to JSON-ready data.

    Dates are ISO strings, enums their values, tuples lists; a document number carries its
    canonical text beside its parts. ``Deadline`` and ``TemporalValue`` (a date, period or
    deadline) are tagged unions whose tag field is ``"kind"``, and so is ``Bulletin | Document``.
    Each call returns a fresh converter, so callers may register hooks of their own without
    affecting anyone else.
    """
    from cattrs.preconf.json import make_converter as make_json_converter  # costly import: on demand
    from cattrs.strategies import configure_tagged_union

    conv = make_json_converter()
    conv.register_unstructure_hook(dt.date, dt.date.isoformat)
    conv.register_structure_hook(dt.date, _structure_date)
    conv.register_unstructure_hook(DocumentNumber, _unstructure_number)
    conv.register_structure_hook(DocumentNumber, _structure_number)

    def structure_span(value: Any, _: object) -> VnDate | Period:
        if isinstance(value, dict) and "start" in value:
            return conv.structure(value, Period)
        return conv.structure(value, VnDate)

    conv.register_structure_hook(VnDate | Period, structure_span)
    for union in (Deadline, TemporalValue, Bulletin | Document):
        configure_tagged_union(union, conv, tag_generator=_TAGS.__getitem__, tag_name="kind")
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
        "width": n.width,
    }


def _structure_number(data: Any, _: type) -> DocumentNumber:
    if isinstance(data, str):
        return parse_number(data)
    return DocumentNumber(
        serial=data["serial"],
        year=data.get("year"),
        type_code=data.get("type_code"),
        issuers=tuple(data.get("issuers", ())),
        units=tuple(data.get("units", ())),
        scheme=NumberScheme(data["scheme"]),
        separators=tuple(data.get("separators", ())),
        width=data.get("width", 0),
    )
