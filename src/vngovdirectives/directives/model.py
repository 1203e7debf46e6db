"""The directive models: bulletins, documents, directives, tasks and the pieces they are made of.

Every piece keeps a :class:`Span` into the caller's input (the raw HTML for a page) and the text
as read (:class:`Mention`).
"""

from __future__ import annotations

import datetime as dt  # noqa: TC003 - cattrs reads the annotations at run time
import enum
from typing import TypeAlias

import attrs

from vngovdirectives.dates.model import Period, TimeOfDay, VnDate  # noqa: TC001 - cattrs reads the annotations
from vngovdirectives.deadlines.model import Deadline, Effective  # noqa: TC001 - cattrs reads the annotations
from vngovdirectives.errors import ExtractError
from vngovdirectives.numbers.model import DocumentNumber  # noqa: TC001 - cattrs reads the annotations
from vngovdirectives.references.model import DocumentReference
from vngovdirectives.references.relation.model import Relation

__all__ = [
    "Assignee",
    "AssigneeRole",
    "Bulletin",
    "DeadlineMention",
    "Directive",
    "Document",
    "Extracted",
    "Mention",
    "Reference",
    "ReferenceRole",
    "Signer",
    "SourceFormat",
    "Span",
    "Target",
    "TargetKind",
    "Task",
    "TaskKind",
]


@attrs.frozen(kw_only=True, slots=True)
class Span:
    """``source[start:end]`` of the caller's input (the raw HTML for a page)."""

    start: int = attrs.field()
    end: int = attrs.field()

    def __attrs_post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ExtractError(f"a span needs 0 <= start <= end, not ({self.start}, {self.end})")


class SourceFormat(enum.Enum):
    """What the caller gave: plain text or an HTML page."""

    TEXT = "text"
    HTML = "html"


@attrs.frozen(kw_only=True, slots=True)
class Mention:
    """A piece of the input as read (whitespace collapsed, tags and entities gone) and its span."""

    text: str
    span: Span


class ReferenceRole(enum.Enum):
    """Where the directive parsers met a reference: the document's own number line, a basis clause,
    the carrier of a directive, anywhere else. What the referenced document is to the text (its
    basis, what it implements, amends, replaces …) is the finer
    :class:`~vngovdirectives.references.relation.Relation`, ``Reference.relation``."""

    CARRIER = "carrier"  # the document that carries the directive ("… tại Công văn số 39/CV-BCĐ")
    BASIS = "basis"  # a legal basis ("Căn cứ Luật …", "Căn cứ Quyết định số …")
    HEADER = "header"  # the document's own number line ("Số: 07/KH-UBND")
    CITED = "cited"  # any other mention


@attrs.frozen(kw_only=True, slots=True)
class Reference:
    """A document reference found in the input, with its role."""

    text: str
    span: Span
    value: DocumentReference
    role: ReferenceRole = ReferenceRole.CITED

    @property
    def relation(self) -> Relation:
        """What the referenced document is to the text (``value.relation``)."""
        return self.value.relation


@attrs.frozen(kw_only=True, slots=True)
class DeadlineMention:
    """A deadline found in the input. When the text fixes it, ``last_day`` and ``last_time`` are its
    last moment (:func:`vngovdirectives.deadlines.last_moment`): the last day, and the time on it
    by which it falls due (None: the end of the day). "trước 17 giờ ngày 20/6/2024" is 20 June
    2024 at 17:00; "trước 0 giờ ngày 01/4/2019" is 31 March 2019, end of the day."""

    text: str
    span: Span
    value: Deadline
    last_day: dt.date | None = None
    last_time: TimeOfDay | None = None


class AssigneeRole(enum.Enum):
    """How a body takes part in a task."""

    RESPONSIBLE = "responsible"  # "Yêu cầu Sở Y tế …", "giao Sở Y tế …", "Sở Y tế có trách nhiệm …"
    LEAD = "lead"  # "Sở Y tế chủ trì, phối hợp …"
    SUPPORT = "support"  # "… phối hợp với Công an tỉnh …"


@attrs.frozen(kw_only=True, slots=True)
class Assignee:
    """A body or person named as doing a task ("UBND các huyện, thành phố", "Cục Thống kê")."""

    name: str
    span: Span
    role: AssigneeRole = AssigneeRole.RESPONSIBLE


class TaskKind(enum.Enum):
    """The ordering phrase that introduces a task."""

    REQUEST = "request"  # "Yêu cầu …"
    ASSIGN = "assign"  # "Giao …"
    PROPOSE = "propose"  # "Đề nghị …"
    LEAD = "lead"  # "… chủ trì, phối hợp …"
    RESPONSIBLE = "responsible"  # "… có trách nhiệm …"
    DIRECT = "direct"  # "Chỉ đạo …", "… chỉ đạo …"
    ARTICLE = "article"  # an article or numbered point of a document ("Điều 2.", "3.")
    OTHER = "other"  # a sentence with a named body and an imperative but none of the above


@attrs.frozen(kw_only=True, slots=True)
class Task:
    """Something to be done: who (``assignees``), what (``action``), by when (``deadlines``).

    ``label`` is the article or point label of a document ("Điều 2", "1", "a"); None in a
    bulletin's running text.
    """

    text: str
    span: Span
    kind: TaskKind
    action: Mention
    assignees: tuple[Assignee, ...] = ()
    deadlines: tuple[DeadlineMention, ...] = ()
    references: tuple[Reference, ...] = ()
    trigger: Mention | None = None
    label: str | None = None


class TargetKind(enum.Enum):
    """How a target year or period is stated."""

    BY = "by"  # "đến năm 2025"
    VISION = "vision"  # "tầm nhìn đến năm 2030", "định hướng đến năm 2030"
    PERIOD = "period"  # "giai đoạn 2016 - 2020"
    IN_YEAR = "in_year"  # "trong năm 2019", "hết năm 2019"


@attrs.frozen(kw_only=True, slots=True)
class Target:
    """A target horizon: ``end`` the year (or date) aimed at, ``start`` the start of a period."""

    text: str
    span: Span
    kind: TargetKind
    end: VnDate
    start: VnDate | None = None


@attrs.frozen(kw_only=True, slots=True)
class Signer:
    """Who signs or gave the order: "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Hồ Tiến Thiệu",
    or "đồng chí Hồ Tiến Thiệu, Phó Chủ tịch UBND tỉnh" in a bulletin.

    ``authority`` is the signing capacity line ("KT. CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN").
    """

    span: Span
    name: Mention | None = None
    position: Mention | None = None
    authority: Mention | None = None


@attrs.frozen(kw_only=True, slots=True)
class Directive:
    """One directive: a bulletin item, or the content of a document.

    ``references`` are every reference in the directive's span; ``carriers`` the ones that
    carry it ("Đó là chỉ đạo của … tại Công văn số …"); ``issuer`` the body that gave it;
    ``addressees`` the bodies its tasks name, each once, in order of first mention.
    """

    text: str
    span: Span
    heading: Mention | None = None
    references: tuple[Reference, ...] = ()
    carriers: tuple[Reference, ...] = ()
    issuer: Mention | None = None
    signer: Signer | None = None
    addressees: tuple[Assignee, ...] = ()
    tasks: tuple[Task, ...] = ()
    deadlines: tuple[DeadlineMention, ...] = ()
    targets: tuple[Target, ...] = ()
    label: str | None = None

    @property
    def carrier(self) -> Reference | None:
        """The first carrying reference, if any."""
        return self.carriers[0] if self.carriers else None

    @property
    def title(self) -> str | None:
        """The heading's text, if any."""
        return self.heading.text if self.heading is not None else None


@attrs.frozen(kw_only=True, slots=True)
class Bulletin:
    """A "chỉ đạo, điều hành" bulletin: a title, the period it covers and its directives.

    ``references`` are all the references of the page, the directives' carriers included (with
    their role), also those outside any directive (in the title or the summary).
    """

    span: Span
    directives: tuple[Directive, ...] = ()
    title: Mention | None = None
    period: Period | None = None
    period_span: Span | None = None
    summary: Mention | None = None
    context_date: dt.date | None = None
    source_format: SourceFormat = SourceFormat.TEXT
    references: tuple[Reference, ...] = ()

    @property
    def kind(self) -> str:
        """``"bulletin"``."""
        return "bulletin"


@attrs.frozen(kw_only=True, slots=True)
class Document:
    """A single document: header, title, addressees, legal basis, tasks, recipients and signer.

    ``type_name`` is the document type in sentence case ("Quyết định"): the type line's, or "Công
    văn" for a letter ("V/v …", "Kính gửi"), or the symbol's; ``type_mention`` is where the type
    line is written ("QUYẾT ĐỊNH"). ``issuer`` is the issuing body's lines of the header,
    ``parent_issuer`` the body printed above it. ``issued_on`` is the date line's date, ``place``
    its place name. ``title`` is the trích yếu, "V/v …" included. ``addressees`` are the bodies
    after "Kính gửi:", ``telegram_to`` the list after a công điện's "… điện:", ``recipients`` the
    "Nơi nhận" list; ``signer`` the signature block that ends the main text (before appendices).
    ``effective`` is when the document itself takes effect ("Quyết định này có hiệu lực thi hành kể
    từ ngày ký"), ``effective_span`` where the text says so.
    """

    span: Span
    type_name: str | None = None
    type_mention: Mention | None = None
    issuer: Mention | None = None
    parent_issuer: Mention | None = None
    number: DocumentNumber | None = None
    number_span: Span | None = None
    place: Mention | None = None
    issued_on: VnDate | None = None
    date_span: Span | None = None
    title: Mention | None = None
    effective: Effective | None = None
    effective_span: Span | None = None
    addressees: tuple[Mention, ...] = ()
    telegram_to: tuple[Mention, ...] = ()
    basis: tuple[Reference, ...] = ()
    basis_clauses: tuple[Mention, ...] = ()
    tasks: tuple[Task, ...] = ()
    recipients: tuple[Mention, ...] = ()
    signer: Signer | None = None
    references: tuple[Reference, ...] = ()
    deadlines: tuple[DeadlineMention, ...] = ()
    targets: tuple[Target, ...] = ()
    body: Mention | None = None
    source_format: SourceFormat = SourceFormat.TEXT

    @property
    def kind(self) -> str:
        """``"document"``."""
        return "document"

    @property
    def directives(self) -> tuple[Directive, ...]:
        """The document seen as one directive (the same shape as a bulletin's items)."""
        return (self.as_directive(),)

    def as_directive(self) -> Directive:
        """The document's content as a :class:`Directive`: its title, own number, issuer, signer, tasks."""
        carriers: tuple[Reference, ...] = ()
        if self.number is not None and self.number_span is not None:
            ref = DocumentReference(
                number=self.number,
                serial=self.number.serial,
                type_name=self.type_name,
                issued_on=self.issued_on,
                issuer=self.issuer.text if self.issuer is not None else None,
                header=True,
                relation=Relation.SELF,
            )
            carriers = (Reference(text=str(self.number), span=self.number_span, value=ref, role=ReferenceRole.HEADER),)
        addressees: dict[str, Assignee] = {}
        for task in self.tasks:
            for a in task.assignees:
                addressees.setdefault(a.name, a)
        return Directive(
            text=self.body.text if self.body is not None else "",
            span=self.body.span if self.body is not None else self.span,
            heading=self.title,
            references=self.references,
            carriers=carriers,
            issuer=self.issuer,
            signer=self.signer,
            addressees=tuple(addressees.values()),
            tasks=self.tasks,
            deadlines=self.deadlines,
            targets=self.targets,
        )


#: What :func:`extract` returns.
Extracted: TypeAlias = Bulletin | Document
