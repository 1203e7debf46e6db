"""Hypothesis strategies for document numbers (see :mod:`vngovdirectives.strategies`)."""

from __future__ import annotations

import unicodedata

from hypothesis import assume
from hypothesis import strategies as st

from vngovdirectives.errors import DocumentNumberError
from vngovdirectives.numbers.codes import AgencyRole, DocumentType, agencies, canonical_code
from vngovdirectives.numbers.grammar import NumberScheme, canon_groups, is_party_body, split_lost_dash
from vngovdirectives.numbers.model import DocumentNumber
from vngovdirectives.text.patterns import MAX_YEAR, MIN_YEAR

__all__ = ["document_number_pairs", "document_number_texts", "document_numbers"]

_LETTERS = "ABCDEGHIKLMNOPQRSTUVXYĐ"
_DASHES = ("-", "\u2013", "\u2014", "\u2212", "\u2010", "\uff0d")
_SLASHES = ("/", "\u2044", "\u2215", "\uff0f")


def _codes(role: AgencyRole) -> list[str]:
    return sorted(a.code for a in agencies().values() if a.role is role)


def _unknown_codes() -> st.SearchStrategy[str]:
    """Agency-specific codes that are in no table (and cannot be read as two known codes)."""
    return (
        st.text(alphabet=_LETTERS, min_size=2, max_size=7)
        .filter(lambda c: canonical_code(c) is None and split_lost_dash(c, True) is None)
        .filter(lambda c: split_lost_dash(c, False) is None)
    )


@st.composite
def _serials(draw: st.DrawFn) -> str:
    serial = str(draw(st.integers(min_value=1, max_value=99999)))
    if draw(st.integers(0, 9)) == 0:
        serial += draw(st.sampled_from("abcd"))
    return serial


@st.composite
def document_numbers(
    draw: st.DrawFn,
    *,
    schemes: st.SearchStrategy[NumberScheme] | None = None,
    min_year: int = 1945,
    max_year: int = 2035,
) -> DocumentNumber:
    """Valid :class:`DocumentNumber` values of every scheme, with known and unknown codes.

    Args:
        schemes: restrict the layouts drawn (default: all of :class:`NumberScheme`).
        min_year, max_year: bounds of the year segment of legal documents.
    """
    if not MIN_YEAR <= min_year <= max_year <= MAX_YEAR:
        raise ValueError(f"need {MIN_YEAR} <= min_year <= max_year <= {MAX_YEAR}")
    scheme = draw(schemes if schemes is not None else st.sampled_from(NumberScheme))
    issuers = _codes(AgencyRole.ISSUER)
    plain_issuers = [c for c in issuers if DocumentType.from_code(c) is None]
    party_bodies = _codes(AgencyRole.PARTY)
    units = st.one_of(st.sampled_from(_codes(AgencyRole.UNIT)), _unknown_codes())
    types = [t for t in DocumentType if t not in (DocumentType.VAN_BAN_HOP_NHAT,)]
    type_code = draw(st.sampled_from(types)).code
    serial = draw(_serials())
    year = draw(st.integers(min_value=min_year, max_value=max_year))
    fields: dict[str, object] = {"serial": serial, "scheme": scheme}
    if scheme is NumberScheme.LEGAL:
        fields |= {"year": year, "type_code": type_code, "issuers": (draw(st.sampled_from(issuers)),)}
        assume(type_code not in ("TTLT", "NQLT"))
    elif scheme is NumberScheme.JOINT:
        chosen = draw(st.lists(st.sampled_from(issuers), min_size=2, max_size=4, unique=True))
        fields |= {"year": year, "type_code": draw(st.sampled_from(["TTLT", "NQLT"])), "issuers": tuple(chosen)}
    elif scheme is NumberScheme.NATIONAL_ASSEMBLY:
        body = draw(st.sampled_from(["QH", "UBTVQH"])) + str(draw(st.integers(1, 15)))
        fields |= {"year": year, "issuers": (body,)}
    elif scheme is NumberScheme.ADMINISTRATIVE:
        unit = draw(st.lists(units, max_size=1))
        fields |= {"type_code": type_code, "issuers": (draw(st.sampled_from(issuers)),), "units": tuple(unit)}
    elif scheme is NumberScheme.OFFICIAL_LETTER:
        issuer = draw(st.one_of(st.sampled_from(plain_issuers), _unknown_codes()))
        fields |= {"issuers": (issuer,), "units": tuple(draw(st.lists(units, min_size=1, max_size=2)))}
    elif scheme is NumberScheme.CONSOLIDATED:
        fields |= {"type_code": "VBHN", "issuers": (draw(st.sampled_from(issuers)),)}
    elif scheme is NumberScheme.PARTY:
        party_type = draw(st.sampled_from(["NQ", "CT", "KL", "QĐ", "HD", "TB", "CV", "BC", "KH", "BS", "QĐi", "CĐ"]))
        unit = draw(st.lists(units, max_size=1))
        fields |= {"type_code": party_type, "issuers": (draw(st.sampled_from(party_bodies)),), "units": tuple(unit)}
    else:
        fields |= {"issuers": (draw(st.sampled_from(plain_issuers)),)}
    fields |= draw(_printed(fields))
    try:
        return DocumentNumber(**fields)  # type: ignore[arg-type]
    except DocumentNumberError:
        assume(False)
        raise  # pragma: no cover - assume(False) never returns


@st.composite
def _printed(draw: st.DrawFn, fields: dict[str, object]) -> dict[str, object]:
    """Sometimes, how a page prints the number of ``fields`` apart from the standard: its own zero
    padding ("02144/QĐ-UBND"), a dot ("01/1999/QĐ.UB")."""
    out: dict[str, object] = {}
    digits = len(str(fields["serial"]).rstrip("abcd"))
    if digits < 6 and draw(st.integers(0, 9)) == 0:
        out["width"] = draw(st.integers(max(3, digits + 1), 6))
    if fields["scheme"] is not NumberScheme.PARTY and draw(st.integers(0, 14)) == 0:
        parts = [fields.get("type_code"), *_as_tuple(fields.get("issuers")), *_as_tuple(fields.get("units"))]
        n_codes = sum(1 for part in parts if part)
        if n_codes >= 2:
            lead = ("/", "/") if fields.get("year") else ("/",)
            out["separators"] = (*lead, *(".",) * (n_codes - 1))
    return out


def _as_tuple(value: object) -> tuple[object, ...]:
    return value if isinstance(value, tuple) else ()


@st.composite
def document_number_pairs(
    draw: st.DrawFn, *, numbers: st.SearchStrategy[DocumentNumber] | None = None, messy: bool = True
) -> tuple[str, DocumentNumber]:
    """``(text, number)`` pairs where ``parse_number(text) == number``.

    With ``messy=True`` the text carries the mess real documents have: a "Số:" prefix, dropped or
    extra zero padding, spaces and line breaks around separators, dash and slash look-alikes,
    "D" or "Ð" for "Đ", lower case, NFD, a Party hyphen written as a space or lost ("32CT/TW"), or
    a dash lost in PDF extraction where the code tables make the split unambiguous.
    """
    number = draw(numbers if numbers is not None else document_numbers())
    text = str(number)
    if not messy:
        return text, number
    rng = draw(st.randoms(use_true_random=False))
    if rng.random() < 0.3 and number.type_code and number.issuers and not number.separators:
        glued = number.type_code + number.issuers[0]
        if number.scheme is not NumberScheme.PARTY and canon_groups((glued,)) == (number.type_code, number.issuers[0]):
            text = text.replace(f"{number.type_code}-{number.issuers[0]}", glued, 1)
    if rng.random() < 0.3:
        digits = number.padded_serial.rstrip("abcd")
        padded = ("0" + digits) if len(digits) < 6 else digits  # a serial has six digits at most
        text = rng.choice([digits.lstrip("0"), padded]) + text[len(digits) :]
    if rng.random() < 0.3 and _d_is_recoverable(number):
        text = "".join(c.replace("Đ", "D") if c == "Đ" and rng.random() < 0.5 else c for c in text)
    if rng.random() < 0.2:
        text = text.replace("Đ", "\u00d0")
    if rng.random() < 0.2:
        text = text.lower()
    if rng.random() < 0.3:
        text = "".join(rng.choice(_DASHES) if c == "-" else c for c in text)
    if rng.random() < 0.2:
        text = "".join(rng.choice(_SLASHES) if c == "/" else c for c in text)
    if rng.random() < 0.3:
        out = []
        for c in text:
            if c in "/" + "".join(_DASHES) and rng.random() < 0.5:
                out.append(rng.choice([" ", "  ", "\n", " \n"]) + c + rng.choice(["", " "]))
            else:
                out.append(c)
        text = "".join(out)
        if text[:1].isspace():
            text = text.lstrip()
    if number.scheme is NumberScheme.PARTY and not number.separators and rng.random() < 0.15:
        head, _, tail = text.partition("-")
        if head.strip().isalnum() and tail[:1].isalpha():
            glue = head.strip().isdigit() and _party_hyphen_recoverable(number)
            text = head.strip() + ("" if glue and rng.random() < 0.5 else " ") + tail
    if rng.random() < 0.3:
        text = rng.choice(["Số: ", "số ", "Số:", "Số hiệu: ", "số: "]) + text
    if rng.random() < 0.2:
        text = unicodedata.normalize("NFD", text)
    return text, number


def _party_hyphen_recoverable(number: DocumentNumber) -> bool:
    """Whether a lost Party hyphen comes back ("32CT/TW"): a type code of two to four letters, then
    a Party body after the slash."""
    code = number.type_code or ""
    return 2 <= len(code) <= 4 and code.isalpha() and bool(number.issuers) and is_party_body(number.issuers[0])


def _d_is_recoverable(number: DocumentNumber) -> bool:
    """Whether every code with "Đ" of ``number`` comes back from its "D" spelling: a type or
    issuer code the tables know with "Đ" only; never a unit code, whose "D" stays "D"."""
    if any("Đ" in unit for unit in number.units):
        return False
    return all(canonical_code(code.replace("Đ", "D")) == code for code in number.codes if "Đ" in code)


def document_number_texts(
    *, numbers: st.SearchStrategy[DocumentNumber] | None = None, messy: bool = True
) -> st.SearchStrategy[str]:
    """Texts that :func:`~vngovdirectives.parse_number` reads as a document number.

    See :func:`document_number_pairs` for the kinds of mess produced when ``messy`` is true.
    """
    return document_number_pairs(numbers=numbers, messy=messy).map(lambda pair: pair[0])
