"""Document references in running text: "Công văn số 39/CV-BCĐ ngày 29/3/2019 của Ban Chỉ đạo …".

This module owns the :class:`DocumentReference` model and the scanner that finds references in a
normalised text (see :mod:`vngovdirectives.text`). The public entry points are the finders in
:mod:`vngovdirectives.finders`; :func:`parse_reference` reads a text that is one reference.

>>> ref = parse_reference("Quyết định số 607/QĐ-UBND ngày 29/3/2019 của UBND tỉnh về việc phê duyệt")
>>> str(ref.number), ref.type_name, ref.issued_on.iso(), ref.issuer
('607/QĐ-UBND', 'Quyết định', '2019-03-29', 'UBND tỉnh')
"""

from __future__ import annotations

import bisect
import functools
import operator
import re
from typing import TYPE_CHECKING, Any, Final, NamedTuple

import attrs

from vngovdirectives._fast import NEW_TUPLE as _NEW_TUPLE
from vngovdirectives._fast import field_setters
from vngovdirectives.codes import DocumentType, canonical_code
from vngovdirectives.dates import VnDate, parse_date
from vngovdirectives.docnumbers import MAX_LENGTH, DocumentNumber, _parse_clean, parse_number
from vngovdirectives.errors import DocumentNumberError, DocumentReferenceError

if TYPE_CHECKING:
    import datetime
    from collections.abc import Callable, Iterable, Sequence

__all__ = ["DocumentReference", "parse_reference"]


@attrs.frozen(kw_only=True, slots=True)
class DocumentReference:
    """A mention of a document in a text.

    Attributes:
        number: the document number; None for a short reference ("Chỉ thị 16").
        serial: the serial as written in a short reference ("16", "30a"); for a full reference,
            the serial of ``number``.
        type_name: the document type as the text names it ("Công văn", "Văn bản", "Báo cáo thẩm
            định"), or as the type code implies when the text names none; None if neither says.
        issued_on: the issue date attached to this mention ("… ngày 29/3/2019"), if any.
        issuer: the issuing body named after "của", as written, if any.
        header: True for the number line of a document's own header ("Số: 07/KH-UBND").
    """

    number: DocumentNumber | None = None
    serial: str
    type_name: str | None = None
    issued_on: VnDate | None = None
    issuer: str | None = None
    header: bool = False

    @property
    def short(self) -> bool:
        """True for a reference without a symbol ("Nghị quyết 30a", "Quyết định số 1342")."""
        return self.number is None

    @property
    def doc_type(self) -> DocumentType | None:
        """The document type, from the type the text names or else from the number's type code."""
        if self.type_name is not None:
            named = DocumentType.from_label(self.type_name)
            if named is not None:
                return named
        return self.number.doc_type if self.number is not None else None

    def __str__(self) -> str:
        head = f"{self.type_name} số " if self.type_name else "số "
        body = str(self.number) if self.number is not None else self.serial
        date = f" {self.issued_on}" if self.issued_on is not None else ""
        issuer = f" của {self.issuer}" if self.issuer else ""
        return f"{head}{body}{date}{issuer}"


# ----------------------------------------------------------------------------------------------
# Vocabulary

#: Type names that introduce a reference, besides the labels of DocumentType. Longest first
#: matters only for readability: the pattern below is anchored on both sides.
_EXTRA_TYPE_NAMES: Final = (
    "Văn bản",
    "Báo cáo thẩm định",
    "Báo cáo kết quả thẩm định",
    "Thông tri",
    "Hiến pháp",
    "Bộ luật",
    "Sắc lệnh",
    "Điều lệ",
    "Quy hoạch",
    "Lời kêu gọi",
)
#: Abbreviations that stand for a type name before "số" ("QĐ số 2447/QĐ-UBND").
_TYPE_ABBREVIATIONS: Final = {"QĐ": "Quyết định", "NQ": "Nghị quyết", "CV": "Công văn", "NĐ": "Nghị định"}


def _type_names() -> list[str]:
    names = {m.label for m in DocumentType} | set(_EXTRA_TYPE_NAMES)
    names.discard("Bản sao")  # Party copies carry "BS" but "bản sao" in running text is no reference
    return sorted(names, key=len, reverse=True)


# ----------------------------------------------------------------------------------------------
# Patterns (compiled once; every repetition is bounded or delimited, so matching is linear)

_WS = r"[ \t\r\n]{0,3}"  # white space, line breaks included, around separators
_CODE = r"[A-ZĐa-zđ][A-ZĐa-zđƯư0-9&]{0,14}(?![^\W_])"
_SEP = rf"(?:{_WS}[/\-]{_WS}|\.(?=[A-ZĐ]))"
#: The symbol after a serial: optional year, then codes.
_SYMBOL = rf"(?P<sym>(?:{_SEP}|[ ](?=[A-ZĐ]{{1,5}}/))(?:(?:19|20)[0-9]{{2}}{_SEP})?{_CODE}(?:{_SEP}{_CODE}){{0,5}})"
#: A document-number candidate: serial, optional year, codes. Checked by parse_number afterwards.
_NUMBER_RE: Final = re.compile(
    # The look-behind after the first digit drops, at the cost of one test, every attempt that
    # would start inside a run of digits (most digits of a text are in dates and years).
    rf"(?P<serial>[0-9](?<![0-9][0-9])[0-9]{{0,5}}[a-z]?){_SYMBOL}"
)
#: Characters that may not stand right before a serial (it would be part of a longer token).
_NOT_BEFORE_SERIAL: Final = frozenset("/.-–_&") | frozenset("0123456789")


def _trie(words: Iterable[str], space: str = r"\ ") -> str:
    """An alternation of ``words`` as a trie: "(?:h(?:nịđ…|cạoh…)|…)"; ``space`` stands for a space.

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

    def alternation(node: dict[str, Any]) -> str:
        branches = [token + alternation(child) for token, child in sorted(node.items()) if token]
        if not branches:
            return ""
        if "" not in node and len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ("|" if "" in node else "") + ")"

    return alternation(tree)


def _reversed_words(words: Sequence[str]) -> str:
    """``words`` reversed and lower-cased (the pattern reads lower-cased text), spaces as 1-3 blanks."""
    return _trie({w.lower()[::-1] for w in words}, r"\s{1,3}")


# What stands before a number is read on the reversed lower-cased text before it, with a pattern
# anchored at its start: one attempt per candidate instead of a search through the whole window.
# Without IGNORECASE each alternative starts with a plain literal, which the engine tests at once.
_REV_TYPES: Final = _reversed_words([*_type_names(), *_TYPE_ABBREVIATIONS])
_REV_MODS: Final = _reversed_words(["hỏa tốc", "hoả tốc", "thượng khẩn", "khẩn", "mật"])
_LEAD_REV: Final = re.compile(
    r"[ \t\r\n]{0,3}(?:\|[ \t]{0,3})?:?[ \t\r\n]{0,3}"
    r"(?:"
    r"(?P<so>(?:uệih[ \t]{1,3})?ốs)(?:[ \t\r\n]{0,3}ốs)?"
    rf"(?:[ \t\r\n]{{1,3}}(?:(?:{_REV_MODS})[ \t\r\n]{{1,3}})?(?P<type>{_REV_TYPES})(?![^\W\d_])"
    # "Quyết định của Bộ Chính trị số 31-QĐ/TW": the issuer placed between the type and "số"
    r"|[ \t\r\n]{1,3}[^,.;:\n()]{1,60}?[ \t\r\n]{1,3}aủc[ \t\r\n]{1,3}"
    rf"(?:(?:{_REV_MODS})[ \t\r\n]{{1,3}})?(?P<type3>{_REV_TYPES})(?![^\W\d_]))?"
    rf"|(?:(?:{_REV_MODS})[ \t\r\n]{{1,3}})?(?P<type2>{_REV_TYPES})(?![^\W\d_])"
    r")?",
)


#: Words before "số" that number something other than a document ("Mẫu số 01/BC-UBND").
_NOT_A_DOCUMENT_BEFORE: Final = re.compile(
    r"(?<![^\W\d_])(?:[Mm]ẫu|[Bb]iểu(?:\s{1,3}mẫu)?|[Pp]hụ\s{1,3}(?:lục|biểu)|[Bb]ảng|[Hh]ình|[Mm]ã|[Tt]ài\s{1,3}khoản"
    r"|[Tt]ờ\s{1,3}khai|[Pp]hòng|[Hh]ộp\s{1,3}thư|[Cc]ông\s{1,3}trình|[Gg]ói\s{1,3}thầu)\s{1,3}$"
)
#: The last words of _NOT_A_DOCUMENT_BEFORE, tested first on the lower-cased text.
_NOT_A_DOCUMENT_ENDINGS: Final = (
    "mẫu", "biểu", "lục", "bảng", "hình", "mã", "khoản", "khai", "phòng", "thư", "trình", "thầu",
)  # fmt: skip


class _Lead(NamedTuple):
    """What introduces a number: where the introduction starts, the type name, and its kind."""

    start: int
    type_name: str | None
    introduced: bool
    header: bool
    blocked: bool = False  # "Mẫu số …": a number, but not of a document


def _lead(ctx: _Context, serial_start: int) -> _Lead:
    text = ctx.text
    lo = max(0, serial_start - _BACK_WINDOW)
    # Match on the reversed text from the serial leftwards: rev[n - p] is text[p - 1].
    base = len(text) - serial_start
    m = _LEAD_REV.match(ctx.rev, base, len(text) - lo)
    # The last group that matched says what was read: "so" alone, or a type name (with "số" before
    # it: "type", "type3"; without: "type2").
    group = m.lastgroup if m is not None and m.end() != base else None
    if m is None or group is None:
        law = _law_before(text, lo, serial_start)
        if law is not None:
            return law
        return _Lead(serial_start, None, False, False)
    type_name = None
    if group != "so":  # the name as written, from the text (the match read it lower-cased)
        written = text[serial_start - (m.end(group) - base) : serial_start - (m.start(group) - base)]
        type_name = _normal_type_name(written)
    if type_name is not None:
        return _NEW_TUPLE(_Lead, (serial_start - (m.end() - base), type_name, True, False, False))
    so_start = serial_start - (m.end("so") - base)
    if ctx.low[max(0, so_start - 12) : so_start].rstrip().endswith(_NOT_A_DOCUMENT_ENDINGS) and (
        _NOT_A_DOCUMENT_BEFORE.search(text, max(0, so_start - 24), so_start)
    ):
        return _Lead(serial_start, None, False, False, blocked=True)
    # A header number starts its line or a table cell (looked for within a bounded reach: a
    # search back to the start of a long line for every number would be quadratic).
    reach = max(0, so_start - _LINE_REACH)
    line_start = text.rfind("\n", reach, so_start) + 1
    before = text[line_start or reach : so_start].strip(" \t")
    starts_line = line_start > 0 or reach == 0
    header = (starts_line and before in ("", "|")) or before.endswith("|") or "hiệu" in m.group("so").casefold()
    if not header:
        law = _law_before(text, lo, serial_start)
        if law is not None:
            return law
    return _Lead(so_start, None, True, header)


def _law_before(text: str, lo: int, serial_start: int) -> _Lead | None:
    back = text[lo:serial_start]
    if "uật" not in back and "háp lệnh" not in back:
        return None
    m = _LAW_BEFORE.search(back)
    if m is None:
        return None
    return _Lead(lo + m.start("type"), _normal_type_name(m.group("type")), True, False)


#: "Luật Thực hành tiết kiệm, chống lãng phí số 44/2013/QH13": a law's name between "Luật" and "số".
_LAW_BEFORE: Final = re.compile(
    r"(?<![^\W\d_])(?P<type>Luật|Bộ luật|Pháp lệnh)\s[^.;:()]{1,80}?\s[Ss]ố\s{0,3}:?\s{0,3}$"
)
#: A news sentence that opens with the issue date: "Ngày 6/5/2019, UBND tỉnh đã có văn bản số …".
_DATED_SENTENCE: Final = re.compile(
    r"(?:^|\n|[.!?]\s)\s{0,3}(?:Vào\s{1,3})?(?P<kw>[Nn]gày)\s{1,3}(?P<date>[0-9]{1,2}(?P<s>[/.-])[0-9]{1,2}(?P=s)[0-9]{4}"
    r"|[0-9]{1,2}\s{1,3}tháng\s{1,3}[0-9]{1,2}\s{1,3}năm\s{1,3}[0-9]{4})\s{0,3},(?P<mid>[^.\n]{0,220})$"
)
_ISSUING_VERB: Final = re.compile(r"\b(?:ban hành|đã ký|ký|đã có|có|ra|gửi|phát hành|công bố|ban hành)\b")
#: Serials listed before a shared symbol: "các Công văn số 2522, 2523/UBND - VX".
_LISTED_SERIAL_BEFORE: Final = re.compile(r"(?<![\w/.])(?P<serial>[0-9]{1,6}[a-z]?)\s{0,2}(?:,|và|;)\s{0,3}$")
#: After a number: the gap (a comma, a line break; taken whole, as an atomic group would: a
#: look-ahead captures it and a back-reference consumes it), then "ngày" (maybe after "ban hành")
#: that leads to an issue date, or a year "năm 2020". One pattern, one call per number.
_AFTER: Final = re.compile(
    r"(?=(?P<gap>[ \t]{0,3}\n?[ \t]{0,3},?[ \t\n]{0,3}(?:\(\s{0,2})?))(?P=gap)"
    r"(?:(?P<lead>(?i:(?:ban hành\s{1,3}|được ban hành\s{1,3})?(?:ngày|ngµy)\s{0,3}))"
    r"|năm\s{1,3}(?P<y>(?:19|20)[0-9]{2})(?![0-9/]))?"
)
_OF_AFTER: Final = re.compile(r"\s{0,3},?\s{0,3}của\s{1,3}")
#: Where an issuer named after "của" ends.
#: Words that end an issuer's name ("của UBND tỉnh về việc …").
_ISSUER_END_WORDS: Final = (
    "về", "V/v", "v/v", "phê duyệt", "ban hành", "hướng dẫn", "quy định", "quyết định", "triển khai", "thực hiện",
    "tại", "đã", "đến", "yêu cầu", "đề nghị", "giao", "trong", "và", "với", "nhằm", "theo", "thì", "nay", "sau",
    "cho", "trước", "ngày", "năm", "số", "V/V", "chỉ đạo", "kèm theo", "như", "của", "bổ sung", "sửa đổi",
    "tổ chức", "tiếp tục",
)  # fmt: skip
_ISSUER_END: Final = re.compile(rf"[.;:()\[\]\"“”\n]|,\s|\s{_trie(_ISSUER_END_WORDS)}\s")
#: Type names of short references: a type name and a bare serial, no symbol ("Chỉ thị 16").
_SHORT_TYPE_NAMES: Final = (
    "Chỉ thị", "Nghị quyết", "Quyết định", "Nghị định", "Thông tư", "Kế hoạch", "Đề án", "Kết luận",
    "Công văn", "Chương trình", "Thông báo", "Hướng dẫn", "Quy định", "Công điện", "Luật",
)  # fmt: skip


_SHORT_AFTER_SERIAL = r"(?![\w/\-.,]\s?[0-9A-ZĐa-zđ]|[\w/%]|\s{0,2}[/\-]\s{0,2}[0-9A-ZĐ])"


def _short_rest(names: Sequence[str]) -> str:
    """What follows the capital of a short reference, as a look-ahead: the rest of its type name
    (``tname``), maybe "số", and the bare serial (``short``).

    Each alternative starts with a plain letter (the engine skips a wrong one at once), then
    checks the capital behind it: "h(?<=Ch)(?:ỉ thị|ương trình)|h(?<=Th)…".
    """
    by_head: dict[str, list[str]] = {}
    for name in names:
        by_head.setdefault(name[:2], []).append(re.escape(name[2:]))
    rests = "|".join(
        f"{re.escape(head[1])}(?<={re.escape(head)})(?:{'|'.join(tails)})" for head, tails in by_head.items()
    )
    return rf"(?=(?P<tname>{rests})(?P<so>\s{{1,3}}số)?\s{{1,3}}(?P<short>[0-9]{{1,5}}[a-z]?){_SHORT_AFTER_SERIAL})"


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
_CANDIDATE_RE: Final = _candidate_pattern([n for n in _SHORT_TYPE_NAMES if n[0] <= "\xff"])
_OTHER_SHORTS: Final = tuple(
    (name, re.compile(re.escape(name[0]) + _short_rest([name]))) for name in _SHORT_TYPE_NAMES if name[0] > "\xff"
)
#: What must not follow a short reference's serial (a quantity, not a document).
_SHORT_NOT_AFTER: Final = re.compile(
    r"\s{1,3}(?:năm(?!\s{1,3}(?:19|20)[0-9]{2})|tháng|ngày(?!\s{1,3}[0-9])|tuần|giờ|phút"
    r"|người|hộ|xã|huyện|tỉnh"
    r"|lần|đơn vị|điểm|%|ha\b|km|tỷ|triệu|nội dung|nhiệm vụ|mục tiêu|chỉ tiêu|tiêu chí|giải pháp"
    r"|văn bản|lĩnh vực|dự án)",
)
#: Spans that are URLs or file paths: numbers inside them are not references.
_URL_RES: Final = (  # on lower-cased text
    re.compile(r"https?://[^\s<>\"']{1,2000}"),
    re.compile(r"www\.[^\s<>\"']{1,2000}"),
)
#: A document title line naming its type ("QUYẾT ĐỊNH", "KẾ HOẠCH").
_TITLE_LINE: Final = re.compile(r"\n[ \t]{0,8}(?P<t>[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ ]{1,30}[A-ZĐÀ-Ỹ])[ \t]{0,8}(?=\n)")

_HIT_START: Final = operator.itemgetter(0)
_HIT_END: Final = operator.itemgetter(1)
_BACK_WINDOW: Final = 110
_LINE_REACH: Final = 200
_HEADER_WINDOW: Final = 700


class RefHit(NamedTuple):
    """A reference found in a normalised text: its whole span and the span of its number."""

    start: int
    end: int
    value: DocumentReference
    number_start: int
    number_end: int


@attrs.frozen(slots=True)
class _Context:
    """What the reference scanner needs from the rest of the finders (one per scanned text)."""

    text: str
    #: date lookup: given a position, the (end, value) of a date that starts there, or None
    date_at: Callable[[int], tuple[int, VnDate] | None]
    low: str  # ``text`` lower-cased position for position
    url_spans: tuple[tuple[int, int], ...]
    rev: str  # ``low`` reversed, for the patterns that read leftwards from a position


def _url_spans(low: str) -> tuple[tuple[int, int], ...]:
    # Two patterns led by a literal each (fast to skip to); a "www." inside a URL is dropped.
    found = sorted(m.span() for rx in _URL_RES for m in rx.finditer(low))
    spans: list[tuple[int, int]] = []
    for span in found:
        if not spans or span[0] >= spans[-1][1]:
            spans.append(span)
    return tuple(spans)


@functools.lru_cache(maxsize=512)
def _normal_type_name(raw: str) -> str:
    """The canonical spelling of a type name as written ("công  điện" → "Công điện", "QĐ" → "Quyết định")."""
    folded = " ".join(raw.split())
    if folded.upper() in _TYPE_ABBREVIATIONS and folded.isupper():
        return _TYPE_ABBREVIATIONS[folded.upper()]
    known = DocumentType.from_label(folded)
    if known is not None:
        return known.label
    for name in _EXTRA_TYPE_NAMES:
        if name.casefold() == folded.casefold():
            return name
    return folded[:1].upper() + folded[1:]


_PART_SPLIT: Final = re.compile(r"[/\-.\s]+")


def _symbol_ok(serial_sep: str, symbol_text: str, introduced: bool) -> bool:
    """Whether the symbol of a candidate looks like a real one in running text."""
    if serial_sep == " " and not introduced:
        return False  # "84 QĐ/TWĐTN" only after "số"
    if not symbol_text.islower():  # the pattern guarantees letters; upper case marks a symbol
        return True
    # An all-lower-case symbol ("06-ct/tw") counts only after "số" or a type name, with a known first code.
    parts = _PART_SPLIT.split(symbol_text.strip(" /-."))
    first_code = next((p for p in parts if p and not p.isdigit()), "")
    return introduced and canonical_code(first_code) is not None


def _issuer_after(text: str, pos: int) -> tuple[str | None, int]:
    if text.find("của", pos, pos + 10) < 0:  # the common case, decided without the pattern
        return None, pos
    m = _OF_AFTER.match(text, pos)
    if m is None:
        return None, pos
    start = m.end()
    window = text[start : start + 160]
    end_m = _ISSUER_END.search(window)
    raw = window[: end_m.start()] if end_m else window
    words = raw.split()
    if not words or not words[0][:1].isupper():
        return None, pos
    issuer = " ".join(words[:14])
    return issuer, start + len(raw.rstrip())


def _date_after(ctx: _Context, pos: int) -> tuple[VnDate | None, int]:
    """An issue date right after a number: "ngày 29/3/2019", ", ngày 15-5-2016", "năm 2020"."""
    m = _AFTER.match(ctx.text, pos)
    if m is None:  # cannot happen (every part is optional); kept for the type checker
        return None, pos
    if m.group("lead") is not None:
        for start in m.span("lead"):
            found = ctx.date_at(start)
            if found is not None and found[1].day is not None:
                return found[1], found[0]
        return None, pos
    if m.group("y") is not None:
        return VnDate(year=int(m.group("y"))), m.end()
    return None, pos


def _header_date(ctx: _Context, pos: int) -> VnDate | None:
    """The date of the document whose header holds the number at ``pos``: the nearest date it states
    from 300 characters before to 700 after (the earlier one of two as near)."""
    from vngovdirectives._temporal_scan import stated_dates_lowered

    n = len(ctx.low)
    # The date line is nearly always within a line or two: look there first. A date found within
    # ``near`` of ``pos`` is nearer than any outside that window.
    near = 150
    found = stated_dates_lowered(ctx.low, max(0, pos - near), min(n, pos + near))
    if not found:
        found = stated_dates_lowered(ctx.low, max(0, pos - 300), min(n, pos + _HEADER_WINDOW))
    best = min(found, key=lambda f: abs(f[0] - pos), default=None)
    return _day_of(best[1]) if best is not None else None


@functools.lru_cache(maxsize=1024)
def _day_of(date: datetime.date) -> VnDate:
    return VnDate.of(date)


def _header_type(text: str, pos: int) -> str | None:
    """The type named by the title line below a header number ("QUYẾT ĐỊNH")."""
    for m in _TITLE_LINE.finditer(text, pos, min(len(text), pos + _HEADER_WINDOW)):
        named = DocumentType.from_label(m.group("t"))
        if named is not None:
            return named.label
    return None


def scan_references(ctx: _Context) -> list[RefHit]:
    """Every full and short reference in ``ctx.text``, sorted, without overlaps."""
    text = ctx.text
    url_starts = [s for s, _ in ctx.url_spans]
    hits: list[RefHit] = []
    shorts: list[re.Match[str]] = []
    for m in _CANDIDATE_RE.finditer(text):
        if m.group("sym") is None:
            shorts.append(m)
            continue
        start = m.start()
        if start and text[start - 1] in _NOT_BEFORE_SERIAL:
            continue
        if start and text[start - 1].isalpha() and not text.endswith(("số", "Số", "SỐ"), 0, start):
            continue
        if url_starts:  # inside a URL or a path?
            i = bisect.bisect_right(url_starts, start) - 1
            if i >= 0 and start < ctx.url_spans[i][1]:
                continue
        hit = _full_reference(ctx, m)
        if hit is not None:
            hits.extend(hit)
    for name, rx in _OTHER_SHORTS:
        p = text.find(name)
        while p >= 0:
            short = rx.match(text, p)
            if short is not None:
                shorts.append(short)
            p = text.find(name, p + 1)
    hits = _inherit_types(text, hits)
    taken = [(h.start, h.end) for h in hits]
    taken.sort()
    for m in shorts:
        start, serial_end = m.start(), m.end("short")
        if start and text[start - 1].isalpha():
            continue
        if _SHORT_NOT_AFTER.match(text, serial_end):
            continue
        serial = m.group("short")
        if m.group("so") is None and len(serial) == 4 and serial.isdigit() and 1945 <= int(serial) <= 2100:
            continue  # "Kế hoạch 2021" names a year, not a document
        if _overlaps(taken, start, serial_end):
            continue
        issued_on, end = _date_after(ctx, serial_end)
        issuer, end2 = _issuer_after(text, end)
        ref = DocumentReference(
            serial=serial, type_name=_normal_type_name(text[start : m.end("tname")]), issued_on=issued_on, issuer=issuer
        )
        hits.append(
            RefHit(start=start, end=max(end, end2), value=ref, number_start=m.start("short"), number_end=serial_end)
        )
    hits.sort(key=_HIT_END, reverse=True)  # by start, the longer first: two stable C-level sorts
    hits.sort(key=_HIT_START)
    return _drop_overlaps(hits)


_LIST_CONNECTOR: Final = re.compile(r"\s{0,3}(?:[,;]|và|,\s{0,3}và)\s{0,3}")


def _inherit_types(text: str, hits: list[RefHit]) -> list[RefHit]:
    """A number listed after a typed one takes its type: "Luật … số 01/2002/QH11 …; số 83/2015/QH13"."""
    out: list[RefHit] = []
    for hit in hits:
        prev = out[-1] if out else None
        if (
            prev is not None
            and hit.value.type_name is None
            and prev.value.type_name is not None
            and prev.end <= hit.start
            and _LIST_CONNECTOR.fullmatch(text, prev.end, hit.start)
        ):
            out.append(hit._replace(value=attrs.evolve(hit.value, type_name=prev.value.type_name)))
        else:
            out.append(hit)
    return out


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect.bisect_left(spans, (start, start))
    return any(s < end and start < e for s, e in spans[max(0, i - 2) : i + 2])


def _drop_overlaps(hits: list[RefHit]) -> list[RefHit]:
    out: list[RefHit] = []
    last_end = -1
    for h in hits:
        if h.start >= last_end:
            out.append(h)
            last_end = h.end
        elif out and out[-1].value.short and not h.value.short:
            out[-1] = h
            last_end = h.end
    return out


_REFERENCE_SETTERS: Final = field_setters(DocumentReference)


def _new_reference(
    number: DocumentNumber, type_name: str | None, issued_on: VnDate | None, issuer: str | None
) -> DocumentReference:
    """DocumentReference(number=…, serial=number.serial, …) without __init__: one is made per
    number of a page, and every field set here is of the right type."""
    ref: DocumentReference = object.__new__(DocumentReference)
    set_number, set_serial, set_type, set_issued, set_issuer, set_header = _REFERENCE_SETTERS
    set_number(ref, number)
    set_serial(ref, number.serial)
    set_type(ref, type_name)
    set_issued(ref, issued_on)
    set_issuer(ref, issuer)
    set_header(ref, False)
    return ref


def _full_reference(ctx: _Context, m: re.Match[str]) -> list[RefHit] | None:
    text = ctx.text
    serial_start = m.start()
    lead = _lead(ctx, serial_start)
    if lead.blocked:
        return None
    sym = m.group("sym")
    # The common case (a symbol with capitals, after a separator) without calling _symbol_ok.
    if (sym[0] == " " or sym.islower()) and not _symbol_ok(sym[:1], sym, lead.introduced):
        return None
    written = m.group()
    # The clean layout first, without parse_number's checks of its input (a str, not too long).
    number = _parse_clean(written, written) if len(written) <= MAX_LENGTH else None
    if number is None:
        try:
            number = parse_number(written)
        except DocumentNumberError:
            return None
    start = lead.start
    issued_on, end = _date_after(ctx, m.end())
    if lead.header and issued_on is None:
        ref = DocumentReference(
            number=number,
            serial=number.serial,
            type_name=_type_of(number) or _header_type(text, m.end()),
            issued_on=_header_date(ctx, serial_start),
            header=True,
        )
        return [_NEW_TUPLE(RefHit, (start, m.end(), ref, serial_start, m.end()))]
    type_name = lead.type_name or _type_of(number)
    if issued_on is None:
        issued_on = _dated_sentence(ctx, start)
    issuer, end2 = _issuer_after(text, end)
    ref = _new_reference(number, type_name, issued_on, issuer)
    # RefHit(...) without the named tuple's __new__, a Python function
    hit = _NEW_TUPLE(RefHit, (start, end if end > end2 else end2, ref, serial_start, m.end()))
    if text[max(0, serial_start - 6) : serial_start].rstrip().endswith((",", ";", "và")):  # a list: "số 2522, 2523/…"
        return [*_listed_before(ctx, serial_start, number, type_name), hit]
    return [hit]


def _dated_sentence(ctx: _Context, start: int) -> VnDate | None:
    """The date opening the sentence that cites a document: "Ngày 6/5/2019, UBND tỉnh đã có văn bản số …"."""
    text = ctx.text
    lo = max(0, start - 300)
    if text.find("gày", lo, start) < 0:  # no "Ngày" in reach: the common case, decided at once
        return None
    cut = max(text.rfind("\n", lo, start), text.rfind(". ", lo, start), text.rfind("? ", lo, start))
    sentence_start = cut + 1 if cut >= 0 else lo
    head = text[sentence_start : sentence_start + 16].lstrip(" \t.?!")
    if not head.startswith(("Ngày", "ngày", "Vào ngày", "vào ngày")):
        return None
    back_start = max(0, sentence_start - 2)
    m = _DATED_SENTENCE.search(text[back_start:start])
    if m is None or not _ISSUING_VERB.search(m.group("mid")) or _NUMBER_RE.search(m.group("mid")):
        return None
    for pos in (back_start + m.start("kw"), back_start + m.start("date")):  # read already by the date scan
        found = ctx.date_at(pos)
        if found is not None:
            return found[1]
    try:
        return parse_date(m.group("date"))
    except ValueError:
        return None


def _type_of(number: DocumentNumber) -> str | None:
    doc_type = number.doc_type
    return doc_type.label if doc_type is not None else None


def _listed_before(ctx: _Context, serial_start: int, number: DocumentNumber, type_name: str | None) -> list[RefHit]:
    """References sharing the symbol of ``number``: "số 2522, 2523/UBND-VX" gives 2522/UBND-VX too."""
    text = ctx.text
    out: list[RefHit] = []
    pos = serial_start
    for _ in range(20):
        back = text[max(0, pos - 16) : pos]
        m = _LISTED_SERIAL_BEFORE.search(back)
        if m is None:
            break
        s = pos - len(back) + m.start("serial")
        serial = m.group("serial")
        try:
            sibling = attrs.evolve(number, serial=serial.lstrip("0") or "0")
        except (DocumentNumberError, ValueError):
            break
        ref = DocumentReference(number=sibling, serial=sibling.serial, type_name=type_name)
        out.append(RefHit(start=s, end=s + len(serial), value=ref, number_start=s, number_end=s + len(serial)))
        pos = s
    if not out:
        return []
    # Only a list that follows "số" or a type name is a list of documents.
    if not _lead(ctx, pos).introduced:
        return []
    out.reverse()
    return out


def reference_hits(
    text: str, date_at: Callable[[int], tuple[int, VnDate] | None], low: str | None = None
) -> list[RefHit]:
    """Scan a normalised text for references (used by the finders); ``low`` is the text lower-cased
    position for position, when the caller has it already."""
    if low is None:
        from vngovdirectives._temporal_scan import lowered

        low = lowered(text)
    return scan_references(_Context(text, date_at, low, _url_spans(low), low[::-1]))


def parse_reference(text: str, /) -> DocumentReference:
    """Read a text that is exactly one document reference.

    Raises:
        DocumentReferenceError: the text holds no reference, or more than one, or text outside it.
    """
    from vngovdirectives.finders import find_references

    if not isinstance(text, str):
        raise DocumentReferenceError(f"expected a str, got {type(text).__name__}", repr(text), 0, "")
    matches = list(find_references(text))
    if not matches:
        raise DocumentReferenceError("no document reference found", text, 0, text[:20])
    first = matches[0]
    if len(matches) > 1:
        second = matches[1]
        raise DocumentReferenceError("more than one document reference", text, second.start, second.text)
    lead = text[: first.start].strip()
    if lead:
        raise DocumentReferenceError("text before the reference", text, 0, lead)
    return first.value
