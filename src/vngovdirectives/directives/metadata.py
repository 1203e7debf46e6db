"""A legal site's metadata rows printed with a document ("Loại văn bản: Chỉ thị | Người ký: Lê Văn A",
or as the rows of a table: "| Người ký | Lê Văn A |").

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

__all__ = ["Metadata", "opens_row", "read_metadata"]

#: How far into a page its metadata rows are looked for.
_LIMIT: Final = 20_000
#: A row: its label and its value (the label opens the row: :func:`opens_row`). The search starts from the
#: label's first word, a literal, and so skips to where one stands.
_ROW: Final = re.compile(
    r"(?P<label>Loại\s{1,3}văn\s{1,3}bản|Người\s{1,3}ký)\s{0,3}[:|][ \t*]{0,6}(?P<value>[^\n|]{1,120})"
)
#: What may stand between the start of a row (a line or a cell) and its label.
_ROW_MARKS: Final = " \t*#"
_ROW_INDENT: Final = 6
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
        if not opens_row(text, m.start()):
            continue
        label = " ".join(m.group("label").split()).casefold()
        value = plain(m.group("value")).strip(" .;")
        if value and label not in found:
            found[label] = Piece(value, m.start("value"), m.end("value"))
    issued = next(((s, d) for s, d in news_dates(low, 0, end) if _ISSUED.match(low, s)), None)
    return Metadata(found.get("loại văn bản"), issued, found.get("người ký"))


def opens_row(text: str, at: int) -> bool:
    """Whether only a few marks (:data:`_ROW_MARKS`) stand between the start of a line or a cell and ``at``."""
    k = at
    while k > 0 and text[k - 1] not in "\n|":
        if at - k == _ROW_INDENT or text[k - 1] not in _ROW_MARKS:
            return False
        k -= 1
    return True
