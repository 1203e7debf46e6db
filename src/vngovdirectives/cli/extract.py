"""``vngovdirectives extract``: directives of bulletins and documents, in input order, on several processes.

``--format text`` (a readable summary), ``json`` and ``jsonl`` are rendered in the worker
processes (a rendered line crosses the process boundary much faster than a pickled model); any
other name is handed, with the stream of records, to :func:`vngovdirectives.plugins.export`.
"""

from __future__ import annotations

import functools
import sys
from typing import TYPE_CHECKING

from vngovdirectives.cli.inputs import add_input_arguments, read_input
from vngovdirectives.cli.run import Outcome, add_output_arguments, run_command
from vngovdirectives.errors import VnGovDirectivesError

if TYPE_CHECKING:
    import argparse

    from vngovdirectives.cli.batch import Task
    from vngovdirectives.plugins.exporters.jsonfmt import Renderer

__all__ = ["add_parser", "extract_one"]

#: Formats rendered in the workers; any other name goes to the plugins' exporters.
_RENDERED = ("text", "json", "jsonl")


@functools.cache
def _renderer() -> Renderer:
    """The JSON renderer, built once per process (its converter costs tens of milliseconds)."""
    from vngovdirectives.plugins.exporters.jsonfmt import Renderer

    return Renderer()


def extract_one(task: Task, *, html: bool | None, fmt: str) -> Outcome:
    """Read, extract and (for text, json and jsonl) render one input; runs in a worker process.

    Errors come back as text, so one bad file never stops the batch.
    """
    from vngovdirectives.directives import extract
    from vngovdirectives.plugins.model import Record

    try:
        text = read_input(task.path, html=html, data=task.data)
        item = extract(text.text, html=text.html)
    except VnGovDirectivesError as exc:
        return Outcome(task.id, task.path, error=str(exc))
    except Exception as exc:  # a bug must not stop the batch: report it for this file
        return Outcome(task.id, task.path, error=f"internal error: {type(exc).__name__}: {exc}")
    counts = ((item.kind, 1),)
    if fmt == "text":
        from vngovdirectives.cli.summary import summary

        payload: object = summary(task.path, item)
    elif fmt in _RENDERED:
        payload = _renderer().line(Record(item=item, source=task.path, id=task.id))
    else:
        payload = item
    return Outcome(task.id, task.path, payload, warnings=text.warnings, counts=counts)


def _cmd_extract(args: argparse.Namespace) -> int:
    fmt: str = args.format
    if fmt not in _RENDERED:
        from vngovdirectives.cli.output import is_text_media_type
        from vngovdirectives.plugins import get_exporter

        try:
            exporter = get_exporter(fmt)  # an unknown format fails before any file is read
        except VnGovDirectivesError as exc:
            sys.stderr.write(f"error: {exc}\n")
            return 2
        if args.output in (None, "-") and not is_text_media_type(exporter.media_type) and sys.stdout.isatty():
            sys.stderr.write(
                f"error: the {fmt!r} format is binary ({exporter.media_type}); "
                f"write it to a file with -o FILE{exporter.suffix}\n"
            )
            return 2
    work = functools.partial(extract_one, html=True if args.html else None, fmt=fmt)
    return run_command(args, work, fmt, "document bulletin")


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the ``extract`` command."""
    extract = sub.add_parser(
        "extract",
        help="extract directives from bulletins and documents (text, HTML, PDF, DOCX)",
        description=(
            "Read each file as a bulletin or a single document and write its directives, tasks, "
            "references and deadlines. Results are written in input order, each as soon as it and "
            "the files before it are done; a summary line follows on stderr."
        ),
    )
    add_input_arguments(extract, "text, HTML, PDF or DOCX")
    extract.add_argument(
        "--format",
        default="text",
        metavar="NAME",
        help=(
            "text (a readable summary, default), json (one JSON document), jsonl (one JSON object per "
            "line), or any export format (`vngovdirectives formats`: csv, markdown, ics, xlsx …)"
        ),
    )
    add_output_arguments(extract)
    extract.set_defaults(func=_cmd_extract)
