"""A legal site's metadata rows printed with a document ("Loại văn bản: Chỉ thị | Người ký: Lê Văn A").

They stand in for what the document's own header does not state: the header always wins. The
issue date of such a row ("Ngày ban hành: 17/09/2012") is a date the page states for itself, read
where every such date is read (:func:`vngovdirectives.dates.stated.news_dates`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final, NamedTuple

from vngovdirectives.dates.stated import news_dates
from vngovdirectives.directives.units import Piece, plain

if TYPE_CHECKING:
    import datetime as dt

__all__ = ["Metadata", "read_metadata"]

#: How far into a page its metadata rows are looked for.
_LIMIT: Final = 20_000
_ROW: Final = re.compile(
    r"(?:^|(?<=[\n|]))[ \t*#]{0,6}(?P<label>Loại\s{1,3}văn\s{1,3}bản|Người\s{1,3}ký)\s{0,3}:[ \t*]{0,6}"
    r"(?P<value>[^\n|]{1,120})"
)
_ISSUED: Final = re.compile(r"ngày\s{1,3}ban\s{1,3}hành")


class Metadata(NamedTuple):
    """The rows found (each None when absent)."""

    type_name: Piece | None
    issued_on: tuple[int, dt.date] | None
    signer: Piece | None


def read_metadata(text: str, low: str) -> Metadata:
    """The metadata rows in the first part of ``text`` (``low`` is its lower-cased copy)."""
    found: dict[str, Piece] = {}
    end = min(len(text), _LIMIT)
    hits = [k for k in (text.find("Loại", 0, end), text.find("Người", 0, end)) if k >= 0]
    rows = _ROW.finditer(text, max(0, min(hits) - 8), end) if hits else ()
    for m in rows:
        label = " ".join(m.group("label").split()).casefold()
        value = plain(m.group("value")).strip(" .;")
        if value and label not in found:
            found[label] = Piece(value, m.start("value"), m.end("value"))
    issued = next(((s, d) for s, d in news_dates(low, 0, end) if _ISSUED.match(low, s)), None)
    return Metadata(found.get("loại văn bản"), issued, found.get("người ký"))
