"""Vietnamese document numbers ("số, ký hiệu"): the model, the parser and the validator.

A document number is a serial followed by a symbol, in one of a handful of layouts:

====================  =======================  =========================================
scheme                layout                   examples
====================  =======================  =========================================
LEGAL                 n/yyyy/TYPE-ISSUER       61/2018/NĐ-CP, 14/2001/QĐ-UB
JOINT                 n/yyyy/TTLT-A-B          55/2005/TTLT-BNV-VPCP
NATIONAL_ASSEMBLY     n/yyyy/QHk               80/2015/QH13, 653/2019/UBTVQH14
ADMINISTRATIVE        n/TYPE-ISSUER[-UNIT]     607/QĐ-UBND, 39/CV-BCĐ
OFFICIAL_LETTER       n/ISSUER-UNIT            8662/VPCP-KGVX (công văn)
CONSOLIDATED          n/VBHN-ISSUER            03/VBHN-VPQH
PARTY                 n-TYPE/ISSUER[-UNIT]     05-CT/TW, 367-QĐ/TWĐTN-VP
ISSUER_ONLY           n/ISSUER                 101/CP, 126/SKHĐT (historical, informal)
====================  =======================  =========================================

>>> n = parse_number("Số: 61/2018/NĐCP")
>>> str(n), n.scheme.name, n.year, n.doc_type.label, n.issuers
('61/2018/NĐ-CP', 'LEGAL', 2018, 'Nghị định', ('CP',))
>>> str(parse_number("5/ct-ttg")), parse_number("5/CT-TTg") == parse_number("05/CT-TTg")
('05/CT-TTg', True)
>>> is_valid_number("15/3/2024"), is_valid_number(None), is_valid_number("05 – CT/TW")
(False, False, True)
"""

from __future__ import annotations

import enum
import functools
import operator
import re
import unicodedata
from typing import Final

import attrs

from vngovdirectives._fast import field_setters
from vngovdirectives.codes import (
    AgencyRole,
    DocumentType,
    agencies,
    canonical_code,
)
from vngovdirectives.errors import DocumentNumberError
from vngovdirectives.text import fold_char_table

__all__ = ["DocumentNumber", "NumberScheme", "is_valid_number", "parse_number"]

MIN_YEAR: Final = 1900
MAX_YEAR: Final = 2100
#: Longest input parse_number reads; real numbers with a "Số hiệu:" prefix stay far below it.
MAX_LENGTH: Final = 120


class NumberScheme(enum.Enum):
    """The layout of a document number (see the module documentation)."""

    LEGAL = "legal"
    JOINT = "joint"
    NATIONAL_ASSEMBLY = "national_assembly"
    ADMINISTRATIVE = "administrative"
    OFFICIAL_LETTER = "official_letter"
    CONSOLIDATED = "consolidated"
    PARTY = "party"
    ISSUER_ONLY = "issuer_only"


_SERIAL: Final = re.compile(r"[1-9][0-9]{0,5}[a-z]?")
_CODE: Final = re.compile(r"[^\W\d_](?:[^\W\d_]|[0-9])*(?:&(?:[^\W\d_]|[0-9])+)*")
_TERM: Final = re.compile(r"(?:UBTVQH|QH)[0-9]{1,2}")
_LEGAL_TYPES: Final = frozenset({"TTLT", "NQLT"})


@attrs.frozen(kw_only=True, slots=True, repr=False)
class DocumentNumber:
    """A parsed document number. ``str(n)`` is its canonical form.

    Attributes:
        serial: the serial without zero padding, with its letter suffix if any ("5", "30c").
        year: the year written in the symbol (legal documents), else None.
        type_code: the type abbreviation as officially spelled ("QĐ", "TTr", "CV"); None for a
            công văn or a law, whose symbols carry no type.
        issuers: the issuer codes ("UBND"; several for joint documents).
        units: drafting-unit or field codes after the issuer ("KGVX" in "8662/VPCP-KGVX").
        scheme: the layout.
        separators: the separators as printed when they differ from the standard layout
            ("01/1999/QĐ.UB", "19-2018/NQ-CP"); empty for the standard layout.

    Equality ignores zero padding (``05/CT-TTg == 5/CT-TTg``): the serial is stored without it.
    """

    serial: str
    year: int | None = None
    type_code: str | None = None
    issuers: tuple[str, ...] = ()
    units: tuple[str, ...] = ()
    scheme: NumberScheme
    separators: tuple[str, ...] = ()

    def __attrs_post_init__(self) -> None:
        problem = _check(self)
        if problem is not None:
            text = self._render()
            raise DocumentNumberError(f"inconsistent DocumentNumber: {problem}", text, 0, text)

    @property
    def doc_type(self) -> DocumentType | None:
        """The document type the type code stands for (None for công văn, laws and unknown codes)."""
        if self.type_code is None:
            return DocumentType.CONG_VAN if self.scheme is NumberScheme.OFFICIAL_LETTER else None
        return DocumentType.from_code(self.type_code)

    @property
    def codes(self) -> tuple[str, ...]:
        """Every code of the symbol in order: type code, issuers, units."""
        head = (self.type_code,) if self.type_code is not None else ()
        return (*head, *self.issuers, *self.units)

    @property
    def unknown_codes(self) -> tuple[str, ...]:
        """The codes of the symbol that are in neither the type list nor the agency table.

        Agencies define their own unit codes, so an unknown code is normal, not an error.

        >>> parse_number("12/UBND-XYZT").unknown_codes
        ('XYZT',)
        """
        return tuple(c for c in self.codes if canonical_code(c) is None)

    @property
    def padded_serial(self) -> str:
        """The serial as Decree 30/2020 prints it: two digits at least ("05", "30c", "1528")."""
        digits = self.serial.rstrip("abcdefghijklmnopqrstuvwxyz")
        return digits.zfill(2) + self.serial[len(digits) :]

    def standard_separators(self) -> tuple[str, ...]:
        """The separators of this number's scheme in the standard layout."""
        return _standard_separators(self.scheme, self.year is not None, len(self.codes))

    def _render(self) -> str:
        tokens = [self.padded_serial]
        if self.year is not None:
            tokens.append(str(self.year))
        tokens.extend(self.codes)
        seps = self.separators or self.standard_separators()
        if len(seps) != len(tokens) - 1:
            seps = ("/",) * (len(tokens) - 1)
        out = [tokens[0]]
        for sep, token in zip(seps, tokens[1:], strict=True):
            out.append(sep)
            out.append(token)
        return "".join(out)

    def __str__(self) -> str:
        return self._render()

    def __repr__(self) -> str:
        return f"DocumentNumber({self._render()!r})"


def _standard_separators(scheme: NumberScheme, has_year: bool, n_codes: int) -> tuple[str, ...]:
    if scheme is NumberScheme.PARTY:
        return ("-", "/", *("-",) * max(0, n_codes - 2))
    return ("/", *(("/",) if has_year else ()), *("-",) * max(0, n_codes - 1))


# ----------------------------------------------------------------------------------------------
# Code canonicalisation and classification (shared by the parser and the model's validation)


@functools.lru_cache(maxsize=4096)
def _canon_token(token: str) -> str:
    """Official spelling of a known code, upper case for an unknown one ("TƯ" is written "TW")."""
    upper = token.upper()
    if upper == "TƯ":  # Trung ương, also written TW and T.Ư
        return "TW"
    known = canonical_code(token)
    if known is not None:
        return known
    return upper


def _is_type(code: str) -> bool:
    return DocumentType.from_code(code) is not None


def _is_issuer(code: str) -> bool:
    if _TERM.fullmatch(code):
        return True
    agency = agencies().get(code)
    return agency is not None and agency.role is not AgencyRole.UNIT


def _is_unit(code: str) -> bool:
    agency = agencies().get(code)
    return agency is not None and agency.role is AgencyRole.UNIT


@functools.lru_cache(maxsize=4096)
def _split_lost_dash(token: str, first: bool) -> tuple[str, ...] | None:
    """Split a code that lost its dash ("QĐUBND") when exactly one split is made of known codes.

    In the first position the split is TYPE+ISSUER (or ISSUER+UNIT for a công văn); later, only
    ISSUER+ISSUER or ISSUER+UNIT splits are tried. Returns None when no split, or several, fit.
    """
    found: list[tuple[str, str]] = []
    for i in range(1, len(token)):
        head = canonical_code(token[:i])
        tail = canonical_code(token[i:]) or (token[i:].upper() if _TERM.fullmatch(token[i:].upper()) else None)
        if head is None or tail is None:
            continue
        if (first and _is_type(head) and _is_issuer(tail)) or (
            _is_issuer(head) and not _is_type(head) and (_is_unit(tail) or _is_issuer(tail))
        ):
            found.append((head, tail))
    if len(found) == 1:
        return found[0]
    return None


@functools.lru_cache(maxsize=4096)
def _canon_groups(groups: tuple[str, ...]) -> tuple[str, ...]:
    """Canonicalise the code groups of a symbol, repairing lost dashes where the tables allow."""
    out: list[str] = []
    for i, group in enumerate(groups):
        canon = _canon_token(group)
        if canonical_code(canon) is None and not _TERM.fullmatch(canon):
            split = _split_lost_dash(canon, i == 0)
            if split is not None:
                out.extend(split)
                continue
        out.append(canon)
    return tuple(out)


Classified = tuple[str | None, tuple[str, ...], tuple[str, ...], NumberScheme]


@functools.lru_cache(maxsize=4096)
def _standard_separators_cached(scheme: NumberScheme, has_year: bool, n_codes: int) -> tuple[str, ...]:
    return _standard_separators(scheme, has_year, n_codes)


@functools.lru_cache(maxsize=4096)
def _classify(first_sep: str, has_year: bool, codes: tuple[str, ...]) -> Classified:
    """Decide type code, issuers, units and scheme from the canonical code groups."""
    head, rest = codes[0], codes[1:]
    head_is_type = _is_type(head)
    if first_sep == "-" and not has_year and head_is_type and rest:
        return head, rest[:1], rest[1:], NumberScheme.PARTY
    if has_year:
        if not rest and _TERM.fullmatch(head):
            return None, (head,), (), NumberScheme.NATIONAL_ASSEMBLY
        if head_is_type:
            if head in _LEGAL_TYPES or (len(rest) > 1 and all(_is_issuer(c) for c in rest)):
                return head, rest, (), NumberScheme.JOINT
            return head, rest[:1], rest[1:], NumberScheme.LEGAL
        return None, codes[:1], codes[1:], NumberScheme.LEGAL
    if head == "VBHN":
        return head, rest, (), NumberScheme.CONSOLIDATED
    if head_is_type and rest:
        # "CT" is both Chỉ thị and Cục Thuế: followed by a unit code it is the tax department.
        if _is_issuer(head) and _is_unit(rest[0]) and not _is_issuer(rest[0]):
            return None, (head,), rest, NumberScheme.OFFICIAL_LETTER
        return head, rest[:1], rest[1:], NumberScheme.ADMINISTRATIVE
    if head_is_type:
        return head, (), (), NumberScheme.ADMINISTRATIVE
    if not rest:
        return None, (head,), (), NumberScheme.ISSUER_ONLY
    return None, (head,), rest, NumberScheme.OFFICIAL_LETTER


def _check(n: DocumentNumber) -> str | None:
    """Why ``n`` is not a value the parser could produce, or None when it is."""
    serial: object = n.serial  # typed as str, but callers may pass anything
    if not isinstance(serial, str) or not _SERIAL.fullmatch(serial):
        return f"serial {n.serial!r} must be 1-6 digits without leading zeros, plus an optional a-z"
    if n.year is not None and (type(n.year) is not int or not MIN_YEAR <= n.year <= MAX_YEAR):
        return f"year {n.year!r} must be an int from {MIN_YEAR} to {MAX_YEAR}"
    if not isinstance(n.scheme, NumberScheme):
        return f"scheme {n.scheme!r} is not a NumberScheme"
    codes = n.codes
    if not codes:
        return "a document number needs at least one code after the serial"
    for code in codes:
        if not isinstance(code, str) or not _CODE.fullmatch(code):  # type: ignore[redundant-expr]
            return f"code {code!r} must be letters and digits (and '&'), starting with a letter"
    if _canon_groups(codes) != codes:
        return f"codes {codes!r} are not in canonical form ({_canon_groups(codes)!r})"
    standard = n.standard_separators()
    if n.separators:
        if len(n.separators) != len(standard) or any(s not in "/-." for s in n.separators):
            return f"separators {n.separators!r} do not fit the {len(standard) + 1} parts"
        if n.separators == standard:
            return "separators equal to the standard layout must be left empty"
        if "/" not in n.separators:
            return "a printed layout without any '/' is read in the standard layout; leave separators empty"
    first_sep = (n.separators or standard)[0]
    expected = _classify(first_sep, n.year is not None, codes)
    if expected != (n.type_code, n.issuers, n.units, n.scheme):
        t, i, u, s = expected
        return f"the parts read as type_code={t!r}, issuers={i!r}, units={u!r}, scheme={s.name}"
    return None


# ----------------------------------------------------------------------------------------------
# Parsing

_CLEAN_CODE = r"[A-ZĐ][A-ZĐa-z0-9&]*"
# One pattern for both clean layouts: state "n[/yyyy]/CODES" and Party "n-TYPE/CODES".
_FAST: Final = re.compile(
    r"0{0,5}([1-9][0-9]{0,5})([a-z]?)"
    rf"(?:(?:/((?:19|20)[0-9][0-9]))?/({_CLEAN_CODE}(?:-{_CLEAN_CODE}){{0,5}})"
    rf"|-([A-ZĐ][A-ZĐa-z]*/{_CLEAN_CODE}(?:-{_CLEAN_CODE}){{0,5}}))"
)

_NUMBER_FOLD: Final = {**fold_char_table(), ord("§"): "Đ", ord("®"): "đ"}
_NEEDS_FOLD: Final = re.compile("[" + re.escape("".join(map(chr, _NUMBER_FOLD))) + "]")
_PREFIX: Final = re.compile(r"(?:s[ốoô]\s{0,3}(?:hi[ệe]u|k[ýy]\s{0,3}hi[ệe]u)?|no|number)\s{0,3}[:.]?\s{0,3}", re.I)
_SEP_SPACES: Final = re.compile(r"\s{0,4}([/\-])\s{0,4}")  # a dot separates only when glued
_PARTY_SPACE: Final = re.compile(r"([0-9][a-zA-Z]?)\s+(?=[^\W\d_][^\W_]{0,7}\s{0,3}/)")
_TW_DOTTED: Final = re.compile(r"T\.\s?[ƯW]", re.I)
_SHAPE: Final = re.compile(r"([0-9]{1,6})([^\W\d_]?)((?:[/\-.][^/\-.\s]+)+)")
_PARTS: Final = re.compile(r"([/\-.])([^/\-.\s]+)")
_DIGITS: Final = frozenset("0123456789")
_HAS_SPACE: Final = re.compile(r"\s")
_GROUP_1: Final = operator.itemgetter(1)
_TRAILING: Final = ".,;:)]}|\"'»”’ \t\r\n"
_LEADING: Final = "([{|\"'«“‘ \t\r\n"


def parse_number(text: str, /) -> DocumentNumber:
    """Parse a Vietnamese document number, clean or messy, into a :class:`DocumentNumber`.

    Accepted messiness: a leading "số"/"Số:"/"Số hiệu:"; NFD text; "Ð" (U+00D0) or "D" for "Đ"
    where the code table knows the code (QD → QĐ, ND → NĐ, but HD stays HD); en/em dashes, minus,
    fraction slash and full-width look-alikes; spaces and line breaks around separators; lower
    case; a dash lost in PDF extraction ("1961/QĐUBND", "61/2018/NĐCP") when the code tables make
    the split unambiguous; a space instead of the Party hyphen ("84 QĐ/TWĐTN").

    Raises:
        DocumentNumberError: the text is not a document number; ``offset`` and ``fragment`` say where.

    >>> str(parse_number("56/ 2015/ NĐ - CP")), str(parse_number("01/1999/QĐ.UB"))
    ('56/2015/NĐ-CP', '01/1999/QĐ.UB')
    """
    if not isinstance(text, str):
        raise DocumentNumberError(f"expected a str, got {type(text).__name__}", repr(text), 0, "")
    if len(text) > MAX_LENGTH:
        raise DocumentNumberError(
            f"too long for a document number ({len(text)} characters, at most {MAX_LENGTH})",
            text,
            MAX_LENGTH,
            text[MAX_LENGTH : MAX_LENGTH + 10],
        )
    number = _parse_clean(text, text)
    if number is not None:
        return number
    # Common light mess (a "Số:" prefix, spaces around separators, look-alike dashes, lower
    # case): tidy and retry the clean grammar before the full repair path, which also locates errors.
    folded = text.translate(_NUMBER_FOLD) if _NEEDS_FOLD.search(text) else text
    if unicodedata.is_normalized("NFC", folded):
        tidy = folded.lstrip(_LEADING).rstrip(_TRAILING)
        m = _PREFIX.match(tidy)
        if m is not None and m.end() < len(tidy) and tidy[m.end()] in _DIGITS:
            tidy = tidy[m.end() :]
        if _HAS_SPACE.search(tidy):
            tidy = _SEP_SPACES.sub(_GROUP_1, tidy)
        number = _parse_clean(text, tidy)
        if number is None and not tidy.isupper():
            number = _parse_clean(text, _upper_codes(tidy))
        if number is not None:
            return number
    return _parse_messy(text)


def _upper_codes(candidate: str) -> str:
    """Upper-case the symbol but not a serial's letter suffix ("30c/nq-cp" -> "30c/NQ-CP")."""
    i = 0
    while i < len(candidate) and candidate[i] in _DIGITS:
        i += 1
    if i < len(candidate) and candidate[i].isalpha():
        i += 1
    return candidate[:i] + candidate[i:].upper()


def _parse_clean(text: str, candidate: str) -> DocumentNumber | None:
    """Parse ``candidate`` if it is in clean standard layout, else return None."""
    m = _FAST.fullmatch(candidate)
    if m is None:
        return None
    serial, suffix, year, symbol, party_symbol = m.groups()
    party = party_symbol is not None
    codes, classified, separators = _interpret(party, year is not None, party_symbol if party else symbol)
    if separators:  # the clean layout did not fit the scheme the codes imply
        return _assemble(text, serial + suffix, int(year) if year else None, separators, codes, 0)
    type_code, issuers, units, scheme = classified
    return _make(serial + suffix, int(year) if year else None, type_code, issuers, units, scheme, ())


@functools.lru_cache(maxsize=8192)
def _interpret(party: bool, year: bool, symbol: str) -> tuple[tuple[str, ...], Classified, tuple[str, ...]]:
    """Codes, classification and printed separators of a clean symbol ("QĐ-UBND", "CT/TW")."""
    groups = symbol.replace("/", "-").split("-")
    codes = _canon_groups(tuple(groups))
    if party:
        seps: tuple[str, ...] = ("-", "/", *("-",) * (len(codes) - 2))
    else:
        seps = ("/", *(("/",) if year else ()), *("-",) * (len(codes) - 1))
    classified = _classify(seps[0], year, codes)
    standard = _standard_separators(classified[3], year, len(codes))
    return codes, classified, () if seps == standard else seps


_SLOT_SETTERS: Final = field_setters(DocumentNumber)


def _make(
    serial: str,
    year: int | None,
    type_code: str | None,
    issuers: tuple[str, ...],
    units: tuple[str, ...],
    scheme: NumberScheme,
    separators: tuple[str, ...],
) -> DocumentNumber:
    # The parts are canonical by construction (property tests check that _check agrees), so the
    # instance is made without re-validating: parsing is on the hot path of every finder.
    number: DocumentNumber = object.__new__(DocumentNumber)
    s_serial, s_year, s_type, s_issuers, s_units, s_scheme, s_seps = _SLOT_SETTERS
    s_serial(number, serial)
    s_year(number, year)
    s_type(number, type_code)
    s_issuers(number, issuers)
    s_units(number, units)
    s_scheme(number, scheme)
    s_seps(number, separators)
    return number


def _assemble(
    text: str, serial: str, year: int | None, seps: tuple[str, ...], codes: tuple[str, ...], origin: int
) -> DocumentNumber:
    digits = serial.rstrip("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
    clean_serial = (digits.lstrip("0") or "0") + serial[len(digits) :].lower()
    if clean_serial[0] == "0":
        raise DocumentNumberError("the serial of a document number cannot be zero", text, origin, serial)
    type_code, issuers, units, scheme = _classify(seps[0], year is not None, codes)
    standard = _standard_separators_cached(scheme, year is not None, len(codes))
    if len(seps) != len(standard):
        raise DocumentNumberError("the parts of this number do not fit any layout", text, origin, text)
    return _make(clean_serial, year, type_code, issuers, units, scheme, () if seps == standard else seps)


def _clean(text: str) -> tuple[str, list[int]]:
    """Fold look-alikes and drop what is not part of the number; map each kept char to ``text``."""
    if not unicodedata.is_normalized("NFC", text):
        composed = unicodedata.normalize("NFC", text)
        # NFD input: positions shift; map composed chars proportionally to their clusters.
        index: list[int] = []
        j = 0
        for ch in composed:
            index.append(j)
            j += len(unicodedata.normalize("NFD", ch))
        text_view, origin = composed, index
    else:
        text_view, origin = text, list(range(len(text)))
    folded = text_view.translate(_NUMBER_FOLD)
    # Strip a leading "số"/"Số:"/"No." and trailing punctuation, remembering positions.
    start = len(folded) - len(folded.lstrip(_LEADING))
    m = _PREFIX.match(folded, start)
    if m is not None and m.end() > start and m.end() < len(folded) and folded[m.end()] in _DIGITS:
        start = m.end()
    end = len(folded.rstrip(_TRAILING))
    body, pos = folded[start:end], origin[start:end]
    return body, pos


def _parse_messy(text: str) -> DocumentNumber:
    body, pos = _clean(text)
    if not body:
        raise DocumentNumberError("empty document number", text, 0, text)
    body = body.replace("_", "-")  # file-name slugs: "162_2011_TT-BTC"
    # Collapse white space around separators, keeping the position map in step.
    chars: list[str] = []
    where: list[int] = []
    last = 0
    # Rewrites keep the length (padding with NUL, dropped below) so positions stay in step.
    work = _TW_DOTTED.sub(lambda mm: "TW" + "\0" * (len(mm.group()) - 2), body.replace("\0", " "))
    work = _PARTY_SPACE.sub(lambda mm: mm.group(1) + "-" + "\0" * (len(mm.group()) - len(mm.group(1)) - 1), work)
    for m in _SEP_SPACES.finditer(work):
        chars.extend(work[last : m.start()])
        where.extend(pos[last : m.start()])
        chars.append(m.group(1))
        where.append(pos[m.start(1)])
        last = m.end()
    chars.extend(work[last:])
    where.extend(pos[last:])
    squeezed = "".join(chars).replace("\0", "")
    where = [w for c, w in zip(chars, where, strict=True) if c != "\0"]
    if squeezed[0] not in _DIGITS:
        raise DocumentNumberError("a document number starts with its serial digits", text, where[0], squeezed[0])
    if any(c.isspace() for c in squeezed):
        i = next(i for i, c in enumerate(squeezed) if c.isspace())
        raise DocumentNumberError("white space inside a document number", text, where[i], squeezed[i])
    shape = _SHAPE.fullmatch(squeezed)
    if shape is None:
        return _raise_shape_error(text, squeezed, where)
    serial = shape.group(1) + shape.group(2)
    seps: list[str] = []
    tokens: list[tuple[str, int]] = []
    for part in _PARTS.finditer(squeezed, shape.start(3)):
        seps.append(part.group(1))
        tokens.append((part.group(2), where[part.start(2)]))
    year: int | None = None
    if tokens and tokens[0][0][0] in _DIGITS:
        token, at = tokens[0]
        if len(token) != 4 or not token.isascii() or not token.isdigit() or len(tokens) < 2:
            reason = (
                "this looks like a date, not a document number"
                if len(tokens) <= 2 and all(t.isascii() and t.isdigit() for t, _ in tokens)
                else f"{token!r} is neither a four-digit year nor a code"
            )
            raise DocumentNumberError(reason, text, at, token)
        year = int(token)
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise DocumentNumberError(f"year {year} is out of range {MIN_YEAR}-{MAX_YEAR}", text, at, token)
        tokens = tokens[1:]
    for token, at in tokens:
        if not _CODE.fullmatch(token):
            raise DocumentNumberError("a code must be letters and digits, starting with a letter", text, at, token)
    raw = tuple(t for t, _ in tokens)
    codes = _canon_groups(raw)
    # A repaired split adds a standard dash between the two halves.
    code_seps = list(seps[1 if year is None else 2 :])
    if len(codes) != len(raw):
        expanded: list[str] = []
        for i, token in enumerate(raw):
            n_parts = len(_canon_groups((token,))) if i else len(_canon_groups(raw[:1]))
            if i:
                expanded.append(code_seps[i - 1])
            expanded.extend(["-"] * (n_parts - 1))
        code_seps = expanded
    lead = tuple(seps[: 1 if year is None else 2])
    all_seps = (*lead, *code_seps)
    if "/" not in all_seps:
        # No slash at all ("13-NQ-CP", "15-2012-qđ-ubnd", "162_2011_TT-BTC"): a slug or a
        # translation, not a layout anyone prints. Read it in the standard layout of its scheme.
        party = year is None and len(codes) > 1 and _is_type(codes[0]) and _is_party_body(codes[1])
        scheme = _classify("-" if party else "/", year is not None, codes)[3]
        all_seps = _standard_separators(scheme, year is not None, len(codes))
    return _assemble(text, serial, year, all_seps, codes, pos[0] if pos else 0)


def _is_party_body(code: str) -> bool:
    agency = agencies().get(code)
    return agency is not None and agency.role is AgencyRole.PARTY


def _raise_shape_error(text: str, squeezed: str, where: list[int]) -> DocumentNumber:
    i = 0
    while i < len(squeezed) and squeezed[i] in _DIGITS:
        i += 1
    if i > 6:
        raise DocumentNumberError("the serial has more than six digits", text, where[0], squeezed[:i])
    if i == len(squeezed) or (i == len(squeezed) - 1 and squeezed[i].isalpha()):
        raise DocumentNumberError("no symbol after the serial", text, where[-1], squeezed[-1])
    # First character that breaks the shape.
    bad = i + 1 if squeezed[i].isalpha() else i
    if bad < len(squeezed) and squeezed[bad] in "/-.":
        # an empty part: two separators in a row, or one at the end
        nxt = bad + 1
        frag = squeezed[bad : nxt + 1] if nxt < len(squeezed) else squeezed[bad]
        raise DocumentNumberError("an empty part between separators", text, where[bad], frag)
    at = min(bad, len(squeezed) - 1)
    raise DocumentNumberError("unexpected character in a document number", text, where[at], squeezed[at])


def is_valid_number(value: object, /) -> bool:
    """Whether ``value`` is a document number (a :class:`DocumentNumber` or a str that parses).

    Never raises, whatever ``value`` is.
    """
    if isinstance(value, DocumentNumber):
        return True
    if not isinstance(value, str):
        return False
    try:
        parse_number(value)
    except DocumentNumberError:
        return False
    return True
