"""The document number model: a serial and a symbol, valid by construction.

:class:`DocumentNumber` checks itself against the symbol grammar
(:mod:`vngovdirectives.numbers.grammar`): any value it holds is one the parser could produce,
so ``parse_number(str(n)) == n`` for every number.
"""

from __future__ import annotations

import re
from typing import Final

import attrs

from vngovdirectives._fast import field_setters
from vngovdirectives.errors import DocumentNumberError
from vngovdirectives.numbers.codes import DocumentType, canonical_code
from vngovdirectives.numbers.grammar import CODE, NumberScheme, canon_groups, classify, standard_separators
from vngovdirectives.text.patterns import MAX_YEAR, MIN_YEAR

__all__ = ["DocumentNumber", "check", "make_number"]

_SERIAL: Final = re.compile(r"[1-9][0-9]{0,5}[a-z]?")


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
        width: how many digits the page prints the serial with when it pads it beyond Decree
            30/2020's two ("02144/QĐ-UBND": 5), so that ``str()`` writes the number as the page
            does; 0 for the standard padding.

    Equality ignores zero padding (``05/CT-TTg == 5/CT-TTg``, ``02144/QĐ-UBND == 2144/QĐ-UBND``):
    the serial is stored without it, and ``width`` takes no part in equality or hashing.
    """

    serial: str
    year: int | None = None
    type_code: str | None = None
    issuers: tuple[str, ...] = ()
    units: tuple[str, ...] = ()
    scheme: NumberScheme
    separators: tuple[str, ...] = ()
    width: int = attrs.field(default=0, eq=False)

    def __attrs_post_init__(self) -> None:
        problem = check(self)
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

        >>> from vngovdirectives.numbers import parse_number
        >>> parse_number("12/UBND-XYZT").unknown_codes
        ('XYZT',)
        """
        return tuple(c for c in self.codes if canonical_code(c) is None)

    @property
    def padded_serial(self) -> str:
        """The serial as printed: two digits at least, as Decree 30/2020 has it ("05", "30c", "1528"),
        or the page's own padding ("02144")."""
        digits = self.serial.rstrip("abcdefghijklmnopqrstuvwxyz")
        return digits.zfill(max(2, self.width)) + self.serial[len(digits) :]

    def standard_separators(self) -> tuple[str, ...]:
        """The separators of this number's scheme in the standard layout."""
        return standard_separators(self.scheme, self.year is not None, len(self.codes))

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


def check(n: DocumentNumber) -> str | None:
    """Why ``n`` is not a value the parser could produce, or None when it is."""
    serial: object = n.serial  # typed as str, but callers may pass anything
    if not isinstance(serial, str) or not _SERIAL.fullmatch(serial):
        return f"serial {n.serial!r} must be 1-6 digits without leading zeros, plus an optional a-z"
    if n.year is not None and (type(n.year) is not int or not MIN_YEAR <= n.year <= MAX_YEAR):
        return f"year {n.year!r} must be an int from {MIN_YEAR} to {MAX_YEAR}"
    digits = len(serial.rstrip("abcdefghijklmnopqrstuvwxyz"))
    if type(n.width) is not int or (n.width != 0 and not max(3, digits + 1) <= n.width <= 6):
        return f"width {n.width!r} must be 0, or more digits than the serial has (3 to 6) to print its padding"
    if not isinstance(n.scheme, NumberScheme):
        return f"scheme {n.scheme!r} is not a NumberScheme"
    codes = n.codes
    if not codes:
        return "a document number needs at least one code after the serial"
    for code in codes:
        if not isinstance(code, str) or not CODE.fullmatch(code):  # type: ignore[redundant-expr]
            return f"code {code!r} must be letters and digits (and '&'), starting with a letter"
    if canon_groups(codes) != codes:
        return f"codes {codes!r} are not in canonical form ({canon_groups(codes)!r})"
    standard = n.standard_separators()
    if n.separators:
        if len(n.separators) != len(standard) or any(s not in "/-." for s in n.separators):
            return f"separators {n.separators!r} do not fit the {len(standard) + 1} parts"
        if n.separators == standard:
            return "separators equal to the standard layout must be left empty"
        if "/" not in n.separators:
            return "a printed layout without any '/' is read in the standard layout; leave separators empty"
    first_sep = (n.separators or standard)[0]
    expected = classify(first_sep, n.year is not None, codes)
    if expected != (n.type_code, n.issuers, n.units, n.scheme):
        t, i, u, s = expected
        return f"the parts read as type_code={t!r}, issuers={i!r}, units={u!r}, scheme={s.name}"
    return None


_SLOT_SETTERS: Final = field_setters(DocumentNumber)


def make_number(
    serial: str,
    year: int | None,
    type_code: str | None,
    issuers: tuple[str, ...],
    units: tuple[str, ...],
    scheme: NumberScheme,
    separators: tuple[str, ...],
    width: int = 0,
) -> DocumentNumber:
    """A :class:`DocumentNumber` from parts the parser has already made canonical, without
    re-validating them (parsing is on the hot path of every finder; property tests check that
    the model's own check agrees with the parser)."""
    number: DocumentNumber = object.__new__(DocumentNumber)
    s_serial, s_year, s_type, s_issuers, s_units, s_scheme, s_seps, s_width = _SLOT_SETTERS
    s_serial(number, serial)
    s_year(number, year)
    s_type(number, type_code)
    s_issuers(number, issuers)
    s_units(number, units)
    s_scheme(number, scheme)
    s_seps(number, separators)
    s_width(number, width)
    return number
