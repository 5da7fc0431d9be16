"""Storage, session files, forks and exports through `%tripchat`, as a person uses them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from IPython.core.error import UsageError

import tripdesigner_kernel


def run(shell, capsys, cell: str) -> tuple[str, object]:
    result = shell.run_cell(cell)
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return out + err, result.error_in_exec


def test_switch_to_sqlite_with_copy_and_back(shell, capsys, tmp_path: Path) -> None:
    run(shell, capsys, "%tripchat 3 days in Rome in May")
    path = tmp_path / "s.sqlite3"
    out, error = run(shell, capsys, f"%tripchat storage sqlite {path} --copy")
    assert error is None and "1 copied" in out
    state = tripdesigner_kernel.kernel_state()
    assert state.storage.name == "sqlite" and len(state.sessions) == 1
    assert state.settings.storage == f"sqlite:///{path}"
    run(shell, capsys, "%tripchat add a day")
    out, _ = run(shell, capsys, "%tripchat storage")
    assert "1 session" in out
    out, _ = run(shell, capsys, "%tripchat storage memory")
    assert len(state.sessions) == 0 and state.storage.name == "memory"
    run(shell, capsys, f"%tripchat storage sqlite {path}")
    assert state.sessions.list()[0].message_count == 4


def test_config_and_environment_choose_the_store(bare_shell, capsys, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("TRIPDESIGNER_HOME", str(tmp_path))
    monkeypatch.setenv("TRIPDESIGNER_STORAGE", "sqlite")
    bare_shell.run_line_magic("load_ext", "tripdesigner_kernel")
    state = tripdesigner_kernel.kernel_state()
    assert state.storage.name == "sqlite" and (tmp_path / "sessions.sqlite3").exists()
    bare_shell.run_cell("%config TripDesigner.storage = 'memory'")
    assert state.storage.name == "memory"
    bare_shell.run_cell(
        "%config TripDesigner.storage = 'sqlite:///" + str(tmp_path / "x" / "y.db") + "'"
    )
    assert state.storage.name == "sqlite"


def test_a_bad_store_keeps_the_kernel_in_memory(bare_shell, capsys, tmp_path, monkeypatch) -> None:
    bad = tmp_path / "bad.sqlite3"
    bad.write_text("garbage" * 50)
    monkeypatch.setenv("TRIPDESIGNER_STORAGE", f"sqlite:///{bad}")
    bare_shell.run_line_magic("load_ext", "tripdesigner_kernel")
    _out, err = capsys.readouterr()
    assert "not a usable session database" in err and "stay in memory" in err
    state = tripdesigner_kernel.kernel_state()
    assert state.storage.name == "memory" and state.settings.storage == "memory"
    assert bad.read_text() == "garbage" * 50


def test_export_import_and_fork_sessions(shell, capsys, tmp_path: Path, monkeypatch) -> None:
    secret = "sk-secret-for-export-test"
    monkeypatch.setattr("getpass.getpass", lambda prompt="": secret)
    run(shell, capsys, "%tripchat key")
    run(shell, capsys, "%tripchat 2 days in Paris in June")
    state = tripdesigner_kernel.kernel_state()
    original = state.current_session_id
    path = tmp_path / "session.json"
    out, error = run(shell, capsys, f"%tripchat export-session {original} {path}")
    assert error is None and path.exists()
    text = path.read_text()
    assert secret not in text and json.loads(text)["format"] == "tripdesigner.session/1"
    out, error = run(shell, capsys, f"%tripchat import-session {path}")
    assert error is None
    imported = out.split("Imported session ")[1].split(".")[0]
    assert imported != original  # the id was taken, so it got a new one
    assert state.sessions.get(imported).messages == state.sessions.get(original).messages
    out, _ = run(shell, capsys, "%tripchat fork")
    fork = state.current_session_id
    assert fork not in (original, imported) and state.sessions.get(fork).title.endswith("(fork)")
    run(shell, capsys, "%tripchat add a day")
    assert state.sessions.get(original).message_count == 2  # the original is untouched


@pytest.mark.parametrize("fmt", ["ics", "geojson", "md", "json"])
def test_export_itinerary_files(shell, capsys, tmp_path: Path, fmt: str) -> None:
    run(shell, capsys, "%tripchat 2 days in Lisbon in May")
    path = tmp_path / f"trip.{fmt}"
    _out, error = run(shell, capsys, f"%tripchat export {fmt} {path}")
    assert error is None and path.stat().st_size > 100


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("%tripchat import-session /nonexistent/file.json", "Cannot read"),
        ("%tripchat export ics /nonexistent/dir/trip.ics", "No current session"),
        ("%tripchat export pdf trip.pdf", "invalid choice"),
        ("%tripchat storage postgres", "invalid choice"),
        ("%tripchat storage memory /tmp/x", "takes no path"),
        ("%tripchat fork", "No current session"),
        ("%tripchat export-session nope x.json", "No session 'nope'"),
    ],
)
def test_mistakes_are_usage_errors(shell, capsys, line: str, message: str) -> None:
    _out, error = run(shell, capsys, line)
    assert isinstance(error, UsageError) and message in str(error)


def test_a_file_that_is_not_a_session_is_refused(shell, capsys, tmp_path: Path) -> None:
    path = tmp_path / "not-a-session.json"
    path.write_text('{"hello": 1}')
    _, error = run(shell, capsys, f"%tripchat import-session {path}")
    assert isinstance(error, UsageError) and "not a session file" in str(error)
    run(shell, capsys, "%tripchat 2 days in Rome")
    _, error = run(shell, capsys, "%tripchat export ics /nonexistent/dir/trip.ics")
    assert isinstance(error, UsageError) and "Cannot write" in str(error)
