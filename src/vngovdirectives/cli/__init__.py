"""The ``vngovdirectives`` command line.

======================  ==============================================================
command                 what it does
======================  ==============================================================
``number``              parse document numbers and print their parts
``find``                references, dates, periods and deadlines of text files, with spans
``extract``             directives of bulletins and documents, in any export format
``graph``               the citation graph of a corpus: SQLite, node-link JSON or GraphML
``text``                the text read from a file (a PDF's, a Word document's): what spans index
``formats``             the export formats, built-in and from plugins
``plugins``             the installed plugins, as JSON
======================  ==============================================================
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from vngovdirectives.cli import extract, find, formats, graph, number, show

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vngovdirectives",
        description="Read Vietnamese government text: document numbers, dates, deadlines, directives.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    number.add_parser(sub)
    find.add_parser(sub)
    extract.add_parser(sub)
    graph.add_parser(sub)
    show.add_parser(sub)
    formats.add_parsers(sub)
    return parser


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("vngovdirectives")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "unknown"


def _quiet_stdout() -> None:
    """Point standard output at the null device, so that the interpreter's last flush of a
    closed pipe or a full disk does not print a second error."""
    import os

    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # replaced by a test, or already closed
        return
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, fd)
    os.close(null)


def _terminate(signum: int, _frame: object) -> None:
    """SIGTERM ends the command like Ctrl-C: temporary files are removed, the output is left as it was."""
    raise SystemExit(128 + signum)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status.

    0: success; 1: some inputs failed (each reported on stderr); 2: bad usage, or the output could
    not be written (a full disk, a closed pipe: one line on stderr naming the output).
    """
    import signal
    import threading

    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")
    args = _parser().parse_args(argv)
    previous = None
    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        status: int = args.func(args)
    except OSError as exc:  # the output: OutputError names it; any other OSError here is about it too
        name = exc.filename if exc.filename is not None else "standard output"
        sys.stderr.write(f"error: {name}: {exc.strerror or exc}\n")
        if name == "standard output":
            _quiet_stdout()
        return 2
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    return status
