"""Command-line pieces for export formats and plugins, wired into :mod:`vngovdirectives.cli`.

- :func:`add_commands` adds ``vngovdirectives formats`` and ``vngovdirectives plugins``;
- :func:`write_export` is what ``extract --format NAME [-o FILE]`` calls.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from typing import TYPE_CHECKING

from vngovdirectives.plugins import ExportError, available_formats, export, get_exporter, list_plugins

if TYPE_CHECKING:
    import argparse
    from collections.abc import Iterable

    from vngovdirectives.plugins import Exportable

__all__ = ["add_commands", "is_text_media_type", "write_export"]


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


def _cmd_formats(_args: argparse.Namespace) -> int:
    formats = available_formats()
    width = max((len(name) for name in formats), default=0)
    for name, exporter in formats.items():
        sys.stdout.write(f"{name:<{width}}  {exporter.description}".rstrip() + "\n")
    return 0


def _cmd_plugins(_args: argparse.Namespace) -> int:
    records = [
        {
            "name": info.name,
            "version": info.version,
            "formats": list(info.formats),
            "builtin": info.builtin,
            "package": info.package,
        }
        for info in list_plugins()
    ]
    sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    return 0


def add_commands(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the ``formats`` and ``plugins`` commands on the CLI's sub-parsers."""
    formats = subparsers.add_parser(
        "formats",
        help="list the export formats (built-in and from plugins)",
        description="List the export formats, one per line: name, then description.",
    )
    formats.set_defaults(func=_cmd_formats)
    plugins = subparsers.add_parser(
        "plugins",
        help="list the installed plugins as JSON",
        description="List the registered plugins as JSON: name, version, formats, package and whether built in.",
    )
    plugins.set_defaults(func=_cmd_plugins)
