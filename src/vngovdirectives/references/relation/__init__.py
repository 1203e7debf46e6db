"""The relation of a referenced document to the text that cites it: one closed vocabulary
(:class:`Relation`), the cue words that tell it (data: ``data/vocab/relation_cues.txt``) and the
classifier (:func:`classify_relations`), which the finders run on every reference they find.

- :mod:`~vngovdirectives.references.relation.model`: :class:`Relation`, :class:`Classified`, :class:`RefSpan`;
- :mod:`~vngovdirectives.references.relation.cues`: the cue table and its small phrase language;
- :mod:`~vngovdirectives.references.relation.prepared`: a text prepared once (masked references,
  sentence breaks, cue hits, lists);
- :mod:`~vngovdirectives.references.relation.scan`: the classifier.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from vngovdirectives.references.relation.model import Classified, RefSpan, Relation

if TYPE_CHECKING:
    from vngovdirectives.references.relation.scan import classify_relations

__all__ = ["Classified", "RefSpan", "Relation", "classify_relations"]


def __getattr__(name: str) -> Any:
    # The classifier compiles the cue table on import: only when it is used, not with the model.
    if name == "classify_relations":
        from vngovdirectives.references.relation.scan import classify_relations

        return classify_relations
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
