"""Kernels racing chat turns on one session in one SQLite file, with compaction on.

Each kernel is a separate process (``python benchmarks/storage_race.py worker ...``) running
full turns through ``KernelState.chat``. The designer is the offline one, compacting the
history as the LLM designer does (its own ``compact``) whenever the history is long enough,
so compacting turns race ordinary ones. ``race()`` starts the kernels, waits, and checks the
file: every turn a kernel saw committed is stored exactly once, in its order; nothing else
is; the itinerary is the one the last committed reply describes.

Run: ``python benchmarks/storage_race.py [SECONDS]`` prints the figures.
"""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

DESIGNER = "compacting-offline"
TODAY = "2026-11-24"


def worker(path: str, session_id: str, name: str, seconds: float) -> dict[str, Any]:
    """Send turns to ``session_id`` for ``seconds``; what was committed, refused, re-run."""
    from tripdesigner_kernel.designers.llm.conversation import compact
    from tripdesigner_kernel.designers.offline.designer import OfflineDesigner
    from tripdesigner_kernel.designers.registry import registry
    from tripdesigner_kernel.kernel import KernelState
    from tripdesigner_kernel.service import TurnError

    class CompactingOfflineDesigner(OfflineDesigner):
        name = DESIGNER

        def respond(self, request: Any) -> Any:
            result = super().respond(request)
            result.history = compact(request.history)  # None while the history is short
            return result

    registry.register(DESIGNER, lambda settings, key: CompactingOfflineDesigner(settings, key))
    state = KernelState()
    state.settings.today = TODAY
    state.use_storage(f"sqlite:///{path}")
    state.use_designer(DESIGNER)
    rng = random.Random(name)
    committed: list[str] = []
    refused = retries = 0

    def count_retries(event: dict[str, Any]) -> None:
        nonlocal retries
        retries += event.get("type") == "retry"

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        text = f"{name}-{len(committed) + refused}: Plan {rng.randint(2, 6)} days in Lisbon in May"
        try:
            state.chat(text, session_id=session_id, emit=count_retries)
        except TurnError:
            refused += 1
            continue
        committed.append(text)
    return {"committed": committed, "refused": refused, "retries": retries}


def race(seconds: float, kernels: int = 2, folder: Path | None = None) -> dict[str, Any]:
    """Race ``kernels`` processes on one session for ``seconds``; figures and problems."""
    from tripdesigner_kernel.sessions.manager import SessionManager
    from tripdesigner_kernel.sessions.sqlite_storage import SQLiteSessionStorage
    from tripdesigner_kernel.trip.model import Itinerary

    with tempfile.TemporaryDirectory() as tmp:
        path = (folder or Path(tmp)) / "race.sqlite3"
        manager = SessionManager(SQLiteSessionStorage(path))
        session_id = manager.create("race")
        manager.save_record(manager.load_record(session_id))
        env = {**os.environ, "TRIPDESIGNER_TODAY": TODAY}
        processes = [
            subprocess.Popen(
                [sys.executable, __file__, "worker", str(path), session_id, f"k{n}", str(seconds)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=env,
            )
            for n in range(kernels)
        ]
        results = []
        for process in processes:
            out, err = process.communicate(timeout=seconds + 120)
            if process.returncode != 0:
                raise RuntimeError(f"a racing kernel failed:\n{err}")
            results.append(json.loads(out.strip().splitlines()[-1]))
        record = manager.load_record(session_id)
        manager.storage.close()
    users = [m["content"] for m in record["messages"] if m["role"] == "user"]
    committed = [text for result in results for text in result["committed"]]
    problems = []
    lost = len(set(committed) - set(users))
    if lost:
        problems.append(f"{lost} committed turn(s) missing from the store")
    if len(users) != len(set(users)) or set(users) != set(committed):
        problems.append("the store holds a turn twice, or one no kernel committed")
    for result in results:
        mine = [text for text in users if text in set(result["committed"])]
        if mine != result["committed"]:
            problems.append("a kernel's turns are stored out of order")
    roles = [m["role"] for m in record["messages"]]
    if roles != ["user", "assistant"] * (len(roles) // 2):
        problems.append("a reply is stored apart from its message")
    if record["metadata"]["message_count"] != len(record["messages"]):
        problems.append("message_count disagrees with the messages stored")
    consistent = False
    if users:
        asked = int(re.search(r"Plan (\d) days", users[-1]).group(1))  # type: ignore[union-attr]
        itinerary = Itinerary.from_json(record["itinerary"])
        # The last reply that describes a plan (a repeated request is answered "no change").
        described = [
            int(found.group(1))
            for m in record["messages"]
            if m["role"] == "assistant"
            and (found := re.search(r"(\d) days in Lisbon", m["content"]))
        ]
        consistent = itinerary.days == asked == (described[-1] if described else None)
        if not consistent:
            problems.append(
                f"the itinerary has {itinerary.days} days; the last request {asked}, "
                f"the last plan described {described[-1:]}"
            )
    context = record["metadata"].get("context")
    return {
        "seconds": seconds,
        "kernels": kernels,
        "committed": len(committed),
        "refused": sum(result["refused"] for result in results),
        "retries": sum(result["retries"] for result in results),
        "stored_messages": len(record["messages"]),
        "lost": lost,
        "compacted": bool(context),
        "compactions_from": context["from"] if context else 0,
        "itinerary_consistent": consistent,
        "problems": problems,
    }


def report(figures: dict[str, Any]) -> str:
    """The figures as the benchmark prints them."""
    return (
        f"{figures['kernels']} kernels racing turns on one session for {figures['seconds']:g} s, "
        f"compaction on: {figures['committed']} turns committed, {figures['retries']} re-run "
        f"after a conflict, {figures['refused']} refused; {figures['stored_messages']} messages "
        f"stored, {figures['lost']} lost; itinerary consistent with the last committed reply: "
        f"{'yes' if figures['itinerary_consistent'] else 'NO'}"
        + (f"; PROBLEMS: {'; '.join(figures['problems'])}" if figures["problems"] else "")
    )


if __name__ == "__main__":
    if sys.argv[1:2] == ["worker"]:
        path, session_id, name, seconds = sys.argv[2:6]
        print(json.dumps(worker(path, session_id, name, float(seconds))))
    else:
        print(report(race(float(sys.argv[1]) if len(sys.argv) > 1 else 30.0)))
