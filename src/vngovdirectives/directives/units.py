"""Units of a page (lines, further cut at the "|" of a flattened table) and small tests on them.

A unit keeps offsets into the caller's text; its ``text`` is the content with the decoration real pages add
(markdown asterisks and "#", underscores, a rule glued to a name) trimmed from both ends.
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

from vngovdirectives.directives.lexicon import BARE, DANGLING

__all__ = [
    "Piece",
    "Unit",
    "dangles",
    "is_upper",
    "last_word",
    "piece",
    "plain",
    "split_units",
    "starts_lower",
]

_EDGE: Final = " \t\r\f\v*#_|\u200b"
_RULE_CHARS: Final = "-_=.…"
_EDGE_OR_RULE: Final = _EDGE + _RULE_CHARS
_RULE_HEAD: Final = re.compile(r"^\s{0,3}[-_=.…]{3,}")
_RULE: Final = re.compile(r"[-_=*.…\s|]{3,}")
_RULE_MARK: Final = re.compile(r"[-_=]{3}")
_LINE: Final = re.compile(r"[^\n]+")
_CELL: Final = re.compile(r"[^|]+")
#: Only so much of a unit is looked at to tell whether it is written in capitals (a header line is short).
_UPPER_SPAN: Final = 600
_WS: Final = re.compile(r"\s+")
_WORD: Final = re.compile(r"[^\s,;:.()]+")


class Unit(NamedTuple):
    """``text`` is the trimmed content of the caller's ``source[start:end]``; a rule line has ``rule=True``.
    (A named tuple: a long text has as many units as lines, and they are made in one pass.)"""

    start: int
    end: int
    text: str
    rule: bool = False


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    seg = text[start:end]
    start, end = start + len(seg) - len(seg.lstrip(_EDGE)), start + len(seg.rstrip(_EDGE))
    seg = text[start:end]
    body = seg.rstrip(" \t\r").rstrip(_RULE_CHARS)
    if len(seg) - len(body) >= 3 and body.strip(" \t\r"):  # a rule glued to the end: "CHÍNH PHỦ-------"
        end = start + len(body.rstrip(_EDGE))
    m = _RULE_HEAD.match(text, start, end)
    if m is not None and m.end() < end:
        seg = text[m.end() : end]
        start = end - len(seg.lstrip(_EDGE))
    return start, end


def _cell(text: str, s: int, e: int, out: list[Unit]) -> None:
    if text[s] not in _EDGE_OR_RULE and text[e - 1] not in _EDGE_OR_RULE:  # the common case: nothing to trim
        out.append(Unit(s, e, text[s:e]))
        return
    a, b = _trimmed(text, s, e)
    if _RULE.fullmatch(text, s, e) and _RULE_MARK.search(text, s, e):
        out.append(Unit(s, e, "", rule=True))
    elif b > a:
        out.append(Unit(a, b, text[a:b]))


def split_units(text: str) -> list[Unit]:
    """Every non-empty line of ``text`` cut at "|"; a rule line ("-------"; "* *" counts as empty) is kept as a
    unit with ``rule=True`` so that readers can see where a block ends."""
    out: list[Unit] = []
    for m in _LINE.finditer(text):
        s, e = m.span()
        if text.find("|", s, e) < 0:
            _cell(text, s, e, out)
            continue
        for c in _CELL.finditer(text, s, e):
            _cell(text, c.start(), c.end(), out)
    return out


def plain(piece: str) -> str:
    """Asterisks gone, whitespace collapsed, trimmed."""
    return _WS.sub(" ", piece.replace("*", " ")).strip()


def is_upper(piece: str, share: float = 0.85) -> bool:
    """Most letters upper case (a header line, a title line, a capacity line)."""
    letters = upper = 0
    for ch in piece[:_UPPER_SPAN]:
        if ch.isalpha():
            letters += 1
            upper += ch.isupper()
    return letters >= 2 and upper >= share * letters


def starts_lower(piece: str) -> bool:
    """The first letter is lower case (the line continues a sentence)."""
    for ch in piece:
        if ch.isalpha():
            return ch.islower()
        if ch.isdigit():
            return False
    return False


def last_word(piece: str) -> str:
    """The last word (upper-cased), or the trailing mark when the text ends with "," "-" "&"."""
    piece = piece.rstrip(" \t\r*")
    if piece and piece[-1] in ",-–&":
        return piece[-1]
    words = _WORD.findall(piece[-60:])
    return words[-1].upper() if words else ""


def dangles(piece: str, *, names: bool = True) -> bool:
    """The text cannot end here: its last word needs the next line ("THUỘC THẨM QUYỀN CỦA"; with ``names``, also
    a name printed in capitals broken after a bare head: "ỦY BAN NHÂN", "BỘ")."""
    word = last_word(piece)
    return word in DANGLING or (names and word in BARE and is_upper(piece[-30:]))


class Piece(NamedTuple):
    """A value read from ``text[start:end]`` of the page (``value`` with asterisks gone and white
    space collapsed)."""

    value: str
    start: int
    end: int


def piece(text: str, start: int, end: int) -> Piece:
    """The piece ``text[start:end]``."""
    return Piece(plain(text[start:end]), start, end)
