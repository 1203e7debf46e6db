"""Directives out of bulletins and documents: who must do what, by when, on whose order.

Two kinds of page are read:

- a *bulletin* ("Chỉ đạo, điều hành nổi bật của UBND tỉnh trong tuần qua"), a list of
  directives, each a heading and its paragraph(s) or a numbered item: :func:`parse_bulletin`;
- a single *document* (Quyết định, Kế hoạch, Công văn, Chỉ thị …) with its header, "Căn cứ"
  clauses, articles or numbered points, "Nơi nhận" and signer block: :func:`parse_document`.

:func:`extract` tells them apart. Every parser takes plain text or an HTML page; every piece it
returns keeps a :class:`Span` into the caller's string (the raw HTML for a page).

>>> b = parse_bulletin(
...     "Chỉ đạo, điều hành của UBND tỉnh trong tuần (từ ngày 01/4 - 07/4/2019)\\n\\n"
...     "Phòng, chống dịch tả lợn châu Phi\\n\\n"
...     "UBND tỉnh chỉ đạo nội dung trên tại Công văn số 301/UBND-KT ngày 02/4/2019. "
...     "Yêu cầu Sở Nông nghiệp và PTNT chủ trì, báo cáo kết quả trước ngày 15/4/2019.\\n")
>>> d = b.directives[0]
>>> d.heading.text, str(d.carrier.value.number), d.tasks[0].assignees[0].name
('Phòng, chống dịch tả lợn châu Phi', '301/UBND-KT', 'Sở Nông nghiệp và PTNT')
>>> d.tasks[0].deadlines[0].text, d.tasks[0].deadlines[0].last_day
('trước ngày 15/4/2019', datetime.date(2019, 4, 14))
"""

from __future__ import annotations

import bisect
import datetime as dt  # noqa: TC003 - cattrs reads the annotations at run time
import enum
import re
from typing import TYPE_CHECKING, Final, TypeAlias

import attrs

from vngovdirectives._temporal_scan import detect_context_date
from vngovdirectives.dates import Period, VnDate
from vngovdirectives.deadlines import Deadline  # noqa: TC001 - needed at run time by cattrs
from vngovdirectives.docnumbers import DocumentNumber  # noqa: TC001 - needed at run time by cattrs
from vngovdirectives.errors import VnGovDirectivesError
from vngovdirectives.finders import Match, MatchKind
from vngovdirectives.html import HtmlText  # noqa: TC001 - needed at run time by attrs
from vngovdirectives.references import DocumentReference
from vngovdirectives.text import Normalized, normalize

if TYPE_CHECKING:
    import cattrs

__all__ = [
    "Assignee",
    "AssigneeRole",
    "Bulletin",
    "DeadlineMention",
    "Directive",
    "Document",
    "ExtractError",
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
    "extract",
    "parse_bulletin",
    "parse_document",
]


class ExtractError(VnGovDirectivesError, ValueError):
    """The input cannot be read at all (not a str, or empty)."""


# ============================================================================ models


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
    """What a referenced document is to the text that cites it."""

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


@attrs.frozen(kw_only=True, slots=True)
class DeadlineMention:
    """A deadline found in the input; ``last_day`` is the resolved last day when the text fixes one."""

    text: str
    span: Span
    value: Deadline
    last_day: dt.date | None = None


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
    """A single document: header, title, legal basis, tasks, recipients and signer.

    ``type_name`` is the document type as the page names it, in sentence case ("Quyết định");
    ``type_mention`` is where it is written ("QUYẾT ĐỊNH"). ``issued_on`` is the date line's
    date, ``place`` its place name. ``title`` is the trích yếu, "V/v …" included.
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


def _configure_converter(converter: cattrs.Converter) -> None:
    """Let ``converter`` structure ``Bulletin | Document`` (tagged by ``"kind"``)."""
    from cattrs.strategies import configure_tagged_union

    tags = {Bulletin: "bulletin", Document: "document"}
    configure_tagged_union(Bulletin | Document, converter, tag_generator=lambda cls: tags[cls], tag_name="kind")


# ============================================================================ reading the input


@attrs.frozen(slots=True)
class _Source:
    """The caller's input, the text read from it and the maps between them."""

    source: str
    text: str  # NFC, folded, tags gone: what the parsers read
    norm: Normalized
    page: HtmlText | None
    matches: tuple[Match[object], ...]
    context_date: dt.date | None
    by_kind: dict[MatchKind, tuple[tuple[int, ...], tuple[Match[object], ...]]]

    @property
    def format(self) -> SourceFormat:
        return SourceFormat.HTML if self.page is not None else SourceFormat.TEXT

    def span(self, start: int, end: int) -> Span:
        """The span of the caller's input that ``text[start:end]`` came from."""
        s, e = self.norm.source_span(start, end)
        if self.page is not None:
            s, e = self.page.source_span(s, e)
        return Span(start=s, end=e)

    def mention(self, start: int, end: int) -> Mention | None:
        """The piece ``text[start:end]`` with surrounding space and punctuation trimmed; None if empty."""
        start, end = _trim(self.text, start, end)
        if end <= start:
            return None
        return Mention(text=_clean(self.text[start:end]), span=self.span(start, end))

    def in_range(self, kind: MatchKind, start: int, end: int) -> list[Match[object]]:
        """The matches of ``kind`` inside ``text[start:end]`` (a binary search: no scan of the whole text)."""
        starts, found = self.by_kind.get(kind, ((), ()))
        out: list[Match[object]] = []
        for i in range(bisect.bisect_left(starts, start), len(starts)):
            m = found[i]
            if m.start >= end:
                break
            if m.end <= end:
                out.append(m)
        return out


def _read(source: object, html: bool | None) -> _Source:
    from vngovdirectives.finders import find_all
    from vngovdirectives.html import html_to_text, looks_like_html

    if not isinstance(source, str):
        raise ExtractError(f"expected a str, got {type(source).__name__}")
    if html is None:
        html = looks_like_html(source)
    page = html_to_text(source) if html else None
    plain = page.text if page is not None else source
    norm = normalize(plain)
    text = norm.text
    context = detect_context_date(text)
    matches = tuple(find_all(text, context_date=context))
    by_kind: dict[MatchKind, tuple[tuple[int, ...], tuple[Match[object], ...]]] = {}
    for kind in MatchKind:
        of_kind = sorted((m for m in matches if m.kind is kind), key=lambda m: m.start)
        by_kind[kind] = (tuple(m.start for m in of_kind), tuple(of_kind))
    return _Source(source, text, norm, page, matches, context, by_kind)


_WS: Final = re.compile(r"\s+")
_TRIM: Final = " \t\r\n\f\v.,;:|-–"


def _clean(piece: str) -> str:
    return _WS.sub(" ", piece).strip()


def _trim(text: str, start: int, end: int, chars: str = _TRIM) -> tuple[int, int]:
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def _lines(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Non-blank lines of ``text[start:end]`` as trimmed (start, end) pairs."""
    end = len(text) if end is None else end
    out: list[tuple[int, int]] = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        s, e = _trim(text, pos, stop, " \t\r\f\v\u200b")
        if e > s:
            out.append((s, e))
        pos = stop + 1
    return out


def _segments(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Lines, further cut at "|" (table cells rendered as text)."""
    out: list[tuple[int, int]] = []
    for s, e in _lines(text, start, end):
        pos = s
        while pos <= e:
            bar = text.find("|", pos, e)
            stop = e if bar < 0 else bar
            a, b = _trim(text, pos, stop, " \t")
            if b > a:
                out.append((a, b))
            if bar < 0:
                break
            pos = bar + 1
    return out


# ============================================================================ vocabulary

_I = re.IGNORECASE
#: Words that start the name of a body or of an office holder.
#: Names that stand alone ("UBND tỉnh", "Công an tỉnh", "Chủ tịch UBND …").
_STANDALONE_HEADS: Final = (
    "UBND|Ủy ban nhân dân|Uỷ ban nhân dân|HĐND|Hội đồng nhân dân|Công an|Thanh tra|Bộ Chỉ huy|Bộ đội|Tỉnh đoàn"
    "|Chủ tịch|Phó Chủ tịch|Giám đốc|Phó Giám đốc|Thủ trưởng|Tổng Giám đốc|Bộ trưởng|Thủ tướng|Chánh|Bí thư"
    "|Kiểm toán|Điện lực|Bưu điện|Hải quan|BCĐ|BQL|Đảng ủy|Đảng uỷ|Huyện ủy|Thành ủy|Tỉnh ủy|Cảnh sát|Ban Chỉ đạo"
    "|Ủy ban bầu cử|Uỷ ban bầu cử|Ban bầu cử|Tổ bầu cử|Hội đồng bầu cử|Ủy ban Mặt trận|Ban Thường vụ|Thường trực"
)
#: Words that start a name only when a proper name follows ("Sở Y tế", not "Ban hành", "Báo cáo").
_NAMED_HEADS: Final = (
    "Ủy ban|Uỷ ban|Sở|Ban|Bộ|Cục|Chi cục|Tổng cục|Văn phòng|Kho bạc|Đài|Báo|Trường|Bệnh viện|Trung tâm|Hội"
    "|Liên đoàn|Đoàn|Mặt trận|Hội đồng|Ngân hàng|Tòa án|Toà án|Viện|Công ty|Tập đoàn|Tổng công ty|Học viện"
    "|Đại học|Quỹ|Phòng"
)
_BODY_HEADS: Final = (
    rf"(?:{_STANDALONE_HEADS})(?=[\s,.;:]|$)"
    rf"|(?:{_NAMED_HEADS})(?=\s{{1,2}}(?:[A-ZĐÀ-Ỹ]|(?:tỉnh|thành phố|huyện|xã|các|nhân dân|Trung ương)(?![\w])))"
)
_PLURAL_HEADS: Final = (
    "sở|ban|ngành|bộ|cơ quan|đơn vị|địa phương|huyện|xã|phường|tổ chức|doanh nghiệp|cấp|hội|trường|cơ sở"
    "|đoàn thể|thành viên|điều tra viên|chủ đầu tư|nhà trường|tỉnh|thành phố|Sở|Bộ|Ban|UBND|Ủy ban|Uỷ ban"
    "|Ban Chỉ đạo|Tổ|Đoàn|Hội|cơ sở y tế|bệnh viện|ĐTV"
)
_BODY_START: Final = re.compile(
    rf"(?:(?:[Cc]ác|[Mm]ọi|[Tt]oàn thể)\s{{1,3}}(?:{_PLURAL_HEADS})\b|(?:{_BODY_HEADS})"
    rf"|(?:[Nn]gười đứng đầu|[Tt]hủ trưởng|[Cc]hủ tịch)\s)"
)
#: Verbs and adverbs that end an assignee list ("Yêu cầu UBND các huyện ‖ khẩn trương rà soát …").
_ACTION_WORDS: Final = (
    "khẩn trương|tập trung|đẩy mạnh|chủ động|tiếp tục|triển khai|thực hiện|tổ chức|rà soát|xây dựng|hoàn thành"
    "|chỉ đạo|phối hợp|chủ trì|có trách nhiệm|chịu trách nhiệm|tăng cường|theo dõi|kiểm tra|báo cáo|nghiên cứu"
    "|hướng dẫn|quán triệt|phải|cần|nghiêm túc|căn cứ|bố trí|đôn đốc|tham mưu|giám sát|đảm bảo|bảo đảm|phổ biến"
    "|tuyên truyền|thường xuyên|kịp thời|quan tâm|ưu tiên|huy động|lập|ban hành|cung cấp|xử lý|thông báo"
    "|tiếp nhận|giải quyết|gửi|đề xuất|trình|khắc phục|duy trì|sẵn sàng|phát động|vận động|nâng cao|áp dụng"
    "|chấp hành|dừng|tạm dừng|thành lập|phân công|cập nhật|điều chỉnh|bổ sung|tích cực|quyết liệt|khẩn cấp"
    "|giúp|tiến hành|làm|thống nhất|nắm|cử|chuẩn bị|rút kinh nghiệm|lồng ghép|đánh giá|phân bổ|thu thập|kê khai"
    "|tiếp|phát hiện|ngăn chặn|nhanh chóng|khẩn|sớm|chịu|được|sử dụng|thi hành|đầu tư|chuyển|công bố|tuyệt đối"
    "|lựa chọn|chọn|phấn đấu|xác định|kiểm soát|ứng phó|khẩn trương|hỗ trợ|tham gia|tạo điều kiện"
    "|tổng hợp|trên cơ sở|sau khi|khi|trực|chỉ|luôn|không|đến|về|tại|theo|trong|để|nhằm|với|trên địa bàn"
    "|giải ngân|đẩy nhanh|hoàn thiện|thanh tra|kiểm điểm|chấn chỉnh|thẩm định|phê duyệt|thanh toán|quyết toán"
    "|bàn giao|tiếp thu|điều tra|thu hồi|công khai|niêm yết|di dời|sơ tán|gia cố|đăng ký|chi trả|mua sắm"
    "|kiện toàn|sắp xếp|khảo sát|tập huấn|bồi dưỡng|liên hệ|tạm ngừng|cách ly|xét nghiệm|truy vết|ra quân"
)
_ACTION_RE: Final = re.compile(rf"(?<![\w])(?:{_ACTION_WORDS})(?![\w])")
_IMPERATIVE: Final = re.compile(rf"(?P<w>{_ACTION_WORDS})(?![\w])")


_LEADING_TRIGGERS: Final = re.compile(
    r"(?<![\w])(?P<w>[Yy]êu cầu|[Đđ]ề nghị|[Gg]iao(?: cho)?|[Cc]hỉ đạo|[Gg]iao nhiệm vụ cho)(?![\w])\s{0,3}:?\s{0,3}"
)
_TRAILING_TRIGGERS: Final = re.compile(
    r"(?<![\w])(?P<w>chủ trì|có trách nhiệm|chịu trách nhiệm|hoàn thành|khẩn trương|tập trung|tổ chức thực hiện"
    r"|phối hợp|triển khai|thực hiện|chỉ đạo|rà soát|báo cáo|tham mưu|cần|phải|hướng dẫn|đẩy mạnh|tăng cường)(?![\w])"
)
#: A circumstance before a leading trigger ("Tại Kế hoạch số …, giao Sở …").
_CONTEXT_PREFIX: Final = re.compile(
    r"^(?:Tại|Theo|Thực hiện|Căn cứ|Để|Nhằm|Trước|Trong|Qua|Sau)\s[^;.]{0,400},\s{1,3}$"
)
#: A trailing trigger after an adverbial phrase: "Ủy ban bầu cử …, trên cơ sở …, hoàn thành …".
_TRAILING_AFTER_ADVERBIAL: Final = re.compile(
    r"[^;.:]{0,200}?,\s{1,3}(?P<w>chủ trì|có trách nhiệm|chịu trách nhiệm|hoàn thành|khẩn trương|tổ chức thực hiện"
    r"|triển khai|thực hiện|báo cáo|tham mưu)(?![\w])"
)
_TRIGGER_KIND: Final = {
    "yêu cầu": TaskKind.REQUEST,
    "đề nghị": TaskKind.PROPOSE,
    "giao": TaskKind.ASSIGN,
    "giao cho": TaskKind.ASSIGN,
    "giao nhiệm vụ cho": TaskKind.ASSIGN,
    "chỉ đạo": TaskKind.DIRECT,
    "chủ trì": TaskKind.LEAD,
    "có trách nhiệm": TaskKind.RESPONSIBLE,
    "chịu trách nhiệm": TaskKind.RESPONSIBLE,
}
#: Subjects allowed before a leading trigger ("UBND tỉnh yêu cầu …", "Chủ tịch UBND tỉnh giao …").
_ISSUER_SUBJECT: Final = re.compile(
    rf"^(?:[^;.]{{0,400}},\s{{1,3}})?(?:(?:{_BODY_HEADS})[^,;.:]{{0,80}}|[Đđ]ồng chí [^;.:]{{0,120}}|[Tt]ỉnh|[Hh]uyện)"
    r"(?:\s(?:đã|cũng|tiếp tục|đồng thời))?\s{0,3}$"
)


# ============================================================================ tasks


#: Where a sentence ends, and where a clause after ";" starts that may name a body of its own
#: ("…, hoàn thành trong quý II/2024; Sở Kế hoạch và Đầu tư có trách nhiệm tổng hợp …").
_SENTENCE_END: Final = re.compile(
    r"(?<=[.!?…])\s{1,8}(?=[\"“(]?[A-ZĐÀ-ỸÂÊÔƠƯĂ0-9])|\n|(?<=;)\s{1,3}(?=[A-ZĐÀ-ỸÂÊÔƠƯĂ]|các\s)"
)


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = start
    for m in _SENTENCE_END.finditer(text, start, end):
        s, e = _trim(text, pos, m.start(), " \t\r\n")
        if e > s:
            out.append((s, e))
        pos = m.end()
    s, e = _trim(text, pos, end, " \t\r\n")
    if e > s:
        out.append((s, e))
    return out


_APPOSITION: Final = re.compile(r"\s[-–]\s{1,3}(?=[a-zđà-ỹ])|\s\((?!\w{1,8}\))")
_LIST_SEPARATOR: Final = re.compile(r"\s{0,2}(?:,|;|\svà|\svới)\s{1,3}")


def _split_bodies(src: _Source, start: int, end: int, role: AssigneeRole) -> list[Assignee]:
    """The bodies named in ``text[start:end]``, split at ", ", " và ", ";" where a new body starts."""
    text = src.text
    apposition = _APPOSITION.search(text, start, end)  # "Sở Kế hoạch và Đầu tư - cơ quan thường trực …"
    if apposition is not None:
        end = apposition.start()
    cuts = [start]
    for m in _LIST_SEPARATOR.finditer(text[start:end]):
        nxt = start + m.end()
        if _BODY_START.match(text, nxt):
            cuts.append(start + m.start())
            cuts.append(nxt)
    cuts.append(end)
    out: list[Assignee] = []
    for i in range(0, len(cuts), 2):
        s, e = _trim(text, cuts[i], cuts[i + 1], " \t\n,;:-–(")
        if e - s < 2 or not _BODY_START.match(text, s):
            continue
        out.append(Assignee(name=_clean(text[s:e]), span=src.span(s, e), role=role))
    return out


#: Action words that are also nouns in lists of bodies ("các cơ quan, tổ chức ở địa phương").
_NOUN_TOO: Final = frozenset({"tổ chức"})


def _assignee_region(text: str, start: int, end: int) -> int:
    """Where the action begins after an assignee list that starts at ``start``."""
    limit = min(end, start + 160)
    if not _BODY_START.match(text, start):
        return start
    # Skip the first word(s) of the head so that a head like "Ban Chỉ đạo" is not cut at "chỉ đạo".
    head = _BODY_START.match(text, start)
    pos = head.end() if head is not None else start
    for m in _ACTION_RE.finditer(text, pos, limit):
        before = text[start : m.start()].rstrip()
        if before.endswith(("Ban", "Ban Chỉ", "các", "Các")) and m.group() in {"chỉ đạo", "đạo"}:
            continue
        if _inside_name(text, start, m.start()):
            continue
        if m.group() in _NOUN_TOO and text[max(start, m.start() - 2) : m.start()] == ", ":
            continue  # "các cơ quan, tổ chức": a list of bodies, not the verb "tổ chức"
        return m.start()
    colon = text.find(":", pos, limit)
    return colon if colon >= 0 else start


def _inside_name(text: str, start: int, pos: int) -> bool:
    """True when ``pos`` is inside a body name such as "Ban Chỉ đạo … các cấp" (the word after a capital)."""
    prev = text[max(start, pos - 12) : pos]
    return prev.endswith(("Ban Chỉ ", "Ban ", "Chỉ ")) and text.startswith("đạo", pos)


#: Action words that do not make an order when they follow a body ("UBND tỉnh tại …", "… được …").
_NOT_ORDERS: Final = frozenset(
    {
        "được",
        "không",
        "đến",
        "về",
        "tại",
        "theo",
        "trong",
        "để",
        "nhằm",
        "với",
        "trên địa bàn",
        "trên cơ sở",
        "căn cứ",
        "ban hành",
        "có",
        "công bố",
    }
)
_NARRATIVE: Final = re.compile(r"(?:đã|vừa|đang|từng|cũng đã)\s{0,3}$")


def _imperative_at(text: str, first: int, stop: int) -> re.Match[str] | None:
    """An action verb right after the bodies that start a sentence ("Các cơ quan … tiếp tục rà soát"),
    unless the sentence narrates ("UBND tỉnh đã ban hành …")."""
    m = _IMPERATIVE.match(text, stop)
    if m is None or m.group("w") in _NOT_ORDERS or _NARRATIVE.search(text, first, stop):
        return None
    return m


def _leading_trigger(text: str, start: int, end: int) -> re.Match[str] | None:
    """The first "Yêu cầu / Đề nghị / Giao / Chỉ đạo" of the sentence that starts the order: at the
    start, after the issuer ("UBND tỉnh yêu cầu"), or after a circumstance ("Theo …, đề nghị")."""
    for lead in _LEADING_TRIGGERS.finditer(text, start, min(end, start + 400)):
        prefix = text[start : lead.start()]
        if prefix.endswith(("Ban ", "Ban chỉ ")):
            continue
        if (
            prefix.strip() == ""
            or prefix.rstrip().endswith((";", ":"))
            or _ISSUER_SUBJECT.match(prefix)
            or _CONTEXT_PREFIX.match(prefix)
        ):
            return lead
    return None


def _task(src: _Source, start: int, end: int, label: str | None = None) -> Task | None:
    """A task from a sentence (or an article) ``text[start:end]``; None when it orders nothing."""
    text = src.text
    kind: TaskKind | None = None
    trigger: Mention | None = None
    assignees: list[Assignee] = []
    action_start = start
    body_start = start
    if label is not None:
        kind = TaskKind.ARTICLE
    lead = _leading_trigger(text, start, end)
    if lead is not None:
        word = lead.group("w").casefold()
        kind = kind or _TRIGGER_KIND.get(word, TaskKind.OTHER)
        trigger = src.mention(lead.start("w"), lead.end("w"))
        body_start = lead.end()
        stop = _assignee_region(text, body_start, end)
        assignees = _split_bodies(src, body_start, stop, AssigneeRole.RESPONSIBLE)
        action_start = stop if assignees else body_start
    else:
        first = _skip_intro(text, start, end)
        if _BODY_START.match(text, first):
            stop = _assignee_region(text, first, end)
            trail = (
                _TRAILING_TRIGGERS.match(text, stop)
                or _TRAILING_AFTER_ADVERBIAL.match(text, stop, end)
                or _imperative_at(text, first, stop)
            )
            if stop > first and trail is not None:
                word = trail.group("w")
                role = AssigneeRole.LEAD if word == "chủ trì" else AssigneeRole.RESPONSIBLE
                assignees = _split_bodies(src, first, stop, role)
                if assignees:
                    kind = kind or _TRIGGER_KIND.get(word, TaskKind.OTHER)
                    trigger = src.mention(trail.start("w"), trail.end("w"))
                    action_start = trail.start("w")
    if kind is None:
        return None
    support = re.search(r"phối hợp với\s{1,3}", text[action_start:end])
    if support is not None:
        s = action_start + support.end()
        stop = _assignee_region(text, s, end)
        if stop > s:
            assignees.extend(_split_bodies(src, s, stop, AssigneeRole.SUPPORT))
    action = src.mention(action_start, end) or src.mention(start, end)
    if action is None:  # nothing but punctuation: no task
        return None
    return Task(
        text=_clean(text[start:end]),
        span=src.span(start, end),
        kind=kind,
        action=action,
        assignees=tuple(assignees),
        deadlines=tuple(_deadline(src, m) for m in src.in_range(MatchKind.DEADLINE, start, end)),
        references=tuple(_reference(src, m) for m in src.in_range(MatchKind.REFERENCE, start, end)),
        trigger=trigger,
        label=label,
    )


_INTRO: Final = re.compile(
    r"[-+•–*]\s{0,3}(?:(?:Đồng thời|Ngoài ra|Bên cạnh đó|Theo đó|Trong đó|Riêng|Đối với [^,]{1,80}),\s{1,3})?"
    r"|(?:Đồng thời|Ngoài ra|Bên cạnh đó|Theo đó|Trong đó|Riêng|Đối với [^,]{1,80}),\s{1,3}"
)


def _skip_intro(text: str, start: int, end: int) -> int:
    m = _INTRO.match(text, start, end)
    return m.end() if m is not None else start


def _tasks_in_prose(src: _Source, start: int, end: int) -> list[Task]:
    """Tasks from running text: each ordering sentence starts a task; the sentences after it that
    name no body of their own continue it."""
    out: list[tuple[int, int]] = []  # each task's span, grown by the sentences that continue it
    kinds: list[Task] = []  # each task as read from its first sentence
    for s, e in _sentences(src.text, start, end):
        task = _task(src, s, e)
        if task is not None and (task.assignees or task.kind is not TaskKind.OTHER):
            attributes = _ATTRIBUTION.search(src.text, s, e) is not None
            if attributes and (not task.assignees or _leading_trigger(src.text, s, e) is None):
                continue  # "Đó là chỉ đạo của …", "UBND tỉnh ban hành Kế hoạch số …": who ordered, not an order
            out.append((s, e))
            kinds.append(task)
        elif out and not _ATTRIBUTION.search(src.text, s, e):
            out[-1] = (out[-1][0], e)
    result: list[Task] = []
    for (s, e), first in zip(out, kinds, strict=True):
        grown = _task(src, s, e) if first.span != src.span(s, e) else first
        result.append(grown if grown is not None else first)
    return result


def _deadline(src: _Source, m: Match[object]) -> DeadlineMention:
    from vngovdirectives.deadlines import resolve_deadline

    value: Deadline = m.value  # type: ignore[assignment]
    try:
        last: dt.date | None = resolve_deadline(value)
    except VnGovDirectivesError:
        last = None
    return DeadlineMention(text=_clean(m.text), span=src.span(m.start, m.end), value=value, last_day=last)


def _reference(src: _Source, m: Match[object], role: ReferenceRole = ReferenceRole.CITED) -> Reference:
    value: DocumentReference = m.value  # type: ignore[assignment]
    return Reference(text=_clean(m.text), span=src.span(m.start, m.end), value=value, role=role)


# ============================================================================ targets

_TARGET_RE: Final = re.compile(
    r"(?<![\w])(?:(?P<vision>(?:tầm nhìn|định hướng)\s{1,3}(?:đến|tới)(?:\s{1,3}năm)?\s{1,3}(?P<vy>\d{4}))"
    r"|(?P<by>(?:đến|tới)\s{1,3}năm\s{1,3}(?P<by_y>\d{4}))"
    r"|(?P<in>(?:trong|hết|ngay trong)\s{1,3}năm\s{1,3}(?P<in_y>\d{4})))(?!\d)",
    _I,
)
_PERIOD_TARGET: Final = re.compile(r"(?:giai đoạn|thời kỳ)\s", _I)


def _targets(src: _Source, start: int, end: int) -> tuple[Target, ...]:
    out: list[tuple[int, Target]] = []
    text = src.text
    for m in _TARGET_RE.finditer(text, start, end):
        if m.group("vision"):
            kind, year = TargetKind.VISION, int(m.group("vy"))
        elif m.group("by"):
            kind, year = TargetKind.BY, int(m.group("by_y"))
        else:
            kind, year = TargetKind.IN_YEAR, int(m.group("in_y"))
        if not 1900 <= year <= 2200:
            continue
        target = Target(text=_clean(m.group()), span=src.span(m.start(), m.end()), kind=kind, end=VnDate(year=year))
        out.append((m.start(), target))
    for pm in src.in_range(MatchKind.PERIOD, start, end):
        if _PERIOD_TARGET.match(text, pm.start) and isinstance(pm.value, Period):
            period = pm.value
            t = Target(
                text=_clean(pm.text),
                span=src.span(pm.start, pm.end),
                kind=TargetKind.PERIOD,
                end=period.end,
                start=period.start,
            )
            out.append((pm.start, t))
    out.sort(key=lambda p: p[0])
    return tuple(t for _, t in out)


# ============================================================================ directives

#: The sentence that says whose directive it is and where it was issued.
_ATTRIBUTION: Final = re.compile(
    r"(?:[Đđ]ó là (?:ý kiến )?chỉ đạo của|[Nn]ội dung (?:trên|này) (?:được|do)|chỉ đạo (?:nội dung )?(?:trên|này)"
    r"|(?:đã|vừa) (?:có|ban hành|ký ban hành)\s{1,3}(?:văn bản|[A-ZĐ])|phê duyệt [^.;]{0,80}\btại\b|ban hành tại)"
)
_ISSUER_PATTERNS: Final = (
    re.compile(r"[Đđ]ó là (?:ý kiến )?chỉ đạo của\s{1,3}(?P<who>[^.;]{2,160}?)\s{1,3}tại\s"),
    re.compile(r"[Nn]ội dung (?:trên|này) (?:được|do)\s{1,3}(?P<who>[^.;]{2,160}?)\s{1,3}(?:ban hành|chỉ đạo|nêu)"),
    re.compile(
        r"^(?:[^,.;]{0,40},\s{1,3})?(?P<who>[^,.;]{2,120}?)\s{1,3}(?:đã |vừa )?(?:chỉ đạo|phê duyệt|ban hành|có|ký)\b"
    ),
)
_SUBJECT_AFTER_REF: Final = re.compile(
    r"\s{0,3},\s{1,3}(?P<who>[^,.;]{2,80}?)\s{1,3}(?:đã\s)?(?:yêu cầu|giao|chỉ đạo|đề nghị|phê duyệt|ban hành)\b"
)
_CARRIER_INTRO: Final = re.compile(r"(?:\btại|\bban hành|\bcó|\bbằng|\bký|\btheo)\s{1,3}$", _I)
_PERSON: Final = re.compile(
    r"^(?:[Đđ]ồng chí|[Ôô]ng|[Bb]à)\s{1,3}(?P<name>(?:[A-ZĐÀ-Ỹ][\wÀ-ỹ]*\s{1,3}){1,4}[A-ZĐÀ-Ỹ][\wÀ-ỹ]*)"
    r"\s{0,3},?\s{0,3}(?P<pos>.*)$"
)
_POSITION_BODY: Final = re.compile(
    r"(?:Phó\s)?(?:Chủ tịch|Giám đốc|Bí thư|Trưởng ban|Thủ tướng|Bộ trưởng|Chánh Văn phòng|Trưởng)\s{1,3}(?P<body>.+)$"
)


def _attribution(src: _Source, start: int, end: int) -> tuple[Mention | None, Signer | None, list[Reference]]:
    """Issuer, signer and carrying references from the first sentence that says where the directive was issued."""
    text = src.text
    for s, e in _sentences(text, start, end):
        sentence_refs = src.in_range(MatchKind.REFERENCE, s, e)
        if not sentence_refs:
            continue
        opens = text.startswith(("Tại ", "Theo "), s)
        lead = _leading_trigger(text, s, e)
        cited_first = lead is not None and sentence_refs[0].start < lead.start()
        if not (opens or cited_first) and not _ATTRIBUTION.search(text, s, e) and _task(src, s, e) is not None:
            continue  # an order that cites a document ("Yêu cầu … theo Quyết định số …") is not attribution
        carriers = [
            _reference(src, m, ReferenceRole.CARRIER)
            for m in sentence_refs
            if _CARRIER_INTRO.search(text[max(s, m.start - 30) : m.start])
        ]
        if not carriers:
            continue
        issuer: Mention | None = None
        signer: Signer | None = None
        first = sentence_refs[0].start
        for pattern in _ISSUER_PATTERNS:
            m = pattern.search(text[s:first])
            if m is None:
                continue
            ws, we = s + m.start("who"), s + m.end("who")
            who = text[ws:we]
            person = _PERSON.match(who)
            if person is not None:
                ns, ne = ws + person.start("name"), ws + person.end("name")
                ps, pe = ws + person.start("pos"), ws + person.end("pos")
                position = src.mention(ps, pe)
                signer = Signer(span=src.span(ws, we), name=src.mention(ns, ne), position=position)
                if position is not None:
                    body = _POSITION_BODY.match(text, *_trim(text, ps, pe))
                    if body is not None:
                        issuer = src.mention(body.start("body"), body.end("body"))
            elif _BODY_START.match(text, ws) or who[:1].isupper():
                issuer = src.mention(ws, we)
            break
        if issuer is None:
            after = _SUBJECT_AFTER_REF.match(text, sentence_refs[0].end, e)
            if after is not None:
                issuer = src.mention(after.start("who"), after.end("who"))
        if issuer is None and carriers[0].value.issuer:
            ref_m = sentence_refs[0]
            issuer_text = carriers[0].value.issuer
            at = text.find(issuer_text, ref_m.start, ref_m.end)
            if at >= 0:
                issuer = src.mention(at, at + len(issuer_text))
        return issuer, signer, carriers
    return None, None, []


def _directive(src: _Source, start: int, end: int, heading: tuple[int, int] | None, label: str | None) -> Directive:
    body_start = heading[1] if heading is not None else start
    issuer, signer, carriers = _attribution(src, body_start, end)
    tasks = _tasks_in_prose(src, body_start, end)
    addressees: dict[str, Assignee] = {}
    for t in tasks:
        for a in t.assignees:
            addressees.setdefault(a.name, a)
    by_span = {c.span: c for c in carriers}
    references = tuple(
        by_span.get(src.span(m.start, m.end)) or _reference(src, m)
        for m in src.in_range(MatchKind.REFERENCE, start, end)
    )
    return Directive(
        text=_clean(src.text[body_start:end]),
        span=src.span(*_trim(src.text, start, end, " \t\r\n")),
        heading=src.mention(*heading) if heading is not None else None,
        references=references,
        carriers=tuple(carriers),
        issuer=issuer,
        signer=signer,
        addressees=tuple(addressees.values()),
        tasks=tuple(tasks),
        deadlines=tuple(_deadline(src, m) for m in src.in_range(MatchKind.DEADLINE, start, end)),
        targets=_targets(src, start, end),
        label=label,
    )


# ============================================================================ bulletins

_BULLETIN_TITLE: Final = re.compile(r"chỉ đạo,?\s{1,3}(?:và\s{1,3})?điều hành", _I)
_NUMBERED: Final = re.compile(r"(?P<label>\d{1,2}|[IVX]{1,5})[.)]\s{1,3}(?=\S)")
_SENTENCE_PUNCT: Final = tuple(".;:,!?…")


def _is_heading(text: str, line: tuple[int, int], following: tuple[int, int] | None) -> bool:
    s, e = line
    if following is None or e - s > 300 or e - s < 8:
        return False
    if text[e - 1] in _SENTENCE_PUNCT or not (text[s].isupper() or text[s].isdigit()):
        return False
    fs, fe = following
    return text[fe - 1] in '.;:!?…)"”' or (fe - fs) > 1.5 * (e - s)


#: A bulletin item: start, end, the heading's (start, end) if any, the label if numbered.
_Item: TypeAlias = "tuple[int, int, tuple[int, int] | None, str | None]"


def _paragraph_items(src: _Source, lines: list[tuple[int, int]]) -> list[_Item]:
    """Items of a bulletin without headings or numbers: each paragraph that cites a document
    ("Ngày 15/4, UBND tỉnh ban hành Công văn số …") starts one; the paragraphs after it that cite
    none belong to it. A text with no such paragraph is one item."""
    starts = [
        i
        for i, (s, e) in enumerate(lines)
        if any(
            _CARRIER_INTRO.search(src.text[max(s, m.start - 30) : m.start])
            for m in src.in_range(MatchKind.REFERENCE, s, e)
        )
    ]
    if len(starts) < 2:
        return [(lines[0][0], lines[-1][1], None, None)]
    bounds = [*starts[1:], len(lines)]
    items: list[_Item] = [(lines[0][0], lines[starts[0] - 1][1], None, None)] if starts[0] > 0 else []
    items.extend((lines[i][0], lines[j - 1][1], None, None) for i, j in zip(starts, bounds, strict=True))
    return items


def parse_bulletin(source: str, /, *, html: bool | None = None) -> Bulletin:
    """Read a "chỉ đạo, điều hành" bulletin (plain text or HTML; ``html=None`` detects it).

    Items are either headed (a heading line, then its paragraphs) or numbered ("1. Tăng cường …").
    Text before the bulletin's title (menus, slogans) is skipped. Never raises on a ``str``.

    Raises:
        ExtractError: ``source`` is not a ``str``.
    """
    return _bulletin(_read(source, html))


def _bulletin(src: _Source) -> Bulletin:
    source = src.source
    text = src.text
    lines = _lines(text)
    title_i = next((i for i, (s, e) in enumerate(lines[:40]) if _BULLETIN_TITLE.search(text, s, min(e, s + 200))), None)
    title: Mention | None = None
    period: Period | None = None
    period_span: Span | None = None
    if title_i is not None:
        ts, te = lines[title_i]
        title = src.mention(ts, te)
        for pm in src.in_range(MatchKind.PERIOD, ts, te):
            if isinstance(pm.value, Period):
                period, period_span = pm.value, src.span(pm.start, pm.end)
                break
        body_lines = lines[title_i + 1 :]
    else:
        body_lines = lines
    numbered = [ln for ln in body_lines if _NUMBERED.match(text, ln[0])]
    items: list[tuple[int, int, tuple[int, int] | None, str | None]] = []
    summary: Mention | None = None
    if len(numbered) >= 2:
        starts = [ln for ln in body_lines if _NUMBERED.match(text, ln[0])]
        first_start = starts[0][0]
        pre = [ln for ln in body_lines if ln[1] <= first_start]
        if pre:
            summary = src.mention(pre[0][0], pre[-1][1])
        bounds = [ln[0] for ln in starts] + [body_lines[-1][1]]
        for i, ln in enumerate(starts):
            m = _NUMBERED.match(text, ln[0])
            assert m is not None
            s, e = ln[0], bounds[i + 1]
            first_sentence = _sentences(text, m.end(), ln[1])
            heading = None
            if first_sentence and first_sentence[0][1] - first_sentence[0][0] <= 220 and len(first_sentence) > 1:
                heading = _trim(text, *first_sentence[0])
            elif ln[1] - m.end() <= 220 and text[ln[1] - 1] not in _SENTENCE_PUNCT and ln[1] < e:
                heading = (m.end(), ln[1])
            items.append((s, e, heading, m.group("label")))
    else:
        heads = [
            i
            for i, ln in enumerate(body_lines)
            if _is_heading(text, ln, body_lines[i + 1] if i + 1 < len(body_lines) else None)
        ]
        if heads:
            if heads[0] > 0:
                summary = src.mention(body_lines[0][0], body_lines[heads[0] - 1][1])
            for k, hi in enumerate(heads):
                stop = body_lines[heads[k + 1] - 1][1] if k + 1 < len(heads) else body_lines[-1][1]
                hs, he = body_lines[hi]
                items.append((hs, stop, (hs, he), None))
        elif body_lines:
            items.extend(_paragraph_items(src, body_lines))
    # An item that cites no document, orders nothing and sets no deadline is page furniture
    # (a photo caption, a date, a "related news" box), not a directive.
    directives = tuple(
        d
        for d in (_directive(src, s, e, h, label) for s, e, h, label in items)
        if d.references or d.tasks or d.deadlines
    )
    known = {r.span: r for d in directives for r in d.references}
    references = tuple(
        known.get(src.span(m.start, m.end)) or _reference(src, m) for m in src.matches if m.kind is MatchKind.REFERENCE
    )
    return Bulletin(
        references=references,
        span=Span(start=0, end=len(source)),
        directives=directives,
        title=title,
        period=period,
        period_span=period_span,
        summary=summary,
        context_date=src.context_date,
        source_format=src.format,
    )


# ============================================================================ documents

_MOTTO: Final = re.compile(
    r"^CỘNG$|CỘNG\s{1,3}H[OÒ]A|H[OÒ]A\s{1,3}XÃ\s{1,3}HỘI|CHỦ\s{1,3}NGHĨA\s{1,3}VIỆT"
    r"|Độc\s{0,3}lập\s{0,3}-\s{0,3}Tự\s{0,3}do|ĐẢNG CỘNG SẢN VIỆT NAM",
    _I,
)
_RULE: Final = re.compile(r"^[-_=*.\s]{3,}$")
_TYPE_WORDS: Final = (
    "QUYẾT ĐỊNH|CHỈ THỊ|KẾ HOẠCH|CÔNG VĂN|THÔNG BÁO|NGHỊ QUYẾT|HƯỚNG DẪN|BÁO CÁO|CÔNG ĐIỆN|CHƯƠNG TRÌNH|TỜ TRÌNH"
    "|QUY ĐỊNH|QUY CHẾ|ĐỀ ÁN|PHƯƠNG ÁN|THÔNG TƯ|NGHỊ ĐỊNH|KẾT LUẬN|THÔNG TRI|GIẤY MỜI|LỊCH"
)
_TYPE_TITLE: Final = re.compile(rf"(?P<type>{_TYPE_WORDS})(?![\w])(?!\s{{0,3}}:)")
_DATE_LINE: Final = re.compile(
    r"(?P<place>[A-ZĐÀ-Ỹ][\wÀ-ỹ.]{0,20}(?:[ -]{1,2}[A-ZĐÀ-Ỹ][\wÀ-ỹ.]{0,20}){0,4})\s{0,3},\s{0,3}"
    r"(?P<date>ngày\s{1,3}\d{1,2}\s{1,3}tháng\s{1,3}\d{1,2}\s{1,3}năm\s{1,3}\d{4})"
)
_SUBJECT: Final = re.compile(r"(?:V/v|V/V|Về việc|VỀ VIỆC|Về|VỀ)\s", 0)
_BASIS: Final = re.compile(r"Căn\s{1,3}cứ\s")
_ENACTING: Final = re.compile(
    r"(?:QUYẾT ĐỊNH|CHỈ THỊ|QUYẾT NGHỊ|YÊU CẦU|ĐỀ NGHỊ|THÔNG BÁO)\s{0,3}:$|(?:quyết định|yêu cầu|chỉ thị|đề nghị):$"
)
_AUTHORITY_HEADS: Final = re.compile(
    r"(?:ỦY BAN|UỶ BAN|CHỦ TỊCH|BỘ TRƯỞNG|THỦ TƯỚNG|GIÁM ĐỐC|HỘI ĐỒNG|BAN THƯỜNG VỤ|BAN CHẤP HÀNH|TRƯỞNG BAN)"
)
_ARTICLE: Final = re.compile(r"Điều\s{1,3}(?P<n>\d{1,3})\s{0,3}[.:]\s")
_POINT: Final = re.compile(r"(?P<n>\d{1,2}(?:\.\d{1,2}){0,2}|[a-zđ]|[IVX]{1,5})[.)]\s{1,3}(?=\S)")
_RECIPIENTS: Final = re.compile(r"(?P<w>Nơi\s{1,3}nhận|Kính\s{1,3}gửi)\s{0,3}:?", _I)
_AUTHORITY: Final = re.compile(r"(?:KT|TM|TL|TUQ|Q|K/T|T/M)\.\s{0,3}[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ\s.]{2,60}$")
_POSITION: Final = re.compile(
    r"(?:PHÓ\s{1,3})?(?:CHỦ\s{1,3}TỊCH|GIÁM\s{1,3}ĐỐC|THỦ\s{1,3}TƯỚNG|BỘ\s{1,3}TRƯỞNG|THỨ\s{1,3}TRƯỞNG"
    r"|CHÁNH\s{1,3}VĂN\s{1,3}PHÒNG|TRƯỞNG\s{1,3}BAN|BÍ\s{1,3}THƯ|CHÁNH\s{1,3}THANH\s{1,3}TRA|TỔNG\s{1,3}GIÁM\s{1,3}ĐỐC"
    r"|TRƯỞNG\s{1,3}PHÒNG|CỤC\s{1,3}TRƯỞNG|CHÁNH\s{1,3}ÁN|VIỆN\s{1,3}TRƯỞNG|TRƯỞNG\s{1,3}ĐOÀN)(?:\s[A-ZĐÀ-Ỹ\s]{0,40})?$"
)
_NAME: Final = re.compile(
    r"(?!Chương|Điều|Mục|Phần|Phụ lục|Nơi|Kính)(?:[A-ZĐÀ-Ỹ][a-zà-ỹđ]{0,7}\s{1,2}){1,4}[A-ZĐÀ-Ỹ][a-zà-ỹđ]{0,7}$"
)
_SIGNED: Final = re.compile(r"\(?\s{0,3}(?:Đã\s{1,3}ký|đã\s{1,3}ký|ký)\s{0,3}\)?\.?$")
_ISSUER_CHILD: Final = re.compile(
    r"(?:SỞ|BAN|VĂN PHÒNG|PHÒNG|CỤC|CHI CỤC|TRUNG TÂM|THANH TRA|BỘ CHỈ HUY|CÔNG AN|TỔNG CỤC)\s"
)


def _upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _header_number(src: _Source, limit: int) -> Match[object] | None:
    for m in src.matches:
        if m.start > limit:
            break
        if m.kind is MatchKind.REFERENCE and isinstance(m.value, DocumentReference) and m.value.header:
            return m
    return None


def parse_document(source: str, /, *, html: bool | None = None) -> Document:
    """Read a single document (plain text or HTML; ``html=None`` detects it).

    Recognises the national motto, the issuing body, "Số: …", the date line, the type title,
    the trích yếu ("V/v …"), "Căn cứ …" clauses, "Điều 1/2/3" or numbered points, "Nơi nhận"
    (and "Kính gửi") and the signer block. What it cannot find stays None or empty; it never
    raises on a ``str``.

    Raises:
        ExtractError: ``source`` is not a ``str``.
    """
    return _document(_read(source, html))


def _document(src: _Source) -> Document:
    source = src.source
    text = src.text
    segs = _segments(text)
    n = len(segs)
    # ---- header: issuer, number, date line, type title, subject
    header_limit = segs[min(n, 40) - 1][1] if segs else 0
    number_m = _header_number(src, header_limit)
    number: DocumentNumber | None = None
    number_span: Span | None = None
    if number_m is not None and isinstance(number_m.value, DocumentReference):
        number = number_m.value.number
        ns = text.find(str(number_m.value.serial), number_m.start, number_m.end)
        number_span = src.span(ns if ns >= 0 else number_m.start, number_m.end)
    date_m = _DATE_LINE.search(text, number_m.end if number_m is not None else 0, header_limit + 1)
    if date_m is None and number_m is not None:
        date_m = _DATE_LINE.search(text, 0, header_limit + 1)
    place = issued_on = date_span = None
    if date_m is not None:
        from vngovdirectives.dates import parse_date

        place = src.mention(date_m.start("place"), date_m.end("place"))
        try:
            issued_on = parse_date(date_m.group("date"))
            date_span = src.span(date_m.start("date"), date_m.end("date"))
        except VnGovDirectivesError:
            issued_on = None
    # issuer lines: upper-case segments before the number / motto / date line
    first_mark = min(
        [p for p in (number_m.start if number_m else None, date_m.start() if date_m else None) if p is not None]
        or [header_limit]
    )
    issuer_segs: list[tuple[int, int]] = []
    for s, e in segs:
        if s >= first_mark or len(issuer_segs) >= 4:
            break
        piece = text[s:e]
        if _MOTTO.search(piece) or _RULE.match(piece):
            continue
        if _upper(piece) and not _TYPE_TITLE.fullmatch(piece):
            issuer_segs.append((s, e))
        elif issuer_segs:
            issuer_segs = []  # a break in the upper-case block: start again
    parent: Mention | None = None
    issuer: Mention | None = None
    if issuer_segs:
        child = next((i for i, (s, _) in enumerate(issuer_segs) if i > 0 and _ISSUER_CHILD.match(text, s)), None)
        if child is not None:
            parent = _joined(src, issuer_segs[:child])
            issuer = _joined(src, issuer_segs[child:])
        else:
            issuer = _joined(src, issuer_segs)
    # type title and subject
    after_header = max(
        [p for p in (number_m.end if number_m else None, date_m.end() if date_m else None) if p is not None] or [0]
    )
    type_mention: Mention | None = None
    type_name: str | None = None
    title: Mention | None = None
    title_end = after_header
    k = next((i for i, (s, _) in enumerate(segs) if s >= after_header), n)
    while k < n and (_MOTTO.search(text, *segs[k]) or _RULE.match(text[segs[k][0] : segs[k][1]])):
        k += 1
    if k < n:
        s, e = segs[k]
        tm = _TYPE_TITLE.match(text, s, e)
        if tm is not None and _upper(text[s : tm.end()]):
            type_mention = src.mention(tm.start(), tm.end())
            type_name = tm.group("type").capitalize()
            rest_s = _trim(text, tm.end(), e)[0]
            title_s, title_e = (rest_s, e) if rest_s < e else (None, None)
            k += 1
            while k < n and (title_s is None or _title_continues(text, segs[k])):
                s2, e2 = segs[k]
                if _BASIS.match(text, s2) or _ARTICLE.match(text, s2) or _ENACTING.search(text, s2, e2):
                    break
                if title_s is not None and _AUTHORITY_HEADS.match(text, s2):
                    break
                if title_s is None and not (
                    _upper(text[s2:e2]) or _SUBJECT.match(text, s2) or _plain_title(text, (s2, e2))
                ):
                    break
                title_s = s2 if title_s is None else title_s
                title_e = e2
                k += 1
            if title_s is not None and title_e is not None:
                title = src.mention(title_s, title_e)
                title_end = title_e
    if title is None:
        for s, e in segs[: min(n, 40)]:
            if _SUBJECT.match(text, s) and text[s:e].lstrip().startswith(("V/v", "V/V", "Về việc", "VỀ VIỆC")):
                title = src.mention(s, e)
                title_end = max(title_end, e)
                break
    if type_name is None and number is not None:
        doc_type = number.doc_type
        type_name = doc_type.label if doc_type is not None else "Công văn"
    # ---- tail: recipients and signer
    body_start = title_end
    rec_m = None
    for s, e in segs:
        if s >= body_start:
            m = _RECIPIENTS.match(text, s, e)
            if m is not None and m.group("w").casefold().startswith("nơi"):
                rec_m = m
                break
    last_article = max((s for s, _ in segs if s >= body_start and _ARTICLE.match(text, s)), default=body_start)
    signer, signer_start = _signer(src, segs, last_article)
    body_end = min(p for p in (rec_m.start() if rec_m else None, signer_start, len(text)) if p is not None)
    recipients = _recipients(src, segs, body_start)
    # ---- basis clauses, tasks
    basis_clauses: list[Mention] = []
    basis_spans: list[tuple[int, int]] = []
    for s, e in segs:
        if body_start <= s < body_end and _BASIS.match(text, s):
            basis_clauses.append(Mention(text=_clean(text[s:e]), span=src.span(s, e)))
            basis_spans.append((s, e))
    basis = tuple(
        _reference(src, m, ReferenceRole.BASIS)
        for bs, be in basis_spans
        for m in src.in_range(MatchKind.REFERENCE, bs, be)
    )
    addressed = [Assignee(name=r.text, span=r.span) for r in _recipients(src, segs, body_start, kinh_gui_only=True)]
    tasks = _document_tasks(src, segs, max(body_start, basis_spans[-1][1] if basis_spans else 0), body_end, addressed)
    basis_by_span = {r.span: r for r in basis}
    references = tuple(
        _reference(src, m, ReferenceRole.HEADER)
        if m is number_m
        else basis_by_span.get(src.span(m.start, m.end)) or _reference(src, m)
        for m in src.matches
        if m.kind is MatchKind.REFERENCE
    )
    body = src.mention(body_start, body_end)
    return Document(
        span=Span(start=0, end=len(source)),
        type_name=type_name,
        type_mention=type_mention,
        issuer=issuer,
        parent_issuer=parent,
        number=number,
        number_span=number_span,
        place=place,
        issued_on=issued_on,
        date_span=date_span,
        title=title,
        basis=basis,
        basis_clauses=tuple(basis_clauses),
        tasks=tuple(tasks),
        recipients=tuple(recipients),
        signer=signer,
        references=references,
        deadlines=tuple(_deadline(src, m) for m in src.in_range(MatchKind.DEADLINE, body_start, body_end)),
        targets=_targets(src, body_start, body_end),
        body=body,
        source_format=src.format,
    )


def _joined(src: _Source, segs: list[tuple[int, int]]) -> Mention | None:
    if not segs:
        return None
    return Mention(text=" ".join(_clean(src.text[s:e]) for s, e in segs), span=src.span(segs[0][0], segs[-1][1]))


def _plain_title(text: str, seg: tuple[int, int]) -> bool:
    """A sentence-case trích yếu line right under the type title ("Thực hiện chuyển đổi số năm 2021")."""
    s, e = seg
    return e - s < 200 and text[e - 1] not in ".;:," and not _POINT.match(text, s) and text[s].isupper()


def _title_continues(text: str, seg: tuple[int, int]) -> bool:
    s, e = seg
    return _upper(text[s:e]) and e - s < 250


def _document_tasks(
    src: _Source, segs: list[tuple[int, int]], start: int, end: int, addressed: list[Assignee]
) -> list[Task]:
    """Articles ("Điều 2. …"), else numbered points that name a body, else the numbered points of a
    letter addressed by "Kính gửi" (its addressees do them), else ordering sentences."""
    text = src.text
    inside = [(s, e) for s, e in segs if start <= s and e <= end]
    articles = [(s, e) for s, e in inside if _ARTICLE.match(text, s)]
    out: list[Task] = []
    if articles:
        bounds = [s for s, _ in articles] + [inside[-1][1]]
        all_points = [(ps, pe) for ps, pe in inside if _POINT.match(text, ps)]
        point_starts = [ps for ps, _ in all_points]
        for i, (s, _) in enumerate(articles):
            m = _ARTICLE.match(text, s)
            assert m is not None
            stop = bounds[i + 1]
            lo, hi = bisect.bisect_right(point_starts, s), bisect.bisect_left(point_starts, stop)
            points = all_points[lo:hi]
            label = f"Điều {m.group('n')}"
            lead_end = points[0][0] if points else stop
            task = _task(src, m.end(), _trim(text, s, lead_end)[1], label=label)
            if task is not None:
                out.append(attrs.evolve(task, span=src.span(*_trim(text, s, lead_end)), text=_clean(text[s:lead_end])))
            out.extend(_point_tasks(src, points, stop, prefix=f"{label}."))
        return out
    points = [(s, e) for s, e in inside if _POINT.match(text, s)]
    point_tasks = _point_tasks(src, points, end, prefix="", ordering_only=True)
    if not point_tasks and addressed:
        point_tasks = _point_tasks(src, points, end, prefix="", ordering_only=True, default=tuple(addressed))
    if point_tasks:
        return point_tasks
    return _tasks_in_prose(src, start, end)


def _point_tasks(
    src: _Source,
    points: list[tuple[int, int]],
    stop: int,
    *,
    prefix: str,
    ordering_only: bool = False,
    default: tuple[Assignee, ...] = (),
) -> list[Task]:
    """Tasks from numbered points. With ``ordering_only`` (points outside articles) only numbered
    points ("1.", "2.1.") that name a body are tasks; each runs to the next numbered or Roman
    point, so its lettered sub-points ("a)", "b)") belong to it."""
    text = src.text
    out: list[Task] = []
    if ordering_only:
        points = [p for p in points if _SECTION.match(text, p[0])]
    bounds = [s for s, _ in points] + [stop]
    for i, (s, _) in enumerate(points):
        m = _POINT.match(text, s)
        assert m is not None
        if ordering_only and not m.group("n")[0].isdigit():
            continue  # a Roman section heading: it only ends the point before it
        e = _trim(text, s, bounds[i + 1], " \t\r\n")[1]
        label = f"{prefix}{m.group('n')}"
        task = _task(src, m.end(), e, label=None if ordering_only else label)
        if task is None or not task.assignees:
            named = _named_point(src, m.end(), e)
            if named is not None:
                task = named if task is None else attrs.evolve(task, assignees=named.assignees)
        if default and (task is None or not task.assignees):
            action = src.mention(m.end(), e)
            if action is not None:
                task = _point_task(src, m.end(), e, action, default)
        if task is None or (ordering_only and not task.assignees):
            continue
        out.append(attrs.evolve(task, span=src.span(s, e), text=_clean(text[s:e]), label=label))
    return out


#: Numbered points that are sections of a plan or directive ("1.", "2.3.", "IV."), not "a)".
_SECTION: Final = re.compile(r"(?:\d{1,2}(?:\.\d{1,2}){0,2}|[IVX]{1,5})[.)]\s")
#: A point whose first line is only the name of a body: "1. Bộ Công an.", "2. Sở Nội vụ:".
_NAME_CUT: Final = re.compile(r"\s[-–]\s|:|\n|\.(?:\s|$)")


def _point_task(src: _Source, start: int, end: int, action: Mention, assignees: tuple[Assignee, ...]) -> Task:
    return Task(
        text=_clean(src.text[start:end]),
        span=src.span(start, end),
        kind=TaskKind.ARTICLE,
        action=action,
        assignees=assignees,
        deadlines=tuple(_deadline(src, m) for m in src.in_range(MatchKind.DEADLINE, start, end)),
        references=tuple(_reference(src, m) for m in src.in_range(MatchKind.REFERENCE, start, end)),
    )


def _named_point(src: _Source, start: int, end: int) -> Task | None:
    text = src.text
    if not _BODY_START.match(text, start):
        return None
    limit = min(end, start + 150)
    cut = _NAME_CUT.search(text, start, limit)
    line_end = _trim(text, start, cut.start() if cut is not None else end, " \t.:;")[1]
    if line_end > limit:
        return None
    verb = _ACTION_RE.search(text, start, line_end)
    if verb is not None:
        line_end = _trim(text, start, verb.start(), " \t.:;,")[1]
    assignees = _split_bodies(src, start, line_end, AssigneeRole.RESPONSIBLE)
    if not assignees:
        return None
    action = src.mention(line_end, end) or src.mention(start, end)
    if action is None:
        return None
    return _point_task(src, start, end, action, tuple(assignees))


_RECIPIENT_ITEM: Final = re.compile(r"[^;]+")


def _recipients(src: _Source, segs: list[tuple[int, int]], start: int, *, kinh_gui_only: bool = False) -> list[Mention]:
    """The items after "Nơi nhận:" (after ``start``) and after "Kính gửi:" (anywhere)."""
    text = src.text
    out: list[Mention] = []
    i = 0
    n = len(segs)
    while i < n:
        s, e = segs[i]
        m = _RECIPIENTS.match(text, s, e) if s >= start or text.startswith("Kính", s) else None
        if m is not None and kinh_gui_only and not m.group("w").startswith("Kính"):
            m = None
        if m is None:
            i += 1
            continue
        pieces = [(m.end(), e)]
        i += 1
        while i < n:
            s2, e2 = segs[i]
            piece = text[s2:e2]
            if not piece.startswith(("-", "+", "•", "–")) or _AUTHORITY.match(piece) or _POSITION.match(piece):
                break
            pieces.append((s2, e2))
            i += 1
        for ps, pe in pieces:
            for part in _RECIPIENT_ITEM.finditer(text, ps, pe):
                a, b = _trim(text, part.start(), part.end(), " \t-+•–;,.")
                if b - a >= 2:
                    out.append(Mention(text=_clean(text[a:b]), span=src.span(a, b)))
    return out


def _signer(src: _Source, segs: list[tuple[int, int]], start: int) -> tuple[Signer | None, int | None]:
    """The signer block near the end: authority ("KT. CHỦ TỊCH"), position, name."""
    text = src.text
    tail = [(s, e) for s, e in segs if s >= start][-40:]
    authority: tuple[int, int] | None = None
    position: tuple[int, int] | None = None
    name: tuple[int, int] | None = None
    first: int | None = None
    for s, e in tail:
        piece = text[s:e]
        if authority is None and position is None and _AUTHORITY.match(piece):
            authority, first = (s, e), s
            continue
        if position is None and _POSITION.fullmatch(piece) and (authority is not None or len(piece) < 40):
            position = (s, e)
            first = first if first is not None else s
            continue
        if (authority or position) and name is None and _NAME.fullmatch(piece) and not _SIGNED.fullmatch(piece):
            name = (s, e)
    if authority is None and position is None:
        return None, None
    if authority is not None and position is None:
        # "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH" is caught above; "KT. CHỦ TỊCH PHÓ CHỦ TỊCH" on one line here.
        m = re.search(r"\s(PHÓ\s{1,3}[A-ZĐÀ-Ỹ ]{4,30})$", text[authority[0] : authority[1]])
        if m is not None:
            position = (authority[0] + m.start(1), authority[1])
            authority = (authority[0], authority[0] + m.start())
    pieces = [p for p in (authority, position, name) if p is not None]
    span = src.span(min(p[0] for p in pieces), max(p[1] for p in pieces))
    signer = Signer(
        span=span,
        authority=src.mention(*authority) if authority else None,
        position=src.mention(*position) if position else None,
        name=src.mention(*name) if name else None,
    )
    return signer, first


# ============================================================================ extract

_DOC_SIGNS: Final = (
    (re.compile(r"CỘNG\s{1,3}H[OÒ]A\s{1,3}XÃ\s{1,3}HỘI", _I), 2),
    (re.compile(r"(?:^|\n|\|)\s{0,3}Số\s{0,3}:?\s{0,3}\d{1,5}[^\n]{0,3}/", 0), 2),
    (re.compile(r"(?:^|\n)\s{0,3}Căn\s{1,3}cứ\s", 0), 1),
    (re.compile(r"(?:^|\n)\s{0,3}Căn\s{1,3}cứ\s[^\n]{0,400}\n\s{0,3}Căn\s{1,3}cứ\s", 0), 1),
    (re.compile(rf"(?:^|\n)\s{{0,3}}(?:{_TYPE_WORDS})(?: [A-ZĐÀ-Ỹ,]{{1,12}}){{1,12}}\s{{0,3}}\n", 0), 2),
    (re.compile(r"(?:^|\n)\s{0,3}(?:V/v|Về việc)\s", 0), 1),
    (re.compile(r"(?:^|\n)\s{0,3}Điều\s{1,3}1\s{0,3}[.:]", 0), 2),
    (re.compile(r"(?:^|\n)\s{0,3}Nơi\s{1,3}nhận", _I), 2),
    (re.compile(r"(?:^|\n)\s{0,3}Kính\s{1,3}gửi", 0), 1),
    (re.compile(rf"(?:^|\n)\s{{0,3}}(?:{_TYPE_WORDS})\s{{0,3}}(?:\n|$)", 0), 2),
    (re.compile(r"(?:^|\n)\s{0,3}(?:KT|TM)\.\s{0,3}[A-ZĐ]", 0), 1),
)
_BULLETIN_SIGNS: Final = (
    (_BULLETIN_TITLE, 3),
    (re.compile(r"[Đđ]ó là (?:ý kiến )?chỉ đạo của|[Nn]ội dung trên (?:được|do)|chỉ đạo nội dung trên"), 2),
)


def _looks_like_document(text: str) -> bool:
    head = text[:6000]
    doc = sum(w for rx, w in _DOC_SIGNS if rx.search(head))
    bulletin = sum(w for rx, w in _BULLETIN_SIGNS if rx.search(head))
    return doc >= 3 and doc > bulletin


def extract(source: str, /, *, html: bool | None = None) -> Extracted:
    """Read ``source`` as a document when it has a document's header or structure ("Số: …", the
    motto, a type title, "Căn cứ", "Điều 1", "Nơi nhận"), else as a bulletin.

    Raises:
        ExtractError: ``source`` is not a ``str``.
    """
    src = _read(source, html)
    if _looks_like_document(src.text):
        return _document(src)
    return _bulletin(src)
