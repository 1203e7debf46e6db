"""Reading an input file: its bytes decoded (:mod:`vngovdirectives.text.decode`), and how to read
the text (as HTML or not).

Both commands of the command line, ``find`` and ``extract``, read their inputs here, so they see
the same text: a file named ``.html``/``.htm``/``.xhtml`` is read as HTML, any other file is read as
HTML when it looks like a page (:func:`~vngovdirectives.text.html.looks_like_html`), and the caller
may force HTML. The text is then read once by :class:`~vngovdirectives.text.source.SourceText`.

>>> got = read_bytes("<p>Số: 07/KH-UBND</p>".encode("utf-16"), "page.htm")
>>> got.text, got.html, got.encoding
('<p>Số: 07/KH-UBND</p>', True, 'utf-16-le')
"""

from __future__ import annotations

import os
from typing import Final

import attrs

from vngovdirectives.errors import SourceError, expect_type
from vngovdirectives.text.decode import decode_bytes

__all__ = ["HTML_SUFFIXES", "InputText", "read_bytes", "read_file"]

HTML_SUFFIXES: Final = (".html", ".htm", ".xhtml")
"""File-name suffixes read as HTML whatever their content."""


@attrs.frozen(slots=True)
class InputText:
    """An input as read: its name, its text, whether to read it as HTML, and what was noticed.

    Attributes:
        name: the path as the caller gave it ("-" for standard input).
        text: the decoded text (the page's markup for HTML).
        html: True to read as HTML, None to decide by the content (the text's own look).
        encoding: the encoding the bytes were decoded from.
        warnings: what a user should know (an empty input, a page without text).
    """

    name: str
    text: str
    html: bool | None
    encoding: str
    warnings: tuple[str, ...] = ()


def _html(name: str, forced: bool | None) -> bool | None:
    if forced is not None:
        return forced
    return True if name.lower().endswith(HTML_SUFFIXES) else None


def read_bytes(data: bytes, name: str, *, html: bool | None = None) -> InputText:
    """An input from its bytes (standard input, an archive member …), named ``name``.

    Raises:
        SourceError: the bytes are no text this library reads.
    """
    decoded = decode_bytes(data, name)
    warnings: list[str] = []
    if not decoded.text.strip():
        warnings.append("empty input" if not data else "no text, only white space")
    return InputText(name, decoded.text, _html(name, html), decoded.encoding, tuple(warnings))


def read_file(path: str | os.PathLike[str], *, html: bool | None = None) -> InputText:
    """Read the file at ``path``.

    ``html`` True reads it as HTML, False as plain text, None by its name or content.

    Raises:
        InputTypeError: ``path`` is not a str or path.
        SourceError: the file cannot be read (the message has the system's reason) or decoded.
    """
    expect_type(path, (str, os.PathLike), "read_file", "path")
    name = os.fspath(path)
    try:
        with open(name, "rb") as fh:
            data = fh.read()
    except IsADirectoryError:
        raise SourceError(f"{name}: is a directory") from None
    except OSError as exc:
        raise SourceError(f"{name}: {exc.strerror or exc}") from None
    return read_bytes(data, name, html=html)
