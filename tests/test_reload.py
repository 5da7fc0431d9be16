"""Sessions survive every kind of code reload: the seed bug, and the whole matrix.

Each case runs in a fresh process on a copy of the package that is edited on
disk, in a real InteractiveShell with IPython's autoreload.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import tripdesigner_kernel

DRIVER = Path(__file__).with_name("reload_driver.py")
PACKAGE = Path(tripdesigner_kernel.__file__).parent
GUARD_LINE = (
    "[tripdesigner] service code changed: cleared 1 cached service(s), 2 session(s) preserved"
)
MODES = ["off", "1", "2", "2-", "3", "importlib"]
EDITS = ["service_method", "service_toplevel", "kernel", "storage", "model"]


def run_case(tmp_path: Path, mode: str, edit: str) -> dict:
    shutil.copytree(
        PACKAGE, tmp_path / "tripdesigner_kernel", ignore=shutil.ignore_patterns("__pycache__")
    )
    env = {**os.environ, "TRIPDESIGNER_TODAY": "2026-11-24", "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run(
        [sys.executable, str(DRIVER), str(tmp_path), mode, edit],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("edit", EDITS)
@pytest.mark.parametrize("mode", MODES)
def test_no_session_or_message_is_lost(tmp_path: Path, mode: str, edit: str) -> None:
    result = run_case(tmp_path, mode, edit)
    assert result["errors"] == [], result["all_output"]
    assert "not found" not in result["all_output"].lower()
    sessions = result["sessions"]
    assert len(sessions) == 2
    assert sessions[result["first"]] == 4  # both turns of the first session kept
    assert sorted(sessions.values()) == [2, 4]
    assert GUARD_LINE in result["guard_output"]
    assert "4 days in Lisbon" in result["reply"]
    if mode != "off" and edit != "service_method":  # that edit shows in the reply instead
        assert result["reloaded"], "the edited module should have been reloaded"


@pytest.mark.parametrize("mode", ["1", "2", "2-", "3", "importlib"])
def test_seed_scenario_the_new_code_answers(tmp_path: Path, mode: str) -> None:
    """The web app's bug: edit the service, send again: no 'session not found', new code."""
    result = run_case(tmp_path, mode, "service_method")
    assert result["errors"] == []
    assert "[edited]" in result["reply"]
    assert result["sessions"][result["first"]] == 4
