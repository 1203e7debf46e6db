"""The command line's inputs: files, folders and lists of files, read by the one reader
(:mod:`vngovdirectives.text.files`) that ``find`` and ``extract`` share.

Paths are produced lazily, one at a time, so a folder of a hundred thousand files costs no more
memory than one: a folder is walked in sorted order (the same order on every run, which
``--resume`` relies on), a list file is read line by line.
"""

from __future__ import annotations

import fnmatch
import os
import sys
from typing import TYPE_CHECKING, Final

from vngovdirectives.errors import SourceError
from vngovdirectives.text.files import InputText, read_bytes, read_file

if TYPE_CHECKING:
    import argparse
    from collections.abc import Iterable, Iterator, Sequence

__all__ = ["DEFAULT_GLOBS", "add_input_arguments", "iter_paths", "read_input", "read_stdin"]

DEFAULT_GLOBS: Final = ("*.txt", "*.text", "*.htm", "*.html", "*.xhtml", "*.pdf", "*.docx")
"""The files a folder contributes when no ``--glob`` is given."""


def read_stdin(*, html: bool | None = None) -> InputText:
    """Standard input, decoded like a file."""
    return read_bytes(sys.stdin.buffer.read(), "-", html=html)


def read_input(path: str, *, html: bool | None = None, data: bytes | None = None) -> InputText:
    """The input ``path`` ("-": standard input, whose bytes may be given as ``data``), decoded.

    Raises:
        SourceError: the input cannot be read or decoded.
    """
    if path == "-":
        return read_bytes(data, "-", html=html) if data is not None else read_stdin(html=html)
    return read_file(path, html=html)


def _matches(name: str, globs: Sequence[str]) -> bool:
    return any(fnmatch.fnmatch(name, g) or fnmatch.fnmatch(name.lower(), g.lower()) for g in globs)


def _walk(folder: str, globs: Sequence[str]) -> Iterator[str]:
    """The files of ``folder`` and its subfolders whose name matches ``globs``, in sorted order."""
    for root, dirs, files in os.walk(folder, onerror=_raise):
        dirs.sort()
        for name in sorted(files):
            rel = os.path.relpath(os.path.join(root, name), folder)
            if _matches(name, globs) or _matches(rel, globs):
                yield os.path.join(root, name)


def _raise(exc: OSError) -> None:
    raise SourceError(f"{exc.filename}: {exc.strerror or exc}")


def _listed(files_from: str) -> Iterator[str]:
    stream = sys.stdin if files_from == "-" else open(files_from, encoding="utf-8-sig")  # noqa: SIM115
    try:
        for line in stream:
            path = line.rstrip("\r\n")
            if path.strip():
                yield path
    finally:
        if stream is not sys.stdin:
            stream.close()


def iter_paths(files: Iterable[str], *, globs: Sequence[str] = (), files_from: str | None = None) -> Iterator[str]:
    """Every input named: files as given, the matching files of each folder (recursively), then
    the paths listed one per line in ``files_from`` ("-": standard input).

    Raises:
        SourceError: a list file or a folder cannot be read.
    """
    patterns = tuple(globs) or DEFAULT_GLOBS
    for path in files:
        if path != "-" and os.path.isdir(path):
            yield from _walk(path, patterns)
        else:
            yield path
    if files_from is not None:
        try:
            yield from _listed(files_from)
        except OSError as exc:
            raise SourceError(f"{files_from}: {exc.strerror or exc}") from None


def add_input_arguments(parser: argparse.ArgumentParser, what: str) -> None:
    """The input options ``find`` and ``extract`` share."""
    parser.add_argument(
        "files", nargs="*", metavar="PATH", help=f'{what} files or folders (searched recursively); "-" reads stdin'
    )
    parser.add_argument(
        "--glob",
        action="append",
        default=[],
        metavar="PATTERN",
        help=f"in folders, read the files matching PATTERN (repeatable; default: {' '.join(DEFAULT_GLOBS)})",
    )
    parser.add_argument(
        "--files-from", metavar="FILE", help='read more paths from FILE, one per line ("-": standard input)'
    )
    parser.add_argument("--html", action="store_true", help="read every input as HTML (default: by name and content)")
