"""Vietnamese document numbers ("số, ký hiệu"): the model, the parser and the code tables.

A document number is a serial followed by a symbol, in one of a handful of layouts
(:class:`NumberScheme`); :func:`parse_number` reads clean and messy forms alike,
:func:`is_valid_number` never raises. The type codes are :class:`DocumentType`; issuer and unit
codes come from ``data/agencies.tsv`` (:func:`agency_name`, :func:`is_known_code`).

>>> n = parse_number("Số: 1961/QĐUBND")
>>> str(n), n.scheme.name, n.doc_type.label, agency_name("UBND")
('1961/QĐ-UBND', 'ADMINISTRATIVE', 'Quyết định', 'Ủy ban nhân dân')
"""

from __future__ import annotations

from vngovdirectives.numbers.codes import DocumentType, agency_name, is_known_code
from vngovdirectives.numbers.grammar import NumberScheme
from vngovdirectives.numbers.model import DocumentNumber
from vngovdirectives.numbers.parse import is_valid_number, parse_number

__all__ = [
    "DocumentNumber",
    "DocumentType",
    "NumberScheme",
    "agency_name",
    "is_known_code",
    "is_valid_number",
    "parse_number",
]
