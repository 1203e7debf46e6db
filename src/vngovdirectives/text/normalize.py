r"""Normalisation: one folded form of the text, with a map back to the caller's string.

Real text arrives with decomposed (NFD) Vietnamese, a dozen dash look-alikes, full-width
punctuation, the Icelandic "Ð" standing in for "Đ", non-breaking spaces and Windows line ends. :func:`normalize`
folds all of these into one form and keeps a map from every position of the folded text back
to the caller's string, so finders can report spans in the original.

>>> n = normalize("Nghị định 61/2018/NĐ\u2013CP")
>>> n.text
'Nghị định 61/2018/NĐ-CP'
>>> s = "Nghi\u0323"            # "Nghị" written in NFD: 5 code points for 4 letters
>>> n = normalize(s)
>>> n.text, n.source_span(0, 4)
('Nghị', (0, 5))
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

import attrs

__all__ = ["DASHES", "Normalized", "fold_char_table", "lowered", "normalize"]

#: Every dash-like code point that real documents use between the parts of a number or a range.
DASHES: Final = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d\u00ad"
_SLASHES: Final = "\u2044\u2215\uff0f\u29f8"
_SPACES: Final = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"


_CYRILLIC: Final = "АВЕКМНОРСТХаеорсхуіј"
_LATIN_TWINS: Final = "ABEKMHOPCTXaeopcxyij"


def fold_char_table() -> dict[int, str]:
    """The one-to-one character folding applied by :func:`normalize` (a fresh dict each call)."""
    table: dict[int, str] = {}
    table.update(dict.fromkeys(map(ord, DASHES), "-"))
    table.update(dict.fromkeys(map(ord, _SLASHES), "/"))
    table.update(dict.fromkeys(map(ord, _SPACES), " "))
    table[0x00D0] = "Đ"  # Icelandic Eth looks exactly like Đ and is common in legal sites
    table[0x00F0] = "đ"
    table[0x200B] = " "  # zero-width space: keep length, drop meaning
    table[0xFEFF] = " "  # stray byte-order mark
    # Cyrillic letters that look exactly like Latin ones, pasted into symbols ("16495/BТС-PTHT" with
    # Cyrillic Т and С): Vietnamese text has no other use for them.
    table.update({ord(c): latin for c, latin in zip(_CYRILLIC, _LATIN_TWINS, strict=True)})
    # Full-width ASCII (U+FF01..U+FF5E) -> ASCII, except the dash handled above.
    for cp in range(0xFF01, 0xFF5F):
        table.setdefault(cp, chr(cp - 0xFEE0))
    return table


_FOLD: Final = fold_char_table()
_FOLD_RE: Final = re.compile("[" + re.escape("".join(map(chr, _FOLD))) + "]")


def _fold(text: str) -> str:
    # Few distinct characters need folding in any one text: find which, then let str.replace
    # (a C loop per character kind) do the work; str.translate with a dict is several times slower.
    for ch in set(_FOLD_RE.findall(text)):
        text = text.replace(ch, _FOLD[ord(ch)])
    if "\r" in text:  # Windows and old Mac line ends, position for position: "\r\n" -> " \n", "\r" -> "\n"
        text = text.replace("\r\n", " \n").replace("\r", "\n")
    return text


@attrs.frozen(slots=True)
class Normalized:
    """A normalised text and the way back to the source string.

    ``offsets`` has ``len(text) + 1`` entries when the normalisation changed lengths (NFD input);
    it is empty when every character kept its position, which is the common case.
    """

    text: str
    source: str
    offsets: tuple[int, ...] = ()

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Span in :attr:`source` covering ``text[start:end]``."""
        if not self.offsets:
            return start, end
        return self.offsets[start], self.offsets[end]


def normalize(source: str) -> Normalized:
    """NFC-compose ``source`` and fold look-alike characters, keeping a map back to ``source``."""
    if unicodedata.is_normalized("NFC", source):
        return Normalized(_fold(source), source)
    # Decomposed input: compose cluster by cluster (a base character and the combining marks
    # after it), so every output character knows which source characters it came from.
    out: list[str] = []
    offsets: list[int] = []
    n = len(source)
    i = 0
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(source[j]):
            j += 1
        piece = unicodedata.normalize("NFC", source[i:j])
        out.append(piece)
        offsets.extend([i] * len(piece))
        i = j
    offsets.append(n)
    return Normalized(_fold("".join(out)), source, tuple(offsets))


def lowered(text: str) -> str:
    """``text`` in lower case, position for position (the few characters that lower-case to two
    are left as they are), so a match in it is a match at the same place in ``text``."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
    return low
