"""Registration of the library's strategies with hypothesis, run through hypothesis' entry point.

This module must not import :mod:`vngovdirectives.strategies` at import time, nor when the hook
runs: hypothesis runs its entry points while it is itself being imported, possibly from inside
that very package. Each type is registered with a deferred strategy that imports on first use.
"""

from __future__ import annotations

from typing import Any


def _lazy(type_: type[Any]) -> Any:
    from hypothesis import strategies as st

    def resolve() -> st.SearchStrategy[Any]:
        from vngovdirectives.strategies import type_strategies

        return type_strategies()[type_]

    return st.deferred(resolve)


def _hypothesis_setup_hook() -> None:
    """Let ``st.from_type`` build the library's models (resolved lazily, on first use)."""
    from hypothesis import strategies as st

    from vngovdirectives.dates import Period, TimeOfDay, VnDate
    from vngovdirectives.deadlines import Before, NoLaterThan, Relative, Starting, Within
    from vngovdirectives.directives import Bulletin, Directive, Document, Task
    from vngovdirectives.numbers import DocumentNumber

    for type_ in (
        DocumentNumber,
        VnDate,
        Period,
        TimeOfDay,
        NoLaterThan,
        Before,
        Within,
        Relative,
        Starting,
        Directive,
        Bulletin,
        Document,
        Task,
    ):
        st.register_type_strategy(type_, _lazy(type_))
