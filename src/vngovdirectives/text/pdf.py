"""PDF input: the text layer of a PDF, read with pdfminer.six, without its print layout.

Needs the ``pdf`` extra (``pip install "vngovdirectives[pdf]"``); pdfminer.six is imported on the
first PDF only. It was chosen over pypdf by measuring both on six gazette PDFs beside the
publisher's own text: with its default layout analysis it breaks no word and keeps every legal
code whole (0.990 word-sequence agreement, 42 of 42 codes), at about 20 pages a second; pypdf was
faster but split words and codes. The print layout is then cleaned out
(:mod:`vngovdirectives.text.layout`).

A PDF without a text layer (scanned pages) is a :class:`~vngovdirectives.errors.NoTextLayerError`:
there is no OCR. A password-protected one is an :class:`~vngovdirectives.errors.EncryptedPdfError`.
"""

from __future__ import annotations

import io
from typing import Final

from vngovdirectives.errors import EncryptedPdfError, MissingExtraError, NoTextLayerError, PdfError, expect_type
from vngovdirectives.text.layout import PagedText, clean_pages

__all__ = ["MIN_CHARS_PER_PAGE", "PDF_MAGIC", "pdf_to_text"]

PDF_MAGIC: Final = b"%PDF-"
"""What a PDF holds in its first kilobyte."""
MIN_CHARS_PER_PAGE: Final = 20
"""Fewer letters and digits than this a page, on average and once the layout is out: no text layer."""
_EXTRA: Final = 'reading PDF needs pdfminer.six: pip install "vngovdirectives[pdf]"'


def _extract_raw(data: bytes) -> tuple[str, list[int]]:
    """pdfminer's text of every page (each followed by a form feed) and the offset of each page end."""
    from pdfminer.converter import TextConverter
    from pdfminer.layout import LAParams
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    out = io.StringIO()
    manager = PDFResourceManager(caching=True)
    device = TextConverter(manager, out, laparams=LAParams(all_texts=True))
    interpreter = PDFPageInterpreter(manager, device)
    ends: list[int] = []
    for page in PDFPage.get_pages(io.BytesIO(data), check_extractable=False):
        interpreter.process_page(page)
        ends.append(out.tell())
    device.close()
    return out.getvalue(), ends


def _read(data: bytes) -> tuple[str, list[int]]:
    """:func:`_extract_raw`, with pdfminer's errors made the library's."""
    try:
        from pdfminer.pdfdocument import PDFPasswordIncorrect
    except ImportError:
        raise MissingExtraError(_EXTRA) from None
    if PDF_MAGIC not in data[:1024]:
        raise PdfError("not a PDF: no %PDF- header in its first 1024 bytes")
    try:
        return _extract_raw(data)
    except MemoryError:
        raise
    except PDFPasswordIncorrect:
        raise EncryptedPdfError("this PDF is encrypted and needs a password to be read") from None
    except Exception as exc:  # pdfminer raises many kinds of errors on broken files
        raise PdfError(f"this PDF cannot be read ({type(exc).__name__}: {exc})") from None


def pdf_to_text(data: bytes) -> PagedText:
    """The text of a PDF's text layer, its print layout cleaned out.

    Raises:
        InputTypeError: ``data`` is not bytes.
        MissingExtraError: pdfminer.six is not installed (the message names the extra).
        EncryptedPdfError: the PDF needs a password.
        NoTextLayerError: the pages hold no text (scanned); OCR is not supported.
        PdfError: anything else that makes the PDF unreadable.
    """
    expect_type(data, (bytes, bytearray, memoryview), "pdf_to_text", "data")
    raw, ends = _read(bytes(data))
    if not ends:
        raise PdfError("this PDF has no pages")
    result = clean_pages(raw, ends)
    if sum(ch.isalnum() for ch in result.text) < MIN_CHARS_PER_PAGE * len(ends):
        raise NoTextLayerError("this PDF has no text layer (scanned?); OCR is not supported")
    return result
