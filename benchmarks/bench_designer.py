"""Figures for the offline designer: turn times and the memory its knowledge adds.

Run: ``python benchmarks/bench_designer.py``. Prints figures; asserts nothing.
Each figure is the median of several fresh sessions, after one warm-up turn that
loads the knowledge (that first load is printed on its own).
"""

from __future__ import annotations

import gc
import os
import statistics
import subprocess
import sys
import tempfile
import time

os.environ.setdefault("TRIPDESIGNER_TODAY", "2026-11-24")
# Sessions go to a throwaway home: a benchmark never writes to the person's own.
os.environ.setdefault("TRIPDESIGNER_HOME", tempfile.mkdtemp(prefix="tripdesigner-bench-"))

SINGLE = "A week in Lisbon from May 10, 2027, for 2, museums and viewpoints"
FOLLOW_UP = "swap day 1 and day 2"
MULTI = "Two weeks in Italy in September: Rome, Florence, Venice, history and food"
RUNS = 15

MEMORY_PROBE = """
import resource, sys
from datetime import date
def rss_mb():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 2**20
import tripdesigner_kernel.designers.offline.designer as d  # code only
from tripdesigner_kernel.kernel import KernelState
before = rss_mb()
state = KernelState(); state.settings.today = "2026-11-24"
for text in sys.argv[1:]:
    state.new_session(); state.chat(text)
print(rss_mb() - before)
"""


def timed_turns(first: str, then: str | None = None) -> tuple[float, float | None]:
    from tripdesigner_kernel.kernel import KernelState

    state = KernelState()
    firsts, follow_ups = [], []
    for _ in range(RUNS):
        state.new_session()
        gc.collect()
        started = time.perf_counter()
        state.chat(first)
        firsts.append(time.perf_counter() - started)
        if then:
            started = time.perf_counter()
            state.chat(then)
            follow_ups.append(time.perf_counter() - started)
    return statistics.median(firsts), statistics.median(follow_ups) if follow_ups else None


def main() -> None:
    from tripdesigner_kernel.kernel import KernelState

    state = KernelState()
    started = time.perf_counter()
    state.chat("3 days in Rome")
    first = (time.perf_counter() - started) * 1e3
    print(f"first turn of a process (loads cities, places, rates): {first:6.1f} ms")
    single, follow_up = timed_turns(SINGLE, FOLLOW_UP)
    multi, _ = timed_turns(MULTI)
    print(f"7-day single-city plan turn, median:  {single * 1e3:6.1f} ms   (target <= 50 ms)")
    print(f"follow-up edit ({FOLLOW_UP!r}), median: {follow_up * 1e3:6.1f} ms   (target <= 20 ms)")  # type: ignore[operator]
    print(f"14-day 3-city plan turn, median:      {multi * 1e3:6.1f} ms   (target <= 150 ms)")
    done = subprocess.run(
        [sys.executable, "-c", MEMORY_PROBE, SINGLE, MULTI, "5 days in Tallinn in June"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    print(
        f"resident memory added by the knowledge: {float(done.stdout):6.1f} MB   (target <= 60 MB)"
    )


if __name__ == "__main__":
    main()
