"""Build the JSON Schema of the ``json`` export from the models themselves.

The schema ships as ``directives.schema.json`` next to this module; a test checks that the file
matches :func:`build_schema`. After changing a model, regenerate it with::

    python -m vngovdirectives.plugins.exporters._schema > src/vngovdirectives/plugins/exporters/directives.schema.json
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import sys
import types
import typing
from typing import Any, Final, Union

import attrs

_SCALARS: Final[dict[object, dict[str, Any]]] = {
    str: {"type": "string"},
    int: {"type": "integer"},
    bool: {"type": "boolean"},
    type(None): {"type": "null"},
    dt.date: {"type": "string", "format": "date"},
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

        if tp in _SCALARS:
            return dict(_SCALARS[tp])
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
            if tp.__name__ not in self.defs:
                self.defs[tp.__name__] = {"description": _doc(tp), "enum": [m.value for m in tp]}
            return self.ref(tp.__name__)
        if isinstance(tp, type) and attrs.has(tp):
            self._model(tp)
            return self.ref(tp.__name__)
        raise TypeError(f"no JSON Schema for {tp!r}")

    def _model(self, cls: type) -> None:
        if cls.__name__ in self.defs:
            return
        self.defs[cls.__name__] = {}  # placeholder against recursion
        hints = typing.get_type_hints(cls)
        props: dict[str, Any] = {}
        required: list[str] = []
        kind = getattr(cls, "kind", None)
        if isinstance(kind, property) and kind.fget is not None:
            props["kind"] = {"const": kind.fget(None)}
            required.append("kind")
        for field in attrs.fields(cls):
            props[field.name] = self.of(hints[field.name])
            if field.default is attrs.NOTHING:
                required.append(field.name)
        self.defs[cls.__name__] = {
            "description": _doc(cls),
            "type": "object",
            "properties": props,
            "required": required,
        }

    def _number(self) -> None:
        from vngovdirectives.numbers.model import DocumentNumber

        if "DocumentNumber" in self.defs:
            return
        strings = {"type": "array", "items": {"type": "string"}}
        self.defs["DocumentNumber"] = {
            "description": _doc(DocumentNumber) + " Loading also accepts the number as one string.",
            "anyOf": [
                {"type": "string"},
                {
                    "type": "object",
                    "properties": {
                        "text": {"type": "string", "description": "the canonical form, e.g. 39/CV-BCĐ"},
                        "serial": {"type": "string"},
                        "year": {"type": ["integer", "null"]},
                        "type_code": {"type": ["string", "null"]},
                        "issuers": strings,
                        "units": strings,
                        "scheme": {"type": "string"},
                        "separators": strings,
                        "width": {
                            "type": "integer",
                            "description": "digits the page prints the serial with; 0: standard",
                        },
                    },
                    "required": ["serial", "scheme"],
                },
            ],
        }


def build_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a ``json`` export."""
    from vngovdirectives.directives import Bulletin, Directive, Document

    builder = _Builder()
    items = []
    for kind, cls in (("bulletin", Bulletin), ("document", Document), ("directive", Directive)):
        builder.of(cls)
        items.append(
            {
                "allOf": [builder.ref(cls.__name__)],
                "properties": {"kind": {"const": kind}},
                "required": ["kind"],
            }
        )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "vngovdirectives export",
        "description": (
            "The json export format of vngovdirectives: bulletins, documents and directives, each tagged "
            'with "kind". Read it back with vngovdirectives.load_json.'
        ),
        "type": "object",
        "properties": {
            "format": {"const": "vngovdirectives"},
            "version": {"const": 1},
            "items": {"type": "array", "items": {"oneOf": items}},
        },
        "required": ["format", "version", "items"],
        "$defs": dict(sorted(builder.defs.items())),
    }


def dumps_schema() -> str:
    """The schema as the shipped file holds it."""
    return json.dumps(build_schema(), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":  # pragma: no cover
    sys.stdout.write(dumps_schema())
