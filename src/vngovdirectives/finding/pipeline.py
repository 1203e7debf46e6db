"""The finders' one pass: every scanner over a source text, then the overlap filter.

:func:`scan` reads a :class:`~vngovdirectives.text.source.SourceText` once: the document's own
date (unless the caller gives one), the dates, periods and deadlines
(:func:`~vngovdirectives.finding.temporal.scan_temporal`), then the references, which look up
the dates already found for their issue dates, and tells what each referenced document is to the
text (:mod:`~vngovdirectives.references.relation`). :func:`matches` turns the result into sorted
:class:`~vngovdirectives.finding.match.Match` objects, with spans in the caller's input or in
the normalised text.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import attrs

from vngovdirectives.dates.model import Precision, VnDate
from vngovdirectives.finding.context import detect_context
from vngovdirectives.finding.filter import KIND_RANK, dates_outside_numbers, drop_overlapping_references
from vngovdirectives.finding.hit import Hit, HitKind
from vngovdirectives.finding.match import Match, MatchKind
from vngovdirectives.finding.temporal import scan_temporal
from vngovdirectives.references.context import RefHit, ScanContext, url_spans
from vngovdirectives.references.fuller import fuller_numbers
from vngovdirectives.references.relation.model import RefSpan, Relation
from vngovdirectives.references.relation.scan import relations_of_spans
from vngovdirectives.references.scan import scan_references

if TYPE_CHECKING:
    from collections.abc import Sequence

    from vngovdirectives.references.model import DocumentReference
    from vngovdirectives.text.source import SourceText

__all__ = ["Scan", "match_of", "matches", "related", "scan"]

_RANK_REFERENCE, _RANK_PERIOD, _RANK_DEADLINE, _RANK_DATE = (
    KIND_RANK["reference"],
    KIND_RANK["period"],
    KIND_RANK["deadline"],
    KIND_RANK["date"],
)


@attrs.frozen(slots=True)
class Scan:
    """One pass of every scanner over a source text, in the coordinates of its normalised text."""

    source: SourceText
    context: VnDate | None  # the document's own date: a day, or only its year
    refs: tuple[RefHit, ...]
    temporal: tuple[Hit, ...]

    @property
    def context_date(self) -> dt.date | None:
        """The document's own date, when the day is known."""
        context = self.context
        return context.first_day() if context is not None and context.precision is Precision.DAY else None


def scan(source: SourceText, context: dt.date | VnDate | None = None, *, relations: bool = True) -> Scan:
    """Every reference, date, period and deadline of ``source``, overlaps filtered; year-less values
    are completed from ``context`` (a day, or a year alone), else from the document's own date.
    With ``relations`` (the default), each reference carries its relation to the text; the finders
    that report no reference skip that work."""
    low = source.low
    found = detect_context(low) if context is None else VnDate.of(context) if isinstance(context, dt.date) else context
    hits = scan_temporal(source.text, found, low=low)
    # Where each date starts: the first date at a position wins (reversed, so it is written last).
    date_kind = HitKind.DATE
    date_starts: dict[int, tuple[int, VnDate]] = {
        start: (end, value)  # type: ignore[misc]
        for start, end, kind, value, _, _ in reversed(hits)
        if kind is date_kind
    }
    ctx = ScanContext(source.text, date_starts.get, low, url_spans(low), source.rev)
    refs = tuple(fuller_numbers(drop_overlapping_references(scan_references(ctx))))
    if relations:
        refs = related(source.text, refs)
    return Scan(source, found, refs, dates_outside_numbers(hits, refs))


def _names(ref: DocumentReference) -> tuple[str | None, str | None]:
    """The canonical number of ``ref``, and its type and serial ("Nghị định 60")."""
    doc_type = ref.doc_type
    name = f"{doc_type.label} {ref.serial.lstrip('0')}" if doc_type is not None else None
    return (str(ref.number) if ref.number is not None else None), name


def related(text: str, refs: Sequence[RefHit]) -> tuple[RefHit, ...]:
    """``refs`` (sorted, without overlaps) with the relation of each to ``text`` and the part it names."""
    spans = [RefSpan(h.start, h.end, h.value.header, *_names(h.value)) for h in refs]
    out = list(refs)
    for k, c in enumerate(relations_of_spans(text, spans)):
        if c.relation is not Relation.CITED or c.part is not None:
            hit = out[k]
            out[k] = hit._replace(value=attrs.evolve(hit.value, relation=c.relation, part=c.part))
    return tuple(out)


def _keyed(result: Scan) -> list[tuple[int, int, int, int, object, MatchKind]]:
    """Sort keys of every hit: start, kind rank, the longer first, then the scanners' order.
    (Sorting plain tuples is much cheaper than sorting objects through a key function.)"""
    reference = MatchKind.REFERENCE
    keyed: list[tuple[int, int, int, int, object, MatchKind]] = [
        (start, _RANK_REFERENCE, -end, i, ref, reference) for i, (start, end, ref, _, _) in enumerate(result.refs)
    ]
    # Kinds are told apart by identity: a dict keyed by enum members would call Enum.__hash__,
    # a Python function, twice per hit.
    date_kind, period_kind = HitKind.DATE, HitKind.PERIOD
    date, period, deadline = MatchKind.DATE, MatchKind.PERIOD, MatchKind.DEADLINE
    append_key = keyed.append
    for i, (start, end, hit_kind, hit_value, _, _) in enumerate(result.temporal, len(keyed)):
        if hit_kind is date_kind:
            append_key((start, _RANK_DATE, -end, i, hit_value, date))
        elif hit_kind is period_kind:
            append_key((start, _RANK_PERIOD, -end, i, hit_value, period))
        else:
            append_key((start, _RANK_DEADLINE, -end, i, hit_value, deadline))
    keyed.sort()
    return keyed


def matches(result: Scan, *, mapped: bool = True) -> list[Match[object]]:
    """The matches of ``result`` sorted by position; spans in the caller's input when ``mapped``,
    else in the normalised text (``result.source.text``)."""
    source = result.source
    out: list[Match[object]] = []
    append = out.append
    direct = not mapped or (source.page is None and not source.norm.offsets)
    text = source.text if not mapped else source.source
    for key_start, _, neg_end, _, value, kind in _keyed(result):
        start, end = key_start, -neg_end
        if not direct:
            start, end = source.span(start, end)
        append(Match(start=start, end=end, text=text[start:end], value=value, kind=kind))
    return out


def match_of(source: SourceText, start: int, end: int, value: object, kind: MatchKind) -> Match[object]:
    """One match of ``source``'s normalised text ``[start:end]``, its span mapped to the caller's input."""
    start, end = source.span(start, end)
    return Match(start=start, end=end, text=source.source[start:end], value=value, kind=kind)
