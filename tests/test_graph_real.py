"""Known edges of the citation graph of the real development documents (the shared corpus, not
part of the repository: these tests skip without it). Each edge below was checked by reading the
document's own words; the graph must find it among everything else the corpus cites."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from collections.abc import Iterator

import pytest

from corpus import real
from vngovdirectives import Bulletin, Document, extract
from vngovdirectives.graph import CitationGraph, NodeKind, build_graph
from vngovdirectives.references.relation.model import Relation

DEV = real("documents-dev.jsonl.gz")
pytestmark = pytest.mark.skipif(DEV is None, reason="the shared corpus (documents-dev.jsonl.gz) is not available")


def _documents() -> Iterator[tuple[str, Bulletin | Document]]:
    assert DEV is not None
    with gzip.open(DEV, "rt", encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            yield doc["id"], extract(doc["text"])


@pytest.fixture(scope="module")
def graph() -> CitationGraph:
    return build_graph(_documents())


def relations(graph: CitationGraph, source: str, target: str) -> set[Relation]:
    return {c.relation for c in graph.citing(source) if c.target == target}


def test_the_whole_corpus_is_in_the_graph(graph: CitationGraph) -> None:
    files = {name for node in graph.documents for name in node.files}
    assert len(files) == 432  # every document is a node of its own or a page
    assert sum(node.kind is NodeKind.PAGE for node in graph.documents) > 50


@pytest.mark.parametrize(
    ("decision", "replaced", "on"),
    [
        # Quảng Trị: "… có hiệu lực kể từ ngày ký, thay thế Quyết định số 3149/QĐ-UBND … và Quyết định số 2413/…"
        ("2696/QĐ-UBND", "3149/QĐ-UBND", dt.date(2025, 11, 18)),
        ("2696/QĐ-UBND", "2413/QĐ-UBND", dt.date(2025, 11, 18)),  # the second of the list shares the verb
        # Bắc Ninh (one of two 80/2025/QĐ-UBND): "Quyết\nđịnh này có hiệu lực thi hành từ ngày 05 tháng 12
        # năm 2025 và thay thế Quyết định số 13/2023/QĐ-UBND …"
        ("80/2025/QĐ-UBND@2025-11-22", "13/2023/QĐ-UBND", dt.date(2025, 12, 5)),
    ],
)
def test_a_decision_that_replaces_another(graph: CitationGraph, decision: str, replaced: str, on: dt.date) -> None:
    assert Relation.REPLACES in relations(graph, decision, replaced)
    node = graph.document(replaced)
    assert node is not None
    assert (node.replaced_by, node.replaced_on, node.in_force) == (decision, on, False)


def test_a_part_replaced_is_an_amendment(graph: CitationGraph) -> None:
    # Hà Nội's 74/2025/QĐ-UBND "thay thế: Điều 14, 18 Quyết định số 15/2022/…; Điều 3 Quyết định số 07/2022/…"
    acts = [
        (c.relation, c.part)
        for c in graph.citing("74/2025/QĐ-UBND@2025-12-04")
        if c.target == "07/2022/QĐ-UBND@2022-01-13"
    ]
    assert acts == [(Relation.REPLACES, "Điều 3")]
    node = graph.document("07/2022/QĐ-UBND@2022-01-13")
    assert node is not None
    assert (node.replaced_by, node.amended_by, node.in_force) == (None, ("74/2025/QĐ-UBND@2025-12-04",), True)


@pytest.mark.parametrize(
    ("letter", "answered"),
    [
        ("5665/CT-CS", "545/CCTKV.VIII-CNTK"),  # "Cục Thuế nhận được công văn số 545/… của Chi cục …"
        ("1539/VLO-QLDN3", "144/2025/CV-BSGBTR"),
    ],
)
def test_a_letter_that_replies_to_another(graph: CitationGraph, letter: str, answered: str) -> None:
    assert relations(graph, letter, answered) == {Relation.REPLY}
    node = graph.document(letter)
    assert node is not None
    assert node.kind is NodeKind.DOCUMENT
    assert node.type_name == "Công văn"


def test_documents_that_share_a_number_stay_apart(graph: CitationGraph) -> None:
    hanoi, ha_tinh = graph.document("74/2025/QĐ-UBND@2025-12-04"), graph.document("74/2025/QĐ-UBND@2025-11-20")
    assert hanoi is not None
    assert ha_tinh is not None
    assert (len(hanoi.files), len(ha_tinh.files)) == (1, 1)
    assert hanoi.number == ha_tinh.number == "74/2025/QĐ-UBND"
    hue = graph.document("07/2022/QĐ-UBND@2022-02-17")  # repealed by a decision of Thừa Thiên Huế
    hanoi_2022 = graph.document("07/2022/QĐ-UBND@2022-01-13")  # one article replaced by Hà Nội's 74/2025
    assert hue is not None
    assert hanoi_2022 is not None
    assert (hue.repealed_by, hanoi_2022.repealed_by) == ("122/2025/QĐ-UBND", None)
    assert graph.document("07/2022/QĐ-UBND") is None  # no mention of it without its date


def test_a_basis_is_no_replacement(graph: CitationGraph) -> None:
    # 2696/QĐ-UBND rests on laws and decrees; none of them is replaced by it
    basis = [c for c in graph.citing("2696/QĐ-UBND") if c.relation is Relation.BASIS]
    assert basis
    for citation in basis:
        assert citation.target is not None
        node = graph.document(citation.target)
        assert node is not None
        assert node.replaced_by != "2696/QĐ-UBND"
