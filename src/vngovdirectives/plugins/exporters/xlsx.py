"""The ``xlsx`` format: an Excel workbook with one sheet per table.

Sheets ``directives``, ``tasks``, ``deadlines``, ``references`` and ``errors`` (the inputs that
failed; columns in ``docs/formats.md``). Needs ``openpyxl``: ``pip install "vngovdirectives[xlsx]"``; it is
imported only when an export runs. Rows are written in openpyxl's write-only mode, and every
text cell is stored as text, so a value such as ``=HYPERLINK(…)`` is never a formula. Control
characters that XML cannot hold (and lone surrogates) become U+FFFD.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, BinaryIO, Final

from vngovdirectives.errors import ExportError
from vngovdirectives.plugins.exporters import _rows
from vngovdirectives.plugins.model import Exporter

if TYPE_CHECKING:
    from vngovdirectives.plugins.model import Exportable, Record

__all__ = ["ERRORS_SHEET", "SHEETS", "XLSX", "write_xlsx"]

_NOT_IN_XML: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Characters an XML document cannot hold; they become U+FFFD in the workbook."""

_Rows = Callable[[_rows.Located], Iterator[tuple[_rows.Cell, ...]]]

SHEETS: Final[tuple[tuple[str, tuple[str, ...], _Rows], ...]] = (
    ("directives", _rows.DIRECTIVE_COLUMNS, _rows.directive_rows),
    ("tasks", _rows.TASK_COLUMNS, _rows.task_rows),
    ("deadlines", _rows.DEADLINE_COLUMNS, _rows.deadline_rows),
    ("references", _rows.REFERENCE_COLUMNS, _rows.reference_rows),
)
"""(sheet name, column names, row function) of each sheet of directives, in order; the ``errors``
sheet follows them."""
ERRORS_SHEET: Final = "errors"


def _openpyxl() -> Any:
    try:
        return importlib.import_module("openpyxl")  # typed as Any: openpyxl ships no annotations
    except ImportError as exc:
        raise ExportError(
            f'the "xlsx" format needs the openpyxl package ({exc}): pip install "vngovdirectives[xlsx]"'
        ) from exc


def write_xlsx(items: Iterable[Exportable | Record], stream: BinaryIO) -> None:
    """A workbook with the directives, tasks, deadlines, references and errors sheets."""
    openpyxl = _openpyxl()
    write_only_cell = openpyxl.cell.WriteOnlyCell

    book = openpyxl.Workbook(write_only=True)
    sheets = [book.create_sheet(title) for title, _, _ in SHEETS]
    for sheet, (_, columns, _) in zip(sheets, SHEETS, strict=True):
        sheet.append(list(columns))
    errors = book.create_sheet(ERRORS_SHEET)
    errors.append(list(_rows.ERROR_COLUMNS))

    def cell(sheet: Any, value: _rows.Cell) -> Any:
        if isinstance(value, str):
            value = _NOT_IN_XML.sub("\ufffd", value)
        out = write_only_cell(sheet, value=value)
        if isinstance(value, str):
            out.data_type = "s"  # text, never a formula
        return out

    for entry in _rows.walk(items):
        if not isinstance(entry, _rows.Located):
            errors.append([cell(errors, value) for value in _rows.error_row(entry)])
            continue
        for sheet, (_, _, rows) in zip(sheets, SHEETS, strict=True):
            for row in rows(entry):
                sheet.append([cell(sheet, value) for value in row])
    book.save(stream)


XLSX: Final = Exporter(
    name="xlsx",
    media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    suffix=".xlsx",
    write=write_xlsx,
    description="an Excel workbook: directives, tasks, deadlines, references and errors (needs vngovdirectives[xlsx])",
    records=True,
)
