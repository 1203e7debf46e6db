"""What a date means: effective dates, context years, instants, recurring deadlines, event dates,
and issue dates stated away from the number (issue 11)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from importlib.util import find_spec

import pytest
from hypothesis import given

from _timing import scales_linearly
from vngovdirectives import extract, find_all, find_deadlines, find_references, load_json, parse_document
from vngovdirectives.dates import TimeOfDay, VnDate
from vngovdirectives.deadlines import (
    Before,
    DurationUnit,
    Effective,
    Frequency,
    NoLaterThan,
    Recurring,
    Relative,
    Within,
    last_moment,
    next_due,
    parse_deadline,
    resolve_deadline,
)
from vngovdirectives.errors import DateError, DeadlineError
from vngovdirectives.finding import detect_context_date
from vngovdirectives.finding.match import MatchKind
from vngovdirectives.finding.records import match_record
from vngovdirectives.plugins import export
from vngovdirectives.strategies import effective_dates, recurring


def _deadlines(text: str, **kw: object) -> list[tuple[str, object]]:
    return [(m.text, m.value) for m in find_deadlines(text, **kw)]  # type: ignore[arg-type]


# --------------------------------------------------------------------------- effective dates


@pytest.mark.parametrize(
    ("text", "found", "value"),
    [
        (
            "Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày 05/11/2019.",
            "có hiệu lực thi hành kể từ ngày 05/11/2019",
            Effective(due=VnDate(year=2019, month=11, day=5)),
        ),
        (
            "Số hiệu: 07/2006/QĐ-UBND\nNgày có hiệu lực: 26-02-2006\n",
            "Ngày có hiệu lực: 26-02-2006",
            Effective(due=VnDate(year=2006, month=2, day=26)),
        ),
        (
            "Quyết định này có hiệu lực sau 10 ngày kể từ ngày ký.",
            "có hiệu lực sau 10 ngày kể từ ngày ký",
            Effective(amount=10, unit=DurationUnit.DAY, anchor="ngày ký"),
        ),
        (
            "Chỉ thị này có hiệu lực kể từ ngày ký ban hành.",
            "có hiệu lực kể từ ngày ký ban hành",
            Effective(anchor="ngày ký ban hành"),
        ),
        (
            "Quyết định 119/QĐ-UBND được áp dụng kể từ ngày 25/08/2015.",
            "được áp dụng kể từ ngày 25/08/2015",
            Effective(due=VnDate(year=2015, month=8, day=25)),
        ),
        (
            "Nghị định này có hiệu lực thi hành kể từ ngày ký (22/10/2025).",
            "có hiệu lực thi hành kể từ ngày ký (22/10/2025)",
            Effective(due=VnDate(year=2025, month=10, day=22)),
        ),
        (
            "Nghị quyết này có hiệu lực từ ngày 01/01/2026 đến hết ngày 31/12/2030.",
            "có hiệu lực từ ngày 01/01/2026",
            Effective(due=VnDate(year=2026, month=1, day=1)),
        ),
    ],
)
def test_effective_dates_are_their_own_kind(text: str, found: str, value: Effective) -> None:
    (match,) = (m for m in find_deadlines(text) if isinstance(m.value, Effective))
    assert match.value == value
    assert match.value.kind == "effective"
    assert found in match.text or match.text in found
    assert match_record(match)["kind"] == "effective"
    assert not [m for m in find_deadlines(text) if not isinstance(m.value, Effective)]  # and no deadline besides


@pytest.mark.parametrize(
    "text",
    ["Các quy định này không được áp dụng kể từ ngày 01/7/2025.", "Điều 5 không còn áp dụng kể từ ngày 01/7/2025."],
)
def test_a_day_something_stops_applying_is_no_effective_date(text: str) -> None:
    assert list(find_deadlines(text)) == []


def test_an_expiry_is_neither_a_deadline_nor_an_effective_date() -> None:
    text = "Ngày có hiệu lực: 26-02-2006\nNgày hết hiệu lực: 08-01-2007\nTình trạng: Hết hiệu lực"
    assert [str(v) for _, v in _deadlines(text)] == ["có hiệu lực kể từ ngày 26 tháng 02 năm 2006"]
    assert VnDate(year=2007, month=1, day=8) in [m.value for m in find_all(text) if m.kind is MatchKind.DATE]
    with pytest.raises(DateError, match="expiry"):
        parse_deadline("hết hiệu lực kể từ ngày 08/01/2007")


def test_an_effective_date_counted_from_an_event_needs_the_day_of_the_event() -> None:
    after_signing = parse_deadline("có hiệu lực sau 10 ngày kể từ ngày ký")
    assert resolve_deadline(after_signing, start=dt.date(2024, 3, 1)) == dt.date(2024, 3, 11)
    on_signing = parse_deadline("có hiệu lực kể từ ngày ký")
    assert resolve_deadline(on_signing, start=dt.date(2024, 3, 1)) == dt.date(2024, 3, 1)
    with pytest.raises(DeadlineError, match="start="):
        resolve_deadline(after_signing)


@given(effective_dates())
def test_effective_wording_round_trips(value: Effective) -> None:
    assert parse_deadline(str(value)) == value


def test_effective_model_rejects_mixed_forms() -> None:
    with pytest.raises(ValueError, match="not both"):
        Effective(due=VnDate(year=2020, month=1, day=1), anchor="ngày ký")
    with pytest.raises(ValueError, match="both its amount and its unit"):
        Effective(amount=3, anchor="ngày ký")


_DECISION = """ỦY BAN NHÂN DÂN
TỈNH BẮC NINH
Số: 120/QĐ-UBND
Bắc Ninh, ngày 01 tháng 12 năm 2025

QUYẾT ĐỊNH
Về việc phê duyệt danh mục tài sản

ỦY BAN NHÂN DÂN TỈNH BẮC NINH

Căn cứ Nghị định số 151/2017/NĐ-CP ngày 26/12/2017 của Chính phủ;
Căn cứ Nghị định số 114/2024/NĐ-CP có hiệu lực từ ngày 01/11/2024;

QUYẾT ĐỊNH:

Điều 1. Phê duyệt danh mục tài sản công tỉnh Bắc Ninh.
Điều 2. Quyết định này có hiệu lực từ ngày 10 tháng 12 năm 2025.
Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Tài chính chịu trách nhiệm thi hành Quyết định này./.

Nơi nhận:
- Như Điều 3;
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn A
"""


def test_a_document_has_its_own_effective_date_not_a_cited_one() -> None:
    doc = parse_document(_DECISION)
    assert doc.effective == Effective(due=VnDate(year=2025, month=12, day=10))
    assert doc.effective_span is not None
    assert _DECISION[doc.effective_span.start : doc.effective_span.end].startswith("có hiệu lực từ ngày 10")
    # an effective date is no time limit: no task or document deadline carries it
    assert not [d for d in doc.deadlines if isinstance(d.value, Effective)]
    assert not [d for t in doc.tasks for d in t.deadlines if isinstance(d.value, Effective)]


def test_a_bare_type_name_is_the_document_only_when_it_is_its_type() -> None:
    own = _DECISION.replace("Điều 2. Quyết định này có hiệu lực", "Điều 2. Quyết định có hiệu lực")
    assert parse_document(own).effective == Effective(due=VnDate(year=2025, month=12, day=10))
    other = _DECISION.replace("Điều 2. Quyết định này có hiệu lực", "Điều 2. Nghị định có hiệu lực")
    assert parse_document(other).effective is None


def test_the_effective_date_is_in_the_json_export() -> None:
    doc = parse_document(_DECISION)
    data = export([doc], to="json")
    (item,) = json.loads(data)["items"]
    assert item["effective"]["due"] == "2025-12-10"  # the JSON contract: dates as ISO strings
    assert load_json(data) == [doc]


# --------------------------------------------------------------------------- context years


def test_a_year_heading_completes_dates_and_deadlines_to_that_year() -> None:
    text = "Nhiệm vụ năm 2025: họp ngày 30/4; Sở Y tế hoàn thành trước ngày 30/4."
    found = find_all(text)
    dates = [m.value for m in found if m.kind is MatchKind.DATE and m.text == "ngày 30/4"]
    (deadline,) = [m.value for m in found if m.kind is MatchKind.DEADLINE]
    assert dates == [VnDate(year=2025, month=4, day=30), VnDate(year=2025, month=4, day=30)]
    assert deadline == Before(due=VnDate(year=2025, month=4, day=30))
    (plan,) = _deadlines("Kế hoạch năm 2024: báo cáo trước ngày 15/6.")
    assert plan[1] == Before(due=VnDate(year=2024, month=6, day=15))


@pytest.mark.parametrize("month", range(1, 13))
def test_a_year_only_context_never_moves_a_deadline_to_another_year(month: int) -> None:
    (found,) = _deadlines(f"Báo cáo trước ngày 15/{month}.", context_date=VnDate(year=2024))
    assert found[1] == Before(due=VnDate(year=2024, month=month, day=15))


def test_a_full_date_context_takes_the_next_occurrence_only_looking_forward() -> None:
    context = dt.date(2024, 7, 1)
    ahead = _deadlines("Các sở báo cáo trước ngày 15/6.", context_date=context)
    assert ahead[0][1] == Before(due=VnDate(year=2025, month=6, day=15))  # the next 15 June
    done = _deadlines("UBND tỉnh đã hoàn thành trước ngày 15/6.", context_date=context)
    assert done[0][1] == Before(due=VnDate(year=2024, month=6, day=15))  # a report: the nearest one
    (met,) = [m.value for m in find_all("Họp ngày 15/6.", context_date=context) if m.kind is MatchKind.DATE]
    assert met == VnDate(year=2024, month=6, day=15)  # a date, not a deadline: never moved forward


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Các đơn vị gửi báo cáo về Sở Tài chính trước ngày 15 tháng 6 hằng năm.", "ngày 15 tháng 6"),
        ("Hằng năm, trước ngày 31/12, Sở Nội vụ tổng hợp kết quả.", "ngày 31/12"),
        ("Việc thẩm định quyết toán phải thực hiện trước ngày 01 tháng 10 năm sau.", "ngày 01 tháng 10"),
        ("Học sinh lớp 12: từ ngày 01 tháng 01 đến hết ngày 30 tháng 9 của năm đó.", "ngày 30 tháng 9"),
        ("Số liệu tính đến hết ngày 31 tháng 12 năm trước liền kề.", "ngày 31 tháng 12"),
        ("Thẻ có giá trị đến hết ngày 31 tháng 12 của năm tốt nghiệp.", "ngày 31 tháng 12"),
        ("Các tỉnh gửi kế hoạch trước ngày 30/6 của năm.", "ngày 30/6"),
    ],
)
def test_a_day_of_every_year_keeps_no_year(text: str, written: str) -> None:
    found = find_all(text, context_date=dt.date(2025, 3, 10))
    values = [m.value for m in found if written in m.text]
    assert values, found
    for value in values:  # the date, and the deadline or period it belongs to
        assert not re.search(r"\b20\d\d\b", str(value)), value


def test_a_year_less_period_takes_the_year_it_holds_the_text_in() -> None:
    (period,) = [
        m.value
        for m in find_all("Tính theo từng năm từ ngày 01/01 đến hết ngày 31/12.", context_date=dt.date(2025, 3, 10))
        if m.kind is MatchKind.PERIOD
    ]
    assert period.iso() == "2025-01-01/2025-12-31"
    (report,) = [
        m.value
        for m in find_all("Tăng trưởng 9 tháng đầu năm đạt 10%.", context_date=dt.date(2025, 11, 24))
        if m.kind is MatchKind.PERIOD
    ]
    assert report.iso() == "2025-01/2025-09"  # not the next January–September, though it starts sooner


def test_a_day_until_now_is_in_the_past_and_no_deadline() -> None:
    found = find_all("Tổng hợp số liệu từ ngày 01/7 đến nay.", context_date=dt.date(2025, 3, 10))
    assert [(m.kind, m.value) for m in found] == [(MatchKind.DATE, VnDate(year=2024, month=7, day=1))]


@pytest.mark.parametrize(
    "text",
    [
        "Người đang hưởng lương hưu trước ngày 01/01/1994 mà chưa được điều chỉnh thì được bổ sung.",
        "Hợp đồng đã ký trước ngày 01/7/2025 thì tiếp tục thực hiện đến khi hết hạn.",
        "Người có thời gian công tác từ ngày 30/4/1975 trở về trước được hưởng trợ cấp.",
        "Dự án được phê duyệt trước ngày 01/01/2025 nhưng chưa triển khai thì phải rà soát.",
        "Bộ phận một cửa hoạt động từ ngày 01/7/2025 đã ổn định.",
        "Bí thư quận, huyện (chức danh nghỉ hưu trước 01/7/2025) được tặng quà.",
        "Thời gian công tác trước ngày 01/01/1995 được tính là thời gian đóng.",
        "Người lao động đóng bảo hiểm xã hội trước 01/10/2004 được bảo lưu.",
        "Người hưởng chế độ từ ngày 01/7/2025 trở đi thì áp dụng quy định mới.",
    ],
)
def test_a_day_in_a_condition_is_no_deadline(text: str) -> None:
    found = find_all(text, context_date=dt.date(2025, 9, 1))
    assert [m.kind for m in found] == [MatchKind.DATE]


@pytest.mark.parametrize(
    "text",
    [
        "Trường hợp sinh đôi thì người cha được nghỉ 10 ngày làm việc.",
        "Người lao động nghỉ việc từ 14 ngày làm việc trở lên trong tháng thì không đóng.",
        "Trích lập quỹ dự phòng tối đa không quá 03 tháng tiền lương.",
        "Nghỉ phép năm, mỗi lần không quá 02 ngày.",
        "Người còn thiếu tối đa 06 tháng để đủ điều kiện hưởng lương hưu.",
        "Rút ngắn thời gian giải quyết từ 7 ngày xuống còn 5 ngày làm việc.",
        "Nội dung cắt giảm: Giảm 18 ngày làm việc.",
    ],
)
def test_an_amount_that_measures_is_no_time_limit(text: str) -> None:
    assert [m for m in find_all(text) if m.kind is MatchKind.DEADLINE] == []


@pytest.mark.parametrize(
    ("text", "span", "anchor"),
    [
        (
            "Không quá 24 tháng kể từ ngày\nNhiệm vụ lập Quy hoạch được duyệt.",
            "Không quá 24 tháng kể từ ngày\nNhiệm vụ lập Quy hoạch được duyệt",
            "ngày Nhiệm vụ lập Quy hoạch được duyệt",
        ),
        (
            "Sở Xây dựng giải quyết trong 14 ngày làm việc\ntừ ngày nhận được hồ sơ hợp lệ.",
            "trong 14 ngày làm việc\ntừ ngày nhận được hồ sơ hợp lệ",
            "ngày nhận được hồ sơ hợp lệ",
        ),
        (
            "Trả kết quả tối đa 15 ngày (kể từ ngày nhận đủ hồ sơ).",
            "tối đa 15 ngày (kể từ ngày nhận đủ hồ sơ)",
            "ngày nhận đủ hồ sơ",
        ),
        (
            "Trong thời hạn 05 ngày làm việc kể từ thời điểm nhận được yêu cầu thì bên đại lý xử lý.",
            "Trong thời hạn 05 ngày làm việc kể từ thời điểm nhận được yêu cầu",
            "thời điểm nhận được yêu cầu",
        ),
        (
            "Công bố trong thời hạn 30 ngày kể từ ngày ký và phải được đăng tải.",
            "trong thời hạn 30 ngày kể từ ngày ký",
            "ngày ký",
        ),
        (
            "Không quá 02 ngày làm việc, kể từ ngày nhận đủ hồ sơ hoặc có thể kéo dài hơn theo thỏa thuận.",
            "Không quá 02 ngày làm việc, kể từ ngày nhận đủ hồ sơ",
            "ngày nhận đủ hồ sơ",
        ),
    ],
)
def test_the_event_a_time_limit_counts_from(text: str, span: str, anchor: str) -> None:
    (m,) = [m for m in find_all(text) if m.kind is MatchKind.DEADLINE]
    assert (m.text, m.value.anchor) == (span, anchor)


@pytest.mark.parametrize("text", ["Phạt tiền từ 4-6 triệu đồng.", "Năng suất tăng 5-7% so với cùng kỳ."])
def test_a_range_of_amounts_is_no_date(text: str) -> None:
    assert find_all(text, context_date=dt.date(2025, 9, 1)) == []


def test_a_day_before_people_is_still_a_day() -> None:
    (deadline, date) = find_all("Từ 5/4 người dân nộp hồ sơ trực tuyến.", context_date=dt.date(2025, 3, 1))
    assert date.value == VnDate(year=2025, month=4, day=5)
    assert deadline.kind is MatchKind.DEADLINE


# --------------------------------------------------------------------------- instants


@pytest.mark.parametrize(
    ("text", "day", "time"),
    [
        ("trước 17 giờ ngày 20/6/2024", dt.date(2024, 6, 20), TimeOfDay(hour=17)),
        ("chậm nhất 17 giờ 30 ngày 20/6/2024", dt.date(2024, 6, 20), TimeOfDay(hour=17, minute=30)),
        ("trước 0 giờ ngày 01/4/2019", dt.date(2019, 3, 31), None),  # the end of 31 March
        ("trước ngày 01/4/2019", dt.date(2019, 3, 31), None),
        ("chậm nhất vào ngày 25/4/2019", dt.date(2019, 4, 25), None),
    ],
)
def test_the_last_moment_keeps_the_day_a_time_names(text: str, day: dt.date, time: TimeOfDay | None) -> None:
    value = parse_deadline(text)
    assert last_moment(value) == (day, time)
    assert resolve_deadline(value) == day


_BULLETIN = (
    "Chỉ đạo, điều hành nổi bật của UBND tỉnh trong tuần qua (từ ngày 17/6 - 23/6/2024)\n\n"
    "1. Thực hiện Công văn số 39/CV-BCĐ ngày 29/3/2019 của Ban Chỉ đạo, UBND tỉnh yêu cầu Sở Y tế báo cáo "
    "kết quả trước 17 giờ ngày 20/6/2024.\n"
)


def _instants(fmt: str, data: bytes) -> list[tuple[str, str]]:
    """(last day, time) of every deadline in the export ``data`` of format ``fmt``."""
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
        return [(r["last_day"], r["time"]) for r in rows if r["deadline"]]
    if fmt == "json":
        items = json.loads(data)
        items = items["items"] if isinstance(items, dict) else items
        return [
            (d["last_day"], d["last_time"] or "")  # the JSON contract: times as "HH:MM"
            for item in items
            for directive in item["directives"]
            for task in directive["tasks"]
            for d in task["deadlines"]
        ]
    if fmt == "xlsx":
        openpyxl = pytest.importorskip("openpyxl")
        sheet = openpyxl.load_workbook(io.BytesIO(data))["deadlines"]
        header, *rows = [[c.value for c in row] for row in sheet.iter_rows()]
        table = [dict(zip(header, row, strict=True)) for row in rows]
        return [(str(r["last_day"]), str(r["time"] or "")) for r in table]
    icalendar = pytest.importorskip("icalendar")
    todos = [c for c in icalendar.Calendar.from_ical(data).walk() if c.name == "VTODO"]
    return [(t.get("due").dt.date().isoformat(), t.get("due").dt.strftime("%H:%M")) for t in todos]


@pytest.mark.parametrize("fmt", ["csv", "json", "xlsx", "ics"])
def test_every_export_names_the_same_instant(fmt: str) -> None:
    if fmt == "xlsx" and find_spec("openpyxl") is None:
        pytest.skip('needs pip install "vngovdirectives[xlsx]"')
    if fmt == "ics" and find_spec("icalendar") is None:
        pytest.skip('needs pip install "vngovdirectives[ics]"')
    bulletin = extract(_BULLETIN)
    assert _instants(fmt, export([bulletin], to=fmt)) == [("2024-06-20", "17:00")]


# --------------------------------------------------------------------------- recurring deadlines


@pytest.mark.parametrize(
    ("text", "found", "value"),
    [
        (
            "Báo cáo gửi Sở Nội vụ trước ngày 10/12 hằng năm.",
            "trước ngày 10/12 hằng năm",
            Recurring(every=Frequency.YEAR, day=10, month=12, strict=True),
        ),
        (
            "Định kỳ hằng quý, trước ngày 20 tháng cuối quý, các sở báo cáo UBND tỉnh.",
            "Định kỳ hằng quý, trước ngày 20 tháng cuối quý",
            Recurring(every=Frequency.QUARTER, day=20, month=3, strict=True),
        ),
        (
            "Hằng tuần, trước 15 giờ thứ Sáu, gửi báo cáo về Văn phòng.",
            "Hằng tuần, trước 15 giờ thứ Sáu",
            Recurring(every=Frequency.WEEK, day=5, time=TimeOfDay(hour=15), strict=True),
        ),
        (
            "Các đơn vị gửi báo cáo vào ngày 10 hằng tháng.",
            "vào ngày 10 hằng tháng",
            Recurring(every=Frequency.MONTH, day=10),
        ),
        (
            "Định kỳ hằng năm (trước ngày 15 tháng 12) báo cáo Bộ Nội vụ.",
            "Định kỳ hằng năm (trước ngày 15 tháng 12)",
            Recurring(every=Frequency.YEAR, day=15, month=12, strict=True),
        ),
    ],
)
def test_recurring_deadlines(text: str, found: str, value: Recurring) -> None:
    assert _deadlines(text) == [(found, value)]
    assert parse_deadline(found) == value


@pytest.mark.parametrize(
    "text",
    [
        "Chi trả trợ cấp hằng tháng cho đối tượng bảo trợ xã hội.",
        "Tổ chức giao ban vào thứ Hai hằng tuần.",  # a meeting, not a time limit
        "Vào ngày 10 hàng tháng tổ chức giao ban.",
    ],
)
def test_a_frequency_without_a_time_limit_is_no_deadline(text: str) -> None:
    assert _deadlines(text) == []


@pytest.mark.parametrize(
    ("text", "after", "due"),
    [
        ("trước ngày 20 hằng tháng", dt.date(2024, 5, 21), dt.date(2024, 6, 19)),
        ("chậm nhất ngày 15/12 hằng năm", dt.date(2024, 1, 2), dt.date(2024, 12, 16)),  # 15/12/2024 is a Sunday
        ("hằng quý, trước ngày 20 tháng cuối quý", dt.date(2024, 4, 1), dt.date(2024, 6, 19)),
        ("trước 15 giờ thứ Sáu hằng tuần", dt.date(2024, 8, 31), dt.date(2024, 9, 5)),  # Friday 6/9: a day before
    ],
)
def test_next_due_on_the_working_day_calendar(text: str, after: dt.date, due: dt.date) -> None:
    assert next_due(parse_deadline(text), after) == due


def test_a_recurring_deadline_has_no_single_last_day() -> None:
    with pytest.raises(DeadlineError):
        resolve_deadline(parse_deadline("trước ngày 20 hằng tháng"))


@given(recurring())
def test_recurring_wording_round_trips(value: Recurring) -> None:
    assert parse_deadline(str(value)) == value


# --------------------------------------------------------------------------- event dates


@pytest.mark.parametrize(
    "text",
    [
        "Huyện tổ chức Lễ hội vào tháng 01 năm 2023.",
        "Phấn đấu tỷ lệ hộ nghèo đạt 30% vào năm 2025.",
        "Trình kỳ họp Hội đồng nhân dân tỉnh vào tháng 7/2017.",
        "Thiệt hại do thiên tai trong năm 2015 là rất lớn.",
        "Trong tháng 5/2017, UBND tỉnh đã ban hành 20 văn bản.",
        "Các nhiệm vụ trong năm 2025 đã được hoàn thành.",
    ],
)
def test_event_dates_are_not_deadlines(text: str) -> None:
    assert _deadlines(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Sở Xây dựng hoàn thành vào tháng 6/2025.", Within(span=VnDate(year=2025, month=6))),
        ("Tổ chức sơ kết trong tháng 6/2024.", Within(span=VnDate(year=2024, month=6))),
        ("Sơ kết giữa kỳ vào năm 2008 và tổng kết vào năm 2010.", Within(span=VnDate(year=2008))),
        ("Gửi báo cáo chậm nhất ngày 25/4/2019.", NoLaterThan(due=VnDate(year=2019, month=4, day=25))),
        ("Sở Tài chính thẩm định trong thời hạn 30 ngày.", Relative(amount=30, unit=DurationUnit.DAY)),
    ],
)
def test_time_limits_for_doing_something_are_deadlines(text: str, value: object) -> None:
    assert _deadlines(text)[0][1] == value


def test_a_cut_off_long_before_the_text_is_no_deadline() -> None:
    law = (
        "Hà Nội, ngày 15 tháng 01 năm 2025\nHộ gia đình vi phạm pháp luật về đất đai trước ngày 01 tháng 7 năm 2014 mà"
    )
    assert _deadlines(law) == []
    assert VnDate(year=2014, month=7, day=1) in [m.value for m in find_all(law) if m.kind is MatchKind.DATE]
    # a bulletin reports last week's time limits: those stay deadlines
    bulletin = "Lạng Sơn, ngày 31 tháng 3 năm 2019\nUBND tỉnh yêu cầu các sở báo cáo trước ngày 25/3/2019."
    assert _deadlines(bulletin) == [("trước ngày 25/3/2019", Before(due=VnDate(year=2019, month=3, day=25)))]


@pytest.mark.parametrize("text", ["Có từ 2/3 số xã trở lên là xã miền núi.", "Hội đồng họp khi có từ 2/3 thành viên."])
def test_a_share_is_no_date(text: str) -> None:
    assert find_all(text) == []


def test_a_recurring_word_before_a_dated_day_is_no_recurring_deadline() -> None:
    text = "Người đang hưởng trợ cấp hằng tháng trước ngày 01 tháng 7 năm 2025 và nay đề nghị"
    assert [v for _, v in _deadlines(text)] == [Before(due=VnDate(year=2025, month=7, day=1))]
    # the same day with "mà" after it is a condition: no deadline of any kind
    assert _deadlines(text.replace("và nay đề nghị", "mà chết")) == []


# --------------------------------------------------------------------------- issue dates away from the number


@pytest.mark.parametrize(
    ("text", "number", "issued_on"),
    [
        (
            "Ngày 21 tháng 5 năm 2020, UBND huyện Phù Ninh ban hành văn bản số 598 /UBND-CN&TY về việc tăng cường.",
            "598/UBND-CN&TY",
            VnDate(year=2020, month=5, day=21),
        ),
        (
            "Mới đây, ngày 3/8/2022, Bộ Tài chính đã có Công văn số 7654/BTC-HCSN hướng dẫn các địa phương",
            "7654/BTC-HCSN",
            VnDate(year=2022, month=8, day=3),
        ),
        (
            "Thứ Năm, 06/03/2025 10:30\n(Chinhphu.vn) - Ngày 5/3, UBND tỉnh ban hành Công văn số 512/UBND-KT",
            "512/UBND-KT",
            VnDate(year=2025, month=3, day=5),
        ),
        (
            "Trước đó, vào ngày 14/2/2023, UBND huyện ban hành Kế hoạch số 27/KH-UBND triển khai",
            "27/KH-UBND",
            VnDate(year=2023, month=2, day=14),
        ),
        (
            "Ngày 29 tháng 12/2020  Ban Thường vụ Tỉnh ủy Đắk Lắk đã ban hành Chỉ thị số 04 -CT/TU về việc",
            "04-CT/TU",
            VnDate(year=2020, month=12, day=29),
        ),
        (
            (
                "THỦ TƯỚNG CHÍNH PHỦ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\n"
                "Số: 24/CT-TTg | Hà Nội, ngày 17 tháng 09 năm 2012\nCHỈ THỊ\nVề việc tăng cường"
            ),
            "24/CT-TTg",
            VnDate(year=2012, month=9, day=17),
        ),
        (
            (
                "Số hiệu văn bản: 07/2006/QĐ-UBND\nLoại văn bản: Quyết định\nNgày ban hành: 16-02-2006\n"
                "Ngày hiệu lực: 26-02-2006\nNgày hết hiệu lực: 08-01-2007"
            ),
            "07/2006/QĐ-UBND",
            VnDate(year=2006, month=2, day=16),
        ),
        (
            (
                "Loại văn bản : Quyết định Số hiệu : 15/2014/QĐ-UBND\nNgười ký : Dương Ngọc Long\n"
                "Ngày phát hành : 10/06/2014 Ngày có hiệu lực : 20/06/2014\n"
            ),
            "15/2014/QĐ-UBND",
            VnDate(year=2014, month=6, day=10),
        ),
        ("Quyết định 558/QĐ-UBND năm 2014 về phê duyệt quy hoạch", "558/QĐ-UBND", VnDate(year=2014)),
    ],
)
def test_issue_dates_stated_away_from_the_number(text: str, number: str, issued_on: VnDate) -> None:
    (ref,) = [m.value for m in find_references(text)]
    assert str(ref.number) == number
    assert ref.issued_on == issued_on


def test_a_year_less_opening_date_is_completed_from_the_page() -> None:
    text = "Cập nhật lúc: 08:00 15/9/2023\n\nNgày 12/9, UBND huyện ban hành Văn bản số 3060/UBND-NN về công bố xã."
    (ref,) = [m.value for m in find_references(text)]
    assert ref.issued_on == VnDate(year=2023, month=9, day=12)


@pytest.mark.parametrize(
    "text",
    [
        "Ngày 12/9/2023, UBND huyện họp với Sở Xây dựng; Văn bản số 3060/UBND-NN nêu rõ",  # no issuing verb
        "Ngày 12/9/2023, UBND huyện ban hành Kế hoạch số 12/KH-UBND và Văn bản số 3060/UBND-NN",  # another number
        "Theo số hiệu 12/UBND-VX. Hà Nội, ngày 4 tháng 5 năm 2020",  # "số hiệu" without a colon: no field
    ],
)
def test_no_issue_date_is_invented(text: str) -> None:
    refs = {str(m.value.number): m.value.issued_on for m in find_references(text)}
    number = "3060/UBND-NN" if "3060" in text else "12/UBND-VX"
    assert number in refs
    assert refs[number] is None


# --------------------------------------------------------------------------- adversarial inputs


@pytest.mark.parametrize(
    "unit",
    [
        "hằng tháng ",
        "trước ngày 20 ",
        "định kỳ hằng quý, ",
        "có hiệu lực kể từ ngày ",
        "có hiệu lực sau ",
        "Ngày 1/2, ban hành ",
        "Số hiệu văn bản: ",
        "vào thứ Hai hằng tuần ",
    ],
)
def test_new_scanners_run_in_linear_time(unit: str) -> None:
    assert scales_linearly(lambda n: find_all(unit * n), 400)


def test_emphasis_marks_between_month_and_year_keep_the_date() -> None:
    text = "Hà Nội, ngày 28 tháng 11* *năm 2025\nCác sở báo cáo trước ngày 15/12."
    assert detect_context_date(text) == dt.date(2025, 11, 28)
    dates = [m.value for m in find_all(text) if m.kind is MatchKind.DATE]
    assert dates == [VnDate(year=2025, month=11, day=28), VnDate(year=2025, month=12, day=15)]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Sở Y tế giải quyết trong thời hạn 05\nngày làm việc.", "trong thời hạn 05\nngày làm việc"),
        ("Các đơn vị hoàn\nthành trong tháng 11/2025.", "trong tháng 11/2025"),
        ("UBND huyện thực hiện\ntrong quý IV năm 2026.", "trong quý IV năm 2026"),
    ],
)
def test_a_line_break_inside_a_clause_keeps_its_time_limit(text: str, span: str) -> None:
    (m,) = [m for m in find_all(text) if m.kind is MatchKind.DEADLINE]
    assert m.text == span


def test_a_line_that_starts_in_capitals_is_another_clause() -> None:
    assert [m.kind for m in find_all("Số hồ sơ trong 15\nNgày 20/5/2025 họp giao ban.")] == [MatchKind.DATE]
    assert [m.kind for m in find_all("Thiệt hại lớn\nTrong năm 2025 có 5 vụ cháy.")] == [MatchKind.DATE]


def test_this_year_and_a_year_in_figures_still_complete() -> None:
    found = find_all("Báo cáo trước ngày 15/12 của năm nay.", context_date=dt.date(2025, 3, 10))
    assert [m.value for m in found if m.kind is MatchKind.DATE] == [VnDate(year=2025, month=12, day=15)]


@pytest.mark.parametrize(
    "span",
    [
        "trong thời hạn tối đa 10 ngày làm việc",
        "trong thời gian không quá 15 ngày",
        "Chậm nhất sau 30 ngày kể từ ngày ký",
    ],
)
def test_a_time_limit_opens_at_its_first_lead(span: str) -> None:
    (m,) = [m for m in find_all(f"Sở Tư pháp thẩm định {span}.") if m.kind is MatchKind.DEADLINE]
    assert m.text == span


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Decree No. 12/2025/ND-CP dated June 11, 2025 of the Government", dt.date(2025, 6, 11)),
        ("Hanoi, November 19, 2025", dt.date(2025, 11, 19)),
        ("DATED AUGUST\n15, 2023", dt.date(2023, 8, 15)),
    ],
)
def test_an_english_translation_dates_as_it_writes(text: str, day: dt.date) -> None:
    dates = [m.value for m in find_all(text) if m.kind is MatchKind.DATE]
    assert dates == [VnDate.of(day)]
    refs = [m.value for m in find_all(text) if m.kind is MatchKind.REFERENCE]
    assert all(r.issued_on == VnDate.of(day) for r in refs)


def test_may_is_a_month_only_before_a_day_and_a_year() -> None:
    assert [m.text for m in find_all("Công ty may mặc 12, năm 2025 sản xuất.")] == ["năm 2025"]


def test_a_recurring_deadline_record_has_the_kind_of_its_lead() -> None:
    (yearly,) = [m for m in find_all("Các sở báo cáo trước ngày 10/7 hằng năm.") if m.kind is MatchKind.DEADLINE]
    assert match_record(yearly) == {
        "kind": "before",
        "due": "--07-10",
        "time": None,
        "every": "year",
        "day": 10,
        "month": 7,
        "strict": True,
    }
    (monthly,) = [m for m in find_all("Chậm nhất ngày 20 hằng tháng, các xã báo cáo.") if m.kind is MatchKind.DEADLINE]
    record = match_record(monthly)
    assert isinstance(record, dict)
    assert (record["kind"], record["due"], record["every"]) == ("no_later_than", None, "month")


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        (
            "Đất sử dụng ổn định từ ngày 15 tháng 10 năm 1993 đến trước ngày 01 tháng 7 năm 2014.",
            "1993-10-15/2014-06-30",
        ),
        ("Số liệu tính từ ngày 01/01/2026 đến trước ngày 01/3/2026.", "2026-01-01/2026-02-28"),
    ],
)
def test_a_range_up_to_before_a_day_ends_the_day_before(text: str, iso: str) -> None:
    assert [(m.kind, m.value.iso()) for m in find_all(text)] == [(MatchKind.PERIOD, iso)]


@pytest.mark.parametrize(
    "text",
    [
        "Các đơn vị tiếp tục hoạt động cho đến hết ngày 28/02/2025.",
        "Nghị quyết này có hiệu lực thi hành kể từ ngày ký ban hành đến hết ngày 28 tháng 02 năm 2027.",
        "Sổ hộ khẩu đã được cấp vẫn được tiếp tục sử dụng cho đến hết ngày 31 tháng 12 năm 2022.",
    ],
)
def test_how_long_something_lasts_is_no_time_limit(text: str) -> None:
    deadlines = [m.value for m in find_all(text) if m.kind is MatchKind.DEADLINE]
    assert not [d for d in deadlines if isinstance(d, NoLaterThan)]
