"""The ``vngovdirectives`` command line."""

from __future__ import annotations

import argparse
import functools
import io
import json
import sys
from typing import TYPE_CHECKING, TextIO, TypeAlias

from vngovdirectives.docnumbers import DocumentNumber, parse_number
from vngovdirectives.errors import DocumentNumberError, VnGovDirectivesError

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

    from cattrs.preconf.json import JsonConverter

    from vngovdirectives.directives import Extracted

__all__ = ["main"]


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


class SourceError(VnGovDirectivesError):
    """An input file cannot be read or decoded."""


def decode_source(data: bytes, name: str = "<input>") -> str:
    """Decode a text file: UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1258.

    Raises:
        SourceError: none of these encodings reads the bytes.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        encodings: tuple[str, ...] = ("utf-8-sig",)
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ("utf-16",)
    else:
        encodings = ("utf-8", "cp1258")
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as exc:
            last = exc
    raise SourceError(
        f"{name}: cannot decode as UTF-8, UTF-16 (with BOM) or Windows-1258: "
        f"byte {data[last.start : last.start + 1]!r} at offset {last.start}"
    )


def _read(path: str) -> str:
    if path == "-":
        return decode_source(sys.stdin.buffer.read(), "<stdin>")
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise SourceError(f"{path}: {exc.strerror or exc}") from exc
    return decode_source(data, path)


def _cmd_find(args: argparse.Namespace) -> int:
    import datetime as dt

    from vngovdirectives.finders import find_all, jsonl_record

    context = dt.date.fromisoformat(args.context_date) if args.context_date else None
    out = sys.stdout
    failures = 0
    for path in args.files:
        try:
            text = _read(path)
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


# --------------------------------------------------------------------------- extract

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
    from vngovdirectives.directives import _configure_converter
    from vngovdirectives.serde import make_converter

    conv = make_converter()
    _configure_converter(conv)
    return conv


def _render(path: str, item: Extracted, fmt: str) -> str:
    from vngovdirectives.directives import Bulletin, Document

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
        source = text if text is not None else _read(path)
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
            stdin_text = _read("-")
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
    from vngovdirectives.directives import Bulletin, Document

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
    for i, d in enumerate(item.directives, 1):
        out.write(f"  {i}. {d.title or '(no heading)'}\n")
        for ref in d.carriers or d.references[:1]:
            out.write(f"     reference: {ref.text}\n")
        if d.issuer is not None:
            out.write(f"     issuer:    {d.issuer.text}\n")
        if d.signer is not None:
            parts = [m.text for m in (d.signer.authority, d.signer.position, d.signer.name) if m is not None]
            out.write(f"     signer:    {' / '.join(parts)}\n")
        if d.addressees:
            out.write(f"     assignees: {'; '.join(a.name for a in d.addressees)}\n")
        for task in d.tasks:
            for dl in task.deadlines:
                last = f" → {dl.last_day.isoformat()}" if dl.last_day is not None else ""
                who = ", ".join(a.name for a in task.assignees) or "-"
                out.write(f"     deadline:  {dl.text}{last} ({who})\n")


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
        from vngovdirectives._cli_export import write_export
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
    import os

    if value == "auto":
        return os.cpu_count() or 1
    try:
        n = int(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a number of processes: {value!r}") from exc
    if n < 1:
        raise argparse.ArgumentTypeError("--jobs needs at least 1")
    return n


def _iso_date(value: str) -> str:
    import datetime as dt

    try:
        dt.date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a YYYY-MM-DD date: {value!r}") from exc
    return value


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vngovdirectives",
        description="Read Vietnamese government text: document numbers, dates, deadlines, directives.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    number = sub.add_parser(
        "number",
        help="parse document numbers and print their parts",
        description="Parse document numbers given as arguments (or one per line on stdin) and print their parts.",
    )
    number.add_argument("numbers", nargs="*", metavar="NUMBER", help='numbers to parse; none or "-" reads stdin')
    number.add_argument("--format", choices=("text", "jsonl"), default="text", help="output format")
    number.set_defaults(func=_cmd_number)
    find = sub.add_parser(
        "find",
        help="find references, dates, periods and deadlines in text files",
        description="Find document references, dates, periods and deadlines in text files, with spans.",
    )
    find.add_argument("files", nargs="+", metavar="FILE", help='text files; "-" reads stdin')
    find.add_argument("--format", choices=("jsonl", "text"), default="text", help="output format")
    find.add_argument(
        "--context-date",
        type=_iso_date,
        metavar="YYYY-MM-DD",
        help="the documents' own date, to complete year-less dates (default: detected in each text)",
    )
    find.set_defaults(func=_cmd_find)
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
    from vngovdirectives._cli_export import add_commands

    add_commands(sub)
    return parser


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("vngovdirectives")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "unknown"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")
    args = _parser().parse_args(argv)
    try:
        status: int = args.func(args)
    except BrokenPipeError:  # the reader went away ("… | head"): stop quietly
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
