"""The citation graph as files: SQLite for Datasette, node-link JSON and GraphML for networkx.

- ``sqlite``: tables ``documents`` (one row per node, ``key`` the primary key) and ``citations``
  (one row per reference; ``source`` and ``target`` are foreign keys into ``documents``, so
  Datasette links them), indexed by source, target and relation.
- ``json``: networkx's node-link form, ``{"directed": true, "multigraph": true, "graph": {...},
  "nodes": [...], "edges": [...]}``; read it with ``networkx.node_link_graph(data, edges="edges")``.
- ``graphml``: read it with ``networkx.read_graphml(path, force_multigraph=True)``.

Citations whose short reference the corpus does not resolve (``target`` None) are rows of the
SQLite table but not edges of the other two.

>>> from vngovdirectives.graph.model import Citation, CitationGraph, DocumentNode
>>> from vngovdirectives.references import Relation
>>> g = CitationGraph(
...     documents=(DocumentNode(key="1/2024/QĐ-UBND"), DocumentNode(key="2/2020/QĐ-UBND")),
...     citations=(Citation(source="1/2024/QĐ-UBND", target="2/2020/QĐ-UBND", relation=Relation.REPLACES,
...                         text="Quyết định số 2/2020/QĐ-UBND", file="a.txt", start=10, end=38),),
... )
>>> node_link(g)["edges"][0]["relation"]
'replaces'
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from vngovdirectives.errors import GraphError

if TYPE_CHECKING:
    from collections.abc import Iterator

    from vngovdirectives.graph.model import Citation, CitationGraph, DocumentNode

__all__ = ["FORMATS", "citation_row", "document_row", "format_of", "node_link", "to_graphml", "write_graph"]

#: The formats and the suffixes that choose them.
FORMATS: Final = {"sqlite": (".sqlite", ".db", ".sqlite3"), "json": (".json",), "graphml": (".graphml", ".xml")}

_DOCUMENTS: Final = (
    ("key", "TEXT PRIMARY KEY"),
    ("kind", "TEXT NOT NULL"),
    ("number", "TEXT"),
    ("type", "TEXT"),
    ("issuer", "TEXT"),
    ("issued_on", "TEXT"),
    ("title", "TEXT"),
    ("effective_on", "TEXT"),
    ("in_force", "INTEGER"),
    ("replaced_by", "TEXT REFERENCES documents(key)"),
    ("replaced_on", "TEXT"),
    ("repealed_by", "TEXT REFERENCES documents(key)"),
    ("repealed_on", "TEXT"),
    ("amended_by", "TEXT"),
    ("files", "TEXT"),
)
_CITATIONS: Final = (
    ("id", "INTEGER PRIMARY KEY"),
    ("source", "TEXT NOT NULL REFERENCES documents(key)"),
    ("target", "TEXT REFERENCES documents(key)"),
    ("relation", "TEXT NOT NULL"),
    ("part", "TEXT"),
    ("text", "TEXT NOT NULL"),
    ("file", "TEXT NOT NULL"),
    ("start", "INTEGER NOT NULL"),
    ("end", "INTEGER NOT NULL"),
)


def document_row(node: DocumentNode) -> dict[str, Any]:
    """A node as plain values (dates ISO, lists joined by "; "), in the columns of ``documents``."""
    return {
        "key": node.key,
        "kind": node.kind.value,
        "number": node.number,
        "type": node.type_name,
        "issuer": node.issuer,
        "issued_on": node.issued_on.iso() if node.issued_on is not None else None,
        "title": node.title,
        "effective_on": node.effective_on.isoformat() if node.effective_on is not None else None,
        "in_force": None if node.kind.value == "page" else int(node.in_force),
        "replaced_by": node.replaced_by,
        "replaced_on": node.replaced_on.isoformat() if node.replaced_on is not None else None,
        "repealed_by": node.repealed_by,
        "repealed_on": node.repealed_on.isoformat() if node.repealed_on is not None else None,
        "amended_by": "; ".join(node.amended_by) or None,
        "files": "; ".join(node.files) or None,
    }


def citation_row(citation: Citation) -> dict[str, Any]:
    """A citation as plain values, in the columns of ``citations`` (without ``id``)."""
    return {
        "source": citation.source,
        "target": citation.target,
        "relation": citation.relation.value,
        "part": citation.part,
        "text": citation.text,
        "file": citation.file,
        "start": citation.start,
        "end": citation.end,
    }


def _write_sqlite(graph: CitationGraph, path: Path) -> None:
    with contextlib.closing(sqlite3.connect(path)) as db, db:
        db.execute(f"CREATE TABLE documents ({', '.join(f'[{c}] {t}' for c, t in _DOCUMENTS)})")
        db.execute(f"CREATE TABLE citations ({', '.join(f'[{c}] {t}' for c, t in _CITATIONS)})")
        for column in ("source", "target", "relation"):
            db.execute(f"CREATE INDEX citations_{column} ON citations ([{column}])")
        names = [c for c, _ in _DOCUMENTS]
        db.executemany(
            f"INSERT INTO documents VALUES ({', '.join('?' * len(names))})",
            ([row[c] for c in names] for row in map(document_row, graph.documents)),
        )
        names = [c for c, _ in _CITATIONS[1:]]
        db.executemany(
            f"INSERT INTO citations ({', '.join(f'[{c}]' for c in names)}) VALUES ({', '.join('?' * len(names))})",
            ([row[c] for c in names] for row in map(citation_row, graph.citations)),
        )


def _edges(graph: CitationGraph) -> Iterator[tuple[int, dict[str, Any]]]:
    for i, c in enumerate(graph.citations):
        if c.target is not None:
            yield i, citation_row(c)


def node_link(graph: CitationGraph) -> dict[str, Any]:
    """The graph in networkx's node-link form (``networkx.node_link_graph(data, edges="edges")``)."""
    nodes = [{"id": row.pop("key"), **row} for row in map(document_row, graph.documents)]
    edges = [{"source": row.pop("source"), "target": row.pop("target"), "key": i, **row} for i, row in _edges(graph)]
    return {
        "directed": True,
        "multigraph": True,
        "graph": {"name": "citations", "documents": len(nodes), "citations": len(graph.citations)},
        "nodes": [{k: v for k, v in n.items() if v is not None} for n in nodes],
        "edges": [{k: v for k, v in e.items() if v is not None} for e in edges],
    }


def to_graphml(graph: CitationGraph) -> ET.ElementTree[ET.Element]:
    """The graph as a GraphML document (``networkx.read_graphml(path, force_multigraph=True)``)."""
    ns = "http://graphml.graphdrawing.org/xmlns"
    root = ET.Element("graphml", xmlns=ns)
    typed = {"in_force": "int", "start": "int", "end": "int"}
    for domain, columns in (("node", _DOCUMENTS[1:]), ("edge", _CITATIONS[3:])):
        for name, _ in columns:
            ET.SubElement(
                root, "key", {"id": name, "for": domain, "attr.name": name, "attr.type": typed.get(name, "string")}
            )
    body = ET.SubElement(root, "graph", id="citations", edgedefault="directed")
    for row in map(document_row, graph.documents):
        node = ET.SubElement(body, "node", id=row.pop("key"))
        _data(node, row)
    for i, row in _edges(graph):
        edge = ET.SubElement(body, "edge", id=str(i), source=row.pop("source"), target=row.pop("target"))
        _data(edge, row)
    ET.indent(root)
    return ET.ElementTree(root)


def _data(element: ET.Element, row: dict[str, Any]) -> None:
    for name, value in row.items():
        if value is not None:
            ET.SubElement(element, "data", key=name).text = str(value)


def format_of(path: str | os.PathLike[str], fmt: str | None = None) -> str:
    """The format to write ``path`` in: ``fmt``, or the one its suffix names.

    Raises:
        GraphError: an unknown format, or a suffix that names none.
    """
    if fmt is not None:
        if fmt not in FORMATS:
            raise GraphError(f"unknown graph format {fmt!r}: one of {', '.join(FORMATS)}")
        return fmt
    suffix = Path(path).suffix.lower()
    found = next((name for name, suffixes in FORMATS.items() if suffix in suffixes), None)
    if found is None:
        raise GraphError(f"{os.fspath(path)}: no graph format ends in {suffix or 'nothing'!r}; give --format")
    return found


def write_graph(graph: CitationGraph, path: str | os.PathLike[str], fmt: str | None = None) -> str:
    """Write ``graph`` to ``path`` in ``fmt`` (by default the one its suffix names) and return the
    format. The file is written beside its place and moved there whole, so an existing file is
    replaced only by a complete one.

    Raises:
        GraphError: an unknown format.
    """
    fmt = format_of(path, fmt)
    target = Path(path)
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    os.close(fd)
    try:
        if fmt == "sqlite":
            Path(temp).unlink()  # sqlite3 makes the file itself
            _write_sqlite(graph, Path(temp))
        elif fmt == "json":
            Path(temp).write_text(json.dumps(node_link(graph), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        else:
            to_graphml(graph).write(temp, encoding="utf-8", xml_declaration=True)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return fmt
