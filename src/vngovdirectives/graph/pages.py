"""One page of a corpus read for the graph: which document it is, and who cites what in it.

A page is the document it states as its own: the number of its header (``Document.number``), of
its metadata row or its title (a ``self`` reference). A file that holds several documents (a
gazette issue) changes document at each further header number ("Số: …"): every reference belongs
to the last own number before it. A page without a number of its own (a news page, a bulletin)
is a node of its own, ``page:<file>``: it carries the documents it reports (``carrier``), and the
other references of an item belong to the document the item reports, when it names one.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, Final

import attrs

from vngovdirectives.dates.model import Precision, VnDate
from vngovdirectives.deadlines.resolve import resolve_deadline
from vngovdirectives.directives.model import Bulletin, Document
from vngovdirectives.errors import VnGovDirectivesError
from vngovdirectives.references.relation.model import Relation

if TYPE_CHECKING:
    import datetime as dt

    from vngovdirectives.deadlines.model import Effective
    from vngovdirectives.directives.model import Extracted, Reference
    from vngovdirectives.numbers.model import DocumentNumber

__all__ = ["OwnDocument", "PageCitation", "PageReading", "page_key", "read_page"]

#: The events a document's effective date may be counted from that its own date line dates.
_SIGNING: Final = ("ký", "ban hành", "thông qua")


def page_key(file: str) -> str:
    """The key of a page without a number of its own."""
    return f"page:{file}"


@attrs.frozen(kw_only=True, slots=True)
class OwnDocument:
    """What a page states about a document it is: its own header, date line, title, effective date."""

    number: DocumentNumber
    type_name: str | None = None
    issuer: str | None = None
    issued_on: VnDate | None = None
    title: str | None = None
    effective_on: dt.date | None = None


@attrs.frozen(kw_only=True, slots=True)
class PageCitation:
    """A reference of a page and the key of the document (or page) that cites it."""

    source: str
    reference: Reference


@attrs.frozen(kw_only=True, slots=True)
class PageReading:
    """One page read for the graph."""

    file: str
    key: str  # the page's own document, or page:<file>
    own: tuple[OwnDocument, ...]
    citations: tuple[PageCitation, ...]
    mentions: tuple[Reference, ...]  # the references that name the page's own documents (self)


def effective_day(effective: Effective | None, issued_on: VnDate | None) -> dt.date | None:
    """The day a document takes effect, when its text fixes one: a day it names, or a day counted
    from its signing, which its date line dates."""
    if effective is None:
        return None
    if effective.due is not None:
        return effective.due.first_day() if effective.due.precision is Precision.DAY else None
    anchor = (effective.anchor or "").casefold()
    if issued_on is None or issued_on.precision is not Precision.DAY or not anchor.endswith(_SIGNING):
        return None
    try:
        return resolve_deadline(effective, start=issued_on.first_day())
    except VnGovDirectivesError:
        return None


def _own_of(item: Extracted) -> OwnDocument | None:
    if not isinstance(item, Document) or item.number is None:
        return None
    return OwnDocument(
        number=item.number,
        type_name=item.type_name,
        issuer=item.issuer.text if item.issuer is not None else None,
        issued_on=item.issued_on,
        title=item.title.text if item.title is not None else None,
        effective_on=effective_day(item.effective, item.issued_on),
    )


def _sections(item: Extracted, refs: list[Reference]) -> tuple[list[int], list[str], list[OwnDocument]]:
    """Where each own document starts (span starts, keys) and what the page says of each."""
    own = _own_of(item)
    owns = [own] if own is not None else []
    starts: list[int] = [0] if own is not None else []
    keys: list[str] = [str(own.number)] if own is not None else []
    for ref in refs:
        value = ref.value
        if value.relation is not Relation.SELF or value.number is None:
            continue
        key = str(value.number)
        if not keys:  # no header: a metadata row or a title names the page's document
            starts, keys = [0], [key]
            owns.append(OwnDocument(number=value.number, type_name=value.type_name, issued_on=value.issued_on))
        elif value.header and key not in keys:  # a further document in the same file
            starts.append(ref.span.start)
            keys.append(key)
            owns.append(OwnDocument(number=value.number, type_name=value.type_name, issued_on=value.issued_on))
    return starts, keys, owns


def _reported(item: Extracted, refs: list[Reference], file: str) -> list[str]:
    """For a page without a number of its own: the citing key of each reference, the document its
    item reports (a bulletin's directive, else the page) when it names one, else the page."""
    page = page_key(file)
    carriers = [(r.span.start, str(r.value.number)) for r in refs if _carries(r)]
    if not carriers:
        return [page] * len(refs)
    bounds = [(d.span.start, d.span.end) for d in item.directives] if isinstance(item, Bulletin) else []
    out = []
    for ref in refs:
        if ref.value.relation is Relation.CARRIER:
            out.append(page)
            continue
        lo, hi = next(((s, e) for s, e in bounds if s <= ref.span.start < e), (0, 1 << 62))
        inside = [(s, k) for s, k in carriers if lo <= s < hi]
        before = [k for s, k in inside if s < ref.span.start]
        out.append(before[-1] if before else inside[0][1] if inside else page)
    return out


def _carries(ref: Reference) -> bool:
    return ref.value.relation is Relation.CARRIER and ref.value.number is not None


def read_page(file: str, item: Extracted) -> PageReading:
    """The documents ``item`` (read from ``file``) is, and the citing key of each of its references."""
    refs = sorted(item.references, key=lambda r: r.span.start)
    starts, keys, owns = _sections(item, refs)
    if keys:
        sources = [keys[max(0, bisect.bisect_right(starts, r.span.start) - 1)] for r in refs]
    else:
        sources = _reported(item, refs, file)
    citations = []
    mentions = []
    for ref, source in zip(refs, sources, strict=True):
        if ref.value.relation is Relation.SELF:
            mentions.append(ref)
        else:
            citations.append(PageCitation(source=source, reference=ref))
    return PageReading(
        file=file,
        key=keys[0] if keys else page_key(file),
        own=tuple(owns),
        citations=tuple(citations),
        mentions=tuple(mentions),
    )
