"""The citation graph of many pages: :func:`build_graph`.

Each page is read once (:mod:`~vngovdirectives.graph.pages`); then the documents are gathered by
canonical number, what the corpus states about each is chosen (its own file first, then what its
citations say most often), short references ("Nghị định 15") are resolved against the documents
of the corpus when exactly one fits, and a document replaced or repealed as a whole by another of
the corpus is marked with which one and from when. Nothing is guessed: what no file states stays
None.

>>> from vngovdirectives import extract
>>> text = (
...     "UBND TỈNH HÒA VIỆT\\nSố: 12/2024/QĐ-UBND\\nHòa Việt, ngày 3 tháng 4 năm 2024\\nQUYẾT ĐỊNH\\n"
...     "Căn cứ Nghị định số 30/2020/NĐ-CP;\\nĐiều 2. Quyết định này có hiệu lực từ ngày 15/4/2024 "
...     "và thay thế Quyết định số 5/2019/QĐ-UBND.\\n"
... )
>>> graph = build_graph([("a.txt", extract(text))])
>>> [(c.source, c.relation.value, c.target) for c in graph.citations]
[('12/2024/QĐ-UBND', 'basis', '30/2020/NĐ-CP'), ('12/2024/QĐ-UBND', 'replaces', '05/2019/QĐ-UBND')]
>>> old = graph.document("05/2019/QĐ-UBND")
>>> old.replaced_by, old.replaced_on
('12/2024/QĐ-UBND', datetime.date(2024, 4, 15))
"""

from __future__ import annotations

import collections
from typing import TYPE_CHECKING

import attrs

from vngovdirectives.dates.model import Precision
from vngovdirectives.graph.identity import Identities
from vngovdirectives.graph.marks import Marks
from vngovdirectives.graph.model import Citation, CitationGraph, DocumentNode, NodeKind
from vngovdirectives.graph.pages import OwnDocument, PageReading, read_page
from vngovdirectives.graph.shorts import ShortIndex

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from vngovdirectives.dates.model import VnDate
    from vngovdirectives.directives.model import Extracted, Reference
    from vngovdirectives.numbers.model import DocumentNumber

__all__ = ["build_graph"]


@attrs.define
class _Facts:
    """What the corpus states about one document."""

    number: DocumentNumber
    own: list[OwnDocument] = attrs.field(factory=list)
    files: list[str] = attrs.field(factory=list)
    types: collections.Counter[str] = attrs.field(factory=collections.Counter)
    issuers: collections.Counter[str] = attrs.field(factory=collections.Counter)
    dates: collections.Counter[VnDate] = attrs.field(factory=collections.Counter)

    def heard(self, ref: Reference) -> None:
        value = ref.value
        type_name = value.type_name or (value.doc_type.label if value.doc_type is not None else None)
        if type_name:
            self.types[type_name] += 1
        if value.issuer:
            self.issuers[" ".join(value.issuer.split())] += 1
        if value.issued_on is not None and value.issued_on.precision is Precision.DAY:
            self.dates[value.issued_on] += 1

    def node(self, key: str) -> DocumentNode:
        def first(field: str, counter: collections.Counter[str] | collections.Counter[VnDate]) -> object:
            stated = [getattr(o, field) for o in self.own if getattr(o, field) is not None]
            if stated:
                return stated[0]
            return min(counter.items(), key=lambda kv: (-kv[1], str(kv[0])))[0] if counter else None

        return DocumentNode(
            key=key,
            number=str(self.number),
            type_name=first("type_name", self.types),  # type: ignore[arg-type]
            issuer=first("issuer", self.issuers),  # type: ignore[arg-type]
            issued_on=first("issued_on", self.dates),  # type: ignore[arg-type]
            title=next((o.title for o in self.own if o.title), None),
            effective_on=next((o.effective_on for o in self.own if o.effective_on), None),
            files=tuple(dict.fromkeys(self.files)),
        )


class _Corpus:
    """The pages of a corpus, gathered by document once every page is read (a document's key
    depends on what all of them state: :mod:`~vngovdirectives.graph.identity`)."""

    def __init__(self, readings: list[PageReading]) -> None:
        self.readings = readings
        self.ids = Identities(_dated_numbers(readings))
        self.facts: dict[str, _Facts] = {}
        self.pages: dict[str, list[str]] = {}  # page:<file> → its files
        for reading in readings:
            self._gather(reading)

    def key_of(self, ref: Reference) -> str | None:
        """The key of the document a full reference names (None for a short one)."""
        value = ref.value
        return self.ids.key(value.number, value.issued_on) if value.number is not None else None

    def _facts_of(self, key: str, number: DocumentNumber) -> _Facts:
        facts = self.facts.get(key)
        if facts is None:
            facts = self.facts[key] = _Facts(number)
        return facts

    def _gather(self, reading: PageReading) -> None:
        own_keys = {str(o.number): self.ids.key(o.number, o.issued_on) for o in reading.own}
        for own in reading.own:
            facts = self._facts_of(own_keys[str(own.number)], own.number)
            facts.own.append(own)
            facts.files.append(reading.file)
        if not reading.own:
            self.pages.setdefault(reading.key, []).append(reading.file)
        for ref in reading.mentions:
            if ref.value.number is not None and str(ref.value.number) in own_keys:
                self._facts_of(own_keys[str(ref.value.number)], ref.value.number).heard(ref)
        for c in reading.citations:
            key = self.key_of(c.reference)
            if key is not None and c.reference.value.number is not None:
                self._facts_of(key, c.reference.value.number).heard(c.reference)

    def _source_keys(self, reading: PageReading) -> dict[str, str]:
        """The keys of a page's citing documents, by the number its citations give: its own, and
        those its items report (the first mention that tells which document it is)."""
        keys: dict[str, str] = {}
        for c in reading.citations:
            number = c.reference.value.number
            key = self.key_of(c.reference)
            if number is not None and key is not None and keys.get(str(number), str(number)) == str(number):
                keys[str(number)] = key
        keys.update({str(o.number): self.ids.key(o.number, o.issued_on) for o in reading.own})
        return keys

    def citations(self) -> list[Citation]:
        shorts = ShortIndex(((k, f.number, f.node(k).type_name) for k, f in self.facts.items()), self.key_of)
        out = []
        for reading in self.readings:
            sources = self._source_keys(reading)
            for c in reading.citations:
                ref = c.reference
                value = ref.value
                source = sources.get(c.source, c.source)
                target = self.key_of(ref) if value.number is not None else shorts.resolve(ref, reading)
                if target == source:
                    continue  # a document citing itself under its own number: not an edge
                out.append(
                    Citation(
                        source=source,
                        target=target,
                        relation=value.relation,
                        part=value.part,
                        text=" ".join(ref.text.split()),
                        file=reading.file,
                        start=ref.span.start,
                        end=ref.span.end,
                    )
                )
        return out


def _dated_numbers(readings: Iterable[PageReading]) -> Iterator[tuple[DocumentNumber, VnDate | None]]:
    """Every number the pages state, with the issue date each statement gives it (if any)."""
    for reading in readings:
        yield from ((o.number, o.issued_on) for o in reading.own)
        for ref in (*reading.mentions, *(c.reference for c in reading.citations)):
            if ref.value.number is not None:
                yield ref.value.number, ref.value.issued_on


def build_graph(pages: Iterable[tuple[str, Extracted]]) -> CitationGraph:
    """The citation graph of ``pages``: pairs of a file name and what :func:`~vngovdirectives.extract`
    read in it (or what an ``extract`` export holds, loaded back)."""
    corpus = _Corpus([read_page(file, item) for file, item in pages])
    citations = corpus.citations()
    nodes = {key: facts.node(key) for key, facts in corpus.facts.items()}
    nodes.update(
        {key: DocumentNode(key=key, kind=NodeKind.PAGE, files=tuple(files)) for key, files in corpus.pages.items()}
    )
    nodes = Marks(nodes).apply(citations)
    return CitationGraph(
        documents=tuple(nodes[k] for k in sorted(nodes)),
        citations=tuple(sorted(citations, key=lambda c: (c.file, c.start, c.end))),
    )
