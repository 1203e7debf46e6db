"""Making a frozen model without its constructor, where a benchmark shows it pays; and pausing
the garbage collector while a pass makes many objects.

A page yields thousands of document numbers. attrs' ``__init__`` of :class:`DocumentNumber` would
validate each against the symbol grammar again, although the parser made its parts canonical:
:func:`vngovdirectives.numbers.model.make_number` sets the slots directly instead (property tests
check that the model's own check agrees with the parser). Matches, references and named tuples
are made the ordinary way: measured on the real documents, skipping their constructors gained
nothing beyond the noise (``benchmarks/bench_real.py``).
"""

from __future__ import annotations

import contextlib
import gc
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

__all__ = ["field_setters", "paused_gc"]


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector for the ``with`` block.

    A match-dense page of a million characters keeps millions of matches, numbers and dates alive
    until the pass ends; every collection of the oldest generation walks all of them, which made
    32 times the input cost 51 times the time. The objects of a pass hold no cycles worth
    collecting before it ends, so the collector waits until then. Nested and concurrent uses are
    safe: only the outermost block that found the collector on turns it back on.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def field_setters(cls: type) -> tuple[Callable[[Any, Any], None], ...]:
    """The slot setters of every field of the slotted attrs class ``cls``, in declaration order.

    An instance from ``object.__new__(cls)`` is complete once each of them has been called: taking
    all the fields, in order, means a field added to the class cannot be left unset unnoticed (the
    caller's unpacking then fails at import).
    """
    return tuple(getattr(cls, field.name).__set__ for field in attrs.fields(cls))
