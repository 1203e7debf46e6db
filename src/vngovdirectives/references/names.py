"""The names a text gives a document's type: "Quyết định", "Công văn", "Văn bản", "QĐ".

The names are the labels of :class:`~vngovdirectives.numbers.DocumentType`, the extra names of
``data/vocab/reference_type_names.txt`` and the abbreviations of ``type_abbreviations.txt``;
:func:`normal_type_name` gives the canonical spelling of a name however it was written.

>>> normal_type_name("công  điện"), normal_type_name("QĐ"), normal_type_name("văn bản")
('Công điện', 'Quyết định', 'Văn bản')
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Final

from vngovdirectives.numbers.codes import DocumentType
from vngovdirectives.text.vocab import table, words

if TYPE_CHECKING:
    from vngovdirectives.numbers.model import DocumentNumber

__all__ = [
    "EXTRA_TYPE_NAMES",
    "SHORT_TYPE_NAMES",
    "TYPE_ABBREVIATIONS",
    "lead_type_names",
    "normal_type_name",
    "type_of",
]

#: Type names that introduce a reference, besides the labels of DocumentType.
EXTRA_TYPE_NAMES: Final = words("reference_type_names")
#: Abbreviations that stand for a type name before "số" ("QĐ số 2447/QĐ-UBND").
TYPE_ABBREVIATIONS: Final = table("type_abbreviations")
#: Type names of short references: a type name and a bare serial, no symbol ("Chỉ thị 16").
SHORT_TYPE_NAMES: Final = words("short_type_names")


def lead_type_names() -> list[str]:
    """Every name that may introduce a reference, longest first (abbreviations aside)."""
    names = {m.label for m in DocumentType} | set(EXTRA_TYPE_NAMES)
    names.discard("Bản sao")  # Party copies carry "BS" but "bản sao" in running text is no reference
    return sorted(names, key=len, reverse=True)


@functools.lru_cache(maxsize=512)
def normal_type_name(raw: str) -> str:
    """The canonical spelling of a type name as written ("công  điện" → "Công điện", "QĐ" → "Quyết định")."""
    folded = " ".join(raw.split())
    if folded.upper() in TYPE_ABBREVIATIONS and folded.isupper():
        return TYPE_ABBREVIATIONS[folded.upper()]
    known = DocumentType.from_label(folded)
    if known is not None:
        return known.label
    for name in EXTRA_TYPE_NAMES:
        if name.casefold() == folded.casefold():
            return name
    return folded[:1].upper() + folded[1:]


def type_of(number: DocumentNumber) -> str | None:
    """The type name a number's type code implies ("Quyết định" for 607/QĐ-UBND), if any."""
    doc_type = number.doc_type
    return doc_type.label if doc_type is not None else None
