"""The plugin hook of vngovdirectives: markers and the one hook specification.

Plugin authors import :data:`hookimpl` (``from vngovdirectives.plugins import hookimpl``) and
implement :func:`register_exporters`; see ``docs/plugins.md``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import pluggy

if TYPE_CHECKING:
    from collections.abc import Iterable

    from vngovdirectives.plugins.model import Exporter

__all__ = ["PROJECT_NAME", "hookimpl", "hookspec", "register_exporters"]

PROJECT_NAME: Final = "vngovdirectives"
"""The pluggy project name, which is also the entry-point group plugins declare."""

hookspec: Final = pluggy.HookspecMarker(PROJECT_NAME)
hookimpl: Final = pluggy.HookimplMarker(PROJECT_NAME)


@hookspec
def register_exporters() -> Iterable[Exporter]:  # type: ignore[empty-body]
    """Return the exporters this plugin provides.

    Every plugin's answer is collected (this is not a ``firstresult`` hook), so the order in which
    plugins load never matters. Each item must be a :class:`vngovdirectives.plugins.Exporter`;
    anything else is skipped with a :class:`vngovdirectives.plugins.PluginWarning`.

    :return: an iterable of :class:`~vngovdirectives.plugins.Exporter`.
    """
