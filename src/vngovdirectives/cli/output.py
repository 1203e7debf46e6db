"""Writing an export to standard output or to a file (the ``extract --format NAME -o FILE`` path)."""

from __future__ import annotations

import os
import sys
import tempfile
from typing import TYPE_CHECKING

from vngovdirectives.errors import ExportError
from vngovdirectives.plugins import export, get_exporter

if TYPE_CHECKING:
    from collections.abc import Iterable

    from vngovdirectives.plugins import Exportable

__all__ = ["is_text_media_type", "write_export"]


def is_text_media_type(media_type: str) -> bool:
    """Whether output of ``media_type`` is text that may go to a terminal.

    >>> is_text_media_type("text/csv; charset=utf-8"), is_text_media_type("application/vnd.sqlite3")
    (True, False)
    """
    base = media_type.split(";", maxsplit=1)[0].strip().lower()
    return base.startswith("text/") or base.endswith(("/json", "+json", "/jsonl", "/x-ndjson", "+xml"))


def write_export(items: Iterable[Exportable], fmt: str, output: str | os.PathLike[str] | None) -> None:
    """Export ``items`` in format ``fmt`` to the file ``output``, or to standard output.

    ``None`` or ``"-"`` means standard output, which is refused for a binary format when it is a
    terminal. A file is written next to its final path and renamed into place only on success,
    so a failed export never leaves a truncated file.

    Raises:
        UnknownFormatError, PluginError, ExportError: as :func:`vngovdirectives.plugins.export`.
    """
    exporter = get_exporter(fmt)
    if output is None or os.fspath(output) == "-":
        stream = sys.stdout.buffer
        if not is_text_media_type(exporter.media_type) and stream.isatty():
            raise ExportError(
                f"the {fmt!r} format is binary ({exporter.media_type}); "
                f"write it to a file with -o FILE{exporter.suffix}"
            )
        sys.stdout.flush()
        export(items, to=fmt, stream=stream)
        stream.flush()
        return
    path = os.fspath(output)
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".vngovdirectives-", suffix=exporter.suffix, dir=directory)
    try:
        with os.fdopen(fd, "wb") as stream:
            export(items, to=fmt, stream=stream)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise
