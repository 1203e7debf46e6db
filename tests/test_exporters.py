"""The built-in formats: json round trip, jsonl, csv (formula injection), markdown, ics, xlsx, schema."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from importlib.util import find_spec
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vngovdirectives.dates import TimeOfDay, VnDate
from vngovdirectives.deadlines import Before, NoLaterThan, last_moment, resolve_deadline
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
    Signer,
    SourceFormat,
    Span,
    Target,
    TargetKind,
    Task,
    TaskKind,
)
from vngovdirectives.errors import InputTypeError, LoadError, VnGovDirectivesError
from vngovdirectives.plugins import ExportError, Record, export, load_records
from vngovdirectives.plugins.exporters import _rows
from vngovdirectives.plugins.exporters.builtin import json_schema, load_json, neutralise
from vngovdirectives.references import DocumentReference
from vngovdirectives.strategies import document_numbers
from vngovdirectives.strategies._dates import dates, deadlines, periods
from vngovdirectives.testing import NonSeekableStream, sample_items

if TYPE_CHECKING:
    from collections.abc import Iterator

    from vngovdirectives.plugins import Exportable

needs_ics = pytest.mark.skipif(find_spec("icalendar") is None, reason='needs pip install "vngovdirectives[ics]"')
needs_xlsx = pytest.mark.skipif(find_spec("openpyxl") is None, reason='needs pip install "vngovdirectives[xlsx]"')

HOSTILE = ['=HYPERLINK("http://evil.invalid","x")', "+1+2", "-3+4", "@SUM(A1)", "\tTAB", "\rCR", "=1+1"]
FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")

# --------------------------------------------------------------------------- strategies

texts = st.text(max_size=24)


def _by_name(name: str) -> st.SearchStrategy[Any]:
    """Draw from the module's strategy ``name`` (resolved lazily) behind a short repr.

    Hypothesis warns when it builds a very long repr, and warnings are errors in this suite.
    """

    @st.composite
    def strategy(draw: st.DrawFn) -> Any:
        return draw(globals()[name])

    strategy.__name__ = strategy.__qualname__ = name.lstrip("_")
    return strategy()


hostile_texts = _by_name("_hostile_texts")
spans = _by_name("_spans")
mentions = _by_name("_mentions")
doc_refs = _by_name("_doc_refs")
references = _by_name("_references")
deadline_mentions = _by_name("_deadline_mentions")
assignees = _by_name("_assignees")
tasks = _by_name("_tasks")
targets = _by_name("_targets")
signers = _by_name("_signers")
directives = _by_name("_directives")
bulletins = _by_name("_bulletins")
documents = _by_name("_documents")
items_lists = _by_name("_items_lists")
_hostile_texts = texts | st.sampled_from(HOSTILE) | st.builds(lambda a, b: a + b, st.sampled_from(FORMULA_LEADS), texts)
_spans = st.builds(lambda start, size: Span(start=start, end=start + size), st.integers(0, 10**6), st.integers(0, 500))
_mentions = st.builds(Mention, text=hostile_texts, span=spans)


def _few(strategy: st.SearchStrategy[Any], most: int = 2) -> st.SearchStrategy[tuple[Any, ...]]:
    return st.lists(strategy, max_size=most).map(tuple)


_doc_refs = st.builds(
    DocumentReference,
    number=st.none() | document_numbers(),
    serial=texts,
    type_name=st.none() | texts,
    issued_on=st.none() | dates(),
    issuer=st.none() | hostile_texts,
    header=st.booleans(),
)
_references = st.builds(Reference, text=hostile_texts, span=spans, value=doc_refs, role=st.sampled_from(ReferenceRole))
_deadline_mentions = st.builds(
    DeadlineMention, text=hostile_texts, span=spans, value=deadlines(), last_day=st.none() | st.dates()
)
_assignees = st.builds(Assignee, name=hostile_texts, span=spans, role=st.sampled_from(AssigneeRole))
_tasks = st.builds(
    Task,
    text=hostile_texts,
    span=spans,
    kind=st.sampled_from(TaskKind),
    action=mentions,
    assignees=_few(assignees),
    deadlines=_few(deadline_mentions),
    references=_few(references),
    trigger=st.none() | mentions,
    label=st.none() | texts,
)
_targets = st.builds(
    Target, text=texts, span=spans, kind=st.sampled_from(TargetKind), end=dates(), start=st.none() | dates()
)
_signers = st.builds(
    Signer, span=spans, name=st.none() | mentions, position=st.none() | mentions, authority=st.none() | mentions
)
_directives = st.builds(
    Directive,
    text=hostile_texts,
    span=spans,
    heading=st.none() | mentions,
    references=_few(references),
    carriers=_few(references, 1),
    issuer=st.none() | mentions,
    signer=st.none() | signers,
    addressees=_few(assignees),
    tasks=_few(tasks),
    deadlines=_few(deadline_mentions),
    targets=_few(targets, 1),
    label=st.none() | texts,
)
_bulletins = st.builds(
    Bulletin,
    span=spans,
    directives=_few(directives),
    title=st.none() | mentions,
    period=st.none() | periods(),
    period_span=st.none() | spans,
    summary=st.none() | mentions,
    context_date=st.none() | st.dates(),
    source_format=st.sampled_from(SourceFormat),
)
_documents = st.builds(
    Document,
    span=spans,
    type_name=st.none() | texts,
    type_mention=st.none() | mentions,
    issuer=st.none() | mentions,
    parent_issuer=st.none() | mentions,
    number=st.none() | document_numbers(),
    number_span=st.none() | spans,
    place=st.none() | mentions,
    issued_on=st.none() | dates(),
    date_span=st.none() | spans,
    title=st.none() | mentions,
    basis=_few(references),
    basis_clauses=_few(mentions),
    tasks=_few(tasks),
    recipients=_few(mentions),
    signer=st.none() | signers,
    references=_few(references),
    deadlines=_few(deadline_mentions),
    targets=_few(targets, 1),
    body=st.none() | mentions,
    source_format=st.sampled_from(SourceFormat),
)
_items_lists = st.lists(st.one_of(bulletins, documents, directives), max_size=3)

_SLOW_CHECKS = [HealthCheck.too_slow, HealthCheck.data_too_large]
slow = settings(max_examples=50, deadline=None, suppress_health_check=_SLOW_CHECKS)


def _all_directives(items: list[Exportable]) -> list[Directive]:
    return [located.directive for located in _rows.directives_of(items)]


# --------------------------------------------------------------------------- json and jsonl


@slow
@given(items_lists)
def test_json_export_then_load_gives_equal_objects(items: list[Exportable]) -> None:
    assert load_json(export(items, to="json")) == items


def _shared_items() -> st.SearchStrategy[list[Any]]:
    """The project's own model strategies (vngovdirectives.strategies), mixed as exporters receive them."""
    from vngovdirectives.strategies import _directives as shared

    return st.lists(st.one_of(shared.bulletins(), shared.documents(), shared.directives()), max_size=3)


_shared = _shared_items()
shared_items = _by_name("_shared")


@slow
@given(shared_items)
def test_json_round_trip_on_the_project_strategies(items: list[Exportable]) -> None:
    data = export(items, to="json")
    assert load_json(data) == items
    assert load_json(data.decode("utf-8")) == items


@slow
@given(items_lists)
def test_jsonl_is_the_json_items_one_per_line_and_loads_back(items: list[Exportable]) -> None:
    data = export(items, to="jsonl")
    lines = data.decode("utf-8").splitlines()
    assert len(lines) == len(items)
    assert [json.loads(line) for line in lines] == json.loads(export(items, to="json"))["items"]
    assert [json.loads(line)["id"] for line in lines] == list(range(1, len(items) + 1))
    assert load_json(data) == items


def test_json_keeps_lone_surrogates_and_stays_utf8() -> None:
    item = Directive(text="bad \udc80 byte, Sở Y tế", span=Span(start=0, end=1))
    data = export([item], to="json")
    data.decode("utf-8")
    assert load_json(data) == [item]
    assert load_json(data.decode("utf-8")) == [item]


def test_json_envelope_tags_every_item() -> None:
    doc = json.loads(export(sample_items(), to="json"))
    assert (doc["format"], doc["version"]) == ("vngovdirectives", 2)
    assert [item["kind"] for item in doc["items"]] == ["bulletin", "document", "directive"]
    assert [(item["source"], item["id"]) for item in doc["items"]] == [(None, 1), (None, 2), (None, 3)]
    assert doc["items"][1]["number"]["canonical"] == "07/KH-UBND"
    assert doc["items"][1]["number"]["issuers"] == ["UBND"]


def test_json_values_are_plain() -> None:
    bulletin, document, _ = json.loads(export(sample_items(), to="json"))["items"]
    assert bulletin["period"] == "2019-03-25/2019-03-31"
    assert bulletin["context_date"] == "2019-03-31"
    assert bulletin["span"] == [0, 400]
    first = bulletin["directives"][0]
    assert first["carriers"][0]["value"]["issued_on"] == "2019-03-29"
    deadline = first["tasks"][0]["deadlines"][0]
    assert deadline["due"] == "2019-04-01"
    assert deadline["value"] == {"kind": "before", "due": "2019-04-01", "time": "00:00"}
    assert deadline["last_day"] == "2019-03-31"
    # every kind with a due day carries it in its value: a period's end for "within"
    assert first["deadlines"][1]["value"] == {"kind": "within", "span": "2019-04-01/2019-06-30", "due": "2019-06-30"}
    assert document["issued_on"] == "2019-01-10"
    assert document["deadlines"][1]["due"] is None  # counted from an event
    assert document["deadlines"][1]["value"]["unit"] == "working_day"


def test_records_carry_source_and_stable_ids_through_failures() -> None:
    bulletin, document, _ = sample_items()
    batch = [
        Record(item=bulletin, source="tuan-14.html"),
        Record(source="hong.txt", error="cannot decode"),
        Record(item=document, source="kh-07.txt"),
    ]
    items = json.loads(export(batch, to="json"))["items"]
    assert [(i["kind"], i["source"], i["id"]) for i in items] == [
        ("bulletin", "tuan-14.html", 1),
        ("error", "hong.txt", 2),
        ("document", "kh-07.txt", 3),
    ]
    assert items[1]["message"] == "cannot decode"
    assert load_records(export(batch, to="jsonl")) == [
        Record(item=bulletin, source="tuan-14.html", id=1),
        Record(source="hong.txt", id=2, error="cannot decode"),
        Record(item=document, source="kh-07.txt", id=3),
    ]
    assert load_json(export(batch, to="json")) == [bulletin, document]
    header, *rows = _csv_cells(export(batch, to="csv"))
    table = [dict(zip(header, row, strict=True)) for row in rows]
    assert {(r["directive_id"].split(".")[0], r["source"]) for r in table} == {
        ("1", "tuan-14.html"), ("2", "hong.txt"), ("3", "kh-07.txt"),
    }  # fmt: skip
    assert [r["error"] for r in table if r["kind"] == "error"] == ["cannot decode"]
    text = export(batch, to="markdown").decode()
    assert "# `hong.txt`\n\n> Lỗi (error): cannot decode" in text
    assert "## 3.1. Kế hoạch thực hiện" in text
    assert "# Kế hoạch số 07/KH-UBND — `kh-07.txt`" in text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b'{"format": "other", "version": 2, "items": []}', "not a vngovdirectives export"),
        (b'{"format": "vngovdirectives", "version": 99, "items": []}', "unsupported export version 99"),
        (b'{"format": "vngovdirectives", "version": 1, "items": []}', "unsupported export version 1"),
        (b'{"format": "vngovdirectives", "version": 2, "items": [{"kind": "memo"}]}', "item 0: expected"),
        (b'{"format": "vngovdirectives", "version": 2, "items": [{"kind": "directive"}]}', "not a valid directive"),
        (b'{"kind": "directive", "text": "x", "span": [0, 1]}\n{oops', "line 2: not JSON"),
        (b'{"kind": "directive", "text": "x", "span": {"start": 0, "end": 1}}', "looks like format version 1"),
        (b"\x00\x01 nonsense", "not JSON"),
        (b'{"kind": {}}', 'expected an object with "kind"'),
        (b'{"kind": "document", "span": [0, 1], "issued_on": {"year": 2019}}', "not a valid document"),
        (b'{"kind": "document", "span": [0, 1], "number": "1/A&"}', "not a valid document"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b'{"kind": "directive", "text": "\xff"}', r"not UTF-8: byte b'\\xff' at offset 31"),
        (b'{"kind": "directive", "id": "1", "text": "x", "span": [0, 1]}', '"id" must be an integer'),
        (b"[1" + b"0" * 5000 + b"]", "not JSON this reader accepts"),
    ],
)
def test_load_json_rejects_other_data_clearly(data: bytes, message: str) -> None:
    with pytest.raises(LoadError, match=message):
        load_json(data)
    assert issubclass(LoadError, ExportError)


@pytest.mark.parametrize("value", [None, 1, ["x"], {"items": []}])
def test_load_json_of_a_non_text_is_a_type_error(value: object) -> None:
    with pytest.raises(InputTypeError, match="load_json"):
        load_json(value)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        load_json(value)  # type: ignore[arg-type]


def test_json_streams_item_by_item() -> None:
    stream = NonSeekableStream()
    seen: list[int] = []

    def lazily() -> Iterator[Exportable]:
        for item in sample_items():
            yield item
            seen.append(len(stream.getvalue()))

    export(lazily(), to="json", stream=stream)  # type: ignore[arg-type]
    assert seen[0] > len(b'{"format": "vngovdirectives", "version": 2, "items": [\n')  # item 1 written before item 2
    assert seen == sorted(seen)
    assert len(set(seen)) == len(seen)


def test_shipped_schema_matches_the_models() -> None:
    from vngovdirectives.plugins.exporters._schema import build_schema

    assert json_schema() == build_schema(), (
        "directives.schema.json is out of date: python -m vngovdirectives.plugins.exporters._schema "
        "> src/vngovdirectives/plugins/exporters/directives.schema.json"
    )


def _validator(definition: str | None = None) -> Any:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json_schema()
    if definition is not None:
        schema = {"$schema": schema["$schema"], "$ref": f"#/$defs/{definition}", "$defs": schema["$defs"]}
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def _valid(validator: Any, value: object) -> None:
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message[:300]}" for e in validator.iter_errors(value)]
    assert errors == []


def test_schema_validates_the_sample_export_and_rejects_drift() -> None:
    doc = json.loads(export(sample_items(), to="json"))
    _valid(_validator(), doc)
    doc["items"][0]["period"] = {"start": "2019-03-25", "end": "2019-03-31"}  # a version-1 shape
    assert list(_validator().iter_errors(doc))
    doc["items"][0]["period"] = "2019-03-25/2019-03-31"
    doc["items"][0]["unknown_field"] = 1
    assert list(_validator().iter_errors(doc))


@slow
@given(items_lists)
def test_every_json_and_jsonl_export_validates(items: list[Exportable]) -> None:
    records = [Record(item=item, source=f"f{n}.txt") for n, item in enumerate(items)]
    records.append(Record(source="x.txt", error="cannot decode"))
    _valid(_validator(), json.loads(export(records, to="json")))
    item_schema = _validator("Item")
    for line in export(records, to="jsonl").splitlines():
        _valid(item_schema, json.loads(line))


@slow
@given(shared_items)
def test_the_project_strategies_export_to_valid_json(items: list[Exportable]) -> None:
    _valid(_validator(), json.loads(export(items, to="json")))


# --------------------------------------------------------------------------- csv


def _csv_cells(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


@pytest.mark.parametrize("text", HOSTILE)
def test_csv_has_no_live_formula_cell(text: str) -> None:
    task = Task(
        text=text,
        span=Span(start=0, end=1),
        kind=TaskKind.OTHER,
        action=Mention(text=text, span=Span(start=0, end=1)),
        assignees=(Assignee(name=text, span=Span(start=0, end=1)),),
    )
    item = Directive(text=text, span=Span(start=0, end=1), heading=Mention(text=text, span=Span(start=0, end=1)),
                     tasks=(task,))  # fmt: skip
    header, *rows = _csv_cells(export([item], to="csv"))
    assert header[0] == "directive_id"
    assert len(rows) == 1
    row = dict(zip(header, rows[0], strict=True))
    for column in ("heading", "task", "assignees"):
        assert row[column] == "'" + text
    assert not any(cell.startswith(FORMULA_LEADS) for cell in rows[0])


@slow
@given(items_lists)
def test_csv_never_starts_a_cell_with_a_formula_character(items: list[Exportable]) -> None:
    header, *rows = _csv_cells(export(items, to="csv"))
    assert tuple(header) == _rows.CSV_COLUMNS
    assert len(rows) >= len(_all_directives(items))
    for row in rows:
        assert len(row) == len(header)
        assert not any(cell.startswith(FORMULA_LEADS) for cell in row), row


def test_csv_has_one_row_per_task_deadline() -> None:
    header, *rows = _csv_cells(export(sample_items(), to="csv"))
    table = [dict(zip(header, row, strict=True)) for row in rows]
    first = [r for r in table if r["directive_id"] == "1.1"]
    assert [(r["task_id"], r["deadline"], r["last_day"], r["time"]) for r in first] == [
        ("1.1.1", "trước 0 giờ ngày 01/4/2019", "2019-03-31", ""),  # the end of 31 March: no time on that day
        ("1.1.2", "", "", ""),
        ("", "trong quý II/2019", "2019-06-30", ""),
    ]
    assert {r["reference"] for r in first} == {"39/CV-BCĐ"}
    assert {r["issuer"] for r in first} == {"Ban Chỉ đạo các Chương trình mục tiêu quốc gia tỉnh"}
    assert first[0]["lead"] == "Sở Y tế"
    assert first[0]["support"] == "Công an tỉnh"
    assert [r["directive_id"] for r in table].count("1.2") == 1  # a directive without tasks still has a row
    document = [r for r in table if r["directive_id"] == "2.1"]
    assert document[0]["reference"] == "07/KH-UBND"
    assert document[0]["kind"] == "document"
    assert document[0]["source"] == ""  # the caller named no source
    assert document[-1]["deadline_kind"] == "relative"
    assert document[-1]["last_day"] == ""


def test_csv_replaces_nul_characters() -> None:
    item = Directive(text="x", span=Span(start=0, end=1), heading=Mention(text="a\x00b", span=Span(start=0, end=1)))
    header, row = _csv_cells(export([item], to="csv"))
    assert row[header.index("heading")] == "a\ufffdb"


@given(hostile_texts)
def test_neutralise_is_the_identity_except_for_formula_leads(text: str) -> None:
    out = neutralise(text)
    assert not out.startswith(FORMULA_LEADS)
    assert out == (("'" + text) if text.startswith(FORMULA_LEADS) else text)


# --------------------------------------------------------------------------- markdown


def test_markdown_digest() -> None:
    text = export(sample_items(), to="markdown").decode("utf-8")
    assert text.startswith("# Chỉ đạo, điều hành nổi bật của UBND tỉnh (")
    assert "## 1.1. Phòng, chống dịch tả lợn châu Phi" in text
    assert "*Văn bản: Công văn số 39/CV-BCĐ ngày 29/3/2019 · Cơ quan: Ban Chỉ đạo" in text
    assert "  - Hạn: trước 0 giờ ngày 01/4/2019 (ngày cuối: 2019-03-31)" in text
    assert "# Kế hoạch số 07/KH-UBND" in text
    assert '=HYPERLINK("http://example.invalid","bấm vào")' in text
    assert "\\*" not in text
    assert "@SUM(1+1)" in text


def test_markdown_escapes_markup_in_text() -> None:
    item = Directive(text="a *b* [c](d) <script> # e", span=Span(start=0, end=1))
    out = export([item], to="markdown").decode()
    assert "a \\*b\\* \\[c\\](d) \\<script\\> \\# e" in out


# --------------------------------------------------------------------------- ics


def _todos(data: bytes) -> list[Any]:
    icalendar = pytest.importorskip("icalendar")
    calendar = icalendar.Calendar.from_ical(data)
    return [c for c in calendar.walk() if c.name == "VTODO"]


@needs_ics
def test_ics_parses_back_with_the_due_dates() -> None:
    from zoneinfo import ZoneInfo

    hcm = ZoneInfo("Asia/Ho_Chi_Minh")
    todos = _todos(export(sample_items(), to="ics"))
    dues = [t.get("due").dt if t.get("due") is not None else None for t in todos]
    assert dues == [
        dt.datetime(2019, 3, 31, 23, 59, 59, tzinfo=hcm),  # "trước 0 giờ ngày 01/4/2019": the end of 31 March
        dt.datetime(2019, 6, 30, 23, 59, 59, tzinfo=hcm),  # "trong quý II/2019"
        dt.datetime(2019, 3, 31, 23, 59, 59, tzinfo=hcm),
        None,  # relative to an event: no day is fixed
        dt.datetime(2019, 4, 25, 17, 0, tzinfo=hcm),  # "chậm nhất vào 17 giờ ngày 25/4/2019"
    ]
    assert all(str(d.tzinfo) == "Asia/Ho_Chi_Minh" for d in dues if d is not None)
    first = todos[0]
    assert str(first.get("summary")) == (
        "Sở Y tế; Công an tỉnh: Yêu cầu Sở Y tế chủ trì, phối hợp với Công an tỉnh báo cáo trước 0 giờ ngày 01/4/2019."
    )
    assert "Văn bản: Công văn số 39/CV-BCĐ ngày 29/3/2019" in str(first.get("description"))
    assert len({str(t.get("uid")) for t in todos}) == len(todos)


_day_deadlines = st.one_of(
    st.builds(NoLaterThan, due=dates(lunar=False, yearless=False)),
    st.builds(Before, due=st.dates(dt.date(1970, 1, 2), dt.date(2099, 12, 31)).map(VnDate.of)),
)


@needs_ics
@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_day_deadlines, st.none() | st.builds(TimeOfDay, hour=st.integers(0, 23))), max_size=5))
def test_ics_due_is_the_resolved_last_day(values: list[tuple[Any, TimeOfDay | None]]) -> None:
    from zoneinfo import ZoneInfo

    mentions = tuple(
        DeadlineMention(
            text=str(v), span=Span(start=n, end=n + 1), value=v if t is None else type(v)(due=v.due, time=t)
        )
        for n, (v, t) in enumerate(values)
    )
    item = Directive(text="x", span=Span(start=0, end=1), deadlines=mentions)
    todos = _todos(export([item], to="ics"))
    assert len(todos) == len(mentions)
    for todo, mention in zip(todos, mentions, strict=True):
        due = todo.get("due").dt
        value = mention.value
        assert due.tzinfo == ZoneInfo("Asia/Ho_Chi_Minh")
        # The same last moment as every other format: the last day, at the time that ends it.
        day, time = last_moment(value)
        assert day == resolve_deadline(value)
        assert (due.date(), due.time()) == (day, time.to_time() if time is not None else dt.time(23, 59, 59))
        if isinstance(value, Before) and value.time is not None and value.time.hour:  # "trước 17 giờ ngày X"
            assert (due.date(), due.time()) == (value.due.first_day(), value.time.to_time())


@needs_ics
def test_ics_start_deadline_is_a_dtstart() -> None:
    from vngovdirectives.deadlines import Starting

    mention = DeadlineMention(
        text="kể từ ngày 01/10/2013",
        span=Span(start=0, end=1),
        value=Starting(start=VnDate(year=2013, month=10, day=1)),
    )
    (todo,) = _todos(export([Directive(text="x", span=Span(start=0, end=1), deadlines=(mention,))], to="ics"))
    assert todo.get("due") is None
    assert todo.get("dtstart").dt == dt.date(2013, 10, 1)


# --------------------------------------------------------------------------- xlsx


def _workbook(data: bytes) -> Any:
    openpyxl = pytest.importorskip("openpyxl")
    return openpyxl.load_workbook(io.BytesIO(data))


@needs_xlsx
def test_xlsx_has_a_sheet_per_table_and_no_formula() -> None:
    book = _workbook(export(sample_items(), to="xlsx"))
    assert book.sheetnames == ["directives", "tasks", "deadlines", "references", "errors"]
    assert [c.value for c in book["deadlines"][1]] == list(_rows.DEADLINE_COLUMNS)
    texts = [c.value for c in book["tasks"]["I"]]
    assert '=HYPERLINK("http://example.invalid","bấm vào")' in texts  # kept as text, unchanged
    for sheet in book:
        for row in sheet.iter_rows():
            assert all(cell.data_type != "f" for cell in row)
    ids = [row[0].value for row in book["directives"].iter_rows(min_row=2)]
    assert ids == ["1.1", "1.2", "2.1", "3.1"]


@needs_xlsx
@settings(max_examples=30, deadline=None, suppress_health_check=_SLOW_CHECKS)
@given(items_lists)
def test_xlsx_stores_every_text_as_text(items: list[Exportable]) -> None:
    book = _workbook(export(items, to="xlsx"))
    assert book["directives"].max_row == 1 + len(_all_directives(items))
    for sheet in book:
        for row in sheet.iter_rows():
            assert all(cell.data_type != "f" for cell in row)


# --------------------------------------------------------------------------- errors


def test_exporters_reject_foreign_objects_with_a_typed_error() -> None:
    for fmt in ("json", "jsonl", "csv", "markdown"):
        with pytest.raises(InputTypeError, match="cannot export a int"):
            export([1], to=fmt)  # type: ignore[list-item]
        with pytest.raises(InputTypeError, match="iterable of items"):
            export(None, to=fmt)  # type: ignore[arg-type]
    assert issubclass(InputTypeError, VnGovDirectivesError)


@pytest.mark.parametrize("fmt", ["csv", "markdown", "ics", "xlsx", "json", "jsonl"])
def test_lone_surrogates_that_extract_accepts_export(fmt: str) -> None:
    from vngovdirectives.directives import extract

    if fmt in _OPTIONAL and find_spec(_OPTIONAL[fmt]) is None:
        pytest.skip(f"needs {_OPTIONAL[fmt]}")
    item = extract("Giao Sở\ud800 Y tế báo cáo trước ngày 20/4/2019.")
    data = export([Record(item=item, source="a\udc80.txt")], to=fmt)
    if fmt in ("csv", "markdown"):
        assert "\ufffd" in data.decode("utf-8-sig")
    if fmt in ("json", "jsonl"):
        assert load_json(data) == [item]


_OPTIONAL = {"ics": "icalendar", "xlsx": "openpyxl"}
