"""Serialisation: the library's cattrs converter, with every hook registered here, once.

Every model goes to plain JSON-ready data and back unchanged. Values a consumer reads are plain:

==================  ====================================================================
value               JSON
==================  ====================================================================
a date or partial   an ISO-like string: ``"2024-06-05"``, ``"2024-06"``, ``"2019-Q1"``,
date (``VnDate``)   ``"2019-H1"``, ``"2019"``, year-less ``"--06-05"``, lunar
                    ``"lunar:2023-02L-10"`` (see :meth:`~vngovdirectives.dates.VnDate.iso`)
a period            an ISO 8601 interval: ``"2019-03-25/2019-03-31"``, ``"2016/2020"``
a time of day       ``"17:00"``
a day, an instant   ``"2019-04-25"``, ``"2019-04-25T17:00:00+07:00"``
a span              ``[start, end]``: ``source[start:end]`` of the caller's input
a document number   ``{"canonical": "61/2018/NĐ-CP", "serial": "61", "year": 2018, ...}``
an enum             its value (``"lead"``)
a deadline          an object tagged with its ``"kind"`` (``"no_later_than"``, ``"within"`` …),
                    with ``"due"`` whenever the kind has a due day (``within``: its span or
                    the span's end; ``from``: the start)
a finder's match    ``{"kind": "reference", "span": [s, e], "text": …, "value": …}``
==================  ====================================================================

A deadline found in a text (``DeadlineMention``) also carries ``"due"``, the ISO date of its
deadline's due day as written (``value.due``; None for a limit counted from an event), beside
``"last_day"``, the last day it resolves to: a consumer reads ``deadlines[0].due`` without
knowing the kinds. Loading ignores it.

Hooks are found by type, so a field added to any model follows these rules without more work;
a new kind of deadline is tagged with its ``kind`` property. :data:`SCHEMAS` holds the JSON Schema
of each value written as a string or an array, for the schema of the exports.

    >>> from vngovdirectives import make_converter, parse_number, parse_deadline
    >>> conv = make_converter()
    >>> conv.unstructure(parse_deadline("trước 17 giờ ngày 25/4/2019"))
    {'kind': 'before', 'due': '2019-04-25', 'time': '17:00'}
    >>> data = conv.unstructure(parse_number("01/1999/QĐ.UB"))
    >>> data["canonical"], data["serial"], data["scheme"], data["separators"]
    ('01/1999/QĐ.UB', '1', 'legal', ['/', '/', '.'])
    >>> conv.structure(data, type(parse_number("01/1999/QĐ.UB"))) == parse_number("01/1999/QĐ.UB")
    True
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import types
import typing
from typing import TYPE_CHECKING, Any, Final

from vngovdirectives.dates.lunar import cycle_index, cycle_name
from vngovdirectives.dates.model import Period, TimeOfDay, VnDate
from vngovdirectives.deadlines.model import Deadline, Starting, TemporalValue, Within
from vngovdirectives.directives.model import Bulletin, DeadlineMention, Document, Span
from vngovdirectives.finding.match import Match, MatchKind
from vngovdirectives.numbers.grammar import NumberScheme
from vngovdirectives.numbers.model import DocumentNumber
from vngovdirectives.numbers.parse import parse_number

if TYPE_CHECKING:
    from collections.abc import Callable

    from cattrs.preconf.json import JsonConverter

__all__ = ["DERIVED", "SCHEMAS", "make_converter", "parse_iso_date", "shared_converter", "tag_of"]

_ISO_DATE: Final = re.compile(
    r"(?P<lunar>lunar:)?(?:(?P<year>[0-9]{4})|-\((?P<cycle>[^()/]{1,20})\)|-)"
    r"(?:-(?P<month>[0-9]{2})(?P<leap>L)?(?:-(?P<day>[0-9]{2}))?|-Q(?P<quarter>[1-4])|-H(?P<half>[12]))?"
)
_ISO_TIME: Final = re.compile(r"([0-9]{2}):([0-9]{2})")
_DATE_PATTERN: Final = r"^(lunar:)?([0-9]{4}|-\([^()/]{1,20}\)|-)(-[0-9]{2}L?(-[0-9]{2})?|-Q[1-4]|-H[12])?$"

#: The JSON Schema of each value the converter writes as a string or an array.
SCHEMAS: Final[dict[type, dict[str, Any]]] = {
    VnDate: {
        "type": "string",
        "pattern": _DATE_PATTERN,
        "description": 'a date with the precision written: "2024-06-05", "2024-06", "2019-Q1", "2019-H1", "2019", '
        'year-less "--06-05", lunar "lunar:2023-02L-10"',
    },
    Period: {
        "type": "string",
        "pattern": _DATE_PATTERN.replace("$", "/") + _DATE_PATTERN[1:],
        "description": 'a period as an ISO 8601 interval of two dates: "2019-03-25/2019-03-31", "2016/2020"',
    },
    TimeOfDay: {"type": "string", "pattern": "^[0-2][0-9]:[0-5][0-9]$", "description": 'a time of day, "17:00"'},
    dt.datetime: {"type": "string", "format": "date-time"},
    dt.date: {"type": "string", "format": "date"},
    dt.time: {"type": "string", "format": "time"},
    Span: {
        "type": "array",
        "prefixItems": [{"type": "integer", "minimum": 0}, {"type": "integer", "minimum": 0}],
        "minItems": 2,
        "maxItems": 2,
        "description": "[start, end]: source[start:end] of the caller's input",
    },
}


#: Fields the converter adds to a model's object, read from the model (loading ignores them).
DERIVED: Final[dict[type, dict[str, dict[str, Any]]]] = {
    DeadlineMention: {
        "due": {
            "anyOf": [{"$ref": "#/$defs/VnDate"}, {"type": "null"}],
            "description": "the due day as written (the deadline's due, or its period's end); null when "
            "counted from an event",
        }
    },
    # Every deadline with a due day carries "due", so a consumer reads value.due whatever the kind.
    Within: {"due": {"$ref": "#/$defs/VnDate", "description": "the span, or its end for a period"}},
    Starting: {"due": {"$ref": "#/$defs/VnDate", "description": "the start day (as due, like the other kinds)"}},
}


def tag_of(cls: type) -> str:
    """The ``"kind"`` tag of a model class: its ``kind`` property's value, else its name in snake case.

    >>> from vngovdirectives.deadlines import Starting
    >>> from vngovdirectives.directives import Directive
    >>> tag_of(Starting), tag_of(Directive)
    ('from', 'directive')
    """
    kind = getattr(cls, "kind", None)
    if isinstance(kind, property) and kind.fget is not None:
        value = kind.fget(None)
        if isinstance(value, str):
            return value
    return re.sub(r"(?<!^)(?=[A-Z])", "_", cls.__name__).lower()


def parse_iso_date(text: str) -> VnDate:
    """The :class:`VnDate` whose :meth:`~VnDate.iso` is ``text``.

    >>> parse_iso_date("2019-Q1"), parse_iso_date("--03-29").day
    (VnDate(year=2019, month=None, day=None, quarter=1, half=None, lunar=False, leap=False, cycle=None), 29)

    Raises:
        ValueError: ``text`` is no such text, or names a date that does not exist.
    """
    m = _ISO_DATE.fullmatch(text) if isinstance(text, str) else None  # type: ignore[redundant-expr]
    if m is None:
        raise ValueError(f"not an ISO date with its precision: {text!r}")
    cycle = None
    if m["cycle"] is not None:
        cycle = cycle_index(m["cycle"])
        if cycle is None or cycle_name(cycle) != m["cycle"]:
            raise ValueError(f"not a Can Chi year name: {m['cycle']!r}")

    def num(group: str) -> int | None:
        return int(m[group]) if m[group] is not None else None

    return VnDate(
        year=num("year"),
        month=num("month"),
        day=num("day"),
        quarter=num("quarter"),
        half=num("half"),
        lunar=m["lunar"] is not None,
        leap=m["leap"] is not None,
        cycle=cycle,
    )


def _string(value: Any, what: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected {what} as a string, got {type(value).__name__}")
    return value


def _structure_period(value: Any, _: object) -> Period:
    start, sep, end = _string(value, "a period").partition("/")
    if not sep:
        raise ValueError(f'a period is two dates joined by "/": {value!r}')
    return Period(start=parse_iso_date(start), end=parse_iso_date(end))


def _structure_date_or_period(value: Any, _: object) -> VnDate | Period:
    text = _string(value, "a date or period")
    return _structure_period(text, Period) if "/" in text else parse_iso_date(text)


def _structure_time(value: Any, _: object) -> TimeOfDay:
    m = _ISO_TIME.fullmatch(_string(value, "a time of day"))
    if m is None:
        raise ValueError(f'not a time of day "HH:MM": {value!r}')
    return TimeOfDay(hour=int(m[1]), minute=int(m[2]))


def _structure_span(value: Any, _: object) -> Span:
    if not (isinstance(value, list) and len(value) == 2 and all(type(v) is int for v in value)):
        raise TypeError(f"expected a span as [start, end], got {value!r}")
    return Span(start=value[0], end=value[1])


def _iso_structurer(parse: Callable[[str], Any], what: str) -> Callable[[Any, object], Any]:
    def structure(value: Any, _: object) -> Any:
        if isinstance(value, dt.date) and what != "a time":
            return value
        return parse(_string(value, what))

    return structure


def _unstructure_number(n: DocumentNumber) -> dict[str, Any]:
    return {
        "canonical": str(n),
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
    if not isinstance(data, dict):
        raise TypeError(f"expected a document number as a string or an object, got {type(data).__name__}")
    if "canonical" in data:
        return parse_number(_string(data["canonical"], "a canonical number"))
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


def _mention_hook(conv: JsonConverter) -> Callable[[DeadlineMention], dict[str, Any]]:
    from cattrs.gen import make_dict_unstructure_fn

    inner: Callable[[DeadlineMention], dict[str, Any]] = make_dict_unstructure_fn(DeadlineMention, conv)

    def unstructure(mention: DeadlineMention) -> dict[str, Any]:
        data = inner(mention)
        due = getattr(mention.value, "due", None)
        data["due"] = due.iso() if isinstance(due, VnDate) else None
        return data

    return unstructure


def _members(union: object) -> tuple[type, ...]:
    return tuple(a for a in typing.get_args(union) if a is not type(None))


def _is_union(tp: object) -> bool:
    return typing.get_origin(tp) in (typing.Union, types.UnionType)


def _tagged_union(conv: JsonConverter, union: object) -> None:
    """Structure and unstructure the members of ``union`` as objects tagged with ``"kind"`` first."""
    by_tag = {tag_of(cls): cls for cls in _members(union)}

    def structure(data: Any, _: object) -> Any:
        kind = data.get("kind") if isinstance(data, dict) else None
        if not isinstance(kind, str) or kind not in by_tag:
            got = kind if isinstance(data, dict) else type(data).__name__
            raise ValueError(f'expected an object with "kind" one of {sorted(by_tag)}, got {got!r}')
        cls = by_tag[kind]
        derived = DERIVED.get(cls, {})
        return conv.structure({k: v for k, v in data.items() if k != "kind" and k not in derived}, cls)

    conv.register_unstructure_hook(union, lambda value: conv.unstructure(value, type(value)))
    for cls in by_tag.values():
        conv.register_unstructure_hook(cls, _tagging(conv, cls))
    conv.register_structure_hook(union, structure)


def _tagging(conv: JsonConverter, cls: type) -> Callable[[Any], dict[str, Any]]:
    from cattrs.gen import make_dict_unstructure_fn

    inner: Callable[[Any], dict[str, Any]] = make_dict_unstructure_fn(cls, conv)
    tag = tag_of(cls)
    derived = tuple(DERIVED.get(cls, {}))
    if not derived:
        return lambda value: {"kind": tag, **inner(value)}
    return lambda value: {
        "kind": tag,
        **inner(value),
        **{name: conv.unstructure(getattr(value, name)) for name in derived},
    }


#: What the value of a match of each kind is.
_MATCH_VALUES: Final[dict[MatchKind, object]] = {
    MatchKind.DATE: VnDate,
    MatchKind.PERIOD: Period,
    MatchKind.DEADLINE: Deadline,
    MatchKind.NUMBER: DocumentNumber,
}


def _is_match(tp: Any) -> bool:
    return tp is Match or typing.get_origin(tp) is Match


def _match_hooks(conv: JsonConverter) -> None:
    from vngovdirectives.references.model import DocumentReference

    def unstructure(m: Match[Any]) -> dict[str, Any]:
        return {"kind": m.kind.value, "span": [m.start, m.end], "text": m.text, "value": conv.unstructure(m.value)}

    def structure(data: Any, _: object) -> Match[Any]:
        if not isinstance(data, dict):
            raise TypeError(f"expected a match as an object, got {type(data).__name__}")
        kind = MatchKind(data["kind"])
        span = _structure_span(data["span"], Span)
        target: Any = _MATCH_VALUES.get(kind, DocumentReference)
        value: Any = conv.structure(data["value"], target)
        return Match(start=span.start, end=span.end, text=_string(data["text"], "a text"), value=value, kind=kind)

    conv.register_unstructure_hook(Match, unstructure)
    conv.register_structure_hook_func(_is_match, structure)


@functools.cache
def shared_converter() -> JsonConverter:
    """The converter the library's own exporters and :func:`~vngovdirectives.plugins.load_json` use,
    built once per process (building one costs about 10 ms). Register nothing on it: call
    :func:`make_converter` for a converter of your own."""
    return make_converter()


def make_converter() -> JsonConverter:
    """A new cattrs converter that (un)structures every model of the library to plain JSON data.

    See the table of the module for what each value becomes. ``Deadline``, ``Bulletin |
    Document`` and ``TemporalValue`` are tagged unions whose tag field is ``"kind"``. Each call
    returns a fresh converter, so callers may register hooks of their own without affecting
    anyone else.
    """
    from cattrs.preconf.json import make_converter as make_json_converter  # costly import: on demand

    conv = make_json_converter()
    for cls, out, into in (
        (dt.datetime, dt.datetime.isoformat, _iso_structurer(dt.datetime.fromisoformat, "an instant")),
        (dt.date, dt.date.isoformat, _iso_structurer(dt.date.fromisoformat, "a date")),
        (dt.time, dt.time.isoformat, _iso_structurer(dt.time.fromisoformat, "a time")),
        (VnDate, VnDate.iso, _iso_structurer(parse_iso_date, "a date")),
        (Period, Period.iso, _structure_period),
        (TimeOfDay, TimeOfDay.iso, _structure_time),
        (Span, lambda s: [s.start, s.end], _structure_span),
        (DocumentNumber, _unstructure_number, _structure_number),
    ):
        conv.register_unstructure_hook(cls, out)
        conv.register_structure_hook(cls, into)
    conv.register_structure_hook_func(
        lambda tp: _is_union(tp) and set(_members(tp)) == {VnDate, Period}, _structure_date_or_period
    )
    _tagged_union(conv, Deadline)
    conv.register_unstructure_hook(DeadlineMention, _mention_hook(conv))  # before the models that hold it
    _tagged_union(conv, Bulletin | Document)
    conv.register_unstructure_hook(TemporalValue, conv.unstructure)

    deadline: Any = Deadline

    def structure_temporal(data: Any, _: object) -> Any:
        return _structure_date_or_period(data, None) if isinstance(data, str) else conv.structure(data, deadline)

    conv.register_structure_hook(TemporalValue, structure_temporal)
    _match_hooks(conv)
    return conv
