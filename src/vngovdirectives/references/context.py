"""What the reference scanner reads: the text in its forms, where dates start, where URLs are.

One :class:`ScanContext` is made per scanned text; :class:`RefHit` is what the scanner finds.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final, NamedTuple

import attrs

from vngovdirectives.references.model import DocumentReference  # noqa: TC001 - a NamedTuple field

if TYPE_CHECKING:
    from collections.abc import Callable

    from vngovdirectives.dates.model import VnDate

__all__ = ["RefHit", "ScanContext", "url_spans"]


class RefHit(NamedTuple):
    """A reference found in a normalised text: its whole span and the span of its number."""

    start: int
    end: int
    value: DocumentReference
    number_start: int
    number_end: int


@attrs.frozen(slots=True)
class ScanContext:
    """What the reference scanner needs from the rest of the finders (one per scanned text)."""

    text: str
    #: date lookup: given a position, the (end, value) of a date that starts there, or None
    date_at: Callable[[int], tuple[int, VnDate] | None]
    low: str  # ``text`` lower-cased position for position
    url_spans: tuple[tuple[int, int], ...]
    rev: str  # ``low`` reversed, for the patterns that read leftwards from a position


#: Spans that are URLs or file paths: numbers inside them are not references.
_URL_RES: Final = (  # on lower-cased text
    re.compile(r"https?://[^\s<>\"']{1,2000}"),
    re.compile(r"www\.[^\s<>\"']{1,2000}"),
)


def url_spans(low: str) -> tuple[tuple[int, int], ...]:
    """The spans of the URLs in the lower-cased text ``low``, sorted, without overlaps."""
    # Two patterns led by a literal each (fast to skip to); a "www." inside a URL is dropped.
    found = sorted(m.span() for rx in _URL_RES for m in rx.finditer(low))
    spans: list[tuple[int, int]] = []
    for span in found:
        if not spans or span[0] >= spans[-1][1]:
            spans.append(span)
    return tuple(spans)
