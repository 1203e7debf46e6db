"""The words of a document's layout, read from ``data/vocab/`` and compiled into patterns once.

Type lines and their names, signing capacities, title heads, the heads of issuing bodies, words
that cannot end a name, ranks, appendix headings, the motto, page furniture, signature marks,
family names. Every pattern here lets a short run of white space (a line break included) stand
for the space between two words, since real pages break lines anywhere.
"""

from __future__ import annotations

import re
from typing import Final

from vngovdirectives.text.patterns import UPPER
from vngovdirectives.text.vocab import rows, words

__all__ = [
    "APPENDIX",
    "ATTACHED_TEXT",
    "AUTHORITY",
    "BARE",
    "BARE_CAPACITY_ALT",
    "BODY",
    "CAPACITY_ALT",
    "CAPACITY_BARE",
    "DANGLING",
    "FURNITURE",
    "MOTTO",
    "OPENING_ALT",
    "PLACE_WORDS",
    "POSITIONS",
    "POSITION_ALT",
    "RANK",
    "SIGNED",
    "SUBJECT_ALT",
    "SURNAMES",
    "TITLE_OPENING",
    "TYPE_LINE_ALT",
    "TYPE_NAMES",
    "phrase",
]


def phrase(text: str) -> str:
    """A regex for ``text`` where each space may be a run of one to three white-space characters
    (line breaks too), and a dash between words may stand without spaces ("Độc lập -Tự do")."""
    out = ""
    for i, word in enumerate(text.split()):
        if word in "-–":
            out += r"\s{0,3}[-–]\s{0,3}"
        else:
            out += (r"\s{1,3}" if i and not out.endswith(r"\s{0,3}") else "") + re.escape(word)
    return out


def _alternation(values: list[str] | tuple[str, ...]) -> str:
    """The phrases as an alternation, longest first ("THÔNG TƯ LIÊN TỊCH" before "THÔNG TƯ")."""
    return "|".join(phrase(v) for v in sorted(set(values), key=len, reverse=True))


def _compiled(name: str, tail: str = r"(?![\w])") -> re.Pattern[str]:
    return re.compile(rf"(?:{_alternation(words(name))}){tail}")


#: A type line as printed ("QUYẾT ĐỊNH") → the type's name ("Quyết định").
TYPE_NAMES: Final = {row[0]: row[1] for row in rows("document_type_titles")}
TYPE_LINE_ALT: Final = _alternation(tuple(TYPE_NAMES))
#: What an effective-date clause may be about: the type names and "Văn bản", "Quy chế" ….
SUBJECT_ALT: Final = "|".join(
    phrase(s) for s in sorted(set(TYPE_NAMES.values()) | set(words("effective_subjects")), key=len, reverse=True)
)

_CAPACITIES: Final = sorted(words("signing_capacities"), key=len, reverse=True)
#: The signing capacity prefixes ("KT", "TM", …) as an alternation, and those also printed without a dot.
CAPACITY_ALT: Final = "|".join(re.escape(v) for v in _CAPACITIES)
CAPACITY_BARE: Final = frozenset(r[0] for r in rows("signing_capacities") if r[1:2] == ("bare",))
BARE_CAPACITY_ALT: Final = "|".join(re.escape(v) for v in _CAPACITIES if v in CAPACITY_BARE)


def _heads(name: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    heads: dict[str, list[tuple[str, ...]]] = {}
    for value in sorted(words(name), key=lambda v: -len(v.split())):
        heads.setdefault(value.split()[0], []).append(tuple(value.split()))
    return {k: tuple(v) for k, v in heads.items()}


#: The title heads of a signature block, by their first word, longest first.
POSITIONS: Final = _heads("signer_positions")
POSITION_ALT: Final = _alternation(words("signer_positions"))
#: The head of an enacting or dispatching authority's line ("CHỦ TỊCH", "THỦ TƯỚNG", "ỦY BAN").
AUTHORITY: Final = _compiled("authority_heads")
#: The head of a body's name in the issuer block ("SỞ", "CỤC", "BỘ").
BODY: Final = _compiled("subordinate_bodies")
#: The heading of an appendix or an attached text ("PHỤ LỤC", "QUY CHẾ").
APPENDIX: Final = _compiled("appendix_headings")
#: The heading of an attached text with orders of its own ("QUY CHẾ", "KẾ HOẠCH").
ATTACHED_TEXT: Final = re.compile(
    rf"(?:{_alternation([r[0] for r in rows('appendix_headings') if r[1:2] == ('text',)])})(?![\w])"
)
#: The national (or Party) motto.
MOTTO: Final = re.compile(_alternation(words("mottos")))
#: A rank before a signer's name ("Thiếu tướng", "PGS.TS.").
RANK: Final = re.compile(rf"(?:{_alternation(words('signer_ranks'))})\s{{1,3}}(?=[{UPPER}])")
#: A mark in place of a signature ("(Đã ký)").
SIGNED: Final = re.compile(rf"\(?\s{{0,3}}(?:{_alternation(words('signature_marks'))})\s{{0,3}}\)?\.?")
OPENING_ALT: Final = _alternation(words("body_openings"))
#: The openings that may also open a title in sentence case ("Thực hiện Chỉ thị số …").
TITLE_OPENING: Final = re.compile(_alternation([r[0] for r in rows("body_openings") if r[1:2] == ("title",)]))
DANGLING: Final = frozenset(w.upper() for w in words("dangling_words"))
BARE: Final = frozenset(w.upper() for w in words("bare_name_words"))
SURNAMES: Final = frozenset(w.upper() for w in words("surnames"))
PLACE_WORDS: Final = frozenset(words("place_words"))
FURNITURE: Final = tuple(w.casefold() for w in words("page_furniture"))
