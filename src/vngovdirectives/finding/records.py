"""Matches as JSON-ready records: the schema of the ``find --format jsonl`` command."""

from __future__ import annotations

from vngovdirectives.dates.model import Period, VnDate
from vngovdirectives.deadlines.model import Effective, Recurring, Relative
from vngovdirectives.finding.match import Match, MatchKind
from vngovdirectives.references.model import DocumentReference

__all__ = ["jsonl_record", "match_record"]


def match_record(match: Match[object]) -> dict[str, object]:
    """The JSON-ready value of a match, in the schema of the ``find --format jsonl`` command.

    reference → ``{"number", "doc_type", "issued_on", "issuer", "short"}``; date → an ISO string
    ("2019-03-29", "2019-03", "2019", "2019-Q1", "--03-29"); period → ``{"start", "end"}``;
    deadline → ``{"kind", "due", "time", "amount", "unit", "anchor"}`` (and for a recurring one
    ``"every"``, ``"day"``, ``"month"``, ``"strict"``: whether the day itself is too late).
    """
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
    if isinstance(value, Relative | Effective):
        due = value.due if isinstance(value, Effective) else None
        time = value.time if isinstance(value, Effective) else None
        return {
            "kind": value.kind,
            "due": due.iso() if due is not None else None,
            "time": time.iso() if time is not None else None,
            "amount": value.amount,
            "unit": value.unit.value if value.unit is not None else None,
            "anchor": value.anchor,
        }
    if isinstance(value, Recurring):
        time = value.time
        return {
            "kind": value.kind,
            "due": None,
            "time": time.iso() if time is not None else None,
            "every": value.every.value,
            "day": value.day,
            "month": value.month,
            "strict": value.strict,
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
