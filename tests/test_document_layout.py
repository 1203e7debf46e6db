"""The layout of a document (issue 12): header, addressees, signature block, appendices, type.

Each document imitates a form met on real pages (web text with lines broken anywhere, markdown
asterisks, flattened header tables, appendices after the signature); none is copied from one.
"""

from __future__ import annotations

import datetime as dt
import random

import pytest

from _timing import scales_linearly
from vngovdirectives.directives import Bulletin, Document, Signer, extract, parse_document
from vngovdirectives.directives.page import Page, read_page
from vngovdirectives.directives.tables import tables


def _doc(text: str) -> Document:
    found = extract(text)
    assert isinstance(found, Document), found
    return found


def _signer(d: Document) -> tuple[str | None, str | None, str | None]:
    s: Signer | None = d.signer
    assert s is not None
    return tuple(m.text if m is not None else None for m in (s.authority, s.position, s.name))  # type: ignore[return-value]


LETTER = """BỘ TÀI CHÍNH
KHO BẠC NHÀ NƯỚC
-------
CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 812/CT-KBNN
*V/v hướng dẫn kiểm soát chi
thường xuyên năm 2026*
*Hà Nội, ngày 09
tháng 12 năm 2025*
Kính gửi:
- Kho bạc Nhà nước các khu vực;
- Sở Tài chính các tỉnh,
thành phố trực thuộc Trung ương.
Để thống nhất thực hiện, Kho bạc Nhà nước hướng dẫn như sau:
1. Các đơn vị rà soát hồ sơ trước ngày 20/12/2025.
2. Nghị định có hiệu lực thi hành từ ngày 01/7/2025 nên các đơn vị áp dụng ngay.
Kho bạc Nhà nước thông báo để các đơn vị biết, thực hiện./.
Nơi nhận:
- Như trên;
- Lưu: VT, KSC.
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Lương Minh
Khoa
"""


def test_a_letter_with_vv_and_kinh_gui_is_a_cong_van_whatever_its_symbol_says() -> None:
    d = _doc(LETTER)
    assert (d.parent_issuer and d.parent_issuer.text, d.issuer and d.issuer.text) == (
        "BỘ TÀI CHÍNH",
        "KHO BẠC NHÀ NƯỚC",
    )
    assert str(d.number) == "812/CT-KBNN"
    assert d.type_name == "Công văn"  # "CT" is the issuer's code here, not Chỉ thị
    assert d.title is not None
    assert d.title.text == "V/v hướng dẫn kiểm soát chi thường xuyên năm 2026"
    assert d.place is not None
    assert (d.place.text, d.issued_on and d.issued_on.first_day()) == ("Hà Nội", dt.date(2025, 12, 9))
    assert [a.text for a in d.addressees] == [
        "Kho bạc Nhà nước các khu vực",
        "Sở Tài chính các tỉnh, thành phố trực thuộc Trung ương",
    ]
    assert [r.text for r in d.recipients] == ["Như trên", "Lưu: VT, KSC"]  # "Nơi nhận" only
    assert _signer(d) == ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Lương Minh Khoa")
    assert d.effective is None  # the decree's effect is not the letter's own
    assert d.number_span is not None
    assert LETTER[d.number_span.start : d.number_span.end] == "812/CT-KBNN"


DECISION = """Tóm tắt: Tỉnh ban hành quyết định mới về thủ tục hành chính.
Xem toàn văn bên dưới.
ỦY BAN NHÂN DÂN
THÀNH PHỐ HỒ CHÍ
MINH
--------
CỘNG HÒA XÃ
HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số:
0456/QĐ-UBND
*Thành phố Hồ Chí Minh, ngày
03 tháng 02 năm 2026*

QUYẾT ĐỊNH
VỀ VIỆC CÔNG BỐ DANH MỤC THỦ TỤC HÀNH CHÍNH LĨNH VỰC
ĐẤT ĐAI THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA
ỦY BAN NHÂN DÂN CẤP XÃ
CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH
*Căn cứ Luật Tổ chức chính quyền địa phương;*
QUYẾT ĐỊNH:
Điều 1. Công bố kèm theo Quyết định này danh mục thủ tục hành chính.
Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.
Điều 3. Chánh Văn phòng và các tổ chức có liên quan chịu trách nhiệm thi hành Quyết định này./.
*Nơi nhận:*
- Như Điều 3;
- Lưu: VT.
TM. ỦY BAN NHÂN
DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
(Đã ký)
Hồ Thị Lan
PHỤ LỤC
DANH MỤC THỦ TỤC HÀNH CHÍNH
*(Kèm theo Quyết định số 0456/QĐ-UBND ngày 03/02/2026 của Chủ tịch UBND Thành phố)*
1. Đăng ký đất đai lần đầu: Sở Nông nghiệp và Môi trường giải quyết trong 15 ngày làm việc.
Giám đốc Sở
Trần Văn Tư
"""


def test_a_decision_after_a_news_summary_with_broken_lines_and_an_appendix() -> None:
    d = _doc(DECISION)
    assert d.issuer is not None
    assert d.issuer.text == "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH"
    assert d.parent_issuer is None
    assert str(d.number).lstrip("0") == "456/QĐ-UBND"
    assert d.place is not None
    assert d.place.text == "Thành phố Hồ Chí Minh"  # not "ố Hồ Chí Minh": the place begins on the line above
    assert d.type_name == "Quyết định"
    assert d.title is not None
    assert d.title.text == (
        "VỀ VIỆC CÔNG BỐ DANH MỤC THỦ TỤC HÀNH CHÍNH LĨNH VỰC ĐẤT ĐAI THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA "
        "ỦY BAN NHÂN DÂN CẤP XÃ"
    )
    # the capacity lines broken over two lines are one; the appendix after the signature is not read
    assert _signer(d) == ("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Hồ Thị Lan")
    assert d.effective is not None
    assert d.effective.anchor is not None
    assert d.effective.anchor.startswith("ngày ký")
    assert [t.label for t in d.tasks] == ["Điều 3"]  # the appendix's procedures are not tasks
    assert [a.name for a in d.tasks[0].assignees] == ["Chánh Văn phòng", "các tổ chức có liên quan"]


TABLE = """| ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
| SỞ XÂY DỰNG -------- | Độc lập - Tự do - Hạnh phúc --------------- |
| Số: 2210/SXD-QLCL V/v kiểm tra an toàn công trình | Khánh Hòa, ngày 14 tháng 10 năm 2025 |

Kính gửi: Ủy ban nhân dân các xã, phường, đặc khu.

Sở Xây dựng đề nghị các địa phương kiểm tra an toàn công trình trước mùa mưa bão.

| Nơi nhận: - Như trên; - Lưu: VT, QLCL. | KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC (Đã ký) Phan Quốc Bảo |
"""


def test_a_flattened_header_table() -> None:
    d = _doc(TABLE)
    assert (d.parent_issuer and d.parent_issuer.text, d.issuer and d.issuer.text) == (
        "ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA",
        "SỞ XÂY DỰNG",
    )
    assert str(d.number) == "2210/SXD-QLCL"
    assert d.title is not None
    assert d.title.text == "V/v kiểm tra an toàn công trình"
    assert d.issued_on is not None
    assert d.issued_on.first_day() == dt.date(2025, 10, 14)
    assert [a.text for a in d.addressees] == ["Ủy ban nhân dân các xã, phường, đặc khu"]
    assert _signer(d) == ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Phan Quốc Bảo")


TELEGRAM = """THỦ TƯỚNG CHÍNH PHỦ
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 47/CĐ-TTg
*Hà
Nội, ngày 15 tháng 10 năm 2025*
CÔNG ĐIỆN
VỀ VIỆC CHỦ ĐỘNG ỨNG PHÓ VỚI MƯA LŨ
TẠI CÁC TỈNH MIỀN TRUNG
THỦ
TƯỚNG CHÍNH PHỦ điện:
- Bộ trưởng các Bộ: Quốc phòng,
Công an, Nông nghiệp và Môi trường;
- Chủ tịch Ủy ban nhân dân các tỉnh từ Thanh Hóa đến Quảng Ngãi.
Mưa lớn kéo dài gây ngập sâu nhiều khu vực.
1. Bộ Quốc phòng chủ trì điều động lực lượng.
Nơi nhận:
- Như trên;
- Lưu: VT.
KT. THỦ TƯỚNG
PHÓ THỦ TƯỚNG
Vương Đức Minh
"""


def test_a_telegrams_list_is_kept_apart_from_addressees() -> None:
    d = _doc(TELEGRAM)
    assert d.type_name == "Công điện"
    assert d.place is not None
    assert d.place.text == "Hà Nội"
    assert d.title is not None
    assert d.title.text == "VỀ VIỆC CHỦ ĐỘNG ỨNG PHÓ VỚI MƯA LŨ TẠI CÁC TỈNH MIỀN TRUNG"
    assert d.addressees == ()  # no "Kính gửi"
    assert [a.text for a in d.telegram_to] == [
        "Bộ trưởng các Bộ: Quốc phòng, Công an, Nông nghiệp và Môi trường",
        "Chủ tịch Ủy ban nhân dân các tỉnh từ Thanh Hóa đến Quảng Ngãi",
    ]
    assert [r.text for r in d.recipients] == ["Như trên", "Lưu: VT"]
    assert _signer(d) == ("KT. THỦ TƯỚNG", "PHÓ THỦ TƯỚNG", "Vương Đức Minh")
    assert [(a.name, a.role.value) for t in d.tasks for a in t.assignees] == [("Bộ Quốc phòng", "lead")]


def _with_article(article: str) -> str:
    return (
        "ỦY BAN NHÂN DÂN TỈNH HÀ NAM\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 15/2025/QĐ-UBND\nHà Nam, ngày 2 tháng 6 năm 2025\nQUYẾT ĐỊNH\nBAN HÀNH QUY ĐỊNH VỀ PHÍ\n"
        f"Căn cứ Luật Phí và lệ phí;\nĐiều 1. Ban hành Quy định.\n{article}\n"
        "Nơi nhận:\n- Như Điều 3;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nĐinh Văn Hòa\n"
    )


def test_the_documents_own_effective_date_not_a_cited_ones() -> None:
    own = _doc(_with_article("Điều 2. Quyết định này có hiệu lực kể từ ngày 15 tháng 6 năm 2025."))
    assert own.effective is not None
    assert own.effective.due is not None
    assert own.effective.due.first_day() == dt.date(2025, 6, 15)
    cited = _doc(_with_article("Điều 2. Quyết định số 12/2020/QĐ-UBND hết hiệu lực kể từ ngày ký."))
    assert cited.effective is None  # an expiry, and another document's


@pytest.mark.parametrize("subject", ["Quyết\nđịnh này", "Quyết  định\nnày", "Quyết định\nnày"])
def test_the_effective_clause_with_its_subject_broken_over_lines(subject: str) -> None:
    own = _doc(_with_article(f"Điều 2. {subject} có hiệu lực thi hành từ ngày 05 tháng 12 năm 2025."))
    assert own.effective is not None
    assert own.effective.due is not None
    assert own.effective.due.first_day() == dt.date(2025, 12, 5)
    other = _doc(_with_article("Điều 2. Thông\ntư số 5/2020/TT-BTC có hiệu lực từ ngày 05 tháng 12 năm 2025."))
    assert other.effective is None  # another document's


def test_an_act_adopted_in_session_is_dated_by_its_closing_words() -> None:
    d = _doc(
        "QUỐC HỘI\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Luật số: 99/2025/QH15\n\nLUẬT\nTHỦ ĐÔ MẪU\n\nCăn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n"
        "Điều 1. Phạm vi điều chỉnh\nLuật này quy định về thủ đô mẫu.\n"
        "Điều 2. Hiệu lực thi hành\nLuật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2026.\n\n"
        "Luật này đã được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XV, kỳ họp thứ 10\n"
        "thông qua ngày 10 tháng 12 năm 2025.\n\nCHỦ TỊCH QUỐC HỘI\nTrần Văn Mẫu\n"
    )
    assert (str(d.number), d.type_name) == ("99/2025/QH15", "Luật")
    assert d.issued_on is not None
    assert d.issued_on.first_day() == dt.date(2025, 12, 10)
    assert d.date_span is not None
    assert d.effective is not None  # the effective date is another date, and stays one


def test_a_blank_number_and_a_name_printed_in_capitals_after_a_rank() -> None:
    d = _doc(
        "BỘ Y TẾ\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số:      /QĐ-BYT\nHà Nội, ngày      tháng 12 năm 2025\nQUYẾT ĐỊNH\nVề việc thành lập Hội đồng thẩm định\n"
        "BỘ TRƯỞNG BỘ Y TẾ\nCăn cứ Nghị định số 42/2025/NĐ-CP;\nQUYẾT ĐỊNH:\nĐiều 1. Thành lập Hội đồng.\n"
        "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nThiếu tướng\nNGUYỄN VĂN HƯNG\n"
    )
    assert d.number is None  # blank: not yet numbered
    assert d.place is not None
    assert (d.place.text, d.issued_on) == ("Hà Nội", None)
    assert d.title is not None
    assert d.title.text == "Về việc thành lập Hội đồng thẩm định"
    assert _signer(d) == ("KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "NGUYỄN VĂN HƯNG")


def test_a_signature_glued_to_the_last_recipient_line() -> None:
    text = _with_article("Điều 2. Quyết định này có hiệu lực kể từ ngày ký.").replace(
        "- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n", "- Lưu: VT. TM. ỦY BAN NHÂN DÂN CHỦ TỊCH\n"
    )
    assert _signer(_doc(text)) == ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Đinh Văn Hòa")


def test_a_sites_metadata_rows_stand_in_for_a_missing_header() -> None:
    d = parse_document(
        "Số hiệu: 31/CT-TTg | Loại văn bản: Chỉ thị\nNgười ký: Lê Văn Tám | Ngày ban hành: 05/03/2019\n"
        "Ngày có hiệu lực: 05/03/2019 | Ngày hết hiệu lực: 01/01/2024\nNội dung toàn văn đang cập nhật.\n"
    )
    assert (str(d.number), d.type_name) == ("31/CT-TTg", "Chỉ thị")
    assert d.issued_on is not None
    assert d.issued_on.first_day() == dt.date(2019, 3, 5)
    assert d.signer is not None
    assert d.signer.name is not None
    assert d.signer.name.text == "Lê Văn Tám"


@pytest.mark.parametrize(
    "rows",
    [
        (
            "Số hiệu: 15/2014/QĐ-UBND\nLoại văn bản: Quyết định\nNgày ban hành: 10/06/2014\n"
            "Ngày hiệu lực: 20/06/2014\nNgười ký: Dương Ngọc Long\n"
        ),
        (
            "| Số hiệu | 15/2014/QĐ-UBND |\n| Loại văn bản | Quyết định |\n| Ngày ban hành | 10/06/2014 |\n"
            "| Ngày hiệu lực | 20/06/2014 |\n| Người ký | Dương Ngọc Long |\n"
        ),
    ],
)
def test_metadata_rows_as_fields_or_table_rows_give_the_effective_date(rows: str) -> None:
    d = parse_document(
        rows + "\nQUYẾT ĐỊNH\nVề việc ban hành quy chế\n\nĐiều 1. Ban hành kèm theo Quyết định này Quy chế.\n"
        "Điều 2. Sở Nội vụ chịu trách nhiệm thi hành.\n"
    )
    assert (str(d.number), d.type_name) == ("15/2014/QĐ-UBND", "Quyết định")
    assert d.issued_on is not None
    assert d.issued_on.first_day() == dt.date(2014, 6, 10)
    assert d.effective is not None
    assert d.effective.due is not None
    assert d.effective.due.first_day() == dt.date(2014, 6, 20)
    assert d.signer is not None
    assert d.signer.name is not None
    assert d.signer.name.text == "Dương Ngọc Long"


def test_a_news_page_reporting_a_document_is_not_a_document() -> None:
    news = (
        "Chính phủ vừa ban hành Nghị định số 99/2025/NĐ-CP ngày 10/4/2025 quy định về quản lý giá.\n\n"
        "Theo đó, Bộ Tài chính chủ trì hướng dẫn thi hành. Nghị định có hiệu lực từ ngày 01/6/2025.\n"
    )
    b = extract(news)
    assert isinstance(b, Bulletin)
    (item,) = b.directives
    assert item.carrier is not None
    assert str(item.carrier.value.number) == "99/2025/NĐ-CP"
    assert item.issuer is not None
    assert item.issuer.text == "Chính phủ"


def test_addressees_on_one_line_are_split_only_where_each_part_names_a_body() -> None:
    text = (
        "ỦY BAN NHÂN DÂN TỈNH TÂY NINH\nSố: 301/UBND-KT\nTây Ninh, ngày 4 tháng 8 năm 2025\n"
        "V/v rà soát dự án chậm tiến độ\nKính gửi: Sở Tài chính, Sở Xây dựng, Kho bạc Nhà nước tỉnh.\n"
        "Ủy ban nhân dân tỉnh đề nghị các đơn vị rà soát./.\n"
    )
    d = _doc(text)
    assert [a.text for a in d.addressees] == ["Sở Tài chính", "Sở Xây dựng", "Kho bạc Nhà nước tỉnh"]
    assert all(text[a.span.start : a.span.end] == a.text for a in d.addressees)
    one = _doc(text.replace("Sở Tài chính, Sở Xây dựng, Kho bạc Nhà nước tỉnh", "UBND các huyện, thị xã, thành phố"))
    assert [a.text for a in one.addressees] == ["UBND các huyện, thị xã, thành phố"]


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "|||",
        "Số:",
        "KT.",
        "Kính gửi:",
        "QUYẾT ĐỊNH",
        "ngày tháng năm",
        "* * *",
        "Số: /",
        "TM. ỦY BAN\n",
        "CHỦ TỊCH\nNguyễn",
        "- " * 50,
        "điện:",
        "V/v",
        "Điều\n",
        "| Nội dung | Cơ quan chủ trì |\n| | |",
    ],
)
def test_odd_text_never_raises(text: str) -> None:
    extract(text)


@pytest.mark.parametrize("label", ["a) ", "2) ", "(1) ", "II. ", "3. "])
def test_a_document_that_ends_with_a_label_and_a_space_is_read(label: str) -> None:
    head = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 12/KH-UBND\nKẾ HOẠCH\n1. Mục tiêu: Sở Y tế chủ trì rà soát.\n"
    found = extract(head + label)
    assert isinstance(found, Document)
    assert [a.name for t in found.tasks for a in t.assignees] == ["Sở Y tế"]


def test_random_text_never_raises() -> None:
    rnd = random.Random(7)
    alphabet = "SốKTM.:/-|*\n ngàythángnămĐỘCLẬPQUYẾTĐỊNHVvKínhgửiNơinhận0123456789ủĐiều()"
    for _ in range(300):
        extract("".join(rnd.choice(alphabet) for _ in range(rnd.randrange(0, 400))))


def test_a_long_single_line_is_read_in_linear_time() -> None:
    unit = "Số: 12/QĐ-UBND Hà Nội, ngày 1 tháng 2 năm 2024 KT. CHỦ TỊCH Nguyễn Văn A Quyết định này có hiệu lực "
    assert scales_linearly(lambda n: extract(unit * n), 600)


def test_a_task_table_flattened_onto_one_line_is_read_in_linear_time() -> None:
    head = "| TT | Nội dung | Cơ quan chủ trì | Thời gian hoàn thành |\n"
    row = "| 1 | Rà soát hồ sơ | Sở Tài chính | Quý I/2026 "
    pages: dict[int, Page] = {}

    def read(n: int) -> None:
        if n not in pages:
            pages[n] = read_page(head + row * n, False)
        page = pages[n]
        assert tables(page, page.units)

    assert scales_linearly(read, 8000)
