"""Running one function over many inputs, in input order, on several processes, in flat memory.

Inputs are numbered from 1 in the order given (:class:`Task`); results come back in that order,
each as soon as it and those before it are done. With ``jobs > 1`` a process pool takes chunks of
:data:`CHUNK` tasks and works ahead by at most ``2 * jobs`` chunks, so memory does not grow with
the number of inputs. Standard input is read here, in the main process, and handed over as bytes.
"""

from __future__ import annotations

import os
import sys
from collections import deque
from typing import TYPE_CHECKING, Final, TypeVar

import attrs

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator
    from concurrent.futures import Future

__all__ = ["CHUNK", "Task", "cpu_count", "run_ordered"]

R = TypeVar("R")

CHUNK: Final = 8
"""Tasks a worker process takes at a time (fewer round trips between processes)."""


@attrs.frozen(slots=True)
class Task:
    """One input: its 1-based position, its path, and its bytes when it is standard input."""

    id: int
    path: str
    data: bytes | None = None


def cpu_count() -> int:
    """The CPUs this process may run on (``--jobs auto``)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _many(work: Callable[[Task], R], tasks: list[Task]) -> list[R]:
    return [work(task) for task in tasks]


def _with_stdin(tasks: Iterable[Task]) -> Iterator[Task]:
    """Standard input read here (a worker process cannot read it)."""
    for task in tasks:
        if task.path == "-" and task.data is None:
            yield attrs.evolve(task, data=sys.stdin.buffer.read())
        else:
            yield task


def run_ordered(work: Callable[[Task], R], tasks: Iterable[Task], jobs: int) -> Iterator[R]:
    """``work(task)`` for every task, in order; ``work`` must be picklable when ``jobs > 1``."""
    tasks = _with_stdin(tasks)
    if jobs <= 1:
        for task in tasks:
            yield work(task)
        return
    from concurrent.futures import ProcessPoolExecutor

    window = 2 * jobs
    pending: deque[Future[list[R]]] = deque()
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        chunk: list[Task] = []
        for task in tasks:
            chunk.append(task)
            if len(chunk) >= CHUNK:
                pending.append(pool.submit(_many, work, chunk))
                chunk = []
                while len(pending) > window:
                    yield from pending.popleft().result()
        if chunk:
            pending.append(pool.submit(_many, work, chunk))
        while pending:
            yield from pending.popleft().result()
