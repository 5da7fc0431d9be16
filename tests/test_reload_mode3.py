"""Reloads that change no code stay quiet; ``%autoreload 3`` survives our pydantic modules.

Real shells, real files edited on disk (see reload_driver.py for the matrix).
"""

from __future__ import annotations

import os
import sys
import textwrap
from pathlib import Path

import pytest

from tripdesigner_kernel.designers.registry import registry

CHANGED = "service code changed"


def _plugin(tmp_path: Path, reply: str) -> Path:
    plugin = tmp_path / "quiet_designer.py"
    plugin.write_text(
        textwrap.dedent(f"""
        from tripdesigner_kernel.designers.base import DesignResult

        class Quiet:
            name = "quiet"
            def __init__(self, settings=None, api_key=None):
                pass
            def respond(self, request):
                return DesignResult(reply={reply!r}, itinerary=request.itinerary)
            def close(self):
                pass
    """)
    )
    return plugin


def test_reload_ext_without_an_edit_reports_nothing(shell, capsys) -> None:
    shell.run_cell("%tripchat 3 days in Porto in June")
    shell.run_line_magic("reload_ext", "tripdesigner_kernel")
    shell.run_cell("x = 1")
    shell.run_cell("%tripchat make it 4 days")
    out = capsys.readouterr().out
    assert CHANGED not in out and "4 days in Porto" in out


def test_a_reload_reports_only_when_the_file_changed(
    shell, capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plugin = _plugin(tmp_path, "version one")
    monkeypatch.syspath_prepend(str(tmp_path))
    shell.run_cell("import importlib, quiet_designer")
    registry.register("quiet", lambda s, k: sys.modules["quiet_designer"].Quiet(s, k))
    shell.run_cell("%tripchat watch quiet_designer")
    shell.run_cell("%tripchat designer quiet")
    shell.run_cell("%tripchat hello")
    shell.run_cell("importlib.reload(quiet_designer)")  # the same file: no code changed
    shell.run_cell("%tripchat hello again")
    out = capsys.readouterr().out
    assert CHANGED not in out and out.count("version one") == 2
    # An edit the guard has already seen, loaded later by hand: the service is rebuilt.
    before = plugin.stat().st_mtime_ns
    plugin.write_text(plugin.read_text().replace("version one", "version two"))
    os.utime(plugin, ns=(before + 2_000_000_000,) * 2)
    shell.run_cell("x = 1")
    shell.run_cell("%tripchat still old code")
    assert "version one" in capsys.readouterr().out
    shell.run_cell("importlib.reload(quiet_designer)")
    shell.run_cell("%tripchat hello from the new code")
    out = capsys.readouterr().out
    assert CHANGED in out and "version two" in out


def test_autoreload_3_reloads_model_modules_quietly_and_errors_stay_turn_errors(
    tmp_path: Path,
) -> None:
    import json
    import shutil
    import subprocess

    import tripdesigner_kernel

    package = Path(tripdesigner_kernel.__file__).parent
    shutil.copytree(
        package, tmp_path / "tripdesigner_kernel", ignore=shutil.ignore_patterns("__pycache__")
    )
    env = {**os.environ, "TRIPDESIGNER_TODAY": "2026-11-24", "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("reload_mode3_driver.py")), str(tmp_path)],
        capture_output=True, text=True, env=env, timeout=180, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    output = result["output"]
    assert "autoreload of" not in output and "Failed to reload" not in output, output
    assert "CELL ERROR" not in output and "Traceback" not in output, output
    assert output.count(CHANGED) == 1  # one edit session, reported once
    assert all(result["reloaded"].values()), result["reloaded"]
    kinds = [kind for kind, _ in result["caught"]]
    assert kinds == ["TurnError", "TurnError"], result["caught"]
    replayed, missing = (message for _, message in result["caught"])
    assert (
        replayed.startswith("Replay of other.cassette.json") and "designer failed" not in replayed
    )
    assert "Cannot read the cassette" in missing
    assert "4 days in Lisbon" in output
    assert result["messages"][result["first"]] == 4
