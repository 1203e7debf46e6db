"""``vngovdirectives find``: references, dates, periods and deadlines of text files, with spans.

Inputs are read like ``extract``'s (the same reader: HTML by name or content, encodings by
evidence). ``--format jsonl`` writes one flat record per match, ``json`` the same records in one
document (:mod:`vngovdirectives.finding.records`: the shape of the annotated corpus, with the
values of the JSON contract of the exports, ``docs/formats.md``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
from typing import TYPE_CHECKING

from vngovdirectives.cli.inputs import add_input_arguments, read_input
from vngovdirectives.cli.run import Outcome, add_output_arguments, run_command
from vngovdirectives.errors import VnGovDirectivesError

if TYPE_CHECKING:
    from vngovdirectives.cli.batch import Task
    from vngovdirectives.finding.match import Match

__all__ = ["add_parser", "find_one", "iso_date"]


def _text_line(path: str, match: Match[object]) -> str:
    text_one_line = " ".join(match.text.split())
    return f"{path}:{match.start}-{match.end}\t{match.kind.value}\t{text_one_line}\t{match.value}\n"


def find_one(task: Task, *, html: bool | None, fmt: str, context: dt.date | None) -> Outcome:
    """Read one input and render its matches; runs in a worker process."""
    from vngovdirectives.finding.find import find_all
    from vngovdirectives.finding.records import jsonl_record
    from vngovdirectives.plugins.exporters.jsonfmt import dump_line

    try:
        text = read_input(task.path, html=html, data=task.data)
        found = find_all(text.text, context_date=context, html=text.html)
    except VnGovDirectivesError as exc:
        return Outcome(task.id, task.path, error=str(exc))
    except Exception as exc:  # a bug must not stop the batch: report it for this file
        return Outcome(task.id, task.path, error=f"internal error: {type(exc).__name__}: {exc}")
    if fmt == "text":
        payload: object = "".join(_text_line(task.path, m) for m in found)
    else:
        payload = [dump_line(jsonl_record(m, task.path, task.id)) for m in found]
    return Outcome(task.id, task.path, payload, warnings=text.warnings, counts=(("match", len(found)),))


def _cmd_find(args: argparse.Namespace) -> int:
    context = dt.date.fromisoformat(args.context_date) if args.context_date else None
    work = functools.partial(find_one, html=True if args.html else None, fmt=args.format, context=context)
    return run_command(args, work, args.format, "match")


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
    add_input_arguments(find, "text, HTML, PDF or DOCX")
    find.add_argument("--format", choices=("text", "jsonl", "json"), default="text", help="output format")
    find.add_argument(
        "--context-date",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="the documents' own date, to complete year-less dates (default: detected in each text)",
    )
    add_output_arguments(find)
    find.set_defaults(func=_cmd_find)
