"""The words that lead a deadline, as one table read forwards by the parser and backwards by the scanner.

The table is ``data/vocab/deadline_leads.txt``: a kind and a lead per line, in a small syntax
(words; ``[x]`` optional; ``(x|y)`` one of; ``…`` a short gap within the clause; ``:`` a colon, or
the bar between a table row's cells).
:func:`forward` makes the pattern that reads a lead at the start of a phrase
(:func:`vngovdirectives.deadlines.parse_deadline`); :func:`backward` the one that finds a lead
ending right before a date (:mod:`vngovdirectives.deadlines.scan`); :func:`last_words` the words
a lead can end with, which the scanner tests first with ``str.endswith``.

>>> import re
>>> re.match(forward("no_later_than"), "chậm nhất vào ngày 25/4/2019").group()
'chậm nhất vào '
>>> re.search(backward("before"), "hoàn thành trước ").group()
'trước '
>>> sorted(last_words("within"))
['hết', 'trong', 'vào']
"""

from __future__ import annotations

import functools
import re
from typing import Final

from vngovdirectives.text.patterns import S0, S
from vngovdirectives.text.vocab import rows

__all__ = ["ANCHOR", "KINDS", "backward", "forward", "last_words", "lead"]

#: The kinds of lead in the table.
KINDS: Final = ("no_later_than", "before", "within", "from", "relative", "effective", "effective_after", "expiry")
#: What introduces the event a relative limit counts from: "kể từ ngày nhận", "tính từ ngày ký".
ANCHOR: Final = rf"(?:kể|tính){S}từ{S}"
_GAP: Final = r"[^.;\n\d]{0,30}?"
_TOKEN: Final = re.compile(
    r"\s*(?:(?P<open>[(\[])|(?P<close>[)\]])|(?P<bar>\|)|(?P<gap>…)|(?P<colon>:)|(?P<word>[^\s()\[\]|…:]+))"
)

# A parsed lead is a sequence of items: ("word", text), ("colon",), ("gap",), or
# ("group", optional, alternatives), each alternative itself a sequence.
_Item = tuple[object, ...]


def _parse(tokens: list[tuple[str, str]], pos: int, closer: str | None) -> tuple[list[list[_Item]], int]:
    """Alternatives up to ``closer`` (None: the end); returns them and the position after the closer."""
    alts: list[list[_Item]] = [[]]
    while pos < len(tokens):
        kind, text = tokens[pos]
        pos += 1
        if kind == "close":
            if text != closer:
                raise ValueError(f"unbalanced {text!r} in a deadline lead")
            return alts, pos
        if kind == "bar":
            alts.append([])
        elif kind == "open":
            inner, pos = _parse(tokens, pos, ")" if text == "(" else "]")
            alts[-1].append(("group", text == "[", inner))
        else:
            alts[-1].append((kind, text))
    if closer is not None:
        raise ValueError("a group of a deadline lead is not closed")
    return alts, pos


def _items(lead: str) -> list[_Item]:
    tokens = [(m.lastgroup or "", m.group().strip()) for m in _TOKEN.finditer(lead) if m.group().strip()]
    alts, _ = _parse(tokens, 0, None)
    if len(alts) != 1:
        return [("group", False, alts)]
    return alts[0]


def _regex(items: list[_Item]) -> str:
    """The pattern of a sequence: words one to three blanks apart (a colon zero to three, a gap
    none); an optional part carries its own blank, after it at the start, before it elsewhere."""
    out = ""
    written = False  # whether anything before the current item takes a blank after it
    for item in items:
        body = _body(item)
        sep = _blank_before(item) if written else ""
        if item[0] == "group" and item[1]:  # optional
            out += f"(?:{sep}{body})?" if written else f"(?:{body}{_blank_before(item) and S})?"
        else:
            out += sep + body
            written = item[0] != "gap"
        if item[0] == "gap":
            written = False
    return out


def _blank_before(item: _Item) -> str:
    """The blank that separates ``item`` from what precedes it."""
    first = item
    while first[0] == "group":
        alts = first[2]
        assert isinstance(alts, list)
        if not alts or not alts[0]:
            return S
        first = alts[0][0]
    return {"gap": "", "colon": S0}.get(str(first[0]), S)


def _body(item: _Item) -> str:
    kind = item[0]
    if kind == "word":
        return re.escape(str(item[1]))
    if kind == "colon":
        return "[:|]"  # a field's label and value: "Ngày hiệu lực: …", or a table row "| Ngày hiệu lực | … |"
    if kind == "gap":
        return _GAP
    alts = item[2]
    assert isinstance(alts, list)
    return "(?:" + "|".join(_regex(alt) for alt in alts) + ")"


def _ends(items: list[_Item]) -> set[str]:
    """The words (or ":") a sequence can end with."""
    found: set[str] = set()
    for item in reversed(items):
        kind = item[0]
        if kind == "word":
            found.add(str(item[1]))
            return found
        if kind == "colon":
            found |= {":", "|"}
            return found
        if kind == "group":
            alts = item[2]
            assert isinstance(alts, list)
            for alt in alts:
                found |= _ends(alt)
            if not item[1]:
                return found
    return found


@functools.cache
def _leads(kind: str) -> tuple[list[_Item], ...]:
    if kind not in KINDS:
        raise ValueError(f"unknown kind of deadline lead: {kind!r}")
    return tuple(_items(row[1]) for row in rows("deadline_leads") if row[0] == kind)


@functools.cache
def lead(kind: str) -> str:
    """The pattern of a lead of ``kind`` alone."""
    return "(?:" + "|".join(_regex(items) for items in _leads(kind)) + ")"


@functools.cache
def forward(kind: str) -> str:
    """The pattern of a lead of ``kind`` at the start of a phrase, with the blank after it."""
    return rf"{lead(kind)}(?:{S}|$)"


@functools.cache
def backward(kind: str, group: str | None = None) -> str:
    """The pattern of a lead of ``kind`` ending right before a position (``search`` it up to there);
    the lead itself is the named group ``group`` when one is given."""
    body = lead(kind) if group is None else f"(?P<{group}>{lead(kind)})"
    return rf"{body}{S0}:?{S0}$"


@functools.cache
def last_words(kind: str) -> frozenset[str]:
    """The words (and ":") a lead of ``kind`` can end with."""
    found: set[str] = set()
    for items in _leads(kind):
        found |= _ends(items)
    return frozenset(found)
