"""Properties of the number parser, driven by the library's own hypothesis strategies."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vngovdirectives import (
    DocumentNumber,
    DocumentNumberError,
    find_numbers,
    is_valid_number,
    make_converter,
    parse_number,
)
from vngovdirectives.numbers.model import check
from vngovdirectives.strategies import document_number_pairs, document_number_texts, document_numbers


@given(document_numbers())
def test_canonical_text_round_trips(number: DocumentNumber) -> None:
    assert parse_number(str(number)) == number
    assert str(parse_number(str(number))) == str(number)


@given(document_number_pairs())
def test_messy_text_parses_to_the_same_value(pair: tuple[str, DocumentNumber]) -> None:
    text, number = pair
    parsed = parse_number(text)
    assert parsed == number
    # What the parser builds without re-validation is exactly what the model accepts.
    assert check(parsed) is None


@given(document_number_pairs())
def test_the_finder_reads_a_number_as_the_parser_does(pair: tuple[str, DocumentNumber]) -> None:
    text, number = pair
    assert [m.value for m in find_numbers(text)] == [parse_number(text)] == [number]


@given(document_number_pairs(), st.sampled_from(["Căn cứ Công văn số {}", "Thực hiện {} của UBND", "theo số {}."]))
def test_the_finder_reads_a_number_in_a_sentence_as_the_parser_does(
    pair: tuple[str, DocumentNumber], sentence: str
) -> None:
    text, number = pair
    text = text[next(i for i, c in enumerate(text) if c.isdigit()) :]  # without its "Số:" prefix
    found = [m.value for m in find_numbers(sentence.format(text))]
    assert found in ([number], []), found  # never another number
    if "số" in sentence and text.upper() == text:  # a symbol in capitals after "số" is always found
        assert found == [number]


@given(document_number_texts(messy=True))
def test_messy_texts_are_valid(text: str) -> None:
    assert is_valid_number(text)


@given(st.one_of(st.text(), st.text(alphabet="0123456789/-. QĐDUBNDCPTWqđ\n–"), st.binary(), st.none()))
def test_is_valid_number_never_raises(value: object) -> None:
    assert is_valid_number(value) in (True, False)


@given(st.text(alphabet="0123456789/-. QĐDUBNDCPTWqđ\n–số:", max_size=60))
def test_parse_number_raises_only_its_own_error(text: str) -> None:
    try:
        number = parse_number(text)
    except DocumentNumberError as err:
        assert 0 <= err.offset <= len(text)
        assert err.text == text
    else:
        assert parse_number(str(number)) == number


@given(st.from_type(DocumentNumber))
def test_from_type_is_registered(number: DocumentNumber) -> None:
    assert isinstance(number, DocumentNumber)


@given(document_numbers())
def test_converter_round_trip(number: DocumentNumber) -> None:
    conv = make_converter()
    data = conv.unstructure(number)
    assert conv.structure(data, DocumentNumber) == number
    assert conv.loads(conv.dumps(number), DocumentNumber) == number


@pytest.mark.parametrize(
    "text",
    ["1/" * 60, " / " * 40, "1" * 200, "Số: " + " " * 115, "1/QĐ-" + "-" * 110, "12 " * 39 + "/QĐ", "1/QĐ" * 10**5],
)
def test_adversarial_inputs_are_refused_cleanly(text: str) -> None:
    # parse_number reads at most MAX_LENGTH characters, so no input can make it slow; each of
    # these must end in the library's own error, not a hang or a foreign exception.
    with pytest.raises(DocumentNumberError):
        parse_number(text)
