"""What installing vngovdirectives costs every ``import hypothesis`` in the environment.

Run: python benchmarks/bench_import.py [--runs 15]

Hypothesis runs the ``hypothesis`` entry points of every installed package while it is imported;
ours registers the library's strategies (``vngovdirectives._hypothesis_hook``). The budget is
20 ms. Printed, each the median of fresh interpreters:

- the hook alone: load the entry point and call it, in an interpreter where hypothesis is already
  imported without plugins (``HYPOTHESIS_NO_PLUGINS=1``): exactly what the package adds;
- ``import hypothesis`` with the entry points, and with ``HYPOTHESIS_NO_PLUGINS=1`` (which also
  skips reading the other packages' entry points, so the difference is an upper bound).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys

_HOOK = """
import time, hypothesis
from importlib.metadata import entry_points
t0 = time.perf_counter()
(ep,) = [e for e in entry_points(group="hypothesis") if e.name == "vngovdirectives"]
ep.load()()
print((time.perf_counter() - t0) * 1000)
"""
_IMPORT = "import time; t0 = time.perf_counter(); import hypothesis; print((time.perf_counter() - t0) * 1000)"


def _median(code: str, runs: int, **env: str) -> float:
    environ = {**os.environ, **env}
    times = [float(subprocess.check_output([sys.executable, "-c", code], text=True, env=environ)) for _ in range(runs)]
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    hook = _median(_HOOK, runs, HYPOTHESIS_NO_PLUGINS="1")
    with_plugins = _median(_IMPORT, runs)
    without = _median(_IMPORT, runs, HYPOTHESIS_NO_PLUGINS="1")
    print(f"the vngovdirectives hook alone:          {hook:7.2f} ms (budget 20 ms)")
    print(f"import hypothesis, with entry points:    {with_plugins:7.1f} ms")
    print(f"import hypothesis, HYPOTHESIS_NO_PLUGINS: {without:7.1f} ms (difference {with_plugins - without:.1f} ms)")


if __name__ == "__main__":
    main()
