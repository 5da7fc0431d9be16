"""Session stores: the protocol for both, and SQLite's promises with real files and processes."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tripdesigner_kernel.kernel import KernelState
from tripdesigner_kernel.sessions.manager import SessionManager
from tripdesigner_kernel.sessions.sqlite_storage import SQLiteSessionStorage
from tripdesigner_kernel.sessions.storage import InMemorySessionStorage, SessionStorage


@pytest.fixture(params=["memory", "sqlite"])
def storage(request: pytest.FixtureRequest, tmp_path: Path) -> SessionStorage:
    if request.param == "memory":
        return InMemorySessionStorage()
    return SQLiteSessionStorage(tmp_path / "sessions.sqlite3")


def test_the_protocol(storage: SessionStorage) -> None:
    manager = SessionManager(storage)
    assert isinstance(storage, SessionStorage)
    first = manager.create("one")
    second = manager.create("two")
    manager.append_message(first, "user", "hello é ✈")
    manager.append_message(first, "assistant", "hi", tokens={"input": 1, "output": 2})
    record = manager.get(first)
    assert [m.content for m in record.messages] == ["hello é ✈", "hi"]
    assert record.messages[1].extra["tokens"] == {"input": 1, "output": 2}
    assert [s.id for s in manager.list()] == [first, second]
    assert manager.list()[0].message_count == 2
    raw = manager.load_record(second)
    raw["itinerary_id"] = "it-9"
    manager.save_record(raw)
    assert [s.id for s in manager.list("it-9")] == [second]
    assert storage.delete_by_itinerary("it-9") == 1
    assert storage.delete(first) and not storage.delete(first)
    assert manager.list() == []


def run_python(code: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True, text=True, timeout=120, env={**os.environ, **env}, check=False,
    )  # fmt: skip


def test_sessions_survive_a_kernel_restart(tmp_path: Path) -> None:
    env = {"TRIPDESIGNER_STORAGE": f"sqlite:///{tmp_path / 'kernel.sqlite3'}",
           "TRIPDESIGNER_TODAY": "2026-11-24"}  # fmt: skip
    first = run_python("""
        from IPython.core.interactiveshell import InteractiveShell
        sh = InteractiveShell.instance()
        sh.run_line_magic("load_ext", "tripdesigner_kernel")
        sh.run_cell("%tripchat Plan 3 days in Lisbon in May")
        import tripdesigner_kernel
        print("ID", tripdesigner_kernel.kernel_state().current_session_id)
    """, env)  # fmt: skip
    assert first.returncode == 0, first.stderr
    session_id = first.stdout.split("ID ")[-1].strip()
    second = run_python(f"""
        from IPython.core.interactiveshell import InteractiveShell
        sh = InteractiveShell.instance()
        sh.run_line_magic("load_ext", "tripdesigner_kernel")
        sh.run_cell("%tripchat use {session_id}")
        sh.run_cell("%tripchat add a day")
        import tripdesigner_kernel
        record = tripdesigner_kernel.kernel_state().sessions.get("{session_id}")
        print("COUNT", record.message_count, record.itinerary["title"])
    """, env)  # fmt: skip
    assert second.returncode == 0, second.stderr
    assert "COUNT 4 4 days in Lisbon" in second.stdout


def test_two_kernels_writing_at_once_lose_no_message(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite3"
    manager = SessionManager(SQLiteSessionStorage(path))
    session_id = manager.create("shared")
    manager.save_record(manager.load_record(session_id))  # stored now, though still empty
    writer = f"""
        import sys
        from tripdesigner_kernel.sessions.manager import SessionManager
        from tripdesigner_kernel.sessions.sqlite_storage import SQLiteSessionStorage
        manager = SessionManager(SQLiteSessionStorage({str(path)!r}))
        for n in range(60):
            manager.append_message({session_id!r}, "user", f"{{sys.argv[1]}}-{{n}}")
    """
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", textwrap.dedent(writer), name], stderr=subprocess.PIPE
        )
        for name in ("a", "b")
    ]
    for process in processes:
        assert process.wait(timeout=120) == 0, process.stderr.read() if process.stderr else ""
    contents = [m.content for m in manager.get(session_id).messages]
    assert len(contents) == 120
    assert sorted(contents) == sorted(f"{w}-{n}" for w in "ab" for n in range(60))
    assert [c for c in contents if c.startswith("a-")] == [f"a-{n}" for n in range(60)]  # in order


def _unusable(path: Path) -> str:
    before = path.read_bytes()
    state = KernelState()
    state.new_session()
    with pytest.raises(ValueError) as caught:
        state.use_storage(f"sqlite:///{path}")
    assert path.read_bytes() == before  # left untouched
    assert state.storage.name == "memory" and len(state.sessions) == 1  # carries on
    return str(caught.value)


def test_a_corrupt_file_is_reported_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "corrupt.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    assert "not a usable session database" in _unusable(path)


def test_a_truncated_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "truncated.sqlite3"
    manager = SessionManager(SQLiteSessionStorage(path))
    for n in range(30):
        manager.append_message(manager.create(f"s{n}"), "user", "x" * 2000)
    manager.storage.close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    assert "not a usable session database" in _unusable(path)


def test_a_newer_schema_is_reported_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite3"
    SQLiteSessionStorage(path).close()
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 99")
    assert "newer tripdesigner_kernel" in _unusable(path)


def test_an_unwritable_place_is_reported(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    state = KernelState()
    with pytest.raises(ValueError, match="Cannot open"):
        state.use_storage(f"sqlite:///{blocker / 'sessions.sqlite3'}")


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_a_read_only_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "ro.sqlite3"
    SQLiteSessionStorage(path).close()
    path.chmod(0o444)
    tmp_path.chmod(0o555)
    try:
        state = KernelState()
        with pytest.raises(ValueError):
            state.use_storage(f"sqlite:///{path}")
            state.new_session()
    finally:
        tmp_path.chmod(0o755)


def test_a_crash_mid_save_leaves_no_half_turn(tmp_path: Path) -> None:
    path = tmp_path / "crash.sqlite3"
    manager = SessionManager(SQLiteSessionStorage(path))
    session_id = manager.create("crash")
    manager.save_record(manager.load_record(session_id))
    manager.append_message(session_id, "user", "kept")
    crash = run_python(f"""
        import os
        from tripdesigner_kernel.sessions.manager import SessionManager
        from tripdesigner_kernel.sessions.sqlite_storage import SQLiteSessionStorage

        class Dies:
            def __init__(self, db): self.db = db
            def __getattr__(self, name): return getattr(self.db, name)
            def executemany(self, *args):
                self.db.executemany(*args)
                os._exit(9)  # the process dies inside the transaction

        storage = SQLiteSessionStorage({str(path)!r})
        storage._db = Dies(storage._db)
        manager = SessionManager(storage)
        record = manager.load_record({session_id!r})
        lost = {{"role": "user", "content": "lost"}}
        record["messages"] += [lost, dict(lost, role="assistant")]
        record["title"] = "half"
        manager.save_record(record)
    """, {})  # fmt: skip
    assert crash.returncode == 9
    record = SessionManager(SQLiteSessionStorage(path)).get(session_id)
    assert [m.content for m in record.messages] == ["kept"] and record.title == "crash"
