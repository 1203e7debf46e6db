"""The cue words of ``data/vocab/relation_cues.txt``, read and compiled once.

A cue phrase is written in a small language (the head of the data file says it in full): a space
is any run of white space, ``[a|b|]`` lists alternatives (an empty one makes the group optional),
``…`` is a gap of at most 100 characters inside one sentence that never crosses a reference. Every
quantifier of the compiled patterns is a single character class or bounded, so matching stays
linear in the text.

>>> phrase_regex("đã [triển khai|] thực hiện")
'đã(?:\\\\s+triển\\\\s+khai|)\\\\s+thực\\\\s+hiện'
>>> [(c.relation.value, c.where.value, c.gap) for c in CUES if c.phrase == "thay thế"]
[('replaces', 'leads', 300), ('replaces', 'before', 60)]
"""

from __future__ import annotations

import enum
import itertools
import re
import unicodedata
from typing import TYPE_CHECKING, Final

import attrs

from vngovdirectives.errors import VocabularyError
from vngovdirectives.references.relation.model import Relation
from vngovdirectives.text.patterns import trie
from vngovdirectives.text.vocab import rows

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

__all__ = [
    "CUES",
    "INSIDE",
    "MASK",
    "MODAL",
    "OPENERS",
    "OTHERS",
    "SUBJECT",
    "TITLE",
    "Cue",
    "CueSet",
    "Genre",
    "Where",
    "compile_cues",
    "cue_of",
    "load_cues",
    "phrase_regex",
]


class Where(enum.Enum):
    """Where a cue must stand (the ``where`` column of the data file)."""

    OPENS = "opens"
    SENTENCE = "sentence"
    LEADS = "leads"
    BEFORE = "before"
    THROUGH = "through"
    AFTER = "after"
    INSIDE = "inside"
    TITLE = "title"
    SUBJECT = "subject"
    MODAL = "modal"


class Genre(enum.Enum):
    """A document (a decision, a plan, a letter …) or a page that reports documents (news, a bulletin)."""

    DOCUMENT = "document"
    NEWS = "news"


@attrs.frozen(slots=True)
class Cue:
    """One row of the cue table."""

    relation: Relation
    phrase: str
    where: Where
    genre: Genre | None  # None: any
    gap: int
    comment: str


#: Stands in for every character of a reference span in the text the cues are matched against.
MASK: Final = "\ue000"
_GAP: Final = rf"[^.;!?|{MASK}]{{0,100}}?"  # never across a sentence end, a table cell or a reference
_TOKEN: Final = re.compile(r"(\[[^\]]*\]|…| )")


def load_cues(name: str = "relation_cues") -> tuple[Cue, ...]:
    """The cue rows of the vocabulary table ``name``, in file order (where two cues start at one
    place, the first wins).

    Raises:
        VocabularyError: a row is malformed.
    """
    cues: list[Cue] = []
    for row in rows(name):
        try:
            relation, phrase, where, genre, gap, comment = row
            if not phrase or phrase[0] in " …" or phrase.count("[") != phrase.count("]"):
                raise ValueError(f"malformed cue {phrase!r}")
            cue = Cue(
                Relation(relation),
                unicodedata.normalize("NFC", phrase),
                Where(where),
                None if genre == "any" else Genre(genre),
                int(gap),
                comment,
            )
        except ValueError as exc:
            raise VocabularyError(f"{name}: {exc} in row {row!r}") from None
        cues.append(cue)
    return tuple(cues)


#: A tone mark placed on the first vowel of "oa", "oe", "uy" (the new way: "hóa", "hủy") or on the
#: second (the old way: "hoá", "huỷ"), as decomposed text spells them.
_TONE_PAIR: Final = re.compile("([oOuU])([\u0300\u0301\u0303\u0309\u0323])([aAeEyY])")


def _spellings(word: str) -> list[str]:
    """``word`` as written and, when it has one, with its tone mark placed the other way."""
    nfd = unicodedata.normalize("NFD", word)
    other = unicodedata.normalize("NFC", _TONE_PAIR.sub(r"\1\3\2", nfd))
    return [word] if other == word else [word, other]


def _word(piece: str) -> str:
    forms = _spellings(piece)
    return re.escape(forms[0]) if len(forms) == 1 else "(?:" + "|".join(map(re.escape, forms)) + ")"


def _literal(token: str) -> str:
    return r"(?:\s*,\s*|\s+)".join(_word(piece) for piece in token.split(","))  # the comma is often lost


def _group(words: list[str], optional: bool, space: str) -> str:
    """An alternative group; an optional one carries its adjoining space ("đã[ triển khai] thực hiện")."""
    if not optional:
        return "(?:" + "|".join(words) + ")"
    if space == "before":
        return "(?:" + "|".join(r"\s+" + w for w in words) + "|)"
    if space == "after":
        return "(?:" + "|".join(w + r"\s+" for w in words) + "|)"
    return "(?:" + "|".join(words) + "|)"


def phrase_regex(phrase: str) -> str:
    """The regex of a cue phrase (spaces, ``[a|b|]`` alternatives, ``…`` gaps), without boundaries."""
    tokens = [t for t in _TOKEN.split(phrase.replace(", ", ",")) if t]
    out: list[str] = []
    leading = True  # only optional groups emitted so far
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok == " ":
            out.append(r"\s+")
        elif tok == "…":
            out.append(_GAP)
        elif tok.startswith("["):
            alts = tok[1:-1].split("|")
            words = [phrase_regex(a) for a in alts if a]
            optional = "" in alts
            if optional and out and out[-1] == r"\s+" and not leading:
                out[-1] = _group(words, True, "before")
            elif optional and leading and tokens[i + 1 : i + 2] == [" "]:
                out.append(_group(words, True, "after"))
                i += 2
                continue
            else:
                out.append(_group(words, optional, ""))
        else:
            out.append(_literal(tok))
        leading = False
        i += 1
    return "".join(out)


def _bounded(phrase: str) -> str:
    head = r"(?<!\w)" if phrase[0].isalnum() or phrase[0] == "[" else ""
    tail = r"(?!\w)" if phrase[-1].isalnum() or phrase[-1] == "]" else ""
    return head + phrase_regex(phrase) + tail


def _tokens(phrase: str) -> list[str]:
    return [t for t in _TOKEN.split(phrase.replace(", ", ",")) if t and t != " "]


def _prefixes(tokens: list[str], n: int) -> set[str]:
    """The first ``n`` words (lower case, space-separated) a match of the phrase ``tokens`` can
    start with; fewer where a gap, or the phrase's end, comes first."""
    if n == 0 or not tokens or tokens[0] == "…":
        return {""}
    tok, rest = tokens[0], tokens[1:]
    if tok.startswith("["):
        return set().union(*(_prefixes(_tokens(alt) + rest, n) for alt in tok[1:-1].split("|")))
    words = [w.lower() for w in tok.split(",") if w]
    heads = {" ".join(forms) for forms in itertools.product(*(_spellings(w) for w in words[:n]))}
    tails = _prefixes(rest, n - len(words)) if len(words) < n else {""}
    return {f"{head} {tail}".strip() for head in heads for tail in tails}


@attrs.frozen(slots=True)
class CueSet:
    """The cues of some kinds as one pattern, and a quick one for where they may start.

    :meth:`find` looks for the first words of the cues (up to three) on the lower-cased text, one
    pattern built as a trie, which the engine runs fast, and tries the whole alternation only
    there: the same matches as ``pattern.finditer``, at a fraction of the cost.
    """

    pattern: re.Pattern[str]  # the cues, group ``c<i>`` for ``CUES[i]``; case ignored
    starts: re.Pattern[str]  # where a cue may start (group ``w``), on the lower-cased text
    head: re.Pattern[str] | None = None  # where one may start at the very start of the text

    def find(self, text: str, low: str, start: int = 0, end: int | None = None) -> list[re.Match[str]]:
        """The matches in ``text[start:end]`` (``low`` is ``text`` lower-cased), without overlaps."""
        stop = len(text) if end is None else end
        out: list[re.Match[str]] = []
        last = -1
        match, search = self.pattern.match, self.starts.search
        first = self.head.match(low, 0, stop) if start == 0 and self.head is not None else None
        s = first or search(low, start, stop)
        while s is not None:
            p = s.start("w")
            if p >= last:
                m = match(text, p, stop)
                if m is not None:
                    out.append(m)
                    last = m.end()
            # on from the next character, not from the end of the first words read: a cue that
            # failed there may hold the start of another ("thực hiện theo" … "theo chỉ đạo … tại")
            s = search(low, p + 1, stop)
        return out

    def match(self, text: str, pos: int = 0, end: int | None = None) -> re.Match[str] | None:
        """The cue starting at ``pos``, if any."""
        return self.pattern.match(text, pos, len(text) if end is None else end)


def compile_cues(cues: Sequence[Cue], kinds: Iterable[Where], genre: Genre | None, *, clause: bool = False) -> CueSet:
    """The cues of the given kinds (and genre) as one :class:`CueSet`; group ``c<i>`` is ``cues[i]``.
    With ``clause``, only where a clause opens: at a line start or after ; : . | ( and list marks."""
    wanted = set(kinds)
    chosen = [(i, c) for i, c in enumerate(cues) if c.where in wanted and (genre is None or c.genre in (None, genre))]
    if not chosen:
        return CueSet(re.compile("(?!)"), re.compile("(?P<w>(?!))"))
    body = "|".join(f"(?P<c{i}>{_bounded(c.phrase)})" for i, c in chosen)
    firsts: set[str] = set().union(*(_prefixes(_tokens(c.phrase), 3) for _, c in chosen))
    starts = _starts(firsts)
    marks = r"[ \t*_#>•+\-–]{0,12}"  # list marks and blanks before a clause's first word
    if clause:  # after a line break or ; : . | ( — or at the very start of the text
        return CueSet(
            re.compile(body, re.IGNORECASE),
            re.compile(f"[\\n;:.|(]{marks}(?P<w>{starts})"),
            re.compile(f"{marks}(?P<w>{starts})"),
        )
    return CueSet(re.compile(body, re.IGNORECASE), re.compile(f"(?P<w>{starts})"))


def _starts(prefixes: Iterable[str]) -> str:
    """A pattern for where a cue may start, given the words it can start with: a trie whose every
    branch opens with a plain character, so that the engine skips to the next such character at
    once; the check that no letter stands before comes after that character."""
    space = r"[\s,]+"  # what the whole pattern lets stand between two words, and more
    by_first: dict[str, list[str]] = {}
    for prefix in prefixes:
        by_first.setdefault(prefix[0], []).append(prefix[1:])
    branches = []
    for first, rests in sorted(by_first.items()):
        boundary = r"(?<!\w.)" if first.isalnum() else ""
        branches.append(re.escape(first) + boundary + trie(rests, space))
    return "|".join(branches)


CUES: Final = load_cues()
#: The cues that open a clause or a sentence, by genre.
OPENERS: Final = {g: compile_cues(CUES, (Where.OPENS, Where.SENTENCE, Where.LEADS), g, clause=True) for g in Genre}
#: The cues before, through or after a reference, by genre.
OTHERS: Final = {g: compile_cues(CUES, (Where.BEFORE, Where.THROUGH, Where.AFTER), g) for g in Genre}
#: The cues that start a reference's own span ("Số: …", "Số hiệu …").
INSIDE: Final = compile_cues(CUES, (Where.INSIDE,), None)
#: The words that may open a page's title line before the document it is about ("Toàn văn: …").
TITLE: Final = compile_cues(CUES, (Where.TITLE,), None)
#: The words that name this document as the subject of a reverse cue ("Quyết định này").
SUBJECT: Final = compile_cues(CUES, (Where.SUBJECT,), None)
#: The words that turn an act into a task or a proposal ("tham mưu … thay thế …"), by genre.
MODAL: Final = {g: compile_cues(CUES, (Where.MODAL,), g) for g in Genre}


def cue_of(m: re.Match[str]) -> Cue:
    """The cue row a match of a compiled alternation stands for."""
    return CUES[int((m.lastgroup or "c0")[1:])]
