"""Figures for the SQLite session store, side by side with bare sqlite3, in one run.

Run: ``python benchmarks/bench_storage.py [RACE_SECONDS]``. Prints figures; asserts nothing.
Files go to a temporary directory on the same disk as the system's temp files. The last
figures are two kernels (processes) racing turns on one session, compaction on (30 s).
"""

from __future__ import annotations

import itertools
import json
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from tripdesigner_kernel.sessions.manager import SessionManager
from tripdesigner_kernel.sessions.records import new_message, new_record
from tripdesigner_kernel.sessions.sqlite_storage import SQLiteSessionStorage

APPENDS = 300
MESSAGE = new_message("user", "Plan 4 days in Kyoto in April for 2, temples and food " * 3)


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1e3


def bare_append(path: Path, wal: bool) -> Callable[[], None]:
    """One INSERT + COMMIT into a bare table, per call."""
    db = sqlite3.connect(path, isolation_level=None)
    if wal:
        db.execute("PRAGMA journal_mode = WAL")
    db.execute("CREATE TABLE messages (session_id TEXT, seq INTEGER, body TEXT)")
    payload = json.dumps(MESSAGE)
    seq = itertools.count()

    def step() -> None:
        db.execute("BEGIN")
        db.execute("INSERT INTO messages VALUES (?, ?, ?)", ("s", next(seq), payload))
        db.execute("COMMIT")

    return step


def our_append(path: Path) -> Callable[[], None]:
    """One ``append_message`` through the session manager, per call."""
    manager = SessionManager(SQLiteSessionStorage(path))
    session_id = manager.create("bench")
    manager.save_record(manager.load_record(session_id))  # stored now, as after a first turn
    return lambda: manager.append_message(session_id, MESSAGE["role"], MESSAGE["content"])


def appends(folder: Path) -> dict[str, float]:
    """Median ms of each kind of append, interleaved so all see the same disk and load."""
    steps = {
        "ours": our_append(folder / "ours.sqlite3"),
        "bare WAL": bare_append(folder / "bare-wal.sqlite3", wal=True),
        "bare default": bare_append(folder / "bare.sqlite3", wal=False),
    }
    times: dict[str, list[float]] = {name: [] for name in steps}
    for _ in range(APPENDS):
        for name, step in steps.items():
            started = time.perf_counter()
            step()
            times[name].append(time.perf_counter() - started)
    return {name: median_ms(samples) for name, samples in times.items()}


def list_and_load(path: Path) -> tuple[float, float]:
    storage = SQLiteSessionStorage(path)
    db = storage._db
    assert db is not None
    db.execute("BEGIN")
    for n in range(10_000):  # fill directly: 10,000 sessions
        record = new_record(f"s{n:05d}", f"Trip {n}")
        body = {k: v for k, v in record.items() if k != "messages"}
        db.execute(
            "INSERT INTO sessions (id, title, itinerary_id, created_at, last_active_at,"
            " message_count, body) VALUES (?, ?, NULL, ?, ?, 0, ?)",
            (record["id"], record["title"], record["created_at"], f"2026-11-{n % 28 + 1:02d}",
             json.dumps(body)),
        )  # fmt: skip
    payload = json.dumps(MESSAGE)
    db.executemany(
        "INSERT INTO messages VALUES ('s00000', ?, ?)", [(i, payload) for i in range(1000)]
    )
    db.execute("COMMIT")
    lists, loads = [], []
    for _ in range(15):
        started = time.perf_counter()
        rows = storage.list()
        lists.append(time.perf_counter() - started)
        started = time.perf_counter()
        loaded = storage.load("s00000")
        loads.append(time.perf_counter() - started)
    assert len(rows) == 10_000 and loaded is not None and len(loaded["messages"]) == 1000
    return median_ms(lists), median_ms(loads)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        medians = appends(folder)
        ours, bare_wal, bare_default = medians["ours"], medians["bare WAL"], medians["bare default"]
        print(f"append one message + commit, ours:          {ours:7.3f} ms (median of {APPENDS},"
              " interleaved)")  # fmt: skip
        print(f"bare sqlite3 insert + commit, WAL:           {bare_wal:7.3f} ms")
        print(f"bare sqlite3 insert + commit, default mode:  {bare_default:7.3f} ms")
        print(f"ours / bare (WAL):     {ours / bare_wal:5.2f}x   (target <= 2x)")
        print(f"ours / bare (default): {ours / bare_default:5.2f}x")
        listing, loading = list_and_load(folder / "big.sqlite3")
        print(f"list 10,000 sessions:          {listing:6.1f} ms   (target <= 50 ms)")
        print(f"load a 1,000-message session:  {loading:6.1f} ms   (target <= 10 ms)")
    import storage_race  # next to this file

    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 30.0
    print(storage_race.report(storage_race.race(seconds)))


if __name__ == "__main__":
    main()
