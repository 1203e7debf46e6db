"""What the finders return: a :class:`Match` of some :class:`MatchKind`, with its span."""

from __future__ import annotations

import enum
from typing import Generic, TypeVar

import attrs

from vngovdirectives.references.model import DocumentReference  # noqa: TC001 - attrs reads the annotations

__all__ = ["Match", "MatchKind", "Resolution"]

T = TypeVar("T")


class MatchKind(enum.Enum):
    """What a :class:`Match` found."""

    REFERENCE = "reference"
    NUMBER = "number"
    DATE = "date"
    PERIOD = "period"
    DEADLINE = "deadline"


@attrs.frozen(kw_only=True, slots=True)
class Match(Generic[T]):
    """One finding: ``source[start:end] == text``, read as ``value``."""

    start: int
    end: int
    text: str
    value: T
    kind: MatchKind


@attrs.frozen(kw_only=True, slots=True)
class Resolution:
    """A short reference or alias and the full reference it stands for (None when none is found)."""

    match: Match[DocumentReference]
    antecedent: Match[DocumentReference] | None
