"""One document named twice on a page, once cut short: "Số hiệu: 2855/QĐ" in a metadata table and
"Quyết định số 2855/QĐ-BGDĐT" in the text.

A number whose codes are the first codes of exactly one other number of the page, with the
same serial and year, is that number cut short (by a line break in a table cell, or a site's
metadata). It takes the fuller form; its span stays where the page writes it. Two different
fuller forms leave it as written: the page does not say which one it is.

>>> from vngovdirectives import find_numbers
>>> text = "Số hiệu: 2855/QĐ\\n\\nBỘ GIÁO DỤC VÀ ĐÀO TẠO ban hành Quyết định số 2855/QĐ-BGDĐT."
>>> [(m.text, str(m.value)) for m in find_numbers(text)]
[('2855/QĐ', '2855/QĐ-BGDĐT'), ('2855/QĐ-BGDĐT', '2855/QĐ-BGDĐT')]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from collections.abc import Sequence

    from vngovdirectives.numbers.model import DocumentNumber
    from vngovdirectives.references.context import RefHit

__all__ = ["fuller_numbers"]


def fuller_numbers(hits: Sequence[RefHit]) -> list[RefHit]:
    """``hits`` with every number cut short replaced by the one fuller form the page states."""
    by_serial: dict[tuple[str, int | None], set[DocumentNumber]] = {}
    for hit in hits:
        number = hit.value.number
        if number is not None:
            by_serial.setdefault((number.serial, number.year), set()).add(number)
    if all(len(numbers) == 1 for numbers in by_serial.values()):  # the common case: nothing to compare
        return list(hits)
    out: list[RefHit] = []
    for hit in hits:
        number = hit.value.number
        fuller = _fuller(number, by_serial[number.serial, number.year]) if number is not None else None
        out.append(hit if fuller is None else hit._replace(value=attrs.evolve(hit.value, number=fuller)))
    return out


def _fuller(number: DocumentNumber, same_serial: set[DocumentNumber]) -> DocumentNumber | None:
    """The one number of ``same_serial`` whose codes go on from all of ``number``'s, if there is one."""
    codes = number.codes
    longer = {n for n in same_serial if len(n.codes) > len(codes) and n.codes[: len(codes)] == codes}
    return longer.pop() if len(longer) == 1 else None
