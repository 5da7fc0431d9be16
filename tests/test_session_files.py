"""Session files and exports on real files: bad paths, links, and files with wrong shapes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from IPython.core.error import UsageError

import tripdesigner_kernel


def run(shell, capsys, line: str) -> tuple[str, BaseException | None]:
    result = shell.run_cell(line)
    out, err = capsys.readouterr()
    return out + err, result.error_in_exec or result.error_before_exec


@pytest.fixture
def planned(shell, capsys):
    run(shell, capsys, "%tripchat 3 days in Lisbon in May")
    return tripdesigner_kernel.kernel_state().current_session_id


@pytest.mark.parametrize("command", ["export md {path}", "export-session {sid} {path}"])
def test_unwritable_paths_are_one_clear_line(shell, capsys, tmp_path: Path, planned, command):
    regular = tmp_path / "FILE"
    regular.write_text("keep me")
    cases = {
        str(regular / "x.json"): "Not a directory",
        str(tmp_path / ("n" * 300 + ".json")): "File name too long",
        str(tmp_path / "missing" / "x.json"): "No such file or directory",
        str(tmp_path): "it is a folder",
    }
    for path, reason in cases.items():
        out, error = run(shell, capsys, "%tripchat " + command.format(sid=planned, path=path))
        assert isinstance(error, UsageError), out
        assert reason in str(error) and "Traceback" not in out
    assert regular.read_text() == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["FILE"]  # no partial file left


@pytest.mark.parametrize("command", ["export md {path}", "export-session {sid} {path}"])
def test_a_link_is_written_through_and_stays_a_link(
    shell, capsys, tmp_path: Path, planned, command
) -> None:
    real = tmp_path / "real.txt"
    real.write_text("old")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    out, error = run(shell, capsys, "%tripchat " + command.format(sid=planned, path=link))
    assert error is None, out
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert "Lisbon" in real.read_text()


def test_a_superscript_digit_while_a_question_is_pending(shell, capsys) -> None:
    out, error = run(shell, capsys, "%tripchat Somewhere warm in February?")
    assert error is None and "1. " in out
    for answer in ("²", "³", "9" * 5000, "0"):
        out, error = run(shell, capsys, f"%tripchat {answer}")
        assert isinstance(error, UsageError), (answer[:10], out)
        assert "Choose a number from 1 to" in str(error)
    out, error = run(shell, capsys, "%tripchat 2")
    assert error is None and "days in" in out


def test_the_cli_into_a_closed_pipe_exits_quietly() -> None:
    """``python -m tripdesigner_kernel chat ... | head -c 1``: the reader is gone."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader has already stopped: every write gets EPIPE
    try:
        done = subprocess.run(
            [sys.executable, "-m", "tripdesigner_kernel", "chat", "--today", "2026-11-24",
             "5 days in Rome in May"],
            stdout=write_end, stderr=subprocess.PIPE, text=True, timeout=120, check=False,
        )  # fmt: skip
    finally:
        os.close(write_end)
    assert done.stderr == "" and done.returncode == 1


def _session_file(tmp_path: Path, shell, capsys, planned) -> dict:
    path = tmp_path / "s.json"
    run(shell, capsys, f"%tripchat export-session {planned} {path}")
    return json.loads(path.read_text())
