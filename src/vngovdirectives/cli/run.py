"""What ``find`` and ``extract`` share: inputs in, outcomes in input order, the output written
safely, failures reported, progress on a terminal and a summary at the end.

A command supplies the work for one input (run in worker processes with ``--jobs``), which
returns an :class:`Outcome`: the input's rendered output (a JSON line, a block of text), or the
item itself for an exporter, or the error that stopped it.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from typing import TYPE_CHECKING, Any, BinaryIO

import attrs

from vngovdirectives.cli.batch import Task, cpu_count, run_ordered
from vngovdirectives.cli.inputs import iter_paths
from vngovdirectives.cli.output import Output
from vngovdirectives.cli.resume import RESUMABLE, Held, prepare
from vngovdirectives.errors import VnGovDirectivesError
from vngovdirectives.plugins.exporters.jsonfmt import JSON_HEAD, JSON_TAIL, Renderer
from vngovdirectives.plugins.model import Record

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator


__all__ = ["Outcome", "add_output_arguments", "jobs", "run_command"]

#: Inputs below this number get no progress display.
_PROGRESS_MIN_FILES = 20


@attrs.frozen(slots=True)
class Outcome:
    """What came of one input."""

    id: int
    source: str
    payload: Any = None
    """A rendered JSON line (bytes), a block of text (str), or the item for an exporter; None on failure."""
    error: str | None = None
    warnings: tuple[str, ...] = ()
    counts: tuple[tuple[str, int], ...] = ()
    """What the input gave, for the summary: (("document", 1),), (("match", 12),) …"""


class _Report:
    """Progress on a terminal, warnings and errors on stderr, and the summary line."""

    def __init__(self, args: argparse.Namespace, noun: str) -> None:
        self.quiet: bool = args.quiet
        self.progress = sys.stderr.isatty() and not self.quiet
        self.noun = noun
        self.counts: Counter[str] = Counter()
        self.started = time.perf_counter()

    def seen(self, outcome: Outcome) -> None:
        self.counts["inputs"] += 1
        if self.progress and self.counts["inputs"] >= _PROGRESS_MIN_FILES:
            sys.stderr.write(f"\r[{self.counts['inputs']}] {outcome.source[-60:]:<60}")
            sys.stderr.flush()
        for warning in outcome.warnings:
            self._line(f"warning: {outcome.source}: {warning}")
        if outcome.error is not None:
            self.counts["failed"] += 1
            message = outcome.error.removeprefix(f"{outcome.source}: ")  # a SourceError names its file already
            self._line(f"error: {outcome.source}: {message}")
        self.counts.update(dict(outcome.counts))

    def _line(self, text: str) -> None:
        if self.progress and self.counts["inputs"] >= _PROGRESS_MIN_FILES:
            sys.stderr.write("\n")
        sys.stderr.write(text + "\n")

    def summary(self, held: Held) -> None:
        if self.progress and self.counts["inputs"] >= _PROGRESS_MIN_FILES:
            sys.stderr.write("\n")
        if self.quiet:
            return
        c = self.counts
        parts = [f"{c['inputs']} file(s)", *(f"{c[k]} {k}(s)" for k in self.noun.split())]
        parts.append(f"{c['failed']} failed")
        if held.items:
            parts.append(f"{held.items} already in the output")
        sys.stderr.write(f"{', '.join(parts)} in {time.perf_counter() - self.started:.1f} s\n")


def _tasks(args: argparse.Namespace, held: Held) -> Iterator[Task]:
    paths = iter_paths(args.files, globs=args.glob, files_from=args.files_from)
    for n, path in enumerate(paths, 1):
        if (n, path) not in held.done:
            yield Task(n, path)


def _json_lines(outcomes: Iterator[Outcome], report: _Report, stream: BinaryIO) -> Iterator[bytes]:
    render: Renderer | None = None
    for outcome in outcomes:
        report.seen(outcome)
        if outcome.error is not None:
            render = render or Renderer()
            yield render.line(Record(source=outcome.source, id=outcome.id, error=outcome.error))
        elif isinstance(outcome.payload, list):  # find: a line per match
            yield from outcome.payload
        else:
            yield outcome.payload
        stream.flush()


def _records(outcomes: Iterator[Outcome], report: _Report) -> Iterator[Record]:
    for outcome in outcomes:
        report.seen(outcome)
        if outcome.error is not None:
            yield Record(source=outcome.source, id=outcome.id, error=outcome.error)
        else:
            yield Record(item=outcome.payload, source=outcome.source, id=outcome.id)


def _write(fmt: str, outcomes: Iterator[Outcome], report: _Report, stream: BinaryIO, held: Held) -> None:
    if fmt == "text":
        for outcome in outcomes:
            report.seen(outcome)
            if outcome.payload:
                stream.write(outcome.payload.encode("utf-8", "backslashreplace"))
                stream.flush()
    elif fmt in RESUMABLE:
        document = fmt == "json"
        if document and not held.head:
            stream.write(JSON_HEAD)
        for n, line in enumerate(_json_lines(outcomes, report, stream), held.lines):
            stream.write(((b",\n" if n else b"\n") if document else b"") + line + (b"" if document else b"\n"))
        if document:
            stream.write(JSON_TAIL)
    else:
        from vngovdirectives.plugins import export

        export(_records(outcomes, report), to=fmt, stream=stream)


def run_command(args: argparse.Namespace, work: Callable[[Task], Outcome], fmt: str, noun: str) -> int:
    """Run ``work`` over the inputs of ``args`` and write the outcomes in format ``fmt``.

    Returns the exit status: 0, 1 when some input failed, 2 when no input was given or the output
    could not be written. ``noun`` names what the summary counts ("document bulletin", "match").
    """
    if not args.files and args.files_from is None:
        sys.stderr.write("error: no input: give files, folders, or --files-from FILE\n")
        return 2
    resume = bool(getattr(args, "resume", False))
    if resume and (fmt not in RESUMABLE or args.output in (None, "-")):
        sys.stderr.write("error: --resume needs --format jsonl or json and -o FILE\n")
        return 2
    held = prepare(args.output, fmt) if resume else Held()
    report = _Report(args, noun)
    output = Output(args.output, append=resume)
    try:
        with output as stream:
            _write(fmt, run_ordered(work, _tasks(args, held), args.jobs), report, stream, held)
            if report.counts["inputs"] and report.counts["failed"] == report.counts["inputs"] and not resume:
                output.abandon()  # every input failed: an existing output is left as it was
    except VnGovDirectivesError as exc:
        if isinstance(exc, OSError):
            raise  # an OutputError: main() reports it in one line
        sys.stderr.write(f"error: {exc}\n")
        return 2
    finally:
        report.summary(held)
    return 1 if report.counts["failed"] else 0


def jobs(value: str) -> int:
    """The number of worker processes (an argparse type): a positive number, or "auto" (one per CPU)."""
    if value == "auto":
        return cpu_count()
    try:
        n = int(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a number of processes: {value!r}") from exc
    if n < 1:
        raise argparse.ArgumentTypeError("--jobs needs at least 1")
    return n


def add_output_arguments(parser: argparse.ArgumentParser) -> None:
    """The output and run options ``find`` and ``extract`` share."""
    parser.add_argument(
        "-j", "--jobs", type=jobs, default=1, metavar="N", help='worker processes (default 1; "auto": one per CPU)'
    )
    parser.add_argument(
        "-o", "--output", metavar="FILE", help='write to FILE, replaced only on success (default or "-": stdout)'
    )
    parser.add_argument(
        "--resume",
        action="store_true",
        help="go on with the jsonl or json output FILE of a run that stopped: skip the inputs it holds",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress display and no summary on stderr")
