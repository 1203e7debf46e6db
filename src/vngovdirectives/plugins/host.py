"""The plugin host: the pluggy plugin manager, built on first use, and the exporters it collects.

Every format, built-in or third-party, is an :class:`~vngovdirectives.plugins.model.Exporter`
returned by a plugin's ``register_exporters()`` hook (:mod:`vngovdirectives.plugins.hookspecs`).
Third-party plugins come from the ``vngovdirectives`` entry-point group and load one at a time;
a plugin that fails is skipped with a :class:`~vngovdirectives.errors.PluginWarning` and the
others keep working.
"""

from __future__ import annotations

import io
import os
import threading
import warnings
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, BinaryIO, Final, overload

import attrs

from vngovdirectives.errors import (
    ExportError,
    InputTypeError,
    PluginError,
    PluginWarning,
    UnknownFormatError,
    VnGovDirectivesError,
    expect_type,
)
from vngovdirectives.plugins.hookspecs import PROJECT_NAME
from vngovdirectives.plugins.model import Exportable, Exporter, PluginInfo, Record, records_of

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

    import pluggy

__all__ = [
    "BUILTIN_PLUGIN",
    "ENV_LOAD_PLUGINS",
    "available_formats",
    "export",
    "get_exporter",
    "get_plugin_manager",
    "list_plugins",
    "load_json",
    "load_records",
]

ENV_LOAD_PLUGINS: Final = "VNGOVDIRECTIVES_LOAD_PLUGINS"
"""Unset: load every installed plugin; empty: none; ``"a,b"``: only those entry-point names."""

BUILTIN_PLUGIN: Final = "vngovdirectives"
"""The name under which the built-in formats are registered."""


@attrs.frozen(kw_only=True, slots=True)
class _Host:
    pm: pluggy.PluginManager
    dists: Mapping[str, tuple[str, str]]  # plugin name -> (distribution, version)


_host: _Host | None = None
_host_lock: Final = threading.Lock()


def _entry_points() -> Iterable[EntryPoint]:
    """The installed entry points of the ``vngovdirectives`` group (replaced in tests)."""
    from importlib.metadata import entry_points

    return entry_points(group=PROJECT_NAME)


def _wanted(value: str | None) -> frozenset[str] | None:
    if value is None:
        return None
    return frozenset(name.strip() for name in value.split(",") if name.strip())


def _warn(message: str) -> None:
    warnings.warn(message, PluginWarning, stacklevel=3)


def _load_entry_point(pm: pluggy.PluginManager, ep: EntryPoint) -> bool:
    """Import and register one plugin; warn and return False when it cannot be used."""
    where = f"plugin {ep.name!r} ({ep.value})"
    if pm.has_plugin(ep.name):
        _warn(f"{where} is skipped: another plugin is already registered under the name {ep.name!r}")
        return False
    try:
        plugin = ep.load()
    except Exception as exc:
        _warn(
            f"{where} is skipped: it failed to import ({type(exc).__name__}: {exc}). "
            f"Upgrade or uninstall it, or leave it out with {ENV_LOAD_PLUGINS}."
        )
        return False
    try:
        pm.register(plugin, name=ep.name)
        pm.check_pending()
    except Exception as exc:
        if pm.has_plugin(ep.name):
            pm.unregister(name=ep.name)
        _warn(f"{where} is skipped: its hooks are invalid ({type(exc).__name__}: {exc})")
        return False
    return True


def _build_host() -> _Host:
    import pluggy

    from vngovdirectives.plugins import exporters, hookspecs  # the built-in formats and the hook

    pm = pluggy.PluginManager(PROJECT_NAME)
    pm.add_hookspecs(hookspecs)
    pm.register(exporters, name=BUILTIN_PLUGIN)
    wanted = _wanted(os.environ.get(ENV_LOAD_PLUGINS))
    dists: dict[str, tuple[str, str]] = {}
    seen: set[str] = set()
    for ep in _entry_points():
        if wanted is not None and ep.name not in wanted:
            continue
        seen.add(ep.name)
        if _load_entry_point(pm, ep) and ep.dist is not None:
            dists[ep.name] = (ep.dist.name, ep.dist.version)
    for missing in sorted((wanted or frozenset()) - seen):
        _warn(f"{ENV_LOAD_PLUGINS} names {missing!r}, but no installed plugin has that entry-point name")
    return _Host(pm=pm, dists=dists)


def _get_host() -> _Host:
    global _host  # noqa: PLW0603 - the one lazily built, idempotent plugin manager
    host = _host
    if host is None:
        with _host_lock:
            host = _host
            if host is None:
                host = _host = _build_host()
    return host


def get_plugin_manager() -> pluggy.PluginManager:
    """The pluggy plugin manager, built (and third-party plugins loaded) on first call.

    Tests may ``register()`` a plugin on it and ``unregister()`` it afterwards.
    """
    return _get_host().pm


# --------------------------------------------------------------------------- collecting exporters


@attrs.frozen(kw_only=True, slots=True)
class _Offer:
    plugin: str
    exporter: Exporter


def _hook_results(pm: pluggy.PluginManager) -> list[tuple[str, list[Exporter]]]:
    """Call each plugin's hook on its own so that one bad plugin cannot hide the others."""
    results: list[tuple[str, list[Exporter]]] = []
    for impl in reversed(pm.hook.register_exporters.get_hookimpls()):
        name = impl.plugin_name
        try:
            returned = impl.function()
            if returned is None:
                returned = ()
            if isinstance(returned, (str, bytes, Mapping, Exporter)) or not isinstance(returned, Iterable):
                _warn(
                    f"plugin {name!r}: register_exporters() must return a list of Exporter objects, "
                    f"got {type(returned).__name__}; its formats are skipped"
                )
                continue
            items = list(returned)
        except Exception as exc:
            _warn(f"plugin {name!r}: register_exporters() raised {type(exc).__name__}: {exc}; its formats are skipped")
            continue
        good: list[Exporter] = []
        for item in items:
            if isinstance(item, Exporter):
                good.append(item)
            else:
                _warn(
                    f"plugin {name!r}: register_exporters() returned a {type(item).__name__}, not an "
                    "vngovdirectives.plugins.Exporter; it is skipped"
                )
        results.append((name, good))
    return results


def _offers() -> dict[str, list[_Offer]]:
    by_name: dict[str, list[_Offer]] = {}
    for plugin, exporters in _hook_results(get_plugin_manager()):
        for exporter in exporters:
            by_name.setdefault(exporter.name, []).append(_Offer(plugin=plugin, exporter=exporter))
    return by_name


def _clash_message(name: str, offers: list[_Offer]) -> str:
    plugins = " and ".join(repr(p) for p in sorted(o.plugin for o in offers))
    return (
        f"format {name!r} is claimed by more than one plugin ({plugins}); uninstall one of them, "
        f"or choose which plugins load with {ENV_LOAD_PLUGINS}"
    )


def available_formats() -> Mapping[str, Exporter]:
    """The usable export formats by name, sorted.

    A format name claimed by two plugins is left out (with a :class:`PluginWarning`);
    ``export(to=that_name)`` raises :class:`PluginError` naming both.
    """
    formats: dict[str, Exporter] = {}
    for name, offers in sorted(_offers().items()):
        if len(offers) == 1:
            formats[name] = offers[0].exporter
        else:
            _warn(_clash_message(name, offers))
    return MappingProxyType(formats)


def _unknown(name: str, known: Iterable[str]) -> UnknownFormatError:
    from vngovdirectives.plugins.exporters import OPTIONAL_FORMATS

    known = sorted(known)
    if name in OPTIONAL_FORMATS:
        module, extra = OPTIONAL_FORMATS[name]
        return UnknownFormatError(
            f"the {name!r} format needs the {module} package, which is not installed: "
            f'pip install "vngovdirectives[{extra}]"'
        )
    message = f"unknown export format {name!r}; available: {', '.join(known) or 'none'}"
    guess = name.strip().lower().lstrip(".")
    if guess != name and guess in known:
        message += f" (did you mean {guess!r}?)"
    elif os.environ.get(ENV_LOAD_PLUGINS) is not None:
        message += f". {ENV_LOAD_PLUGINS} is set, so some installed plugins may not be loaded"
    else:
        message += ". Formats come from plugins: install the one that provides it"
    return UnknownFormatError(message)


def get_exporter(name: str) -> Exporter:
    """The exporter of format ``name``.

    Raises:
        InputTypeError: ``name`` is not a str.
        UnknownFormatError: no plugin provides ``name`` (the message says how to install it).
        PluginError: two plugins claim ``name``.
    """
    expect_type(name, str, "get_exporter", "name")
    offers = _offers()
    found = offers.get(name)
    if not found:
        raise _unknown(name, offers)
    if len(found) > 1:
        raise PluginError(_clash_message(name, found))
    return found[0].exporter


@overload
def export(items: Iterable[Exportable | Record], *, to: str, stream: None = None) -> bytes: ...
@overload
def export(items: Iterable[Exportable | Record], *, to: str, stream: BinaryIO) -> None: ...
def export(items: Iterable[Exportable | Record], *, to: str, stream: BinaryIO | None = None) -> bytes | None:
    """Write ``items`` in format ``to``: to ``stream``, or return the bytes when no stream is given.

    Items are bulletins, documents and directives, or :class:`~vngovdirectives.plugins.Record`
    objects that carry an item with its source (a file path, or any name) and id, or an input
    that failed. Bare items are numbered by their position from 1.

    >>> from vngovdirectives.plugins import export
    >>> export([], to="jsonl")
    b''

    Raises:
        InputTypeError: ``items`` is not an iterable of those, or ``to`` is not a str.
        UnknownFormatError: no installed plugin provides format ``to``.
        PluginError: two plugins claim format ``to``.
        ExportError: the exporter failed (the message names the format).
    """
    if isinstance(items, str | bytes | Mapping) or not isinstance(items, Iterable):
        raise InputTypeError(f"export() writes an iterable of items, not {type(items).__name__}")
    exporter = get_exporter(to)
    target = io.BytesIO() if stream is None else stream
    records = records_of(items)
    given = records if exporter.records else (r.item for r in records if r.item is not None)
    try:
        exporter.write(given, target)
    except (VnGovDirectivesError, OSError):
        raise
    except Exception as exc:
        raise ExportError(f"the {to!r} exporter failed: {type(exc).__name__}: {exc}") from exc
    if stream is None:
        assert isinstance(target, io.BytesIO)
        return target.getvalue()
    return None


def list_plugins() -> list[PluginInfo]:
    """Every registered plugin with its version and formats, built-in first."""
    from importlib.metadata import PackageNotFoundError, version

    host = _get_host()
    formats = {plugin: tuple(sorted({e.name for e in exporters})) for plugin, exporters in _hook_results(host.pm)}
    infos: list[PluginInfo] = []
    for name, plugin in host.pm.list_name_plugin():
        if plugin is None:
            continue
        builtin = name == BUILTIN_PLUGIN
        package, ver = host.dists.get(name, (None, None))
        if builtin:
            package = PROJECT_NAME
            try:
                ver = version(PROJECT_NAME)
            except PackageNotFoundError:  # pragma: no cover - a source tree without metadata
                ver = None
        infos.append(
            PluginInfo(name=name, version=ver, formats=formats.get(name, ()), builtin=builtin, package=package)
        )
    infos.sort(key=lambda info: (not info.builtin, info.name))
    return infos


def load_json(data: bytes | str, /) -> list[Exportable]:
    """Read a ``json`` (or ``jsonl``) export back into bulletins, documents and directives equal
    to those exported; inputs that failed are left out (:func:`load_records` keeps them).

    >>> from vngovdirectives.testing import sample_items
    >>> items = sample_items()
    >>> load_json(export(items, to="json")) == items
    True

    Raises:
        InputTypeError: ``data`` is neither str nor bytes.
        LoadError: ``data`` is not a vngovdirectives JSON or JSON-lines export of this version
            (an :class:`~vngovdirectives.errors.ExportError`).
    """
    from vngovdirectives.plugins.exporters.load import load_json as load

    return load(data)


def load_records(data: bytes | str, /) -> list[Record]:
    """Read a ``json`` (or ``jsonl``) export back into records: each item with its source and id,
    and the inputs that failed.

    >>> from vngovdirectives.testing import sample_items
    >>> batch = [Record(item=sample_items()[0], source="a.txt"), Record(source="b.txt", error="cannot decode")]
    >>> [(r.source, r.id, r.error) for r in load_records(export(batch, to="json"))]
    [('a.txt', 1, None), ('b.txt', 2, 'cannot decode')]

    Raises:
        InputTypeError: ``data`` is neither str nor bytes.
        LoadError: as :func:`load_json`.
    """
    from vngovdirectives.plugins.exporters.load import load_records as load

    return load(data)
