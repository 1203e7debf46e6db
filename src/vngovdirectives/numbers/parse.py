"""Reading Vietnamese document numbers ("số, ký hiệu"), clean or messy.

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

import functools
import operator
import re
import unicodedata
from typing import Final

from vngovdirectives.errors import DocumentNumberError, expect_type
from vngovdirectives.numbers.codes import canonical_code
from vngovdirectives.numbers.grammar import (
    CODE,
    Classified,
    canon_groups,
    classify,
    group_codes,
    is_party_body,
    is_type,
    standard_separators,
)
from vngovdirectives.numbers.model import DocumentNumber, check, make_number
from vngovdirectives.text.normalize import fold_char_table
from vngovdirectives.text.patterns import MAX_YEAR, MIN_YEAR

__all__ = ["MAX_LENGTH", "is_valid_number", "parse_clean", "parse_number"]

#: Longest input parse_number reads; real numbers with a "Số hiệu:" prefix stay far below it.
MAX_LENGTH: Final = 120

_CLEAN_CODE = r"[A-ZĐ][A-ZĐa-z0-9]*(?:&[A-ZĐa-z0-9]+)*"  # "&" only between letters or digits ("QLN&PTĐT")
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
#: A serial, the type code glued to it, and the body after the slash: "32CT/TW" (hyphen lost).
_PARTY_GLUED: Final = re.compile(
    r"(?P<serial>[0-9]{1,6})(?P<type>[^\W\d_]{2,4})\s{0,3}/\s{0,3}(?P<body>[^\W\d_]{2,8})(?![^\W_])"
)
_PARTY_SPACE: Final = re.compile(r"([0-9][a-zA-Z]?)\s+(?=[^\W\d_][^\W_]{0,7}\s{0,3}/)")
_TW_DOTTED: Final = re.compile(r"T\.\s?[ƯW]", re.I)
_SHAPE: Final = re.compile(r"([0-9]{1,6})([a-zA-Z]?)((?:[/\-.][^/\-.\s]+)+)")  # a serial's suffix is a-z
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
    the split unambiguous; a space instead of the Party hyphen ("84 QĐ/TWĐTN"), or that hyphen lost
    before a Party body ("32CT/TW").

    Raises:
        InputTypeError: ``text`` is not a str.
        DocumentNumberError: the text is not a document number; ``offset`` and ``fragment`` say where.

    >>> str(parse_number("56/ 2015/ NĐ - CP")), str(parse_number("01/1999/QĐ.UB"))
    ('56/2015/NĐ-CP', '01/1999/QĐ.UB')
    """
    expect_type(text, str, "parse_number")
    if len(text) > MAX_LENGTH:
        raise DocumentNumberError(
            f"too long for a document number ({len(text)} characters, at most {MAX_LENGTH})",
            text,
            MAX_LENGTH,
            text[MAX_LENGTH : MAX_LENGTH + 10],
        )
    number = parse_clean(text, text)
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
        number = parse_clean(text, tidy)
        if number is None and not tidy.isupper():
            number = parse_clean(text, _upper_codes(tidy))
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


def parse_clean(text: str, candidate: str) -> DocumentNumber | None:
    """Parse ``candidate`` if it is in clean standard layout, else return None."""
    m = _FAST.fullmatch(candidate)
    if m is None:
        return None
    serial, suffix, year, symbol, party_symbol = m.groups()
    party = party_symbol is not None
    codes, classified, separators = _interpret(party, year is not None, party_symbol if party else symbol)
    if separators:  # the clean layout did not fit the scheme the codes imply
        return _assemble(text, candidate[: m.end(2)], int(year) if year else None, separators, codes, 0)
    width = _width(m.end(1)) if m.start(1) else 0  # printed with zeros: as many digits as group 1 ends at
    type_code, issuers, units, scheme = classified
    return make_number(serial + suffix, int(year) if year else None, type_code, issuers, units, scheme, (), width)


def _width(printed: int) -> int:
    """The ``width`` of a serial printed with ``printed`` digits, zero padding included: 0 for the
    standard padding of Decree 30/2020 (two digits), else the page's own."""
    return printed if printed > 2 else 0


@functools.lru_cache(maxsize=8192)
def _interpret(party: bool, year: bool, symbol: str) -> tuple[tuple[str, ...], Classified, tuple[str, ...]]:
    """Codes, classification and printed separators of a clean symbol ("QĐ-UBND", "CT/TW")."""
    groups = symbol.replace("/", "-").split("-")
    codes = canon_groups(tuple(groups))
    if party:
        seps: tuple[str, ...] = ("-", "/", *("-",) * (len(codes) - 2))
    else:
        seps = ("/", *(("/",) if year else ()), *("-",) * (len(codes) - 1))
    classified = classify(seps[0], year, codes)
    standard = standard_separators(classified[3], year, len(codes))
    return codes, classified, () if seps == standard else seps


def _assemble(
    text: str, serial: str, year: int | None, seps: tuple[str, ...], codes: tuple[str, ...], origin: int
) -> DocumentNumber:
    digits = serial.rstrip("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
    clean_serial = (digits.lstrip("0") or "0") + serial[len(digits) :].lower()
    if clean_serial[0] == "0":
        raise DocumentNumberError("the serial of a document number cannot be zero", text, origin, serial)
    width = _width(len(digits)) if digits.startswith("0") else 0
    type_code, issuers, units, scheme = classify(seps[0], year is not None, codes)
    standard = standard_separators(scheme, year is not None, len(codes))
    if len(seps) != len(standard):
        raise DocumentNumberError("the parts of this number do not fit any layout", text, origin, text)
    number = make_number(clean_serial, year, type_code, issuers, units, scheme, () if seps == standard else seps, width)
    problem = check(number)  # the repair path only: whatever it makes must be a number the model accepts
    if problem is not None:
        raise DocumentNumberError(f"not a document number: {problem}", text, origin, text)
    return number


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
    squeezed, where, origin = _squeeze(text)
    shape = _SHAPE.fullmatch(squeezed)
    if shape is None:
        return _raise_shape_error(text, squeezed, where)
    serial = shape.group(1) + shape.group(2)
    seps: list[str] = []
    tokens: list[tuple[str, int]] = []
    for part in _PARTS.finditer(squeezed, shape.start(3)):
        seps.append(part.group(1))
        tokens.append((part.group(2), where[part.start(2)]))
    year = _year_of(text, tokens)
    if year is not None:
        tokens = tokens[1:]
    for token, at in tokens:
        if not CODE.fullmatch(token):
            raise DocumentNumberError("a code must be letters and digits, starting with a letter", text, at, token)
    raw = tuple(t for t, _ in tokens)
    codes = canon_groups(raw)
    return _assemble(text, serial, year, _separators(seps, year, raw, codes), codes, origin)


def _lost_party_hyphen(body: str) -> int | None:
    """Where a Party number lost the hyphen after its serial ("32CT/TW", "05HD/UBKTTW"): the letters
    glued to the serial are a type code and a Party body follows the slash; None otherwise."""
    m = _PARTY_GLUED.match(body)
    if m is None:
        return None
    head, party = canonical_code(m["type"]), canonical_code(m["body"])
    if head is None or party is None or not is_type(head) or not is_party_body(party):
        return None
    return m.end("serial")


def _squeeze(text: str) -> tuple[str, list[int], int]:
    """The number's characters with the white space around separators dropped, the position in
    ``text`` of each, and where the number starts in ``text``."""
    body, pos = _clean(text)
    if not body:
        raise DocumentNumberError("empty document number", text, 0, text)
    body = body.replace("_", "-")  # file-name slugs: "162_2011_TT-BTC"
    k = _lost_party_hyphen(body)
    if k is not None:  # "32CT/TW": the hyphen after the serial, lost in extraction, put back
        body, pos = body[:k] + "-" + body[k:], [*pos[:k], pos[k], *pos[k:]]
    # Rewrites keep the length (padding with NUL, dropped below) so positions stay in step.
    work = _TW_DOTTED.sub(lambda mm: "TW" + "\0" * (len(mm.group()) - 2), body.replace("\0", " "))
    work = _PARTY_SPACE.sub(lambda mm: mm.group(1) + "-" + "\0" * (len(mm.group()) - len(mm.group(1)) - 1), work)
    chars: list[str] = []
    where: list[int] = []
    last = 0
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
    return squeezed, where, pos[0] if pos else 0


def _year_of(text: str, tokens: list[tuple[str, int]]) -> int | None:
    """The year of the symbol when its first part is one ("61/2018/NĐ-CP"); a first part of digits
    that is no year makes the text no document number."""
    if not tokens or tokens[0][0][0] not in _DIGITS:
        return None
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
    return year


def _separators(seps: list[str], year: int | None, raw: tuple[str, ...], codes: tuple[str, ...]) -> tuple[str, ...]:
    """The separators of the number as printed, with a dash between the halves of a repaired code."""
    code_seps = list(seps[1 if year is None else 2 :])
    if len(codes) != len(raw):
        expanded: list[str] = []
        for i, group in enumerate(group_codes(raw)):
            if i:
                expanded.append(code_seps[i - 1])
            expanded.extend(["-"] * (len(group) - 1))
        code_seps = expanded
    all_seps = (*seps[: 1 if year is None else 2], *code_seps)
    if "/" not in all_seps:
        # No slash at all ("13-NQ-CP", "15-2012-qđ-ubnd", "162_2011_TT-BTC"): a slug or a
        # translation, not a layout anyone prints. Read it in the standard layout of its scheme.
        party = year is None and len(codes) > 1 and is_type(codes[0]) and is_party_body(codes[1])
        scheme = classify("-" if party else "/", year is not None, codes)[3]
        all_seps = standard_separators(scheme, year is not None, len(codes))
    return all_seps


def _raise_shape_error(text: str, squeezed: str, where: list[int]) -> DocumentNumber:
    i = 0
    while i < len(squeezed) and squeezed[i] in _DIGITS:
        i += 1
    if i > 6:
        raise DocumentNumberError("the serial has more than six digits", text, where[0], squeezed[:i])
    if i == len(squeezed) or (i == len(squeezed) - 1 and squeezed[i].isalpha()):
        raise DocumentNumberError("no symbol after the serial", text, where[-1], squeezed[-1])
    # First character that breaks the shape.
    bad = i + 1 if squeezed[i].isascii() and squeezed[i].isalpha() else i  # a serial's suffix is a-z
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
