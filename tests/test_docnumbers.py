"""Document-number parsing: every scheme, the messy forms of real text, and the error contract."""

from __future__ import annotations

import unicodedata

import pytest

from vngovdirectives import (
    DocumentNumber,
    DocumentNumberError,
    DocumentType,
    NumberScheme,
    ParseError,
    is_valid_number,
    parse_number,
)
from vngovdirectives.numbers.codes import is_national_code

# (input, canonical form, scheme) — one or more per scheme, written the way documents print them.
SCHEMES = [
    ("34/2016/NĐ-CP", "34/2016/NĐ-CP", NumberScheme.LEGAL),
    ("12/2020/QĐ-UBND", "12/2020/QĐ-UBND", NumberScheme.LEGAL),
    ("14/2001/QĐ-UB", "14/2001/QĐ-UB", NumberScheme.LEGAL),
    ("01/1999/QĐ.UB", "01/1999/QĐ.UB", NumberScheme.LEGAL),
    ("117/2008/QĐ", "117/2008/QĐ", NumberScheme.LEGAL),
    ("09/2016/TTLT-BGTVT-BTC", "09/2016/TTLT-BGTVT-BTC", NumberScheme.JOINT),
    ("03/2010/TTLT-BNV-BTC-BLĐTB&XH", "03/2010/TTLT-BNV-BTC-BLĐTB&XH", NumberScheme.JOINT),
    ("91/2015/QH13", "91/2015/QH13", NumberScheme.NATIONAL_ASSEMBLY),
    ("35/2023/UBTVQH15", "35/2023/UBTVQH15", NumberScheme.NATIONAL_ASSEMBLY),
    ("98/KH-UBND", "98/KH-UBND", NumberScheme.ADMINISTRATIVE),
    ("04/TTr-SNgV", "04/TTr-SNgV", NumberScheme.ADMINISTRATIVE),
    ("41/CV-BCĐ", "41/CV-BCĐ", NumberScheme.ADMINISTRATIVE),
    ("18/BCTĐ-STP", "18/BCTĐ-STP", NumberScheme.OFFICIAL_LETTER),
    ("4919/VPCP-KTTH", "4919/VPCP-KTTH", NumberScheme.OFFICIAL_LETTER),
    ("10315/CT-TTHT", "10315/CT-TTHT", NumberScheme.OFFICIAL_LETTER),
    ("2231/SNV-CCHC&PC", "2231/SNV-CCHC&PC", NumberScheme.OFFICIAL_LETTER),
    ("14/VBHN-BTC", "14/VBHN-BTC", NumberScheme.CONSOLIDATED),
    ("15-CT/TW", "15-CT/TW", NumberScheme.PARTY),
    ("94-HD/ĐUK", "94-HD/ĐUK", NumberScheme.PARTY),
    ("08-QĐi/TW", "08-QĐi/TW", NumberScheme.PARTY),
    ("367-QĐ/TWĐTN-VP", "367-QĐ/TWĐTN-VP", NumberScheme.PARTY),
    ("195/CP", "195/CP", NumberScheme.ISSUER_ONLY),
    ("126/SKHĐT", "126/SKHĐT", NumberScheme.ISSUER_ONLY),
]


@pytest.mark.parametrize(("text", "canonical", "scheme"), SCHEMES)
def test_every_scheme_parses_to_its_canonical_form(text: str, canonical: str, scheme: NumberScheme) -> None:
    number = parse_number(text)
    assert str(number) == canonical
    assert number.scheme is scheme
    assert parse_number(str(number)) == number


def test_parts_of_a_legal_number() -> None:
    n = parse_number("55/2005/TTLT-BNV-VPCP")
    assert (n.serial, n.year, n.type_code, n.issuers, n.units) == ("55", 2005, "TTLT", ("BNV", "VPCP"), ())
    assert n.doc_type is DocumentType.THONG_TU_LIEN_TICH


def test_parts_of_an_official_letter() -> None:
    n = parse_number("8662/VPCP-KGVX")
    assert (n.type_code, n.issuers, n.units) == (None, ("VPCP",), ("KGVX",))
    assert n.doc_type is DocumentType.CONG_VAN


def test_party_number_has_no_year_and_keeps_its_grammar() -> None:
    n = parse_number("05-CT/TW")
    assert n.year is None
    assert n.doc_type is not None
    assert n.doc_type.label == "Chỉ thị"
    assert str(n) == "05-CT/TW"


def test_letter_suffix_of_the_serial() -> None:
    n = parse_number("30c/NQ-CP")
    assert n.serial == "30c"
    assert str(parse_number("30a/2008/NQ-CP")) == "30a/2008/NQ-CP"
    assert str(parse_number("7B/QĐ-UBND")) == "07b/QĐ-UBND"


def test_a_pages_own_padding_is_printed_back_but_not_compared() -> None:
    padded = parse_number("Số: 02144 /QĐ-UBND")
    assert str(padded) == "02144/QĐ-UBND"
    assert padded.width == 5
    assert padded == parse_number("2144/QĐ-UBND")
    assert hash(padded) == hash(parse_number("2144/QĐ-UBND"))
    assert str(parse_number("7/KH-UBND")) == str(parse_number("07/KH-UBND")) == "07/KH-UBND"  # Decree 30's two digits
    with pytest.raises(DocumentNumberError, match="width"):
        DocumentNumber(serial="2144", scheme=NumberScheme.ISSUER_ONLY, issuers=("UBND",), width=4)


def test_zero_padding_does_not_change_identity() -> None:
    assert parse_number("5/CT-TTg") == parse_number("05/CT-TTg") == parse_number("005/CT-TTg")
    assert str(parse_number("5/CT-TTg")) == "05/CT-TTg"
    assert str(parse_number("1528/QĐ-UBND")) == "1528/QĐ-UBND"


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("QĐ-TTG", None),  # no serial: rejected below
        ("12/QĐ-TTG", "12/QĐ-TTg"),
        ("3/ctr-ubnd", "03/CTr-UBND"),
        ("44/TTR-UBND", "44/TTr-UBND"),
        ("2/QYĐ-UBND", "02/QyĐ-UBND"),
        ("77/2014/tt-btc", "77/2014/TT-BTC"),
        ("06-ct/tw", "06-CT/TW"),
        ("04/ttr-sngv", "04/TTr-SNgV"),
    ],
)
def test_official_mixed_case_is_restored(text: str, canonical: str | None) -> None:
    if canonical is None:
        assert not is_valid_number(text)
    else:
        assert str(parse_number(text)) == canonical


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        # ASCII D and Icelandic Ð for Đ, only where the code table knows the code
        ("188/1999/QD-TTg", "188/1999/QĐ-TTg"),
        ("30/2020/ND-CP", "30/2020/NĐ-CP"),
        ("15/2014/Q\u00d0-UBND", "15/2014/QĐ-UBND"),
        ("25/NQ-HDND", "25/NQ-HĐND"),
        ("12/HD-UBND", "12/HD-UBND"),  # Hướng dẫn keeps its D
        ("12/HĐ-UBND", "12/HĐ-UBND"),  # Hợp đồng was written with Đ
        ("155/QD-BGDDT", "155/QĐ-BGDĐT"),
        ("188/1999/Q§-TTg", "188/1999/QĐ-TTg"),  # TCVN3 legacy encoding
        # dash and slash look-alikes
        ("05 \u2013 CT/TW", "05-CT/TW"),
        ("391 \u2014 CV/ĐU", "391-CV/ĐU"),
        ("61/2018/NĐ\u2212CP", "61/2018/NĐ-CP"),
        ("61\u20442018\u2044NĐ-CP", "61/2018/NĐ-CP"),
        ("61\uff0f2018\uff0fNĐ\uff0dCP", "61/2018/NĐ-CP"),
        # spaces and line breaks around separators
        ("56/ 2015/ NĐ - CP", "56/2015/NĐ-CP"),
        ("1953/BCĐ- YT", "1953/BCĐ-YT"),
        ("1206 /QĐ-HVTC", "1206/QĐ-HVTC"),
        ("16/CT - TTg", "16/CT-TTg"),
        ("473/TTr -\nNN&PTNT", "473/TTr-NN&PTNT"),
        ("84/2014/\nNĐ-CP", "84/2014/NĐ-CP"),
        # dashes lost in PDF extraction
        ("1961/QĐUBND", "1961/QĐ-UBND"),
        ("61/2018/NĐCP", "61/2018/NĐ-CP"),
        ("30c/NQCP", "30c/NQ-CP"),
        ("01/2018/TTVPCP", "01/2018/TT-VPCP"),
        ("2468/QDUBND", "2468/QĐ-UBND"),
        # prefixes and trailing punctuation
        ("Số: 07/KH-UBND", "07/KH-UBND"),
        ("số 36-HD/VPTW", "36-HD/VPTW"),
        ("Số hiệu: 612/QĐ-UBND", "612/QĐ-UBND"),
        ("Số:15 /2014/QĐ-UBND", "15/2014/QĐ-UBND"),
        ("số82/2005/QĐ-UBND", "82/2005/QĐ-UBND"),
        ("12/QĐ-UBND.", "12/QĐ-UBND"),
        ("(Công văn) 12/UBND-VX,", None),
        # slugs and translations without any slash: read in the standard layout
        ("No. 13-NQ-CP", "13/NQ-CP"),
        ("15-2012-qĐ-ubnd", "15/2012/QĐ-UBND"),
        ("162_2011_TT-BTC", "162/2011/TT-BTC"),
        ("05-CT-TW", "05-CT/TW"),
        # brackets and table bars around the number, OCR "Ư" for "U"
        ("(05-CT/TW)", "05-CT/TW"),
        ("Số: 45/2013/QĐ-TTg |", "45/2013/QĐ-TTg"),
        ("12/QĐ-ƯBND", "12/QĐ-UBND"),
        ("16495/B\u0422\u0421-PTHT", "16495/BTC-PTHT"),  # Cyrillic Т and С pasted into the symbol
        # Party specifics
        ("84 QĐ/TWĐTN", "84-QĐ/TWĐTN"),
        ("03-CT/TƯ", "03-CT/TW"),
        ("03-CT/T.Ư", "03-CT/TW"),
        ("100 - KL/TW", "100-KL/TW"),
        # the hyphen after the serial lost in extraction: put back only before a Party body
        ("32CT/TW", "32-CT/TW"),
        ("Số: 05HD/UBKTTW", "05-HD/UBKTTW"),
        ("144CTr/TU", "144-CTr/TU"),
        ("12QĐ/UBND", None),
    ],
)
def test_messy_forms(text: str, canonical: str | None) -> None:
    if canonical is None:
        with pytest.raises(DocumentNumberError):
            parse_number(text)
    else:
        assert str(parse_number(text)) == canonical


def test_nfd_input_parses_like_nfc() -> None:
    nfc = "92/TTr-SLĐTBXH"
    nfd = unicodedata.normalize("NFD", "Số: " + nfc)
    assert nfd != "Số: " + nfc
    assert parse_number(nfd) == parse_number(nfc)


def test_printed_separators_are_kept() -> None:
    assert str(parse_number("19-2018/NQ-CP")) == "19-2018/NQ-CP"
    assert str(parse_number("82/2005-QĐ-UBND")) == "82/2005-QĐ-UBND"
    dotted = parse_number("01/1999/QĐ.UB")
    assert dotted.separators == ("/", "/", ".")
    assert dotted != parse_number("01/1999/QĐ-UB")


def test_lost_dash_is_not_guessed_when_the_tables_do_not_decide() -> None:
    # "XYZABC" splits into no pair of known codes: it stays one unknown code.
    n = parse_number("12/XYZABC")
    assert n.issuers == ("XYZABC",)
    assert n.unknown_codes == ("XYZABC",)


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        # a unit code is one code, whatever known codes it could be cut into
        ("4836/BNN-VPĐP", "4836/BNN-VPĐP"),
        ("7683/VPCP-QHĐP", "7683/VPCP-QHĐP"),
        # the office of a body makes one code with it, also in an issuer's place
        ("42/TTr-VPUB", "42/TTr-VPUB"),
        # a unit code keeps its D: "DP" may be Dự phòng; type and issuer codes come from closed tables
        ("12/UBND-DP", "12/UBND-DP"),
        ("12/UBND-ĐP", "12/UBND-ĐP"),
        ("155/QD-BGDDT", "155/QĐ-BGDĐT"),
        # a lost dash is still repaired where type and issuer codes meet
        ("12/KHUBND", "12/KH-UBND"),
        ("55/2005/TTLT-BNVVPCP", "55/2005/TTLT-BNV-VPCP"),
    ],
)
def test_repair_only_where_the_tables_are_evidence(text: str, canonical: str) -> None:
    assert str(parse_number(text)) == canonical


def test_unknown_unit_codes_are_accepted_and_reported() -> None:
    n = parse_number("391/SNV-TCCC")
    assert n.unknown_codes == ()
    n = parse_number("77/UBND-QLXYZ")
    assert n.unknown_codes == ("QLXYZ",)


@pytest.mark.parametrize(
    ("text", "fragment", "offset"),
    [
        ("15/3/2024", "3", 3),  # a date
        ("3/2024", "2024", 2),  # month/year
        ("TCVN 5574:2018", "T", 0),
        ("", "", 0),
        ("1234567/QĐ-UBND", "1234567", 0),
        ("0/QĐ-UBND", "0", 0),
        ("12/1234/QĐ-UBND", "1234", 3),
        ("12//QĐ-UBND", "//", 2),
        ("12/QĐ UBND", " ", 5),
        ("12", "2", 1),
    ],
)
def test_errors_say_what_and_where(text: str, fragment: str, offset: int) -> None:
    with pytest.raises(DocumentNumberError) as info:
        parse_number(text)
    err = info.value
    assert isinstance(err, ParseError)
    assert isinstance(err, ValueError)
    assert err.text == text
    assert err.fragment == fragment
    assert err.offset == offset
    assert f"offset {offset}" in str(err)


def test_error_on_non_string_input() -> None:
    from vngovdirectives.errors import InputTypeError

    with pytest.raises(InputTypeError, match=r"parse_number\(\) reads a str as text, not bytes"):
        parse_number(b"12/QD-UBND")  # type: ignore[arg-type]


def test_overlong_input_is_refused_quickly() -> None:
    with pytest.raises(DocumentNumberError, match="too long"):
        parse_number("1" + "/QĐ" * 100_000)


@pytest.mark.parametrize(
    "value", [None, 12, 1.5, b"12/QD-UBND", ["12/QĐ-UBND"], "", " ", "\x00", "🙂/QĐ", "١٢/QĐ-UBND", "12/QĐ-"]
)
def test_is_valid_number_never_raises(value: object) -> None:
    assert is_valid_number(value) is False


def test_is_valid_number_accepts_numbers_and_their_texts() -> None:
    assert is_valid_number("Số: 07/KH-UBND")
    assert is_valid_number(parse_number("07/KH-UBND"))


def test_model_rejects_inconsistent_values() -> None:
    with pytest.raises(DocumentNumberError, match="serial"):
        DocumentNumber(serial="05", type_code="QĐ", issuers=("UBND",), scheme=NumberScheme.ADMINISTRATIVE)
    with pytest.raises(DocumentNumberError, match="scheme=ADMINISTRATIVE"):
        DocumentNumber(serial="5", type_code="QĐ", issuers=("UBND",), scheme=NumberScheme.PARTY.LEGAL)
    with pytest.raises(DocumentNumberError, match="canonical"):
        DocumentNumber(serial="5", type_code="QD", issuers=("UBND",), scheme=NumberScheme.ADMINISTRATIVE)
    ok = DocumentNumber(serial="5", type_code="QĐ", issuers=("UBND",), scheme=NumberScheme.ADMINISTRATIVE)
    assert ok == parse_number("05/QĐ-UBND")
    assert repr(ok) == "DocumentNumber('05/QĐ-UBND')"


def test_numbers_are_hashable_and_immutable() -> None:
    n = parse_number("07/KH-UBND")
    assert {n, parse_number("7/KH-UBND")} == {n}
    with pytest.raises(AttributeError):
        n.serial = "8"  # type: ignore[misc]


def test_non_ascii_digits_are_not_serials() -> None:
    assert not is_valid_number("1\u0661\u0662/QĐ-UBND")
    assert not is_valid_number("12/\u0662\u0660\u0661\u0669/NĐ-CP")


def test_a_sentence_full_stop_is_not_a_separator() -> None:
    with pytest.raises(DocumentNumberError, match="white space"):
        parse_number("08-NQ/TW. Number")
    assert str(parse_number("01/1999/QĐ.UB")) == "01/1999/QĐ.UB"


@pytest.mark.parametrize(
    ("code", "national"),
    [("CP", True), ("TTg", True), ("QH15", True), ("BTC", True), ("NHNN", True), ("TW", True), ("qđ", False)],
)
def test_national_bodies_have_one_series_of_numbers(code: str, national: bool) -> None:
    assert is_national_code(code) is national


@pytest.mark.parametrize("code", ["UBND", "HĐND", "SYT", "CT", "BHXH", "KGVX", "XYZ"])
def test_every_province_has_its_own(code: str) -> None:
    assert not is_national_code(code)
