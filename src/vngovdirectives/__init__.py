"""vngovdirectives: read Vietnamese government text as typed objects.

>>> from vngovdirectives import parse_number
>>> n = parse_number("Số: 607/QĐ-UBND")
>>> str(n), n.doc_type.label
('607/QĐ-UBND', 'Quyết định')

The names below load their modules on first use, so ``import vngovdirectives`` stays cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from vngovdirectives.errors import (
    CalendarError,
    DateError,
    DeadlineError,
    DocumentNumberError,
    DocumentReferenceError,
    ParseError,
    VnGovDirectivesError,
)

if TYPE_CHECKING:
    from vngovdirectives.codes import DocumentType, agency_name, is_known_code
    from vngovdirectives.dates import (
        Period,
        Precision,
        TimeOfDay,
        VnDate,
        complete,
        format_date,
        parse_date,
        parse_period,
        parse_time,
    )
    from vngovdirectives.deadlines import (
        Before,
        Deadline,
        DurationUnit,
        NoLaterThan,
        Relative,
        Starting,
        TemporalValue,
        Within,
        complete_deadline,
        parse_deadline,
        resolve_deadline,
    )
    from vngovdirectives.docnumbers import DocumentNumber, NumberScheme, is_valid_number, parse_number
    from vngovdirectives.finders import (
        Match,
        MatchKind,
        Resolution,
        find_all,
        find_dates,
        find_deadlines,
        find_numbers,
        find_periods,
        find_references,
        resolve_references,
    )
    from vngovdirectives.references import DocumentReference, parse_reference
    from vngovdirectives.serde import make_converter
    from vngovdirectives.workdays import (
        WorkingCalendar,
        add_working_days,
        count_working_days,
        is_working_day,
        next_working_day,
    )

_LAZY: dict[str, str] = {
    "DocumentType": "codes",
    "agency_name": "codes",
    "is_known_code": "codes",
    "DocumentNumber": "docnumbers",
    "NumberScheme": "docnumbers",
    "is_valid_number": "docnumbers",
    "parse_number": "docnumbers",
    "Period": "dates",
    "Precision": "dates",
    "TimeOfDay": "dates",
    "VnDate": "dates",
    "complete": "dates",
    "format_date": "dates",
    "parse_date": "dates",
    "parse_period": "dates",
    "parse_time": "dates",
    "Before": "deadlines",
    "Deadline": "deadlines",
    "DurationUnit": "deadlines",
    "NoLaterThan": "deadlines",
    "Relative": "deadlines",
    "Starting": "deadlines",
    "Within": "deadlines",
    "TemporalValue": "deadlines",
    "complete_deadline": "deadlines",
    "parse_deadline": "deadlines",
    "resolve_deadline": "deadlines",
    "WorkingCalendar": "workdays",
    "add_working_days": "workdays",
    "count_working_days": "workdays",
    "is_working_day": "workdays",
    "next_working_day": "workdays",
    "DocumentReference": "references",
    "parse_reference": "references",
    "Match": "finders",
    "MatchKind": "finders",
    "Resolution": "finders",
    "find_all": "finders",
    "find_dates": "finders",
    "find_deadlines": "finders",
    "find_numbers": "finders",
    "find_periods": "finders",
    "find_references": "finders",
    "resolve_references": "finders",
    "make_converter": "serde",
}

__all__ = [
    "Before",
    "CalendarError",
    "DateError",
    "Deadline",
    "DeadlineError",
    "DocumentNumber",
    "DocumentNumberError",
    "DocumentReference",
    "DocumentReferenceError",
    "DocumentType",
    "DurationUnit",
    "Match",
    "MatchKind",
    "NoLaterThan",
    "NumberScheme",
    "ParseError",
    "Period",
    "Precision",
    "Relative",
    "Resolution",
    "Starting",
    "TemporalValue",
    "TimeOfDay",
    "VnDate",
    "VnGovDirectivesError",
    "Within",
    "WorkingCalendar",
    "add_working_days",
    "agency_name",
    "complete",
    "complete_deadline",
    "count_working_days",
    "find_all",
    "find_dates",
    "find_deadlines",
    "find_numbers",
    "find_periods",
    "find_references",
    "format_date",
    "is_known_code",
    "is_valid_number",
    "is_working_day",
    "make_converter",
    "next_working_day",
    "parse_date",
    "parse_deadline",
    "parse_number",
    "parse_period",
    "parse_reference",
    "parse_time",
    "resolve_deadline",
    "resolve_references",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is not None:
        value = getattr(importlib.import_module(f"vngovdirectives.{module}"), name)
        globals()[name] = value  # later look-ups skip this function
        return value
    if name == "__version__":
        from importlib.metadata import version

        return version("vngovdirectives")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY, "__version__"])
