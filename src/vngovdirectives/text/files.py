"""Reading an input file: a PDF, a Word document or a text file, to the text the parsers read.

Both commands of the command line, ``find`` and ``extract``, read their inputs here, so they see
the same text:

- a PDF (``%PDF-`` in its first kilobyte, whatever its name) is read by
  :mod:`vngovdirectives.text.pdf`, its print layout cleaned out;
- a Word document (a zip archive named ``.docx``, or holding ``word/document.xml``) by
  :mod:`vngovdirectives.text.word`;
- anything else is decoded by evidence (:mod:`vngovdirectives.text.decode`) and read as HTML when
  it is named ``.html``/``.htm``/``.xhtml`` or looks like a page
  (:func:`~vngovdirectives.text.html.looks_like_html`); the caller may force HTML.

The spans of everything found index :attr:`InputText.text`, the text read: for a PDF or a Word
document that is the extracted text, which ``vngovdirectives text FILE`` prints. The text is then
read once by :class:`~vngovdirectives.text.source.SourceText`.

>>> got = read_bytes("<p>Số: 07/KH-UBND</p>".encode("utf-16"), "page.htm")
>>> got.text, got.html, got.encoding
('<p>Số: 07/KH-UBND</p>', True, 'utf-16-le')
"""

from __future__ import annotations

import os
from typing import Final

import attrs

from vngovdirectives.errors import MissingExtraError, SourceError, expect_type
from vngovdirectives.text.decode import decode_bytes
from vngovdirectives.text.pdf import PDF_MAGIC
from vngovdirectives.text.word import ZIP_MAGIC

__all__ = ["HTML_SUFFIXES", "InputText", "read_bytes", "read_file"]

HTML_SUFFIXES: Final = (".html", ".htm", ".xhtml")
"""File-name suffixes read as HTML whatever their content."""


@attrs.frozen(slots=True)
class InputText:
    """An input as read: its name, its text, how to read it, and what was noticed.

    Attributes:
        name: the path as the caller gave it ("-" for standard input).
        text: the text the parsers read and spans index (the page's markup for HTML, the
            extracted text for a PDF or a Word document).
        html: True to read as HTML, False as plain text, None to decide by the content.
        encoding: the encoding the bytes were decoded from (None for a PDF or a Word document).
        warnings: what a user should know (an empty input, a page without text).
        format: ``"text"``, ``"pdf"`` or ``"docx"``: what the file was.
        pages: for a PDF, the offset in ``text`` where each page begins.
    """

    name: str
    text: str
    html: bool | None
    encoding: str | None
    warnings: tuple[str, ...] = ()
    format: str = "text"
    pages: tuple[int, ...] = ()


def _html(name: str, forced: bool | None) -> bool | None:
    if forced is not None:
        return forced
    return True if name.lower().endswith(HTML_SUFFIXES) else None


def _is_docx(data: bytes, name: str) -> bool:
    if not data.startswith(ZIP_MAGIC):
        return False
    return name.lower().endswith(".docx") or b"word/document.xml" in data[:65536]


def _warnings(text: str, data: bytes) -> tuple[str, ...]:
    if text.strip():
        return ()
    return ("empty input" if not data else "no text, only white space",)


def read_bytes(data: bytes, name: str, *, html: bool | None = None) -> InputText:
    """An input from its bytes (standard input, an archive member …), named ``name``.

    Raises:
        SourceError: the bytes are no text this library reads (a PdfError or DocxError for a PDF
            or Word document).
        MissingExtraError: a PDF or Word document, without the extra that reads it.
    """
    if PDF_MAGIC in data[:1024]:
        from vngovdirectives.text.pdf import pdf_to_text

        paged = pdf_to_text(data)
        return InputText(name, paged.text, False, None, (), "pdf", paged.pages)
    if _is_docx(data, name):
        from vngovdirectives.text.word import docx_to_text

        text = docx_to_text(data)
        return InputText(name, text, False, None, _warnings(text, data), "docx")
    decoded = decode_bytes(data, name)
    return InputText(name, decoded.text, _html(name, html), decoded.encoding, _warnings(decoded.text, data))


def read_file(path: str | os.PathLike[str], *, html: bool | None = None) -> InputText:
    """Read the file at ``path``.

    ``html`` True reads it as HTML, False as plain text, None by its name or content.

    Raises:
        InputTypeError: ``path`` is not a str or path.
        SourceError: the file cannot be read (the message has the system's reason) or decoded.
        MissingExtraError: a PDF or Word document, without the extra that reads it.
    """
    expect_type(path, (str, os.PathLike), "read_file", "path")
    name = os.fspath(path)
    try:
        with open(name, "rb") as fh:
            data = fh.read()
    except IsADirectoryError:
        raise SourceError(f"{name}: is a directory") from None
    except OSError as exc:
        raise SourceError(f"{name}: {exc.strerror or exc}") from None
    try:
        return read_bytes(data, name, html=html)
    except (SourceError, MissingExtraError) as exc:
        if str(exc).startswith(f"{name}: "):
            raise
        raise type(exc)(f"{name}: {exc}") from None
