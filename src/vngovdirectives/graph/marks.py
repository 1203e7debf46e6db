"""Replaced, repealed and amended documents, from the evidence of the corpus only.

A document is marked replaced (repealed) when a document of the corpus replaces (repeals) it as a
whole: an active relation without a part ("Quyết định này thay thế Quyết định số …", "Bãi bỏ
Quyết định số …"), or a reverse one whose subject is the document itself ("Thông tư này đã được
thay thế bởi Thông tư số …"). From when: the effective date of the replacing (repealing) document,
when its own file states it. An act on a part ("bãi bỏ Điều 3 của …", "Khoản này được bãi bỏ …")
marks nothing but an amendment. A page without a number of its own (a news page) acts on nothing:
only the documents it reports do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import attrs

from vngovdirectives.graph.model import DocumentNode, NodeKind
from vngovdirectives.references.relation.model import Relation

if TYPE_CHECKING:
    from collections.abc import Iterable

    from vngovdirectives.graph.model import Citation

__all__ = ["Marks"]

_ENDS: Final = {
    Relation.REPLACES: "replaced",
    Relation.REPEALS: "repealed",
    Relation.REPLACED_BY: "replaced",
    Relation.REPEALED_BY: "repealed",
}


class Marks:
    """The nodes of a graph, marked from its citations."""

    def __init__(self, nodes: dict[str, DocumentNode]) -> None:
        self.nodes = nodes

    def _is_document(self, key: str | None) -> bool:
        node = self.nodes.get(key) if key is not None else None
        return node is not None and node.kind is NodeKind.DOCUMENT

    def _acts(self, citations: Iterable[Citation]) -> list[tuple[str, str, str]]:
        """(what, the document acted on, the acting document) of every act the corpus shows."""
        acts = []
        for c in citations:
            if not (self._is_document(c.source) and self._is_document(c.target)) or c.target is None:
                continue
            relation = c.relation
            if relation in (Relation.AMENDS, Relation.AMENDED_BY) or (relation in _ENDS and c.part is not None):
                what = "amended"
            elif relation in _ENDS:
                what = _ENDS[relation]
            else:
                continue
            forward = relation in (Relation.AMENDS, Relation.REPLACES, Relation.REPEALS)
            acted_on, actor = (c.target, c.source) if forward else (c.source, c.target)
            acts.append((what, acted_on, actor))
        return acts

    def apply(self, citations: Iterable[Citation]) -> dict[str, DocumentNode]:
        """The nodes with ``replaced_by``, ``repealed_by`` (and from when) and ``amended_by`` set."""
        ended: dict[tuple[str, str], str] = {}
        amended: dict[str, set[str]] = {}
        for what, acted_on, actor in sorted(self._acts(citations)):
            if what == "amended":
                amended.setdefault(acted_on, set()).add(actor)
            else:
                ended.setdefault((what, acted_on), actor)  # the first actor by key: one answer, every run
        out = dict(self.nodes)
        for (what, acted_on), actor in ended.items():
            on = self.nodes[actor].effective_on
            node = out[acted_on]
            if what == "replaced":
                out[acted_on] = attrs.evolve(node, replaced_by=actor, replaced_on=on)
            else:
                out[acted_on] = attrs.evolve(node, repealed_by=actor, repealed_on=on)
        for acted_on, actors in amended.items():
            out[acted_on] = attrs.evolve(out[acted_on], amended_by=tuple(sorted(actors)))
        return out
