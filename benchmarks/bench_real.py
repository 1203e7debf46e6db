"""Throughput of ``find_all`` and ``extract`` on the real documents, in one run.

Run: python benchmarks/bench_real.py [--rounds 5] [CORPUS.jsonl.gz]

Reads ``../shared/corpus/real/documents-dev.jsonl.gz`` (432 whole documents and pages, about
10 MB) and times, interleaved so that a slow spell of a shared machine hits both alike, one pass
of ``find_all`` and one of ``extract`` over every text; prints the best round of each in MB/s
and their ratio (how much reading the structure costs next to finding the pieces). It uses only
the top-level API, so it also measures an older checkout installed in another environment.
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "real" / "documents-dev.jsonl.gz"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=CORPUS)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    from vngovdirectives import extract, find_all

    with gzip.open(args.corpus, "rt", encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh]
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    for t in texts[:20]:  # warm caches and lazy imports
        extract(t)
    best = {"find_all": float("inf"), "extract": float("inf")}
    for _ in range(args.rounds):
        for name, fn in (("find_all", find_all), ("extract", extract)):
            start = time.perf_counter()
            for t in texts:
                fn(t)
            best[name] = min(best[name], time.perf_counter() - start)
    print(f"{len(texts)} texts, {size:.1f} MB, best of {args.rounds} rounds")
    for name, seconds in best.items():
        print(f"{name:9s} {size / seconds:6.2f} MB/s  ({seconds:.2f} s)")
    print(f"extract / find_all throughput: {best['find_all'] / best['extract']:.2f}")


if __name__ == "__main__":
    main()
