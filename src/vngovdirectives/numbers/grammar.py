"""The grammar of document symbols: which code is a type, an issuer or a unit, and the layout they make.

Shared by the model (which validates itself with it) and the parser. Codes are canonicalised
through the code tables of :mod:`vngovdirectives.numbers.codes`, and a dash lost in PDF
extraction ("QĐUBND") is repaired only when the tables allow exactly one split.
"""

from __future__ import annotations

import enum
import functools
import re
from typing import Final

from vngovdirectives.numbers.codes import AgencyRole, DocumentType, agencies, canonical_code
from vngovdirectives.text.vocab import words

__all__ = [
    "CODE",
    "LEGAL_TYPES",
    "TERM",
    "Classified",
    "NumberScheme",
    "canon_groups",
    "classify",
    "group_codes",
    "is_issuer",
    "is_party_body",
    "is_type",
    "split_lost_dash",
    "standard_separators",
]


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


#: A code of a symbol: letters and digits (and "&" between them), starting with a letter.
CODE: Final = re.compile(r"[^\W\d_](?:[^\W\d_]|[0-9])*(?:&(?:[^\W\d_]|[0-9])+)*")
#: A National Assembly code with its term: "QH13", "UBTVQH14".
TERM: Final = re.compile(r"(?:UBTVQH|QH)[0-9]{1,2}")
#: Joint types: their symbol lists every issuer.
LEGAL_TYPES: Final = frozenset({"TTLT", "NQLT"})


@functools.lru_cache(maxsize=4096)
def standard_separators(scheme: NumberScheme, has_year: bool, n_codes: int) -> tuple[str, ...]:
    """The separators of a number of ``scheme`` in the standard layout."""
    if scheme is NumberScheme.PARTY:
        return ("-", "/", *("-",) * max(0, n_codes - 2))
    return ("/", *(("/",) if has_year else ()), *("-",) * max(0, n_codes - 1))


@functools.lru_cache(maxsize=4096)
def _canon_token(token: str, fold: bool = True) -> str:
    """Official spelling of a known code, upper case for an unknown one ("TƯ" is written "TW").
    Without ``fold``, "D" stays "D" (a unit code may mean "Dự phòng", not "Đ…")."""
    upper = token.upper()
    if upper == "TƯ":  # Trung ương, also written TW and T.Ư
        return "TW"
    known = canonical_code(token, fold=fold)
    if known is not None:
        return known
    return upper


def is_type(code: str) -> bool:
    return DocumentType.from_code(code) is not None


def is_issuer(code: str) -> bool:
    if TERM.fullmatch(code):
        return True
    agency = agencies().get(code)
    return agency is not None and agency.role is not AgencyRole.UNIT


def _is_unit(code: str) -> bool:
    agency = agencies().get(code)
    return agency is not None and agency.role is AgencyRole.UNIT


#: Codes that name a part of another body and make one code with it: "VPUB" is the Văn phòng of
#: the UB, not "VP-UB"; "VPCP" is in the table already.
_PART_OF: Final = frozenset(words("office_codes"))


@functools.lru_cache(maxsize=4096)
def split_lost_dash(token: str, first: bool) -> tuple[str, ...] | None:
    """Split a code that lost its dash ("QĐUBND") when exactly one split is made of known codes.

    In the first position the split is TYPE+ISSUER (or ISSUER+UNIT for a công văn); in an
    issuer's position (after a type code), ISSUER+ISSUER or ISSUER+UNIT. A code that names a part
    of another body ("VP" + "UB") is one code. Returns None when no split, or several, fit.
    """
    found: list[tuple[str, str]] = []
    for i in range(1, len(token)):
        head = canonical_code(token[:i])
        tail = canonical_code(token[i:]) or (token[i:].upper() if TERM.fullmatch(token[i:].upper()) else None)
        if head is None or tail is None or head in _PART_OF:
            continue
        if (first and is_type(head) and is_issuer(tail)) or (
            is_issuer(head) and not is_type(head) and (_is_unit(tail) or is_issuer(tail))
        ):
            found.append((head, tail))
    if len(found) == 1:
        return found[0]
    return None


@functools.lru_cache(maxsize=4096)
def group_codes(groups: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """The canonical codes of each group of a symbol, repairing lost dashes where the tables allow.

    Where a group stands decides what it may be: the first group and a group after a type code
    (or any group of a joint number) hold type and issuer codes, read from the closed tables (a
    "D" may be read "Đ", a lost dash split); a group after an issuer is a unit code, which each
    body names as it likes: it is kept as written, in upper case ("BNN-VPĐP", "UBND-DP").
    """
    out: list[tuple[str, ...]] = []
    joint = False
    for i, group in enumerate(groups):
        unit = i > 0 and not joint and not is_type(out[-1][-1])
        canon = _canon_token(group, not unit)
        codes: tuple[str, ...] = (canon,)
        if not unit and canonical_code(canon) is None and not TERM.fullmatch(canon):
            codes = split_lost_dash(canon, i == 0) or codes
        joint = joint or (i == 0 and codes[0] in LEGAL_TYPES)
        out.append(codes)
    return tuple(out)


@functools.lru_cache(maxsize=4096)
def canon_groups(groups: tuple[str, ...]) -> tuple[str, ...]:
    """Canonicalise the code groups of a symbol (see :func:`group_codes`), one code per item."""
    return tuple(code for codes in group_codes(groups) for code in codes)


def is_party_body(code: str) -> bool:
    agency = agencies().get(code)
    return agency is not None and agency.role is AgencyRole.PARTY


Classified = tuple[str | None, tuple[str, ...], tuple[str, ...], NumberScheme]


@functools.lru_cache(maxsize=4096)
def classify(first_sep: str, has_year: bool, codes: tuple[str, ...]) -> Classified:
    """Decide type code, issuers, units and scheme from the canonical code groups."""
    head, rest = codes[0], codes[1:]
    head_is_type = is_type(head)
    if first_sep == "-" and not has_year and head_is_type and rest:
        return head, rest[:1], rest[1:], NumberScheme.PARTY
    if has_year:
        if not rest and TERM.fullmatch(head):
            return None, (head,), (), NumberScheme.NATIONAL_ASSEMBLY
        if head_is_type:
            if head in LEGAL_TYPES or (len(rest) > 1 and all(is_issuer(c) for c in rest)):
                return head, rest, (), NumberScheme.JOINT
            return head, rest[:1], rest[1:], NumberScheme.LEGAL
        return None, codes[:1], codes[1:], NumberScheme.LEGAL
    if head == "VBHN":
        return head, rest, (), NumberScheme.CONSOLIDATED
    if head_is_type and rest:
        # "CT" is both Chỉ thị and Cục Thuế: followed by a unit code it is the tax department.
        if is_issuer(head) and _is_unit(rest[0]) and not is_issuer(rest[0]):
            return None, (head,), rest, NumberScheme.OFFICIAL_LETTER
        return head, rest[:1], rest[1:], NumberScheme.ADMINISTRATIVE
    if head_is_type:
        return head, (), (), NumberScheme.ADMINISTRATIVE
    if not rest:
        return None, (head,), (), NumberScheme.ISSUER_ONLY
    return None, (head,), rest, NumberScheme.OFFICIAL_LETTER
