"""``--resume``: what an output already holds, and where to go on writing it.

A ``jsonl`` output holds one complete object per line; a ``json`` output one item per line between
its first line (the document's head) and its last (``]}``). A run that was killed leaves a last
line cut short, and maybe only some of the lines of its last input (``find`` writes a line per
match): the lines of the last input are dropped, the file is truncated after the input before
it, and the run goes on from there, skipping every input whose ``(id, source)`` the output holds.
Inputs are numbered and folders walked in the same order on every run, so the result is byte for
byte what one uninterrupted run writes.
"""

from __future__ import annotations

import json
import os
from typing import Final

import attrs

from vngovdirectives.errors import OutputError
from vngovdirectives.plugins.exporters.jsonfmt import JSON_HEAD

__all__ = ["RESUMABLE", "Held", "prepare"]

RESUMABLE: Final = ("jsonl", "json")
"""The formats ``--resume`` continues."""


@attrs.frozen(slots=True)
class Held:
    """What an output holds: the ``(id, source)`` of its inputs, its number of item lines, and
    whether a ``json`` head is written."""

    done: frozenset[tuple[int, str]] = frozenset()
    lines: int = 0
    head: bool = False

    @property
    def items(self) -> int:
        """The number of inputs held."""
        return len(self.done)


def _key(line: bytes) -> tuple[int, str] | None:
    try:
        value = json.loads(line.rstrip(b",\r\n"))
    except ValueError:
        return None
    if not isinstance(value, dict) or type(value.get("id")) is not int or not isinstance(value.get("source"), str):
        return None
    return value["id"], value["source"]


def _scan(path: str, document: bool) -> tuple[Held, int]:
    """What ``path`` holds and the length to keep (up to the end of the input before its last)."""
    keys: list[tuple[int, str]] = []  # the key of each complete item line
    ends: list[int] = []  # where each complete item line ends (without "," and line break in json)
    start = 0  # where the first item line would start
    head = False
    with open(path, "rb") as fh:
        offset = 0
        for n, line in enumerate(fh):
            if document and n == 0:
                if line.rstrip(b"\r\n") != JSON_HEAD:
                    raise OutputError(0, "not a json output of this version, so --resume cannot go on with it", path)
                head, start = True, len(JSON_HEAD)
            else:
                # A jsonl line is complete with its line break; a json item line also without its
                # "," and line break, which are written with the next item.
                complete = document or line.endswith(b"\n")
                key = _key(line) if complete else None
                if key is None:
                    break
                keys.append(key)
                ends.append(offset + (len(line.rstrip(b",\r\n")) if document else len(line)))
            offset += len(line)
    if keys:  # the last input may be cut short: drop all its lines, it is done again
        last = keys[-1]
        while keys and keys[-1] == last:
            keys.pop()
            ends.pop()
    return Held(frozenset(keys), len(keys), head), ends[-1] if ends else start


def prepare(path: str, fmt: str) -> Held:
    """Read the output ``path`` of format ``fmt`` for ``--resume`` and cut it after its last
    complete item. A missing or empty file holds nothing.

    Raises:
        OutputError: the file is no output of ``fmt`` this version writes, or cannot be read.
    """
    try:
        if not os.path.exists(path) or os.path.getsize(path) == 0:
            return Held()
        held, keep = _scan(path, document=fmt == "json")
        if keep < os.path.getsize(path):
            with open(path, "r+b") as fh:
                fh.truncate(keep)
    except OutputError:
        raise
    except OSError as exc:
        raise OutputError(exc.errno or 0, exc.strerror or str(exc), path) from None
    return held
