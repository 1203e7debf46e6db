"""Making frozen models and named tuples on the finders' hot path, without their constructors.

A page yields thousands of matches, numbers and references. attrs' ``__init__`` of a frozen class
sets each field through ``object.__setattr__``, and a named tuple's ``__new__`` is a Python
function; both cost more than the values they store. Callers that build values already of the
right type use these instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

import attrs

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["NEW_TUPLE", "field_setters"]

#: ``NEW_TUPLE(SomeNamedTuple, (a, b, c))`` makes the named tuple without its Python ``__new__``.
NEW_TUPLE: Final = tuple.__new__


def field_setters(cls: type) -> tuple[Callable[[Any, Any], None], ...]:
    """The slot setters of every field of the slotted attrs class ``cls``, in declaration order.

    An instance from ``object.__new__(cls)`` is complete once each of them has been called: taking
    all the fields, in order, means a field added to the class cannot be left unset unnoticed (the
    caller's unpacking then fails at import).
    """
    return tuple(getattr(cls, field.name).__set__ for field in attrs.fields(cls))
