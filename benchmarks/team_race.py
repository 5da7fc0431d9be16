"""Kernels (separate processes) sending a fixed number of turns to shared sessions.

``race(store, kernels, turns, sessions)`` starts ``kernels`` processes, each running ``turns``
full turns through ``KernelState.chat`` spread over ``sessions`` shared sessions in one store
(``sqlite:///PATH`` or ``postgresql://...``). A turn refused after its re-runs (another kernel
kept winning) is sent again, as a person would, until it commits. Then every session is
checked: each committed turn stored exactly once and in its kernel's order, every reply next
to its message, and the itinerary the one its last committed reply describes.

Run: ``python benchmarks/team_race.py STORE [KERNELS] [TURNS]`` prints the figures.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from typing import Any

TODAY = "2026-11-24"
RESENDS = 50
PLAN_DAYS = re.compile(r"(\d) days in Lisbon")  # what a reply describing a plan says


def worker(store: str, session_ids: list[str], name: str, turns: int) -> dict[str, Any]:
    """``turns`` committed turns, round-robin over the sessions; what each session got."""
    from tripdesigner_kernel.kernel import KernelState
    from tripdesigner_kernel.service import TurnError

    state = KernelState()
    state.settings.today = TODAY
    state.use_storage(store)
    committed: dict[str, list[str]] = {session_id: [] for session_id in session_ids}
    resent = retries = 0

    def count_retries(event: dict[str, Any]) -> None:
        nonlocal retries
        retries += event.get("type") == "retry"

    for n in range(turns):
        session_id = session_ids[n % len(session_ids)]
        text = f"{name}-{n}: Plan {(n * 7 + len(name)) % 5 + 2} days in Lisbon in May"
        for _ in range(RESENDS):
            try:
                state.chat(text, session_id=session_id, emit=count_retries)
            except TurnError:
                resent += 1
                continue
            committed[session_id].append(text)
            break
    state.storage.close()
    return {"committed": committed, "resent": resent, "retries": retries}


def race(store: str, kernels: int = 8, turns: int = 50, sessions: int = 2) -> dict[str, Any]:
    """Run the race on ``store``; figures and any problems found."""
    from tripdesigner_kernel.kernel import KernelState

    state = KernelState()
    state.use_storage(store)
    session_ids = []
    for n in range(sessions):
        session_ids.append(state.new_session(f"race {n}"))
        state.sessions.append_message(session_ids[-1], "assistant", "Where to?")  # stored now
    env = {**os.environ, "TRIPDESIGNER_TODAY": TODAY}
    started = time.perf_counter()
    processes = [
        subprocess.Popen(
            [sys.executable, __file__, "worker", store, ",".join(session_ids), f"k{n}", str(turns)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for n in range(kernels)
    ]
    results = []
    for process in processes:
        out, err = process.communicate(timeout=600)
        if process.returncode != 0:
            raise RuntimeError(f"a racing kernel failed:\n{err[-3000:]}")
        results.append(json.loads(out.strip().splitlines()[-1]))
    elapsed = time.perf_counter() - started
    problems: list[str] = []
    lost = committed_total = 0
    for session_id in session_ids:
        record = state.sessions.load_record(session_id)
        committed = [text for r in results for text in r["committed"][session_id]]
        committed_total += len(committed)
        lost += _check(record, committed, [r["committed"][session_id] for r in results], problems)
    state.storage.close()
    return {
        "kernels": kernels,
        "turns": turns,
        "sessions": sessions,
        "committed": committed_total,
        "lost": lost,
        "resent": sum(r["resent"] for r in results),
        "retries": sum(r["retries"] for r in results),
        "seconds": elapsed,
        "turns_per_second": committed_total / elapsed,
        "problems": problems,
    }


def _check(
    record: dict[str, Any], committed: list[str], by_kernel: list[list[str]], problems: list[str]
) -> int:
    """Add what is wrong with one session to ``problems``; the number of turns lost."""
    from tripdesigner_kernel.trip.model import Itinerary

    messages = record["messages"][1:]
    users = [m["content"] for m in messages if m["role"] == "user"]
    lost = len(set(committed) - set(users))
    where = f"session {record['id']}"
    if lost:
        problems.append(f"{where}: {lost} committed turn(s) missing")
    if sorted(users) != sorted(committed):
        problems.append(f"{where}: a turn stored twice, or one no kernel committed")
    for mine in by_kernel:
        if [text for text in users if text in set(mine)] != mine:
            problems.append(f"{where}: a kernel's turns are stored out of order")
    if [m["role"] for m in messages] != ["user", "assistant"] * (len(messages) // 2):
        problems.append(f"{where}: a reply is stored apart from its message")
    if record["metadata"]["message_count"] != len(record["messages"]):
        problems.append(f"{where}: message_count disagrees with the messages stored")
    if users:
        asked = int(re.search(r"Plan (\d) days", users[-1]).group(1))  # type: ignore[union-attr]
        replies = [m["content"] for m in messages if m["role"] == "assistant"]
        described = [int(found.group(1)) for text in replies if (found := PLAN_DAYS.search(text))]
        days = Itinerary.from_json(record["itinerary"]).days
        if not days == asked == (described[-1] if described else None):
            problems.append(f"{where}: itinerary {days} days, last request {asked}")
    return lost


def report(figures: dict[str, Any], label: str) -> str:
    """One line of figures."""
    return (
        f"{label}: {figures['kernels']} kernels x {figures['turns']} turns on "
        f"{figures['sessions']} shared sessions: {figures['committed']} committed in "
        f"{figures['seconds']:.1f} s = {figures['turns_per_second']:.1f} turns/s; "
        f"{figures['retries']} re-run after a conflict, {figures['resent']} sent again; "
        f"{figures['lost']} lost"
        + (f"; PROBLEMS: {'; '.join(figures['problems'])}" if figures["problems"] else "")
    )


if __name__ == "__main__":
    if sys.argv[1:2] == ["worker"]:
        store, ids, name, turns = sys.argv[2:6]
        print(json.dumps(worker(store, ids.split(","), name, int(turns))))
    else:
        arguments = sys.argv[1:] + ["8", "50"][len(sys.argv) - 2 :]
        print(report(race(arguments[0], int(arguments[1]), int(arguments[2])), arguments[0]))
