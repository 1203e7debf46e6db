"""Helpers for testing exporter plugins.

In a plugin's own test suite::

    from vngovdirectives.testing import check_exporter

    def test_my_format_conforms():
        check_exporter("my-format")   # by name: also proves the entry point is installed

:func:`check_exporter` runs the exporter on :func:`sample_items` and raises ``AssertionError``
with a message that says what to fix.

>>> data = check_exporter("csv")
>>> data[:3] == b"\\xef\\xbb\\xbf"
True
"""

from __future__ import annotations

import datetime as dt
import io
from typing import TYPE_CHECKING, BinaryIO, cast

from vngovdirectives.plugins import Exporter, export, get_exporter
from vngovdirectives.plugins.model import MEDIA_RE, NAME_RE, SUFFIX_RE

if TYPE_CHECKING:
    from vngovdirectives.directives import DeadlineMention, Reference, Task
    from vngovdirectives.plugins import Exportable

__all__ = ["NonSeekableStream", "check_exporter", "sample_items"]


class NonSeekableStream(io.BufferedIOBase):
    """A write-only binary stream that cannot seek or tell, like a pipe; ``getvalue()`` gives the bytes."""

    def __init__(self) -> None:
        super().__init__()
        self._data = bytearray()

    def writable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return False

    def write(self, data: object) -> int:
        chunk = bytes(data)  # type: ignore[call-overload]
        self._data += chunk
        return len(chunk)

    def getvalue(self) -> bytes:
        """Everything written so far."""
        return bytes(self._data)


def sample_items() -> list[Exportable]:
    """A bulletin, a document and a bare directive covering every field an exporter may read.

    Texts include Vietnamese diacritics and values that look like spreadsheet formulas.
    """
    from vngovdirectives.dates import Period, TimeOfDay, VnDate
    from vngovdirectives.deadlines import NoLaterThan
    from vngovdirectives.directives import Bulletin, DeadlineMention, Directive, Document, Mention, Span
    from vngovdirectives.numbers import parse_number

    carrier, cited = _sample_references()
    report, quarter, relative = _sample_deadlines()
    task, hostile = _sample_tasks(cited, report)
    directive = Directive(
        text="Đó là chỉ đạo tại Công văn số 39/CV-BCĐ ngày 29/3/2019. Yêu cầu Sở Y tế …",
        span=Span(start=0, end=360),
        heading=Mention(text="Phòng, chống dịch tả lợn châu Phi", span=Span(start=0, end=9)),
        references=(carrier, cited),
        carriers=(carrier,),
        issuer=Mention(text="Ban Chỉ đạo các Chương trình mục tiêu quốc gia tỉnh", span=Span(start=20, end=40)),
        tasks=(task, hostile),
        deadlines=(report, quarter),
    )
    bulletin = Bulletin(
        span=Span(start=0, end=400),
        directives=(directive, Directive(text="-5 xã chưa đạt chuẩn\tnông thôn mới", span=Span(start=361, end=400))),
        title=Mention(text="Chỉ đạo, điều hành nổi bật của UBND tỉnh", span=Span(start=0, end=40)),
        period=Period(start=VnDate(year=2019, month=3, day=25), end=VnDate(year=2019, month=3, day=31)),
        context_date=dt.date(2019, 3, 31),
    )
    document = Document(
        span=Span(start=0, end=500),
        type_name="Kế hoạch",
        issuer=Mention(text="ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN", span=Span(start=0, end=29)),
        number=parse_number("07/KH-UBND"),
        number_span=Span(start=40, end=50),
        issued_on=VnDate(year=2019, month=1, day=10),
        title=Mention(text="Kế hoạch thực hiện Chỉ thị số 05-CT/TW", span=Span(start=60, end=98)),
        tasks=(task,),
        deadlines=(report, relative),
    )
    at_five = NoLaterThan(due=VnDate(year=2019, month=4, day=25), time=TimeOfDay(hour=17))
    bare = Directive(
        text="Hoàn thành chậm nhất vào 17 giờ ngày 25/4/2019.",
        span=Span(start=0, end=47),
        deadlines=(
            DeadlineMention(text="chậm nhất vào 17 giờ ngày 25/4/2019", span=Span(start=11, end=46), value=at_five),
        ),
    )
    return [bulletin, document, bare]


def _sample_references() -> tuple[Reference, Reference]:
    """A carrying reference and a cited one."""
    from vngovdirectives.dates import VnDate
    from vngovdirectives.directives import Reference, ReferenceRole, Span
    from vngovdirectives.numbers import parse_number
    from vngovdirectives.references import DocumentReference, Relation

    carrier = Reference(
        text="Công văn số 39/CV-BCĐ ngày 29/3/2019",
        span=Span(start=10, end=46),
        value=DocumentReference(
            number=parse_number("39/CV-BCĐ"),
            serial="39",
            type_name="Công văn",
            issued_on=VnDate(year=2019, month=3, day=29),
            issuer="Ban Chỉ đạo các Chương trình mục tiêu quốc gia tỉnh",
            relation=Relation.CARRIER,
        ),
        role=ReferenceRole.CARRIER,
    )
    cited = Reference(
        text="Quyết định số 933/QĐ-UBND ngày 22/5/2018",
        span=Span(start=120, end=160),
        value=DocumentReference(
            number=parse_number("933/QĐ-UBND"),
            serial="933",
            type_name="Quyết định",
            issued_on=VnDate(year=2018, month=5, day=22),
        ),
    )
    return carrier, cited


def _sample_deadlines() -> tuple[DeadlineMention, DeadlineMention, DeadlineMention]:
    """A deadline before a time of day, one within a quarter and a relative one."""
    from vngovdirectives.dates import Period, TimeOfDay, VnDate
    from vngovdirectives.deadlines import Before, DurationUnit, Relative, Within
    from vngovdirectives.directives import DeadlineMention, Span

    report = DeadlineMention(
        text="trước 0 giờ ngày 01/4/2019",
        span=Span(start=200, end=226),
        value=Before(due=VnDate(year=2019, month=4, day=1), time=TimeOfDay(hour=0)),
        last_day=dt.date(2019, 3, 31),
    )
    quarter = DeadlineMention(
        text="trong quý II/2019",
        span=Span(start=240, end=257),
        value=Within(span=Period(start=VnDate(year=2019, month=4, day=1), end=VnDate(year=2019, month=6, day=30))),
    )
    relative = DeadlineMention(
        text="trong thời hạn 15 ngày làm việc kể từ ngày nhận được hồ sơ",
        span=Span(start=300, end=357),
        value=Relative(amount=15, unit=DurationUnit.WORKING_DAY, anchor="ngày nhận được hồ sơ"),
    )
    return report, quarter, relative


def _sample_tasks(cited: Reference, report: DeadlineMention) -> tuple[Task, Task]:
    """A task with a lead and a support, and one whose texts look like spreadsheet formulas."""
    from vngovdirectives.directives import Assignee, AssigneeRole, Mention, Span, Task, TaskKind

    task = Task(
        text="Yêu cầu Sở Y tế chủ trì, phối hợp với Công an tỉnh báo cáo trước 0 giờ ngày 01/4/2019.",
        span=Span(start=180, end=230),
        kind=TaskKind.REQUEST,
        action=Mention(text="báo cáo", span=Span(start=190, end=197)),
        assignees=(
            Assignee(name="Sở Y tế", span=Span(start=188, end=195), role=AssigneeRole.LEAD),
            Assignee(name="Công an tỉnh", span=Span(start=205, end=217), role=AssigneeRole.SUPPORT),
        ),
        deadlines=(report,),
        references=(cited,),
    )
    hostile = Task(
        text='=HYPERLINK("http://example.invalid","bấm vào")',
        span=Span(start=260, end=300),
        kind=TaskKind.OTHER,
        action=Mention(text="+cmd|' /C calc'!A0", span=Span(start=260, end=270)),
        assignees=(Assignee(name="@SUM(1+1)", span=Span(start=262, end=270)),),
    )
    return task, hostile


def _fail(name: str, problem: str) -> AssertionError:
    return AssertionError(f"exporter {name!r}: {problem}")


def check_exporter(exporter_or_name: Exporter | str, /) -> bytes:
    """Check that an exporter keeps the exporter contract; return what it wrote for the samples.

    Given a name, the format must be available through the installed plugins (which checks the
    entry point too) and :func:`vngovdirectives.export` must produce it. Checks: a valid name,
    media type and suffix; non-empty output for :func:`sample_items`, to a seekable stream and
    to a non-seekable one (a pipe) given a one-shot iterator; no error on an empty batch;
    UTF-8 output for text media types.

    Raises:
        AssertionError: with a message naming the exporter and what to fix.
    """
    exporter = _exporter(exporter_or_name)
    name = exporter.name
    for field, pattern, rule in (
        ("name", NAME_RE, "lower-case letters, digits and '-', starting with a letter"),
        ("media_type", MEDIA_RE, "a media type such as 'text/csv'"),
        ("suffix", SUFFIX_RE, "a file suffix such as '.csv'"),
    ):
        value = getattr(exporter, field)
        if not isinstance(value, str) or pattern.fullmatch(value) is None:
            raise _fail(name, f"{field} {value!r} must be {rule}")
    data = _check_writes(exporter)
    media = exporter.media_type.split(";")[0].strip().lower()
    if media.startswith("text/") or media.endswith(("json", "+json", "jsonl")):
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise _fail(name, f"its media type is {media} but the output is not UTF-8 ({exc})") from exc
    return data


def _exporter(exporter_or_name: Exporter | str) -> Exporter:
    """The exporter given, or the installed one of that name (which must export the samples)."""
    if isinstance(exporter_or_name, Exporter):
        return exporter_or_name
    if not isinstance(exporter_or_name, str):
        raise AssertionError(f"expected an Exporter or a format name, got {type(exporter_or_name).__name__}")
    try:
        exporter = get_exporter(exporter_or_name)
    except Exception as exc:
        raise _fail(exporter_or_name, f"not available: {exc}") from exc
    if not export(sample_items(), to=exporter.name):
        raise _fail(exporter.name, "export(..., to=name) wrote nothing for the sample items")
    return exporter


def _check_writes(exporter: Exporter) -> bytes:
    """Write the samples to a buffer and to a pipe, and an empty batch; return the buffer's bytes."""
    name = exporter.name
    buffer = io.BytesIO()
    try:
        exporter.write(sample_items(), buffer)
    except Exception as exc:
        raise _fail(name, f"write() raised {type(exc).__name__}: {exc} on the sample items") from exc
    data = buffer.getvalue()
    if not data:
        raise _fail(name, "write() wrote nothing for the sample items")
    pipe = NonSeekableStream()
    try:
        exporter.write(iter(sample_items()), cast("BinaryIO", pipe))
    except Exception as exc:
        raise _fail(
            name,
            f"write() failed on a non-seekable stream given an iterator ({type(exc).__name__}: {exc}); "
            "build the output in a temporary file and copy it to the stream if the format needs seeking",
        ) from exc
    if not pipe.getvalue():
        raise _fail(name, "write() wrote nothing to a non-seekable stream")
    try:
        exporter.write([], io.BytesIO())
    except Exception as exc:
        raise _fail(name, f"write() must accept an empty batch, but raised {type(exc).__name__}: {exc}") from exc
    return data
