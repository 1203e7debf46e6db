"""The Vietnamese vocabulary of the library, kept as data.

Each word list lives in one file, ``data/vocab/NAME.txt``: one entry a line, ``#`` starts a
comment, and a file opens with a comment that says what the list is for and where its words come
from. A line may hold a word and a value separated by a tab (:func:`table`). The parsers and the
scanners build their patterns from these lists (:mod:`vngovdirectives.text.patterns`), so a word
added here is read everywhere it belongs; patterns that read leftwards compute their reversed
copies, nobody spells a word backwards by hand.

>>> words("number_words")[:3]
('một', 'hai', 'ba')
>>> table("number_words")["mười"]
'10'
"""

from __future__ import annotations

import functools
from importlib import resources

__all__ = ["rows", "table", "words"]


@functools.cache
def _lines(name: str) -> tuple[tuple[str, ...], ...]:
    text = resources.files("vngovdirectives").joinpath(f"data/vocab/{name}.txt").read_text(encoding="utf-8")
    rows: list[tuple[str, ...]] = []
    for line in text.splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            rows.append(tuple(part.strip() for part in entry.split("\t")))
    return tuple(rows)


def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The lines of the list ``name``, each split at its tabs."""
    return _lines(name)


def words(name: str) -> tuple[str, ...]:
    """The entries of the list ``name`` (the first column), in file order."""
    return tuple(row[0] for row in _lines(name))


def table(name: str) -> dict[str, str]:
    """The list ``name`` as a mapping from its first column to its second."""
    return {row[0]: row[1] for row in _lines(name) if len(row) > 1}
