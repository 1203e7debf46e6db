"""Single documents: a Quyết định, Kế hoạch, Công văn, Chỉ thị … with its header, body and signer.

The layout (:mod:`~vngovdirectives.directives.layout`) says where the header, the main text and the
signature are and what the header states; this module turns it into a
:class:`~vngovdirectives.directives.model.Document`: the legal basis ("Căn cứ …"), the tasks
(:mod:`~vngovdirectives.directives.articles`), the references, deadlines and targets of the body.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from vngovdirectives.dates.model import VnDate
from vngovdirectives.directives.articles import document_tasks
from vngovdirectives.directives.effective import own_effective
from vngovdirectives.directives.layout import Layout, attached_texts, read_layout
from vngovdirectives.directives.marks import at_unit_start as at_line_start
from vngovdirectives.directives.model import Assignee, Document, Mention, ReferenceRole, Signer, Span
from vngovdirectives.directives.page import Page, clean
from vngovdirectives.directives.targets import targets
from vngovdirectives.directives.tasks import deadlines_in, reference_mention
from vngovdirectives.finding.match import Match, MatchKind
from vngovdirectives.references import DocumentReference, Relation
from vngovdirectives.text.patterns import UPPER

if TYPE_CHECKING:
    from vngovdirectives.directives.model import Reference, Task
    from vngovdirectives.directives.signature import Block
    from vngovdirectives.directives.units import Piece

__all__ = ["read_document"]

_BASIS: Final = re.compile(r"[\s*]{0,4}Căn\s{1,3}cứ\s")
#: What opens the next clause of a preamble, or its end: a basis clause broken over lines stops there.
_PREAMBLE_NEXT: Final = re.compile(
    rf"[\s*]{{0,4}}(?:Căn\s{{1,3}}cứ|Theo\s{{1,3}}đề\s{{1,3}}nghị|Xét|Điều\s{{1,3}}\d|[{UPPER} ]{{4,}}:?\s*$)"
)
#: The most lines a basis clause runs over.
_BASIS_LINES: Final = 8
_NOI_NHAN: Final = re.compile(r"(?:Nơi|NƠI)\s{1,3}(?:nhận|NHẬN)")


def _basis_clauses(page: Page, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the "Căn cứ …" clauses in ``text[start:end]``; a clause broken over lines ends
    with its ";" or "." (or before the next clause), at most :data:`_BASIS_LINES` lines on."""
    text, units = page.text, page.units_in(start, end)
    clauses: list[tuple[int, int]] = []
    i = 0
    while i < len(units):
        if not _BASIS.match(text, units[i].start):
            i += 1
            continue
        j = i
        while (
            j + 1 < len(units)
            and j - i < _BASIS_LINES
            and not text[units[i].start : units[j].end].rstrip(" *_").endswith((";", ".", ":"))
            and not _PREAMBLE_NEXT.match(text, units[j + 1].start, units[j + 1].end)
        ):
            j += 1
        clauses.append((units[i].start, units[j].end))
        i = j + 1
    return clauses


def read_document(page: Page, layout: Layout | None = None) -> Document:
    """The document ``page`` holds (``layout``: its layout, when already read)."""
    lay = read_layout(page) if layout is None else layout
    text, header = page.text, lay.header
    body_start = lay.body_start
    body_end = _text_end(page, lay)
    basis_clauses = _basis_clauses(page, body_start, body_end)
    basis = tuple(
        reference_mention(page, m, ReferenceRole.BASIS)
        for bs, be in basis_clauses
        for m in page.in_range(MatchKind.REFERENCE, bs, be, whole=False)  # its issuer may run on a line
        if isinstance(m.value, DocumentReference) and m.value.relation is Relation.BASIS
    )
    addressees = tuple(_mention(page, p) for p in header.addressees)
    addressed = [Assignee(name=a.text, span=a.span) for a in addressees]
    tasks_start = max(body_start, basis_clauses[-1][1] if basis_clauses else 0)
    issued = lay.issued
    type_name = lay.type_name.value if lay.type_name is not None else None
    effective = own_effective(page, type_name, body_start, lay.main_end)
    return Document(
        span=Span(start=0, end=len(page.source.source)),
        type_name=type_name,
        type_mention=_mention(page, header.type_line) if header.type_line is not None else None,
        issuer=_mention(page, header.issuer) if header.issuer is not None else None,
        parent_issuer=_mention(page, header.parent_issuer) if header.parent_issuer is not None else None,
        number=lay.number,
        number_span=page.span(*lay.number_span) if lay.number_span is not None and lay.number is not None else None,
        place=_mention(page, header.place) if header.place is not None else None,
        issued_on=VnDate.of(issued[2]) if issued is not None else None,
        date_span=page.span(issued[0], issued[1]) if issued is not None else None,
        title=_mention(page, header.title) if header.title is not None else None,
        effective=effective[0] if effective is not None else None,
        effective_span=effective[1] if effective is not None else None,
        addressees=addressees,
        telegram_to=tuple(_mention(page, p) for p in header.telegram_to),
        basis=basis,
        basis_clauses=tuple(Mention(text=clean(text[s:e]), span=page.span(s, e)) for s, e in basis_clauses),
        tasks=_tasks(page, lay, tasks_start, body_end, addressed),
        recipients=tuple(_mention(page, p) for p in lay.recipients),
        signer=_signer(page, lay.signer) if lay.signer is not None else None,
        references=_references(page, lay, basis),
        deadlines=deadlines_in(page, body_start, body_end),
        targets=targets(page, body_start, body_end),
        body=page.mention(body_start, body_end),
        source_format=page.format,
    )


def _tasks(page: Page, lay: Layout, start: int, end: int, addressed: list[Assignee]) -> tuple[Task, ...]:
    """The tasks of the main text, then those of the texts attached after it (rules, a plan)."""
    found = document_tasks(page, start, end, addressed)
    for s, e in attached_texts(page, lay.main_end):
        found.extend(document_tasks(page, s, e, []))
    return tuple(found)


def _text_end(page: Page, lay: Layout) -> int:
    """Where the running text of the main part ends: at "Nơi nhận" or the signature block."""
    end = lay.main_end
    if lay.signer is not None and lay.signer.start >= lay.body_start:
        end = min(end, lay.signer.start)
    for m in _NOI_NHAN.finditer(page.text, lay.body_start, end):
        if at_line_start(page.text, m.start()):
            return m.start()
    return end


def _mention(page: Page, p: Piece) -> Mention:
    return Mention(text=p.value, span=page.span(p.start, p.end))


def _signer(page: Page, block: Block) -> Signer:
    return Signer(
        span=page.span(block.start, block.end),
        authority=_mention(page, block.authority) if block.authority is not None else None,
        position=_mention(page, block.position) if block.position is not None else None,
        name=_mention(page, block.name) if block.name is not None else None,
    )


def _references(page: Page, lay: Layout, basis: tuple[Reference, ...]) -> tuple[Reference, ...]:
    """Every reference of the page: the document's own number, the basis clauses', the others."""
    by_span = {r.span: r for r in basis}
    own: Match[object] | None = None
    if lay.number_span is not None:
        s, e = lay.number_span
        own = next((m for m in page.in_range(MatchKind.REFERENCE, max(0, s - 12), e + 200) if m.start <= s), None)
    return tuple(
        reference_mention(page, m, ReferenceRole.HEADER)
        if m is own
        else by_span.get(page.span(m.start, m.end)) or reference_mention(page, m)
        for m in page.matches
        if m.kind is MatchKind.REFERENCE
    )
