"""Bytes to text: the encoding of a file, decided by evidence.

Vietnamese files come as UTF-8 (with or without a byte-order mark), as UTF-16 or UTF-32 (often
without one: Word's "Unicode text", Notepad's "Unicode"), and as Windows-1258 from older
systems. :func:`decode_bytes` looks in this order:

1. a byte-order mark (UTF-32 before UTF-16, whose mark it begins with);
2. when the bytes hold NULs or are not UTF-8, the pattern of a 16- or 32-bit encoding without a
   mark: in Vietnamese text the high byte of every code unit is one of a handful of values (0x00
   for ASCII and Latin-1 letters, 0x01 for ă, đ, ơ, ư, 0x1E for the letters with two marks, 0x03
   for combining tones, 0x20 for punctuation), so one byte position of each unit holds almost
   nothing else; the text decoded that way must then read as Latin-script text;
3. UTF-8, which random bytes almost never are;
4. Windows-1258, which decodes any byte but five; the result must not look like binary data.

What none of these reads is a :class:`~vngovdirectives.errors.SourceError` that says why and at
which byte.

>>> decode_bytes("Số: 07/KH-UBND".encode("utf-16-le")).encoding
'utf-16-le'
>>> decode_bytes("Số: 07/KH-UBND".encode("utf-8")).text
'Số: 07/KH-UBND'
"""

from __future__ import annotations

import codecs
import re
from typing import Final

import attrs

from vngovdirectives.errors import SourceError, expect_type

__all__ = ["Decoded", "decode_bytes"]

_BOMS: Final = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: High bytes of the UTF-16 code units of Vietnamese text (see the module docstring).
_HIGH_BYTES: Final = frozenset({0x00, 0x01, 0x02, 0x03, 0x1E, 0x20})
_SAMPLE: Final = 1 << 16  # bytes looked at to decide; the whole input is decoded strictly afterwards
_UNIT_SHARE: Final = 0.9  # share of code units whose high byte must be one of _HIGH_BYTES
_LATIN_SHARE: Final = 0.9  # share of characters a decoded text must have in the Latin script's blocks
_CONTROL_SHARE: Final = 0.05  # more control characters than this, and a text is binary data
#: Control characters no text file holds (tab, line breaks, form feed and DOS's end of file aside).
_CONTROLS: Final = re.compile("[\x00-\x08\x0e-\x19\x1b-\x1f]")
#: Characters outside the blocks of Latin-script text: ASCII, Latin-1 to Latin Extended-B,
#: combining marks, Latin Extended Additional (Vietnamese), general punctuation and currency.
_NOT_LATIN: Final = re.compile("[^\t\n\r\x20-\x7e\xa0-\u024f\u0300-\u036f\u1e00-\u1eff\u2000-\u20cf]")


@attrs.frozen(slots=True)
class Decoded:
    """A decoded input: its ``text`` and the ``encoding`` read (a Python codec name; ``bom`` says
    whether a byte-order mark named it)."""

    text: str
    encoding: str
    bom: bool = False


def _reads_as_text(text: str) -> bool:
    """Whether ``text`` looks like Latin-script text (what a wrong 16/32-bit guess never does)."""
    sample = text[: _SAMPLE // 2]
    if not sample:
        return False
    return len(_NOT_LATIN.findall(sample)) <= (1 - _LATIN_SHARE) * len(sample)


def _looks_binary(text: str) -> bool:
    sample = text[:_SAMPLE]
    controls = len(_CONTROLS.findall(sample))
    return controls >= 8 and controls > _CONTROL_SHARE * len(sample)


def _wide_guesses(data: bytes) -> list[str]:
    """The 16- and 32-bit encodings whose pattern ``data`` has, most likely first."""
    sample = data[:_SAMPLE]
    guesses: list[str] = []
    if len(sample) >= 8 and len(data) % 4 == 0:
        for name, zeros in (("utf-32-le", (2, 3)), ("utf-32-be", (0, 1))):
            units = len(sample) // 4
            hits = sum(1 for i in range(0, units * 4, 4) if sample[i + zeros[0]] == 0 and sample[i + zeros[1]] == 0)
            if hits >= _UNIT_SHARE * units:
                guesses.append(name)
    if len(sample) >= 4 and len(data) % 2 == 0:
        units = len(sample) // 2
        shares = {
            name: sum(1 for b in sample[offset : units * 2 : 2] if b in _HIGH_BYTES) / units
            for name, offset in (("utf-16-le", 1), ("utf-16-be", 0))
        }
        guesses.extend(name for name, share in sorted(shares.items(), key=lambda kv: -kv[1]) if share >= _UNIT_SHARE)
    return guesses


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def decode_bytes(data: bytes, name: str = "<input>") -> Decoded:
    """Decode a text file's bytes (see the module docstring for the order of the evidence).

    Raises:
        InputTypeError: ``data`` is not bytes.
        SourceError: no supported encoding reads ``data`` as text; the message names ``name``.
    """
    expect_type(data, (bytes, bytearray, memoryview), "decode_bytes", "data")
    data = bytes(data)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom) :].decode(encoding), encoding, bom=True)
            except UnicodeDecodeError as exc:
                raise _error(name, f"the byte-order mark says {encoding}, but", exc, len(bom)) from None
    # ASCII in a 16- or 32-bit encoding is full of NUL bytes, which no real UTF-8 text has; without
    # them, a text that is valid UTF-8 is UTF-8.
    wide = _wide_guesses(data) if b"\x00" in data[:_SAMPLE] or not _is_utf8(data) else []
    for encoding in wide:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _reads_as_text(text):
            return Decoded(text, encoding)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if not _looks_binary(text):
            return Decoded(text, "utf-8")
        raise SourceError(f"{name}: binary data, not a text file")
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError as exc:
        raise _error(name, "neither UTF-8, UTF-16, UTF-32 nor Windows-1258:", exc, 0) from None
    if _looks_binary(text):
        raise SourceError(f"{name}: binary data, not a text file")
    return Decoded(text, "cp1258")


def _error(name: str, lead: str, exc: UnicodeDecodeError, shift: int) -> SourceError:
    at = exc.start + shift
    return SourceError(f"{name}: cannot decode: {lead} byte {exc.object[exc.start : exc.start + 1]!r} at offset {at}")
