"""Short references linked to the full references they stand for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from vngovdirectives.finding.match import Match, MatchKind, Resolution
from vngovdirectives.references.model import DocumentReference

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["resolve_references"]


def resolve_references(matches: Iterable[Match[object]]) -> list[Resolution]:
    """Link each short reference ("Chỉ thị 16", an alias in parentheses) to the full one it stands for.

    A short reference stands for the nearest full reference *before* it with the same serial and
    the same document type; when none precedes it (a title that names the document before the
    text cites it), the first such full reference after it. Results follow the order of the
    short references.

    >>> from vngovdirectives import find_all
    >>> text = "Thực hiện Chỉ thị số 16/CT-TTg ngày 31/3/2020 (Chỉ thị 16), các sở triển khai Chỉ thị 16."
    >>> [(r.match.text, r.antecedent.text if r.antecedent else None) for r in resolve_references(find_all(text))]
    [('Chỉ thị 16', 'Chỉ thị số 16/CT-TTg ngày 31/3/2020'), ('Chỉ thị 16', 'Chỉ thị số 16/CT-TTg ngày 31/3/2020')]
    """
    refs: list[Match[DocumentReference]] = [
        m  # type: ignore[misc]
        for m in matches
        if m.kind is MatchKind.REFERENCE and isinstance(m.value, DocumentReference)
    ]
    refs.sort(key=lambda m: m.start)
    out: list[Resolution] = []
    for i, m in enumerate(refs):
        ref = m.value
        if not ref.short:
            continue
        before = [f for f in refs[:i] if _stands_for(ref, f.value)]
        after = [f for f in refs[i + 1 :] if _stands_for(ref, f.value)]
        antecedent = before[-1] if before else (after[0] if after else None)
        out.append(Resolution(match=m, antecedent=antecedent))
    return out


def _stands_for(short: DocumentReference, full: DocumentReference) -> bool:
    if full.number is None or full.number.serial != short.serial.lstrip("0"):
        return False
    return short.doc_type is None or full.doc_type is None or short.doc_type is full.doc_type
