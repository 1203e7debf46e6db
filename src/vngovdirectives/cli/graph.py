"""``vngovdirectives graph``: the citation graph of a corpus, as SQLite, node-link JSON or GraphML.

Every input is read like ``extract``'s (text or HTML; a folder gives its files, searched
recursively), and extracted once; a ``.json`` or ``.jsonl`` file is taken as an ``extract``
export and its items are read back. The graph is built from all of them
(:func:`vngovdirectives.graph.build_graph`) and written whole to ``-o``, in the format its suffix
names (``.sqlite``/``.db``, ``.json``, ``.graphml``) or ``--format``. A file that cannot be read
is reported on standard error and left out; the exit status is then 1.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Final

from vngovdirectives.cli.inputs import read_input
from vngovdirectives.errors import SourceError, VnGovDirectivesError

if TYPE_CHECKING:
    import argparse
    from collections.abc import Iterable, Iterator, Sequence

    from vngovdirectives.directives.model import Extracted
    from vngovdirectives.graph.model import CitationGraph

__all__ = ["add_parser", "input_paths", "read_pages"]

#: The files a folder gives.
FOLDER_SUFFIXES: Final = (".txt", ".text", ".htm", ".html", ".xhtml")
_EXPORTS: Final = (".json", ".jsonl")
#: One page: a file name and what was read in it, or None and the error.
_Page = tuple[str, "Extracted | None", "str | None"]


def input_paths(paths: Iterable[str]) -> Iterator[str]:
    """The files named: files as given, and the text and HTML files of each folder (recursively,
    in sorted order)."""
    for path in paths:
        if not os.path.isdir(path):
            yield path
            continue
        for root, dirs, files in os.walk(path):
            dirs.sort()
            yield from (os.path.join(root, f) for f in sorted(files) if f.lower().endswith(FOLDER_SUFFIXES))


def _extract_one(path: str, html: bool | None) -> list[_Page]:
    """The pages of one input; runs in a worker process."""
    from vngovdirectives.directives import extract

    try:
        if path.lower().endswith(_EXPORTS):
            return _exported(path)
        return [(path, extract(read_input(path), html=html), None)]
    except VnGovDirectivesError as exc:
        return [(path, None, str(exc))]
    except Exception as exc:  # a bug must not stop the corpus: report it for this file
        return [(path, None, f"internal error: {type(exc).__name__}: {exc}")]


def _exported(path: str) -> list[_Page]:
    """The documents and bulletins of an ``extract`` export, named ``<path>#<n>``."""
    from vngovdirectives.directives.model import Bulletin, Document
    from vngovdirectives.plugins import load_json

    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise SourceError(f"{path}: {exc.strerror or exc}") from exc
    items = [item for item in load_json(data) if isinstance(item, Bulletin | Document)]
    return [(f"{path}#{n}", item, None) for n, item in enumerate(items, 1)]


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

    try:
        fmt = format_of(args.output, args.format)
    except VnGovDirectivesError as exc:
        print(f"vngovdirectives graph: {exc}", file=sys.stderr)
        return 2
    failed = 0

    def pages() -> Iterator[tuple[str, Extracted]]:
        nonlocal failed
        for name, item, error in read_pages(list(input_paths(args.paths)), jobs=args.jobs, html=args.html or None):
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
        description="Build the citation graph of text and HTML files (or extract exports): documents keyed by "
        "number, citations with their relation, documents replaced or repealed.",
    )
    graph.add_argument("paths", nargs="+", metavar="FILE|DIR", help="text or HTML files, folders, extract exports")
    graph.add_argument("-o", "--output", required=True, metavar="FILE", help="where to write the graph")
    graph.add_argument("--format", choices=("sqlite", "json", "graphml"), help="default: by the suffix of -o")
    graph.add_argument("--jobs", type=int, default=1, metavar="N", help="worker processes (default 1)")
    graph.add_argument("--html", action="store_true", help="read every input as HTML (default: by content)")
    graph.set_defaults(func=_cmd_graph)
