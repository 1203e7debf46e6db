"""The citation graph of a corpus: documents as nodes, references as edges.

A node is a document keyed by its canonical number ("30/2020/NĐ-CP"), or a page that names no
number of its own (a news page, a bulletin: ``page:<file>``). An edge is one reference: from the
document (or page) that cites to the document cited, with its
:class:`~vngovdirectives.references.relation.Relation`, the part affected, the citing text and
where it stands.
"""

from __future__ import annotations

import datetime as dt  # noqa: TC003 - attrs reads the annotations
import enum

import attrs

from vngovdirectives.dates.model import VnDate  # noqa: TC001 - attrs reads the annotations
from vngovdirectives.references.relation.model import Relation  # noqa: TC001 - attrs reads the annotations

__all__ = ["Citation", "CitationGraph", "DocumentNode", "NodeKind"]


class NodeKind(enum.Enum):
    """What a node stands for."""

    DOCUMENT = "document"  # a document with a number: in the corpus, or only cited by it
    PAGE = "page"  # a page that names no number of its own (news, a bulletin)


@attrs.frozen(kw_only=True, slots=True)
class DocumentNode:
    """A document (or a page) of the graph, with what the corpus states about it.

    Attributes:
        key: the canonical number, or ``page:<file>`` for a page without a number of its own.
        kind: a document or a page.
        number: the canonical number (None for a page).
        type_name: the document type ("Quyết định"), from the document's own file or its citations.
        issuer: the issuing body, as its own header or a citation ("… của UBND tỉnh") writes it.
        issued_on: the issue date, from its own date line or a citation.
        title: the trích yếu, from the document's own file.
        effective_on: when the document takes effect (ISO), when its own file says.
        files: the files that are this document (or this page).
        replaced_by / repealed_by: the document of the corpus that replaces (repeals) this one as a
            whole, when a file says so ("Quyết định này thay thế Quyết định số …", "… đã được thay
            thế bởi …"); never guessed.
        replaced_on / repealed_on: from when: the replacing (repealing) document's effective date,
            when the corpus states it.
        amended_by: the documents that amend this one (or a part of it), in order of key.
    """

    key: str
    kind: NodeKind = NodeKind.DOCUMENT
    number: str | None = None
    type_name: str | None = None
    issuer: str | None = None
    issued_on: VnDate | None = None
    title: str | None = None
    effective_on: dt.date | None = None
    files: tuple[str, ...] = ()
    replaced_by: str | None = None
    replaced_on: dt.date | None = None
    repealed_by: str | None = None
    repealed_on: dt.date | None = None
    amended_by: tuple[str, ...] = ()

    @property
    def in_force(self) -> bool:
        """False when the corpus shows the document replaced or repealed as a whole."""
        return self.replaced_by is None and self.repealed_by is None


@attrs.frozen(kw_only=True, slots=True)
class Citation:
    """One reference: ``source`` cites ``target`` with ``relation``.

    Attributes:
        source: the key of the citing document or page.
        target: the key of the cited document; None for a short reference ("Chỉ thị 16") that the
            corpus does not resolve to one document.
        relation: what the cited document is to the citing one.
        part: the part affected or named ("khoản 2 Điều 15"), if any.
        text: the reference as written (white space collapsed).
        file: the file it is written in.
        start / end: its span in that file's input.
    """

    source: str
    target: str | None
    relation: Relation
    part: str | None = None
    text: str
    file: str
    start: int
    end: int


@attrs.frozen(kw_only=True, slots=True)
class CitationGraph:
    """Documents and citations, each sorted (documents by key, citations by file and position)."""

    documents: tuple[DocumentNode, ...] = ()
    citations: tuple[Citation, ...] = ()

    def document(self, key: str) -> DocumentNode | None:
        """The node of ``key``, if any."""
        return next((d for d in self.documents if d.key == key), None)

    def citing(self, key: str) -> tuple[Citation, ...]:
        """The citations of the document (or page) ``key``, in order."""
        return tuple(c for c in self.citations if c.source == key)

    def cited_by(self, key: str) -> tuple[Citation, ...]:
        """The citations of ``key`` by other documents and pages, in order."""
        return tuple(c for c in self.citations if c.target == key)
