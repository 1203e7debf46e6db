"""``vngovdirectives extract``: directives of bulletins and documents, in input order, on several processes.

``--format text`` (a readable summary) and ``json`` are written here; any other name is handed,
with the stream of extracted objects, to :func:`vngovdirectives.plugins.export`.
"""

from __future__ import annotations

import argparse
import functools
import io
import json
import os
import sys
from typing import TYPE_CHECKING, TextIO, TypeAlias

from vngovdirectives.cli.inputs import read_input
from vngovdirectives.errors import SourceError, VnGovDirectivesError

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from cattrs.preconf.json import JsonConverter

    from vngovdirectives.directives.model import Extracted

__all__ = ["add_parser"]

#: Formats the ``extract`` command writes itself; any other name goes to the plugins' exporters.
_EXTRACT_FORMATS = ("text", "json")
#: Files with fewer inputs than this get no progress display.
_PROGRESS_MIN_FILES = 20
#: Files a worker process reads per task (fewer round trips between processes).
_CHUNK = 8


#: One result: the input's name, then the rendered output (a str) or the extracted object for an
#: exporter plugin, or None and an error message.
_Result: TypeAlias = "tuple[str, str | Extracted | None, str | None]"


@functools.cache
def _json_converter() -> JsonConverter:
    """The converter for ``--format json``, built once per process (it costs tens of milliseconds)."""
    from vngovdirectives.serde import make_converter  # deferred, like every heavy import: start-up is budgeted

    return make_converter()


def _render(path: str, item: Extracted, fmt: str) -> str:
    from vngovdirectives.directives.model import Bulletin, Document

    if fmt == "json":
        record = {"file": path, **_json_converter().unstructure(item, unstructure_as=Bulletin | Document)}
        return json.dumps(record, ensure_ascii=False) + "\n"
    buf = io.StringIO()
    _summary(path, item, buf)
    return buf.getvalue()


def _extract_one(path: str, text: str | None, html: bool | None, fmt: str | None) -> _Result:
    """Read, extract and (for ``fmt`` text or json) render one input; runs in a worker process.

    Rendering happens here because a rendered string crosses the process boundary much faster
    than the pickled model. Errors come back as text so one bad file never stops the batch.
    """
    from vngovdirectives.directives import extract

    try:
        source = text if text is not None else read_input(path)
        item = extract(source, html=html)
        return path, (_render(path, item, fmt) if fmt is not None else item), None
    except VnGovDirectivesError as exc:
        return path, None, str(exc)
    except Exception as exc:  # a bug must not stop the batch: report it for this file
        return path, None, f"internal error: {type(exc).__name__}: {exc}"


def _extract_many(paths: Sequence[str], html: bool | None, fmt: str | None) -> list[_Result]:
    """:func:`_extract_one` for a few files at a time: one round trip to a worker per chunk."""
    return [_extract_one(path, None, html, fmt) for path in paths]


def _iter_extracted(paths: Sequence[str], html: bool | None, jobs: int, fmt: str | None) -> Iterator[_Result]:
    """Results in input order. With ``jobs > 1`` a process pool reads chunks of
    :data:`_CHUNK` files and works ahead by at most ``2 * jobs`` chunks, so memory stays flat
    however many files there are."""
    stdin_text = stdin_error = None
    if "-" in paths:
        try:
            stdin_text = read_input("-")
        except SourceError as exc:
            stdin_error = str(exc)

    def from_stdin() -> _Result:
        return ("-", None, stdin_error) if stdin_error is not None else _extract_one("-", stdin_text, html, fmt)

    if jobs <= 1 or len(paths) <= 1:
        for path in paths:
            yield from_stdin() if path == "-" else _extract_one(path, None, html, fmt)
        return
    from collections import deque
    from concurrent.futures import Future, ProcessPoolExecutor

    window = 2 * jobs
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending: deque[Future[list[_Result]] | _Result] = deque()

        def ready() -> Iterator[_Result]:
            head = pending.popleft()
            if isinstance(head, tuple):
                yield head
            else:
                yield from head.result()

        chunk: list[str] = []
        for path in paths:
            if path == "-":  # stdin was read here; extract it here, in its place in the order
                if chunk:
                    pending.append(pool.submit(_extract_many, chunk, html, fmt))
                    chunk = []
                pending.append(from_stdin())
            else:
                chunk.append(path)
                if len(chunk) >= _CHUNK:
                    pending.append(pool.submit(_extract_many, chunk, html, fmt))
                    chunk = []
            while len(pending) > window:
                yield from ready()
        if chunk:
            pending.append(pool.submit(_extract_many, chunk, html, fmt))
        while pending:
            yield from ready()


def _summary(path: str, item: Extracted, out: TextIO) -> None:
    """The readable summary of one extracted file."""
    from vngovdirectives.directives.model import Bulletin, Document

    if isinstance(item, Bulletin):
        title = item.title.text if item.title else "(no title)"
        period = ""
        if item.period is not None:
            period = f" [{item.period.first_day().isoformat()} … {item.period.last_day().isoformat()}]"
        out.write(f"{path}: bulletin, {len(item.directives)} directive(s): {title}{period}\n")
    elif isinstance(item, Document):
        head = " ".join(
            p
            for p in (
                item.type_name or "document",
                str(item.number) if item.number else None,
                item.issued_on.iso() if item.issued_on else None,
                item.issuer.text if item.issuer else None,
            )
            if p
        )
        out.write(f"{path}: {head}\n")
        if item.addressees:
            out.write(f"     to:        {'; '.join(a.text for a in item.addressees)}\n")
        if item.effective is not None:
            out.write(f"     effective: {item.effective}\n")
    for i, d in enumerate(item.directives, 1):
        out.write(f"  {i}. {d.title or '(no heading)'}\n")
        for ref in d.carriers or d.references[:1]:
            out.write(f"     reference: {ref.text}\n")
        if d.issuer is not None:
            out.write(f"     issuer:    {d.issuer.text}\n")
        if d.signer is not None:
            parts = [m.text for m in (d.signer.authority, d.signer.position, d.signer.name) if m is not None]
            out.write(f"     signer:    {' / '.join(parts)}\n")
        for task in d.tasks:
            roles = ", ".join(
                a.name if a.role.value == "responsible" else f"{a.name} ({a.role.value})" for a in task.assignees
            )
            label = f"[{task.label}] " if task.label else ""
            out.write(f"     task:      {label}{roles or '-'}\n")
            for dl in task.deadlines:
                last = f" → {dl.last_day.isoformat()}" if dl.last_day is not None else ""
                out.write(f"       by:      {dl.text}{last}\n")


def _cmd_extract(args: argparse.Namespace) -> int:
    """Extract every input, writing results in input order as soon as each (and those before it) is done.

    ``--format text`` and ``json`` are written here; any other name is handed, with the stream of
    extracted objects, to :func:`vngovdirectives.plugins.export` (imported only then).
    """
    fmt: str = args.format
    jobs: int = args.jobs
    html: bool | None = True if args.html else None
    paths: list[str] = args.files
    failures = 0
    progress = sys.stderr.isatty() and len(paths) >= _PROGRESS_MIN_FILES and not args.quiet
    builtin = fmt in _EXTRACT_FORMATS

    def results() -> Iterator[str | Extracted]:
        nonlocal failures
        for n, (path, value, error) in enumerate(_iter_extracted(paths, html, jobs, fmt if builtin else None), 1):
            if progress:
                sys.stderr.write(f"\r[{n}/{len(paths)}] {path[-60:]:<60}")
                sys.stderr.flush()
            if error is not None or value is None:
                failures += 1
                if progress:
                    sys.stderr.write("\n")
                sys.stderr.write(f"error: {path}: {error}\n")
                continue
            yield value
        if progress:
            sys.stderr.write("\n")

    output: str | None = args.output
    if not builtin:
        from vngovdirectives.cli.output import write_export
        from vngovdirectives.plugins import get_exporter

        try:
            get_exporter(fmt)  # an unknown format fails before any file is read
            items = (value for value in results() if not isinstance(value, str))
            write_export(items, fmt, output)
        except BrokenPipeError:
            raise  # main() ends quietly when the reader goes away
        except (VnGovDirectivesError, OSError) as exc:
            sys.stderr.write(f"error: {exc}\n")
            return 2
        return 1 if failures else 0
    if output is not None and output != "-":
        try:
            with open(output, "w", encoding="utf-8") as out:
                _write_rendered(results(), out)
        except OSError as exc:
            sys.stderr.write(f"error: {output}: {exc.strerror or exc}\n")
            return 2
    else:
        _write_rendered(results(), sys.stdout)
    return 1 if failures else 0


def _write_rendered(values: Iterator[str | Extracted], out: TextIO) -> None:
    for value in values:
        if isinstance(value, str):
            out.write(value)
            out.flush()


def _jobs(value: str) -> int:
    if value == "auto":
        return os.cpu_count() or 1
    try:
        n = int(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a number of processes: {value!r}") from exc
    if n < 1:
        raise argparse.ArgumentTypeError("--jobs needs at least 1")
    return n


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the ``extract`` command."""
    extract = sub.add_parser(
        "extract",
        help="extract directives from bulletins and documents (text or HTML)",
        description=(
            "Read each file as a bulletin or a single document and print its directives, tasks, "
            "references and deadlines. Results are written in input order, each as soon as it and "
            "the files before it are done."
        ),
    )
    extract.add_argument("files", nargs="+", metavar="FILE", help='text or HTML files; "-" reads stdin')
    extract.add_argument(
        "--format",
        default="text",
        metavar="NAME",
        help=(
            "text (a readable summary, default), json (one JSON object per line), or an export format "
            "(`vngovdirectives formats` lists them: jsonl, csv, markdown, ics, ...)"
        ),
    )
    extract.add_argument(
        "-j", "--jobs", type=_jobs, default=1, metavar="N", help='worker processes (default 1; "auto": one per CPU)'
    )
    extract.add_argument("-o", "--output", metavar="FILE", help='write to FILE (default or "-": standard output)')
    extract.add_argument("--html", action="store_true", help="read every file as HTML (default: detect)")
    extract.add_argument("-q", "--quiet", action="store_true", help="no progress display on stderr")
    extract.set_defaults(func=_cmd_extract)
    extract.set_defaults(func=_cmd_extract)
