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

import functools
from typing import TYPE_CHECKING, Any

from vngovdirectives.strategies._dates import (
    date_texts,
    dates,
    deadline_texts,
    deadlines,
    effective_dates,
    period_texts,
    periods,
    recurring,
    times,
)
from vngovdirectives.strategies._directives import bulletins, directives, documents, tasks
from vngovdirectives.strategies._numbers import (
    document_number_pairs,
    document_number_texts,
    document_numbers,
)

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

__all__ = [
    "bulletins",
    "date_texts",
    "dates",
    "deadline_texts",
    "deadlines",
    "directives",
    "document_number_pairs",
    "document_number_texts",
    "document_numbers",
    "documents",
    "effective_dates",
    "period_texts",
    "periods",
    "recurring",
    "tasks",
    "times",
]


@functools.cache
def type_strategies() -> dict[type, SearchStrategy[Any]]:
    """The strategy ``st.from_type`` uses for each model (see ``vngovdirectives._hypothesis_hook``)."""
    from hypothesis import strategies as st

    from vngovdirectives.dates import Period, TimeOfDay, VnDate
    from vngovdirectives.deadlines import (
        Before,
        DurationUnit,
        Effective,
        NoLaterThan,
        Recurring,
        Relative,
        Starting,
        Within,
    )
    from vngovdirectives.directives import Bulletin, Directive, Document, Task
    from vngovdirectives.numbers import DocumentNumber

    solar = dates(lunar=False)
    return {
        DocumentNumber: document_numbers(),
        VnDate: dates(),
        Period: periods(),
        TimeOfDay: times(),
        NoLaterThan: st.builds(NoLaterThan, due=solar, time=st.none() | times()),
        Before: st.builds(Before, due=solar, time=st.none() | times()),
        Within: st.builds(Within, span=solar | periods()),
        Relative: st.builds(Relative, amount=st.integers(0, 365), unit=st.sampled_from(list(DurationUnit))),
        Starting: st.builds(Starting, start=solar, time=st.none() | times()),
        Effective: effective_dates(),
        Recurring: recurring(),
        Directive: directives(),
        Bulletin: bulletins(),
        Document: documents(),
        Task: tasks(),
    }
