"""The exporter contract: an :class:`Exporter` is one format, :class:`PluginInfo` one registered plugin.

Invalid values raise :class:`~vngovdirectives.errors.PluginError` at construction, so a broken
plugin is caught where it registers, not when a user exports.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, BinaryIO, Final, TypeAlias

import attrs

from vngovdirectives.errors import PluginError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from vngovdirectives.directives.model import Bulletin, Directive, Document

__all__ = ["MEDIA_RE", "NAME_RE", "SUFFIX_RE", "Exportable", "Exporter", "PluginInfo"]

#: What exporters write: bulletins, documents and directives, in any mix.
Exportable: TypeAlias = "Bulletin | Document | Directive"

NAME_RE: Final = re.compile(r"[a-z][a-z0-9-]*")
MEDIA_RE: Final = re.compile(r"[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*(?:\s*;.*)?", re.IGNORECASE)
SUFFIX_RE: Final = re.compile(r"\.[a-z0-9][a-z0-9._-]*", re.IGNORECASE)


def _check(pattern: re.Pattern[str], what: str, example: str) -> Callable[[object, attrs.Attribute[Any], Any], None]:
    def check(_inst: object, attr: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, str) or pattern.fullmatch(value) is None:
            raise PluginError(f"Exporter {attr.name} {value!r} is invalid: it must be {what} (e.g. {example!r})")

    return check


def _check_write(_inst: object, _attr: attrs.Attribute[Any], value: Any) -> None:
    if not callable(value):
        raise PluginError(f"Exporter write must be a callable write(items, stream), got {type(value).__name__}")


def _check_description(_inst: object, _attr: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str):
        raise PluginError(f"Exporter description must be a str, got {type(value).__name__}")


@attrs.frozen(kw_only=True, slots=True)
class Exporter:
    """One export format.

    ``write(items, stream)`` writes the items (bulletins, documents, directives) to a binary
    stream as it goes, so large batches need not fit in memory. Invalid values raise
    :class:`PluginError`:

    >>> Exporter(name="CSV", media_type="text/csv", suffix=".csv", write=lambda items, stream: None)
    Traceback (most recent call last):
        ...
    vngovdirectives.errors.PluginError: Exporter name 'CSV' is invalid: ...
    """

    name: str = attrs.field(
        validator=_check(NAME_RE, "lower-case letters, digits and '-', starting with a letter", "my-format")
    )
    """The key for ``export(..., to=name)``; matches ``^[a-z][a-z0-9-]*$``."""
    media_type: str = attrs.field(validator=_check(MEDIA_RE, "a media type", "text/csv"))
    """The IANA media type of the output, e.g. ``"text/csv"``."""
    suffix: str = attrs.field(validator=_check(SUFFIX_RE, "a file suffix starting with '.'", ".csv"))
    """The usual file-name suffix, with its dot."""
    write: Callable[[Iterable[Exportable], BinaryIO], None] = attrs.field(validator=_check_write)
    """``write(items, stream)``: writes the export of ``items`` to the binary ``stream``."""
    description: str = attrs.field(default="", validator=_check_description)
    """One line for ``vngovdirectives formats``."""


@attrs.frozen(kw_only=True, slots=True)
class PluginInfo:
    """A registered plugin, as ``vngovdirectives plugins`` shows it."""

    name: str
    """The entry-point name (``"vngovdirectives"`` for the built-in formats)."""
    version: str | None
    """The version of the distribution that provides it, when known."""
    formats: tuple[str, ...]
    """The format names its hook returned."""
    builtin: bool
    """True for the formats that ship with vngovdirectives."""
    package: str | None = None
    """The distribution that provides it, when known."""
