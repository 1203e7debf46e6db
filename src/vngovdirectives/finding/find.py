"""The finders: every document reference, number, date, period and deadline in a text, with spans.

Each finder takes any ``str`` (plain text, or an HTML page with ``html=True``; ``html=None``
tells them apart) or a :class:`~vngovdirectives.text.source.SourceText` already read, and
returns :class:`~vngovdirectives.finding.match.Match` objects sorted by position, where
``text[m.start:m.end] == m.text`` indexes the caller's own string (even when it was NFD, full of
look-alike characters, or HTML). Finders never raise on a ``str``: what they cannot read, they
skip. Given anything else they raise :class:`~vngovdirectives.errors.InputTypeError` (a
``TypeError``) at the call, also those that return an iterator. All patterns are compiled once
and run in linear time. The overlap policy is :mod:`vngovdirectives.finding.filter`.

>>> text = "Công văn số 39/CV-BCĐ ngày 29/3/2019 yêu cầu hoàn thành chậm nhất vào ngày 25/4/2019."
>>> [(m.kind.value, m.text) for m in find_all(text)]  # doctest: +NORMALIZE_WHITESPACE
[('reference', 'Công văn số 39/CV-BCĐ ngày 29/3/2019'), ('date', 'ngày 29/3/2019'),
 ('deadline', 'chậm nhất vào ngày 25/4/2019'), ('date', 'ngày 25/4/2019')]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from vngovdirectives._fast import paused_gc
from vngovdirectives.errors import DocumentReferenceError, InputTypeError, expect_type
from vngovdirectives.finding.hit import HitKind
from vngovdirectives.finding.match import Match, MatchKind
from vngovdirectives.finding.pipeline import Scan, match_of, matches, scan
from vngovdirectives.references.relation.model import Relation
from vngovdirectives.text.source import SourceText

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterator

    from vngovdirectives.dates.model import Period, VnDate
    from vngovdirectives.deadlines.model import Deadline
    from vngovdirectives.numbers.model import DocumentNumber
    from vngovdirectives.references.model import DocumentReference

__all__ = [
    "find_all",
    "find_dates",
    "find_deadlines",
    "find_numbers",
    "find_periods",
    "find_references",
    "parse_reference",
]


def _scan(
    text: str | SourceText, context_date: dt.date | VnDate | None, html: bool | None, *, relations: bool = True
) -> Scan:
    if not isinstance(text, str | SourceText):
        raise InputTypeError(f"the finders read a str or SourceText, not {type(text).__name__}")
    with paused_gc():
        source = text if isinstance(text, SourceText) else SourceText.read(text, html=html)
        return scan(source, context_date, relations=relations)


def find_all(
    text: str | SourceText, /, *, context_date: dt.date | VnDate | None = None, html: bool | None = False
) -> list[Match[object]]:
    """References, dates, periods and deadlines of ``text`` in one pass, sorted by position.

    Year-less dates are completed from ``context_date``, or from the document's own date when
    ``context_date`` is None and the text states one (its date line, a news dateline, or a
    bulletin's week). A context that is only a year (``VnDate(year=2025)``, or a first line
    naming its year, "Kế hoạch năm 2025") puts every year-less date in that year; a full date
    completes deadlines to their next occurrence and other dates to the nearest one.
    """
    result = _scan(text, context_date, html)
    with paused_gc():
        return matches(result)


def find_references(
    text: str | SourceText, /, *, context_date: dt.date | VnDate | None = None, html: bool | None = False
) -> Iterator[Match[DocumentReference]]:
    """Every document reference in ``text``, full ("Quyết định số 607/QĐ-UBND ngày 29/3/2019 của …")
    and short ("Chỉ thị 16"); the span covers the type name, the number, the issue date and the issuer."""
    result = _scan(text, context_date, html)  # here, so that a wrong argument fails at the call
    return (
        match_of(result.source, hit.start, hit.end, hit.value, MatchKind.REFERENCE)  # type: ignore[misc]
        for hit in result.refs
    )


def find_numbers(text: str | SourceText, /, *, html: bool | None = False) -> Iterator[Match[DocumentNumber]]:
    """Every document number in ``text`` (the number only: "607/QĐ-UBND")."""
    result = _scan(text, None, html, relations=False)
    return (
        match_of(result.source, hit.number_start, hit.number_end, hit.value.number, MatchKind.NUMBER)  # type: ignore[misc]
        for hit in result.refs
        if hit.value.number is not None
    )


def _temporal(result: Scan, kind: HitKind) -> Iterator[Match[object]]:
    match_kind = MatchKind(kind.value)
    for hit in result.temporal:
        if hit.kind is kind:
            yield match_of(result.source, hit.start, hit.end, hit.value, match_kind)


def find_dates(
    text: str | SourceText, /, *, context_date: dt.date | VnDate | None = None, html: bool | None = False
) -> Iterator[Match[VnDate]]:
    """Every explicit date or partial date (day, month, quarter, half-year, year) in ``text``."""
    return _temporal(_scan(text, context_date, html, relations=False), HitKind.DATE)  # type: ignore[return-value]


def find_periods(
    text: str | SourceText, /, *, context_date: dt.date | VnDate | None = None, html: bool | None = False
) -> Iterator[Match[Period]]:
    """Every period ("giai đoạn 2016 - 2020", "từ ngày 25/3 - 31/3/2019") in ``text``."""
    return _temporal(_scan(text, context_date, html, relations=False), HitKind.PERIOD)  # type: ignore[return-value]


def find_deadlines(
    text: str | SourceText, /, *, context_date: dt.date | VnDate | None = None, html: bool | None = False
) -> Iterator[Match[Deadline]]:
    """Every deadline ("chậm nhất vào ngày 25/4/2019", "trong thời hạn 15 ngày làm việc …") in ``text``."""
    return _temporal(_scan(text, context_date, html, relations=False), HitKind.DEADLINE)  # type: ignore[return-value]


def parse_reference(text: str, /) -> DocumentReference:
    """Read a text that is exactly one document reference (its relation is ``cited``: read alone,
    nothing around it says more).

    >>> ref = parse_reference("Quyết định số 607/QĐ-UBND ngày 29/3/2019 của UBND tỉnh về việc phê duyệt")
    >>> str(ref.number), ref.type_name, ref.issued_on.iso(), ref.issuer
    ('607/QĐ-UBND', 'Quyết định', '2019-03-29', 'UBND tỉnh')

    Raises:
        DocumentReferenceError: the text holds no reference, or more than one, or text outside it.
    """
    expect_type(text, str, "parse_reference")
    found = list(find_references(text))
    if not found:
        raise DocumentReferenceError("no document reference found", text, 0, text[:20])
    first = found[0]
    if len(found) > 1:
        second = found[1]
        raise DocumentReferenceError("more than one document reference", text, second.start, second.text)
    lead = text[: first.start].strip()
    if lead:
        raise DocumentReferenceError("text before the reference", text, 0, lead)
    # Read alone, a reference has no text around it to relate to.
    return attrs.evolve(first.value, relation=Relation.CITED, part=None)
