"""Single documents: a Quyết định, Kế hoạch, Công văn, Chỉ thị … with its header, body and signer.

The header: the national motto, the issuing body (and the body above it), "Số: …", the date line
(:func:`vngovdirectives.dates.stated.date_lines`), the type line and the trích yếu ("V/v …").
The body: "Căn cứ …" clauses, articles or numbered points (:mod:`~vngovdirectives.directives.articles`).
The end: "Nơi nhận" and the signer block (:mod:`~vngovdirectives.directives.signature`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

import attrs

from vngovdirectives.dates.model import VnDate
from vngovdirectives.dates.stated import DateLine, date_lines
from vngovdirectives.directives.articles import ARTICLE, POINT, document_tasks
from vngovdirectives.directives.effective import own_effective
from vngovdirectives.directives.model import Assignee, Document, Mention, ReferenceRole, Span
from vngovdirectives.directives.page import Page, clean, segments, trim
from vngovdirectives.directives.signature import RECIPIENTS, recipients, signer
from vngovdirectives.directives.targets import targets
from vngovdirectives.directives.tasks import deadlines_in, reference_mention
from vngovdirectives.finding.match import Match, MatchKind
from vngovdirectives.references.model import DocumentReference
from vngovdirectives.text.patterns import alternation
from vngovdirectives.text.vocab import words

if TYPE_CHECKING:
    from vngovdirectives.directives.model import Reference
    from vngovdirectives.numbers.model import DocumentNumber

__all__ = ["MOTTO", "TYPE_WORDS", "read_document"]

#: The national motto ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc") or the Party's.
MOTTO: Final = re.compile(
    r"^CỘNG$|CỘNG\s{1,3}H[OÒ]A|H[OÒ]A\s{1,3}XÃ\s{1,3}HỘI|CHỦ\s{1,3}NGHĨA\s{1,3}VIỆT"
    r"|Độc\s{0,3}lập\s{0,3}-\s{0,3}Tự\s{0,3}do|ĐẢNG CỘNG SẢN VIỆT NAM",
    re.IGNORECASE,
)
_RULE: Final = re.compile(r"^[-_=*.\s]{3,}$")
#: The type line of a document in capitals ("QUYẾT ĐỊNH", "KẾ HOẠCH").
TYPE_WORDS: Final = alternation(words("document_type_titles"), " ")
_TYPE_TITLE: Final = re.compile(rf"(?P<type>{TYPE_WORDS})(?![\w])(?!\s{{0,3}}:)")
_SUBJECT: Final = re.compile(r"(?:V/v|V/V|Về việc|VỀ VIỆC|Về|VỀ)\s", 0)
_BASIS: Final = re.compile(r"Căn\s{1,3}cứ\s")
_ENACTING: Final = re.compile(
    r"(?:QUYẾT ĐỊNH|CHỈ THỊ|QUYẾT NGHỊ|YÊU CẦU|ĐỀ NGHỊ|THÔNG BÁO)\s{0,3}:$|(?:quyết định|yêu cầu|chỉ thị|đề nghị):$"
)
_AUTHORITY_HEADS: Final = re.compile(alternation(words("authority_heads"), " "))
_ISSUER_CHILD: Final = re.compile(alternation(words("subordinate_bodies"), " ") + r"\s")
_Seg = tuple[int, int]


@attrs.frozen(slots=True)
class _Header:
    """What the header of a document says, and where it ends."""

    number: Match[object] | None
    date_line: DateLine | None
    issuer: Mention | None
    parent: Mention | None
    type_mention: Mention | None
    type_name: str | None
    title: Mention | None
    end: int


def read_document(page: Page) -> Document:
    """The document ``page`` holds."""
    text = page.text
    segs = segments(text)
    header = _header(page, segs)
    number, number_span = _number(page, header.number)
    body_start = header.end
    rec_m = next(
        (m for s, e in segs if s >= body_start for m in [RECIPIENTS.match(text, s, e)] if _is_recipients(m)), None
    )
    last_article = max((s for s, _ in segs if s >= body_start and ARTICLE.match(text, s)), default=body_start)
    found_signer, signer_start = signer(page, segs, last_article)
    body_end = min(p for p in (rec_m.start() if rec_m else None, signer_start, len(text)) if p is not None)
    basis_clauses = [(s, e) for s, e in segs if body_start <= s < body_end and _BASIS.match(text, s)]
    basis = tuple(
        reference_mention(page, m, ReferenceRole.BASIS)
        for bs, be in basis_clauses
        for m in page.in_range(MatchKind.REFERENCE, bs, be)
    )
    addressed = [Assignee(name=r.text, span=r.span) for r in recipients(page, segs, body_start, kinh_gui_only=True)]
    tasks_start = max(body_start, basis_clauses[-1][1] if basis_clauses else 0)
    date_line = header.date_line
    type_name = header.type_name if header.type_name is not None else _type_from_number(number)
    effective = own_effective(page, type_name, body_start, body_end)
    return Document(
        span=Span(start=0, end=len(page.source.source)),
        type_name=type_name,
        type_mention=header.type_mention,
        issuer=header.issuer,
        parent_issuer=header.parent,
        number=number,
        number_span=number_span,
        place=page.mention(date_line.place_start, date_line.place_end) if date_line else None,
        issued_on=VnDate.of(date_line.value) if date_line else None,
        date_span=page.span(date_line.date_start, date_line.date_end) if date_line else None,
        title=header.title,
        effective=effective[0] if effective is not None else None,
        effective_span=effective[1] if effective is not None else None,
        basis=basis,
        basis_clauses=tuple(Mention(text=clean(text[s:e]), span=page.span(s, e)) for s, e in basis_clauses),
        tasks=tuple(document_tasks(page, segs, tasks_start, body_end, addressed)),
        recipients=tuple(recipients(page, segs, body_start)),
        signer=found_signer,
        references=_references(page, header.number, basis),
        deadlines=deadlines_in(page, body_start, body_end),
        targets=targets(page, body_start, body_end),
        body=page.mention(body_start, body_end),
        source_format=page.format,
    )


def _is_recipients(m: re.Match[str] | None) -> bool:
    return m is not None and m.group("w").casefold().startswith("nơi")


def _references(page: Page, number_m: Match[object] | None, basis: tuple[Reference, ...]) -> tuple[Reference, ...]:
    """Every reference of the page: the document's own number, the basis clauses', the others."""
    basis_by_span = {r.span: r for r in basis}
    return tuple(
        reference_mention(page, m, ReferenceRole.HEADER)
        if m is number_m
        else basis_by_span.get(page.span(m.start, m.end)) or reference_mention(page, m)
        for m in page.matches
        if m.kind is MatchKind.REFERENCE
    )


def _type_from_number(number: DocumentNumber | None) -> str | None:
    """The type a header number implies when the document names none (a letter's is "Công văn")."""
    if number is None:
        return None
    doc_type = number.doc_type
    return doc_type.label if doc_type is not None else "Công văn"


def _number(page: Page, number_m: Match[object] | None) -> tuple[DocumentNumber | None, Span | None]:
    """The document's own number and its span, from the header's number match."""
    if number_m is None or not isinstance(number_m.value, DocumentReference):
        return None, None
    text = page.text
    ns = text.find(str(number_m.value.serial), number_m.start, number_m.end)
    return number_m.value.number, page.span(ns if ns >= 0 else number_m.start, number_m.end)


def _header(page: Page, segs: list[_Seg]) -> _Header:
    n = len(segs)
    limit = segs[min(n, 40) - 1][1] if segs else 0
    number_m = next(
        (
            m
            for m in page.matches
            if m.start <= limit
            and m.kind is MatchKind.REFERENCE
            and isinstance(m.value, DocumentReference)
            and m.value.header
        ),
        None,
    )
    date_line = _date_line(page, number_m.end if number_m is not None else 0, limit + 1)
    if date_line is None and number_m is not None:
        date_line = _date_line(page, 0, limit + 1)
    marks = [
        p for p in (number_m.start if number_m else None, date_line.place_start if date_line else None) if p is not None
    ]
    parent, issuer = _issuer(page, segs, min(marks or [limit]))
    after = max(
        [p for p in (number_m.end if number_m else None, date_line.date_end if date_line else None) if p is not None]
        or [0]
    )
    type_mention, type_name, title, end = _type_and_title(page, segs, after)
    return _Header(number_m, date_line, issuer, parent, type_mention, type_name, title, end)


def _date_line(page: Page, start: int, end: int) -> DateLine | None:
    return next(date_lines(page.source.low, start, min(end, len(page.text)), page.text), None)


def _issuer(page: Page, segs: list[_Seg], first_mark: int) -> tuple[Mention | None, Mention | None]:
    """The parent issuer and the issuer: the upper-case lines before the number or the date line."""
    text = page.text
    issuer_segs: list[_Seg] = []
    for s, e in segs:
        if s >= first_mark or len(issuer_segs) >= 4:
            break
        piece = text[s:e]
        if MOTTO.search(piece) or _RULE.match(piece):
            continue
        if _upper(piece) and not _TYPE_TITLE.fullmatch(piece):
            issuer_segs.append((s, e))
        elif issuer_segs:
            issuer_segs = []  # a break in the upper-case block: start again
    if not issuer_segs:
        return None, None
    child = next((i for i, (s, _) in enumerate(issuer_segs) if i > 0 and _ISSUER_CHILD.match(text, s)), None)
    if child is not None:
        return _joined(page, issuer_segs[:child]), _joined(page, issuer_segs[child:])
    return None, _joined(page, issuer_segs)


def _type_and_title(page: Page, segs: list[_Seg], after: int) -> tuple[Mention | None, str | None, Mention | None, int]:
    """The type line, the type name, the title (trích yếu) and where the header ends."""
    text = page.text
    n = len(segs)
    k = next((i for i, (s, _) in enumerate(segs) if s >= after), n)
    while k < n and (MOTTO.search(text, *segs[k]) or _RULE.match(text[segs[k][0] : segs[k][1]])):
        k += 1
    type_mention = type_name = title = None
    title_end = after
    tm = _TYPE_TITLE.match(text, *segs[k]) if k < n else None
    if tm is not None and _upper(text[segs[k][0] : tm.end()]):
        type_mention = page.mention(tm.start(), tm.end())
        type_name = tm.group("type").capitalize()
        span = _title_lines(text, segs, k, tm.end())
        if span is not None:
            title, title_end = page.mention(*span), span[1]
    if title is None:
        for s, e in segs[: min(n, 40)]:
            if _SUBJECT.match(text, s) and text[s:e].lstrip().startswith(("V/v", "V/V", "Về việc", "VỀ VIỆC")):
                title, title_end = page.mention(s, e), max(title_end, e)
                break
    return type_mention, type_name, title, title_end


def _title_lines(text: str, segs: list[_Seg], k: int, type_end: int) -> _Seg | None:
    """The title's span: the rest of the type line ``segs[k]`` and the lines that go on with it."""
    n, e = len(segs), segs[k][1]
    rest_s = trim(text, type_end, e)[0]
    title_s, title_e = (rest_s, e) if rest_s < e else (None, None)
    k += 1
    while k < n and (title_s is None or _title_continues(text, segs[k])):
        s2, e2 = segs[k]
        if _BASIS.match(text, s2) or ARTICLE.match(text, s2) or _ENACTING.search(text, s2, e2):
            break
        if title_s is not None and _AUTHORITY_HEADS.match(text, s2):
            break
        if title_s is None and not (_upper(text[s2:e2]) or _SUBJECT.match(text, s2) or _plain_title(text, (s2, e2))):
            break
        title_s = s2 if title_s is None else title_s
        title_e = e2
        k += 1
    return (title_s, title_e) if title_s is not None and title_e is not None else None


def _upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _joined(page: Page, segs: list[_Seg]) -> Mention | None:
    if not segs:
        return None
    return Mention(text=" ".join(clean(page.text[s:e]) for s, e in segs), span=page.span(segs[0][0], segs[-1][1]))


def _plain_title(text: str, seg: _Seg) -> bool:
    """A sentence-case trích yếu line right under the type title ("Thực hiện chuyển đổi số năm 2021")."""
    s, e = seg
    return e - s < 200 and text[e - 1] not in ".;:," and not POINT.match(text, s) and text[s].isupper()


def _title_continues(text: str, seg: _Seg) -> bool:
    s, e = seg
    return _upper(text[s:e]) and e - s < 250
