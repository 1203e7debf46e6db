"""The citation graph of a corpus: documents keyed by canonical number, references as edges with
their relation, and what the corpus shows replaced or repealed.

:func:`build_graph` makes a :class:`CitationGraph` from pages (a file name and what
:func:`~vngovdirectives.extract` read in it); :mod:`~vngovdirectives.graph.write` writes it as
SQLite (tables ``documents`` and ``citations``, ready for Datasette), as node-link JSON or as
GraphML (both read by networkx). ``vngovdirectives graph FILE|DIR... -o corpus.sqlite`` does all
of it from the command line.
"""

from __future__ import annotations

from vngovdirectives.graph.build import build_graph
from vngovdirectives.graph.model import Citation, CitationGraph, DocumentNode, NodeKind

__all__ = ["Citation", "CitationGraph", "DocumentNode", "NodeKind", "build_graph"]
