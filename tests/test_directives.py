"""Directives out of bulletins and documents (issue 5)."""

from __future__ import annotations

import datetime as dt
import html as html_lib
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from _timing import scales_linearly
from vngovdirectives.deadlines import Before, NoLaterThan
from vngovdirectives.directives import (
    AssigneeRole,
    Bulletin,
    Document,
    ReferenceRole,
    SourceFormat,
    Span,
    TargetKind,
    TaskKind,
    extract,
    parse_bulletin,
    parse_document,
)
from vngovdirectives.directives.page import clean
from vngovdirectives.errors import ExtractError, VnGovDirectivesError
from vngovdirectives.serde import make_converter
from vngovdirectives.strategies._directives import bulletins, documents
from vngovdirectives.text.normalize import normalize

if TYPE_CHECKING:
    from cattrs.preconf.json import JsonConverter

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
LANGSON = ROOT.parent / "shared" / "corpus" / "langson-weekly-2019-03-31.txt"
DEV = ROOT.parent / "shared" / "corpus" / "dev.jsonl"


def _at(source: str, span: Span) -> str:
    return source[span.start : span.end]


def _as_html(text: str) -> str:
    """A portal-like page around a plain-text bulletin: menus, scripts, one <p> or <h2> per line."""
    parts = [
        "<html><head><title>Văn phòng UBND tỉnh</title><script>var menu = '<p>Yêu cầu</p>';</script></head><body>",
        '<nav class="menu"><a href="/">Trang chủ</a> | <a href="/cd">Chỉ đạo, điều hành</a></nav>',
        "<div class='content'>",
    ]
    for line in text.split("\n"):
        if not line.strip():
            continue
        tag = "h2" if len(line) < 160 and not line.rstrip().endswith(".") else "p"
        parts.append(f"<{tag}>{html_lib.escape(line, quote=False).replace(' ', '&nbsp;', 1)}</{tag}>")
    parts.append("</div><footer>Bản quyền &copy; UBND tỉnh</footer></body></html>")
    return "\n".join(parts)


# --------------------------------------------------------------------------- the Lạng Sơn bulletin

EXPECTED_HEADINGS = (
    "Đẩy nhanh tiến độ, phấn đấu hoàn thành",
    "Xây dựng xã nông thôn mới nâng cao",
    "Tăng cường các biện pháp phòng, chống tai nạn đuối nước",
    "Phê duyệt Đề án Phát triển xuất nhập khẩu",
    "Triển khai công tác đảm bảo Tổng điều tra",
)
EXPECTED_REFS = (
    ("39/CV-BCĐ", "Công văn", "2019-03-29"),
    ("35/BCĐ-NTM", "Công văn", "2019-03-26"),
    ("933/QĐ-UBND", "Quyết định", "2018-05-22"),
    ("249/UBND-KGVX", "Công văn", "2019-03-28"),
    ("607/QĐ-UBND", "Quyết định", "2019-03-29"),
    ("1170/VP-TH", "Công văn", "2019-03-29"),
    ("29/BCĐTW-VPBCĐTW", "Công văn", "2019-03-26"),
)
EXPECTED_CARRIERS = ("39/CV-BCĐ", "35/BCĐ-NTM", "249/UBND-KGVX", "607/QĐ-UBND", "1170/VP-TH")
EXPECTED_ASSIGNEES: tuple[set[str], ...] = (
    {"UBND các huyện, thành phố"},
    {"UBND các huyện, thành phố"},
    {"các sở, ngành", "UBND các huyện, thành phố"},
    set(),
    {"Cục Thống kê", "Ban Chỉ đạo các cấp"},
)


def _check_langson(source: str, b: Bulletin) -> None:
    assert len(b.directives) == 5
    for d, head in zip(b.directives, EXPECTED_HEADINGS, strict=True):
        assert d.heading is not None
        assert d.heading.text.startswith(head)
        assert _clean(_at(source, d.heading.span)).startswith(head) or source.startswith("<")
    refs = [r for d in b.directives for r in d.references]
    got = tuple((str(r.value.number), r.value.type_name, r.value.issued_on.iso()) for r in refs)  # type: ignore[union-attr]
    assert got == EXPECTED_REFS
    assert tuple(str(d.carriers[0].value.number) for d in b.directives) == EXPECTED_CARRIERS
    assert all(len(d.carriers) == 1 for d in b.directives)
    for d, names in zip(b.directives, EXPECTED_ASSIGNEES, strict=True):
        assert {a.name for a in d.addressees} == names
    fifth = b.directives[4]
    assert fifth.signer is not None
    assert fifth.signer.name is not None
    assert fifth.signer.position is not None
    assert fifth.signer.name.text == "Hồ Tiến Thiệu"
    assert fifth.signer.position.text == "Phó Chủ tịch UBND tỉnh"
    assert b.directives[0].issuer is not None
    assert b.directives[0].issuer.text == "Ban Chỉ đạo các Chương trình mục tiêu quốc gia tỉnh"
    assert b.directives[2].issuer is not None
    assert b.directives[2].issuer.text == "UBND tỉnh"
    lead, last = fifth.tasks
    assert [a.name for a in lead.assignees] == ["Cục Thống kê"]
    assert lead.assignees[0].role is AssigneeRole.LEAD
    assert lead.kind is TaskKind.LEAD
    (d1,) = lead.deadlines
    (d2,) = last.deadlines
    assert isinstance(d1.value, NoLaterThan)
    assert d1.last_day == dt.date(2019, 4, 25)
    assert isinstance(d2.value, Before)
    assert d2.last_day == dt.date(2019, 3, 31)
    assert d2.value.time is not None
    assert d2.value.time.hour == 0
    assert d1.text == "chậm nhất vào ngày 25/4/2019"
    assert d2.text == "trước 0 giờ ngày 01/4/2019"
    # every span lies inside its parent's span
    for d in b.directives:
        for t in d.tasks:
            assert d.span.start <= t.span.start <= t.span.end <= d.span.end
            for dl in t.deadlines:
                assert t.span.start <= dl.span.start <= dl.span.end <= t.span.end
    assert b.period is not None
    assert b.period.first_day() == dt.date(2019, 3, 25)
    assert b.period.last_day() == dt.date(2019, 3, 31)


def _clean(s: str) -> str:
    return " ".join(html_lib.unescape(s).split())


@pytest.fixture(scope="module")
def langson() -> str:
    if not LANGSON.exists():
        pytest.skip("the shared corpus (../shared) is not available")
    return LANGSON.read_text(encoding="utf-8")


def test_langson_bulletin(langson: str) -> None:
    b = parse_bulletin(langson)
    _check_langson(langson, b)
    assert b.source_format is SourceFormat.TEXT
    fifth = b.directives[4]
    d1 = fifth.tasks[0].deadlines[0]
    d2 = fifth.tasks[1].deadlines[0]
    assert _at(langson, d1.span) == "chậm nhất vào ngày 25/4/2019"
    assert _at(langson, d2.span) == "trước 0 giờ ngày 01/4/2019"
    for d in b.directives:
        for r in d.references:
            assert _at(langson, r.span) == r.text
        assert d.carriers[0].role is ReferenceRole.CARRIER


def test_langson_bulletin_as_html(langson: str) -> None:
    page = _as_html(langson)
    b = extract(page)
    assert isinstance(b, Bulletin)
    assert b.source_format is SourceFormat.HTML
    _check_langson(page, b)
    fifth = b.directives[4]
    assert _at(page, fifth.tasks[0].deadlines[0].span) == "chậm nhất vào ngày 25/4/2019"
    assert _at(page, fifth.tasks[1].deadlines[0].span) == "trước 0 giờ ngày 01/4/2019"
    heading = b.directives[0].heading
    assert heading is not None
    # the heading's first space was written as &nbsp; in the page: the span covers the entity
    assert _at(page, heading.span).startswith("Đẩy&nbsp;nhanh")
    for d in b.directives:
        for r in d.references:
            assert _clean(_at(page, r.span)) == r.text


def test_langson_extract_is_a_bulletin(langson: str) -> None:
    assert isinstance(extract(langson), Bulletin)


# --------------------------------------------------------------------------- examples written for the project


@pytest.mark.parametrize("suffix", ["txt", "html"])
def test_example_bulletin(suffix: str) -> None:
    source = (EXAMPLES / f"bulletin-weekly.{suffix}").read_text(encoding="utf-8")
    b = extract(source)
    assert isinstance(b, Bulletin)
    assert [d.title for d in b.directives] == [
        "Tăng cường phòng, chống bệnh dịch tả lợn châu Phi",
        "Chuẩn bị kỳ thi trung học phổ thông quốc gia năm 2019",
        "Phát triển du lịch cộng đồng đến năm 2025",
    ]
    assert [str(d.carriers[0].value.number) for d in b.directives] == ["412/UBND-KT", "57/KH-UBND", "1205/VP-KGVX"]
    assert [r.value.type_name for r in b.directives[1].references] == ["Kế hoạch", "Thông tư"]
    first, second, third = b.directives
    assert [(a.name, a.role) for t in first.tasks for a in t.assignees] == [
        ("UBND các huyện, thành phố", AssigneeRole.RESPONSIBLE),
        ("Sở Nông nghiệp và Phát triển nông thôn", AssigneeRole.LEAD),
        ("Sở Tài chính", AssigneeRole.SUPPORT),
    ]
    assert [t.kind for t in first.tasks] == [TaskKind.REQUEST, TaskKind.LEAD]
    assert first.tasks[1].deadlines[0].last_day == dt.date(2019, 4, 19)
    assert [t.kind for t in second.tasks] == [TaskKind.ASSIGN, TaskKind.RESPONSIBLE]
    assert second.tasks[1].deadlines[0].last_day == dt.date(2019, 5, 15)
    assert third.signer is not None
    assert third.signer.name is not None
    assert third.signer.name.text == "Nguyễn Văn An"
    assert [a.name for a in third.addressees] == ["Sở Văn hóa, Thể thao và Du lịch", "UBND các huyện"]
    assert [(t.kind, t.end.year) for t in third.targets if t.kind is TargetKind.BY] == [
        (TargetKind.BY, 2025),
        (TargetKind.BY, 2025),
    ]
    for d in b.directives:
        for t in d.tasks:
            for dl in t.deadlines:
                assert _clean(_at(source, dl.span)) == dl.text


@pytest.mark.parametrize("suffix", ["txt", "html"])
def test_example_document(suffix: str) -> None:
    source = (EXAMPLES / f"document-decision.{suffix}").read_text(encoding="utf-8")
    d = extract(source)
    assert isinstance(d, Document)
    assert d.type_name == "Quyết định"
    assert str(d.number) == "845/QĐ-UBND"
    assert d.number_span is not None
    assert _at(source, d.number_span) == "845/QĐ-UBND"
    assert d.issuer is not None
    assert d.issuer.text == "ỦY BAN NHÂN DÂN TỈNH BẮC SƠN"
    assert d.place is not None
    assert d.place.text == "Bắc Sơn"
    assert d.issued_on is not None
    assert d.issued_on.iso() == "2019-04-05"
    assert d.title is not None
    assert d.title.text == "VỀ VIỆC BAN HÀNH KẾ HOẠCH PHÒNG, CHỐNG THIÊN TAI NĂM 2019"
    assert [str(r.value.number) for r in d.basis] == ["160/2018/NĐ-CP"]
    assert len(d.basis_clauses) == 2
    assert [t.label for t in d.tasks] == ["Điều 2", "Điều 3"]  # Điều 1 orders nobody: not a task
    assert [(a.name, a.role) for a in d.tasks[0].assignees] == [
        ("Sở Nông nghiệp và Phát triển nông thôn", AssigneeRole.LEAD),
        ("các sở, ngành liên quan", AssigneeRole.SUPPORT),
    ]
    assert d.tasks[0].deadlines[0].last_day == dt.date(2019, 12, 14)
    assert [a.name for a in d.tasks[1].assignees] == [
        "Chánh Văn phòng UBND tỉnh",
        "Giám đốc các sở, ngành",
        "Chủ tịch UBND các huyện, thành phố",
    ]
    assert [r.text for r in d.recipients] == [
        "Như Điều 3",
        "Bộ Nông nghiệp và PTNT",
        "Thường trực Tỉnh ủy",
        "Lưu: VT, KT",
    ]
    assert d.signer is not None
    assert [m.text if m else None for m in (d.signer.authority, d.signer.position, d.signer.name)] == [
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Trần Minh Hải",
    ]
    assert d.signer.name is not None
    assert _at(source, d.signer.name.span) == "Trần Minh Hải"
    roles = [(str(r.value.number), r.role) for r in d.references]
    assert roles == [
        ("845/QĐ-UBND", ReferenceRole.HEADER),
        ("160/2018/NĐ-CP", ReferenceRole.BASIS),
        ("96/TTr-SNN", ReferenceRole.CITED),
    ]
    (directive,) = d.directives
    assert directive.carrier is not None
    assert str(directive.carrier.value.number) == "845/QĐ-UBND"
    assert directive.title == d.title.text


# --------------------------------------------------------------------------- other layouts, written in the real style

NUMBERED = "".join(
    (
        "THÔNG TIN CHỈ ĐẠO, ĐIỀU HÀNH CỦA UBND TỈNH TỪ NGÀY 02/12 ĐẾN NGÀY 08/12/2019\n",
        (
            "1. Tăng cường công tác quản lý, bảo vệ rừng mùa khô. Tại Văn bản số 2210/UBND-NN ngày "
            "03/12/2019, UBND tỉnh yêu cầu Sở Nông nghiệp và PTNT chỉ đạo lực lượng kiểm lâm trực 24/24"
            " giờ tại các vùng trọng điểm.\n"
        ),
        (
            "2. Triển khai Tháng hành động vì bình đẳng giới. Tại Kế hoạch số 188/KH-UBND ngày "
            "05/12/2019, giao Sở Lao động - Thương binh và Xã hội chủ trì tổ chức các hoạt động truyền "
            "thông, báo cáo kết quả trước ngày 25/12/2019.\n"
        ),
        (
            "3. Rà soát danh mục dự án đầu tư công năm 2020. UBND tỉnh giao Sở Kế hoạch và Đầu tư tổng "
            "hợp, trình UBND tỉnh trong tháng 12/2019.\n"
        ),
    )
)


def test_numbered_bulletin() -> None:
    b = parse_bulletin(NUMBERED)
    assert [d.label for d in b.directives] == ["1", "2", "3"]
    assert [d.title for d in b.directives] == [
        "Tăng cường công tác quản lý, bảo vệ rừng mùa khô",
        "Triển khai Tháng hành động vì bình đẳng giới",
        "Rà soát danh mục dự án đầu tư công năm 2020",
    ]
    assert [str(d.carrier.value.number) if d.carrier else None for d in b.directives] == [
        "2210/UBND-NN",
        "188/KH-UBND",
        None,
    ]
    assert [[a.name for a in d.addressees] for d in b.directives] == [
        ["Sở Nông nghiệp và PTNT"],
        ["Sở Lao động - Thương binh và Xã hội"],
        ["Sở Kế hoạch và Đầu tư"],
    ]
    assert b.directives[1].tasks[0].deadlines[0].last_day == dt.date(2019, 12, 24)
    assert b.directives[2].tasks[0].deadlines[0].last_day == dt.date(2019, 12, 31)


OFFICIAL_LETTER = "".join(
    (
        "BỘ Y TẾ\n",
        "-------\n",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n",
        "Độc lập - Tự do - Hạnh phúc\n",
        "---------------\n",
        "Số: 1520/BYT-DP\n",
        "V/v tăng cường phòng, chống dịch sốt xuất huyết\n",
        "Hà Nội, ngày 18 tháng 7 năm 2022\n",
        "Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.\n",
        (
            "Thực hiện Chỉ thị số 16/CT-TTg ngày 31/3/2022 của Thủ tướng Chính phủ, Bộ Y tế đề nghị Ủy "
            "ban nhân dân các tỉnh, thành phố chỉ đạo các đơn vị y tế tổ chức chiến dịch diệt lăng "
            "quăng, báo cáo kết quả về Bộ Y tế (Cục Y tế dự phòng) trước ngày 15/8/2022.\n"
        ),
        "Trân trọng./.\n",
        "Nơi nhận:\n",
        "- Như trên;\n",
        "- Lưu: VT, DP.\n",
        "KT. BỘ TRƯỞNG\n",
        "THỨ TRƯỞNG\n",
        "Lê Văn Bình\n",
    )
)


def test_official_letter() -> None:
    d = extract(OFFICIAL_LETTER)
    assert isinstance(d, Document)
    assert d.type_name == "Công văn"
    assert d.title is not None
    assert d.title.text.startswith("V/v tăng cường")
    assert d.issuer is not None
    assert d.issuer.text == "BỘ Y TẾ"
    assert d.issued_on is not None
    assert d.issued_on.iso() == "2022-07-18"
    (task,) = d.tasks
    assert task.kind is TaskKind.PROPOSE
    assert [a.name for a in task.assignees] == ["Ủy ban nhân dân các tỉnh, thành phố"]
    assert task.deadlines[0].last_day == dt.date(2022, 8, 14)
    assert [a.text for a in d.addressees] == ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"]
    assert [r.text for r in d.recipients][:1] == ["Như trên"]
    assert d.signer is not None
    assert d.signer.name is not None
    assert d.signer.name.text == "Lê Văn Bình"


PLAN = "".join(
    (
        "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n",
        "TỈNH HÒA AN | Độc lập - Tự do - Hạnh phúc |\n",
        "Số: 77/KH-UBND | Hòa An, ngày 02 tháng 3 năm 2021 |\n",
        "KẾ HOẠCH\n",
        "Thực hiện chuyển đổi số tỉnh Hòa An năm 2021\n",
        (
            "Căn cứ Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ phê duyệt Chương "
            "trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030;\n"
        ),
        "I. MỤC TIÊU\n",
        "1. Mục tiêu chung: đến năm 2025 hoàn thành chính quyền số.\n",
        "II. NHIỆM VỤ\n",
        (
            "1. Sở Thông tin và Truyền thông chủ trì xây dựng nền tảng tích hợp, chia sẻ dữ liệu, hoàn "
            "thành trong quý III/2021.\n"
        ),
        "2. Các sở, ban, ngành có trách nhiệm số hóa hồ sơ thủ tục hành chính, hoàn thành trước ngày 31/12/2021.\n",
    )
)


def test_plan_with_table_header_and_points() -> None:
    d = parse_document(PLAN)
    assert d.type_name == "Kế hoạch"
    assert d.issuer is not None
    assert d.issuer.text == "ỦY BAN NHÂN DÂN TỈNH HÒA AN"
    assert d.title is not None
    assert d.title.text == "Thực hiện chuyển đổi số tỉnh Hòa An năm 2021"
    assert [str(r.value.number) for r in d.basis] == ["749/QĐ-TTg"]
    assert [(t.label, [a.name for a in t.assignees]) for t in d.tasks] == [
        ("1", ["Sở Thông tin và Truyền thông"]),
        ("2", ["Các sở, ban, ngành"]),
    ]
    assert d.tasks[0].deadlines[0].last_day == dt.date(2021, 9, 30)
    assert {t.kind for t in d.targets} >= {TargetKind.BY, TargetKind.VISION}


#: A preamble as a PDF gives it: every clause broken at the page width, issuers across lines.
BROKEN_PREAMBLE = (
    "BỘ CÔNG AN\nSố: 15/2025/TT-BCA\nHà Nội, ngày 10 tháng 3 năm 2025\n\nTHÔNG TƯ\n"
    "Quy định về quản lý con dấu\n\n"
    "Căn cứ Luật Xử lý vi phạm hành chính số\n15/2012/QH13 được sửa đổi, bổ sung bởi Luật số 67/2020/QH14 và Luật số\n"
    "88/2025/QH15;\n"
    "Căn cứ Thông tư số 01/2021/TT-BTC ngày 07 tháng 01 năm 2021 của Bộ trưởng\nBộ Tài chính hướng dẫn "
    "quản lý kinh phí;\n"
    "Theo đề nghị của Cục trưởng Cục Cảnh sát quản lý hành chính về trật tự xã hội;\n"
    "Bộ trưởng Bộ Công an ban hành Thông tư quy định về quản lý con dấu.\n\n"
    "Điều 1. Công an các tỉnh triển khai thực hiện Thông tư này; căn cứ Nghị định số 99/2016/NĐ-CP báo cáo.\n"
)


def test_basis_clauses_broken_over_lines_keep_every_basis() -> None:
    d = parse_document(BROKEN_PREAMBLE)
    assert [str(r.value.number) for r in d.basis] == ["15/2012/QH13", "67/2020/QH14", "88/2025/QH15", "01/2021/TT-BTC"]
    assert d.basis[3].value.issuer == "Bộ trưởng Bộ Tài chính"
    assert len(d.basis_clauses) == 2


# --------------------------------------------------------------------------- the dev corpus (other provinces)


@pytest.mark.skipif(not DEV.exists(), reason="the shared corpus (../shared) is not available")
def test_dev_corpus_structure() -> None:
    rows = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    documents = 0
    for row in rows:
        result = extract(row["text"])
        if isinstance(result, Document):
            documents += 1
        for directive in result.directives:
            for r in directive.references:
                assert normalize(_clean(_at(row["text"], r.span))).text == r.text
    assert documents >= 15
    by_id = {row["id"]: row["text"] for row in rows}
    if "d0016" in by_id:
        d = parse_document(by_id["d0016"])
        assert str(d.number) == "232/QĐ-UBND"
        assert d.type_name == "Quyết định"
        assert [str(r.value.number) for r in d.basis] == ["61/2018/NĐ-CP", "01/2018/TT-VPCP", "61/2018/NĐ-CP"]


# --------------------------------------------------------------------------- robustness


@pytest.mark.parametrize(
    "junk",
    ["", " ", "\n\n\n", "<", "<p>", "Điều 1.", "Số:", "Nơi nhận:", "KT. ", "Yêu cầu", "|||", "\x00\ufeff", "1. 2. 3."],
)
def test_odd_text_never_raises(junk: str) -> None:
    for parser in (parse_bulletin, parse_document, extract):
        result = parser(junk)
        assert result.span == Span(start=0, end=len(junk))


def test_not_a_str_is_a_typed_error() -> None:
    from vngovdirectives.errors import InputTypeError

    with pytest.raises(InputTypeError, match="read a str or SourceText, not bytes"):
        extract(b"bytes")  # type: ignore[arg-type]
    assert issubclass(InputTypeError, VnGovDirectivesError)
    assert issubclass(InputTypeError, TypeError)


def test_span_rejects_reversed_bounds() -> None:
    with pytest.raises(ExtractError, match="start <= end"):
        Span(start=5, end=2)
    with pytest.raises(ExtractError):
        Span(start=-1, end=2)


@pytest.mark.parametrize(
    "unit",
    [
        "Yêu cầu các sở, " * 400,
        "Điều 1. " * 2000,
        "a" * 40_000,
        "Sở " * 8000,
        "Đó là chỉ đạo của " * 2000,
        "1. Tăng cường\n" * 2000,
        "<p>" * 8000,
        "KT. CHỦ TỊCH\n" * 2000,
        "A" * 40_000,
        "Số: 12/QĐ-UBND\nHÀ NỘI" + "I" * 40_000,
        "Căn cứ Quyết định số 1/QĐ-UBND;\n" * 1000,
        "- Ủy ban bầu cử ở tỉnh, " * 2000,
    ],
)
def test_adversarial_input_is_linear(unit: str) -> None:
    assert scales_linearly(lambda n: extract(unit * n), 1)


# --------------------------------------------------------------------------- serialisation


def _converter() -> JsonConverter:
    return make_converter()


def _structure(conv: JsonConverter, data: object) -> object:
    """Structure a tagged ``Bulletin | Document`` (cattrs' stubs accept only classes)."""
    union: Any = Bulletin | Document
    result: object = conv.structure(data, union)
    return result


def test_langson_round_trips_through_json(langson: str) -> None:
    conv = _converter()
    b = parse_bulletin(langson)
    data = json.loads(json.dumps(conv.unstructure(b, unstructure_as=Bulletin | Document)))
    assert data["kind"] == "bulletin"
    assert _structure(conv, data) == b


@settings(max_examples=40)
@given(bulletins())
def test_bulletins_round_trip(b: Bulletin) -> None:
    conv = _converter()
    assert conv.structure(json.loads(json.dumps(conv.unstructure(b))), Bulletin) == b


@settings(max_examples=40)
@given(documents())
def test_documents_round_trip(d: Document) -> None:
    conv = _converter()
    data = json.loads(json.dumps(conv.unstructure(d, unstructure_as=Bulletin | Document)))
    assert data["kind"] == "document"
    assert _structure(conv, data) == d


# --------------------------------------------------------------------------- timing


LETTER_WITH_POINTS = "".join(
    (
        "BỘ NỘI VỤ\n",
        "Số: 2301/BNV-CCVC\n",
        "V/v báo cáo kết quả tuyển dụng công chức năm 2023\n",
        "Hà Nội, ngày 09 tháng 5 năm 2023\n",
        "Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.\n",
        "Để tổng hợp báo cáo Chính phủ, Bộ Nội vụ đề nghị thực hiện các nội dung sau:\n",
        "1. Rà soát số lượng công chức được tuyển dụng trong năm 2023.\n",
        "2. Gửi báo cáo về Bộ Nội vụ trước ngày 30/6/2023.\n",
        "- Ban hành kèm theo báo cáo danh sách chi tiết.\n",
        "Nơi nhận:\n",
        "- Như trên;\n",
        "- Lưu: VT, CCVC.\n",
    )
)


def test_points_of_a_letter_go_to_its_addressees() -> None:
    d = parse_document(LETTER_WITH_POINTS)
    assert d.type_name == "Công văn"
    assert [t.label for t in d.tasks] == ["1", "2"]
    for t in d.tasks:
        assert [a.name for a in t.assignees] == ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"]
        assert _at(LETTER_WITH_POINTS, t.assignees[0].span) == t.assignees[0].name
    assert d.tasks[1].deadlines[0].last_day == dt.date(2023, 6, 29)
    assert [a.text for a in d.addressees] == ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"]
    assert [r.text for r in d.recipients] == ["Như trên", "Lưu: VT, CCVC"]


def test_common_words_are_not_bodies() -> None:
    b = parse_bulletin(
        "Hỗ trợ người dân bị ảnh hưởng bởi bão số 3\n\n"
        "Tại Công văn số 880/UBND-TH ngày 12/9/2024, UBND tỉnh giao Sở Tài chính chủ trì. "
        "Ban hành hướng dẫn chi hỗ trợ trước ngày 20/9/2024. "
        "Báo cáo kết quả thực hiện về UBND tỉnh. "
        "Phòng, chống dịch bệnh sau bão.\n"
    )
    (d,) = b.directives
    assert [a.name for t in d.tasks for a in t.assignees] == ["Sở Tài chính"]
    (task,) = d.tasks
    assert [x.text for x in task.deadlines] == ["trước ngày 20/9/2024"]


def test_page_furniture_is_not_a_directive() -> None:
    b = parse_bulletin(
        "Chỉ đạo, điều hành của UBND tỉnh trong tuần\n\n"
        "Ảnh minh họa\n\n"
        "Lãnh đạo tỉnh kiểm tra công tác phòng, chống dịch tại các huyện trong tuần qua, ghi nhận nhiều kết quả.\n\n"
        "Tổ chức Tháng hành động vì an toàn thực phẩm\n\n"
        "UBND tỉnh ban hành Kế hoạch số 41/KH-UBND ngày 02/4/2024. Giao Sở Y tế chủ trì thực hiện.\n"
    )
    assert [d.title for d in b.directives] == ["Tổ chức Tháng hành động vì an toàn thực phẩm"]
    assert b.directives[0].issuer is not None
    assert b.directives[0].issuer.text == "UBND tỉnh"


def test_bullet_sentences_and_adverbials() -> None:
    b = parse_bulletin(
        "Chuẩn bị bầu cử\n\n"
        "Đó là chỉ đạo của UBND tỉnh tại Công văn số 77/UBND-NC ngày 01/3/2021.\n"
        "- Ủy ban bầu cử ở huyện, trên cơ sở đề nghị của UBND cùng cấp, hoàn thành việc công bố danh sách "
        "chậm nhất là ngày 14/3/2021.\n"
        "- Các cơ quan, tổ chức ở địa phương tiếp tục rà soát hồ sơ.\n"
    )
    (d,) = b.directives
    assert [[a.name for a in t.assignees] for t in d.tasks] == [
        ["Ủy ban bầu cử ở huyện"],
        ["Các cơ quan, tổ chức ở địa phương"],
    ]
    assert d.tasks[0].deadlines[0].last_day == dt.date(2021, 3, 14)


@pytest.mark.parametrize("variant", ["crlf", "nfd", "nbsp"])
def test_encodings_and_line_ends_give_the_same_structure(variant: str) -> None:
    import unicodedata

    plain = (EXAMPLES / "bulletin-weekly.txt").read_text(encoding="utf-8")
    if variant == "crlf":
        source = plain.replace("\n", "\r\n")
    elif variant == "nfd":
        source = unicodedata.normalize("NFD", plain)
    else:
        source = plain.replace("Công văn số", "Công văn\xa0số")
    expected = parse_bulletin(plain)
    got = parse_bulletin(source)
    assert [d.title for d in got.directives] == [d.title for d in expected.directives]
    assert [[a.name for a in d.addressees] for d in got.directives] == [
        [a.name for a in d.addressees] for d in expected.directives
    ]
    for d in got.directives:
        for t in d.tasks:
            for dl in t.deadlines:
                assert normalize(_clean(_at(source, dl.span))).text == dl.text
        assert d.carrier is not None
        assert normalize(_clean(_at(source, d.carrier.span))).text == d.carrier.text


DAILY = "".join(
    (
        "Thông tin chỉ đạo, điều hành ngày 15/4/2019\n",
        (
            "Ngày 15/4/2019, UBND tỉnh ban hành Công văn số 455/UBND-KT yêu cầu các sở, ngành rà soát "
            "các dự án chậm tiến độ, báo cáo trước ngày 30/4/2019.\n"
        ),
        (
            "Cùng ngày, Chủ tịch UBND tỉnh ký Quyết định số 870/QĐ-UBND phê duyệt Đề án phát triển nhà ở "
            "xã hội; giao Sở Xây dựng chủ trì tổ chức thực hiện.\n"
        ),
        "Các đơn vị thực hiện nghiêm túc.\n",
    )
)


def test_paragraph_bulletin_without_headings() -> None:
    b = parse_bulletin(DAILY)
    assert [str(d.carrier.value.number) if d.carrier else None for d in b.directives] == [
        "455/UBND-KT",
        "870/QĐ-UBND",
    ]
    assert [d.issuer.text if d.issuer else None for d in b.directives] == ["UBND tỉnh", "Chủ tịch UBND tỉnh"]
    assert [[a.name for a in d.addressees] for d in b.directives] == [["các sở, ngành"], ["Sở Xây dựng", "Các đơn vị"]]
    assert b.directives[0].tasks[0].deadlines[0].last_day == dt.date(2019, 4, 29)
    assert b.directives[1].tasks[0].kind is TaskKind.ASSIGN


_PIECES = st.sampled_from(
    [
        "Yêu cầu ",
        "Sở Y tế ",
        "UBND các huyện, thành phố ",
        "chủ trì, phối hợp với ",
        "Công văn số 39/CV-BCĐ ngày 29/3/2019",
        "trước ngày 15/4/2019",
        "Điều 1. ",
        "1. ",
        "a) ",
        "Nơi nhận:\n- ",
        "KT. CHỦ TỊCH\n",
        "Số: 7/KH-UBND\n",
        "Hà Nội, ngày 05 tháng 3 năm 2024\n",
        "QUYẾT ĐỊNH\n",
        "Căn cứ ",
        "Đó là chỉ đạo của đồng chí Lê Văn A, Phó Chủ tịch UBND tỉnh tại ",
        "<p>",
        "</td><td>",
        "&nbsp;",
        ". ",
        "\n",
        "\n\n",
        "; ",
        "đến năm 2025",
    ]
)


@settings(max_examples=150)
@given(st.lists(_PIECES | st.text(max_size=8), max_size=40).map("".join), st.sampled_from([None, True, False]))
def test_any_text_reads_without_error_and_spans_stay_inside(text: str, html: bool | None) -> None:
    result = extract(text, html=html)
    n = len(text)
    for d in result.directives:
        assert 0 <= d.span.start <= d.span.end <= n
        for t in d.tasks:
            assert 0 <= t.span.start <= t.span.end <= n
            for a in t.assignees:
                assert 0 <= a.span.start <= a.span.end <= n
            for dl in t.deadlines:
                assert 0 <= dl.span.start <= dl.span.end <= n
        for r in d.references:
            assert 0 <= r.span.start <= r.span.end <= n


def test_a_clause_after_a_semicolon_that_names_its_own_body_is_its_own_task() -> None:
    text = (
        "CHỈ ĐẠO, ĐIỀU HÀNH CỦA UBND TỈNH TUẦN TỪ NGÀY 04/3 ĐẾN NGÀY 10/3/2024\n\n"
        "1. Đẩy nhanh giải ngân vốn đầu tư công\n"
        "Tại Công văn số 731/UBND-KT ngày 05/3/2024, UBND tỉnh đề nghị các chủ đầu tư giải ngân 30% kế hoạch "
        "vốn trong quý II/2024; Sở Tài chính có trách nhiệm tổng hợp, báo cáo chậm nhất vào ngày 05/4/2024.\n"
    )
    (directive,) = extract(text).directives
    assert [[a.name for a in t.assignees] for t in directive.tasks] == [["các chủ đầu tư"], ["Sở Tài chính"]]
    assert [[d.text for d in t.deadlines] for t in directive.tasks] == [
        ["trong quý II/2024"],
        ["chậm nhất vào ngày 05/4/2024"],
    ]


def test_a_lower_case_clause_after_a_semicolon_goes_on_with_its_task() -> None:
    text = (
        "CHỈ ĐẠO, ĐIỀU HÀNH CỦA UBND TỈNH TUẦN TỪ NGÀY 04/3 ĐẾN NGÀY 10/3/2024\n\n"
        "1. Đẩy nhanh giải ngân vốn đầu tư công\n"
        "Tại Công văn số 731/UBND-KT ngày 05/3/2024, UBND tỉnh chỉ đạo Sở Tài chính tăng cường quản lý thu; "
        "chỉ đạo các ngành kiểm tra, xử lý nghiêm các trường hợp vi phạm; đẩy nhanh tiến độ giải ngân; chỉ đạo "
        "kiểm tra và bổ sung danh mục thủ tục hành chính.\n"
    )
    (directive,) = extract(text).directives
    (task,) = directive.tasks  # "; đẩy nhanh …", "; đôn đốc …" open no task of their own
    assert [a.name for a in task.assignees] == ["Sở Tài chính"]


def test_a_reference_closing_an_items_order_carries_it() -> None:
    text = (
        "CHỈ ĐẠO, ĐIỀU HÀNH NỔI BẬT CỦA UBND TỈNH TRONG TUẦN (Từ ngày 06/01 đến ngày 12/01/2025)\n\n"
        "3. Chuẩn bị Tết Nguyên đán Ất Tỵ 2025\n"
        "Chủ tịch UBND tỉnh yêu cầu Sở Công Thương bảo đảm cung ứng hàng hóa thiết yếu; Công an tỉnh bảo đảm "
        "an ninh trật tự (Công văn số 60/UBND-KT ngày 10/01/2025).\n"
    )
    (directive,) = extract(text).directives
    assert [c.text for c in directive.carriers] == ["Công văn số 60/UBND-KT ngày 10/01/2025"]
    assert [[a.name for a in t.assignees] for t in directive.tasks] == [["Sở Công Thương"], ["Công an tỉnh"]]


def test_an_article_label_at_the_very_end_of_the_text() -> None:
    # The body of "Điều 1." is looked for a few characters past the label: never past the text.
    assert extract("Số: 7/KH-UBND\nĐiều 1. ").kind == "document"


# --------------------------------------------------------------------------- white space of long pieces

#: Every white-space character (``str.isspace``; none lies above U+3000).
_WHITE = [c for c in map(chr, range(0x3001)) if c.isspace()]
_WORDS = st.sampled_from(["Sở", "Tài", "chính", "a", "1.", "*"])
#: A long middle (a long piece is cleaned line by line when it holds only spaces and line breaks).
_MIDDLE = "Sở  Tài chính\n \n" * 200


def _long(parts: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    ends = st.lists(parts, max_size=60).map("".join)
    return st.tuples(ends, ends).map(lambda ab: ab[0] + _MIDDLE + ab[1])


@given(_long(_WORDS | st.sampled_from([" ", "  ", "\n", " \n ", "\n\n"])))
def test_clean_of_a_long_piece_of_spaces_and_line_breaks_is_split_and_join(piece: str) -> None:
    assert clean(piece) == " ".join(piece.split())


@given(_long(_WORDS | st.sampled_from([" ", "\n", *_WHITE])))
def test_clean_of_a_long_piece_of_any_white_space_is_split_and_join(piece: str) -> None:
    assert clean(piece) == " ".join(piece.split())


@pytest.mark.parametrize("space", [c for c in _WHITE if c not in " \n"])
def test_clean_collapses_every_white_space(space: str) -> None:
    piece = _MIDDLE + space + "x"
    assert clean(piece) == " ".join(piece.split())
