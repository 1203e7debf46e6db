"""The signature block at the end of the main text, and the "Nơi nhận" list.

A block is read as a stream of words over its lines: capacity prefixes ("TM.", "KT.", "TL.") open capacity
segments, the title line begins at the first title head after the last capacity's object ("KT. BỘ TRƯỞNG,
CHỦ NHIỆM | PHÓ CHỦ NHIỆM"), and the name follows in title case (or in capitals, starting with a family name).
Where the lines break ("TM. ỦY BAN NHÂN / DÂN", "Vũ / Chiến Thắng"), whether the block sits in one table cell,
is glued to the last line of the "Nơi nhận" list or runs on into an appendix heading does not matter.
"""

from __future__ import annotations

import bisect
import re
from typing import Final, NamedTuple

from vngovdirectives.directives.lexicon import (
    APPENDIX,
    BARE_CAPACITY_ALT,
    BODY,
    CAPACITY_ALT,
    CAPACITY_BARE,
    FURNITURE,
    POSITION_ALT,
    POSITIONS,
    RANK,
    SIGNED,
    SURNAMES,
)
from vngovdirectives.directives.units import Piece, Unit, is_upper, plain, starts_lower
from vngovdirectives.text.patterns import LOWER, UPPER

__all__ = ["Block", "find_signer", "starts_block", "unit_start"]


class Block(NamedTuple):
    """A signature block: capacity line(s) ("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH"), title line, name."""

    authority: Piece | None
    position: Piece | None
    name: Piece | None
    start: int
    end: int


_TOKEN: Final = re.compile(r"[^\s()\[\]]+")
_CAPACITY_TOKEN: Final = re.compile(rf"(?P<cap>{CAPACITY_ALT})(?P<dot>\.?)(?P<rest>\S*)")
_GLUED_CAPACITY: Final = re.compile(rf"(?:{BARE_CAPACITY_ALT})\.")
#: A capacity prefix inside a line, after the end of the text before it ("- Lưu: VT, TCBC. KT. BỘ TRƯỞNG").
_MID_CAPACITY: Final = re.compile(
    rf"(?<=[\s*])(?:{BARE_CAPACITY_ALT})\.\s{{0,3}}[{UPPER}]"
    rf"|(?<=[.;:)\]*]\s)(?:{BARE_CAPACITY_ALT})\s[{UPPER}]{{2}}"
)
#: A title line glued after the end of the list before it ("- Lưu: VT. CHỦ TỊCH").
_MID_POSITION: Final = re.compile(r"(?<=[.;:)\]])[ \t*]{1,4}(?=(?:" + POSITION_ALT + r")(?![\w]))")
_BLOCK_CHARS: Final = re.compile(r"[^\d;:!?“”\"]{2,120}")
_SYLLABLE: Final = 7  # no Vietnamese syllable has more letters
#: Where a word glued to the one before may start: a capacity prefix, the first word of a title, a name.
_GLUE_HEADS: Final = re.compile(
    rf"(?:{BARE_CAPACITY_ALT})\.|(?:{'|'.join(sorted(POSITIONS, key=len, reverse=True))})"
    rf"|[{UPPER}](?=[{LOWER}])"
)
_HEAD_WORDS: Final = "|".join(sorted(POSITIONS, key=len, reverse=True))
#: What a search of the whole text finds where a signature block may start (a superset): a capacity or the
#: first word of a title head opening a line or a cell, a capacity anywhere, a title head after the end of a
#: list. Every branch opens with one literal character, so that the engine skips to the places where one of
#: them stands instead of trying the pattern at every position (the search runs over the whole main text:
#: on the real documents it halves ``find_signer``, 0.27 s to 0.14 s of some 3 s of ``extract``).
_CANDIDATE: Final = re.compile(
    "|".join(
        [
            *(re.escape(c) + rf"[ \t\r\f\v*#_|\u200b]*(?:{CAPACITY_ALT}|{_HEAD_WORDS})(?![{LOWER}])" for c in "\n|"),
            *(cap + r"(?=[.\s])" for cap in BARE_CAPACITY_ALT.split("|")),
            *(re.escape(c) + rf"(?=[ \t*]{{1,4}}(?:{_HEAD_WORDS})(?![{LOWER}]))" for c in ".;:)]"),
        ]
    )
)
_MAX_UNITS: Final = 10
_MAX_WORDS: Final = 40
_MAX_CHARS: Final = 300
_MAX_NAME: Final = 6


class _Tok(NamedTuple):
    text: str
    start: int
    end: int
    unit: int


def _tokens(text: str, s0: int, e0: int, index: int) -> list[_Tok]:
    """The words of ``text[s0:e0]``, signature marks ("(Đã ký)") left out, glued words cut apart."""
    marks = [m.span() for m in SIGNED.finditer(text, s0, e0) if m.group().strip(" ().[]")]
    out: list[_Tok] = []
    k = 0
    for m in _TOKEN.finditer(text, s0, e0):
        while k < len(marks) and marks[k][1] <= m.start():
            k += 1
        if k < len(marks) and marks[k][0] <= m.start():
            continue
        s, e = m.span()
        while s < e and text[s] == "*":
            s += 1
        while e > s and text[e - 1] == "*":
            e -= 1
        if text[s:e].strip(",.;"):
            out += [_Tok(text[a:b], a, b, index) for a, b in _unglue(text, s, e)]
    return out


def _unglue(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Cut a word that is several glued together ("PHỦKT.", "TƯỚNGPHÓ", "KT.CHỦ", "TƯỚNGNguyễn"), as a table
    cell flattened without spaces prints them; a word of one syllable is kept whole."""
    cap = _CAPACITY_TOKEN.fullmatch(text, s, e)
    if cap is not None and cap.group("dot") and cap.group("rest"):
        return [(s, cap.end("dot")), *_unglue(text, cap.start("rest"), e)]
    glued = _GLUED_CAPACITY.search(text, s + 1, e)
    if glued is not None and text[s : glued.start()].isupper():
        return [(s, glued.start()), *_unglue(text, glued.start(), e)]
    word = text[s:e]
    mixed = len(word) > 2 and word[:2].isupper() and any(c.islower() for c in word)
    if not mixed and (len(word) <= _SYLLABLE or not word.isupper()):
        return [(s, e)]
    for m in _GLUE_HEADS.finditer(text, s + 2, e):
        if m.start() - s <= _SYLLABLE and text[s : m.start()].isupper():
            return [(s, m.start()), *_unglue(text, m.start(), e)]
    return [(s, e)]


def _upper_word(tok: str) -> bool:
    """A word of the block's capital lines ("KT.", "BỘ", "Y" of "BỘ Y TẾ", "TRƯỞNG,")."""
    return _is_capacity(tok) or is_upper(tok) or (len(tok.strip(",.")) == 1 and tok[0].isupper())


def _is_capacity(tok: str) -> bool:
    m = _CAPACITY_TOKEN.fullmatch(tok)
    return m is not None and bool(m.group("dot") or (m.group("cap") in CAPACITY_BARE and not m.group("rest")))


def _head_at(words: list[str], k: int) -> int:
    """The length of the longest title head starting at word ``k`` (0 if none)."""
    if k >= len(words):
        return 0
    for head in POSITIONS.get(words[k].strip(",."), ()):
        n = len(head)
        if tuple(w.strip(",.") for w in words[k : k + n]) == head:
            return n
    return 0


def _titlecase(word: str) -> bool:
    w = word.strip(".,")
    return bool(w) and w.isalpha() and w[0].isupper() and (len(w) == 1 or w[1:].islower())


def _capitals_name(words: list[str]) -> bool:
    ws = [w.strip(".,") for w in words]
    return 2 <= len(ws) <= 5 and ws[0] in SURNAMES and all(w.isalpha() and w.isupper() for w in ws)


def starts_block(u: Unit) -> bool:
    """Whether a signature block opens unit ``u`` (a capacity, or a title head in capitals)."""
    if len(u.text) > _MAX_CHARS or not u.text[:1].isupper():
        return False
    first = u.text.split()[0].strip("*")
    glued = _CAPACITY_TOKEN.match(first)
    if _is_capacity(first) or (glued is not None and glued.group("dot") and glued.group("rest")):
        return True
    words = [w.strip("*") for w in u.text.split()]
    lead = 0
    while lead < len(words) and (words[lead].isupper() or not words[lead].strip(",.")):
        lead += 1
    if not lead or _head_at(words, 0) == 0 or not _BLOCK_CHARS.fullmatch(" ".join(words[:lead])):
        return False
    tail = [w for w in words[lead:] if w.strip("().,") and w[:1] != "("]
    name = 0
    while name < len(tail) and _titlecase(tail[name]):
        name += 1
    return name <= _MAX_NAME and all(w.isupper() for w in tail[name:]) and (name > 0 or not tail)


def find_signer(text: str, units: list[Unit], start: int) -> tuple[Block | None, int | None]:
    """The first signature block at or after ``start`` and the offset where it ends.

    Only the units where a block may start are read: those a search of the whole text finds opening with
    a capacity or a title head, or holding a glued capacity or title (the rest cannot start one)."""
    first = bisect.bisect_left(units, start, key=unit_start)
    if first >= len(units):
        return None, None
    found = _block_in(text, units, first)
    if found is not None:
        return found, found.end
    tried = {first}
    for m in _CANDIDATE.finditer(text, max(0, units[first].start - 1)):
        i = bisect.bisect_right(units, m.end() - 1, key=unit_start) - 1
        if i in tried or i < first:
            continue
        tried.add(i)
        found = _block_in(text, units, i)
        if found is not None:
            return found, found.end
    return None, None


def unit_start(u: Unit) -> int:
    """The start of ``u`` (a key for binary searches over units)."""
    return u.start


def _block_in(text: str, units: list[Unit], i: int) -> Block | None:
    """The signature block that starts in unit ``i``, if any."""
    for at in _block_starts(text, units[i]):
        signer = _read_block(text, units, i, at)
        if signer is not None:
            return signer
    return None


def _block_starts(text: str, u: Unit) -> list[int]:
    """Where a signature block may start in unit ``u``: at its start, or after the text it is glued to."""
    out = [u.start] if starts_block(u) else []
    lo = max(u.start + 1, u.end - _MAX_CHARS)  # a block glued to a long line sits at its end
    m = _MID_CAPACITY.search(text, lo, u.end)
    if m is not None:
        out.append(m.start())
    m = _MID_POSITION.search(text, lo, u.end)
    if m is not None:
        out.append(m.end())
    return out


def _stream(text: str, units: list[Unit], i: int, at: int) -> list[_Tok]:
    """The words of the block's lines, from ``at`` in unit ``i``, over at most a few short lines."""
    out: list[_Tok] = []
    for j in range(i, min(len(units), i + _MAX_UNITS)):
        u = units[j]
        if u.end - max(at, u.start) > _MAX_CHARS:
            break
        if u.rule or u.text.casefold().startswith(FURNITURE):
            continue
        out += _tokens(text, at if j == i else u.start, u.end, j)
    return out


def _read_block(text: str, units: list[Unit], i: int, at: int) -> Block | None:
    toks = _stream(text, units, i, at)
    k = 0
    while k < len(toks) and _upper_word(toks[k].text) and k < _MAX_WORDS:
        if k and toks[k].unit != toks[k - 1].unit and _appendix_at(units[toks[k].unit].text):
            break
        k += 1
    upper, rest = toks[:k], toks[k:]
    if upper and not _BLOCK_CHARS.fullmatch(plain(text[upper[0].start : upper[-1].end])[:120]):
        return None
    rank = RANK.match(text, rest[0].start) if rest else None
    if rank is not None:
        rest = [t for t in rest if t.start >= rank.end()]
    name = _name(units, rest) or (_capitals_after_rank(rest) if rank is not None else [])
    if not name:
        upper, name = _name_in_capitals(upper)
    return _signer(text, upper, name)


def _appendix_at(line: str) -> bool:
    return APPENDIX.match(line) is not None


def _name(units: list[Unit], rest: list[_Tok]) -> list[_Tok]:
    """The title-case words that follow the block: a name, possibly broken over lines; a last word that starts
    the sentence after it ("Mai Sơn Quyết định 451/QĐ-UBND …", "Phụ / lục") is not part of it."""
    k = 0
    while k < len(rest) and k < _MAX_NAME + 1 and _titlecase(rest[k].text):
        if k and rest[k].unit != rest[k - 1].unit and not _line_of_name(units, rest[k].unit):
            break
        k += 1
    if k > _MAX_NAME:
        return []
    after = rest[k] if 0 < k < len(rest) else None
    word = after.text.rstrip(":.,;") if after is not None else ""
    if starts_lower(word) and len(word) > 1 and word.isalpha():
        k -= 1  # the last word starts the sentence that follows ("… Mai Sơn Quyết định 451/QĐ-UBND …")
    return rest[:k] if k >= 2 else []


def _line_of_name(units: list[Unit], j: int) -> bool:
    """Line ``j`` may continue a name: it begins with title-case words, followed by nothing or by a heading in
    capitals ("Thiện PHỤ LỤC I"), and a lone word is not the start of a sentence on the next line ("Phụ / lục")."""
    words = [w.strip("*") for w in units[j].text.split()]
    lead = 0
    while lead < len(words) and _titlecase(words[lead]):
        lead += 1
    if not lead or (lead < len(words) and not words[lead].isupper()):
        return False
    return lead > 1 or lead < len(words) or j + 1 >= len(units) or not starts_lower(units[j + 1].text)


def _capitals_after_rank(rest: list[_Tok]) -> list[_Tok]:
    """A name in capitals after a rank ("Thiếu tướng / NGUYỄN VĂN HƯNG")."""
    k = 0
    while k < len(rest) and k < 5 and rest[k].text.isupper():
        k += 1
    return rest[:k] if _capitals_name([t.text for t in rest[:k]]) else []


def _name_in_capitals(upper: list[_Tok]) -> tuple[list[_Tok], list[_Tok]]:
    """A name printed in capitals on its own line(s) at the end of the block ("NGUYỄN VĂN AN")."""
    for k in range(max(1, len(upper) - 5), len(upper) - 1):
        if upper[k].unit != upper[k - 1].unit:
            tail = upper[k:]
            if len({t.unit for t in tail}) <= 2 and _capitals_name([t.text for t in tail]):
                return upper[:k], tail
    return upper, []


def _signer(text: str, upper: list[_Tok], name: list[_Tok]) -> Block | None:
    words = [t.text for t in upper]
    caps = [k for k, w in enumerate(words) if _is_capacity(w)]
    if not caps and not any(_head_at(words, k) for k in range(len(words))):
        return None  # neither a capacity nor a title: not a signature
    pos = _position_start(words, caps[-1] if caps else None)
    authority = _join(upper[caps[0] : pos]) if caps else None
    position = _join(upper[pos:])
    person = _join(name)
    if person is None and not (authority and position):
        return None
    if authority is None and position is None:
        return None
    parts = [p for p in (authority, position, person) if p is not None]
    return Block(authority, position, person, parts[0].start, parts[-1].end)


def _position_start(words: list[str], cap: int | None) -> int:
    """Where the title line begins: the first title head after the capacity's object (a head after a comma or
    "VÀ" is part of a joint title: "KT. BỘ TRƯỞNG, CHỦ NHIỆM"); a deputy's title ("PHÓ …", "THỨ …") starting a
    later line wins over a title read before it ("TL. CỤC TRƯỞNG / TRƯỞNG BAN … / PHÓ TRƯỞNG BAN")."""
    if cap is None:
        k = 0
        while k < len(words) and not _head_at(words, k):
            k += 1
        return k if k < len(words) else 0
    k = cap + 1
    k += max(_head_at(words, k), 1)
    while k < len(words):
        n = _head_at(words, k)
        whole = " ".join(words[cap + 1 : k])
        bare = BODY.fullmatch(whole) is not None  # "T/M BAN | BÍ THƯ": the object is "BAN BÍ THƯ"
        if n and not bare and not words[k - 1].endswith(",") and words[k - 1] != "VÀ":
            deputy = next((d for d in range(k + n, len(words)) if words[d] in ("PHÓ", "THỨ")), None)
            return deputy if deputy is not None and words[k] not in ("PHÓ", "THỨ") else k
        k += max(n, 1)
    return len(words)


def _join(toks: list[_Tok]) -> Piece | None:
    if not toks:
        return None
    value = " ".join(t.text for t in toks).strip(" ,")
    return Piece(value, toks[0].start, toks[-1].end)
