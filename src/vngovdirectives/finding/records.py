"""Matches as flat records: what ``vngovdirectives find --format json|jsonl`` writes for each match.

A record is ``{"kind", "source", "id", "span": [start, end], "text", "value"}``; its ``value`` is
flat, in the shape of the annotated corpus (``../shared/corpus/README.md``), so tables and the
corpus scorer read it as it is. Every value follows the JSON contract (``docs/formats.md``):
dates as ISO-like strings, times as ``"HH:MM"``, a number as its canonical string.

============  ======================================================================================
kind          value
============  ======================================================================================
reference     ``{"number", "doc_type", "issued_on", "issuer", "short", "relation", "part"}``: ``number``
              is the canonical number, or the serial of a short reference ("Chỉ thị 16": ``"16"``,
              ``short`` true); ``relation`` what the document is to the text (``"basis"``,
              ``"repeals"`` …), ``part`` the part it affects ("khoản 2 Điều 15") or null
date          an ISO-like string: "2019-03-29", "2019-03", "2019", "2019-Q1", "--03-29"
period        ``{"start", "end"}``, two such strings
deadline      ``{"kind", "due", "time", "amount", "unit", "anchor"}``; a recurring one has the kind of
              its lead ("before", or "no_later_than" when the day itself is in time), ``"every"``,
              ``"day"``, ``"month"`` and ``"strict"`` instead of ``amount``, ``unit``, ``anchor``,
              and a yearly one its day as ``due`` ("trước ngày 10/7 hằng năm": "--07-10")
============  ======================================================================================

>>> from vngovdirectives import find_all
>>> deadline, date, reference = find_all("Chậm nhất ngày 25/4/2019, theo Công văn số 39/CV-BCĐ.")
>>> match_record(deadline)["due"], match_record(date), match_record(reference)["number"]
('2019-04-25', '2019-04-25', '39/CV-BCĐ')
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vngovdirectives.dates.model import Period, TimeOfDay, VnDate
from vngovdirectives.deadlines.model import Effective, Frequency, Recurring, Relative
from vngovdirectives.numbers.model import DocumentNumber
from vngovdirectives.references.model import DocumentReference

if TYPE_CHECKING:
    from vngovdirectives.finding.match import Match

__all__ = ["jsonl_record", "match_record"]


def match_record(match: Match[object]) -> object:
    """The flat value of ``match`` (see the module table)."""
    value = match.value
    if isinstance(value, DocumentReference):
        return {
            "number": str(value.number) if value.number is not None else value.serial,
            "doc_type": value.type_name,
            "issued_on": _iso(value.issued_on),
            "issuer": value.issuer,
            "short": value.short,
            "relation": value.relation.value,
            "part": value.part,
        }
    if isinstance(value, VnDate):
        return value.iso()
    if isinstance(value, Period):
        return {"start": value.start.iso(), "end": value.end.iso()}
    if isinstance(value, DocumentNumber):
        return str(value)
    if isinstance(value, Recurring):
        # the kind of its lead, as the corpus marks a standing rule ("trước ngày 10/7 hằng năm":
        # before, due "--07-10"); "every" tells it recurs
        yearly = value.every is Frequency.YEAR and value.month is not None
        return {
            "kind": "before" if value.strict else "no_later_than",
            "due": VnDate(month=value.month, day=value.day).iso() if yearly else None,
            "time": _iso(value.time),
            "every": value.every.value,
            "day": value.day,
            "month": value.month,
            "strict": value.strict,
        }
    return _deadline_record(value)


def _deadline_record(value: object) -> dict[str, object]:
    amount = value.amount if isinstance(value, Relative | Effective) else None
    unit = value.unit if isinstance(value, Relative | Effective) else None
    due = getattr(value, "due", None)
    return {
        "kind": getattr(value, "kind", None),
        "due": _iso(due),
        "time": _iso(getattr(value, "time", None)),
        "amount": amount,
        "unit": unit.value if unit is not None else None,
        "anchor": value.anchor if isinstance(value, Relative | Effective) else None,
    }


def _iso(value: VnDate | TimeOfDay | None) -> str | None:
    return value.iso() if value is not None else None


def jsonl_record(match: Match[object], source: str, id: int | None = None) -> dict[str, object]:
    """One record of ``vngovdirectives find``: the match found in ``source`` (the ``id``-th input)."""
    return {
        "kind": match.kind.value,
        "source": source,
        "id": id,
        "span": [match.start, match.end],
        "text": match.text,
        "value": match_record(match),
    }
