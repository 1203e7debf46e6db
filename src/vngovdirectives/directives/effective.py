"""A document's own effective date: "Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày ký".

The finders report every effective date of a text (:class:`~vngovdirectives.deadlines.model.Effective`),
the document's own and those of the documents it cites ("Nghị định số 291/2025/NĐ-CP … có hiệu
lực từ ngày 06/11/2025"). The document's own is the first one whose subject is the document
itself: a type name and "này" opening the sentence or point ("1. Quyết định này có hiệu lực …",
"Quy định này …"), or the document's own type name alone ("1. Nghị quyết có hiệu lực …" in a
Nghị quyết). Failing that, a page's metadata row ("Ngày có hiệu lực: 20/06/2014", "| Ngày hiệu
lực | 20/06/2014 |"), which opens its line or cell.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from vngovdirectives.deadlines.model import Effective
from vngovdirectives.directives.metadata import opens_row
from vngovdirectives.finding.match import MatchKind
from vngovdirectives.references.names import lead_type_names, normal_type_name
from vngovdirectives.text.patterns import alternation

if TYPE_CHECKING:
    from vngovdirectives.directives.model import Span
    from vngovdirectives.directives.page import Page

__all__ = ["own_effective"]

#: The space between two words of a type name: a line may break there ("Quyết\nđịnh này …").
_WORD_GAP: Final = r"[ \t\n]{1,3}"
#: The subject of an effective clause, opening its sentence, line or numbered point.
_SUBJECT: Final = re.compile(
    rf"(?:^|[\n.;:]|\d[.)])[ \t]{{0,3}}(?P<type>{alternation(lead_type_names(), _WORD_GAP, capital=True)})"
    rf"(?P<this>[ \t\n]{{1,3}}này)?[ \t\n]{{0,3}}$"
)
_SUBJECT_REACH: Final = 40
#: A metadata field: "Ngày có hiệu lực:", "Ngày hiệu lực :", or a table row "| Ngày hiệu lực | … |";
#: it opens its line or its cell.
_FIELD: Final = re.compile(r"hiệu[ \t]{0,3}lực(?:[ \t]{1,3}thi[ \t]{1,3}hành)?[ \t]{0,3}[:|]")


def own_effective(page: Page, type_name: str | None, body_start: int, body_end: int) -> tuple[Effective, Span] | None:
    """The document's own effective date and where it is written, if the page states it."""
    text = page.text
    for m in page.in_range(MatchKind.DEADLINE, body_start, body_end):
        if not isinstance(m.value, Effective):
            continue
        subject = _SUBJECT.search(text, max(0, m.start - _SUBJECT_REACH), m.start)
        if subject is not None and (subject["this"] or normal_type_name(subject["type"]) == type_name):
            return m.value, page.span(m.start, m.end)
    for m in page.in_range(MatchKind.DEADLINE, 0, body_end):  # a metadata row, where the page prints it
        if isinstance(m.value, Effective) and _FIELD.search(text, m.start, m.end) and opens_row(text, m.start):
            return m.value, page.span(m.start, m.end)
    return None
