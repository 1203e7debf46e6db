"""Processing a corpus: peak memory over thousands of files, throughput by workers, PDF pages a second.

Run: python benchmarks/bench_corpus.py memory [--sizes 1000 10000]
     python benchmarks/bench_corpus.py throughput [--workers 1 2 4]
     python benchmarks/bench_corpus.py pdf

Reads ``../shared/corpus/real/documents-dev.jsonl.gz`` (432 real documents and pages) and
``../shared/corpus/real/pdf/`` (``--shared`` to point elsewhere).

- ``memory``: ``extract --jobs auto --format jsonl -o FILE FOLDER`` over folders of 1,000 and
  10,000 files (the dev documents written again and again under new names); prints the peak
  resident memory of the main process and of the largest worker (``VmHWM``, polled), which stay
  flat when memory does not grow with the number of files.
- ``throughput``: the dev documents through ``extract --jobs N`` and through
  ``vngovdirectives.dask`` on a local cluster of N worker processes; megabytes and files a second,
  the best of three runs (other work shares the machine).
- ``pdf``: the six gazette PDFs read by :func:`vngovdirectives.text.pdf.pdf_to_text`; pages a second.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _documents(shared: Path) -> list[tuple[str, str]]:
    with gzip.open(shared / "corpus" / "real" / "documents-dev.jsonl.gz", "rt", encoding="utf-8") as fh:
        return [(doc["id"], doc["text"]) for doc in map(json.loads, fh)]


def _write(folder: Path, docs: list[tuple[str, str]], count: int) -> int:
    size = 0
    for n in range(count):
        ident, text = docs[n % len(docs)]
        sub = folder / f"{n // 1000:03d}"
        sub.mkdir(exist_ok=True)
        data = text.encode("utf-8")
        (sub / f"{n:06d}-{ident}.txt").write_bytes(data)
        size += len(data)
    return size


def _hwm(pid: int) -> int:
    """The peak resident memory of a process, in kB (0 once it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        return 0
    return 0


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _watch(args: list[str]) -> tuple[float, int, int, int]:
    """Run ``python -m vngovdirectives ARGS``; wall time, exit status, peak kB of main and of the largest worker."""
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "vngovdirectives", *args])
    main_peak = worker_peak = 0
    while proc.poll() is None:
        main_peak = max(main_peak, _hwm(proc.pid))
        for child in _children(proc.pid):
            worker_peak = max(worker_peak, _hwm(child))
        time.sleep(0.05)
    return time.perf_counter() - started, proc.returncode, main_peak, worker_peak


def memory(shared: Path, sizes: list[int]) -> None:
    docs = _documents(shared)
    print("| files | MB | wall s | files/s | peak RSS main | peak RSS largest worker |")
    print("|---|---|---|---|---|---|")
    for count in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "corpus"
            folder.mkdir()
            size = _write(folder, docs, count)
            out = Path(tmp) / "out.jsonl"
            wall, status, main_kb, worker_kb = _watch(
                ["extract", "-q", "--jobs", "auto", "--format", "jsonl", "-o", str(out), str(folder)]
            )
            lines = out.read_bytes().count(b"\n") if out.exists() else 0
            assert status == 0, status
            assert lines == count, lines
            rss = f"{main_kb / 1024:.0f} MB | {worker_kb / 1024:.0f} MB"
            print(f"| {count:,} | {size / 1e6:.0f} | {wall:.0f} | {count / wall:.1f} | {rss} |")


def _dask_run(paths: list[str], workers: int) -> float:
    from distributed import Client, LocalCluster

    import vngovdirectives.dask as vd

    with (
        LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        Client(cluster),
    ):
        vd.extract_bag(paths[:8]).compute()  # the workers import the library before the clock starts
        started = time.perf_counter()
        records = vd.extract_bag(paths).compute()
        wall = time.perf_counter() - started
    assert len(records) == len(paths)
    return wall


def throughput(shared: Path, workers: list[int], repeat: int = 3) -> None:
    docs = _documents(shared)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        size = _write(folder, docs, len(docs))
        paths = sorted(str(p) for p in folder.rglob("*.txt"))
        print(f"{len(paths)} documents, {size / 1e6:.1f} MB, {os.cpu_count()} CPUs")
        print("| workers | CLI `extract --jobs N` | Dask local cluster (processes) |")
        print("|---|---|---|")
        for n in workers:
            out = Path(tmp) / "out.jsonl"
            command = ["extract", "-q", "--jobs", str(n), "--format", "jsonl", "-o", str(out), str(folder)]
            wall = min(_watch(command)[0] for _ in range(repeat))  # the best: the machine is shared
            dask_wall = min(_dask_run(paths, n) for _ in range(repeat))
            print(
                f"| {n} | {size / 1e6 / wall:.2f} MB/s ({len(paths) / wall:.0f} files/s, {wall:.1f} s incl. start-up) "
                f"| {size / 1e6 / dask_wall:.2f} MB/s ({len(paths) / dask_wall:.0f} files/s, {dask_wall:.1f} s) |"
            )


def pdf(shared: Path) -> None:
    from vngovdirectives.text.pdf import pdf_to_text

    files = sorted((shared / "corpus" / "real" / "pdf").glob("*.pdf"))
    datas = [f.read_bytes() for f in files]
    pdf_to_text(datas[0])  # import pdfminer before the clock starts
    best = float("inf")
    pages = 0
    for _ in range(3):
        started = time.perf_counter()
        pages = sum(len(pdf_to_text(d).pages) for d in datas)
        best = min(best, time.perf_counter() - started)
    print(f"{len(files)} PDFs, {pages} pages in {best:.2f} s: {pages / best:.1f} pages/s (best of 3, one process)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=("memory", "throughput", "pdf"))
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, os.cpu_count() or 2])
    args = parser.parse_args()
    if args.what == "memory":
        memory(args.shared, args.sizes)
    elif args.what == "throughput":
        throughput(args.shared, sorted(set(args.workers)))
    else:
        pdf(args.shared)


if __name__ == "__main__":
    main()
