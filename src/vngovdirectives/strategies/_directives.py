"""Hypothesis strategies for directive models (see :mod:`vngovdirectives.strategies`).

The values are valid models, not texts: they exercise exporters and serialisation, whose
round trips must hold for every field combination (empty tuples, None, long names).
"""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from vngovdirectives.dates import VnDate
from vngovdirectives.directives import (
    Assignee,
    AssigneeRole,
    Bulletin,
    DeadlineMention,
    Directive,
    Document,
    Mention,
    Reference,
    ReferenceRole,
    Signer,
    SourceFormat,
    Span,
    Target,
    TargetKind,
    Task,
    TaskKind,
)
from vngovdirectives.references import DocumentReference, Relation
from vngovdirectives.strategies._dates import deadlines as _deadlines
from vngovdirectives.strategies._dates import effective_dates
from vngovdirectives.strategies._dates import periods as _periods
from vngovdirectives.strategies._numbers import document_numbers

__all__ = ["bulletins", "directives", "documents", "tasks"]

_BODIES = (
    "UBND các huyện, thành phố",
    "các sở, ngành",
    "Cục Thống kê",
    "Sở Y tế",
    "Sở Nông nghiệp và Phát triển nông thôn",
    "Công an tỉnh",
    "Ban Chỉ đạo các cấp",
)
_TYPES = ("Công văn", "Quyết định", "Kế hoạch", "Chỉ thị", "Thông báo", None)


@st.composite
def _spans(draw: st.DrawFn) -> Span:
    start = draw(st.integers(0, 10_000))
    return Span(start=start, end=start + draw(st.integers(0, 500)))


def _words() -> st.SearchStrategy[str]:
    return st.text(
        alphabet=st.sampled_from("aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạệởữ ,;-/ÀĐỦỆ0123456789"), min_size=1, max_size=60
    )


def _mentions() -> st.SearchStrategy[Mention]:
    return st.builds(Mention, text=_words(), span=_spans())


@st.composite
def _references(draw: st.DrawFn) -> Reference:
    number = draw(st.none() | document_numbers())
    issued = draw(st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)).map(VnDate.of))
    serial = number.serial if number is not None else str(draw(st.integers(1, 999)))
    ref = DocumentReference(
        number=number,
        serial=serial,
        type_name=draw(st.sampled_from(_TYPES)),
        issued_on=issued,
        issuer=draw(st.none() | st.sampled_from(("UBND tỉnh", "Thủ tướng Chính phủ", "Bộ Y tế"))),
        relation=draw(st.sampled_from(Relation)),
        part=draw(st.none() | st.sampled_from(("khoản 2 Điều 15", "Điều 3 và Điều 4", "Khoản này"))),
    )
    return Reference(text=str(ref), span=draw(_spans()), value=ref, role=draw(st.sampled_from(ReferenceRole)))


@st.composite
def _deadline_mentions(draw: st.DrawFn) -> DeadlineMention:
    value = draw(_deadlines())
    last = draw(st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)))
    return DeadlineMention(text=str(value), span=draw(_spans()), value=value, last_day=last)


def _assignees() -> st.SearchStrategy[Assignee]:
    return st.builds(
        Assignee, name=st.sampled_from(_BODIES) | _words(), span=_spans(), role=st.sampled_from(AssigneeRole)
    )


@st.composite
def _targets(draw: st.DrawFn) -> Target:
    kind = draw(st.sampled_from(TargetKind))
    if kind is TargetKind.PERIOD:
        period = draw(_periods())
        return Target(text=str(period), span=draw(_spans()), kind=kind, start=period.start, end=period.end)
    year = draw(st.integers(1990, 2050))
    return Target(text=f"đến năm {year}", span=draw(_spans()), kind=kind, end=VnDate(year=year))


def _signers() -> st.SearchStrategy[Signer]:
    opt = st.none() | _mentions()
    return st.builds(Signer, span=_spans(), name=opt, position=opt, authority=opt)


def tasks() -> st.SearchStrategy[Task]:
    """Valid :class:`Task` values."""
    return st.builds(
        Task,
        text=_words(),
        span=_spans(),
        kind=st.sampled_from(TaskKind),
        action=_mentions(),
        assignees=st.lists(_assignees(), max_size=3).map(tuple),
        deadlines=st.lists(_deadline_mentions(), max_size=2).map(tuple),
        references=st.lists(_references(), max_size=2).map(tuple),
        trigger=st.none() | _mentions(),
        label=st.none() | st.sampled_from(("Điều 1", "Điều 2.1", "1", "a")),
    )


def directives() -> st.SearchStrategy[Directive]:
    """Valid :class:`Directive` values."""
    return st.builds(
        Directive,
        text=_words(),
        span=_spans(),
        heading=st.none() | _mentions(),
        references=st.lists(_references(), max_size=3).map(tuple),
        carriers=st.lists(_references(), max_size=2).map(tuple),
        issuer=st.none() | _mentions(),
        signer=st.none() | _signers(),
        addressees=st.lists(_assignees(), max_size=3).map(tuple),
        tasks=st.lists(tasks(), max_size=2).map(tuple),
        deadlines=st.lists(_deadline_mentions(), max_size=2).map(tuple),
        targets=st.lists(_targets(), max_size=2).map(tuple),
        label=st.none() | st.sampled_from(("1", "2", "IV")),
    )


@st.composite
def bulletins(draw: st.DrawFn) -> Bulletin:
    """Valid :class:`Bulletin` values."""
    period = draw(st.none() | _periods())
    return Bulletin(
        span=draw(_spans()),
        directives=tuple(draw(st.lists(directives(), max_size=3))),
        title=draw(st.none() | _mentions()),
        period=period,
        period_span=draw(_spans()) if period is not None else None,
        summary=draw(st.none() | _mentions()),
        context_date=draw(st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31))),
        source_format=draw(st.sampled_from(SourceFormat)),
    )


@st.composite
def documents(draw: st.DrawFn) -> Document:
    """Valid :class:`Document` values."""
    number = draw(st.none() | document_numbers())
    issued = draw(st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)).map(VnDate.of))
    opt = st.none() | _mentions()
    effective = draw(st.none() | effective_dates())
    return Document(
        span=draw(_spans()),
        type_name=draw(st.sampled_from(_TYPES)),
        type_mention=draw(opt),
        issuer=draw(opt),
        parent_issuer=draw(opt),
        number=number,
        number_span=draw(_spans()) if number is not None else None,
        place=draw(opt),
        issued_on=issued,
        date_span=draw(_spans()) if issued is not None else None,
        title=draw(opt),
        effective=effective,
        effective_span=draw(_spans()) if effective is not None else None,
        basis=tuple(draw(st.lists(_references(), max_size=3))),
        basis_clauses=tuple(draw(st.lists(_mentions(), max_size=3))),
        tasks=tuple(draw(st.lists(tasks(), max_size=3))),
        recipients=tuple(draw(st.lists(_mentions(), max_size=4))),
        signer=draw(st.none() | _signers()),
        references=tuple(draw(st.lists(_references(), max_size=3))),
        deadlines=tuple(draw(st.lists(_deadline_mentions(), max_size=2))),
        targets=tuple(draw(st.lists(_targets(), max_size=2))),
        body=draw(opt),
        source_format=draw(st.sampled_from(SourceFormat)),
    )
