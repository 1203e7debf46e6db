"""Short references ("Nghị định 15", "Chỉ thị số 16") resolved to one document.

On its own page a short reference stands for the nearest full reference before it with the same
serial and type (the first after it when none precedes: a title naming a document before the
text cites it in full). Failing that, it stands for the one document of the corpus with that
serial and type; when the corpus holds none or several, it stays unresolved.
"""

from __future__ import annotations

import collections
from typing import TYPE_CHECKING

from vngovdirectives.numbers.codes import DocumentType

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from vngovdirectives.directives.model import Reference
    from vngovdirectives.graph.pages import PageReading
    from vngovdirectives.numbers.model import DocumentNumber
    from vngovdirectives.references.model import DocumentReference

__all__ = ["ShortIndex"]


def _type_of(number: DocumentNumber, type_name: str | None) -> DocumentType | None:
    named = DocumentType.from_label(type_name) if type_name else None
    return named or number.doc_type


def _fits(short: DocumentReference, full: DocumentReference) -> bool:
    if full.number is None or full.number.serial != short.serial.lstrip("0"):
        return False
    return short.doc_type is None or full.doc_type is None or short.doc_type is full.doc_type


class ShortIndex:
    """The documents of a corpus by serial, to resolve short references against."""

    def __init__(
        self,
        documents: Iterable[tuple[str, DocumentNumber, str | None]],
        key_of: Callable[[Reference], str | None],
    ) -> None:
        """``documents``: the key, number and type name of each document of the corpus; ``key_of``
        the key of the document a full reference names."""
        self._key_of = key_of
        self._by_serial: dict[str, list[tuple[str, DocumentType | None]]] = collections.defaultdict(list)
        for key, number, type_name in documents:
            self._by_serial[number.serial].append((key, _type_of(number, type_name)))

    def resolve(self, ref: Reference, reading: PageReading) -> str | None:
        """The key of the document the short reference ``ref`` of ``reading`` stands for, if one."""
        short = ref.value
        page = sorted(
            (r for r in (*(c.reference for c in reading.citations), *reading.mentions) if r.value.number is not None),
            key=lambda r: r.span.start,
        )
        fitting = [r for r in page if _fits(short, r.value)]
        before = [r for r in fitting if r.span.start < ref.span.start]
        chosen = before[-1] if before else fitting[0] if fitting else None
        if chosen is not None:
            return self._key_of(chosen)
        wanted = short.doc_type
        if wanted is None:
            return None
        keys = {key for key, doc_type in self._by_serial.get(short.serial.lstrip("0") or "0", ()) if doc_type is wanted}
        return keys.pop() if len(keys) == 1 else None
