"""One storage contract for every store, and kernels racing on one session lose nothing.

The contract suite runs over each store (a PostgreSQL store would join the parameter list);
the races run real kernels in separate processes on a real SQLite file.
"""

from __future__ import annotations

import importlib.util
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from tripdesigner_kernel.designers.base import DesignRequest, DesignResult
from tripdesigner_kernel.designers.llm.conversation import compact
from tripdesigner_kernel.designers.offline.designer import OfflineDesigner
from tripdesigner_kernel.designers.registry import registry
from tripdesigner_kernel.kernel import KernelState
from tripdesigner_kernel.service import TurnError
from tripdesigner_kernel.sessions.records import new_message, new_record
from tripdesigner_kernel.sessions.sqlite_storage import SQLiteSessionStorage
from tripdesigner_kernel.sessions.storage import (
    InMemorySessionStorage,
    SessionStorage,
    StaleSessionError,
    copy_sessions,
)
from tripdesigner_kernel.trip.model import Itinerary

STORES = ["memory", "sqlite"]


def open_store(kind: str, folder: Path) -> SessionStorage:
    if kind == "memory":
        return InMemorySessionStorage()
    return SQLiteSessionStorage(folder / "contract.sqlite3")


@pytest.fixture(params=STORES)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> SessionStorage:
    return open_store(request.param, tmp_path)


def stored(store: SessionStorage, session_id: str = "s1", messages: int = 0) -> dict[str, Any]:
    record = new_record(session_id, "t")
    record["messages"] = [new_message("user", f"m{n}") for n in range(messages)]
    store.save(record)
    loaded = store.load(session_id)
    assert loaded is not None
    return loaded


# The contract ---------------------------------------------------------------------------


def test_a_save_on_a_stale_revision_is_refused_and_writes_nothing(store: SessionStorage) -> None:
    first, second = stored(store, messages=2), store.load("s1")
    assert second is not None
    first["messages"].append(new_message("assistant", "first wins"))
    first["itinerary"] = {"days": 3}
    store.save(first)
    second["messages"].append(new_message("assistant", "stale"))
    second["itinerary"], second["title"] = {"days": 4}, "stale"
    with pytest.raises(StaleSessionError, match="changed elsewhere"):
        store.save(second)
    now = store.load("s1")
    assert now is not None
    assert [m["content"] for m in now["messages"]] == ["m0", "m1", "first wins"]
    assert now["itinerary"] == {"days": 3} and now["title"] == "t"
    assert now["metadata"]["message_count"] == 3 == store.list()[0]["message_count"]


def test_a_saved_record_can_be_saved_again(store: SessionStorage) -> None:
    record = stored(store)
    for n in range(3):
        record["messages"].append(new_message("user", f"again {n}"))
        store.save(record)
    loaded = store.load("s1")
    assert loaded is not None and len(loaded["messages"]) == 3


def test_an_append_moves_the_revision_on(store: SessionStorage) -> None:
    record = stored(store)
    assert store.append_message("s1", new_message("user", "from elsewhere"), "2026-11-24")
    record["title"] = "stale"
    with pytest.raises(StaleSessionError):
        store.save(record)
    assert not store.append_message("nope", new_message("user", "x"), "2026-11-24")


def test_inserting_a_taken_id_is_refused(store: SessionStorage) -> None:
    stored(store, messages=1)
    with pytest.raises(StaleSessionError):
        store.save(new_record("s1", "other"))
    loaded = store.load("s1")
    assert loaded is not None and loaded["title"] == "t" and len(loaded["messages"]) == 1


def test_stored_messages_are_never_rewritten_or_removed(store: SessionStorage) -> None:
    record = stored(store, messages=3)
    record["messages"][0]["content"] = "rewritten"
    record["messages"].append(new_message("assistant", "new"))
    store.save(record)
    loaded = store.load("s1")
    assert loaded is not None
    assert [m["content"] for m in loaded["messages"]] == ["m0", "m1", "m2", "new"]
    loaded["messages"] = loaded["messages"][-1:]
    with pytest.raises(ValueError, match="append-only"):
        store.save(loaded)
    again = store.load("s1")
    assert again is not None and len(again["messages"]) == 4


def test_records_never_alias_stored_data(store: SessionStorage) -> None:
    record = stored(store, messages=1)
    record["messages"][0]["content"] = "changed in the caller"
    record["profile"]["x"] = 1
    loaded = store.load("s1")
    assert loaded is not None
    assert loaded["messages"][0]["content"] == "m0" and loaded["profile"] == {}


@pytest.mark.parametrize("target", STORES)
def test_copy_sessions_between_stores(store: SessionStorage, target: str, tmp_path: Path) -> None:
    stored(store, "a", messages=2)
    stored(store, "b", messages=1)
    (tmp_path / "other").mkdir()
    other = open_store(target, tmp_path / "other")
    assert copy_sessions(store, other) == 2 and copy_sessions(store, other) == 0
    copied = other.load("a")
    assert copied is not None and [m["content"] for m in copied["messages"]] == ["m0", "m1"]


# Kernels on one session ----------------------------------------------------------------


class Interleaved(OfflineDesigner):
    """The offline designer, compacting like the LLM designer, and letting another kernel
    commit a turn while this one is thinking (``during`` is called mid-turn)."""

    name = "interleaved"
    during: Any = None

    def respond(self, request: DesignRequest) -> DesignResult:
        result = super().respond(request)
        result.history = compact(request.history)
        if Interleaved.during is not None:
            Interleaved.during()
        return result


@pytest.fixture
def two_kernels(tmp_path: Path) -> Any:
    registry.register("interleaved", lambda settings, key: Interleaved(settings, key))
    kernels = []
    for _ in range(2):
        state = KernelState()
        state.use_storage(f"sqlite:///{tmp_path / 'shared.sqlite3'}")
        kernels.append(state)
    yield kernels
    Interleaved.during = None


def test_a_compacting_turn_keeps_the_other_kernels_turn(two_kernels: list[KernelState]) -> None:
    a, b = two_kernels
    session_id = a.new_session()
    for n in range(6):  # long enough to compact
        a.chat(f"Plan {n % 3 + 2} days in Lisbon in May", session_id)
    a.use_designer("interleaved")
    beaten: list[str] = []

    def b_commits_first() -> None:
        if not beaten:
            beaten.append(b.chat("Plan 4 days in Lisbon in May", session_id))

    Interleaved.during = b_commits_first
    reply = a.chat("Plan 3 days in Lisbon in May", session_id)
    record = a.sessions.load_record(session_id)
    contents = [m["content"] for m in record["messages"]]
    assert "Plan 4 days in Lisbon in May" in contents  # b's finished turn survived
    assert contents[-2:] == ["Plan 3 days in Lisbon in May", str(reply)]  # a re-ran after it
    assert len(contents) == 16 and record["metadata"]["message_count"] == 16
    assert Itinerary.from_json(record["itinerary"]).days == 3  # the last committed reply's plan
    assert record["metadata"]["context"]["from"] <= 16


def test_a_turn_that_keeps_losing_is_refused_and_changes_nothing(
    two_kernels: list[KernelState],
) -> None:
    a, b = two_kernels
    session_id = a.new_session()
    a.chat("Plan 2 days in Lisbon in May", session_id)
    a.use_designer("interleaved")
    Interleaved.during = lambda: b.sessions.append_message(session_id, "user", "elsewhere")
    with pytest.raises(TurnError, match="kept changing in another kernel"):
        a.chat("Plan 5 days in Lisbon in May", session_id)
    Interleaved.during = None
    record = b.sessions.load_record(session_id)
    assert "Plan 5 days in Lisbon in May" not in [m["content"] for m in record["messages"]]
    assert Itinerary.from_json(record["itinerary"]).days == 2


def test_an_old_file_gets_revisions_and_keeps_its_sessions(tmp_path: Path) -> None:
    path = tmp_path / "v1.sqlite3"
    with sqlite3.connect(path) as db:  # a store as version 1 of the schema wrote it
        db.executescript(
            """
            CREATE TABLE sessions (id TEXT PRIMARY KEY, title TEXT NOT NULL, itinerary_id TEXT,
              created_at TEXT NOT NULL, last_active_at TEXT NOT NULL,
              message_count INTEGER NOT NULL DEFAULT 0, body TEXT NOT NULL);
            CREATE INDEX sessions_by_activity ON sessions (last_active_at DESC);
            CREATE TABLE messages (session_id TEXT NOT NULL, seq INTEGER NOT NULL,
              body TEXT NOT NULL, PRIMARY KEY (session_id, seq)) WITHOUT ROWID;
            PRAGMA user_version = 1;
            """
        )
        body = {k: v for k, v in new_record("old1", "kept").items() if k != "messages"}
        db.execute(
            "INSERT INTO sessions VALUES ('old1', 'kept', NULL, 'x', 'y', 1, ?)",
            (json.dumps(body),),
        )
        message = json.dumps(new_message("user", "hi"))
        db.execute("INSERT INTO messages VALUES ('old1', 0, ?)", (message,))
    store = SQLiteSessionStorage(path)
    record = store.load("old1")
    assert record is not None and record["messages"][0]["content"] == "hi"
    record["messages"].append(new_message("assistant", "hello"))
    store.save(record)
    loaded = store.load("old1")
    assert loaded is not None and len(loaded["messages"]) == 2


def test_the_messages_table_itself_is_append_only(tmp_path: Path) -> None:
    path = tmp_path / "append-only.sqlite3"
    store = SQLiteSessionStorage(path)
    stored(store, "a", messages=2)
    with sqlite3.connect(path) as db:
        for statement in ("UPDATE messages SET body = '{}'", "DELETE FROM messages"):
            with pytest.raises(sqlite3.IntegrityError, match="append-only"):
                db.execute(statement)
    loaded = store.load("a")
    assert loaded is not None and [m["content"] for m in loaded["messages"]] == ["m0", "m1"]
    assert store.delete("a")  # a whole session still goes, with its messages
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT COUNT(*) FROM messages").fetchone()[0] == 0


def _race_module() -> Any:
    path = Path(__file__).parents[1] / "benchmarks" / "storage_race.py"
    spec = importlib.util.spec_from_file_location("storage_race", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_two_kernel_processes_racing_with_compaction_lose_nothing(tmp_path: Path) -> None:
    race = _race_module()
    figures = race.race(seconds=4, kernels=2, folder=tmp_path)
    print(race.report(figures))
    assert figures["problems"] == [] and figures["lost"] == 0
    assert figures["itinerary_consistent"] and figures["compacted"]
    assert figures["committed"] >= 10 and figures["retries"] > 0  # they really raced
