"""Export formats and the plugin host.

Every format, built-in or third-party, is an :class:`Exporter` returned by a plugin's
``register_exporters()`` hook (see :mod:`vngovdirectives.plugins.hookspecs` and ``docs/plugins.md``).
Nothing is loaded at import: the plugin manager is built on first use. Plugin authors need
:class:`Exporter` and :data:`hookimpl` from here.

>>> {"json", "jsonl", "csv", "markdown"} <= set(available_formats())
True
>>> available_formats()["csv"].suffix
'.csv'
"""

from __future__ import annotations

from vngovdirectives.errors import ExportError, PluginError, PluginWarning, UnknownFormatError
from vngovdirectives.plugins.hookspecs import hookimpl
from vngovdirectives.plugins.host import (
    BUILTIN_PLUGIN,
    ENV_LOAD_PLUGINS,
    available_formats,
    export,
    get_exporter,
    get_plugin_manager,
    list_plugins,
    load_json,
    load_records,
)
from vngovdirectives.plugins.model import Exportable, Exporter, PluginInfo, Record

__all__ = [
    "BUILTIN_PLUGIN",
    "ENV_LOAD_PLUGINS",
    "ExportError",
    "Exportable",
    "Exporter",
    "PluginError",
    "PluginInfo",
    "PluginWarning",
    "Record",
    "UnknownFormatError",
    "available_formats",
    "export",
    "get_exporter",
    "get_plugin_manager",
    "hookimpl",
    "list_plugins",
    "load_json",
    "load_records",
]
