"""The finders' overlap policy, in one place.

What the scanners report may overlap; these functions decide what is kept, and in what order
the matches come out:

- candidates (:func:`merge_candidates`): sorted by start, the longer first; one inside an
  earlier one is dropped, except that a date beats an amount or a clock time it overlaps
  ("QH13 ngày 26/11/2013");
- references (:func:`drop_overlapping_references`): two references never overlap; a full one
  beats a short one ("Quyết định 84 QĐ/TW" is one reference, not "Quyết định 84");
- dates inside a document number ("2019" of "12 / 2019 / NĐ-CP") are dropped
  (:func:`dates_outside_numbers`);
- a deadline read from a whole clause (a recurring one, "trước ngày 15/12 hằng năm", or an
  effective date that names an event) replaces the deadlines found inside it
  (:func:`with_clause_deadlines`);
- a reference's issue date and a deadline's date are still reported as dates, so matches of
  different kinds may overlap: at one position the order is reference, period, deadline, date,
  the longer first (:data:`KIND_RANK`).
"""

from __future__ import annotations

import bisect
import operator
from typing import TYPE_CHECKING, Final

from vngovdirectives.finding.hit import Hit, HitKind

if TYPE_CHECKING:
    from collections.abc import Sequence

    from vngovdirectives.dates.candidate import Candidate
    from vngovdirectives.references.context import RefHit

__all__ = [
    "KIND_RANK",
    "dates_outside_numbers",
    "drop_overlapping_references",
    "merge_candidates",
    "with_clause_deadlines",
]

#: The order of kinds that start at one position.
KIND_RANK: Final = {"reference": 0, "number": 1, "period": 2, "deadline": 3, "date": 4}
_BEGIN: Final = operator.attrgetter("start")
_START: Final = operator.itemgetter(0)
_END: Final = operator.attrgetter("end")


def merge_candidates(cands: list[Candidate]) -> list[Candidate]:
    """Sort the date candidates and drop those inside an earlier one."""
    # By start, the longer first: two stable sorts with C-level keys, no Python call per item.
    cands.sort(key=_END, reverse=True)
    cands.sort(key=_BEGIN)
    kept: list[Candidate] = []
    last_end = -1
    for c in cands:
        if c.start < last_end:
            # A date overlapping a duration or a clock time ("QH13 ngày 26/11/2013") wins.
            if kept[-1].form in ("rel", "time") and c.form not in ("rel", "time"):
                kept[-1] = c
                last_end = c.end
            continue
        kept.append(c)
        last_end = c.end
    return kept


def drop_overlapping_references(hits: Sequence[RefHit]) -> list[RefHit]:
    """References sorted by start (the longer first), without overlaps: a full one beats a short one."""
    out: list[RefHit] = []
    last_end = -1
    for h in hits:
        if h.start >= last_end:
            out.append(h)
            last_end = h.end
        elif out and out[-1].value.short and not h.value.short:
            out[-1] = h
            last_end = h.end
    return out


def dates_outside_numbers(hits: list[Hit], refs: Sequence[RefHit]) -> tuple[Hit, ...]:
    """The temporal hits that do not lie inside a document number of ``refs``."""
    spans = [(r.number_start, r.number_end) for r in refs if r.value.number is not None]
    if not spans:
        return tuple(hits)
    # Both lists are sorted by start: walk them together.
    kept = []
    i, n = 0, len(spans)
    for hit in hits:
        while i < n and spans[i][1] <= hit.start:
            i += 1
        if i < n and spans[i][0] <= hit.start and hit.end <= spans[i][1]:
            continue
        kept.append(hit)
    return tuple(kept)


def with_clause_deadlines(hits: list[Hit], clauses: list[Hit]) -> list[Hit]:
    """``hits`` with the deadlines of whole clauses added, and the deadlines inside them dropped."""
    deadline = HitKind.DEADLINE
    spans = sorted((c.start, c.end) for c in clauses)
    kept = [h for h in hits if h.kind is not deadline or not _inside(h.start, h.end, spans)]
    kept.extend(clauses)
    kept.sort(key=_START)
    return kept


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    i = bisect.bisect_right(spans, (start, end)) - 1
    return any(s <= start and end <= e for s, e in spans[max(0, i - 1) : i + 2])
