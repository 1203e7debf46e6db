"""The finders as a whole: spans, kinds, overlap policy, robustness and linear time."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from _timing import scales_linearly
from vngovdirectives import find_all, find_dates, find_deadlines, find_numbers, find_periods, find_references
from vngovdirectives.finding import MatchKind, jsonl_record

BULLETIN = (
    "Chỉ đạo, điều hành nổi bật của UBND tỉnh trong tuần (từ ngày 06/5 - 12/5/2024)\n\n"
    "Ngày 08/5/2024, UBND tỉnh ban hành Công văn số 1502/UBND-KT yêu cầu các sở, ngành rà soát "
    "danh mục dự án giai đoạn 2021 - 2025, báo cáo kết quả về Sở Kế hoạch và Đầu tư chậm nhất vào "
    "ngày 20/5/2024. Thực hiện Chỉ thị số 05-CT/TU ngày 12/3/2024 của Ban Thường vụ Tỉnh ủy, các "
    "huyện hoàn thành trong quý II/2024; hồ sơ được giải quyết trong thời hạn 10 ngày làm việc kể "
    "từ ngày nhận đủ hồ sơ.\n"
)


def kinds(text: str) -> list[tuple[str, str]]:
    return [(m.kind.value, m.text) for m in find_all(text)]


def test_find_all_reports_every_kind_with_exact_spans() -> None:
    matches = find_all(BULLETIN)
    assert [m.start for m in matches] == sorted(m.start for m in matches)
    for m in matches:
        assert BULLETIN[m.start : m.end] == m.text
    found = kinds(BULLETIN)
    assert ("reference", "Công văn số 1502/UBND-KT") in found
    assert ("reference", "Chỉ thị số 05-CT/TU ngày 12/3/2024 của Ban Thường vụ Tỉnh ủy") in found
    assert ("period", "giai đoạn 2021 - 2025") in found
    assert ("deadline", "chậm nhất vào ngày 20/5/2024") in found
    assert any(k == "deadline" and t.startswith("trong thời hạn 10 ngày làm việc") for k, t in found)


def test_overlap_policy() -> None:
    matches = find_all(BULLETIN)
    by_kind: dict[MatchKind, list[tuple[int, int]]] = {}
    for m in matches:
        by_kind.setdefault(m.kind, []).append((m.start, m.end))
    for spans in by_kind.values():  # no overlaps within a kind
        for (s1, e1), (s2, e2) in itertools.pairwise(spans):
            assert e1 <= s2 or (s1, e1) == (s2, e2)
    dates = {m.text.removeprefix("ngày ") for m in matches if m.kind is MatchKind.DATE}
    assert "12/3/2024" in dates  # a reference's issue date is also a date
    assert "20/5/2024" in dates  # and so is a deadline's
    periods = [m for m in matches if m.kind is MatchKind.PERIOD]
    for p in periods:  # the two ends of a period are not dates
        assert not any(p.start <= d.start < p.end for d in matches if d.kind is MatchKind.DATE)


def test_single_kind_finders_agree_with_find_all() -> None:
    everything = find_all(BULLETIN)
    for finder, kind in (
        (find_references, MatchKind.REFERENCE),
        (find_dates, MatchKind.DATE),
        (find_periods, MatchKind.PERIOD),
        (find_deadlines, MatchKind.DEADLINE),
    ):
        assert [(m.start, m.end) for m in finder(BULLETIN)] == [(m.start, m.end) for m in everything if m.kind is kind]
    assert [m.text for m in find_numbers(BULLETIN)] == ["1502/UBND-KT", "05-CT/TU"]


def test_context_date_completes_year_less_dates() -> None:
    text = "Các đơn vị báo cáo trước ngày 05/01."
    (deadline,) = find_deadlines(text, context_date=dt.date(2019, 12, 28))
    assert jsonl_record(deadline, "x")["value"]["due"] == "2020-01-05"  # type: ignore[index]
    (date,) = find_dates(text)
    assert date.value.iso() == "--01-05"


def test_bulletin_week_gives_the_context_date() -> None:
    text = "Chỉ đạo nổi bật trong tuần (từ ngày 25/3 - 31/3/2019)\nCác huyện báo cáo trước ngày 05/4."
    due = [jsonl_record(m, "x")["value"] for m in find_all(text) if m.kind is MatchKind.DEADLINE]
    assert due[0]["due"] == "2019-04-05"  # type: ignore[index]


def test_jsonl_record_schema() -> None:
    records = [jsonl_record(m, "bulletin.txt", 3) for m in find_all(BULLETIN)]
    for r in records:
        assert list(r) == ["kind", "source", "id", "span", "text", "value"]
        assert (r["source"], r["id"]) == ("bulletin.txt", 3)
        assert r["kind"] in {"reference", "date", "period", "deadline"}
    ref = next(r for r in records if r["kind"] == "reference")
    assert set(ref["value"]) == {"number", "doc_type", "issued_on", "issuer", "short", "relation", "part"}  # type: ignore[arg-type]
    deadline = next(r for r in records if r["kind"] == "deadline")
    assert set(deadline["value"]) == {"kind", "due", "time", "amount", "unit", "anchor"}  # type: ignore[arg-type]
    date = next(r for r in records if r["kind"] == "date")
    assert isinstance(date["value"], str)
    period = next(r for r in records if r["kind"] == "period")
    assert set(period["value"]) == {"start", "end"}  # type: ignore[arg-type]


@given(st.text(max_size=300))
def test_finders_never_raise_on_any_text(text: str) -> None:
    for m in find_all(text):
        assert text[m.start : m.end] == m.text


@given(
    st.lists(
        st.sampled_from(
            [
                "số ",
                "Số: ",
                "ngày ",
                "tháng ",
                "năm ",
                "/",
                "-",
                " - ",
                "2019",
                "29",
                "3",
                "QĐ",
                "UBND",
                "TW",
                "CT",
                "trước ",
                "chậm nhất ",
                "giai đoạn ",
                "quý I",
                "\n",
                ",",
                "(",
                ")",
                "Quyết định ",
                "Chỉ thị ",
                "của ",
                "0 giờ ",
                "kể từ ",
                "âm lịch",
                "mùng ",
                "tháng Giêng ",
                "Ð",
                "\u0301",
                "–",
            ]
        ),
        max_size=60,
    ).map("".join)
)
def test_finders_never_raise_on_adversarial_fragments(text: str) -> None:
    for m in find_all(text):
        assert text[m.start : m.end] == m.text


ADVERSARIAL = [
    "1/" * 2000,
    "ngày " * 2000,
    "Số: " * 1500,
    "12/QĐ-" * 1500,
    "giai đoạn 2016 -" * 800,
    "Quyết định số " * 800,
    "trước ngày " * 1000,
    "1 - 2 - 3 - " * 800,
    "của UBND " * 1000,
    "a" * 20000,
    "1" * 20000,
    " " * 20000,
    "mùng 1 tháng " * 800,
    # stated dates: date lines after a header number, and labelled dates
    "Số: 1/KH-UB  Hà Nội, ngày 1 tháng 1 năm 2020 " * 300,
    ",  ngày 1 tháng 1 năm " * 800,
    "Ngày ban hành: 1/1/2020 " * 600,
    "cập nhật đăng ngày hành " * 800,
    # header numbers on one long line: each looks back for its line start, within a bounded reach
    "Số: 1/QĐ-UB " * 1500,
]


@pytest.mark.parametrize("unit", ADVERSARIAL, ids=range(len(ADVERSARIAL)))
def test_adversarial_input_scales_linearly(unit: str) -> None:
    assert scales_linearly(lambda n: find_all(unit * n), 1)
