"""What introduces a number: "số", a type name ("Quyết định số"), a law's name, a header line.

:func:`read_lead` reads the words before a number's serial on the reversed lower-cased text,
with a pattern anchored at the serial: one attempt per candidate instead of a search through a
window. The reversed word lists are computed from the vocabulary
(:func:`vngovdirectives.text.patterns.reversed_trie`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final, NamedTuple

from vngovdirectives.references.names import TYPE_ABBREVIATIONS, lead_type_names, normal_type_name
from vngovdirectives.text.patterns import LOWER, alternation, reversed_trie
from vngovdirectives.text.vocab import words

if TYPE_CHECKING:
    from vngovdirectives.references.context import ScanContext

__all__ = ["BACK_WINDOW", "Lead", "read_lead"]

#: How far before a serial its introduction may start.
BACK_WINDOW: Final = 110
#: How far back a header number's line start is looked for (a search to the start of a long line
#: for every number would be quadratic).
_LINE_REACH: Final = 200
_B = r"[ \t\r\n]"  # a blank, line breaks included


def _reversed(word: str) -> str:
    """``word`` spelled backwards for the reversed text, its spaces one to three blanks or tabs."""
    return re.escape(word[::-1]).replace(r"\ ", r"[ \t]{1,3}")


_REV_TYPES: Final = reversed_trie([*lead_type_names(), *TYPE_ABBREVIATIONS])
_REV_MARKS: Final = reversed_trie(words("urgency_marks"))
_LEAD_REV: Final = re.compile(
    rf"{_B}{{0,3}}(?:\|[ \t]{{0,3}})?:?{_B}{{0,3}}"
    r"(?:"
    rf"(?P<so>(?:(?P<field>{_reversed('văn bản')}[ \t]{{1,3}})?{_reversed('hiệu')}[ \t]{{1,3}})?{_reversed('số')})"
    rf"(?:{_B}{{0,3}}{_reversed('số')})?"
    rf"(?:{_B}{{1,3}}(?:(?:{_REV_MARKS}){_B}{{1,3}})?(?P<type>{_REV_TYPES})(?![^\W\d_])"
    # "Quyết định của Bộ Chính trị số 31-QĐ/TW": the issuer placed between the type and "số"
    rf"|{_B}{{1,3}}[^,.;:\n()]{{1,60}}?{_B}{{1,3}}{_reversed('của')}{_B}{{1,3}}"
    rf"(?:(?:{_REV_MARKS}){_B}{{1,3}})?(?P<type3>{_REV_TYPES})(?![^\W\d_]))?"
    rf"|(?:(?:{_REV_MARKS}){_B}{{1,3}})?(?P<type2>{_REV_TYPES})(?![^\W\d_])"
    r")?",
)
_HIEU_REV: Final = "hiệu"[::-1]  # "Số hiệu": a metadata field, as the reversed text spells it
_NOT_A_DOCUMENT: Final = words("not_a_document_before")
#: Words before "số" that number something other than a document ("Mẫu số 01/BC-UBND").
_NOT_A_DOCUMENT_BEFORE: Final = re.compile(
    r"(?<![^\W\d_])(?:"
    + "|".join(
        f"[{w[0].upper()}{w[0]}]{re.escape(w[1:])}".replace(r"\ ", r"\s{1,3}")
        for w in sorted(_NOT_A_DOCUMENT, key=len, reverse=True)
    )
    + r")\s{1,3}$"
)
#: The last words of _NOT_A_DOCUMENT_BEFORE, tested first on the lower-cased text.
_NOT_A_DOCUMENT_ENDINGS: Final = tuple(sorted({w.split()[-1] for w in _NOT_A_DOCUMENT}))
#: "Luật Thực hành tiết kiệm, chống lãng phí số 44/2013/QH13": a law's name between "Luật" and "số".
#: The name holds no "/": "Luật số 19/2000/QH10 và Luật số 10/2008/QH12, Bộ luật Lao động số …"
#: names three laws, and the last one's name starts at "Bộ luật", not at the first "Luật".
_LAW_BEFORE: Final = re.compile(
    r"(?<![^\W\d_])(?P<type>Luật|Bộ luật|Pháp lệnh|LUẬT|BỘ LUẬT|PHÁP LỆNH)"  # (a title in capitals too)
    r"\s[^.;:()/]{1,80}?\s(?:[Ss]ố|SỐ)\s{0,3}:?\s{0,3}$"
)


_BLANK_LINE: Final = re.compile(r"\n[ \t]*\n")
#: A law named after "của" ("quy định của Luật Bảo hiểm xã hội số …").
_LAW_AFTER_OF: Final = re.compile(r"\scủa\s{1,3}(?P<type>Luật|Bộ luật|Pháp lệnh)\s")


_FUNCTION_WORDS: Final = alternation(words("qualifier_stop_words"), " ")
_BLANKS: Final = r"[ \t]{1,3}"
_QUALIFIED_TYPE: Final = re.compile(
    rf"(?<![^\W\d_]){alternation(lead_type_names(), _BLANKS)}"
    rf"(?:[ \t]{{1,3}}(?!{_FUNCTION_WORDS}(?!\w))[{LOWER}]+){{1,2}}(?=[ \t]{{1,3}}$)"
)


class Lead(NamedTuple):
    """What introduces a number: where the introduction starts, the type name, and its kind."""

    start: int
    type_name: str | None
    introduced: bool
    header: bool
    blocked: bool = False  # "Mẫu số …": a number, but not of a document


def read_lead(ctx: ScanContext, serial_start: int) -> Lead:
    """The introduction of the number whose serial starts at ``serial_start``."""
    text = ctx.text
    lo = max(0, serial_start - BACK_WINDOW)
    # Match on the reversed text from the serial leftwards: rev[n - p] is text[p - 1].
    base = len(text) - serial_start
    m = _LEAD_REV.match(ctx.rev, base, len(text) - lo)
    # The last group that matched says what was read: "so" alone, or a type name (with "số" before
    # it: "type", "type3"; without: "type2").
    group = m.lastgroup if m is not None and m.end() != base else None
    if m is None or group is None:
        return _law_before(text, lo, serial_start) or Lead(serial_start, None, False, False)
    if group != "so":  # the name as written, from the text (the match read it lower-cased)
        type_start = serial_start - (m.end(group) - base)
        written = text[type_start : serial_start - (m.start(group) - base)]
        # "… quy phạm pháp luật số …" ends a law's name; "quy định của Luật Bảo hiểm xã hội số …"
        # names the law, not a "Quy định" that the law issued
        law_named = written == "luật" and text.endswith("pháp ", 0, type_start)
        if law_named or (group == "type3" and _LAW_AFTER_OF.search(text, type_start, serial_start)):
            law = _law_before(text, lo, serial_start)
            if law is not None:
                return law
        if group == "type3":  # "hướng dẫn của … tại Kế hoạch thanh tra số …": the nearer, qualified type
            qualified = _qualified_type(text, serial_start - (m.end("so") - base))
            if qualified is not None:
                return qualified
        # "Loại văn bản: Quyết định Số hiệu: 15/2014/QĐ-UBND": the value of a metadata field
        return Lead(serial_start - (m.end() - base), normal_type_name(written), True, _is_field(ctx, m, base))
    so_start = serial_start - (m.end("so") - base)
    if ctx.low[max(0, so_start - 12) : so_start].rstrip().endswith(_NOT_A_DOCUMENT_ENDINGS) and (
        _NOT_A_DOCUMENT_BEFORE.search(text, max(0, so_start - 24), so_start)
    ):
        return Lead(serial_start, None, False, False, blocked=True)
    # A header number starts its line or a table cell.
    reach = max(0, so_start - _LINE_REACH)
    line_start = text.rfind("\n", reach, so_start) + 1
    before = text[line_start or reach : so_start].strip(" \t")
    # a lower-case "số" opening a line goes on from the line before ("… của Luật Thanh tra\nsố …")
    starts_line = (line_start > 0 or reach == 0) and not text.startswith("s", so_start)
    header = (starts_line and before in ("", "|")) or before.endswith("|") or _is_field(ctx, m, base)
    if not header:  # a law's name, or a qualified type name, before "số"
        named = _law_before(text, lo, serial_start) or _qualified_type(text, so_start)
        if named is not None:
            return named
    return Lead(so_start, None, True, header)


def _is_field(ctx: ScanContext, m: re.Match[str], base: int) -> bool:
    """Whether the lead ``m`` (read on the reversed text from ``base``) is a metadata field's label,
    "Số hiệu:" or "Số hiệu văn bản:", whose number is dated by a "Ngày ban hành:" field nearby."""
    return m.start("so") >= 0 and _HIEU_REV in m["so"] and ":" in ctx.rev[base : m.start("so")]


def _qualified_type(text: str, so_start: int) -> Lead | None:
    """A type name and the words that qualify it before "số": "Báo cáo thẩm tra số …", "Kế hoạch
    hành động số …" (the type name capitalised, one or two lower-case words, no function word)."""
    m = _QUALIFIED_TYPE.search(text, max(0, so_start - 60), so_start)
    if m is None:
        return None
    return Lead(m.start(), normal_type_name(" ".join(m.group().split())), True, False)


def _law_before(text: str, lo: int, serial_start: int) -> Lead | None:
    back = text[lo:serial_start]
    if "uật" not in back and "háp lệnh" not in back and "UẬT" not in back and "HÁP LỆNH" not in back:
        return None
    m = _LAW_BEFORE.search(back)
    while m is not None and _BLANK_LINE.search(back, m.start()):
        m = _LAW_BEFORE.search(back, m.start() + 1)  # a name holds no blank line: "LUẬT\nBẢO HIỂM …\n\nLuật …"
    if m is None:
        return None
    return Lead(lo + m.start("type"), normal_type_name(m.group("type")), True, False)
