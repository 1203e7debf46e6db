"""Finders: every document reference, number, date, period and deadline in a text, with spans.

Each finder takes any ``str`` and yields :class:`Match` objects sorted by position, where
``text[m.start:m.end] == m.text`` indexes the caller's own string (even when it was NFD or full
of look-alike characters). Finders never raise on a ``str``: what they cannot read, they skip.
All patterns are compiled once and run in linear time.

Overlap policy:

- within one kind, matches never overlap (a full reference beats a short one);
- a reference's issue date and a deadline's date are also reported as dates;
- the two ends of a period are not reported as dates.

>>> text = "Công văn số 39/CV-BCĐ ngày 29/3/2019 yêu cầu hoàn thành chậm nhất vào ngày 25/4/2019."
>>> [(m.kind.value, m.text) for m in find_all(text)]  # doctest: +NORMALIZE_WHITESPACE
[('reference', 'Công văn số 39/CV-BCĐ ngày 29/3/2019'), ('date', 'ngày 29/3/2019'),
 ('deadline', 'chậm nhất vào ngày 25/4/2019'), ('date', 'ngày 25/4/2019')]
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Generic, TypeVar

import attrs

from vngovdirectives import _temporal_scan as temporal
from vngovdirectives._fast import field_setters
from vngovdirectives.references import DocumentReference, RefHit, reference_hits
from vngovdirectives.text import Normalized, normalize

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable, Iterator

    from vngovdirectives.dates import Period, VnDate
    from vngovdirectives.deadlines import Deadline
    from vngovdirectives.docnumbers import DocumentNumber

__all__ = [
    "Match",
    "MatchKind",
    "Resolution",
    "find_all",
    "find_dates",
    "find_deadlines",
    "find_numbers",
    "find_periods",
    "find_references",
    "jsonl_record",
    "match_record",
    "resolve_references",
]

T = TypeVar("T")


class MatchKind(enum.Enum):
    """What a :class:`Match` found."""

    REFERENCE = "reference"
    NUMBER = "number"
    DATE = "date"
    PERIOD = "period"
    DEADLINE = "deadline"


@attrs.frozen(kw_only=True, slots=True)
class Match(Generic[T]):
    """One finding: ``source[start:end] == text``, read as ``value``."""

    start: int
    end: int
    text: str
    value: T
    kind: MatchKind


_SET_START, _SET_END, _SET_TEXT, _SET_VALUE, _SET_KIND = field_setters(Match)


@attrs.frozen(slots=True)
class _Scan:
    """One pass of every scanner over a normalised text."""

    norm: Normalized
    context_date: dt.date | None
    refs: tuple[RefHit, ...]
    temporal: tuple[temporal.Hit, ...]

    def match(self, start: int, end: int, value: T, kind: MatchKind) -> Match[T]:
        norm = self.norm
        if norm.offsets:
            start, end = norm.offsets[start], norm.offsets[end]
        # Built without __init__ (thousands per page; every field is set here, all of the right type).
        m: Match[T] = object.__new__(Match)
        _SET_START(m, start)
        _SET_END(m, end)
        _SET_TEXT(m, norm.source[start:end])
        _SET_VALUE(m, value)
        _SET_KIND(m, kind)
        return m


def _scan(text: str, context_date: dt.date | None) -> _Scan:
    if not isinstance(text, str):
        raise TypeError(f"finders read a str, not {type(text).__name__}")
    norm = normalize(text)
    folded = norm.text
    low = temporal.lowered(folded)
    if context_date is None:
        context_date = temporal.detect_context_date_lowered(low)
    hits = temporal.scan(folded, context_date, low=low)
    # Where each date starts: the first date at a position wins (reversed, so it is written last).
    date_kind = temporal.HitKind.DATE
    date_starts: dict[int, tuple[int, VnDate]] = {
        start: (end, value)  # type: ignore[misc]
        for start, end, kind, value, _, _ in reversed(hits)
        if kind is date_kind
    }
    ref_hits = tuple(reference_hits(folded, date_starts.get, low))
    return _Scan(norm, context_date, ref_hits, _outside_numbers(hits, ref_hits))


def _outside_numbers(hits: list[temporal.Hit], refs: tuple[RefHit, ...]) -> tuple[temporal.Hit, ...]:
    """Drop dates read inside a document number ("2019" of "12 / 2019 / NĐ-CP")."""
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


def find_references(text: str, /, *, context_date: dt.date | None = None) -> Iterator[Match[DocumentReference]]:
    """Every document reference in ``text``, full ("Quyết định số 607/QĐ-UBND ngày 29/3/2019 của …")
    and short ("Chỉ thị 16"); the span covers the type name, the number, the issue date and the issuer."""
    scan = _scan(text, context_date)
    for hit in scan.refs:
        yield scan.match(hit.start, hit.end, hit.value, MatchKind.REFERENCE)


def find_numbers(text: str, /) -> Iterator[Match[DocumentNumber]]:
    """Every document number in ``text`` (the number only: "607/QĐ-UBND")."""
    scan = _scan(text, None)
    for hit in scan.refs:
        number = hit.value.number
        if number is not None:
            yield scan.match(hit.number_start, hit.number_end, number, MatchKind.NUMBER)


def _temporal_matches(scan: _Scan, kind: temporal.HitKind) -> Iterator[Match[object]]:
    match_kind = MatchKind(kind.value)
    for hit in scan.temporal:
        if hit.kind is kind:
            yield scan.match(hit.start, hit.end, hit.value, match_kind)


def find_dates(text: str, /, *, context_date: dt.date | None = None) -> Iterator[Match[VnDate]]:
    """Every explicit date or partial date (day, month, quarter, half-year, year) in ``text``."""
    scan = _scan(text, context_date)
    yield from _temporal_matches(scan, temporal.HitKind.DATE)  # type: ignore[misc]


def find_periods(text: str, /, *, context_date: dt.date | None = None) -> Iterator[Match[Period]]:
    """Every period ("giai đoạn 2016 - 2020", "từ ngày 25/3 - 31/3/2019") in ``text``."""
    scan = _scan(text, context_date)
    yield from _temporal_matches(scan, temporal.HitKind.PERIOD)  # type: ignore[misc]


def find_deadlines(text: str, /, *, context_date: dt.date | None = None) -> Iterator[Match[Deadline]]:
    """Every deadline ("chậm nhất vào ngày 25/4/2019", "trong thời hạn 15 ngày làm việc …") in ``text``."""
    scan = _scan(text, context_date)
    yield from _temporal_matches(scan, temporal.HitKind.DEADLINE)  # type: ignore[misc]


def find_all(text: str, /, *, context_date: dt.date | None = None) -> list[Match[object]]:
    """References, dates, periods and deadlines of ``text`` in one pass, sorted by position.

    Year-less dates are completed from ``context_date``, or from the document's own date when
    ``context_date`` is None and the text states one (its date line, a news dateline, or a
    bulletin's week).
    """
    scan = _scan(text, context_date)
    # Sort keys first, then build the matches in order: sorting plain tuples is much cheaper
    # than sorting objects through a key function.
    reference = MatchKind.REFERENCE
    keyed: list[tuple[int, int, int, int, object, MatchKind]] = [
        (start, 0, -end, i, ref, reference) for i, (start, end, ref, _, _) in enumerate(scan.refs)
    ]
    # Kinds are told apart by identity: a dict keyed by enum members would call Enum.__hash__,
    # a Python function, twice per hit.
    date_kind, period_kind = temporal.HitKind.DATE, temporal.HitKind.PERIOD
    date, period, deadline = MatchKind.DATE, MatchKind.PERIOD, MatchKind.DEADLINE
    append_key = keyed.append
    for i, (start, end, hit_kind, hit_value, _, _) in enumerate(scan.temporal, len(keyed)):
        if hit_kind is date_kind:
            append_key((start, 4, -end, i, hit_value, date))
        elif hit_kind is period_kind:
            append_key((start, 2, -end, i, hit_value, period))
        else:
            append_key((start, 3, -end, i, hit_value, deadline))
    keyed.sort()
    # scan.match() inlined: this loop makes every match of the page.
    offsets, source, new = scan.norm.offsets, scan.norm.source, object.__new__
    out: list[Match[object]] = []
    append = out.append
    for folded_start, _, neg_end, _, value, kind in keyed:
        start, end = folded_start, -neg_end
        if offsets:
            start, end = offsets[start], offsets[end]
        m = new(Match)
        _SET_START(m, start)
        _SET_END(m, end)
        _SET_TEXT(m, source[start:end])
        _SET_VALUE(m, value)
        _SET_KIND(m, kind)
        append(m)
    return out


@attrs.frozen(kw_only=True, slots=True)
class Resolution:
    """A short reference or alias and the full reference it stands for (None when none is found)."""

    match: Match[DocumentReference]
    antecedent: Match[DocumentReference] | None


def resolve_references(matches: Iterable[Match[object]]) -> list[Resolution]:
    """Link each short reference ("Chỉ thị 16", an alias in parentheses) to the full one it stands for.

    A short reference stands for the nearest full reference *before* it with the same serial and
    the same document type; when none precedes it (a title that names the document before the
    text cites it), the first such full reference after it. Results follow the order of the
    short references.

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


def match_record(match: Match[object]) -> dict[str, object]:
    """The JSON-ready value of a match, in the schema of the ``find --format jsonl`` command.

    reference → ``{"number", "doc_type", "issued_on", "issuer", "short"}``; date → an ISO string
    ("2019-03-29", "2019-03", "2019", "2019-Q1", "--03-29"); period → ``{"start", "end"}``;
    deadline → ``{"kind", "due", "time", "amount", "unit", "anchor"}``.
    """
    from vngovdirectives.dates import Period, VnDate
    from vngovdirectives.deadlines import Relative

    value = match.value
    if isinstance(value, DocumentReference):
        return {
            "number": str(value.number) if value.number is not None else value.serial,
            "doc_type": value.type_name,
            "issued_on": value.issued_on.iso() if value.issued_on is not None else None,
            "issuer": value.issuer,
            "short": value.short,
        }
    if isinstance(value, VnDate):
        return {"value": value.iso()}
    if isinstance(value, Period):
        return {"start": value.start.iso(), "end": value.end.iso()}
    if isinstance(value, Relative):
        return {
            "kind": value.kind,
            "due": None,
            "time": None,
            "amount": value.amount,
            "unit": value.unit.value,
            "anchor": value.anchor,
        }
    due = getattr(value, "due", None)
    time = getattr(value, "time", None)
    return {
        "kind": getattr(value, "kind", None),
        "due": due.iso() if due is not None else None,
        "time": time.iso() if time is not None else None,
        "amount": None,
        "unit": None,
        "anchor": None,
    }


def jsonl_record(match: Match[object], file: str) -> dict[str, object]:
    """One line of ``vngovdirectives find --format jsonl``."""
    value = match_record(match)
    return {
        "file": file,
        "kind": match.kind.value,
        "span": [match.start, match.end],
        "text": match.text,
        "value": value["value"] if match.kind is MatchKind.DATE else value,
    }
