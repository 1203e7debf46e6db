"""The exceptions of vngovdirectives.

Every error the library raises on purpose derives from :class:`VnGovDirectivesError`.
Parsers raise :class:`ParseError` subclasses, which are also :class:`ValueError` so that
code written against the standard library's conventions keeps working::

    VnGovDirectivesError
    ├── ParseError (also ValueError)    .text .offset .fragment .reason
    │   ├── DocumentNumberError
    │   ├── DocumentReferenceError
    │   └── DateError                   dates, periods and deadline texts
    │       └── DeadlineParseError      a text that is no deadline (also a DeadlineError)
    ├── DeadlineError (also ValueError) a deadline that cannot be resolved to a day
    ├── CalendarError (also ValueError) a working-day question the calendar cannot answer
    ├── InputTypeError (also TypeError) a public function given an argument of the wrong type
    │   └── HtmlError                   HTML input that is not a str
    ├── ExtractError (also ValueError)  input the directive parsers cannot read at all
    ├── SourceError                     an input file that cannot be read or decoded
    │   ├── PdfError                    a PDF that cannot be read
    │   │   ├── EncryptedPdfError       … that needs a password
    │   │   └── NoTextLayerError        … that has no text layer (scanned pages; no OCR)
    │   └── DocxError                   a Word document that cannot be read
    ├── MissingExtraError (also ImportError)  a feature whose optional package is not installed
    ├── OutputError (also OSError)      an output that cannot be written (a full disk, a closed pipe)
    ├── ExportError                     an export that cannot be written
    │   ├── UnknownFormatError (also LookupError)
    │   └── LoadError (also ValueError) data that is no vngovdirectives export of this version
    ├── PluginError                     a plugin that breaks the exporter contract
    ├── VocabularyError (also ValueError) a malformed row of a vocabulary table
    └── GraphError (also ValueError)    a citation graph that cannot be written as asked

    PluginWarning (a UserWarning)       a plugin skipped because it failed to load or misbehaved

Every exception of the library is defined here, and only here.

>>> from vngovdirectives import parse_number
>>> parse_number("12/QĐ-UBND/?")
Traceback (most recent call last):
    ...
vngovdirectives.errors.DocumentNumberError: ...
"""

from __future__ import annotations

__all__ = [
    "CalendarError",
    "DateError",
    "DeadlineError",
    "DeadlineParseError",
    "DocumentNumberError",
    "DocumentReferenceError",
    "DocxError",
    "EncryptedPdfError",
    "ExportError",
    "ExtractError",
    "GraphError",
    "HtmlError",
    "InputTypeError",
    "LoadError",
    "MissingExtraError",
    "NoTextLayerError",
    "OutputError",
    "ParseError",
    "PdfError",
    "PluginError",
    "PluginWarning",
    "SourceError",
    "UnknownFormatError",
    "VnGovDirectivesError",
    "VocabularyError",
    "expect_type",
]

_CONTEXT = 24  # characters of input shown on each side of the offending offset


class VnGovDirectivesError(Exception):
    """Base class of every error raised on purpose by vngovdirectives."""


class ParseError(VnGovDirectivesError, ValueError):
    """A text could not be read as the value asked for.

    Attributes:
        text: the whole input given to the parser.
        offset: index into ``text`` where the problem was found.
        fragment: the offending piece of ``text`` (may be empty at end of input).
        reason: a short sentence saying what was wrong.
    """

    text: str
    offset: int
    fragment: str
    reason: str

    def __init__(self, reason: str, text: str, offset: int = 0, fragment: str | None = None) -> None:
        offset = max(0, min(offset, len(text)))
        if fragment is None:
            fragment = text[offset : offset + 1]
        self.text = text
        self.offset = offset
        self.fragment = fragment
        self.reason = reason
        super().__init__(self._message())

    def _message(self) -> str:
        start = max(0, self.offset - _CONTEXT)
        end = min(len(self.text), self.offset + max(len(self.fragment), 1) + _CONTEXT)
        window = self.text[start:end].replace("\n", " ").replace("\r", " ").replace("\t", " ")
        lead = "…" if start > 0 else ""
        caret = " " * (len(lead) + self.offset - start) + "^" * max(1, len(self.fragment))
        return (
            f"{self.reason} at offset {self.offset} ({self.fragment!r})\n"
            f"    {lead}{window}{'…' if end < len(self.text) else ''}\n"
            f"    {caret}"
        )

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.reason, self.text, self.offset, self.fragment))


class DocumentNumberError(ParseError):
    """A text is not a Vietnamese document number ("số, ký hiệu")."""


class DocumentReferenceError(ParseError):
    """A text is not a document reference ("Công văn số 39/CV-BCĐ ngày 29/3/2019")."""


class DateError(ParseError):
    """A text is not a date, period or deadline expression, or names an impossible date."""


class DeadlineError(VnGovDirectivesError, ValueError):
    """A deadline cannot be resolved to a last day (for example a relative limit with no start)."""


class DeadlineParseError(DateError, DeadlineError):
    """A text is not a deadline expression (:func:`~vngovdirectives.deadlines.parse_deadline`).

    Both a :class:`DateError`, like every error about the text of a date, and a
    :class:`DeadlineError`, like every error about a deadline.
    """


class CalendarError(VnGovDirectivesError, ValueError):
    """A working-day computation was asked something the calendar cannot answer."""


class InputTypeError(VnGovDirectivesError, TypeError):
    """A public function was given an argument of the wrong type (most read a ``str``).

    Every public function checks the type of what it reads before reading it, and raises this
    error (a :class:`TypeError`) naming the function, the argument and the type it got.
    """


class HtmlError(InputTypeError):
    """The input is not a ``str`` (decode bytes first)."""


class ExtractError(VnGovDirectivesError, ValueError):
    """The input cannot be read at all (not a str, or empty)."""


class SourceError(VnGovDirectivesError):
    """An input file cannot be read or decoded."""


class MissingExtraError(VnGovDirectivesError, ImportError):
    """A feature needs an optional package that is not installed (reading a PDF, running on Dask);
    the message names the extra to install (``pip install "vngovdirectives[pdf]"``)."""


class PdfError(SourceError):
    """A PDF cannot be read: not a PDF, broken or truncated beyond repair, or without pages."""


class EncryptedPdfError(PdfError):
    """A PDF is encrypted with a password needed to read it (owner-only encryption reads fine)."""


class NoTextLayerError(PdfError):
    """A PDF has pages but no text on them: scanned images, which would need OCR (not supported)."""


class DocxError(SourceError):
    """Data is not a Word (.docx) document that can be read."""


class OutputError(VnGovDirectivesError, OSError):
    """An output cannot be written: a full disk, a closed pipe, a directory given as a file.

    ``filename`` is the output as the user named it (never a temporary file), ``errno`` and
    ``strerror`` the system's reason.
    """


class ExportError(VnGovDirectivesError):
    """An export could not be written (a missing optional package, or a failing exporter)."""


class UnknownFormatError(ExportError, LookupError):
    """No installed exporter has the requested format name."""


class LoadError(ExportError, ValueError):
    """Data given to :func:`~vngovdirectives.plugins.load_json` is not a vngovdirectives export this
    version reads: not JSON, not UTF-8, nested too deeply, of another format version, or holding a
    value that is not what the schema says. The message says where."""


class PluginError(VnGovDirectivesError):
    """A plugin broke the exporter contract: an invalid Exporter, or a format name claimed twice."""


class VocabularyError(VnGovDirectivesError, ValueError):
    """A row of a vocabulary table (``data/vocab/``) is malformed: a packaging defect."""


class SpanError(VnGovDirectivesError, ValueError):
    """A span given by the caller is not a piece of the text: it starts before 0, ends past the
    text's end, or is empty. The message names the span, its position among those given and the
    length of the text."""


class GraphError(VnGovDirectivesError, ValueError):
    """A citation graph cannot be written as asked (an unknown format, an output that exists)."""


class PluginWarning(UserWarning):
    """A plugin failed to load or misbehaved; it (or the offending part) is skipped."""


def expect_type(value: object, types: type | tuple[type, ...], function: str, argument: str = "text") -> None:
    """Raise :class:`InputTypeError` unless ``value`` is an instance of ``types``.

    >>> expect_type(None, str, "parse_number")
    Traceback (most recent call last):
        ...
    vngovdirectives.errors.InputTypeError: parse_number() reads a str as text, not NoneType
    """
    if not isinstance(value, types):
        names = " or ".join(t.__name__ for t in (types if isinstance(types, tuple) else (types,)))
        raise InputTypeError(f"{function}() reads a {names} as {argument}, not {type(value).__name__}")
