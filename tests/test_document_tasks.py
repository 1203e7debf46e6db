"""Tasks of documents in every common shape (issue 12): who must do what, with what role, by when.

The texts are written for these tests in the style of real documents (points headed by a body, "Giao X
chủ trì, phối hợp với Y", an article that lists who carries the decision out, a plan's field lines and
task tables, rules attached after the signature); none is copied from one.
"""

from __future__ import annotations

import datetime as dt
import html as html_lib

import pytest

from vngovdirectives.deadlines import Frequency, Recurring, Within
from vngovdirectives.directives import AssigneeRole, Bulletin, Document, Task, extract

_HEAD = (
    "ỦY BAN NHÂN DÂN\nTỈNH HÒA AN\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "---------------\n"
)
_END = "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLê Văn Nam\n"

L, S, R = AssigneeRole.LEAD, AssigneeRole.SUPPORT, AssigneeRole.RESPONSIBLE


def _tasks(body: str, kind: str = "KẾ HOẠCH\nTriển khai chuyển đổi số năm 2026\n") -> tuple[Task, ...]:
    d = extract(f"{_HEAD}Số: 145/KH-UBND\nHòa An, ngày 12 tháng 3 năm 2026\n{kind}{body}{_END}")
    assert isinstance(d, Document)
    return d.tasks


def _who(t: Task) -> list[tuple[str, AssigneeRole]]:
    return [(a.name, a.role) for a in t.assignees]


def test_giao_x_chu_tri_phoi_hop_voi_y_makes_x_lead_and_y_support() -> None:
    (t,) = _tasks(
        "1. Giao Sở Tài chính chủ trì, phối hợp với Sở Xây dựng và các cơ quan liên quan rà soát danh mục dự án,\n"
        "báo cáo Ủy ban nhân dân tỉnh trước ngày 30/6/2026.\n"
    )
    assert t.label == "1"
    assert _who(t) == [("Sở Tài chính", L), ("Sở Xây dựng", S), ("các cơ quan liên quan", S)]
    # "báo cáo Ủy ban nhân dân tỉnh": a body that receives a report is not an assignee
    assert [d.last_day for d in t.deadlines] == [dt.date(2026, 6, 29)]


def test_points_headed_by_a_body_hand_it_to_their_impersonal_bullets() -> None:
    tasks = _tasks(
        "III. TỔ CHỨC THỰC HIỆN\n"
        "1. Công an tỉnh\n"
        "- Chủ trì, phối hợp với các cơ quan, đơn vị có liên quan tham mưu triển khai Kế hoạch.\n"
        "- Tăng cường kiểm tra công tác bảo vệ bí mật nhà nước.\n"
        "- Phối hợp kiểm định thiết bị, phương tiện điện tử.\n"
        "2. Sở Tư pháp: hướng dẫn các địa phương, hoàn thành rà soát văn bản trong tháng 9/2026.\n"
    )
    assert [_who(t) for t in tasks] == [
        [("Công an tỉnh", L), ("các cơ quan, đơn vị có liên quan", S)],
        [("Công an tỉnh", R)],
        [("Công an tỉnh", S)],
        [("Sở Tư pháp", R)],
    ]
    within = tasks[-1].deadlines[0].value
    assert isinstance(within, Within)
    assert tasks[-1].deadlines[0].last_day == dt.date(2026, 9, 30)


def test_a_heading_that_orders_with_a_colon_hands_its_roles_to_its_points() -> None:
    tasks = _tasks(
        "1. Sở Nông nghiệp và Môi trường chủ trì, phối hợp với các sở, ngành và các địa phương:\n"
        "a) Rà soát các công trình thủy lợi xung yếu.\n"
        "b) Chỉ đạo các đơn vị quản lý đê điều trực 24/24 giờ.\n"
    )
    assert [t.label for t in tasks] == ["a", "b"]  # the heading is not a task of its own
    assert _who(tasks[0]) == [("Sở Nông nghiệp và Môi trường", L), ("các sở, ngành", S), ("các địa phương", S)]
    assert ("các đơn vị quản lý đê điều", R) in _who(tasks[1])  # bodies directed by "Chỉ đạo X …" act too


def test_the_article_that_lists_who_carries_the_decision_out() -> None:
    (t,) = _tasks(
        "Căn cứ Luật Tổ chức chính quyền địa phương;\nQUYẾT ĐỊNH:\n"
        "Điều 1. Phê duyệt Đề án phát triển du lịch.\n"
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n"
        "Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc các Sở: Tài chính, Nông nghiệp và Môi trường,\n"
        "Văn hóa, Thể thao và Du lịch; Chủ tịch Ủy ban nhân dân các xã, phường và tổ chức, cá nhân có liên quan\n"
        "chịu trách nhiệm thi hành Quyết định này./.\n",
        kind="QUYẾT ĐỊNH\nPhê duyệt Đề án phát triển du lịch\n",
    )
    assert t.label == "Điều 3"
    assert [a.name for a in t.assignees] == [
        "Chánh Văn phòng Ủy ban nhân dân tỉnh",
        "Giám đốc Sở Tài chính",
        "Giám đốc Sở Nông nghiệp và Môi trường",
        "Giám đốc Sở Văn hóa, Thể thao và Du lịch",
        "Chủ tịch Ủy ban nhân dân các xã, phường",
        "tổ chức, cá nhân có liên quan",
    ]
    assert t.deadlines == ()  # the effective date is not a time limit of the task


def test_x_co_trach_nhiem_and_a_report_to_another_body() -> None:
    (t,) = _tasks("2. Các sở, ngành có trách nhiệm số hóa hồ sơ, gửi kết quả về Sở Khoa học và Công nghệ.\n")
    assert _who(t) == [("Các sở, ngành", R)]  # Sở Khoa học và Công nghệ only receives


def test_a_working_group_is_a_body() -> None:
    (t,) = _tasks(
        "Điều 2. Tổ công tác có nhiệm vụ tham mưu, báo cáo UBND tỉnh trước ngày 30/6/2026.\n",
        kind="QUYẾT ĐỊNH\nVề việc thành lập Tổ công tác\nQUYẾT ĐỊNH:\nĐiều 1. Thành lập Tổ công tác.\n",
    )
    assert _who(t) == [("Tổ công tác", R)]
    assert [d.text for d in t.deadlines] == ["trước ngày 30/6/2026"]


def test_a_circumstance_before_the_body_of_a_bullet() -> None:
    (t,) = _tasks(
        "II. TỔ CHỨC THỰC HIỆN\n- Trên cơ sở kết quả khảo sát, Sở Xây dựng chủ trì, phối hợp Trung tâm Chuyển đổi số "
        "xây dựng phương án phần mềm dùng chung, hoàn thành trong tháng 12 năm 2026.\n"
    )
    assert _who(t) == [("Sở Xây dựng", L), ("Trung tâm Chuyển đổi số", S)]
    assert [d.text for d in t.deadlines] == ["trong tháng 12 năm 2026"]


def test_a_time_line_after_a_task_gives_it_its_limit() -> None:
    t = _tasks(
        "II. TỔ CHỨC THỰC HIỆN\n1. Giao Ủy ban nhân dân các xã, phường:\n"
        "- Tổ chức rà soát, cập nhật và làm sạch dữ liệu số nhà đã cấp trên địa bàn.\n"
        "Thời gian hoàn thành trước ngày 31 tháng 12 năm 2026.\n"
    )[-1]
    assert _who(t) == [("Ủy ban nhân dân các xã, phường", R)]
    assert t.action.text.startswith("Tổ chức rà soát")
    assert [d.text for d in t.deadlines] == ["trước ngày 31 tháng 12 năm 2026"]


def test_ministries_sectors_and_localities_without_a_determiner_are_bodies() -> None:
    (t,) = _tasks(
        "Để việc đề xuất biên chế được triển khai thống nhất, đề nghị bộ, ngành, địa phương khẩn trương tổng hợp "
        "và gửi về Sở Nội vụ trước ngày 26/11/2026.\n",
        kind="CÔNG VĂN\nV/v đề xuất biên chế\nKính gửi: Các sở, ngành.\n",
    )
    assert [a.name for a in t.assignees] == ["bộ, ngành, địa phương"]
    assert [d.text for d in t.deadlines] == ["trước ngày 26/11/2026"]


def test_a_plans_field_lines_give_the_bullets_before_them_their_bodies_and_time() -> None:
    tasks = _tasks(
        "1. Nâng cao năng lực đội ngũ\n"
        "- Tổ chức tập huấn kỹ năng số cho cán bộ, công chức.\n"
        "- Biên soạn tài liệu hướng dẫn.\n"
        "*Đơn vị chủ trì: *Sở Nội vụ.\n"
        "*Đơn vị phối hợp: *Sở Khoa học và Công nghệ; các cơ quan, đơn vị liên quan.\n"
        "*Thời gian thực hiện: *Tháng 12/2026.\n"
        "- Đề nghị Ủy ban Mặt trận Tổ quốc tỉnh tuyên truyền Kế hoạch.\n"
    )
    assert [_who(t) for t in tasks] == [
        [("Sở Nội vụ", L), ("Sở Khoa học và Công nghệ", S), ("các cơ quan, đơn vị liên quan", S)],
        [("Ủy ban Mặt trận Tổ quốc tỉnh", R)],
    ]
    assert tasks[0].text.startswith("- Tổ chức tập huấn")  # the two bullets are one task
    assert [d.last_day for d in tasks[0].deadlines] == [dt.date(2026, 12, 31)]


TABLE = (
    "II. NHIỆM VỤ\n"
    "| TT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |\n"
    "| 1 | Xây dựng kho dữ liệu dùng chung | Sở Khoa học và Công nghệ | Sở Tài chính; các sở, ngành | Quý II/2026 |\n"
    "| 2 | Số hóa hồ sơ thủ tục hành chính | Văn phòng UBND tỉnh | UBND các xã, phường | 30/9/2026 |\n"
)


def _table_tasks(tasks: tuple[Task, ...]) -> list[tuple[str | None, list[tuple[str, AssigneeRole]], dt.date | None]]:
    return [(t.label, _who(t), t.deadlines[0].last_day if t.deadlines else None) for t in tasks]


EXPECTED_TABLE = [
    ("1", [("Sở Khoa học và Công nghệ", L), ("Sở Tài chính", S), ("các sở, ngành", S)], dt.date(2026, 6, 30)),
    ("2", [("Văn phòng UBND tỉnh", L), ("UBND các xã, phường", S)], dt.date(2026, 9, 30)),
]


def test_a_task_table_as_text_rows() -> None:
    tasks = _tasks(TABLE)
    assert _table_tasks(tasks) == EXPECTED_TABLE
    assert [t.text for t in tasks] == ["Xây dựng kho dữ liệu dùng chung", "Số hóa hồ sơ thủ tục hành chính"]


def test_a_task_table_in_an_html_page() -> None:
    rows = [line.strip().strip("|").split("|") for line in TABLE.splitlines()[1:]]
    cells = "".join(
        "<tr>" + "".join(f"<td><p>{html_lib.escape(c.strip())}</p></td>" for c in row) + "</tr>" for row in rows
    )
    page = (
        "<html><body>"
        + "".join(f"<p>{html_lib.escape(line)}</p>" for line in (_HEAD + "Số: 145/KH-UBND\n").splitlines())
        + "<p>Hòa An, ngày 12 tháng 3 năm 2026</p><p>KẾ HOẠCH</p><p>Chuyển đổi số</p><p>II. NHIỆM VỤ</p>"
        + f"<table>{cells}</table>"
        + "".join(f"<p>{html_lib.escape(line)}</p>" for line in _END.splitlines())
        + "</body></html>"
    )
    d = extract(page)
    assert isinstance(d, Document)
    assert _table_tasks(d.tasks) == EXPECTED_TABLE
    first = d.tasks[0].assignees[0]
    assert page[first.span.start : first.span.end] == "Sở Khoa học và Công nghệ"


def test_a_recurring_deadline_is_a_deadline_of_its_task() -> None:
    (t,) = _tasks("3. Các sở, ngành định kỳ báo cáo kết quả thực hiện về Sở Nội vụ trước ngày 15/12 hằng năm.\n")
    value = t.deadlines[0].value
    assert isinstance(value, Recurring)
    assert (value.every, value.day, value.month) == (Frequency.YEAR, 15, 12)


def test_rules_attached_after_the_signature_give_tasks_an_appendix_gives_none() -> None:
    d = extract(
        f"{_HEAD}Số: 20/2026/QĐ-UBND\nHòa An, ngày 2 tháng 4 năm 2026\nQUYẾT ĐỊNH\nBan hành Quy chế quản lý tài sản\n"
        "Căn cứ Luật Quản lý, sử dụng tài sản công;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Quy chế.\n"
        "Điều 2. Giám đốc Sở Tài chính chịu trách nhiệm thi hành Quyết định này./.\n"
        f"{_END}QUY CHẾ\nQUẢN LÝ TÀI SẢN CÔNG\n(Ban hành kèm theo Quyết định số 20/2026/QĐ-UBND)\n"
        "Điều 5. Trách nhiệm của Sở Tài chính\n"
        "Sở Tài chính có trách nhiệm khóa sổ tài sản công trước ngày 28/02 hằng năm.\n"
        "PHỤ LỤC\nMẪU BÁO CÁO\n(Kèm theo Quy chế)\nĐiều 1. Sở Xây dựng chịu trách nhiệm điền mẫu.\n"
    )
    assert isinstance(d, Document)
    assert [(t.label, [a.name for a in t.assignees]) for t in d.tasks] == [
        ("Điều 2", ["Giám đốc Sở Tài chính"]),
        ("Điều 5", ["Sở Tài chính"]),
    ]


@pytest.mark.parametrize(
    "opening",
    [
        "UBND tỉnh ban hành Kế hoạch số 07/KH-UBND ngày 13/01/2026 về phòng, chống dịch bệnh.",
        "Phòng, chống dịch bệnh mùa đông xuân (Kế hoạch số 07/KH-UBND ngày 13/01/2026).",
    ],
)
def test_a_news_item_reads_its_document_its_issuer_and_implicit_subjects(opening: str) -> None:
    b = extract(
        f"{opening}\n\nTheo Kế hoạch, các cấp, các ngành tăng cường giám sát dịch bệnh. "
        "Giao Sở Y tế chủ trì, phối hợp với Sở Tài chính bảo đảm kinh phí trước ngày 28/02/2026.\n\n"
        "Chính phủ vừa ban hành Nghị định số 12/2026/NĐ-CP về quản lý giá.\n"
    )
    assert isinstance(b, Bulletin)
    first, second = b.directives
    assert first.carrier is not None
    assert str(first.carrier.value.number) == "07/KH-UBND"
    assert [[a.name for a in t.assignees] for t in first.tasks][-1] == ["Sở Y tế", "Sở Tài chính"]
    assert second.carrier is not None
    assert str(second.carrier.value.number) == "12/2026/NĐ-CP"
    assert second.issuer is not None
    assert second.issuer.text == "Chính phủ"


# --------------------------------------------------------------------------- the shipped examples

EXAMPLES = __import__("pathlib").Path(__file__).resolve().parent.parent / "examples"


@pytest.mark.parametrize("suffix", ["txt", "html"])
def test_example_plan_with_a_task_table(suffix: str) -> None:
    d = extract((EXAMPLES / f"plan-task-table.{suffix}").read_text(encoding="utf-8"))
    assert isinstance(d, Document)
    assert (d.type_name, str(d.number)) == ("Kế hoạch", "145/KH-UBND")
    assert [(t.label, _who(t)[0]) for t in d.tasks] == [
        ("1", ("Sở Khoa học và Công nghệ", L)),
        ("2", ("Văn phòng UBND tỉnh", L)),
        ("3", ("Sở Khoa học và Công nghệ", L)),
        ("III", ("Sở Khoa học và Công nghệ", R)),
    ]
    assert [t.deadlines[0].last_day for t in d.tasks[:3]] == [
        dt.date(2026, 6, 30),
        dt.date(2026, 9, 29),
        dt.date(2026, 12, 31),
    ]


def test_example_decision_with_attached_rules_and_an_appendix() -> None:
    d = extract((EXAMPLES / "decision-with-appendix.txt").read_text(encoding="utf-8"))
    assert isinstance(d, Document)
    assert d.signer is not None
    assert d.signer.name is not None
    assert d.signer.name.text == "Nguyễn Thị Hồng"  # the block before the attached rules, not after the appendix
    assert d.effective is not None
    assert d.effective.due is not None
    assert d.effective.due.first_day() == dt.date(2026, 4, 1)
    assert [t.label for t in d.tasks] == ["Điều 3", "a", "b", "Điều 9"]  # the appendix gives none
    b = d.tasks[2]
    assert _who(b)[0] == ("Sở Khoa học và Công nghệ", L)
    recurring = b.deadlines[0].value
    assert isinstance(recurring, Recurring)
    assert (recurring.every, recurring.day) == (Frequency.QUARTER, 15)


def test_a_heading_over_points_that_order_nothing_is_the_task() -> None:
    (t,) = _tasks(
        "Điều 2. Giao Sở Tài chính, Sở Xây dựng chủ trì, phối hợp với Văn phòng UBND tỉnh xây dựng quy trình\n"
        "nội bộ giải quyết thủ tục hành chính, cụ thể:\n"
        "- Sở Tài chính đối với thủ tục số 03;\n"
        "- Sở Xây dựng đối với thủ tục số 01.\n",
        kind="QUYẾT ĐỊNH\nCông bố thủ tục hành chính\n",
    )
    assert t.label == "Điều 2"
    assert _who(t) == [("Sở Tài chính", L), ("Sở Xây dựng", L), ("Văn phòng UBND tỉnh", S)]


@pytest.mark.parametrize("verb", ["xem xét, quyết định", "thúc đẩy ứng dụng", "tăng thời lượng tuyên truyền"])
def test_a_body_name_ends_where_its_verb_begins(verb: str) -> None:
    (t,) = _tasks(f"1. Sở Thông tin và Truyền thông {verb} trong năm 2026.\n")
    assert [name for name, _ in _who(t)] == ["Sở Thông tin và Truyền thông"]
