"""The built-in export formats, registered through the same hook as third-party plugins.

``json``, ``jsonl``, ``csv`` and ``markdown`` need nothing beyond the library. ``ics`` needs
the ``icalendar`` package (``pip install "vngovdirectives[ics]"``) and ``xlsx`` needs
``openpyxl`` (``pip install "vngovdirectives[xlsx]"``); each is offered only when its package
is installed, and asking for it otherwise raises an error that names the install command.
"""

from __future__ import annotations

from importlib.util import find_spec
from typing import TYPE_CHECKING, Final

from vngovdirectives.plugins.hookspecs import hookimpl

if TYPE_CHECKING:
    from vngovdirectives.plugins.model import Exporter

__all__ = ["OPTIONAL_FORMATS", "register_exporters"]

#: format name -> (the package it needs, the vngovdirectives extra that installs it)
OPTIONAL_FORMATS: Final = {"ics": ("icalendar", "ics"), "xlsx": ("openpyxl", "xlsx")}


def _installed(module: str) -> bool:
    try:
        return find_spec(module) is not None
    except (ImportError, ValueError):  # pragma: no cover - a broken or half-installed package
        return False


@hookimpl
def register_exporters() -> list[Exporter]:
    """The built-in exporters (ics and xlsx only when their optional package is installed)."""
    from vngovdirectives.plugins.exporters import builtin

    found = list(builtin.EXPORTERS)
    if _installed(OPTIONAL_FORMATS["ics"][0]):
        from vngovdirectives.plugins.exporters.ics import ICS

        found.append(ICS)
    if _installed(OPTIONAL_FORMATS["xlsx"][0]):
        from vngovdirectives.plugins.exporters.xlsx import XLSX

        found.append(XLSX)
    return found
