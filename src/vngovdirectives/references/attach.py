"""What a text attaches to a number: its issue date, its issuer, and for a header number its type.

"Công văn số 39/CV-BCĐ **ngày 29/3/2019 của Ban Chỉ đạo …**": the date right after the number
(:func:`date_after`), the body after "của" (:func:`issuer_after`); a header number takes the
document's date line (:func:`header_date`) and the type of the title line below it
(:func:`header_type`); a news sentence may open with the issue date (:func:`dated_sentence`).
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Final

from vngovdirectives.dates.model import VnDate
from vngovdirectives.dates.stated import stated_dates
from vngovdirectives.numbers.codes import DocumentType
from vngovdirectives.references.names import lead_type_names
from vngovdirectives.references.patterns import NUMBER_RE
from vngovdirectives.text.patterns import BODY_HEADS, LOWER, UPPER, alternation, trie
from vngovdirectives.text.vocab import words

if TYPE_CHECKING:
    import datetime

    from vngovdirectives.references.context import ScanContext

__all__ = ["date_after", "dated_sentence", "header_date", "header_type", "is_letter", "issuer_after", "issuer_before"]

#: After a number: the gap (a comma, a line break; taken whole, as an atomic group would: a
#: look-ahead captures it and a back-reference consumes it), then "ngày" (maybe after "ban hành")
#: (or "dated" in an English translation) that leads to an issue date, or a year "năm 2020". One
#: pattern, one call per number.
_AFTER: Final = re.compile(
    r"(?=(?P<gap>[ \t]{0,3}\n?[ \t]{0,3},?[ \t\n]{0,3}(?:\(\s{0,2})?))(?P=gap)"
    r"(?:(?P<lead>(?i:(?:ban hành\s{1,3}|được ban hành\s{1,3})?(?:ngày|ngµy|dated)\s{0,3}))"
    r"|năm\s{1,3}(?P<y>(?:19|20)[0-9]{2})(?![0-9/]))?"
)
_OF_AFTER: Final = re.compile(r"\s{0,3},?\s{0,3}(?:của|CỦA)\s{1,3}")
#: Where an issuer named after "của" ends ("của UBND tỉnh về việc …").
#: A line break ends it unless the next line goes on in lower case (a name broken by the page:
#: "của Bộ\ntrưởng Bộ Công Thương").
_ISSUER_END_WORDS: Final = trie(  # as listed, and in capitals for a title in capitals ("… CỦA BỘ CHÍNH TRỊ VỀ …")
    sorted({*words("issuer_end_words"), *(w.upper() for w in words("issuer_end_words"))}), r"\s{1,3}"
)
#: "và" joins the two halves of a body's name ("Bộ Khoa học và Công nghệ", "Sở Giáo dục và Đào tạo")
#: unless what follows is in lower case or names another document ("… của UBND tỉnh và Nghị quyết số …").
_AND_ENDS: Final = rf"\svà\s{{1,3}}(?:(?![{UPPER}])|{alternation(lead_type_names())}(?!\w))"
_ISSUER_END: Final = re.compile(
    rf"[.;:()\[\]\"“”]|\n(?![ \t]{{0,3}}[{LOWER}])|,\s|\s{_ISSUER_END_WORDS}(?!\w)|{_AND_ENDS}"
)
#: How a sentence may open before its issue date: "Ngày 6/5/2019, …", "Vào ngày …", "Vừa qua, ngày …",
#: after a news site's tag ("(Chinhphu.vn) - Ngày 5/3, …").
_LEDE_WORDS: Final = alternation([*words("dateline_openers"), *words("sentence_openers")], " ")
_OPENING: Final = re.compile(
    r"[ \t.?!]{0,4}(?:\([^()\n]{1,40}\)[ \t]*[-–][ \t]*)?"  # a site's tag: "(Chinhphu.vn) - "
    rf"(?:{_LEDE_WORDS}[ \t]{{0,2}},[ \t]{{0,2}})?(?:[Vv]ào[ \t]{{1,3}})?(?=[Nn]gày)"
)
#: A title, a body's head word, or "và", at the end of a line, which needs the rest of the name on
#: the next one ("của Chủ tịch\nỦy ban …", "của Bộ\nChính trị", "của Bộ Nông nghiệp và\nPhát triển
#: nông thôn").
_NEEDS_MORE: Final = alternation([*words("issuer_titles"), *words("body_heads_named")], " ")
_TITLE_AT_END: Final = re.compile(rf"(?<!\w)(?:{_NEEDS_MORE}|và)[ \t]*\Z", re.IGNORECASE)
#: What may stand between a sentence's opening issue date and the reference: a comma, then no
#: sentence end ("Ngày 6/5/2019, UBND tỉnh đã có văn bản số …").
_DATED_MID: Final = re.compile(r"\s{0,3},?(?P<mid>[^.\n]{0,220})")
_ISSUING_VERB: Final = re.compile(rf"\b{alternation(words('issuing_verbs'), ' ')}\b")
#: A document title line naming its type ("QUYẾT ĐỊNH", "KẾ HOẠCH").
_TITLE_LINE: Final = re.compile(rf"\n[ \t]{{0,8}}(?P<t>[{UPPER}][{UPPER} ]{{1,30}}[{UPPER}])[ \t]{{0,8}}(?=\n)")
#: A line that opens a sentence with its date ("Ngày 28 tháng 11 năm 2025, tại …"): not a date of the
#: number that ends the line before (checked up to just after the date).
_OPENS_SENTENCE: Final = re.compile(r"Ngày\s[^\n]{1,30}?\d{4}\s{0,2},")
#: A letter's subject line right below its number: "V/v triển khai …".
_SUBJECT_LINE: Final = re.compile(r"(?:^|\n|\|)[ \t*_]{0,4}(?:V/v|V/V|v/v)[\s:.]", re.MULTILINE)
_SUBJECT_REACH: Final = 300
#: How far after a header number its date line and title line may stand.
_HEADER_WINDOW: Final = 700


def issuer_after(text: str, pos: int) -> tuple[str | None, int]:
    """The body named after "của" at ``pos`` ("của UBND tỉnh về …" → "UBND tỉnh") and where it ends."""
    if text.find("của", pos, pos + 10) < 0 and text.find("CỦA", pos, pos + 10) < 0:  # the common case
        return None, pos
    m = _OF_AFTER.match(text, pos)
    if m is None:
        return None, pos
    start = m.end()
    window = text[start : start + 160]
    end_m = _ISSUER_END.search(window)
    if end_m is not None and end_m.group() == "\n" and _TITLE_AT_END.search(window, 0, end_m.start()):
        end_m = _ISSUER_END.search(window, end_m.end())  # "của Chủ tịch\nỦy ban nhân dân tỉnh"
    raw = (window[: end_m.start()] if end_m else window).rstrip(" \t,*_")
    found = raw.split()
    if not found or not found[0][:1].isupper():
        return None, pos
    return " ".join(found[:14]), start + len(raw)


#: How far before a reference the body that issued it may be named.
_BEFORE_REACH: Final = 160
#: "… của <body> tại <reference>": whose proposal or opinion the reference carries ("Theo đề nghị
#: của Sở Tài chính tại Tờ trình số …", "ý kiến thẩm định của Sở Tư pháp tại Báo cáo số …").
_OF_AT_BEFORE: Final = re.compile(rf"\Wcủa\s{{1,3}}(?P<x>[{UPPER}][^,.;:!?()\[\]]{{1,100}}?)\s{{1,3}}tại\s{{1,3}}\Z")
#: "<body> (đã, vừa) ban hành / có / gửi <reference>": the clause's subject issued it ("Ngày 12/9,
#: UBND huyện ban hành Văn bản số …", "Bộ Tài nguyên và Môi trường vừa có Công văn số …"). The
#: pattern reads the verb; the subject is the clause's words before it.
_ISSUING_TAIL: Final = re.compile(
    r"\s{1,3}(?:(?:mới\s{1,3}đây|vừa\s{1,3}qua|gần\s{1,3}đây|chính\s{1,3}thức|đã|vừa|mới|cũng|ký)\s{1,3}){0,3}"
    r"(?:ban\s{1,3}hành|có|gửi|phát\s{1,3}hành|ra)[ \t]{1,3}\Z"
)
#: What ends the clause a subject stands in.
_CLAUSE_MARKS: Final = ",.;:!?()[]\n"
_ISSUING_BODIES: Final = alternation(words("issuing_bodies"))
_BODY_HEAD: Final = re.compile(rf"(?<!\w)(?:{BODY_HEADS}|{_ISSUING_BODIES}(?!\w))")
_VERB_ENDINGS: Final = ("hành", "có", "gửi", "ra")
#: A word inside such a name that shows it is no name ("của Bộ GDĐT về thực hiện … tại", "của Đơn
#: vị … theo quy định tại"): the words that end an issuer named after "của".
_NOT_A_NAME: Final = re.compile(rf"\s{_ISSUER_END_WORDS}(?!\w)")


def issuer_before(text: str, start: int) -> str | None:
    """The body a sentence names before the reference at ``start`` as its issuer: "… của <body> tại
    <reference>", or a clause's subject before "ban hành", "có", "gửi" ("UBND tỉnh đã có văn bản
    số …"). The subject must start with a body's head word; what comes before that is dropped
    ("Ngày 29 tháng 12/2020 Ban Thường vụ Tỉnh ủy đã ban hành …")."""
    tail = text[max(0, start - 12) : start].rstrip(" \t")
    lo = max(0, start - _BEFORE_REACH)
    if tail.endswith("tại"):  # from the last "của" (a name holding one is none anyway)
        m = _OF_AT_BEFORE.match(text, max(0, text.rfind("của", lo, start) - 1), start)
        return _name(m.group("x")) if m is not None else None
    if not tail.endswith(_VERB_ENDINGS):  # the common case, decided without the patterns
        return None
    m = _ISSUING_TAIL.search(text, lo, start)
    if m is None:
        return None
    clause = max(text.rfind(mark, lo, m.start()) for mark in _CLAUSE_MARKS) + 1
    subject = text[max(lo, clause) : m.start()]
    head = _BODY_HEAD.search(subject)
    return _name(subject[head.start() :]) if head is not None else None


def _name(found: str) -> str | None:
    """``found`` as a body's name on one line, or None when a word in it shows it is none."""
    return None if _NOT_A_NAME.search(found) else " ".join(found.split()) or None


def date_after(ctx: ScanContext, pos: int) -> tuple[VnDate | None, int]:
    """An issue date right after a number: "ngày 29/3/2019", ", ngày 15-5-2016", "năm 2020", a
    full day alone on the same line ("110/GP-UBND 13/11/2020")."""
    m = _AFTER.match(ctx.text, pos)
    if m is None:  # cannot happen (every part is optional); kept for the type checker
        return None, pos
    if m.group("lead") is not None:
        for start in m.span("lead"):
            found = ctx.date_at(start)
            if found is not None and found[1].day is not None:
                if "\n" in m.group("gap") and _OPENS_SENTENCE.match(ctx.text, m.start("lead"), found[0] + 3):
                    return None, pos  # "… Nghị quyết số 66-NQ/TW\nNgày 28/11/2025, tại …": the next sentence's
                return found[1], found[0]
        return None, pos
    if m.group("y") is not None:
        return VnDate(year=int(m.group("y"))), m.end()
    gap = m.group("gap")
    # a full day with no "ngày", as in a table's row ("110/GP-UBND 13/11/2020"); not one in
    # brackets, which on a page title is the day it was posted ("Thông tư số … (01/07/2010)")
    if "\n" not in gap and "(" not in gap:
        found = ctx.date_at(m.end())
        if found is not None and found[1].day is not None and found[1].year is not None:
            return found[1], found[0]
    return None, pos


def header_date(ctx: ScanContext, pos: int) -> VnDate | None:
    """The date of the document whose header holds the number at ``pos``: the nearest date it states
    from 300 characters before to 700 after (the earlier one of two as near)."""
    n = len(ctx.low)
    # The date line is nearly always within a line or two: look there first. A date found within
    # ``near`` of ``pos`` is nearer than any outside that window.
    near = 150
    found = stated_dates(ctx.low, max(0, pos - near), min(n, pos + near))
    if not found:
        found = stated_dates(ctx.low, max(0, pos - 300), min(n, pos + _HEADER_WINDOW))
    best = min(found, key=lambda f: abs(f[0] - pos), default=None)
    return _day_of(best[1]) if best is not None else None


@functools.lru_cache(maxsize=1024)
def _day_of(date: datetime.date) -> VnDate:
    return VnDate.of(date)


def header_type(text: str, pos: int) -> str | None:
    """The type named by the title line below a header number ("QUYẾT ĐỊNH")."""
    for m in _TITLE_LINE.finditer(text, pos, min(len(text), pos + _HEADER_WINDOW)):
        named = DocumentType.from_label(m.group("t"))
        if named is not None:
            return named.label
    return None


def is_letter(text: str, pos: int) -> bool:
    """Whether the header number ending at ``pos`` is a letter's: a subject line "V/v …" follows it
    before any title line ("Số: 5363/CT-CS … V/v …" is a Công văn of Cục Thuế, not a Chỉ thị)."""
    subject = _SUBJECT_LINE.search(text, pos, min(len(text), pos + _SUBJECT_REACH))
    if subject is None:
        return False
    title = _TITLE_LINE.search(text, pos, subject.start() + 1)  # (its line break ends a title line)
    return title is None or DocumentType.from_label(title.group("t")) is None


def dated_sentence(ctx: ScanContext, start: int) -> VnDate | None:
    """The date opening the sentence that cites a document: "Ngày 6/5/2019, UBND tỉnh đã có văn bản
    số …", "Ngày 12/9, UBND huyện ban hành Văn bản số …" (a year-less date as the date scan
    completed it). The words between must report an issue ("ban hành", "đã có") and name no other
    number."""
    text = ctx.text
    lo = max(0, start - 300)
    if text.find("gày", lo, start) < 0:  # no "Ngày" in reach: the common case, decided at once
        return None
    cut = max(text.rfind("\n", lo, start), text.rfind(". ", lo, start), text.rfind("? ", lo, start))
    sentence_start = cut + 1 if cut >= 0 else lo
    opening = _OPENING.match(text, sentence_start)
    if opening is None:
        return None
    found = ctx.date_at(opening.end())
    if found is None or found[1].day is None or found[0] > start:
        return None
    m = _DATED_MID.fullmatch(text, found[0], start)
    if m is None or not _ISSUING_VERB.search(m["mid"]) or NUMBER_RE.search(m["mid"]):
        return None
    return found[1]
