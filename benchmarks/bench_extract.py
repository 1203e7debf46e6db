"""Time ``vngovdirectives extract`` on many generated files, with one and several workers.

Run: python benchmarks/bench_extract.py [--files 1000] [--jobs 1 2]

Writes N bulletins and documents (plain text and HTML, about 3-6 KB each, built from the
examples with fresh numbers and dates so no two files are equal) to a temporary directory, runs
the command in a subprocess for each --jobs value with JSON output to /dev/null, and prints the
wall time, files per second and the peak resident memory of the command and its workers. Running
twice the files shows whether memory stays flat (it should: at most 2 x jobs files are in flight).
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
_SOURCES = ("bulletin-weekly.txt", "bulletin-weekly.html", "document-decision.txt", "document-decision.html")


def _variant(text: str, rng: random.Random) -> str:
    """The example with its numbers, days and years changed."""
    year = str(rng.randint(2015, 2024))
    out = text.replace("2019", year)
    for old in ("412", "57", "1205", "845", "160", "96"):
        out = out.replace(f"{old}/", f"{rng.randint(1, 9999)}/")
    return out


def write_files(directory: Path, count: int, seed: int = 5) -> list[Path]:
    rng = random.Random(seed)
    texts = [(name, (EXAMPLES / name).read_text(encoding="utf-8")) for name in _SOURCES]
    paths: list[Path] = []
    for i in range(count):
        name, text = texts[i % len(texts)]
        path = directory / f"{i:05d}-{name}"
        path.write_text(_variant(text, rng), encoding="utf-8")
        paths.append(path)
    return paths


def run(paths: list[Path], jobs: int) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of one ``extract`` run over ``paths``."""
    cmd = [sys.executable, "-m", "vngovdirectives", "extract", "--quiet", "--format", "json", "--jobs", str(jobs)]
    t0 = time.perf_counter()
    proc = subprocess.run([*cmd, *map(str, paths)], stdout=subprocess.DEVNULL, check=False)
    elapsed = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"extract failed with status {proc.returncode}")
    # ru_maxrss of the children is the largest single process (the parent or one worker).
    return elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths = write_files(Path(tmp), 2 * args.files)
        size = sum(p.stat().st_size for p in paths[: args.files])
        print(f"{args.files} files, {size / 1e6:.1f} MB; doubled run: {2 * args.files} files")
        for jobs in args.jobs:
            for n in (args.files, 2 * args.files):
                elapsed, rss = run(paths[:n], jobs)
                rate, mib = n / elapsed, rss / 1024
                print(f"jobs={jobs} files={n}: {elapsed:.2f} s, {rate:.0f} files/s, peak RSS so far {mib:.0f} MiB")


if __name__ == "__main__":
    main()
