"""The exporter contract: an :class:`Exporter` is one format, :class:`PluginInfo` one registered
plugin, and a :class:`Record` one input of a batch with where it came from.

Invalid values raise :class:`~vngovdirectives.errors.PluginError` at construction, so a broken
plugin is caught where it registers, not when a user exports.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, BinaryIO, Final, TypeAlias

import attrs

from vngovdirectives.errors import InputTypeError, PluginError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

    from vngovdirectives.directives.model import Bulletin, Directive, Document

__all__ = ["MEDIA_RE", "NAME_RE", "SUFFIX_RE", "Exportable", "Exporter", "PluginInfo", "Record", "records_of"]

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
    write: Callable[[Iterable[Any], BinaryIO], None] = attrs.field(validator=_check_write)
    """``write(items, stream)``: writes the export of ``items`` (bulletins, documents and directives,
    or :class:`Record` objects when :attr:`records` is True) to the binary ``stream``."""
    description: str = attrs.field(default="", validator=_check_description)
    """One line for ``vngovdirectives formats``."""
    records: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))
    """True when ``write`` takes :class:`Record` objects (each item with its source and id, and the
    inputs that failed); False when it takes the bare items, which is how plugins written before
    records existed keep working."""


@attrs.frozen(kw_only=True, slots=True)
class Record:
    """One input of a batch and what came of it: the item read from it, or why it failed.

    >>> Record(source="a.html", id=2, error="cannot decode")
    Record(item=None, source='a.html', id=2, error='cannot decode')
    """

    item: Exportable | None = None
    """The bulletin, document or directive read; None when the input failed."""
    source: str | None = None
    """Where it came from: a file path as given, or any name the caller chooses; None when unnamed."""
    id: int | None = None
    """Its 1-based position in the batch. A failed input keeps its number, so the ids of the others
    do not depend on which inputs failed. None until :func:`records_of` numbers it."""
    error: str | None = None
    """Why the input could not be read (None when ``item`` is there)."""

    def __attrs_post_init__(self) -> None:
        if (self.item is None) == (self.error is None):
            raise PluginError("a Record holds either an item or an error")


def _kind_ok(item: object) -> None:
    from vngovdirectives.directives.model import Bulletin, Directive, Document

    if not isinstance(item, Bulletin | Document | Directive):
        raise InputTypeError(
            f"cannot export a {type(item).__name__}: expected a Bulletin, Document, Directive or Record"
        )


def records_of(items: Iterable[Exportable | Record]) -> Iterator[Record]:
    """``items`` as records: bare items wrapped, and every record numbered by its position from 1
    unless it has an id already.

    Raises:
        InputTypeError: an item is neither a model that exports nor a :class:`Record`.
    """
    for n, value in enumerate(items, 1):
        if isinstance(value, Record):
            if value.item is not None:
                _kind_ok(value.item)
            yield value if value.id is not None else attrs.evolve(value, id=n)
        else:
            _kind_ok(value)
            yield Record(item=value, id=n)


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
