"""``vngovdirectives graph``: the citation graph of a corpus, as SQLite, node-link JSON or GraphML.

Inputs are named like ``find``'s and ``extract``'s (files, folders searched recursively, ``--glob``,
``--files-from``) and read by the same reader (text, HTML, PDF, Word), then extracted once; a
``.json`` or ``.jsonl`` file is taken as an ``extract`` export and its items are read back, each
named by the file it was extracted from. The graph is built from all of them
(:func:`vngovdirectives.graph.build_graph`) and written whole to ``-o``, in the format its suffix
names (``.sqlite``/``.db``, ``.json``, ``.graphml``) or ``--format``. A file that cannot be read
is reported on standard error and left out; the exit status is then 1.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Final

from vngovdirectives.cli.inputs import add_input_arguments, iter_paths, read_input
from vngovdirectives.errors import SourceError, VnGovDirectivesError

if TYPE_CHECKING:
    import argparse
    from collections.abc import Iterator, Sequence

    from vngovdirectives.directives.model import Extracted
    from vngovdirectives.graph.model import CitationGraph

__all__ = ["add_parser", "read_pages"]

_EXPORTS: Final = (".json", ".jsonl")
#: One page: a file name and what was read in it, or None and the error.
_Page = tuple[str, "Extracted | None", "str | None"]


def _extract_one(path: str, html: bool | None) -> list[_Page]:
    """The pages of one input; runs in a worker process."""
    from vngovdirectives.directives import extract

    try:
        if path.lower().endswith(_EXPORTS):
            return _exported(path)
        read = read_input(path, html=html)
        return [(path, extract(read.text, html=read.html), None)]
    except VnGovDirectivesError as exc:
        return [(path, None, str(exc))]
    except Exception as exc:  # a bug must not stop the corpus: report it for this file
        return [(path, None, f"internal error: {type(exc).__name__}: {exc}")]


def _exported(path: str) -> list[_Page]:
    """The documents and bulletins of an ``extract`` export, each named by its source."""
    from vngovdirectives.directives.model import Bulletin, Document
    from vngovdirectives.plugins import load_records

    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise SourceError(f"{path}: {exc.strerror or exc}") from exc
    pages: list[_Page] = []
    for n, record in enumerate(load_records(data), 1):
        name = record.source or f"{path}#{n}"
        if isinstance(record.item, Bulletin | Document):
            pages.append((name, record.item, None))
        elif record.error is not None:
            pages.append((name, None, record.error))
    return pages


def read_pages(paths: Sequence[str], *, jobs: int = 1, html: bool | None = None) -> Iterator[_Page]:
    """Every page of ``paths``, in order, extracted on ``jobs`` processes."""
    if jobs <= 1 or len(paths) < 2:
        for path in paths:
            yield from _extract_one(path, html)
        return
    import concurrent.futures
    import functools

    with concurrent.futures.ProcessPoolExecutor(max_workers=jobs) as pool:
        for pages in pool.map(functools.partial(_extract_one, html=html), paths, chunksize=4):
            yield from pages


def _summary(graph: CitationGraph) -> str:
    docs = [d for d in graph.documents if d.kind.value == "document"]
    pages = len(graph.documents) - len(docs)
    replaced = sum(d.replaced_by is not None for d in docs)
    repealed = sum(d.repealed_by is not None for d in docs)
    resolved = sum(c.target is not None for c in graph.citations)
    return (
        f"{len(docs)} documents, {pages} pages without a number, {len(graph.citations)} citations "
        f"({resolved} resolved), {replaced} replaced, {repealed} repealed"
    )


def _cmd_graph(args: argparse.Namespace) -> int:
    from vngovdirectives.graph import build_graph
    from vngovdirectives.graph.write import format_of, write_graph

    if not args.files and args.files_from is None:
        print("vngovdirectives graph: no input: name files, folders or --files-from", file=sys.stderr)
        return 2
    try:
        fmt = format_of(args.output, args.format)
    except VnGovDirectivesError as exc:
        print(f"vngovdirectives graph: {exc}", file=sys.stderr)
        return 2
    failed = 0

    def pages() -> Iterator[tuple[str, Extracted]]:
        nonlocal failed
        paths = list(iter_paths(args.files, globs=args.glob, files_from=args.files_from))
        for name, item, error in read_pages(paths, jobs=args.jobs, html=args.html or None):
            if item is None:
                failed += 1
                print(f"{name}: {error}", file=sys.stderr)
            else:
                yield name, item

    graph = build_graph(pages())
    try:
        write_graph(graph, args.output, fmt)
    except OSError as exc:
        print(f"vngovdirectives graph: {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    print(f"{args.output}: {_summary(graph)}", file=sys.stderr)
    return 1 if failed else 0


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the ``graph`` command."""
    graph = sub.add_parser(
        "graph",
        help="the citation graph of a corpus (SQLite for Datasette, JSON or GraphML for networkx)",
        description="Build the citation graph of files, folders or extract exports: documents keyed by "
        "number, citations with their relation, documents replaced or repealed.",
    )
    add_input_arguments(graph, "text, HTML, PDF, DOCX or extract-export (.json, .jsonl)")
    graph.add_argument("-o", "--output", required=True, metavar="FILE", help="where to write the graph")
    graph.add_argument("--format", choices=("sqlite", "json", "graphml"), help="default: by the suffix of -o")
    graph.add_argument("--jobs", type=int, default=1, metavar="N", help="worker processes (default 1)")
    graph.set_defaults(func=_cmd_graph)
