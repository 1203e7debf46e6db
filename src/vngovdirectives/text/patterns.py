"""Regular-expression pieces shared by every parser and scanner, and the years text may name.

Every pattern of the library is built from these pieces, so "one to three spaces between two
words" means the same everywhere. Word lists come from :mod:`vngovdirectives.text.vocab` and are
turned into alternations here: :func:`alternation` for a plain list, :func:`trie` when a scanner
tries the list at every position (each branch then starts with one literal letter), and
:func:`reversed_trie` for the patterns that read leftwards on a reversed text.

>>> import re
>>> re.fullmatch(trie(["hạn", "hạn chót"]), "hạn chót") is not None
True
>>> reversed_trie(["Số", "Số hiệu"])
'(?:uệih\\\\s{1,3}ốs|ốs)'
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Final

from vngovdirectives.text.vocab import rows

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "BARE_YEAR_MIN",
    "BODY_HEADS",
    "LOWER",
    "MAX_YEAR",
    "MIN_YEAR",
    "S0",
    "UPPER",
    "H",
    "S",
    "alternation",
    "listed",
    "plausible_year",
    "reversed_trie",
    "trie",
]

#: One to three white-space characters: the gap between two words.
S: Final = r"\s{1,3}"
#: Zero to three white-space characters: the optional gap around punctuation.
S0: Final = r"\s{0,3}"
#: One horizontal white-space character (not a line break).
H: Final = r"[^\S\n]"
#: The letters of Vietnamese in lower and in upper case, as the body of a character class
#: ("[{LOWER}]"). A range of code points from "à" (or "À") to "ỹ" is no such class: it holds both
#: cases ("Đ", "Ủ" and "ạ", "đ" alike).
LOWER: Final = "a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
UPPER: Final = "A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"

#: The years a text may name: in a document number's symbol, a date, a period, a title or a target.
MIN_YEAR: Final = 1900
MAX_YEAR: Final = 2100
#: The earliest year a four-digit number standing alone ("năm" or a serial aside) is read as.
BARE_YEAR_MIN: Final = 1945


def plausible_year(year: int) -> bool:
    """Whether ``year`` is one a text may name (:data:`MIN_YEAR` to :data:`MAX_YEAR`)."""
    return MIN_YEAR <= year <= MAX_YEAR


def alternation(words: Iterable[str], space: str = S, *, capital: bool = False) -> str:
    """``(?:w1|w2|…)`` of ``words`` in their order (the regex engine tries them in turn, so a word
    listed before its own extension wins over it), each escaped, a space standing for ``space``;
    with ``capital``, a word's first letter may also be a capital ("[Yy]êu cầu")."""
    escaped = []
    for word in dict.fromkeys(words):
        rest = re.escape(word[1:] if capital else word).replace(r"\ ", space)
        escaped.append(f"[{word[0].upper()}{word[0]}]{rest}" if capital else rest)
    return "(?:" + "|".join(escaped) + ")"


def listed(name: str, space: str = S) -> str:
    """:func:`alternation` of the vocabulary list ``name``; an entry whose second column is
    ``word`` must end where a word ends ("ha" of hectares, not the start of "hai")."""
    parts = []
    for row in dict.fromkeys(rows(name)):
        part = re.escape(row[0]).replace(r"\ ", space)
        parts.append(part + r"(?!\w)" if row[1:2] == ("word",) else part)
    return "(?:" + "|".join(parts) + ")"


def trie(words: Iterable[str], space: str = r"\ ") -> str:
    """An alternation of ``words`` as a trie: "(?:h(?:ạn(?:\\ chót)?)|…)"; ``space`` stands for a space.

    At each letter the engine tries only the branches that go on with the next letter, each led
    by a plain literal (skipped at once when it does not fit), instead of every word in turn. A
    word that goes on into a longer one is tried longest first, as in a list sorted by length.
    """
    tree: dict[str, dict[str, Any]] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(space if ch == " " else re.escape(ch), {})
        node[""] = {}  # a word ends here

    def branches(node: dict[str, Any]) -> str:
        alts = [token + branches(child) for token, child in sorted(node.items()) if token]
        if not alts:
            return ""
        if "" not in node and len(alts) == 1:
            return alts[0]
        return "(?:" + "|".join(alts) + ("|" if "" in node else "") + ")"

    return branches(tree)


def reversed_trie(words: Iterable[str]) -> str:
    """:func:`trie` of ``words`` lower-cased and spelled backwards, spaces as 1-3 blanks: the
    pattern that reads them leftwards on a reversed lower-cased text."""
    return trie({w.lower()[::-1] for w in words}, r"\s{1,3}")


def _body_words(name: str) -> str:
    # a space in an entry stands for any short run of white space ("Sở Khoa học\nvà Công nghệ")
    return alternation((r[0] for r in rows(name)), S)


#: Words that start the name of a body or an office holder ("UBND tỉnh", "Sở Y tế", "Thủ tướng"):
#: a head that stands alone, or one that needs a proper name (a capital) or a place word after it
#: ("Ban Dân tộc", "Sở tỉnh" — not "Ban hành"). Read by the directive parsers (assignees) and by
#: the references (the body a sentence says issued a document).
BODY_HEADS: Final = (
    rf"{_body_words('body_heads_standalone')}(?=[\s,.;:]|$)"
    rf"|{_body_words('body_heads_named')}(?=\s{{1,2}}(?:[{UPPER}]|{_body_words('body_head_followers')}(?![\w])))"
)
