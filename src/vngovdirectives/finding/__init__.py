"""Finding references, numbers, dates, periods and deadlines in running text, with spans.

The public entry points are in :mod:`~vngovdirectives.finding.find`; the one pass behind them is
:mod:`~vngovdirectives.finding.pipeline`, the walk that decides what each date is
:mod:`~vngovdirectives.finding.temporal`, the overlap policy :mod:`~vngovdirectives.finding.filter`
and the document's own date :mod:`~vngovdirectives.finding.context`.
"""

from __future__ import annotations

from vngovdirectives.finding.context import detect_context_date
from vngovdirectives.finding.find import (
    find_all,
    find_dates,
    find_deadlines,
    find_numbers,
    find_periods,
    find_references,
    parse_reference,
)
from vngovdirectives.finding.match import Match, MatchKind, Resolution
from vngovdirectives.finding.records import jsonl_record, match_record
from vngovdirectives.finding.resolve import resolve_references

__all__ = [
    "Match",
    "MatchKind",
    "Resolution",
    "detect_context_date",
    "find_all",
    "find_dates",
    "find_deadlines",
    "find_numbers",
    "find_periods",
    "find_references",
    "jsonl_record",
    "match_record",
    "parse_reference",
    "resolve_references",
]
