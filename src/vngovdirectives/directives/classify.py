"""Telling a single document from a bulletin or a news page, by the signs each kind carries."""

from __future__ import annotations

import re
from typing import Final

from vngovdirectives.directives.bulletin import BULLETIN_TITLE
from vngovdirectives.directives.document import TYPE_WORDS

__all__ = ["looks_like_document"]

_I = re.IGNORECASE
#: Signs of a document's layout, with their weight.
_DOC_SIGNS: Final = (
    (re.compile(r"CỘNG\s{1,3}H[OÒ]A\s{1,3}XÃ\s{1,3}HỘI", _I), 2),
    (re.compile(r"(?:^|\n|\|)\s{0,3}Số\s{0,3}:?\s{0,3}\d{1,5}[^\n]{0,3}/", 0), 2),
    (re.compile(r"(?:^|\n)\s{0,3}Căn\s{1,3}cứ\s", 0), 1),
    (re.compile(r"(?:^|\n)\s{0,3}Căn\s{1,3}cứ\s[^\n]{0,400}\n\s{0,3}Căn\s{1,3}cứ\s", 0), 1),
    (re.compile(rf"(?:^|\n)\s{{0,3}}{TYPE_WORDS}(?: [A-ZĐÀ-Ỹ,]{{1,12}}){{1,12}}\s{{0,3}}\n", 0), 2),
    (re.compile(r"(?:^|\n)\s{0,3}(?:V/v|Về việc)\s", 0), 1),
    (re.compile(r"(?:^|\n)\s{0,3}Điều\s{1,3}1\s{0,3}[.:]", 0), 2),
    (re.compile(r"(?:^|\n)\s{0,3}Nơi\s{1,3}nhận", _I), 2),
    (re.compile(r"(?:^|\n)\s{0,3}Kính\s{1,3}gửi", 0), 1),
    (re.compile(rf"(?:^|\n)\s{{0,3}}{TYPE_WORDS}\s{{0,3}}(?:\n|$)", 0), 2),
    (re.compile(r"(?:^|\n)\s{0,3}(?:KT|TM)\.\s{0,3}[A-ZĐ]", 0), 1),
)
#: Signs of a bulletin, with their weight.
_BULLETIN_SIGNS: Final = (
    (BULLETIN_TITLE, 3),
    (re.compile(r"[Đđ]ó là (?:ý kiến )?chỉ đạo của|[Nn]ội dung trên (?:được|do)|chỉ đạo nội dung trên"), 2),
)


def looks_like_document(text: str) -> bool:
    """Whether the first 6,000 characters of ``text`` carry more signs of a document than of a bulletin."""
    head = text[:6000]
    doc = sum(w for rx, w in _DOC_SIGNS if rx.search(head))
    bulletin = sum(w for rx, w in _BULLETIN_SIGNS if rx.search(head))
    return doc >= 3 and doc > bulletin
