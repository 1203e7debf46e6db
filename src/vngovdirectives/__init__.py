"""vngovdirectives: read Vietnamese government text as typed objects.

>>> from vngovdirectives import parse_number
>>> n = parse_number("Số: 607/QĐ-UBND")
>>> str(n), n.doc_type.label
('607/QĐ-UBND', 'Quyết định')
"""

from __future__ import annotations

from vngovdirectives.codes import DocumentType, agency_name, is_known_code
from vngovdirectives.docnumbers import DocumentNumber, NumberScheme, is_valid_number, parse_number
from vngovdirectives.errors import (
    CalendarError,
    DateError,
    DeadlineError,
    DocumentNumberError,
    ParseError,
    VnGovDirectivesError,
)
from vngovdirectives.serde import make_converter

__all__ = [
    "CalendarError",
    "DateError",
    "DeadlineError",
    "DocumentNumber",
    "DocumentNumberError",
    "DocumentType",
    "NumberScheme",
    "ParseError",
    "VnGovDirectivesError",
    "agency_name",
    "is_known_code",
    "is_valid_number",
    "make_converter",
    "parse_number",
]


def __getattr__(name: str) -> str:
    if name == "__version__":
        from importlib.metadata import version

        return version("vngovdirectives")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
