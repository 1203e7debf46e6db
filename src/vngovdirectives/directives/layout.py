"""The layout of a document: where its header, main text and signature are, and what they state.

:func:`read_layout` finds the header wherever it starts (:mod:`~vngovdirectives.directives.header`),
the signature block wherever it ends the main text (:mod:`~vngovdirectives.directives.signature`:
before appendices, attached rules and footnotes), the "Nơi nhận" list, a site's metadata rows
(:mod:`~vngovdirectives.directives.metadata`), and the type: the type line, or the layout (a
letter with "V/v" and "Kính gửi" is a Công văn), or the symbol. It tells a document from a page
that reports documents: a document has a header or a letter's addressees and signature.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING, Final, NamedTuple

from vngovdirectives.dates.model import VnDate
from vngovdirectives.directives.ending import appendix_start, recipients
from vngovdirectives.directives.header import Header, read_header
from vngovdirectives.directives.lexicon import ATTACHED_TEXT
from vngovdirectives.directives.metadata import Metadata, read_metadata
from vngovdirectives.directives.signature import Block, find_signer
from vngovdirectives.directives.units import Piece, is_upper
from vngovdirectives.finding.match import MatchKind
from vngovdirectives.numbers.codes import DocumentType
from vngovdirectives.references.model import DocumentReference

if TYPE_CHECKING:
    import datetime as dt

    from vngovdirectives.directives.page import Page
    from vngovdirectives.numbers.model import DocumentNumber

__all__ = ["Layout", "attached_texts", "read_layout"]

#: A basis clause or the first article where a line begins (searched from the line break, a literal: the search
#: runs over the whole text of a page without a header).
_CAN_CU: Final = re.compile(r"\n[ \t*]{0,4}(?:Căn\s{1,3}cứ|Điều\s{1,3}1\s{0,3}[.:])")
#: How far after the signature a self-reference of an appendix is looked for.
_SELF_REACH: Final = 30_000
#: "(Kèm theo Công văn số 4001/UBND-ĐT ngày 24/11/2025 …)", "(Ban hành kèm theo Quyết định số …)".
_ATTACHED: Final = re.compile(r"(?:[Kk]èm|KÈM)[\s*]{1,4}(?:theo|THEO)[\s*]{1,4}$")
_LETTER: Final = DocumentType.CONG_VAN.label
#: The closing words of an act a body adopts in session, which date it when its header has no date
#: line (a law, a resolution of the National Assembly or its Standing Committee): "Nghị quyết này đã
#: được Ủy ban Thường vụ Quốc hội … phiên họp thứ 9 thông qua ngày 23 tháng 3 năm 2022".
_ADOPTED: Final = re.compile(r"(?<!\w)này\s{1,3}(?:đã\s{1,3})?được\s[^.;]{0,300}?\sthông\s{1,3}qua\s{1,3}(?=ngày)")
_ADOPTED_DATE_REACH: Final = 4  # most characters between "thông qua" and its date
_LONGEST_DATE: Final = 40  # "ngày 23 tháng 3 năm 2022" and its longer spellings fit in this
#: "(Ban hành kèm theo Quyết định số …)" under the heading of an attached text.
_ATTACHED_NOTE: Final = re.compile(r"[\s*(]{0,6}(?:[Bb]an\s{1,3}hành\s{1,3})?(?:[Kk]èm|KÈM)\s{1,3}(?:theo|THEO)")
#: Where a line or a cell opens with the heading of an attached text.
_ATTACHED_AT_LINE: Final = re.compile(rf"[\n|][ \t\r\f\v*#_|\u200b]*(?={ATTACHED_TEXT.pattern})")
#: How many lines an attached text's heading may take before its note.
_NOTE_REACH: Final = 8


class Layout(NamedTuple):
    """Where the parts of a document are and what its header states.

    ``start`` is where the document begins (after a page's preamble), ``body_start`` where its
    main text begins (after the header and the addressees), ``main_end`` where the main text ends
    (after the signature block, before appendices). ``issued`` is the issue date and its span.
    """

    is_document: bool
    start: int
    body_start: int
    main_end: int
    header: Header
    number: DocumentNumber | None
    number_span: tuple[int, int] | None
    type_name: Piece | None
    issued: tuple[int, int, dt.date] | None
    signer: Block | None
    recipients: tuple[Piece, ...]


def read_layout(page: Page) -> Layout:
    """The layout of ``page``; never raises."""
    text, units = page.text, page.units
    header = read_header(text, page.source.low, units)
    body_start = header.end if header is not None else 0
    if header is None and not _basis(text, 0, len(text)):
        signer, sig_end = None, None  # neither a header nor a basis or articles: a page reporting documents
    else:
        signer, sig_end = find_signer(text, units, body_start)
    main_end = sig_end if sig_end is not None else appendix_start(text, units, body_start)
    is_document = _is_document(text, header, signer)
    if header is None:
        header = Header(start=0, end=0)
    meta = read_metadata(text, page.source.low)
    number, number_span = header.number, header.number_span
    type_name = _type_name(header, meta)
    issued = _issued(header, meta) or _adopted(page, body_start, len(text))
    if number is None and issued is None and sig_end is not None:
        ref = _self_reference(page, sig_end)
        if ref is not None:
            number, number_span, type_name, issued = _from_reference(page, ref, type_name)
    if signer is None and meta.signer is not None:
        signer = Block(None, None, meta.signer, meta.signer.start, meta.signer.end)
    return Layout(
        is_document=is_document,
        start=header.start if header.end else 0,
        body_start=body_start,
        main_end=main_end,
        header=header,
        number=number,
        number_span=number_span,
        type_name=type_name,
        issued=issued,
        signer=signer,
        recipients=recipients(text, units, body_start, main_end + 1),
    )


def _issued(header: Header, meta: Metadata) -> tuple[int, int, dt.date] | None:
    date = header.date
    if date is not None and date.value is not None:
        return date.start, date.end, date.value
    if meta.issued_on is not None and (date is None or header.end == 0):
        at, value = meta.issued_on
        return at, at, value
    return None


def _adopted(page: Page, start: int, end: int) -> tuple[int, int, dt.date] | None:
    """The day the text says it was adopted ("… này đã được … thông qua ngày …"), if it says so."""
    for m in _ADOPTED.finditer(page.text, start, end):
        dates = page.in_range(MatchKind.DATE, m.end(), m.end() + _ADOPTED_DATE_REACH + _LONGEST_DATE)
        first = dates[0] if dates else None
        value = first.value if first is not None and first.start - m.end() <= _ADOPTED_DATE_REACH else None
        if isinstance(value, VnDate) and value.year is not None and value.day is not None and not value.lunar:
            assert first is not None
            return first.start, first.end, value.first_day()
    return None


def _type_name(header: Header, meta: Metadata) -> Piece | None:
    """The type line's name; a letter ("V/v", "Kính gửi", no type line) is a công văn; else a site's
    metadata row or the number's symbol. A consolidated text ("…/VBHN-…") is one whatever it prints."""
    number, span = header.number, header.number_span
    if number is not None and span is not None and number.type_code == DocumentType.VAN_BAN_HOP_NHAT.code:
        return Piece(DocumentType.VAN_BAN_HOP_NHAT.label, *span)
    if header.type_line is not None:
        return header.type_line
    title = header.title
    if header.addressees or (title is not None and title.value[:3].casefold() == "v/v"):
        mark = header.addressees[0] if header.addressees else title
        assert mark is not None
        return Piece(_LETTER, mark.start, mark.end)
    if meta.type_name is not None:
        return meta.type_name
    if number is not None and span is not None:
        implied = number.doc_type
        if implied is not None:
            return Piece(implied.label, *span)
    return None


def _self_reference(page: Page, after: int) -> DocumentReference | None:
    """The document an appendix says it is attached to ("(Kèm theo Công văn số 4001/UBND-ĐT ngày …)"):
    the number, type and date of a page that lost its header."""
    text = page.text
    for m in page.in_range(MatchKind.REFERENCE, after, min(len(text), after + _SELF_REACH)):
        ref = m.value
        dated = isinstance(ref, DocumentReference) and ref.number is not None and ref.issued_on is not None
        if dated and _ATTACHED.search(text, max(0, m.start - 24), m.start):
            assert isinstance(ref, DocumentReference)
            return ref
    return None


def _from_reference(
    page: Page, ref: DocumentReference, type_name: Piece | None
) -> tuple[DocumentNumber | None, tuple[int, int] | None, Piece | None, tuple[int, int, dt.date] | None]:
    m = next(m for m in page.matches if m.value is ref)
    kind = type_name or (Piece(ref.type_name, m.start, m.end) if ref.type_name else None)
    issued_on = ref.issued_on
    dated = issued_on is not None and issued_on.year is not None and issued_on.day is not None and not issued_on.lunar
    day = issued_on.first_day() if dated and issued_on is not None else None
    return ref.number, (m.start, m.end), kind, (m.start, m.end, day) if day is not None else None


def _is_document(text: str, header: Header | None, signer: Block | None) -> bool:
    """A document has a header (the motto, a number line, a type line with its basis or articles) or a
    letter's addressees with a signature; a news page reporting documents has neither."""
    if header is None:
        return signer is not None and signer.name is not None and _basis(text, 0, len(text))
    if header.has_motto or header.number_line is not None:
        return True
    if header.addressees and signer is not None:
        return True
    if header.type_line is not None:
        return signer is not None or _basis(text, header.end, header.end + 20_000)
    return False


def _basis(text: str, start: int, end: int) -> bool:
    """Whether a line of ``text[start:end]`` opens with "Căn cứ" or "Điều 1." (the text's first line too)."""
    first = start == 0 and _CAN_CU.match("\n" + text[: min(end, 80)]) is not None
    return first or _CAN_CU.search(text, start, end) is not None


def attached_texts(page: Page, start: int) -> list[tuple[int, int]]:
    """The texts attached after the main text (from ``start``) whose orders are the document's: a heading
    ("QUY CHẾ …", "KẾ HOẠCH …") with its note "(Ban hành kèm theo …)"; each runs to the next appendix
    heading. Returns where each one's body starts (after its note) and ends."""
    units = page.units_in(start, len(page.text))
    out: list[tuple[int, int]] = []
    starts = [u.start for u in units]
    k = 0
    while k < len(units):
        hit = _ATTACHED_AT_LINE.search(page.text, max(0, units[k].start - 1))
        if hit is None:
            break
        k = max(k, bisect.bisect_right(starts, hit.end() - 1) - 1)
        u = units[k]
        if not (ATTACHED_TEXT.match(u.text) and is_upper(u.text)):
            k += 1
            continue
        note = next(
            (j for j in range(k + 1, min(len(units), k + _NOTE_REACH)) if _ATTACHED_NOTE.match(units[j].text)), None
        )
        if note is None:
            k += 1
            continue
        body = note + 1
        while body < len(units) and not units[body - 1].text.rstrip("*").endswith(")"):
            body += 1  # the note runs over several lines
        if body >= len(units):
            break
        end = appendix_start(page.text, page.units, units[body].start)
        out.append((units[body].start, end))
        k = next((j for j in range(body, len(units)) if units[j].start >= end), len(units))
    return out
