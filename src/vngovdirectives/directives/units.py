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
_RULE_HEAD: Final = re.compile(r"^\s{0,3}[-_=.…]{3,}")
_RULE: Final = re.compile(r"[-_=*.…\s|]{3,}")
_RULE_MARK: Final = re.compile(r"[-_=]{3}")
#: Only so much of a unit is looked at to tell whether it is written in capitals (a header line is short).
_UPPER_SPAN: Final = 600
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


def _cell(text: str, seg: str, s: int, out: list[Unit]) -> None:
    """The unit of ``seg`` (``text[s:s + len(seg)]``), trimmed; a rule line kept as a rule."""
    core = seg.strip(_EDGE)
    if not core and "_" not in seg:
        return
    if core and core[0] not in _RULE_CHARS and len(core) - len(core.rstrip(_RULE_CHARS)) < 3:  # the common case
        a = s + len(seg) - len(seg.lstrip(_EDGE))
        out.append(Unit(a, a + len(core), core))
        return
    e = s + len(seg)
    a, b = _trimmed(text, s, e)
    if _RULE.fullmatch(text, s, e) and _RULE_MARK.search(text, s, e):
        out.append(Unit(s, e, "", rule=True))
    elif b > a:
        out.append(Unit(a, b, text[a:b]))


def split_units(text: str) -> list[Unit]:
    """Every non-empty line of ``text`` cut at "|"; a rule line ("-------"; "* *" counts as empty) is kept as a
    unit with ``rule=True`` so that readers can see where a block ends."""
    out: list[Unit] = []
    pos = 0
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        if not line:
            continue
        if "|" not in line:
            _cell(text, line, start, out)
            continue
        for cell in line.split("|"):
            if cell:
                _cell(text, cell, start, out)
            start += len(cell) + 1
    return out


def plain(piece: str) -> str:
    """Asterisks gone, whitespace collapsed, trimmed."""
    return " ".join(piece.replace("*", " ").split())


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
