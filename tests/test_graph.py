"""The citation graph of a small corpus written for these tests: nodes, edges, marks, and the files."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import networkx as nx
import pytest

from vngovdirectives import export, extract
from vngovdirectives.cli import main
from vngovdirectives.errors import GraphError
from vngovdirectives.graph import CitationGraph, NodeKind, build_graph
from vngovdirectives.graph.write import node_link, write_graph

OLD_DECISION = (
    "ỦY BAN NHÂN DÂN\nTỈNH HÒA VIỆT\nSố: 05/2019/QĐ-UBND\nHòa Việt, ngày 2 tháng 5 năm 2019\n\n"
    "QUYẾT ĐỊNH\nBan hành quy chế quản lý chợ trên địa bàn tỉnh\n\n"
    "Căn cứ Nghị định số 02/2003/NĐ-CP ngày 14/01/2003 của Chính phủ về phát triển và quản lý chợ;\n"
    "QUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Quy chế quản lý chợ.\n"
    "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n"
)

NEW_DECISION = (
    "ỦY BAN NHÂN DÂN\nTỈNH HÒA VIỆT\nSố: 12/2024/QĐ-UBND\nHòa Việt, ngày 3 tháng 4 năm 2024\n\n"
    "QUYẾT ĐỊNH\nBan hành quy chế phối hợp quản lý chợ\n\n"
    "Căn cứ Nghị định số 60/2024/NĐ-CP ngày 5/6/2024 của Chính phủ về phát triển và quản lý chợ;\n"
    "Theo đề nghị của Giám đốc Sở Công Thương tại Tờ trình số 45/TTr-SCT ngày 20/3/2024.\n\n"
    "QUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp quản lý chợ.\n"
    "Điều 2. Quyết định này có hiệu lực kể từ ngày 15 tháng 4 năm 2024 và thay thế Quyết định số "
    "05/2019/QĐ-UBND ngày 2/5/2019 của UBND tỉnh; bãi bỏ Điều 3 của Quyết định số 21/2020/QĐ-UBND "
    "ngày 6/7/2020 của UBND tỉnh.\n"
    "Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Công Thương chịu trách nhiệm thi hành Quyết định này./.\n"
)

QUESTION = (
    "CÔNG TY CỔ PHẦN MINH PHÁT\nSố: 15/2024/CV-MP\nHòa Việt, ngày 2 tháng 4 năm 2024\n"
    "V/v hỏi về thuế suất\n\nKính gửi: Cục Thuế tỉnh Hòa Việt.\n\n"
    "Công ty đề nghị Cục Thuế hướng dẫn thuế suất áp dụng cho hàng hóa nhập khẩu.\n"
)

ANSWER = (
    "CỤC THUẾ TỈNH HÒA VIỆT\nSố: 902/CTHV-TTHT\nHòa Việt, ngày 10 tháng 4 năm 2024\n"
    "V/v thuế suất thuế giá trị gia tăng\n\nKính gửi: Công ty Cổ phần Minh Phát.\n\n"
    "Cục Thuế tỉnh nhận được Công văn số 15/2024/CV-MP ngày 2/4/2024 của Công ty hỏi về thuế suất. "
    "Về vấn đề này, Cục Thuế có ý kiến như sau: căn cứ Điều 9 Thông tư số 219/2013/TT-BTC, "
    "hàng hóa nêu trên áp dụng thuế suất 10%. Đề nghị Công ty thực hiện theo Nghị định 60.\n"
)

NEWS = (
    "Chính phủ ban hành Nghị định số 60/2024/NĐ-CP ngày 5/6/2024 về phát triển và quản lý chợ.\n\n"
    "Nghị định số 60/2024/NĐ-CP thay thế Nghị định số 02/2003/NĐ-CP và Nghị định số 114/2009/NĐ-CP.\n"
)


@pytest.fixture(scope="module")
def graph() -> CitationGraph:
    texts = {"old.txt": OLD_DECISION, "new.txt": NEW_DECISION, "hoi.txt": QUESTION, "tra-loi.txt": ANSWER}
    texts["tin.txt"] = NEWS
    return build_graph((name, extract(text)) for name, text in texts.items())


def edges(graph: CitationGraph, source: str) -> list[tuple[str, str | None, str | None]]:
    return [(c.relation.value, c.target, c.part) for c in graph.citing(source)]


def test_a_decision_that_replaces_another(graph: CitationGraph) -> None:
    assert edges(graph, "12/2024/QĐ-UBND") == [
        ("basis", "60/2024/NĐ-CP", None),
        ("proposal", "45/TTr-SCT", None),
        ("replaces", "05/2019/QĐ-UBND", None),
        ("repeals", "21/2020/QĐ-UBND", "Điều 3"),
    ]
    old = graph.document("05/2019/QĐ-UBND")
    assert old is not None
    assert (old.replaced_by, old.replaced_on, old.in_force) == ("12/2024/QĐ-UBND", dt.date(2024, 4, 15), False)
    assert old.files == ("old.txt",)
    assert old.title == "Ban hành quy chế quản lý chợ trên địa bàn tỉnh"
    assert old.effective_on == dt.date(2019, 5, 2)  # "kể từ ngày ký", dated by its date line


def test_a_part_repealed_is_an_amendment(graph: CitationGraph) -> None:
    partly = graph.document("21/2020/QĐ-UBND")
    assert partly is not None
    assert (partly.repealed_by, partly.amended_by, partly.in_force) == (None, ("12/2024/QĐ-UBND",), True)
    assert partly.files == ()  # only cited: what the citations say of it
    assert (partly.type_name, partly.issuer, str(partly.issued_on)) == (
        "Quyết định",
        "UBND tỉnh",
        "ngày 06 tháng 7 năm 2020",
    )


def test_a_letter_that_replies_to_another(graph: CitationGraph) -> None:
    assert edges(graph, "902/CTHV-TTHT") == [
        ("reply", "15/2024/CV-MP", None),
        ("cited", "219/2013/TT-BTC", "Điều 9"),  # "…: căn cứ Điều 9 …": the letter's reasoning, no preamble
        ("implements", "60/2024/NĐ-CP", None),  # "Nghị định 60": the one Nghị định 60 of the corpus
    ]
    question = graph.document("15/2024/CV-MP")
    assert question is not None
    assert question.files == ("hoi.txt",)


def test_a_news_page_carries_what_it_reports(graph: CitationGraph) -> None:
    page = graph.document("page:tin.txt")
    assert page is not None
    assert page.kind is NodeKind.PAGE
    assert edges(graph, "page:tin.txt") == [("carrier", "60/2024/NĐ-CP", None), ("carrier", "60/2024/NĐ-CP", None)]
    assert edges(graph, "60/2024/NĐ-CP") == [
        ("replaces", "02/2003/NĐ-CP", None),  # the reported document acts, not the page
        ("replaces", "114/2009/NĐ-CP", None),
    ]
    gone = graph.document("02/2003/NĐ-CP")
    assert gone is not None
    assert (gone.replaced_by, gone.replaced_on) == ("60/2024/NĐ-CP", None)  # no file states when 60 took effect


def test_a_short_reference_is_resolved_only_when_one_document_fits() -> None:
    text = "KẾ HOẠCH\nThực hiện Chỉ thị 16 của Thủ tướng Chính phủ, các sở triển khai Quyết định 7.\n"
    one = "CHỈ THỊ\nSố: 16/CT-TTg\nHà Nội, ngày 31 tháng 3 năm 2020\nVề phòng chống dịch\n"
    two = "QUYẾT ĐỊNH\nSố: 7/QĐ-UBND\nHà Nội, ngày 3 tháng 1 năm 2020\nĐiều 1. Căn cứ Quyết định số 7/QĐ-TTg.\n"
    graph = build_graph([("kh.txt", extract(text)), ("ct.txt", extract(one)), ("qd.txt", extract(two))])
    assert [(c.text, c.relation.value, c.target) for c in graph.citing("page:kh.txt")] == [
        ("Chỉ thị 16 của Thủ tướng Chính phủ", "implements", "16/CT-TTg"),
        ("Quyết định 7", "implements", None),  # two Quyết định 7 in the corpus: left unresolved
    ]


def test_a_reverse_relation_marks_the_document_itself() -> None:
    text = (
        "BỘ Y TẾ\nSố: 08/2019/TT-BYT\nHà Nội, ngày 2 tháng 4 năm 2019\nTHÔNG TƯ\nQuy định về tiêm chủng\n"
        "Tình trạng: Thông tư này đã được thay thế bởi Thông tư số 10/2024/TT-BYT.\n"
        "Điều 5 được sửa đổi, bổ sung bởi Thông tư số 3/2022/TT-BYT.\n"
    )
    graph = build_graph([("tt.txt", extract(text))])
    node = graph.document("08/2019/TT-BYT")
    assert node is not None
    assert (node.replaced_by, node.in_force) == ("10/2024/TT-BYT", False)


def _decision(province: str, number: str, date: str, body: str) -> str:
    d, m, y = date.split("/")
    return (
        f"ỦY BAN NHÂN DÂN\nTỈNH {province.upper()}\nSố: {number}\n{province}, ngày {d} tháng {m} năm {y}\n\n"
        f"QUYẾT ĐỊNH\nVề việc quản lý chợ\n\nQUYẾT ĐỊNH:\nĐiều 1. {body}\n"
    )


def test_documents_that_share_a_number_are_told_apart_by_their_dates() -> None:
    # two provinces each number their decisions from 1 every year
    files = [
        (
            "a.txt",
            _decision(
                "Hòa Việt", "12/2024/QĐ-UBND", "3/4/2024", "Thay thế Quyết định số 5/2019/QĐ-UBND ngày 2/5/2019."
            ),
        ),
        (
            "b.txt",
            _decision("Sơn Lâm", "12/2024/QĐ-UBND", "9/8/2024", "Bãi bỏ Quyết định số 5/2019/QĐ-UBND ngày 6/6/2019."),
        ),
        (
            "c.txt",
            _decision("Sơn Lâm", "20/2024/QĐ-UBND", "1/9/2024", "Căn cứ Quyết định số 12/2024/QĐ-UBND ngày 9/8/2024;"),
        ),
        ("d.txt", _decision("Hòa Việt", "21/2024/QĐ-UBND", "2/9/2024", "Thực hiện Quyết định số 12/2024/QĐ-UBND.")),
    ]
    graph = build_graph((name, extract(text)) for name, text in files)
    hoa_viet, son_lam = graph.document("12/2024/QĐ-UBND@2024-04-03"), graph.document("12/2024/QĐ-UBND@2024-08-09")
    assert hoa_viet is not None
    assert son_lam is not None
    assert (hoa_viet.files, son_lam.files, hoa_viet.number) == (("a.txt",), ("b.txt",), "12/2024/QĐ-UBND")
    old_hv, old_sl = graph.document("05/2019/QĐ-UBND@2019-05-02"), graph.document("05/2019/QĐ-UBND@2019-06-06")
    assert old_hv is not None
    assert old_sl is not None
    assert (old_hv.replaced_by, old_hv.repealed_by) == ("12/2024/QĐ-UBND@2024-04-03", None)
    assert (old_sl.replaced_by, old_sl.repealed_by) == (None, "12/2024/QĐ-UBND@2024-08-09")
    assert [c.target for c in graph.citing("20/2024/QĐ-UBND")] == ["12/2024/QĐ-UBND@2024-08-09"]
    assert [c.target for c in graph.citing("21/2024/QĐ-UBND")] == ["12/2024/QĐ-UBND"]  # no date: which one?


def test_a_national_number_with_a_year_is_one_document_whatever_its_citations_date() -> None:
    # a Government decree number is unique; a Prime Minister's decision without a year comes back every year
    a = "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 5/3/2020; thực hiện Quyết định số 496/QĐ-TTg ngày 30/3/2021."
    b = "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 6/3/2020; theo Quyết định số 496/QĐ-TTg ngày 25/4/2007."
    graph = build_graph([("a.txt", extract(a)), ("b.txt", extract(b))])
    keys = {d.key for d in graph.documents if d.kind is NodeKind.DOCUMENT}
    assert keys == {"30/2020/NĐ-CP", "496/QĐ-TTg@2021", "496/QĐ-TTg@2007"}


def test_several_documents_in_one_file() -> None:
    gazette = NEW_DECISION + "\n\nCÔNG BÁO\n\n" + OLD_DECISION.replace("Quyết định này có hiệu lực", "Có hiệu lực")
    graph = build_graph([("cong-bao.txt", extract(gazette))])
    assert [c.target for c in graph.citing("05/2019/QĐ-UBND")] == ["02/2003/NĐ-CP"]
    assert "02/2003/NĐ-CP" not in [c.target for c in graph.citing("12/2024/QĐ-UBND")]


# --- the files --------------------------------------------------------------------------------------------


def test_sqlite_tables_ready_for_datasette(graph: CitationGraph, tmp_path: Path) -> None:
    path = tmp_path / "corpus.sqlite"
    assert write_graph(graph, path) == "sqlite"
    with sqlite3.connect(path) as db:
        keys = {row[3]: (row[2], row[4]) for row in db.execute("PRAGMA foreign_key_list(citations)")}
        assert keys == {"source": ("documents", "key"), "target": ("documents", "key")}
        replaced = db.execute(
            "SELECT d.replaced_by, d.replaced_on, n.title FROM documents d JOIN documents n "
            "ON n.key = d.replaced_by WHERE d.key = '05/2019/QĐ-UBND'"
        ).fetchall()
        assert replaced == [("12/2024/QĐ-UBND", "2024-04-15", "Ban hành quy chế phối hợp quản lý chợ")]
        (replies,) = db.execute("SELECT source, target FROM citations WHERE relation = 'reply'").fetchall()
        assert replies == ("902/CTHV-TTHT", "15/2024/CV-MP")
        assert db.execute("SELECT count(*) FROM citations").fetchone() == (len(graph.citations),)


def test_networkx_reads_the_json_and_the_graphml(graph: CitationGraph, tmp_path: Path) -> None:
    write_graph(graph, tmp_path / "g.json")
    write_graph(graph, tmp_path / "g.graphml")
    from_json = nx.node_link_graph(json.loads((tmp_path / "g.json").read_text(encoding="utf-8")), edges="edges")
    from_xml = nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True)
    for g in (from_json, from_xml):
        assert isinstance(g, nx.MultiDiGraph)
        assert g.number_of_nodes() == len(graph.documents)
        assert g.number_of_edges() == sum(c.target is not None for c in graph.citations)
        relations = {d["relation"] for _, _, d in g.edges("12/2024/QĐ-UBND", data=True)}
        assert relations == {"basis", "proposal", "replaces", "repeals"}
        assert g.nodes["05/2019/QĐ-UBND"]["replaced_by"] == "12/2024/QĐ-UBND"
    assert node_link(graph)["graph"]["citations"] == len(graph.citations)


def test_unknown_formats_and_a_failed_write_leave_nothing(graph: CitationGraph, tmp_path: Path) -> None:
    with pytest.raises(GraphError, match="no graph format"):
        write_graph(graph, tmp_path / "g.csv")
    with pytest.raises(GraphError, match="unknown graph format"):
        write_graph(graph, tmp_path / "g.db", "csv")
    (tmp_path / "g.db").write_text("old", encoding="utf-8")
    write_graph(graph, tmp_path / "g.db")
    assert (tmp_path / "g.db").read_bytes().startswith(b"SQLite format 3")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.db"]  # no temporary file left behind


def test_the_command_builds_from_files_folders_and_exports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "new.txt").write_text(NEW_DECISION, encoding="utf-8")
    (corpus / "sub" / "old.html").write_text(f"<html><body><pre>{OLD_DECISION}</pre></body></html>", encoding="utf-8")
    (corpus / "notes.md").write_text("not read", encoding="utf-8")
    exported = tmp_path / "answer.json"
    exported.write_bytes(export([extract(ANSWER)], to="json"))
    out = tmp_path / "g.sqlite"
    assert main(["graph", str(corpus), str(exported), "-o", str(out)]) == 0
    assert "replaced" in capsys.readouterr().err
    with sqlite3.connect(out) as db:
        files = {f for (f,) in db.execute("SELECT DISTINCT file FROM citations")}
        assert files == {str(corpus / "new.txt"), str(corpus / "sub" / "old.html"), f"{exported}#1"}
        assert db.execute("SELECT replaced_by FROM documents WHERE key = '05/2019/QĐ-UBND'").fetchone() == (
            "12/2024/QĐ-UBND",
        )
    assert main(["graph", str(tmp_path / "missing.txt"), "-o", str(tmp_path / "g2.json")]) == 1
    assert "missing.txt" in capsys.readouterr().err
    assert main(["graph", str(corpus), "-o", str(tmp_path / "g.txt")]) == 2
