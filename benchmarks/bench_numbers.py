"""Throughput of parse_number on a realistic mix of document numbers.

Run: python benchmarks/bench_numbers.py [--seconds 3]

The mix follows what running text holds: mostly clean administrative and legal numbers, a Party
share, and about one in five messy (spaced separators, lost dashes, "Số:" prefixes, look-alike
dashes, ASCII D for Đ, lower case). Serials are drawn at random so no cache can answer for the
parser. Prints numbers per second (the target is 200,000 on a 2-core machine).
"""

from __future__ import annotations

import argparse
import random
import time

from vngovdirectives import parse_number

CLEAN = [
    "{n}/QĐ-UBND",
    "{n}/KH-UBND",
    "{n}/UBND-VX",
    "{n}/UBND-KT",
    "{n}/TB-UBND",
    "{n}/CV-BCĐ",
    "{n}/{y}/NĐ-CP",
    "{n}/{y}/QĐ-TTg",
    "{n}/{y}/TT-BTC",
    "{n}/{y}/NQ-HĐND",
    "{n}/{y}/QĐ-UBND",
    "{n}/VPCP-KGVX",
    "{n}/TTr-SLĐTBXH",
    "{n}/BC-UBND",
    "{n}/CT-TTg",
    "{n}/{y}/QH14",
    "{n}-CT/TW",
    "{n}-NQ/TU",
    "{n}-KL/TW",
    "{n}-HD/VPTW",
    "{n}/{y}/TTLT-BNV-BTC",
    "{n}/SNV-CCHC&PC",
]
MESSY = [
    "Số: {n}/QĐ-UBND",
    "{n}/ {y}/ NĐ - CP",
    "{n}/QĐUBND",
    "{n}/{y}/NĐCP",
    "{n} – CT/TW",
    "{n}/{y}/QD-TTg",
    "số {n}/kh-ubnd",
    "{n}/BCĐ- YT",
    "{n}/TTr -\nSTC",
    "{n}-ct/tw",
]


def make_mix(size: int, seed: int = 2019) -> list[str]:
    rng = random.Random(seed)
    mix = []
    for _ in range(size):
        pattern = rng.choice(MESSY) if rng.random() < 0.2 else rng.choice(CLEAN)
        mix.append(pattern.format(n=rng.randint(1, 9999), y=rng.randint(1995, 2026)))
    return mix


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0)
    args = parser.parse_args()
    mix = make_mix(50_000)
    for text in mix[:1000]:
        parse_number(text)  # warm the code-table caches, as a long-running process would be
    done = 0
    start = time.perf_counter()
    while time.perf_counter() - start < args.seconds:
        for text in mix:
            parse_number(text)
        done += len(mix)
    elapsed = time.perf_counter() - start
    print(f"parse_number: {done / elapsed:,.0f} numbers/s ({done:,} parses in {elapsed:.2f} s)")


if __name__ == "__main__":
    main()
