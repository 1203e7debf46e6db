"""Document references in running text: "Công văn số 39/CV-BCĐ ngày 29/3/2019 của Ban Chỉ đạo …".

:func:`scan_references` finds full references (a number with a symbol, introduced or not) and
short ones ("Chỉ thị 16") in one pass of one pattern, reads what introduces each number
(:mod:`~vngovdirectives.references.lead`) and what follows it (:mod:`~vngovdirectives.references.attach`).
It returns every hit, sorted by start, the longer first; which of two overlapping hits is kept
is the finders' decision (:mod:`vngovdirectives.finding.filter`).
"""

from __future__ import annotations

import bisect
import operator
import re
from typing import TYPE_CHECKING, Final

import attrs

from vngovdirectives.dates.model import VnDate
from vngovdirectives.errors import DocumentNumberError
from vngovdirectives.numbers.codes import DocumentType, canonical_code
from vngovdirectives.numbers.grammar import CODE, NumberScheme, canon_groups
from vngovdirectives.numbers.parse import MAX_LENGTH, parse_clean, parse_number
from vngovdirectives.references.attach import (
    date_after,
    dated_sentence,
    header_date,
    header_type,
    is_letter,
    issuer_after,
    issuer_before,
)
from vngovdirectives.references.context import RefHit, ScanContext
from vngovdirectives.references.lead import Lead, read_lead
from vngovdirectives.references.model import DocumentReference
from vngovdirectives.references.names import normal_type_name, type_of
from vngovdirectives.references.patterns import CANDIDATE_RE, NOT_BEFORE_SERIAL, OTHER_SHORTS, SHORT_NOT_AFTER
from vngovdirectives.text.patterns import BARE_YEAR_MIN, plausible_year

if TYPE_CHECKING:
    from vngovdirectives.numbers.model import DocumentNumber

__all__ = ["scan_references"]

_HIT_START: Final = operator.itemgetter(0)
_HIT_END: Final = operator.itemgetter(1)
_PART_SPLIT: Final = re.compile(r"[/\-.\s]+")
#: Serials listed before a shared symbol: "các Công văn số 2522, 2523/UBND - VX".
_LISTED_SERIAL_BEFORE: Final = re.compile(r"(?<![\w/.])(?P<serial>[0-9]{1,6}[a-z]?)\s{0,2}(?:,|và|;)\s{0,3}$")
_LIST_CONNECTOR: Final = re.compile(r"\s{0,3}(?:[,;]|và|,\s{0,3}và)\s{0,3}")


def scan_references(ctx: ScanContext) -> list[RefHit]:
    """Every full and short reference in ``ctx.text``, sorted by start (the longer first)."""
    hits: list[RefHit] = []
    shorts: list[re.Match[str]] = []
    for m in CANDIDATE_RE.finditer(ctx.text):
        if m.group("sym") is None:
            shorts.append(m)
        elif _may_start_number(ctx, m.start()):
            hit = _full_reference(ctx, m)
            if hit is not None:
                hits.extend(hit)
    hits = _inherit_types(ctx.text, hits)
    for m in _other_shorts(ctx.text, shorts):
        short = _short_reference(ctx, m)
        if short is not None:
            hits.append(short)
    hits.sort(key=_HIT_END, reverse=True)  # by start, the longer first: two stable C-level sorts
    hits.sort(key=_HIT_START)
    return hits


def _may_start_number(ctx: ScanContext, start: int) -> bool:
    """Whether a serial may start at ``start``: not inside a longer token, a word or a URL."""
    text = ctx.text
    if start and text[start - 1] in NOT_BEFORE_SERIAL:
        return False
    if start > 1 and text[start - 1] == ":" and text[start - 2].isdigit():
        return False  # a standard's year: "QCVN 01:2022/BXD"
    if start and text[start - 1].isalpha() and not text.endswith(("số", "Số", "SỐ"), 0, start):
        return False
    if ctx.url_spans:  # inside a URL or a path?
        i = bisect.bisect_right(ctx.url_spans, (start, len(text) + 1)) - 1
        if i >= 0 and start < ctx.url_spans[i][1]:
            return False
    return True


def _other_shorts(text: str, shorts: list[re.Match[str]]) -> list[re.Match[str]]:
    """``shorts`` and the short references whose type name starts beyond Latin-1 ("Đề án")."""
    for name, rx in OTHER_SHORTS:
        p = text.find(name)
        while p >= 0:
            short = rx.match(text, p)
            if short is not None:
                shorts.append(short)
            p = text.find(name, p + 1)
    return shorts


def _short_reference(ctx: ScanContext, m: re.Match[str]) -> RefHit | None:
    text = ctx.text
    start, serial_end = m.start(), m.end("short")
    if start and text[start - 1].isalpha():
        return None
    stated_year = m.group("syear")
    if stated_year is not None:  # "Nghị định 24/2012": the year the number states
        serial_end = m.end("syear")
    if SHORT_NOT_AFTER.match(text, serial_end):
        return None
    serial = m.group("short")
    if m.group("so") is None and stated_year is None and len(serial) == 4 and serial.isdigit():
        year = int(serial)
        if year >= BARE_YEAR_MIN and plausible_year(year):
            return None  # "Kế hoạch 2021" names a year, not a document
    issued_on, end = date_after(ctx, serial_end)
    issuer, end2, issued_on = _issuer_and_date(ctx, end, issued_on)
    if issued_on is None and stated_year is not None:
        issued_on = VnDate(year=int(stated_year))
    ref = DocumentReference(
        serial=serial, type_name=normal_type_name(text[start : m.end("tname")]), issued_on=issued_on, issuer=issuer
    )
    return RefHit(start=start, end=max(end, end2), value=ref, number_start=m.start("short"), number_end=serial_end)


def _issuer_and_date(ctx: ScanContext, pos: int, issued_on: VnDate | None) -> tuple[str | None, int, VnDate | None]:
    """The issuer named at ``pos`` and where it ends, and the issue date: ``issued_on`` (stated before
    the issuer), else one right after it ("Nghị quyết số 46/NQ-CP của Chính phủ ngày 08/3/2025")."""
    issuer, end = issuer_after(ctx.text, pos)
    if issued_on is None and issuer is not None:
        issued_on, after = date_after(ctx, end)
        end = max(end, after)
    return issuer, end, issued_on


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


def _symbol_ok(spaced: bool, symbol_text: str, introduced: bool, alone: bool) -> bool:
    """Whether the symbol of a candidate looks like a real one in running text (``alone``: the
    candidate is the whole text, a field's value)."""
    if spaced and not (introduced or alone):
        return False  # "84 QĐ/TWĐTN", "7171 / NQ.BCA" only after "số" ("01 - NNT" numbers a list)
    if alone or not symbol_text.islower():  # the pattern guarantees letters; upper case marks a symbol
        return True
    # An all-lower-case symbol counts after "số" or a type name when its first code is known
    # ("06-ct/tw"), and anywhere when every code is ("8705/2021/qđ-qh", "394/vbhn-bca") unless it is
    # one short code ("5/ha", "10/tr").
    parts = [p for p in _PART_SPLIT.split(symbol_text.strip(" /-.")) if p]
    has_year = parts[0].isdigit()
    parts = parts[1:] if has_year else parts
    codes = canon_groups(tuple(parts)) if parts and all(CODE.fullmatch(p) for p in parts) else ()
    if not codes or canonical_code(codes[0]) is None:
        return False
    if introduced:
        return True
    return all(canonical_code(c) is not None for c in codes) and (has_year or len(codes) > 1 or len(codes[0]) > 2)


def _list_mark(number: DocumentNumber, sym: str) -> bool:
    """Whether a number nobody introduced is an item mark or a code, not a document: one code after a
    dash or a dot ("7- Ban Tôn giáo", "500-K21", "20.Trung tâm"), or one word in sentence case
    ("515/Doanh thu")."""
    if number.scheme is not NumberScheme.ISSUER_ONLY:
        return False
    code = sym.lstrip(" \t\r\n/-.")
    return "/" not in sym or (code[:1].isupper() and code[1:].islower())


def _alone(text: str, lead: Lead, m: re.Match[str]) -> bool:
    """Whether the number (with its introduction) is the whole text: a form field or a table cell's
    value, read as :func:`~vngovdirectives.numbers.parse_number` reads it, not running text."""
    return not text[: lead.start].strip() and not text[m.end() :].strip()


def _number_of(written: str) -> DocumentNumber | None:
    # The clean layout first, without parse_number's checks of its input (a str, not too long).
    number = parse_clean(written, written) if len(written) <= MAX_LENGTH else None
    if number is None:
        try:
            number = parse_number(written)
        except DocumentNumberError:
            return None
    return number


def _full_reference(ctx: ScanContext, m: re.Match[str]) -> list[RefHit] | None:
    text = ctx.text
    serial_start = m.start()
    lead = read_lead(ctx, serial_start)
    if lead.blocked:
        return None
    sym = m.group("sym")
    # The common case (a symbol with capitals, after a separator) without calling _symbol_ok.
    spaced = sym[0] in " \t\r\n"
    if (spaced or sym.islower()) and not _symbol_ok(spaced, sym, lead.introduced, _alone(text, lead, m)):
        return None
    number = _number_of(m.group())
    if number is None or (not lead.introduced and _list_mark(number, sym)):
        return None
    issued_on, end = date_after(ctx, m.end())
    if lead.header and issued_on is None:
        ref = DocumentReference(
            number=number,
            serial=number.serial,
            type_name=(
                DocumentType.CONG_VAN.label
                if is_letter(text, m.end())
                else type_of(number) or lead.type_name or header_type(text, m.end())
            ),
            issued_on=header_date(ctx, serial_start),
            header=True,
        )
        return [RefHit(lead.start, m.end(), ref, serial_start, m.end())]
    type_name = lead.type_name or type_of(number)
    issuer, end2, issued_on = _issuer_and_date(ctx, end, issued_on)
    if issuer is None:
        issuer = issuer_before(text, lead.start)
    if issued_on is None:
        issued_on = dated_sentence(ctx, lead.start)
    ref = DocumentReference(
        number=number, serial=number.serial, type_name=type_name, issued_on=issued_on, issuer=issuer
    )
    hit = RefHit(lead.start, max(end, end2), ref, serial_start, m.end())
    if text[max(0, serial_start - 6) : serial_start].rstrip().endswith((",", ";", "và")):  # a list: "số 2522, 2523/…"
        return [*_listed_before(ctx, serial_start, number, type_name), hit]
    return [hit]


def _listed_before(ctx: ScanContext, serial_start: int, number: DocumentNumber, type_name: str | None) -> list[RefHit]:
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
    if not read_lead(ctx, pos).introduced:
        return []
    out.reverse()
    return out
