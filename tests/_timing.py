"""Timing helper for the linear-time tests of the parsers and finders."""

from __future__ import annotations

import time
from collections.abc import Callable


def best_time(run: Callable[[int], object], n: int, repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        run(n)
        best = min(best, time.perf_counter() - t0)
    return best


def scales_linearly(run: Callable[[int], object], n: int, *, factor: float = 2.5, attempts: int = 3) -> bool:
    """True when ``run(2 * n)`` takes at most ``factor`` times ``run(n)`` (plus 20 ms of slack)
    in one of ``attempts`` tries; other processes on a small machine make single timings noisy.
    ``n`` grows until ``run(n)`` takes at least 20 ms, so the ratio is not all overhead."""
    while best_time(run, n, 1) < 0.02 and n < 1 << 20:
        n *= 2
    return any(best_time(run, 2 * n) <= factor * best_time(run, n) + 0.02 for _ in range(attempts))
