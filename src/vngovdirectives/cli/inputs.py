"""Reading the command line's inputs: files or standard input, decoded from their bytes."""

from __future__ import annotations

import sys

from vngovdirectives.errors import SourceError

__all__ = ["decode_source", "read_input"]


def decode_source(data: bytes, name: str = "<input>") -> str:
    """Decode a text file: UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1258.

    Raises:
        SourceError: none of these encodings reads the bytes.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        encodings: tuple[str, ...] = ("utf-8-sig",)
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ("utf-16",)
    else:
        encodings = ("utf-8", "cp1258")
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as exc:
            last = exc
    raise SourceError(
        f"{name}: cannot decode as UTF-8, UTF-16 (with BOM) or Windows-1258: "
        f"byte {data[last.start : last.start + 1]!r} at offset {last.start}"
    )


def read_input(path: str) -> str:
    """The text of the file ``path`` ("-": standard input), decoded."""
    if path == "-":
        return decode_source(sys.stdin.buffer.read(), "<stdin>")
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise SourceError(f"{path}: {exc.strerror or exc}") from exc
    return decode_source(data, path)
