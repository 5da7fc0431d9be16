"""Figures for the foundation: the reload guard's cost per cell, and the load time.

Run: ``python benchmarks/bench_foundation.py``. Prints figures; asserts nothing.

1. Per cell, the guard's callbacks (pre_run_cell + post_execute) against IPython
   autoreload's own (pre_run_cell + post_execute_hook), side by side in one shell
   with ``%autoreload 2`` and the extension's modules all imported.
2. ``%load_ext tripdesigner_kernel`` in a fresh process against a fresh shell plus
   ``import ipywidgets`` (median of several fresh processes each).
"""

from __future__ import annotations

import contextlib
import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
import timeit

os.environ.setdefault("TRIPDESIGNER_TODAY", "2026-11-24")
# Sessions go to a throwaway home: a benchmark never writes to the person's own.
os.environ.setdefault("TRIPDESIGNER_HOME", tempfile.mkdtemp(prefix="tripdesigner-bench-"))

SHELL = (
    "from IPython.core.interactiveshell import InteractiveShell; sh = InteractiveShell.instance()"
)
LOAD_OURS = SHELL + "; sh.run_line_magic('load_ext', 'tripdesigner_kernel')"
LOAD_BASELINE = SHELL + "; import ipywidgets"
TIMED = "import time; t = time.perf_counter(); {code}; print(time.perf_counter() - t)"


def per_cell_costs(rounds: int = 20000) -> tuple[float, float, int]:
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    shell.run_line_magic("load_ext", "autoreload")
    shell.run_line_magic("autoreload", "2")
    shell.run_line_magic("load_ext", "tripdesigner_kernel")
    with contextlib.redirect_stdout(io.StringIO()):
        shell.run_cell("%tripchat Plan 3 days in Lisbon in May")  # imports every service module
    shell.run_cell("pass")
    autoreload = shell.magics_manager.registry["AutoreloadMagics"]
    import tripdesigner_kernel

    guard = tripdesigner_kernel.kernel_state().guard

    def autoreload_cell() -> None:
        autoreload.pre_run_cell(None)
        autoreload.post_execute_hook()

    def guard_cell() -> None:
        guard.pre_run_cell(None)
        guard.post_execute()

    best_autoreload = min(timeit.repeat(autoreload_cell, number=rounds // 100, repeat=7)) / (
        rounds // 100
    )
    best_guard = min(timeit.repeat(guard_cell, number=rounds, repeat=7)) / rounds
    return best_guard, best_autoreload, len(guard._mtimes)


def fresh_process_seconds(code: str, runs: int = 9) -> float:
    times = []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-c", TIMED.format(code=code)],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        times.append(float(done.stdout.strip().splitlines()[-1]))
    return statistics.median(times)


def main() -> None:
    started = time.perf_counter()
    guard, autoreload, watched = per_cell_costs()
    print(f"guard per cell:            {guard * 1e6:8.1f} us  ({watched} modules watched)")
    print(f"autoreload check per cell: {autoreload * 1e6:8.1f} us")
    print(f"guard / autoreload:        {guard / autoreload:8.1%}   (target <= 5%)")
    ours = fresh_process_seconds(LOAD_OURS)
    baseline = fresh_process_seconds(LOAD_BASELINE)
    print(f"shell + %load_ext tripdesigner_kernel: {ours * 1e3:7.1f} ms (median, fresh processes)")
    print(f"shell + import ipywidgets:             {baseline * 1e3:7.1f} ms")
    print(f"ratio:                                 {ours / baseline:7.2f}x  (target <= 1.15x)")
    print(f"(benchmark took {time.perf_counter() - started:.1f} s)")


if __name__ == "__main__":
    main()
