"""The temporal scanner behind the finders: what counts as a date, a period, a deadline."""

from __future__ import annotations

import datetime as dt
import gc
import time

import pytest

from vngovdirectives.dates import Period, TimeOfDay, VnDate
from vngovdirectives.dates.stated import stated_dates
from vngovdirectives.deadlines import Before, NoLaterThan, Relative, Within
from vngovdirectives.deadlines import TemporalValue as HitValue
from vngovdirectives.finding import detect_context_date
from vngovdirectives.finding.hit import Hit, HitKind
from vngovdirectives.finding.temporal import scan_temporal as scan
from vngovdirectives.text.normalize import lowered, normalize

D = dt.date


def _scan(text: str, context: dt.date | None = None) -> list[Hit]:
    return scan(normalize(text).text, context_date=context)


def _summary(text: str, context: dt.date | None = None) -> list[tuple[str, str, str]]:
    out = []
    for h in _scan(text, context):
        v = h.value
        if isinstance(v, VnDate | Period):
            out.append((h.kind.value, text[h.start : h.end], v.iso()))
        else:
            due = getattr(v, "due", None)
            out.append((h.kind.value, text[h.start : h.end], f"{v.kind}:{due.iso() if due else ''}"))
    return out


def test_dates_inside_references() -> None:
    text = "Thực hiện Quyết định số 1234/QĐ-UBND ngày 12/8/2021 và Nghị định số 45/2020/NĐ-CP ngày 05 tháng 4 năm 2020."
    assert _summary(text) == [
        ("date", "ngày 12/8/2021", "2021-08-12"),
        ("date", "ngày 05 tháng 4 năm 2020", "2020-04-05"),
    ]


def test_document_number_parts_are_not_dates() -> None:
    text = "Căn cứ Thông tư số 15/2019/TT-BTC, Nghị quyết 30/2021/QH15 và Số: 12 /2016/QĐ-UBND."
    assert _summary(text) == []


def test_numbers_that_only_look_like_dates_or_years() -> None:
    text = (
        "Có 2019 hộ dân và 1 - 2 thôn; giá trị 2.500 tỷ đồng, tăng 9,45%; kỳ họp thứ 8/9 thông qua; "
        "giấy phép có giá trị 05 năm; trong 03 ngày qua có 14 ca."
    )
    assert _summary(text) == []


def test_partial_dates_and_years() -> None:
    text = "Báo cáo tháng 3/2022, quý II/2022 và năm 2022; THÁNG 4 NĂM 2022; Tết Nguyên đán Nhâm Dần 2022."
    assert [s[2] for s in _summary(text)] == ["2022-03", "2022-Q2", "2022", "2022-04", "2022"]


def test_periods_do_not_repeat_their_ends() -> None:
    text = (
        "Kế hoạch giai đoạn 2021 - 2025; nhiệm kỳ 2020-2025; năm học 2023 \u2013 2024; "
        "tuần qua (từ ngày 4/3- 10/3/2024); đợt nghỉ 28-31/12/2023; giai đoạn 20162020."
    )
    got = [(k, iso) for k, _, iso in _summary(text)]
    assert got == [
        ("period", "2021/2025"),
        ("period", "2020/2025"),
        ("period", "2023/2024"),
        ("period", "2024-03-04/2024-03-10"),
        ("period", "2023-12-28/2023-12-31"),
        ("period", "2016/2020"),
    ]


def test_from_to_periods() -> None:
    text = (
        "Học sinh nghỉ học từ ngày 02/3/2020 đến hết ngày 08/3/2020. Đợt cao điểm từ ngày 16/8 đến hết ngày "
        "15/9 năm 2021; tuần lễ từ ngày 12 đến ngày 16-10; từ ngày 06/3/2020 đến 17h00' ngày 07/3/2020."
    )
    got = [(k, iso) for k, _, iso in _summary(text)]
    assert got == [
        ("period", "2020-03-02/2020-03-08"),
        ("period", "2021-08-16/2021-09-15"),
        ("period", "--10-12/--10-16"),
        ("period", "2020-03-06/2020-03-07"),
    ]


def test_half_years_and_cumulative_months() -> None:
    text = "Sơ kết 6 tháng đầu năm 2023; kết quả 5 tháng năm 2017 và 6 tháng cuối năm 2023."
    assert [iso for _, _, iso in _summary(text)] == ["2023-01/2023-06", "2017-01/2017-05", "2023-07/2023-12"]


def test_deadlines_are_also_dates() -> None:
    text = (
        "Các huyện báo cáo chậm nhất vào ngày 25/4/2019; dừng hoạt động trước 0 giờ ngày 01/4/2019; "
        "phấn đấu hoàn thành trong năm 2019; Quyết định có hiệu lực kể từ ngày 15/5/2019."
    )
    got = _summary(text)
    assert got == [
        ("deadline", "chậm nhất vào ngày 25/4/2019", "no_later_than:2019-04-25"),
        ("date", "ngày 25/4/2019", "2019-04-25"),
        ("deadline", "trước 0 giờ ngày 01/4/2019", "before:2019-04-01"),
        ("date", "0 giờ ngày 01/4/2019", "2019-04-01"),
        ("deadline", "trong năm 2019", "within:2019"),
        ("date", "năm 2019", "2019"),
        ("deadline", "có hiệu lực kể từ ngày 15/5/2019", "effective:2019-05-15"),
        ("date", "ngày 15/5/2019", "2019-05-15"),
    ]
    timed = [h for h in _scan(text) if isinstance(h.value, Before)]
    assert timed[0].time == TimeOfDay(hour=0)


def test_deadline_lists_share_their_kind() -> None:
    text = "Gửi báo cáo định kỳ trước ngày 10/3, 10/6, 10/9 và 10/12 hằng năm."
    hits = [h for h in _scan(text) if h.kind is HitKind.DEADLINE]
    assert [type(h.value) for h in hits] == [Before] * 4
    assert [h.value.due.iso() for h in hits if isinstance(h.value, Before)] == [
        "--03-10",
        "--06-10",
        "--09-10",
        "--12-10",
    ]


def test_relative_deadlines() -> None:
    text = (
        "Trong thời hạn 07 ngày làm việc, kể từ ngày nhận được đơn hợp lệ, cơ quan phải trả lời. "
        "Thời gian giải quyết: không quá 20 ngày. Hồ sơ xử lý trong vòng 45 ngày kể từ ngày có văn bản chấp thuận; "
        "thủ tục cấp lại: Ba ngày làm việc. Giấy phép có giá trị 05 năm."
    )
    rel = [h.value for h in _scan(text) if isinstance(h.value, Relative)]
    assert [(r.amount, r.unit.value, r.anchor) for r in rel] == [
        (7, "working_day", "ngày nhận được đơn hợp lệ"),
        (20, "day", None),
        (45, "day", "ngày có văn bản chấp thuận"),
        (3, "working_day", None),
    ]


def test_no_later_than_variants() -> None:
    text = "Hạn chót nộp hồ sơ là ngày 30/6/2024. Các đơn vị thực hiện đến hết ngày 15/7/2024."
    kinds = [h.value for h in _scan(text) if h.kind is HitKind.DEADLINE]
    assert all(isinstance(k, NoLaterThan) for k in kinds)
    assert len(kinds) == 2


@pytest.mark.parametrize(
    "text",
    [
        "Ngày ban hành: 05/6/2014 Ngày có hiệu lực : 15/06/2014 Ngày hết hiệu lực: 08-01-2017",
        # the same fields as the rows of a table
        "| Ngày ban hành | 05/6/2014 |\n| Ngày hiệu lực | 15/06/2014 |\n| Ngày hết hiệu lực | 08-01-2017 |",
    ],
)
def test_effective_date_metadata_is_an_effective_date_and_an_expiry_is_nothing(text: str) -> None:
    hits = _scan(text)
    deadlines = [h.value for h in hits if h.kind is HitKind.DEADLINE]
    assert [(d.kind, d.due.iso()) for d in deadlines] == [("effective", "2014-06-15")]


def test_within_month_and_quarter() -> None:
    hits = _scan("Hoàn thành trong tháng 8 năm 2025 và trong quý IV/2025.")
    within = [h.value for h in hits if isinstance(h.value, Within)]
    assert [w.due.iso() for w in within] == ["2025-08", "2025-Q4"]


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("Sở Tài chính chủ trì, tham mưu UBND tỉnh trong tháng 11/2021.", "2021-11"),
        ("Sở Nội vụ rà soát, đề xuất phương án sắp xếp trong quý I/2022.", "2022-Q1"),
    ],
)
def test_task_verbs_make_a_span_a_time_limit(text: str, due: str) -> None:
    within = [h.value for h in _scan(text) if isinstance(h.value, Within)]
    assert [w.due.iso() for w in within] == [due]


def test_an_anchor_goes_on_across_a_line_that_continues_it() -> None:
    text = (
        "2. Trong thời hạn 07 ngày làm việc kể từ ngày nhận danh sách do người sử\ndụng lao động lập, cơ quan "
        "giải quyết.\nTrong thời hạn 15 ngày kể từ ngày nhận hồ sơ\nSở Tư pháp trả kết quả.\n"
        "Trong thời hạn 10 ngày kể\ntừ ngày có kết quả quy định tại Điều\n12 Nghị định này."
    )
    rel = [h.value for h in _scan(text) if isinstance(h.value, Relative)]
    assert [r.anchor for r in rel] == [
        "ngày nhận danh sách do người sử dụng lao động lập",  # the next line goes on in lower case
        "ngày nhận hồ sơ",  # a new sentence opens the next line
        "ngày có kết quả quy định tại Điều 12 Nghị định này",
    ]


def test_news_stamps_with_time() -> None:
    hits = _scan("Cập nhật lúc: 09:15 03/01/2022")
    assert [(h.value.iso(), h.time) for h in hits if isinstance(h.value, VnDate)] == [
        ("2022-01-03", TimeOfDay(hour=9, minute=15))
    ]


def test_year_less_values_stay_year_less_without_context() -> None:
    assert [iso for _, _, iso in _summary("Ngày 6/8, Ban Thường vụ đã ban hành Chỉ thị.")] == ["--08-06"]


def test_completion_with_context() -> None:
    ctx = D(2019, 12, 28)
    got = _summary("Ngày 20/12, UBND tỉnh yêu cầu báo cáo trước ngày 05/01.", ctx)
    assert got == [
        ("date", "Ngày 20/12", "2019-12-20"),
        ("deadline", "trước ngày 05/01", "before:2020-01-05"),
        ("date", "ngày 05/01", "2020-01-05"),
    ]


def test_lunar_dates_are_reported_as_lunar() -> None:
    hits = _scan("Nghỉ từ mùng 1 đến mùng 5 Tết; lễ hội ngày 10 tháng 3 âm lịch.")
    assert [h.value.iso() for h in hits if isinstance(h.value, VnDate | Period)] == [
        "lunar:--01-01/lunar:--01-05",
        "lunar:--03-10",
    ]


def test_a_can_chi_year_after_a_date_makes_it_lunar() -> None:
    text = "Ngày 20 tháng 11 năm 2023 (tức ngày 8 tháng 10 năm Quý Mão), ngày 5 tháng 3 năm nay họp."
    assert [(k, span, iso) for k, span, iso in _summary(text)] == [
        ("date", "Ngày 20 tháng 11 năm 2023", "2023-11-20"),
        ("date", "ngày 8 tháng 10 năm Quý Mão", "lunar:-(Quý Mão)-10-08"),  # not 8 October
        ("date", "ngày 5 tháng 3", "--03-05"),  # "năm nay" names no lunar year
    ]


def test_months_written_as_words_before_their_year() -> None:
    text = "Cách mạng tháng Tám năm 1945; ngày 15 tháng Ba năm 2020; Tháng Mười Hai năm 2023; 5 tháng năm 2017."
    assert _summary(text) == [
        ("date", "tháng Tám năm 1945", "1945-08"),
        ("date", "ngày 15 tháng Ba năm 2020", "2020-03-15"),
        ("date", "Tháng Mười Hai năm 2023", "2023-12"),
        ("period", "5 tháng năm 2017", "2017-01/2017-05"),  # five months, not May
    ]


def test_target_years() -> None:
    got = _summary("Đề án phát triển đến năm 2025, định hướng đến năm 2030 và tầm nhìn đến 2045.")
    assert [iso for _, _, iso in got] == ["2025", "2030", "2045"]


def test_impossible_dates_are_skipped() -> None:
    assert _summary("Quyết định số 365/QĐ-TTg ngày 17/3/20015 và ngày 31/2/2019, ngày 30/02.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("UBND TỈNH CAO BẰNG\nCao Bằng, ngày 07 tháng 02 năm 2022\nKẾ HOẠCH", D(2022, 2, 7)),
        ("Số: 06/CT-TTg Hà Nội, ngày 15 tháng 02 năm 2024", D(2024, 2, 15)),
        ("Tin tức\nĐăng ngày: 03-05-2021; 120 lần đọc", D(2021, 5, 3)),
        ("Cập nhật lúc: 11:02 02/01/2021", D(2021, 1, 2)),
        ("Cập nhật: 14:25 | 28/12/2023\nChiều 27/12, UBND huyện họp.", D(2023, 12, 28)),
        ("Chỉ đạo nổi bật trong tuần (từ ngày 4/3- 10/3/2024)", D(2024, 3, 10)),
        ("Cổng thông tin\nThứ hai 05/10/2020\nTin hoạt động", D(2020, 10, 5)),
        ("09:30 - 14/02/2023\n\nHướng dẫn mới", D(2023, 2, 14)),
        ("21/04/2022\nCông bố xã đạt chuẩn", D(2022, 4, 21)),
        ("Thông tư số 01/2021/TT-BNV  (05/03/2021 )\nNội dung", D(2021, 3, 5)),
        ("Điểm tin trong tuần (ngày 05/10 đến ngày 11/10/2020)", D(2020, 10, 11)),
        ("Lịch tiếp công dân của UBND xã năm 2026\nTháng 7 | Ngày 02", D(2026, 7, 1)),
        ("Không có ngày tháng nào ở đây.", None),
    ],
)
def test_detect_context_date(text: str, expected: dt.date | None) -> None:
    assert detect_context_date(text) == expected


def test_stated_dates_are_date_lines_and_labelled_dates_with_positions() -> None:
    text = (
        "Số: 07/KH-UBND\nLạng Sơn, ngày 13 tháng 01 năm 2020\n"
        "Ngày ban hành: 05/03/2020 | Ngày đăng 3.4.2020 | Đăng ngày 22-11-2019\n"
        "Quyết định này có hiệu lực, ngày 31 tháng 02 năm 2020 không có.\n"  # no date line: not a valid day
        "Văn bản đã ban hành 06/03/2020; tin đăng 07/03/2020; Cập nhật lúc: 11:02 02/01/2021"
    )
    found = stated_dates(lowered(text))
    assert [(text[pos : pos + 9], date) for pos, date in found] == [
        ("Lạng Sơn,", D(2020, 1, 13)),
        ("Ngày ban ", D(2020, 3, 5)),
        ("Ngày đăng", D(2020, 4, 3)),
        ("Đăng ngày", D(2019, 11, 22)),
        ("Cập nhật ", D(2021, 1, 2)),
    ]
    # A window keeps only the dates inside it.
    assert [date for _, date in stated_dates(lowered(text), 40, 100)] == [D(2020, 3, 5), D(2020, 4, 3)]


@pytest.mark.parametrize("junk", ["", " ", "\n\n", "ngày", "1/", "-", "năm", "quý", "0h", "Đ" * 5, "\x00"])
def test_never_raises_on_odd_input(junk: str) -> None:
    assert isinstance(scan(junk), list)


def _best(text: str) -> float:
    best = float("inf")
    gc.collect()
    gc.disable()
    try:
        for _ in range(3):
            t = time.perf_counter()
            scan(text)
            best = min(best, time.perf_counter() - t)
    finally:
        gc.enable()
    return best


@pytest.mark.parametrize(
    "unit",
    [
        "ngày ",
        "1/",
        "giai đoạn 2016 -",
        "trước ngày 1/",
        "12 tháng ",
        "mùng 1 ",
        "25-",
        "0h",
        "2019 ",
        "quý I/",
        "ngày 1; ",
        "Tháng 3 | Ngày 1; ",
        "từ ngày 1 đến ",
    ],
)
def test_scan_is_linear(unit: str) -> None:
    n = 20000
    # A quadratic scan quadruples; allow a noisy machine three tries at staying under 2.5x.
    ratios = []
    for _ in range(3):
        small, big = _best(unit * n), _best(unit * 2 * n)
        ratios.append(big / max(small, 1e-4))
        if ratios[-1] < 2.5:
            break
    assert min(ratios) < 2.5, ratios


def test_scan_speed_on_realistic_text() -> None:
    para = (
        "Thực hiện Kế hoạch số 98/KH-UBND ngày 13/01/2020 của UBND tỉnh về thực hiện Chương trình mục tiêu "
        "quốc gia giai đoạn 2016 - 2020, Sở Nông nghiệp và Phát triển nông thôn đề nghị các huyện, thành phố "
        "tổng hợp kết quả 6 tháng đầu năm 2020, gửi về Sở chậm nhất vào ngày 25/6/2020 để tổng hợp, báo cáo "
        "UBND tỉnh theo quy định. Trong thời hạn 05 ngày làm việc kể từ ngày nhận được văn bản này, các đơn vị "
        "có trách nhiệm cử cán bộ đầu mối phối hợp thực hiện, bảo đảm tiến độ đề ra.\n"
    )
    text = para * 2000  # about 1 MB
    seconds = _best(text)
    assert len(text) / seconds > 1_000_000  # a floor against pathological slowdowns, not a benchmark


def test_months_listed_before_a_year_share_it() -> None:
    got = _summary("Tổng hợp số liệu các tháng 7, 8/2021 gửi Sở.")
    assert [iso for _, _, iso in got] == ["2021-07", "2021-08"]


@pytest.mark.parametrize(
    ("text", "isos"),
    [
        ("Quan trắc vào tháng 4 và tháng 8 năm 2026.", ["2026-04", "2026-08"]),
        ("Kiểm tra trong tháng 3 và 4/2019.", ["2019-03", "2019-04"]),
        ("Mưa lũ tháng 10, tháng 11 năm 2025.", ["2025-10", "2025-11"]),
        ("Thực hiện trong quý I và quý II/2019.", ["2019-Q1", "2019-Q2"]),
        ("Thực hiện trong quý I, II năm 2019.", ["2019-Q1", "2019-Q2"]),
        ("Tổng hợp tháng 3, tháng 4/2021 và quý 1, 2/2022.", ["2021-03", "2021-04", "2022-Q1", "2022-Q2"]),
    ],
)
def test_months_and_quarters_listed_before_their_year_share_it(text: str, isos: list[str]) -> None:
    assert [iso for kind, _, iso in _summary(text) if kind == "date"] == isos


def test_range_with_a_bare_left_day() -> None:
    assert [iso for _, _, iso in _summary("Tuần từ 13 đến 19/11/2023, các xã ra quân.")] == ["2023-11-13/2023-11-19"]


@pytest.mark.parametrize(
    ("text", "span", "iso"),
    [
        (
            "Đợt cao điểm từ tháng 4 đến tháng 6 năm 2020 trên địa bàn.",
            "từ tháng 4 đến tháng 6 năm 2020",
            "2020-04/2020-06",
        ),
        ("Thời gian: tháng 8 - tháng 9/2021.", "tháng 8 - tháng 9/2021", "2021-08/2021-09"),
        ("Từ tháng 11 đến hết tháng 2/2022 kiểm tra.", "Từ tháng 11 đến hết tháng 2/2022", "2021-11/2022-02"),
        # a line break inside, as in a page cut to width
        (
            "triển khai từ tháng 3 đến tháng 10\nnăm 2026 tại các xã",
            "từ tháng 3 đến tháng 10\nnăm 2026",
            "2026-03/2026-10",
        ),
    ],
)
def test_range_with_a_bare_left_month(text: str, span: str, iso: str) -> None:
    assert _summary(text) == [("period", span, iso)]


@pytest.mark.parametrize(
    "text",
    [
        "So với tháng 13 đến tháng 6 năm 2020 tăng.",  # no month 13: the right end stays a date
        "Kết quả tháng 4, đến tháng 6 năm 2020 hoàn thành.",  # a comma: two clauses, no range
    ],
)
def test_bare_left_month_needs_a_range(text: str) -> None:
    assert [kind for kind, _, _ in _summary(text)] == ["date"]


def test_schedule_rows_give_their_month_to_listed_days() -> None:
    text = (
        "Tháng | Ngày tiếp |\nTháng 3 | Chủ tịch | Ngày 02; 09; 16 (Thứ 2) |\nTháng 4 | Phó Chủ tịch | Ngày 06;13 |\n"
    )
    got = [h.value.iso() for h in _scan(text, D(2026, 7, 1)) if isinstance(h.value, VnDate)]
    assert got == ["2026-03-02", "2026-03-09", "2026-03-16", "2026-04-06", "2026-04-13"]
    # Without a month at the start of the row, a bare "Ngày 02" is not a date.
    assert _summary("Ngày 02; 09; 16 họp giao ban.") == []


def test_fronted_time_adverbial_is_not_a_deadline() -> None:
    hits = _scan("Trong tháng 5/2022, UBND tỉnh đã chỉ đạo quyết liệt. Các huyện hoàn thành trong tháng 6/2022.")
    within = [h.value for h in hits if isinstance(h.value, Within)]
    assert [w.due.iso() for w in within] == ["2022-06"]
    assert [h.value.iso() for h in hits if isinstance(h.value, VnDate)] == ["2022-05", "2022-06"]


def test_iso_metadata_dates() -> None:
    assert [iso for _, _, iso in _summary("Ngày xuất bản: 2023-11-02 | Lượt xem: 1203")] == ["2023-11-02"]


def test_anchor_keeps_the_original_case() -> None:
    hits = _scan("Trong thời hạn 30 ngày, kể từ ngày Nghị quyết này có hiệu lực, các Sở phải rà soát.")
    rel = [h.value for h in hits if isinstance(h.value, Relative)]
    assert [r.anchor for r in rel] == ["ngày Nghị quyết này có hiệu lực"]


def test_scope_phrases_are_not_within_deadlines() -> None:
    text = "Mưa lớn gây thiệt hại nặng trong năm 2022. Các xã phấn đấu hoàn thành tiêu chí trong năm 2023."
    within = [h.value for h in _scan(text) if isinstance(h.value, Within)]
    assert [w.due.iso() for w in within] == ["2023"]


def test_procedure_time_limits() -> None:
    text = (
        "Thời hạn giải quyết: 12 ngày làm việc. Trong thời gian 20 ngày, cơ quan thẩm định trả lời; "
        "trong thời gian 3 năm qua."
    )
    rel = [h.value for h in _scan(text) if isinstance(h.value, Relative)]
    assert [(r.amount, r.unit.value) for r in rel] == [(12, "working_day"), (20, "day")]


@pytest.mark.parametrize(
    "text", ["quý I/0000", "6 tháng đầu năm 0000", "ngày 1/1/0000", "từ ngày 1 đến ngày 2/3/0001", "năm 9999"]
)
def test_implausible_years_are_skipped(text: str) -> None:
    assert scan(text, context_date=D(2020, 1, 1)) == []


def test_hit_values_round_trip_through_json() -> None:
    from vngovdirectives.serde import make_converter

    conv = make_converter()
    text = (
        "Căn cứ Quyết định số 12/QĐ-UBND ngày 29/3/2019; giai đoạn 2016 - 2020; trước 0 giờ ngày 01/4/2019; "
        "trong thời hạn 5 ngày làm việc kể từ ngày nhận được hồ sơ; hoàn thành trong quý I/2019."
    )
    hits = _scan(text)
    assert len(hits) == 7
    for h in hits:
        data = conv.unstructure(h.value, HitValue)
        if isinstance(h.value, VnDate | Period):  # dates and periods are ISO strings
            assert data == h.value.iso()
        else:
            assert data["kind"] in {"before", "relative", "within"}
        assert conv.loads(conv.dumps(h.value, HitValue), HitValue) == h.value


def test_hours_after_a_limit_word_are_an_amount() -> None:
    hits = _scan("Trong vòng 12 giờ kể từ khi phát hiện, đơn vị phải báo cáo; cuộc họp lúc 12 giờ ngày 5/3/2024.")
    rel = [h.value for h in hits if isinstance(h.value, Relative)]
    assert [(r.amount, r.unit.value, r.anchor) for r in rel] == [(12, "hour", "khi phát hiện")]
    assert [h.time for h in hits if isinstance(h.value, VnDate)] == [TimeOfDay(hour=12)]


def test_ranges_with_weekdays_and_lunar_ends() -> None:
    text = (
        "Công chức nghỉ từ thứ Năm ngày 13/02/2026 đến hết Chủ nhật ngày 22/02/2026 (tức từ ngày 26 tháng Chạp "
        "năm Ất Tỵ đến hết ngày mùng 6 tháng Giêng năm Bính Ngọ)."
    )
    periods = [h.value for h in _scan(text) if isinstance(h.value, Period)]
    assert [p.iso() for p in periods] == [
        "2026-02-13/2026-02-22",
        "lunar:-(Ất Tỵ)-12-26/lunar:-(Bính Ngọ)-01-06",
    ]


def test_amount_of_years_before_a_year_range() -> None:
    assert [iso for _, _, iso in _summary("Kế hoạch 5 năm 2026-2030 của tỉnh.")] == ["2026/2030"]


def test_days_listed_before_a_date_share_its_month() -> None:
    got = [
        iso for _, _, iso in _summary("Hội nghị diễn ra các ngày 10, 11 và 12/9/2023 tại Hà Nội; có 5 và 6/3 số xã.")
    ]
    assert got == ["2023-09-10", "2023-09-11", "2023-09-12"]


def test_title_year_fallback_can_be_turned_off() -> None:
    assert detect_context_date("Báo cáo tổng kết năm 2024\nNội dung", title_year=False) is None
