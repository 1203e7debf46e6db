"""Word input: the text of a .docx document, read with python-docx.

Needs the ``docx`` extra (``pip install "vngovdirectives[docx]"``); python-docx is imported on the
first document only. Paragraphs and tables come in document order, one paragraph a line, one
table row a line with its cells joined by ``" | "`` (a merged cell shown once, the paragraphs of a
cell joined by spaces). Headers and footers are left out; text boxes, content controls and
tables nested in cells are not read.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Final

from vngovdirectives.errors import DocxError, MissingExtraError, expect_type

if TYPE_CHECKING:
    from collections.abc import Iterator

    from docx.table import Table

__all__ = ["ZIP_MAGIC", "docx_to_text"]

ZIP_MAGIC: Final = b"PK\x03\x04"
"""What a .docx (a zip archive) starts with."""
_EXTRA: Final = 'reading DOCX needs python-docx: pip install "vngovdirectives[docx]"'


def _table_rows(table: Table) -> Iterator[str]:
    """Each row as one line: its cells' text joined by " | " (a merged cell counted once)."""
    for row in table.rows:
        cells: list[str] = []
        previous: object = None
        for cell in row.cells:
            if cell._tc is previous:  # a horizontally merged cell repeats: show it once
                continue
            previous = cell._tc
            cells.append(" ".join(cell.text.split()))
        yield " | ".join(cells)


def docx_to_text(data: bytes) -> str:
    """The text of a .docx: paragraphs and table rows in document order, one a line.

    Raises:
        InputTypeError: ``data`` is not bytes.
        MissingExtraError: python-docx is not installed (the message names the extra).
        DocxError: ``data`` is not a readable .docx.
    """
    expect_type(data, (bytes, bytearray, memoryview), "docx_to_text", "data")
    try:
        import docx
        from docx.table import Table
    except ImportError:
        raise MissingExtraError(_EXTRA) from None
    try:
        document = docx.Document(io.BytesIO(bytes(data)))
        lines: list[str] = []
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                lines.extend(_table_rows(block))
            else:
                lines.append(block.text)
    except MemoryError:
        raise
    except Exception as exc:  # zip, XML and package errors of every kind
        raise DocxError(f"this is not a readable .docx ({type(exc).__name__}: {exc})") from None
    return "\n".join(lines)
