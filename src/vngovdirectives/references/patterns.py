"""The patterns that find reference candidates: a number's serial and symbol, and short references.

Compiled once; every repetition is bounded or delimited, so matching is linear.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from vngovdirectives.references.names import SHORT_TYPE_NAMES
from vngovdirectives.text.patterns import LOWER, alternation, listed
from vngovdirectives.text.vocab import words

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["CANDIDATE_RE", "NOT_BEFORE_SERIAL", "NUMBER_RE", "OTHER_SHORTS", "SHORT_NOT_AFTER"]

_WS = r"[ \t\r\n]{0,3}"  # white space, line breaks included, around separators
#: A word glued to the end of a symbol in extracted text ("70-TB/TWngày 12/3"): the code ends before it.
_GLUED: Final = alternation(words("glued_after_symbol"))
# A code ends where a word ends, or where a capital or a digit meets a glued lower-case word. "&" only
# joins two codes ("QLN&PTĐT", "blđtb&xh"): an entity written out ("QH13&#272;", "&nbsp;") ends the code.
_CODE = (
    r"[A-ZĐa-zđ][A-ZĐa-zđƯư0-9]{0,14}(?:&(?!#|[A-Za-z]{2,8};)[A-ZĐa-zđƯư0-9]{1,14})?"
    rf"(?:(?![^\W_])|(?<=[A-ZĐƯ0-9])(?={_GLUED}(?![^\W_])))"
)
#: A separator: a slash or a dash with white space around it, or a dot glued between two codes. A
#: dash that opens a line goes on with a code, not with a word in sentence case: "…/NĐ-CP\n- Trung
#: tâm …" is a list item.
_SEP = (
    rf"(?:[ \t]{{0,3}}[/\-]{_WS}|{_WS}/{_WS}|{_WS}-[ \t]{{0,3}}(?![A-ZĐ][{LOWER}]{{2}})"
    r"|\.(?=[^\W\d_]))"
)
#: The symbol after a serial: optional year, then codes. A space may stand for a Party number's
#: hyphen ("84 QĐ/TW", "1a nq /bcsđ": only after "số", see the scanner), or the hyphen may be lost
#: ("32CT/TW": the number parser puts it back only before a Party body).
_SYMBOL = (
    rf"(?P<sym>(?:{_SEP}|[ ](?=[A-ZĐa-zđ]{{1,5}}{_WS}/)|(?=[A-ZĐa-zđ]{{2,4}}{_WS}/{_WS}[A-ZĐa-zđ]))"
    rf"(?:(?:19|20)[0-9]{{2}}{_SEP})?{_CODE}(?:{_SEP}{_CODE}){{0,5}})"
)
#: A document-number candidate: serial, optional year, codes. Checked by parse_number afterwards.
NUMBER_RE: Final = re.compile(
    # The look-behind after the first digit drops, at the cost of one test, every attempt that
    # would start inside a run of digits (most digits of a text are in dates and years).
    rf"(?P<serial>[0-9](?<![0-9][0-9])[0-9]{{0,5}}[a-z]?){_SYMBOL}"
)
#: Characters that may not stand right before a serial (it would be part of a longer token).
NOT_BEFORE_SERIAL: Final = frozenset("/.-–_&") | frozenset("0123456789")
_SHORT_AFTER_SERIAL = r"(?![\w/\-.,]\s?[0-9A-ZĐa-zđ]|[\w/%]|\s{0,2}[/\-]\s{0,2}[0-9A-ZĐ])"


def _short_rest(names: Sequence[str]) -> str:
    """What follows the capital of a short reference, as a look-ahead: the rest of its type name
    (``tname``), maybe "số", the bare serial (``short``) and maybe the year after a slash, the
    symbol left out (``syear``: "Nghị định 24/2012", "Thông tư số 08/2024").

    Each alternative starts with a plain letter (the engine skips a wrong one at once), then
    checks the capital behind it: "h(?<=Ch)(?:ỉ thị|ương trình)|h(?<=Th)…".
    """
    by_head: dict[str, list[str]] = {}
    for name in names:
        by_head.setdefault(name[:2], []).append(re.escape(name[2:]))
    rests = "|".join(
        f"{re.escape(head[1])}(?<={re.escape(head)})(?:{'|'.join(tails)})" for head, tails in by_head.items()
    )
    return (
        rf"(?=(?P<tname>{rests})(?P<so>\s{{1,3}}số)?\s{{1,3}}(?P<short>[0-9]{{1,5}}[a-z]?)"
        rf"(?:/(?P<syear>(?:19|20)[0-9]{{2}}))?{_SHORT_AFTER_SERIAL})"
    )


def _candidate_pattern(names: Sequence[str]) -> re.Pattern[str]:
    """One pattern for both kinds of candidate, so the text is scanned once.

    A match starts with a digit or with the capital that starts a short type name in ``names``:
    the engine skips quickly to the next such character. A number is matched whole. A short
    reference ("Nghị quyết số 30a") is only looked at, past its first letter, so that a number
    inside it ("Quyết định 84 QĐ/TW") is still found: its type name ends at ``tname``, its serial
    is ``short``.
    """
    capitals = "".join(sorted({name[0] for name in names}))
    return re.compile(
        rf"[0-9{capitals}]"
        # a number; the look-behinds drop every attempt inside a run of digits at the cost of one test
        rf"(?:(?<=[0-9])(?<![0-9][0-9])[0-9]{{0,5}}[a-z]?{_SYMBOL}"
        # a short reference
        rf"|{_short_rest(names)})"
    )


# Capitals beyond Latin-1 ("Đề án") would make the engine test every character against a large
# set, which costs the whole scan 15%: those names are found by str.find and matched on their own.
CANDIDATE_RE: Final = _candidate_pattern([n for n in SHORT_TYPE_NAMES if n[0] <= "\xff"])
OTHER_SHORTS: Final = tuple(
    (name, re.compile(re.escape(name[0]) + _short_rest([name]))) for name in SHORT_TYPE_NAMES if name[0] > "\xff"
)
#: What must not follow a short reference's serial: a count ("Chỉ thị 16 nhiệm vụ"), a number of
#: years or days unless a year or a day number follows ("Kế hoạch 15 năm 2020" is a reference).
SHORT_NOT_AFTER: Final = re.compile(
    rf"\s{{1,3}}(?:năm(?!\s{{1,3}}(?:19|20)[0-9]{{2}})|ngày(?!\s{{1,3}}[0-9])|{listed('counted_after_serial', ' ')})"
)
