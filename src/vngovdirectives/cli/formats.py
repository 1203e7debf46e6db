"""``vngovdirectives formats`` and ``vngovdirectives plugins``: what the installed plugins offer."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING

from vngovdirectives.plugins import available_formats, list_plugins

if TYPE_CHECKING:
    import argparse

__all__ = ["add_parsers"]


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


def add_parsers(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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
