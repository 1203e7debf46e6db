"""``vngovdirectives text``: the text read from a file, the one that spans index.

For a PDF or a Word document that is the extracted text (print layout cleaned out); for a text
or HTML file, the decoded file itself. Offsets in ``find`` and ``extract`` output index it.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from vngovdirectives.cli.inputs import read_input
from vngovdirectives.errors import SourceError

if TYPE_CHECKING:
    import argparse

__all__ = ["add_parser"]


def _cmd_text(args: argparse.Namespace) -> int:
    try:
        read = read_input(args.file)
    except SourceError as exc:
        sys.stderr.write(f"error: {exc}\n")
        return 1
    sys.stdout.buffer.write(read.text.encode("utf-8", "surrogatepass"))
    sys.stdout.buffer.flush()
    return 0


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the ``text`` command."""
    text = sub.add_parser(
        "text",
        help="print the text read from a file (what the spans of find and extract index)",
        description=(
            "Print the text read from FILE, as find and extract read it: the extracted text of a PDF or "
            "Word document, the decoded text of any other file. The spans in their output index it."
        ),
    )
    text.add_argument("file", metavar="FILE", help='a text, HTML, PDF or DOCX file; "-" reads stdin')
    text.set_defaults(func=_cmd_text)
