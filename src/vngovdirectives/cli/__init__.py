"""The ``vngovdirectives`` command line.

======================  ==============================================================
command                 what it does
======================  ==============================================================
``number``              parse document numbers and print their parts
``find``                references, dates, periods and deadlines of text files, with spans
``extract``             directives of bulletins and documents, in any export format
``graph``               the citation graph of a corpus: SQLite, node-link JSON or GraphML
``formats``             the export formats, built-in and from plugins
``plugins``             the installed plugins, as JSON
======================  ==============================================================
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from vngovdirectives.cli import extract, find, formats, graph, number

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
    formats.add_parsers(sub)
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
