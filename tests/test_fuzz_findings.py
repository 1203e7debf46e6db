"""What a fuzz run of 1.6 million calls found (issue 13), each finding a regression test.

The harness itself is ``tests/fuzzing.py`` (run by ``tests/test_fuzz.py`` and ``scripts/fuzz.py``).
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vngovdirectives import export, extract, find_all, load_json, parse_number
from vngovdirectives.errors import DocumentNumberError
from vngovdirectives.numbers.model import check

# --------------------------------------------------------------------------- numbers


@pytest.mark.parametrize("text", ["1/A&", "15972/SXD-QLN&", "83/2015/QH13&", "1/A&&", "1ỳ/Q", "5đ/QĐ-UBND", "0İ―Pΐ"])
def test_parse_number_refuses_what_its_model_refuses(text: str) -> None:
    with pytest.raises(DocumentNumberError):
        parse_number(text)


@pytest.mark.parametrize("text", ["15972/SXD-QLN&PTĐT", "55/2005/TTLT-BNV&VPCP", "30c/NQ-CP", "01/1999/QĐ.UB"])
def test_an_ampersand_between_codes_and_a_latin_suffix_still_parse(text: str) -> None:
    number = parse_number(text)
    assert check(number) is None
    assert str(number) == text


def test_a_serial_with_a_vietnamese_letter_says_where() -> None:
    with pytest.raises(DocumentNumberError) as info:
        parse_number("5đ/QĐ-UBND")
    assert (info.value.offset, info.value.fragment) == (1, "đ")


_NUMBERISH = st.text(alphabet=st.sampled_from("0123456789/-.&ĐđQHTCNUBDỳİ―Pΐ aA"), max_size=20)


@given(_NUMBERISH | st.text(max_size=20))
def test_whatever_parse_number_returns_is_valid_and_parses_back(text: str) -> None:
    try:
        number = parse_number(text)
    except DocumentNumberError:
        return
    assert check(number) is None
    assert parse_number(str(number)) == number


# --------------------------------------------------------------------------- references


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Luật số 83/2015/QH13&#272;", "83/2015/QH13"),
        ("theo Luật số 83/2015/QH13&nbsp;ngày 25/6/2015", "83/2015/QH13"),
        ("Công văn số 15972/SXD-QLN& ngày 01/02/2020", "15972/SXD-QLN"),
        ("Công văn số 15972/SXD-QLN&PTĐT;", "15972/SXD-QLN&PTĐT"),
        ("Văn bản số 1/A&", "01/A"),
        ("Số: 55/2007/C&#x110;T-UBND", "55/2007/C"),
    ],
)
def test_entities_and_a_trailing_ampersand_end_a_number(text: str, number: str) -> None:
    (ref,) = [m for m in find_all(text) if m.kind.value == "reference"]
    assert str(ref.value.number) == number
    assert check(ref.value.number) is None


@pytest.mark.parametrize("text", ["Luật số 83/2015/QH13&#272;", "Số: 55/2007/C&#x110;T-UBND", "1/A&", "số 1ỳ/Q"])
def test_what_extract_finds_loads_back_from_json(text: str) -> None:
    item = extract(text)
    assert load_json(export([item], to="json")) == [item]


# --------------------------------------------------------------------------- HTML


@pytest.mark.parametrize(
    "text",
    [
        "<p>ngày 6/5/20<![19, UBND tỉnh ban hành Công văn số 39/CV-BCĐ</p>",
        "<p>x</p><![foo[ y ]]><p>Công văn số 39/CV-BCĐ</p>",
        "<![",
        "a<![ b",
    ],
)
def test_a_broken_marked_section_is_not_an_assertion_error(text: str) -> None:
    from vngovdirectives import parse_bulletin, parse_document
    from vngovdirectives.text.html import html_to_text

    page = html_to_text(text)
    for i in range(len(page.text)):
        start, end = page.source_span(i, i + 1)
        assert 0 <= start <= end <= len(text)
    for read in (extract, parse_document, parse_bulletin):
        read(text, html=True)
    for m in find_all(text, html=True):
        assert text[m.start : m.end] == m.text


def test_a_broken_marked_section_keeps_the_positions_after_it() -> None:
    text = "<p>a<![x b</p>\n<p>Công văn số 39/CV-BCĐ</p>"
    (ref,) = find_all(text, html=True)
    assert text[ref.start : ref.end] == "Công văn số 39/CV-BCĐ"


def test_conditional_comments_still_read() -> None:
    from vngovdirectives.text.html import html_to_text

    assert html_to_text("<p><![if !supportLists]>1.<![endif]>Yêu cầu</p>").text == "1.Yêu cầu\n"


# --------------------------------------------------------------------------- dates and deadlines


def test_working_days_past_year_9999_are_a_calendar_error() -> None:
    import datetime as dt

    from vngovdirectives.deadlines.workdays import add_working_days, count_working_days
    from vngovdirectives.errors import CalendarError

    with pytest.raises(CalendarError, match="9999"):
        add_working_days(dt.date(9999, 12, 31), 1)
    with pytest.raises(CalendarError):
        count_working_days(dt.date(9999, 12, 30), dt.date(9999, 12, 31))


def test_completing_past_year_9999_is_a_date_error() -> None:
    import datetime as dt

    from vngovdirectives.deadlines import complete_deadline, parse_deadline
    from vngovdirectives.errors import DateError

    with pytest.raises(DateError, match="no year near 9999"):
        complete_deadline(parse_deadline("trước ngày 05/3"), dt.date(9999, 12, 31))


@pytest.mark.parametrize("text", ["ngày 05/01", "ngày 31/12", "tháng 2", "ngày 29/02", "tháng 8 âm lịch"])
@pytest.mark.parametrize("deadline", [True, False])
def test_completing_at_the_ends_of_the_calendar_raises_only_date_errors(text: str, deadline: bool) -> None:
    import contextlib
    import datetime as dt

    from vngovdirectives.dates import complete, parse_date
    from vngovdirectives.errors import DateError

    for context in (dt.date(9999, 12, 31), dt.date(1, 1, 1), dt.date(9999, 1, 1)):
        with contextlib.suppress(DateError):
            done = complete(parse_date(text), context, deadline=deadline)
            assert done.has_year


def test_parse_deadline_raises_a_deadline_error() -> None:
    from vngovdirectives import parse_deadline
    from vngovdirectives.errors import DateError, DeadlineError, DeadlineParseError

    for text in ("không phải hạn", "trước ngày 31/2/2019", ""):
        with pytest.raises(DeadlineParseError) as info:
            parse_deadline(text)
        assert isinstance(info.value, DeadlineError)
        assert isinstance(info.value, DateError)  # what earlier callers caught


# --------------------------------------------------------------------------- argument types


@pytest.mark.parametrize("value", [None, 1, b"61/2018/ND-CP", ["x"]])
def test_every_public_function_given_a_non_str_raises_type_error(value: object) -> None:
    import fuzzing
    from vngovdirectives.errors import InputTypeError

    for target in fuzzing.targets():
        if not target.types or isinstance(value, target.accepts):
            continue
        with pytest.raises(InputTypeError) as info:
            target.call(value)  # type: ignore[arg-type]
        assert isinstance(info.value, TypeError)
        assert type(value).__name__ in str(info.value), (target.name, str(info.value))


def test_finders_that_return_iterators_check_their_argument_at_the_call() -> None:
    from vngovdirectives import find_dates, find_deadlines, find_numbers, find_periods, find_references
    from vngovdirectives.errors import InputTypeError

    for find in (find_references, find_numbers, find_dates, find_periods, find_deadlines):
        with pytest.raises(InputTypeError):
            find(None)  # type: ignore[arg-type]  # no iteration needed


def test_looks_like_html_and_detect_context_date_check_their_argument() -> None:
    from vngovdirectives.errors import InputTypeError
    from vngovdirectives.finding import detect_context_date
    from vngovdirectives.text.html import looks_like_html

    with pytest.raises(InputTypeError, match="looks_like_html"):
        looks_like_html(None)  # type: ignore[arg-type]
    with pytest.raises(InputTypeError, match="detect_context_date"):
        detect_context_date(None)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- the garbage collector


def test_the_collector_waits_while_a_pass_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    import vngovdirectives.finding.find as finders
    from vngovdirectives import directives

    seen: dict[str, bool] = {}

    def spy(name: str, module: object) -> None:
        real = getattr(module, name)

        def wrapper(*args: object, **kwargs: object) -> object:
            seen[name] = gc.isenabled()
            return real(*args, **kwargs)

        monkeypatch.setattr(module, name, wrapper)

    spy("scan", finders)
    spy("matches", finders)
    spy("read_page", directives)
    spy("read_bulletin", directives)
    dense = "số 1/A-B 1/1/2020 " * 2_000
    assert len(find_all(dense)) == 4_000
    assert extract(dense).kind == "bulletin"
    assert seen == {"scan": False, "matches": False, "read_page": False, "read_bulletin": False}
    assert gc.isenabled()


def test_a_pass_leaves_a_disabled_collector_disabled() -> None:
    import gc

    gc.disable()
    try:
        find_all("Công văn số 39/CV-BCĐ ngày 29/3/2019")
        assert not gc.isenabled()
    finally:
        gc.enable()


# --------------------------------------------------------------------------- found by the million-call run


@pytest.mark.parametrize("text", ["từ năm 2025 đến năm 2025", "từ năm 2025 đến 2025", "từ năm 1800 đến năm 1801"])
def test_a_period_of_years_the_range_pattern_refuses_prints_another_way(text: str) -> None:
    from vngovdirectives import parse_period

    period = parse_period(text)
    assert str(period).startswith("từ năm")
    assert parse_period(str(period)) == period


def test_a_plausible_range_of_years_still_prints_as_giai_doan() -> None:
    from vngovdirectives import parse_period

    assert str(parse_period("giai đoạn 2016 - 2020")) == "giai đoạn 2016 - 2020"


@pytest.mark.parametrize("text", ["Điều 1.", "Điều 1.\r\n", "Quyết định\nĐiều 1.", "a) ", "1. ", "- "])
@pytest.mark.parametrize("html", [False, True])
def test_a_label_at_the_very_end_of_a_document(text: str, html: bool) -> None:
    from vngovdirectives import parse_document

    document = parse_document(text, html=html)
    assert load_json(export([document], to="json")) == [document]
