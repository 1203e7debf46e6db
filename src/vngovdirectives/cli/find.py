"""``vngovdirectives find``: references, dates, periods and deadlines of text files, with spans."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

from vngovdirectives.cli.inputs import read_input
from vngovdirectives.errors import SourceError
from vngovdirectives.finding.find import find_all
from vngovdirectives.finding.records import jsonl_record

__all__ = ["add_parser", "iso_date"]


def _cmd_find(args: argparse.Namespace) -> int:
    context = dt.date.fromisoformat(args.context_date) if args.context_date else None
    out = sys.stdout
    failures = 0
    for path in args.files:
        try:
            text = read_input(path)
        except SourceError as exc:
            failures += 1
            sys.stderr.write(f"error: {exc}\n")
            continue
        for match in find_all(text, context_date=context):
            if args.format == "jsonl":
                out.write(json.dumps(jsonl_record(match, path), ensure_ascii=False) + "\n")
            else:
                text_one_line = " ".join(match.text.split())
                out.write(f"{path}:{match.start}-{match.end}\t{match.kind.value}\t{text_one_line}\t{match.value}\n")
        out.flush()
    return 1 if failures else 0


def iso_date(value: str) -> str:
    """``value`` when it is a YYYY-MM-DD date (an argparse type)."""
    try:
        dt.date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a YYYY-MM-DD date: {value!r}") from exc
    return value


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the ``find`` command."""
    find = sub.add_parser(
        "find",
        help="find references, dates, periods and deadlines in text files",
        description="Find document references, dates, periods and deadlines in text files, with spans.",
    )
    find.add_argument("files", nargs="+", metavar="FILE", help='text files; "-" reads stdin')
    find.add_argument("--format", choices=("jsonl", "text"), default="text", help="output format")
    find.add_argument(
        "--context-date",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="the documents' own date, to complete year-less dates (default: detected in each text)",
    )
    find.set_defaults(func=_cmd_find)
