"""Figures for the PostgreSQL session store, side by side with bare psycopg and SQLite.

Run: ``python benchmarks/bench_postgres.py [KERNELS] [TURNS]`` (8 x 50 by default). Starts a
throwaway local cluster (Debian's initdb/postgres, durable settings) in a temporary folder,
or uses ``$TRIPDESIGNER_BENCH_PG`` (an address whose schema is created and used). Prints
figures; asserts nothing. Targets: append <= 2x bare, list 10,000 <= 50 ms, load 1,000 <= 10 ms.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "benchmarks")]

from tripdesigner_kernel.sessions.postgres_storage import PostgresSessionStorage  # noqa: E402
from tripdesigner_kernel.sessions.records import new_message, new_record  # noqa: E402

SAMPLES = 300
MESSAGE = new_message("user", "Plan 4 days in Kyoto in April for 2, temples and food " * 3)


def median_ms(run: Callable[[], Any], samples: int = SAMPLES) -> float:
    times = []
    for _ in range(samples):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1e3


def appends(url: str) -> tuple[float, float]:
    """Median ms: ``append_message`` (and its commit) vs a bare insert + commit of the same
    payload on a connection of its own, taken in turns so both meet the same disk and load."""
    import psycopg

    store = PostgresSessionStorage(url)
    store.save(new_record("appends", "bench"))
    payload = json.dumps(MESSAGE, ensure_ascii=False)
    table = f"{store.url.schema}.bare"
    with psycopg.connect(url.split("?")[0]) as db:
        db.execute(f"CREATE TABLE {table} (session_id TEXT, seq INTEGER, body TEXT)")
        db.commit()
        ours, bare = [], []
        for seq in range(SAMPLES):
            started = time.perf_counter()
            store.append_message("appends", MESSAGE, "2026-11-24T10:00")
            ours.append(time.perf_counter() - started)
            started = time.perf_counter()
            db.execute(f"INSERT INTO {table} VALUES (%s, %s, %s)", ("appends", seq, payload))
            db.commit()
            bare.append(time.perf_counter() - started)
    store.close()
    return statistics.median(ours) * 1e3, statistics.median(bare) * 1e3


def listing_and_loading(url: str) -> tuple[float, float]:
    """Median ms: list 10,000 sessions; load one session of 1,000 messages."""
    from psycopg import sql

    store = PostgresSessionStorage(url)
    for n in range(0, 10_000, 500):
        with store._transaction() as conn, conn.cursor() as cursor:  # bulk setup, not timed
            cursor.executemany(
                store._q["insert"],
                [(f"s{k:05d}", store.user, f"Trip {k}", None, f"2026-11-{k % 28 + 1:02d}",
                  "2026-11-01", 0, json.dumps(new_record(f"s{k:05d}", f"Trip {k}")))
                 for k in range(n, n + 500)],
            )  # fmt: skip
    with store._pool.connection() as conn:  # as autovacuum would after a bulk load
        conn.execute(sql.SQL("ANALYZE {}.sessions").format(sql.Identifier(store.url.schema)))
    listed = median_ms(store.list, 20)
    long = new_record("long", "1,000 messages")
    long["messages"] = [new_message("user", f"message {n} " * 20) for n in range(1000)]
    store.save(long)
    loaded = median_ms(lambda: store.load("long"), 50)
    store.close()
    return listed, loaded


def main() -> None:
    import pg_server
    import team_race

    kernels, turns = (int(a) for a in (sys.argv[1:] + ["8", "50"][len(sys.argv) - 1 :])[:2])
    cluster = None
    base = os.environ.get("TRIPDESIGNER_BENCH_PG")
    if base is None:
        reason = pg_server.missing_reason()
        if reason:
            sys.exit(f"No local PostgreSQL: {reason}.")
        cluster = pg_server.Cluster()
        cluster.start(durable=True)
        base = cluster.url()

    def fresh() -> str:
        return f"{base}{'&' if '?' in base else '?'}schema=bench_{uuid.uuid4().hex[:10]}"

    try:
        ours, bare = appends(fresh())
        print(
            f"append one message and commit: {ours:.3f} ms median (bare psycopg insert + commit"
            f" of the same payload: {bare:.3f} ms; {ours / bare:.2f}x, target <= 2x)"
        )
        listed, loaded = listing_and_loading(fresh())
        print(f"list 10,000 sessions: {listed:.1f} ms median (target <= 50 ms)")
        print(f"load a 1,000-message session: {loaded:.2f} ms median (target <= 10 ms)")
        figures = team_race.race(fresh(), kernels, turns, sessions=4)
        print(team_race.report(figures, "PostgreSQL (local server)"))
        with tempfile.TemporaryDirectory() as folder:
            sqlite = team_race.race(f"sqlite:///{folder}/race.sqlite3", kernels, turns, 4)
        print(team_race.report(sqlite, "SQLite (one file, one machine)"))
    finally:
        if cluster is not None:
            cluster.remove()


if __name__ == "__main__":
    main()
