"""``vngovdirectives number``: parse document numbers and print their parts."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, TextIO

from vngovdirectives.errors import DocumentNumberError
from vngovdirectives.numbers.parse import parse_number

if TYPE_CHECKING:
    import argparse
    from collections.abc import Iterable, Sequence

    from vngovdirectives.numbers.model import DocumentNumber

__all__ = ["add_parser"]


def _number_record(text: str, number: DocumentNumber) -> dict[str, object]:
    doc_type = number.doc_type
    return {
        "input": text,
        "number": str(number),
        "scheme": number.scheme.value,
        "serial": number.serial,
        "year": number.year,
        "type_code": number.type_code,
        "doc_type": doc_type.label if doc_type else None,
        "issuers": list(number.issuers),
        "units": list(number.units),
        "unknown_codes": list(number.unknown_codes),
    }


def _print_number_text(record: dict[str, object], out: TextIO) -> None:
    out.write(f"{record['number']}\n")
    for key in ("scheme", "serial", "year", "type_code", "doc_type", "issuers", "units", "unknown_codes"):
        value = record[key]
        if value in (None, []):
            continue
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        out.write(f"  {key:<14}{value}\n")


def _iter_inputs(values: Sequence[str], stdin: TextIO) -> Iterable[str]:
    if values and values != ["-"]:
        yield from values
        return
    for line in stdin:
        stripped = line.strip()
        if stripped:
            yield stripped


def _cmd_number(args: argparse.Namespace) -> int:
    failures = 0
    out = sys.stdout
    for text in _iter_inputs(args.numbers, sys.stdin):
        try:
            number = parse_number(text)
        except DocumentNumberError as exc:
            failures += 1
            if args.format == "jsonl":
                error = {"input": text, "error": exc.reason, "offset": exc.offset, "fragment": exc.fragment}
                out.write(json.dumps(error, ensure_ascii=False) + "\n")
            else:
                sys.stderr.write(f"error: {text!r}: {exc}\n")
            continue
        record = _number_record(text, number)
        if args.format == "jsonl":
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            _print_number_text(record, out)
    return 1 if failures else 0


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the ``number`` command."""
    number = sub.add_parser(
        "number",
        help="parse document numbers and print their parts",
        description="Parse document numbers given as arguments (or one per line on stdin) and print their parts.",
    )
    number.add_argument("numbers", nargs="*", metavar="NUMBER", help='numbers to parse; none or "-" reads stdin')
    number.add_argument("--format", choices=("text", "jsonl"), default="text", help="output format")
    number.set_defaults(func=_cmd_number)
