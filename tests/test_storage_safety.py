"""Bad files end clean: foreign, damaged, locked, full or unwritable stores, and switching.

Every case runs through `%tripchat` in a real shell on a real SQLite file: a person sees one
clear line, never a traceback; the file is left untouched; the kernel carries on.
"""

from __future__ import annotations

import os
import random
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from IPython.core.error import UsageError

import tripdesigner_kernel
from tripdesigner_kernel.kernel import KernelState
from tripdesigner_kernel.sessions.locations import network_filesystem
from tripdesigner_kernel.sessions.sqlite_storage import SQLiteSessionStorage


def run(shell: Any, capsys: Any, cell: str) -> tuple[str, BaseException | None]:
    result = shell.run_cell(cell)
    out, err = capsys.readouterr()
    return out + err, result.error_in_exec


def is_clean(output: str, error: BaseException | None) -> bool:
    """One clear line for the person: no traceback, at most a UsageError."""
    return "Traceback" not in output and (error is None or isinstance(error, UsageError))


def filled_file(path: Path, sessions: int = 40) -> None:
    """A real session database with enough data to span many pages."""
    state = KernelState()
    state.use_storage(f"sqlite:///{path}")
    for n in range(sessions):
        state.new_session(f"trip {n}")
        state.sessions.append_message(state.current_session_id or "", "user", "x" * 3000)
    state.storage.close()
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def garbage_pages(path: Path) -> None:
    """Overwrite every page after the first with random bytes: the header still reads fine."""
    data = bytearray(path.read_bytes())
    noise = random.Random(7).randbytes(len(data) - 4096)
    data[4096:] = noise
    path.write_bytes(bytes(data))


# Item 4: a file that is not ours ---------------------------------------------------------


def test_another_applications_file_is_refused_untouched(shell, capsys, tmp_path: Path) -> None:
    path = tmp_path / "shop.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
        db.execute("INSERT INTO customers (name) VALUES ('Ada')")
    before = path.read_bytes()
    out, error = run(shell, capsys, f"%tripchat storage sqlite {path}")
    assert isinstance(error, UsageError) and "belongs to another application" in str(error)
    assert "customers" in str(error) and "Traceback" not in out
    assert path.read_bytes() == before and not Path(f"{path}-wal").exists()
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 0
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
    assert tables == {"customers"}
    assert tripdesigner_kernel.kernel_state().storage.name == "sqlite"  # where it was


def test_a_file_marked_by_another_application_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "marked.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA application_id = 1234")
    with pytest.raises(ValueError, match="another application"):
        KernelState().use_storage(f"sqlite:///{path}")


def test_an_empty_file_and_our_own_file_are_accepted(tmp_path: Path) -> None:
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    state = KernelState()
    assert "SQLite file" in state.use_storage(f"sqlite:///{empty}")
    state.chat("Plan 2 days in Rome in May")
    other = KernelState()
    other.use_storage(f"sqlite:///{empty}")
    assert len(other.sessions) == 1


# Item 3: damaged files, before and during use --------------------------------------------


def _zeroed_pages(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[4096 * 2 : 4096 * 6] = bytes(4096 * 4)
    path.write_bytes(bytes(data))


def _truncated_file(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 3])


def _garbage_file(path: Path) -> None:
    path.write_bytes(b"this is not a database" * 400)


def _newer_schema(path: Path) -> None:
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 99")


BROKEN_FILES = {
    "garbage pages past the header": garbage_pages,
    "zeroed pages": _zeroed_pages,
    "truncated": _truncated_file,
    "not a database": _garbage_file,
    "written by a newer version": _newer_schema,
}


@pytest.mark.parametrize("kind", list(BROKEN_FILES))
def test_a_broken_file_is_refused_before_switching(
    kind: str, shell, capsys, tmp_path: Path
) -> None:
    path = tmp_path / "damaged.sqlite3"
    filled_file(path)
    BROKEN_FILES[kind](path)
    before = path.read_bytes()
    state = tripdesigner_kernel.kernel_state()
    where = state.storage
    out, error = run(shell, capsys, f"%tripchat storage sqlite {path}")
    assert isinstance(error, UsageError) and "Traceback" not in out
    assert "left untouched" in str(error)
    assert path.read_bytes() == before and state.storage is where
    out, error = run(shell, capsys, "%tripchat Plan 2 days in Rome in May")
    assert error is None and "2 days in Rome" in out  # the kernel carries on


DAMAGES: dict[str, Callable[[Path, Any], None]] = {}


def damage(name: str) -> Callable[[Callable[[Path, Any], None]], Callable[[Path, Any], None]]:
    def register(function: Callable[[Path, Any], None]) -> Callable[[Path, Any], None]:
        DAMAGES[name] = function
        return function

    return register


@damage("garbage pages")
def _garbage(path: Path, state: Any) -> None:
    state.storage._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # all in the main file
    garbage_pages(path)
    state.storage._db.execute("PRAGMA shrink_memory")  # forget cached pages, as time would


@damage("truncated")
def _truncated(path: Path, state: Any) -> None:
    state.storage._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with path.open("r+b") as handle:
        handle.truncate(path.stat().st_size // 3)
    state.storage._db.execute("PRAGMA shrink_memory")


@damage("locked by another program")
def _locked(path: Path, state: Any) -> None:
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    state._lock_holder = holder  # released when the test ends
    state.storage._db.execute("PRAGMA busy_timeout = 50")


@damage("disk full")
def _disk_full(path: Path, state: Any) -> None:
    db = state.storage._db
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages}")  # SQLite's own way to run out of room


@damage("read-only")
def _read_only(path: Path, state: Any) -> None:
    # What a read-only folder or file gives (SQLITE_READONLY), even when tests run as root.
    state.storage._db.execute("PRAGMA query_only = 1")


COMMANDS = [
    "%tripchat list",
    "%tripchat show",
    "%tripchat history",
    "%tripchat add a day",
    "%tripchat Plan 3 days in Porto in June",
    "%tripchat rename Porto please",
    "%tripchat fork",
    "%tripchat export-session {current} {tmp}/out.json",
    "%tripchat import-session {tmp}/in.json",
    "%tripchat use {current}",
    "%tripchat new",
    "%tripchat 3 days in Seville",
    "%tripchat delete {current}",
    "%tripchat status",
    "%tripchat storage",
]


@pytest.mark.parametrize("kind", list(DAMAGES))
def test_every_command_on_a_failing_store_is_one_clear_line(
    kind: str, shell, capsys, tmp_path: Path
) -> None:
    path = tmp_path / "live.sqlite3"
    filled_file(path, sessions=60)
    run(shell, capsys, f"%tripchat storage sqlite {path}")
    state = tripdesigner_kernel.kernel_state()
    run(shell, capsys, "%tripchat Plan 2 days in Rome in May")
    current = state.current_session_id
    assert current is not None
    state.export_session(current, tmp_path / "in.json")
    DAMAGES[kind](path, state)
    damaged = path.read_bytes()
    raw, seen = [], []
    for command in COMMANDS:
        out, error = run(shell, capsys, command.format(current=current, tmp=tmp_path))
        if not is_clean(out, error):
            raw.append((command, type(error).__name__, out[-300:]))
        seen.append(f"  {command} -> {(str(error) if error else out).strip()}")
    with capsys.disabled():
        print(f"\n{kind}: {len(COMMANDS)} commands, {len(raw)} raw tracebacks")
    assert raw == []
    if kind in ("garbage pages", "truncated"):  # found damaged: never written again
        assert state.storage.name == "memory" and "now keeps sessions in memory" in seen[0]
        del state  # drop the kernel's last hold on the damaged file's connection
        import gc

        gc.collect()
        assert path.read_bytes() == damaged
        state = tripdesigner_kernel.kernel_state()
    holder = getattr(state, "_lock_holder", None)
    if holder is not None:
        holder.execute("ROLLBACK")
        holder.close()
    out, error = run(shell, capsys, "%tripchat storage memory")  # the kernel carries on
    assert error is None
    out, error = run(shell, capsys, "%tripchat Plan 2 days in Lisbon in May")
    assert error is None and "2 days in Lisbon" in out


def test_a_failed_write_leaves_the_file_untouched(shell, capsys, tmp_path: Path) -> None:
    path = tmp_path / "full.sqlite3"
    filled_file(path)
    run(shell, capsys, f"%tripchat storage sqlite {path}")
    state = tripdesigner_kernel.kernel_state()
    DAMAGES["disk full"](path, state)
    before = path.read_bytes()
    out, error = run(shell, capsys, "%tripchat Plan 4 days in Kyoto in April")
    assert "disk is full" in out and "nothing was saved" in out and is_clean(out, error)
    assert path.read_bytes() == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_a_read_only_folder_is_one_clear_line(shell, capsys, tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "s.sqlite3"
    filled_file(path)
    folder.chmod(0o555)
    path.chmod(0o444)
    try:
        out, error = run(shell, capsys, f"%tripchat storage sqlite {path}")
        out2, error2 = run(shell, capsys, "%tripchat Plan 2 days in Rome in May")
    finally:
        folder.chmod(0o755)
        path.chmod(0o644)
    assert is_clean(out, error) and is_clean(out2, error2)


# Item 2: switching stores never drops sessions ---------------------------------------------


def test_switching_away_from_memory_and_back_keeps_its_sessions(
    shell, capsys, tmp_path: Path
) -> None:
    run(shell, capsys, "%tripchat storage memory")
    run(shell, capsys, "%tripchat Plan 3 days in Rome in May")
    run(shell, capsys, "%tripchat new")
    run(shell, capsys, "%tripchat Plan 2 days in Paris in June")
    out, _ = run(shell, capsys, f"%tripchat storage sqlite {tmp_path / 'other.sqlite3'}")
    assert "2 session(s) in memory stay there" in out and "`%tripchat storage memory`" in out
    out, _ = run(shell, capsys, "%tripchat storage memory")
    state = tripdesigner_kernel.kernel_state()
    assert sorted(s.title for s in state.sessions.list()) == ["2 days in Paris", "3 days in Rome"]


def test_switching_away_from_sqlite_says_how_to_get_back(shell, capsys, tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    run(shell, capsys, f"%tripchat storage sqlite {path}")
    run(shell, capsys, "%tripchat Plan 3 days in Rome in May")
    out, _ = run(shell, capsys, "%tripchat storage memory")
    assert f"`%tripchat storage sqlite {path}` brings them back" in out
    out, _ = run(shell, capsys, f"%tripchat storage sqlite {path}")
    assert tripdesigner_kernel.kernel_state().sessions.list()[0].title == "3 days in Rome"


def test_copy_brings_sessions_along(shell, capsys, tmp_path: Path) -> None:
    run(shell, capsys, "%tripchat storage memory")
    run(shell, capsys, "%tripchat Plan 3 days in Rome in May")
    out, _ = run(shell, capsys, f"%tripchat storage sqlite {tmp_path / 'b.sqlite3'} --copy")
    assert "1 copied" in out and "stay there" not in out


# Item 5 (issue 13): history kept by default ---------------------------------------------------


def test_history_is_kept_in_the_data_directory_by_default(bare_shell, capsys, tmp_path) -> None:
    home = Path(os.environ["TRIPDESIGNER_HOME"])
    bare_shell.run_line_magic("load_ext", "tripdesigner_kernel")
    out, _ = capsys.readouterr()
    assert out == ""  # the default store opens quietly
    state = tripdesigner_kernel.kernel_state()
    assert state.storage.name == "sqlite" and (home / "sessions.sqlite3").exists()
    bare_shell.run_cell("%tripchat storage")
    out, _ = capsys.readouterr()
    assert out.startswith("Sessions live in the SQLite file") and "<" not in out


def test_memory_is_one_setting_away(bare_shell, capsys, monkeypatch) -> None:
    monkeypatch.setenv("TRIPDESIGNER_STORAGE", "memory")
    bare_shell.run_line_magic("load_ext", "tripdesigner_kernel")
    state = tripdesigner_kernel.kernel_state()
    assert state.storage.name == "memory" and state.settings.storage == "memory"
    bare_shell.run_cell("%tripchat storage")
    out, _ = capsys.readouterr()
    assert "Sessions live in memory (lost when the kernel stops): 0 session(s)." in out


def test_a_restart_carries_on_with_the_last_active_session(bare_shell, capsys) -> None:
    state = KernelState()
    state.use_storage("sqlite")
    state.chat("Plan 3 days in Rome in May")
    latest = state.new_session()
    state.chat("Plan 2 days in Paris in June")
    state.storage.close()
    bare_shell.run_line_magic("load_ext", "tripdesigner_kernel")  # a new kernel, same home
    assert tripdesigner_kernel.kernel_state().current_session_id == latest


def test_a_session_is_stored_only_once_it_has_a_message(bare_shell, capsys) -> None:
    from tripdesigner_kernel.sessions.locations import DEFAULT_FILE, data_dir

    bare_shell.run_line_magic("load_ext", "tripdesigner_kernel")
    for _ in range(3):
        bare_shell.run_cell("%tripchat new")
    state = tripdesigner_kernel.kernel_state()
    state.new_session("Named but empty")
    store = SQLiteSessionStorage(data_dir() / DEFAULT_FILE)
    assert store.list() == []
    bare_shell.run_cell("%tripchat Plan 2 days in Rome in May")  # into the current session
    assert [(row["title"], row["message_count"]) for row in store.list()] == [
        ("Named but empty", 2)
    ]


MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
server:/export/home /home nfs4 rw,relatime 0 0
//nas/share /mnt/share cifs rw 0 0
/dev/sdb1 /home/local ext4 rw 0 0
"""


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/home/ada/.local/share/tripdesigner/sessions.sqlite3", "nfs4"),
        ("/mnt/share/s.sqlite3", "cifs"),
        ("/home/local/s.sqlite3", None),  # a local disk mounted inside a network home
        ("/tmp/s.sqlite3", None),
        ("/home", "nfs4"),
    ],
)
def test_network_file_systems_are_recognised(path: str, expected: str | None) -> None:
    assert network_filesystem(path, MOUNTS) == expected


def test_a_store_on_a_network_file_system_is_named_once(tmp_path: Path, monkeypatch) -> None:
    import tripdesigner_kernel.sessions.locations as locations

    monkeypatch.setattr(locations, "MOUNTS_FILE", str(tmp_path / "mounts"))
    (tmp_path / "mounts").write_text(f"server:/x {tmp_path} nfs rw 0 0\n")
    state = KernelState()
    first = state.use_storage(f"sqlite:///{tmp_path / 's.sqlite3'}")
    assert "network file system (nfs)" in first and "local disk" in first
    state.use_storage("memory")
    again = state.use_storage(f"sqlite:///{tmp_path / 's.sqlite3'}")
    assert "network file system" not in again


def test_opening_the_widget_stores_no_empty_session(shell, capsys) -> None:
    from tripdesigner_kernel.sessions.locations import DEFAULT_FILE, data_dir
    from tripdesigner_kernel.ui.widget import ChatWidget

    for _ in range(3):
        run(shell, capsys, "%tripchat widget")
    store = SQLiteSessionStorage(data_dir() / DEFAULT_FILE)
    assert store.list() == []
    state = tripdesigner_kernel.kernel_state()
    assert len(state.sessions) == 1  # one pending session, shown by every widget
    widget = ChatWidget(None, state)
    widget.input.value = "Plan 2 days in Rome in May"
    widget.send_button.click()
    assert widget.wait(60)  # the widget's turn runs on a worker thread
    assert [(row["title"], row["message_count"]) for row in store.list()] == [("2 days in Rome", 2)]


def test_a_default_home_on_a_network_file_system_is_named_at_load(
    bare_shell, capsys, tmp_path: Path, monkeypatch
) -> None:
    import tripdesigner_kernel.sessions.locations as locations

    home = Path(os.environ["TRIPDESIGNER_HOME"])
    monkeypatch.setattr(locations, "MOUNTS_FILE", str(tmp_path / "mounts"))
    (tmp_path / "mounts").write_text(f"/dev/sda1 / ext4 rw 0 0\nnas:/home {home} nfs4 rw 0 0\n")
    bare_shell.run_line_magic("load_ext", "tripdesigner_kernel")
    _out, err = capsys.readouterr()
    assert err.count("network file system (nfs4)") == 1 and "local disk" in err
    assert tripdesigner_kernel.kernel_state().storage.name == "sqlite"  # said, not refused
