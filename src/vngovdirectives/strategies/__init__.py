"""Hypothesis strategies for testing code that reads Vietnamese government text.

Install with ``pip install "vngovdirectives[hypothesis]"``. The strategies are also registered
with hypothesis, so ``st.from_type(DocumentNumber)`` works once the package is installed.

>>> from hypothesis import given
>>> from vngovdirectives import parse_number
>>> from vngovdirectives.strategies import document_number_pairs
>>> @given(document_number_pairs())
... def test_parses(pair):
...     text, number = pair
...     assert parse_number(text) == number
>>> test_parses()
"""

from __future__ import annotations

from vngovdirectives.strategies._numbers import (
    document_number_pairs,
    document_number_texts,
    document_numbers,
)

__all__ = [
    "document_number_pairs",
    "document_number_texts",
    "document_numbers",
]
