"""Build the JSON Schema of the ``json`` and ``jsonl`` exports from the models themselves.

The schema ships as ``directives.schema.json`` next to this module; a test checks that the file
matches :func:`build_schema`. After changing a model, regenerate it with::

    python -m vngovdirectives.plugins.exporters._schema > src/vngovdirectives/plugins/exporters/directives.schema.json

Values the converter writes as strings or arrays (dates, periods, times, spans) take their schema
from :data:`vngovdirectives.serde.SCHEMAS`; every other model is an object of its fields, closed
(``additionalProperties: false``), with ``"kind"`` when the model is tagged.
"""

from __future__ import annotations

import enum
import json
import sys
import types
import typing
from typing import Any, Final, Union

import attrs

_PLAIN: Final[dict[object, dict[str, Any]]] = {
    str: {"type": "string"},
    int: {"type": "integer"},
    bool: {"type": "boolean"},
    type(None): {"type": "null"},
}
_ENVELOPE: Final = {
    "source": {
        "type": ["string", "null"],
        "description": "where the item came from: a file path as given, or the name the caller gave",
    },
    "id": {
        "type": ["integer", "null"],
        "description": "the input's 1-based position in its batch; failed inputs keep theirs",
    },
}


def _doc(obj: object) -> str:
    text = (getattr(obj, "__doc__", None) or "").strip()
    return " ".join(text.split("\n\n")[0].split())


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}

    def ref(self, name: str) -> dict[str, Any]:
        return {"$ref": f"#/$defs/{name}"}

    def of(self, tp: object) -> dict[str, Any]:
        from vngovdirectives.numbers.model import DocumentNumber
        from vngovdirectives.serde import SCHEMAS

        if tp in _PLAIN:
            return dict(_PLAIN[tp])
        if tp in SCHEMAS:
            assert isinstance(tp, type)
            self.defs.setdefault(tp.__name__, {"description": _doc(tp), **SCHEMAS[tp]})
            return self.ref(tp.__name__)
        origin = typing.get_origin(tp)
        if origin in (Union, types.UnionType):
            return {"anyOf": [self.of(arg) for arg in typing.get_args(tp)]}
        if origin is tuple:
            item, *_ = typing.get_args(tp)
            return {"type": "array", "items": self.of(item)}
        if tp is DocumentNumber:
            self._number()
            return self.ref("DocumentNumber")
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            self.defs.setdefault(tp.__name__, {"description": _doc(tp), "enum": [m.value for m in tp]})
            return self.ref(tp.__name__)
        if isinstance(tp, type) and attrs.has(tp):
            self._model(tp)
            return self.ref(tp.__name__)
        raise TypeError(f"no JSON Schema for {tp!r}")

    def properties(self, cls: type) -> tuple[dict[str, Any], list[str]]:
        """The schema of each field of ``cls`` (with ``"kind"`` first when it is tagged), and the required ones."""
        from vngovdirectives.dates.model import VnDate
        from vngovdirectives.serde import DERIVED, tag_of

        hints = typing.get_type_hints(cls)
        props: dict[str, Any] = {}
        required: list[str] = []
        kind = getattr(cls, "kind", None)
        if isinstance(kind, property):
            props["kind"] = {"const": tag_of(cls)}
            required.append("kind")
        for field in attrs.fields(cls):
            props[field.name] = self.of(hints[field.name])
            if field.default is attrs.NOTHING:
                required.append(field.name)
        for name, schema in DERIVED.get(cls, {}).items():
            self.of(VnDate)  # derived values refer to the shared definitions
            props[name] = schema
        return props, required

    def _model(self, cls: type) -> None:
        if cls.__name__ in self.defs:
            return
        self.defs[cls.__name__] = {}  # placeholder against recursion
        props, required = self.properties(cls)
        self.defs[cls.__name__] = {
            "description": _doc(cls),
            "type": "object",
            "properties": props,
            "required": required,
            "additionalProperties": False,
        }

    def _number(self) -> None:
        from vngovdirectives.numbers.grammar import NumberScheme
        from vngovdirectives.numbers.model import DocumentNumber

        strings = {"type": "array", "items": {"type": "string"}}
        self.defs["DocumentNumber"] = {
            "description": _doc(DocumentNumber) + " Loading also accepts the number as one string.",
            "anyOf": [
                {"type": "string"},
                {
                    "type": "object",
                    "properties": {
                        "canonical": {"type": "string", "description": "the canonical form, e.g. 61/2018/NĐ-CP"},
                        "serial": {"type": "string"},
                        "year": {"type": ["integer", "null"]},
                        "type_code": {"type": ["string", "null"]},
                        "issuers": strings,
                        "units": strings,
                        "scheme": {"enum": [s.value for s in NumberScheme]},
                        "separators": strings,
                        "width": {
                            "type": "integer",
                            "description": "digits the page prints the serial with; 0: standard",
                        },
                    },
                    "required": ["canonical"],
                    "additionalProperties": False,
                },
            ],
        }

    def item(self, cls: type, kind: str) -> dict[str, Any]:
        """One item of the export: the model's fields after ``"kind"``, ``"source"`` and ``"id"``."""
        props, required = self.properties(cls)
        props.pop("kind", None)
        return {
            "description": f"{kind}: {_doc(cls)}",
            "type": "object",
            "properties": {"kind": {"const": kind}, **_ENVELOPE, **props},
            "required": ["kind", *(r for r in required if r != "kind")],
            "additionalProperties": False,
        }


def _error_item() -> dict[str, Any]:
    return {
        "description": "an input that could not be read, in its place in the batch",
        "type": "object",
        "properties": {"kind": {"const": "error"}, **_ENVELOPE, "message": {"type": "string"}},
        "required": ["kind", "message"],
        "additionalProperties": False,
    }


_NULLABLE_STRING: Final[dict[str, Any]] = {"type": ["string", "null"]}
_ISO: Final[dict[str, Any]] = {
    "type": "string",
    "description": "an ISO-like date: 2019-03-29, 2019-03, 2019-Q1, --03-29 …",
}
#: The flat values of ``find``'s records (:mod:`vngovdirectives.finding.records`), by kind.
_RECORD_VALUES: Final[dict[str, dict[str, Any]]] = {
    "ReferenceRecord": {
        "type": "object",
        "properties": {
            "number": {"type": "string", "description": "the canonical number; a short reference's serial"},
            "doc_type": _NULLABLE_STRING,
            "issued_on": {"anyOf": [_ISO, {"type": "null"}]},
            "issuer": _NULLABLE_STRING,
            "short": {"type": "boolean"},
            "relation": {"$ref": "#/$defs/Relation"},
            "part": _NULLABLE_STRING,
        },
        "required": ["number", "doc_type", "issued_on", "issuer", "short", "relation", "part"],
    },
    "DateRecord": _ISO,
    "PeriodRecord": {
        "type": "object",
        "properties": {"start": _ISO, "end": _ISO},
        "required": ["start", "end"],
    },
    "DeadlineRecord": {
        "type": "object",
        "properties": {
            "kind": {"type": "string"},
            "due": {"anyOf": [_ISO, {"type": "null"}]},
            "time": {"type": ["string", "null"], "description": "HH:MM"},
            "amount": {"type": ["integer", "null"]},
            "unit": _NULLABLE_STRING,
            "anchor": _NULLABLE_STRING,
            "every": {"type": "string"},
            "day": {"type": "integer"},
            "month": {"type": ["integer", "null"]},
            "strict": {"type": "boolean"},
        },
        "required": ["kind", "due", "time"],
    },
}


def _match_item(builder: _Builder) -> dict[str, Any]:
    """One record of ``vngovdirectives find --format json|jsonl``: a match, where it was found, and
    its flat value (:mod:`vngovdirectives.finding.records`)."""
    from vngovdirectives.directives.model import Span
    from vngovdirectives.finding.match import MatchKind
    from vngovdirectives.references.relation.model import Relation

    builder.of(Relation)  # defines $defs/Relation, which ReferenceRecord refers to
    for name, schema in _RECORD_VALUES.items():
        builder.defs[name] = {**schema, **({"additionalProperties": False} if "properties" in schema else {})}
    return {
        "description": "a match of vngovdirectives find: what was found where, and its flat value",
        "type": "object",
        "properties": {
            "kind": {"enum": [k.value for k in MatchKind]},
            **_ENVELOPE,
            "span": builder.of(Span),
            "text": {"type": "string"},
            "value": {"anyOf": [builder.ref(name) for name in _RECORD_VALUES]},
        },
        "required": ["kind", "span", "text", "value"],
        "additionalProperties": False,
    }


def build_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a ``json`` export; ``$defs/Item`` is one ``jsonl`` line."""
    from vngovdirectives.directives import Bulletin, Directive, Document
    from vngovdirectives.plugins.exporters.jsonfmt import FORMAT_TAG, FORMAT_VERSION

    builder = _Builder()
    items = {}
    for kind, cls in (("bulletin", Bulletin), ("document", Document), ("directive", Directive)):
        items[f"{cls.__name__}Item"] = builder.item(cls, kind)
    items["ErrorItem"] = _error_item()
    items["MatchItem"] = _match_item(builder)
    item = {
        "description": (
            "one item: a bulletin, document or directive (extract, export), a match (find), or an input that failed"
        ),
        "oneOf": [builder.ref(name) for name in items],
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:vngovdirectives:schema:export:{FORMAT_VERSION}",
        "title": f"vngovdirectives export, version {FORMAT_VERSION}",
        "description": (
            "The json output of vngovdirectives: bulletins, documents and directives (extract and the "
            'exporters) or matches (find), each tagged with "kind" and carrying its "source" and "id". '
            "One line of a jsonl output is $defs/Item. vngovdirectives.load_json reads the extracted items back."
        ),
        "type": "object",
        "properties": {
            "format": {"const": FORMAT_TAG},
            "version": {"const": FORMAT_VERSION},
            "items": {"type": "array", "items": builder.ref("Item")},
        },
        "required": ["format", "version", "items"],
        "additionalProperties": False,
        "$defs": dict(sorted({**builder.defs, **items, "Item": item}.items())),
    }


def dumps_schema() -> str:
    """The schema as the shipped file holds it."""
    return json.dumps(build_schema(), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":  # pragma: no cover
    sys.stdout.write(dumps_schema())
