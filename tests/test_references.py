"""Finding document references in running text: forms, issue dates, issuers, lists, look-alikes."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

from _timing import scales_linearly
from vngovdirectives import DocumentReferenceError, parse_reference
from vngovdirectives.dates import VnDate
from vngovdirectives.finding import MatchKind, find_numbers, find_references, resolve_references


def refs(text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    """(number, type, issued_on, issuer) of every reference found."""
    out = []
    for m in find_references(text):
        v = m.value
        number = str(v.number) if v.number is not None else v.serial
        out.append((number, v.type_name, v.issued_on.iso() if v.issued_on else None, v.issuer))
    return out


def test_canonical_citation_with_date_and_issuer() -> None:
    text = (
        "Căn cứ Quyết định số 1290/QĐ-TTg ngày 14 tháng 10 năm 2022 của Thủ tướng Chính phủ phê duyệt "
        "Đề án chuyển đổi số;"
    )
    assert refs(text) == [("1290/QĐ-TTg", "Quyết định", "2022-10-14", "Thủ tướng Chính phủ")]
    (m,) = find_references(text)
    assert text[m.start : m.end] == m.text
    assert m.text.startswith("Quyết định số 1290/QĐ-TTg ngày 14 tháng 10 năm 2022 của Thủ tướng Chính phủ")
    assert m.kind is MatchKind.REFERENCE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("theo Thông tư 12/2021/TT-BNV ngày 3/9/2021 hướng dẫn", ("12/2021/TT-BNV", "Thông tư", "2021-09-03")),
        ("tại Công văn khẩn số 812 /UBND-VX ngày 02/4/2020", ("812/UBND-VX", "Công văn", "2020-04-02")),
        ("Chỉ thị số 07-CT/TU, ngày 15-5-2021 của Ban Thường vụ", ("07-CT/TU", "Chỉ thị", "2021-05-15")),
        ("Kết luận số 21 - KL/TW ngày 25/10/2021", ("21-KL/TW", "Kết luận", "2021-10-25")),
        ("văn bản số 2215/SYT-NV ngày 5/8/2022 của Sở Y tế", ("2215/SYT-NV", "Văn bản", "2022-08-05")),
        ("Nghị quyết số\n18/2022/NQ-HĐND ngày 09 tháng\n12 năm 2022", ("18/2022/NQ-HĐND", "Nghị quyết", "2022-12-09")),
        ("Kế hoạch 41/KH-UBND năm 2023 của UBND huyện", ("41/KH-UBND", "Kế hoạch", "2023")),
        ("Báo cáo thẩm định số 27/BCTĐ-STP ngày 8/6/2022", ("27/BCTĐ-STP", "Báo cáo thẩm định", "2022-06-08")),
        ("QĐ số 317/QĐ-UBND ngày 11/3/2023", ("317/QĐ-UBND", "Quyết định", "2023-03-11")),
        (
            "Thông tư liên tịch số 21/2013/TTLT-BYT-BNV ngày 8/8/2013",
            ("21/2013/TTLT-BYT-BNV", "Thông tư liên tịch", "2013-08-08"),
        ),
        ("Luật Phòng, chống ma túy số 73/2021/QH14 ngày 30/3/2021", ("73/2021/QH14", "Luật", "2021-03-30")),
        ("Quyết định của Ban Bí thư số45-QĐ/TW ngày 01-11-2021", ("45-QĐ/TW", "Quyết định", "2021-11-01")),
    ],
)
def test_reference_forms(text: str, expected: tuple[str, str, str]) -> None:
    (found,) = refs(text)
    assert found[:3] == expected


def test_messy_numbers_are_repaired_in_text() -> None:
    text = "Căn cứ Nghị định số 45/2020/NĐCP ngày 8/4/2020; Quyết định số 2104/QĐUBND ngày 01/10/2021."
    assert [r[0] for r in refs(text)] == ["45/2020/NĐ-CP", "2104/QĐ-UBND"]


def test_lower_case_symbol_needs_an_introduction() -> None:
    assert [r[0] for r in refs("thực hiện chỉ thị số 05-ct/tw của bộ chính trị")] == ["05-CT/TW"]
    assert refs("năng suất đạt 12/tt trong vụ") == []
    # unless every code is known and there is more than one short code to go on
    assert [r[0] for r in refs("theo 8705/2021/qđ-qh và 394/vbhn-bca")] == ["8705/2021/QĐ-QH", "394/VBHN-BCA"]
    assert refs("giá 5/ha, 10/tr đồng") == []


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Thông báo số 70-TB/TWngày 12/3/2020 của Bộ Chính trị", "70-TB/TW"),
        ("Đề án số 381/ĐA-CPngày 09 tháng 5 năm 2025", "381/ĐA-CP"),
        ("Nghị định số 61/2018/NĐ-CPvề thực hiện cơ chế một cửa", "61/2018/NĐ-CP"),
        ("Quyết định số 01/1999/QĐ.UB. Các sở", "01/1999/QĐ.UB"),
        ("Công văn số 15972/SXD-QLN&amp; về việc", "15972/SXD-QLN"),
        ("Công văn số 15972/SXD-QLN&PTĐT ngày 5/3/2024", "15972/SXD-QLN&PTĐT"),
    ],
)
def test_a_symbol_ends_where_the_text_glues_a_word_to_it(text: str, number: str) -> None:
    assert [r[0] for r in refs(text)] == [number]


def test_a_number_cut_short_takes_the_fuller_form_the_page_states() -> None:
    text = "Số hiệu:2855/QĐ\nNgày ban hành: 05/10/2023\n\nBỘ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 2855/QĐ-BGDĐT\n"
    assert [r[0] for r in refs(text)] == ["2855/QĐ-BGDĐT", "2855/QĐ-BGDĐT"]
    # two fuller forms: the page does not say which one it is
    text = "Số hiệu: 12/QĐ; Quyết định số 12/QĐ-UBND và Quyết định số 12/QĐ-SYT"
    assert [r[0] for r in refs(text)] == ["12/QĐ", "12/QĐ-UBND", "12/QĐ-SYT"]


def test_header_number_takes_the_document_date_and_title() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH HÀ GIANG\n-------\nSố: 118/KH-UBND\nHà Giang, ngày 05 tháng 02 năm 2024\n"
        "KẾ HOẠCH\nTriển khai công tác phòng, chống thiên tai năm 2024\n"
    )
    (m,) = find_references(text)
    assert m.text == "Số: 118/KH-UBND"
    assert m.value.header
    assert m.value.issued_on is not None
    assert m.value.issued_on.iso() == "2024-02-05"
    assert m.value.type_name == "Kế hoạch"


def test_dated_news_sentence_gives_the_issue_date() -> None:
    text = "Ngày 14/7/2023, UBND tỉnh đã ban hành Công văn số 2310/UBND-KT về việc chống hạn."
    assert refs(text) == [("2310/UBND-KT", "Công văn", "2023-07-14", "UBND tỉnh")]
    other = "Ngày 14/7/2023, đoàn công tác làm việc. Sau đó UBND tỉnh ban hành Công văn số 2310/UBND-KT."
    assert refs(other)[0][2] is None


def test_list_sharing_one_symbol() -> None:
    text = "triển khai các Công văn số 1406, 1407 và 1410/UBND - NC ngày 20/5/2022"
    assert [r[0] for r in refs(text)] == ["1406/UBND-NC", "1407/UBND-NC", "1410/UBND-NC"]


def test_short_references_and_resolution() -> None:
    text = (
        "Thực hiện Nghị quyết số 30a/2008/NQ-CP ngày 27/12/2008 của Chính phủ (Nghị quyết 30a), "
        "các huyện nghèo được hỗ trợ. Kết quả triển khai Nghị quyết 30a và Chỉ thị 16 được báo cáo."
    )
    found = refs(text)
    assert [f[0] for f in found] == ["30a/2008/NQ-CP", "30a", "30a", "16"]
    resolutions = resolve_references(find_references(text))
    assert [(r.match.text, r.antecedent is not None) for r in resolutions] == [
        ("Nghị quyết 30a", True),
        ("Nghị quyết 30a", True),
        ("Chỉ thị 16", False),
    ]
    antecedent = resolutions[0].antecedent
    assert antecedent is not None
    assert str(antecedent.value.number) == "30a/2008/NQ-CP"


def test_short_reference_is_not_a_quantity_or_a_year() -> None:
    assert refs("Quyết định 5 năm một lần; Kế hoạch 2024 của huyện; Chỉ thị 3 nhiệm vụ") == []
    assert [r[0] for r in refs("Quyết định số 1342 ngày 5/6/2021")] == ["1342"]


def test_a_short_reference_may_state_its_year() -> None:
    text = (
        "Nghị định 232/2025/NĐ-CP sửa đổi, bổ sung Nghị định 24/2012 về kinh doanh vàng; Thông tư số 08/2024 quy định"
    )
    found = [m.value for m in find_references(text)]
    assert [(r.serial, r.type_name, r.issued_on) for r in found[1:]] == [
        ("24", "Nghị định", VnDate(year=2012)),
        ("08", "Thông tư", VnDate(year=2024)),
    ]
    assert [m.text for m in find_references(text)][1:] == ["Nghị định 24/2012", "Thông tư số 08/2024"]
    # a date after it wins; a symbol after the year makes a full number
    (dated,) = find_references("Kế hoạch 15/2020 ngày 3/2/2020 của UBND huyện")
    assert dated.value.issued_on == VnDate(year=2020, month=2, day=3)
    assert [str(m.value.number) for m in find_references("Nghị định 100/2019/NĐ-CP")] == ["100/2019/NĐ-CP"]


@pytest.mark.parametrize(
    "text",
    [
        "ngày 15/3/2024 và tháng 3/2024",
        "đạt 1/2 kế hoạch, tăng 3/4 so với cùng kỳ",
        "xem https://vanban.chinhphu.vn/van-ban/12/QD-TTg/2020 để biết thêm",
        "gọi 0912.345.678 hoặc 024-3825-1234",
        "theo TCVN 5574:2018 và ISO 9001:2015",
        "lựa chọn từ 1 - 2 thôn tiêu biểu, mỗi 5 năm một lần, tại 02 xã",
        "COVID-19/SARS-CoV-2 lây lan; biển số 29A-123.45",
        "năm 2019 - UBND tỉnh chỉ đạo",
        "báo cáo theo Mẫu số 01/BC-UBND và Biểu số 02/TH-SNV kèm theo",
        "Giai đoạn 2021 - 2030 - Kinh tế tăng trưởng; mục 100 - Thu ngân sách; 01 - NNT",  # list numbering
    ],
)
def test_look_alikes_are_not_references(text: str) -> None:
    assert refs(text) == []


def test_spans_index_the_callers_nfd_string() -> None:
    text = unicodedata.normalize("NFD", "Theo Quyết định số 52/QĐ-UBND ngày 10/01/2024 của UBND huyện.")
    (m,) = find_references(text)
    assert text[m.start : m.end] == m.text
    assert unicodedata.normalize("NFC", m.text).startswith("Quyết định số 52/QĐ-UBND")
    (n,) = find_numbers(text)
    assert unicodedata.normalize("NFC", n.text) == "52/QĐ-UBND"
    assert str(n.value) == "52/QĐ-UBND"


@pytest.mark.parametrize(
    ("text", "issuer"),
    [
        # a title at the end of a line needs its body: the next line goes on, capital or not
        (
            "theo Quyết định số 702/QĐ-UBND ngày 18/11/2025 của Chủ tịch\nỦy ban nhân dân tỉnh về việc",
            "Chủ tịch Ủy ban nhân dân tỉnh",
        ),
        ("Thông tư số 01/2021/TT-BTC ngày 7/1/2021 của Bộ trưởng\nBộ Tài chính hướng dẫn", "Bộ trưởng Bộ Tài chính"),
        # a name broken by the page goes on in lower case
        ("Quyết định số 12/QĐ-UBND ngày 2/3/2020 của Bộ\ntrưởng Bộ Y tế", "Bộ trưởng Bộ Y tế"),
        # a line that opens in capitals after a complete name is something else, whatever its first letter
        ("Nghị quyết số 12/2019/NQ-HĐND ngày 10/7/2019 của HĐND tỉnh\nĐiều 1. Sửa đổi", "HĐND tỉnh"),
        ("Kế hoạch số 45/KH-UBND ngày 1/3/2020 của UBND tỉnh\nỦy ban nhân dân huyện giao", "UBND tỉnh"),
        # "và" joins a body's name unless another document or a lower-case word follows
        ("Thông tư số 01/2020/TT-BKHCN ngày 1/1/2020 của Bộ Khoa học và Công nghệ về việc", "Bộ Khoa học và Công nghệ"),
        (
            "Thông tư số 9/2020/TT-BNNPTNT của Bộ trưởng Bộ Nông nghiệp và\nPhát triển nông thôn hướng dẫn",
            "Bộ trưởng Bộ Nông nghiệp và Phát triển nông thôn",
        ),
        ("Quyết định số 1/QĐ-UBND của UBND tỉnh và Nghị quyết số 2/NQ-HĐND", "UBND tỉnh"),
        ("Công văn số 5/UBND-VP của UBND tỉnh và các sở, ngành", "UBND tỉnh"),
        ("Công văn số 5/SGDĐT-VP của Sở Giáo dục và Đào tạo gửi các trường", "Sở Giáo dục và Đào tạo"),
        ("Nghị định số 27/2016/NĐ-CP của Chính phủ để tính mức lương", "Chính phủ"),
        ("Nghị quyết số 5/NQ-UBTVQH15 của Ủy ban Pháp luật và Tư pháp,* ngày", "Ủy ban Pháp luật và Tư pháp"),
    ],
)
def test_where_an_issuer_ends(text: str, issuer: str) -> None:
    ref = next(m.value for m in find_references(text))
    assert ref.issuer == issuer


def test_a_compound_type_name_opens_the_reference() -> None:
    text = "Theo Thông báo kết luận số 123/TB-VPCP ngày 3/5/2023 của Văn phòng Chính phủ, các bộ triển khai."
    (m,) = find_references(text)
    assert m.text.startswith("Thông báo kết luận số 123/TB-VPCP")
    assert m.value.relation.value == "implements"  # "Theo" reaches it: no type word stands between


@pytest.mark.parametrize(
    "name",
    [
        "Luật Ban hành văn bản quy phạm pháp luật",
        "Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật",
        "Luật Phổ biến, giáo dục pháp luật",
    ],
)
def test_a_law_whose_name_ends_in_phap_luat_starts_at_its_name(name: str) -> None:
    # "pháp luật số …" ends the name: the type "luật" inside it does not start the reference
    (m,) = find_references(f"Căn cứ {name} số 64/2025/QH15 ngày 19 tháng 02 năm 2025;")
    assert m.text.startswith(f"{name} số 64/2025/QH15")
    assert (m.value.type_name, m.value.relation.value) == ("Luật", "basis")


def test_a_law_named_after_cua_is_the_reference() -> None:
    (m,) = find_references("Chế độ thai sản theo quy định của Luật Bảo hiểm xã hội số 41/2024/QH15 ngày 29/6/2024.")
    assert m.text.startswith("Luật Bảo hiểm xã hội số 41/2024/QH15")  # not a "Quy định" the law issued
    assert m.value.type_name == "Luật"
    (q,) = find_references("Quyết định của Bộ Chính trị số 31-QĐ/TW ngày 5/3/2021")  # an issuer stays between
    assert q.text.startswith("Quyết định của Bộ Chính trị số")


@pytest.mark.parametrize(
    "text",
    [
        "Căn cứ Luật Tổ chức chính quyền địa phương\nsố 72/2025/QH15;",
        (
            "Khoản này hết hiệu lực theo quy định tại khoản 2 Điều 92 của Luật An toàn, vệ sinh lao động \nsố "
            "84/2015/QH13."
        ),
    ],
)
def test_a_law_name_goes_on_over_a_line_break_before_a_lower_case_so(text: str) -> None:
    (m,) = find_references(text)
    assert m.text.startswith("Luật ")
    assert (m.value.type_name, m.value.header) == ("Luật", False)


def test_a_lower_case_so_opening_a_line_is_no_header() -> None:
    found = find_references("theo quy định tại các Quyết định:\nsố 1719/QĐ-TTg, số 920/QĐ-TTg;\nsố 263/QĐ-TTg;")
    assert [m.value.header for m in found] == [False, False, False]
    (h,) = find_references("ỦY BAN NHÂN DÂN\nSố: 12/QĐ-UBND\nHà Nội, ngày 5 tháng 3 năm 2025")
    assert h.value.header is True


@pytest.mark.parametrize(
    ("text", "issued"),
    [
        ("| 110/GP-UBND 13/11/2020 | Cấp phép khai thác khoáng sản |", dt.date(2020, 11, 13)),
        ("Giấy phép số 12/GP-BTTTT ngày 5/1/2021 của Bộ Thông tin và Truyền thông", dt.date(2021, 1, 5)),
    ],
)
def test_a_licence_is_a_giay_phep_dated_by_a_day_on_its_row(text: str, issued: dt.date) -> None:
    (m,) = find_references(text)
    assert m.value.type_name == "Giấy phép"
    assert m.value.issued_on is not None
    assert m.value.issued_on.first_day() == issued


@pytest.mark.parametrize(
    "text",
    [
        "Quyết định số 12/QĐ-UBND\n15/3/2020 tổ chức hội nghị",  # another line
        "Thông tư số 03/2010/TT-BNV  (01/07/2010 )\nnội dung",  # a page title's posting day
        "TRIỂN KHAI NGHỊ QUYẾT SỐ 66-NQ/TW\nNgày 28 tháng 11 năm 2025, tại Trụ sở Chính phủ, …",  # the next sentence's
    ],
)
def test_a_day_away_from_the_number_is_not_its_issue_date(text: str) -> None:
    (m,) = find_references(text)
    assert m.value.issued_on is None


@pytest.mark.parametrize(
    ("text", "issuer"),
    [
        ("Ngày 12/9, UBND huyện ban hành Văn bản số 3060/UBND-NN về công bố xã đạt chuẩn.", "UBND huyện"),
        (
            "Bộ Tài nguyên và Môi trường vừa có Công văn số 6137/BTNMT-TCMT gửi UBND các tỉnh.",
            "Bộ Tài nguyên và Môi trường",
        ),
        (
            "Ngày 29 tháng 12/2020  Ban Thường vụ Tỉnh ủy đã ban hành Chỉ thị số 04-CT/TU về Tết.",
            "Ban Thường vụ Tỉnh ủy",
        ),
        ("Chính phủ mới đây đã ban hành Nghị quyết số 07/2025/NQ-CP về chính sách.", "Chính phủ"),
        ("Xét đề nghị của Giám đốc\nSở Tài chính tại Tờ trình số 473/TTr-STC ngày 21/5/2025;", "Giám đốc Sở Tài chính"),
        ("ý kiến thẩm định của Sở Tư pháp tại Báo cáo số 22/BC-STP ngày 3/11/2025;", "Sở Tư pháp"),
        # after the number wins
        ("UBND tỉnh đã có Công văn số 12/UBND-VX ngày 5/3/2025 của Văn phòng UBND tỉnh", "Văn phòng UBND tỉnh"),
    ],
)
def test_the_issuer_a_sentence_names_before_the_reference(text: str, issuer: str) -> None:
    (m,) = find_references(text)
    assert m.value.issuer == issuer


@pytest.mark.parametrize(
    "text",
    [
        "Quy định tại Điều 5 của Bộ GDĐT về thực hiện dịch vụ công tại Quyết định 406/QĐ-TTg ngày 22/3/2021",
        "Ngày 12/9, địa phương đã có Văn bản số 3060/UBND-NN gửi Sở.",  # no body's name before the verb
        "do Ủy ban nhân dân tỉnh ban hành\n\nQuyết định 119/QĐ-UBND bổ sung thủ tục",  # another line
    ],
)
def test_no_issuer_from_words_that_name_no_body(text: str) -> None:
    (m,) = find_references(text)
    assert m.value.issuer is None


def test_reading_issuers_before_references_stays_linear() -> None:
    unit = "Ngày 5/3, UBND tỉnh đã có Công văn số 12/UBND-VX, ý kiến của Sở Tư pháp tại Báo cáo số 3/BC-STP; "
    assert scales_linearly(lambda n: find_references(unit * n), 200)


@pytest.mark.parametrize(
    ("text", "type_name"),
    [
        ("BỘ TÀI CHÍNH\nCỤC THUẾ\nSố: 5363/CT-CS\nV/v chính sách thuế\nHà Nội, ngày 20 tháng 11 năm 2025", "Công văn"),
        ("UBND TỈNH\nSố: 12/CT-UBND\nHà Nội, ngày 5 tháng 3 năm 2025\nCHỈ THỊ\nVề việc phòng cháy", "Chỉ thị"),
        (
            "UBND TỈNH\nSố: 757/QĐ-UBND | Quảng Ninh, ngày 21 tháng 04 năm 2014 |\nQUYẾT ĐỊNH\nV/V BAN HÀNH QUY CHẾ",
            "Quyết định",
        ),
    ],
)
def test_a_header_number_with_a_subject_line_is_a_letter(text: str, type_name: str) -> None:
    (m,) = find_references(text)
    assert (m.value.header, m.value.type_name) == (True, type_name)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("theo Nghị định số 61/2025/NĐ-CP\n- Trung tâm Y tế huyện thực hiện", "61/2025/NĐ-CP"),
        ("Nghị định 178/2024/NĐ-CP\n\n- Tham khảo thêm", "178/2024/NĐ-CP"),
        ("Quyết định số 12/QĐ\n-UBND ngày 5/3/2025", "12/QĐ-UBND"),  # a code in capitals goes on
        ("Tờ trình số 473/TTr -\nNN&PTNT ngày 21/5/2007", "473/TTr-NN&PTNT"),
    ],
)
def test_a_dash_opening_a_line_goes_on_only_with_a_code(text: str, number: str) -> None:
    (m,) = find_references(text)
    assert str(m.value.number) == number


@pytest.mark.parametrize(
    ("text", "issuer"),
    [
        ("Quyết định số 768/QĐ-TTg ngày 15/4/2025 của Thủ tướng\nChính phủ phê duyệt", "Thủ tướng Chính phủ"),
        ("Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ\nChính trị về đột phá", "Bộ Chính trị"),
        ("Công văn số 12/UBND-KT của UBND tỉnh\nCác sở, ngành thực hiện", "UBND tỉnh"),
    ],
)
def test_an_issuer_broken_after_a_head_word_goes_on(text: str, issuer: str) -> None:
    (m,) = find_references(text)
    assert m.value.issuer == issuer


@pytest.mark.parametrize(
    ("text", "type_name", "issuer"),
    [
        ("TRIỂN KHAI NGHỊ QUYẾT SỐ 66-NQ/TW NGÀY 30/4/2025 CỦA BỘ CHÍNH TRỊ VỀ ĐỔI MỚI", "Nghị quyết", "BỘ CHÍNH TRỊ"),
        ("QUY CHUẨN ÁP DỤNG TRƯỚC KHI LUẬT PHÒNG CHÁY VÀ CHỮA\nCHÁY SỐ 27/2001/QH10 CÓ HIỆU LỰC", "Luật", None),
        ("Nghị định số 61/2020/NĐ-CP ngày 29/05/2020 của Chính phủ thi hành một số điều", "Nghị định", "Chính phủ"),
    ],
)
def test_a_title_in_capitals_names_its_law_and_issuer(text: str, type_name: str, issuer: str | None) -> None:
    (m,) = find_references(text)
    assert (m.value.type_name, m.value.issuer) == (type_name, issuer)


def test_a_law_name_holds_no_blank_line() -> None:
    (m,) = find_references("LUẬT\nBẢO HIỂM XÃ HỘI\n\nLuật Bảo hiểm xã hội số 41/2024/QH15 ngày 29 tháng 6 năm 2024")
    assert m.text.startswith("Luật Bảo hiểm xã hội số")


def test_a_law_page_is_a_document_for_its_relations() -> None:
    # no header number, but the type line "LUẬT" in capitals: the page is the law, not a news report of it
    text = (
        "LUẬT\nBẢO HIỂM XÃ HỘI\n\nLuật Bảo hiểm xã hội số 58/2014/QH13, được sửa đổi, bổ sung bởi:\n"
        "1. Luật số 35/2018/QH14 ngày 20 tháng 11 năm 2018 của Quốc hội sửa đổi, bổ sung một số điều của 37 luật;\n"
    )
    relations = [m.value.relation.value for m in find_references(text)]
    assert relations[1] == "amended_by"


@pytest.mark.parametrize(
    ("text", "span", "type_name"),
    [
        (
            "Xét Báo cáo thẩm tra số 12/BC-KTNS ngày 5/12/2025 của Ban Kinh tế;",
            "Báo cáo thẩm tra số",
            "Báo cáo thẩm tra",
        ),
        ("Thực hiện Kế hoạch hành động số 45/KH-UBND ngày 2/3/2021;", "Kế hoạch hành động số", "Kế hoạch hành động"),
        (
            "theo hướng dẫn của Thanh tra tại Kế hoạch thanh tra số 1505/KH-TT",
            "Kế hoạch thanh tra số",
            "Kế hoạch thanh tra",
        ),
        ("Quyết định này số 12/QĐ-UBND", "số 12/QĐ-UBND", "Quyết định"),  # "này" qualifies no type
    ],
)
def test_a_type_name_qualified_before_so(text: str, span: str, type_name: str) -> None:
    (m,) = find_references(text)
    assert m.text.startswith(span)
    assert m.value.type_name == type_name


def test_an_issue_date_after_the_issuer() -> None:
    (m,) = find_references("Thực hiện Nghị quyết số 46/NQ-CP của Chính phủ ngày 08 tháng 3 năm 2025 về việc")
    assert m.value.issued_on == VnDate(year=2025, month=3, day=8)
    assert m.text.endswith("ngày 08 tháng 3 năm 2025")
    # a date further on that is no issue date stays out
    (n,) = find_references("Nghị quyết số 08/2021/QH15 của Quốc hội tiếp tục hoạt động đến hết ngày 28/02/2025")
    assert n.value.issued_on is None


def test_a_party_number_that_lost_its_hyphen() -> None:
    text = "Thực hiện Chỉ thị số 32CT/TW ngày 1/1/2019 của Ban Bí thư và Kết luận 01KL/TW; tốc độ 100km/h, mạng 5G/LTE."
    assert [str(m.value.number) for m in find_references(text)] == ["32-CT/TW", "01-KL/TW"]


def test_parse_reference() -> None:
    ref = parse_reference("Chỉ thị số 15-CT/TW ngày 10/8/2022 của Ban Bí thư")
    assert str(ref.number) == "15-CT/TW"
    assert ref.issuer == "Ban Bí thư"
    assert str(ref) == "Chỉ thị số 15-CT/TW ngày 10 tháng 8 năm 2022 của Ban Bí thư"
    with pytest.raises(DocumentReferenceError, match="no document reference"):
        parse_reference("không có văn bản nào")
    with pytest.raises(DocumentReferenceError, match="more than one"):
        parse_reference("Quyết định số 1/QĐ-UBND và Quyết định số 2/QĐ-UBND")


def test_a_listed_number_takes_the_type_before_it() -> None:
    text = "Căn cứ Luật Ngân sách nhà nước số 01/2002/QH11 ngày 16/12/2002; số 83/2015/QH13 ngày 25/6/2015;"
    assert refs(text) == [
        ("01/2002/QH11", "Luật", "2002-12-16", None),
        ("83/2015/QH13", "Luật", "2015-06-25", None),
    ]


def test_spaced_slashes_in_an_issue_date() -> None:
    text = "theo Quyết định số 27 /2006/QĐ-UBND ngày 14 / 3 /2006 của UBND tỉnh"
    assert refs(text) == [("27/2006/QĐ-UBND", "Quyết định", "2006-03-14", "UBND tỉnh")]


def test_a_number_at_line_start_followed_by_its_date_is_a_citation() -> None:
    (m,) = find_references("số 15/2019/NĐ-CP ngày 8/02/2019 quy định chi tiết")
    assert not m.value.header
    assert m.value.issued_on is not None
    assert m.value.issued_on.iso() == "2019-02-08"


def test_digits_inside_a_number_are_not_dates() -> None:
    from vngovdirectives import find_dates

    text = "thực hiện Nghị định số 12 / 2019 / NĐ-CP và Thông tư 05/2020/TT-BNV"
    assert [m.text for m in find_dates(text)] == []


def test_found_references_are_whole_models() -> None:
    # A found reference (whose number the parser made without re-validating it) must equal, hash
    # and serialise like a reference made the ordinary way.
    import attrs

    from vngovdirectives import find_references
    from vngovdirectives.dates import VnDate
    from vngovdirectives.numbers import parse_number
    from vngovdirectives.references import DocumentReference, Relation

    found = next(find_references("Quyết định số 607/QĐ-UBND ngày 29/3/2019 của UBND tỉnh về việc")).value
    made = DocumentReference(
        number=parse_number("607/QĐ-UBND"),
        serial="607",
        type_name="Quyết định",
        issued_on=VnDate(year=2019, month=3, day=29),
        issuer="UBND tỉnh",
        relation=Relation.SELF,  # a text that opens with a reference is titled by it
    )
    assert found == made
    assert hash(found) == hash(made)
    assert attrs.asdict(found) == attrs.asdict(made)


def test_item_marks_and_codes_are_no_document_numbers() -> None:
    from vngovdirectives import find_references

    text = (
        "Cơ cấu tổ chức gồm:\n\n1- Vụ Pháp chế;\n\n7- Ban Tổ chức cán bộ;\n\n20.Trung tâm Thông tin;\n"
        "Ghi vào tài khoản 515- Doanh thu hoạt động tài chính; đoạn Km 500-K21 của quốc lộ; "
        "theo QCVN 01:2021/BXD và Công văn số 2522-UBND ngày 3/4/2024."
    )
    assert [str(m.value.number) for m in find_references(text)] == ["2522/UBND"]


def test_a_law_named_after_a_list_of_laws() -> None:
    from vngovdirectives import find_references

    text = (
        "Luật Điện lực đã được sửa đổi, bổ sung một số điều theo Luật số 24/2012/QH13 và Luật số 28/2018/QH14, "
        "Bộ luật Dân sự số \n91/2015/QH13."
    )
    assert [m.text for m in find_references(text)] == [
        "Luật số 24/2012/QH13",
        "Luật số 28/2018/QH14",
        "Bộ luật Dân sự số \n91/2015/QH13",
    ]
