"""Fuzz every public entry point of vngovdirectives for a million calls and more.

Run: python scripts/fuzz.py [--calls 1000000] [--jobs 2] [--seed 13]

Texts come from a seeded generator (``tests/fuzzing.py``: pieces of real and hostile text,
random characters, long repetitions); each text goes to every target of the harness, and every
call counts (an extract, each of its exports and loads, a finder, a parser). A call that breaks
its contract, or runs longer than ``--slow`` seconds, is printed with its text; the run goes on.
Prints the number of calls, per target, and the failures. Exit status 1 when anything escaped.
"""

from __future__ import annotations

import argparse
import collections
import random
import sys
import time
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

import fuzzing

#: Calls made per text: one per target, plus, for a reader, one per export format and two loads.
_READER_CALLS = 3


def _calls_for(target: fuzzing.Target, formats: int) -> int:
    return 1 + (formats + _READER_CALLS - 1 if target.check is fuzzing.exports_ok else 0)


def _chunk(args: tuple[int, int, float]) -> tuple[collections.Counter[str], list[str], float]:
    seed, texts, slow = args
    from vngovdirectives.plugins import available_formats

    formats = len(available_formats())
    rng = random.Random(seed)
    calls: collections.Counter[str] = collections.Counter()
    failures: list[str] = []
    slowest = 0.0
    targets = fuzzing.targets()
    for _ in range(texts):
        text = fuzzing.random_text(rng)
        for target in targets:
            started = time.perf_counter()
            try:
                fuzzing.run_one(target, text)
            except AssertionError as exc:
                failures.append(f"{target.name}: {str(exc)[:500]}")
            elapsed = time.perf_counter() - started
            slowest = max(slowest, elapsed)
            if elapsed > slow:
                failures.append(f"{target.name}: {elapsed:.1f} s on a text of {len(text)} characters: {text[:200]!r}")
            calls[target.name] += _calls_for(target, formats)
    return calls, failures, slowest


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=1_000_000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--chunk", type=int, default=200, help="texts per task")
    parser.add_argument("--slow", type=float, default=5.0, help="seconds after which a call counts as a hang")
    args = parser.parse_args()
    total: collections.Counter[str] = collections.Counter()
    failures: list[str] = []
    slowest = 0.0
    started = time.perf_counter()
    seeds = iter(range(args.seed * 1_000_000, args.seed * 1_000_000 + 10**6))
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        pending: set[Future[tuple[collections.Counter[str], list[str], float]]] = set()
        while sum(total.values()) < args.calls or pending:
            while len(pending) < 2 * args.jobs and sum(total.values()) < args.calls:
                pending.add(pool.submit(_chunk, (next(seeds), args.chunk, args.slow)))
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                calls, found, slow = future.result()
                total.update(calls)
                failures.extend(found)
                slowest = max(slowest, slow)
            elapsed = time.perf_counter() - started
            print(
                f"\r{sum(total.values()):,} calls, {len(failures)} failures, {elapsed:.0f} s", end="", file=sys.stderr
            )
    print(file=sys.stderr)
    n = sum(total.values())
    print(
        f"{n:,} calls over {len(total)} targets in {time.perf_counter() - started:.0f} s; slowest call {slowest:.2f} s"
    )
    for name, count in sorted(total.items()):
        print(f"  {name:32s} {count:>10,}")
    print(f"{len(failures)} call(s) escaped the contract")
    for failure in failures[:50]:
        print("  " + failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
