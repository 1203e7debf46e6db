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

from vngovdirectives.plugins import _MEDIA_RE, _NAME_RE, _SUFFIX_RE, Exporter, export, get_exporter

if TYPE_CHECKING:
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
    from vngovdirectives.deadlines import Before, DurationUnit, NoLaterThan, Relative, Within
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
        Span,
        Task,
        TaskKind,
    )
    from vngovdirectives.docnumbers import parse_number
    from vngovdirectives.references import DocumentReference

    def span(start: int, end: int) -> Span:
        return Span(start=start, end=end)

    carrier = Reference(
        text="Công văn số 39/CV-BCĐ ngày 29/3/2019",
        span=span(10, 46),
        value=DocumentReference(
            number=parse_number("39/CV-BCĐ"),
            serial="39",
            type_name="Công văn",
            issued_on=VnDate(year=2019, month=3, day=29),
            issuer="Ban Chỉ đạo các Chương trình mục tiêu quốc gia tỉnh",
        ),
        role=ReferenceRole.CARRIER,
    )
    cited = Reference(
        text="Quyết định số 933/QĐ-UBND ngày 22/5/2018",
        span=span(120, 160),
        value=DocumentReference(
            number=parse_number("933/QĐ-UBND"),
            serial="933",
            type_name="Quyết định",
            issued_on=VnDate(year=2018, month=5, day=22),
        ),
    )
    report = DeadlineMention(
        text="trước 0 giờ ngày 01/4/2019",
        span=span(200, 226),
        value=Before(due=VnDate(year=2019, month=4, day=1), time=TimeOfDay(hour=0)),
        last_day=dt.date(2019, 3, 31),
    )
    quarter = DeadlineMention(
        text="trong quý II/2019",
        span=span(240, 257),
        value=Within(span=Period(start=VnDate(year=2019, month=4, day=1), end=VnDate(year=2019, month=6, day=30))),
    )
    relative = DeadlineMention(
        text="trong thời hạn 15 ngày làm việc kể từ ngày nhận được hồ sơ",
        span=span(300, 357),
        value=Relative(amount=15, unit=DurationUnit.WORKING_DAY, anchor="ngày nhận được hồ sơ"),
    )
    task = Task(
        text="Yêu cầu Sở Y tế chủ trì, phối hợp với Công an tỉnh báo cáo trước 0 giờ ngày 01/4/2019.",
        span=span(180, 230),
        kind=TaskKind.REQUEST,
        action=Mention(text="báo cáo", span=span(190, 197)),
        assignees=(
            Assignee(name="Sở Y tế", span=span(188, 195), role=AssigneeRole.LEAD),
            Assignee(name="Công an tỉnh", span=span(205, 217), role=AssigneeRole.SUPPORT),
        ),
        deadlines=(report,),
        references=(cited,),
    )
    hostile = Task(
        text='=HYPERLINK("http://example.invalid","bấm vào")',
        span=span(260, 300),
        kind=TaskKind.OTHER,
        action=Mention(text="+cmd|' /C calc'!A0", span=span(260, 270)),
        assignees=(Assignee(name="@SUM(1+1)", span=span(262, 270)),),
    )
    directive = Directive(
        text="Đó là chỉ đạo tại Công văn số 39/CV-BCĐ ngày 29/3/2019. Yêu cầu Sở Y tế …",
        span=span(0, 360),
        heading=Mention(text="Phòng, chống dịch tả lợn châu Phi", span=span(0, 9)),
        references=(carrier, cited),
        carriers=(carrier,),
        issuer=Mention(text="Ban Chỉ đạo các Chương trình mục tiêu quốc gia tỉnh", span=span(20, 40)),
        tasks=(task, hostile),
        deadlines=(report, quarter),
    )
    bulletin = Bulletin(
        span=span(0, 400),
        directives=(directive, Directive(text="-5 xã chưa đạt chuẩn\tnông thôn mới", span=span(361, 400))),
        title=Mention(text="Chỉ đạo, điều hành nổi bật của UBND tỉnh", span=span(0, 40)),
        period=Period(start=VnDate(year=2019, month=3, day=25), end=VnDate(year=2019, month=3, day=31)),
        context_date=dt.date(2019, 3, 31),
    )
    document = Document(
        span=span(0, 500),
        type_name="Kế hoạch",
        issuer=Mention(text="ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN", span=span(0, 29)),
        number=parse_number("07/KH-UBND"),
        number_span=span(40, 50),
        issued_on=VnDate(year=2019, month=1, day=10),
        title=Mention(text="Kế hoạch thực hiện Chỉ thị số 05-CT/TW", span=span(60, 98)),
        tasks=(task,),
        deadlines=(report, relative),
    )
    bare = Directive(
        text="Hoàn thành chậm nhất vào 17 giờ ngày 25/4/2019.",
        span=span(0, 47),
        deadlines=(
            DeadlineMention(
                text="chậm nhất vào 17 giờ ngày 25/4/2019",
                span=span(11, 46),
                value=NoLaterThan(due=VnDate(year=2019, month=4, day=25), time=TimeOfDay(hour=17)),
            ),
        ),
    )
    return [bulletin, document, bare]


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
    if isinstance(exporter_or_name, str):
        try:
            exporter = get_exporter(exporter_or_name)
        except Exception as exc:
            raise _fail(exporter_or_name, f"not available: {exc}") from exc
        via_api = export(sample_items(), to=exporter.name)
        if not via_api:
            raise _fail(exporter.name, "export(..., to=name) wrote nothing for the sample items")
    elif isinstance(exporter_or_name, Exporter):
        exporter = exporter_or_name
    else:
        raise AssertionError(f"expected an Exporter or a format name, got {type(exporter_or_name).__name__}")
    name = exporter.name
    for field, pattern, rule in (
        ("name", _NAME_RE, "lower-case letters, digits and '-', starting with a letter"),
        ("media_type", _MEDIA_RE, "a media type such as 'text/csv'"),
        ("suffix", _SUFFIX_RE, "a file suffix such as '.csv'"),
    ):
        value = getattr(exporter, field)
        if not isinstance(value, str) or pattern.fullmatch(value) is None:
            raise _fail(name, f"{field} {value!r} must be {rule}")
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
    media = exporter.media_type.split(";")[0].strip().lower()
    if media.startswith("text/") or media.endswith(("json", "+json", "jsonl")):
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise _fail(name, f"its media type is {media} but the output is not UTF-8 ({exc})") from exc
    return data
