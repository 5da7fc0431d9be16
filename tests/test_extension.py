"""The extension's lifecycle, in a real InteractiveShell."""

from __future__ import annotations

import os
import sys
import textwrap
from pathlib import Path

import tripdesigner_kernel
from tripdesigner_kernel.designers.registry import registry


def callbacks(shell, event: str) -> list:
    """Our callbacks registered for ``event``."""
    return [
        c
        for c in shell.events.callbacks[event]
        if type(getattr(c, "__self__", None)).__name__ == "ReloadGuard"
    ]


def test_load_is_idempotent_and_the_guard_runs_first(bare_shell) -> None:
    bare_shell.run_line_magic("load_ext", "autoreload")
    bare_shell.run_line_magic("load_ext", "tripdesigner_kernel")
    bare_shell.run_line_magic("load_ext", "tripdesigner_kernel")
    tripdesigner_kernel.load_ipython_extension(bare_shell)  # even called directly
    assert len(callbacks(bare_shell, "pre_run_cell")) == 1
    assert len(callbacks(bare_shell, "post_execute")) == 1
    first = bare_shell.events.callbacks["pre_run_cell"][0]
    assert first.__self__.__class__.__name__ == "ReloadGuard"  # before autoreload's
    assert "tripchat" in bare_shell.magics_manager.magics["line"]
    assert "tripchat" in bare_shell.magics_manager.magics["cell"]


def test_unload_removes_everything_it_added(bare_shell) -> None:
    transformers = list(bare_shell.input_transformers_cleanup)
    bare_shell.run_line_magic("load_ext", "tripdesigner_kernel")
    bare_shell.run_line_magic("unload_ext", "tripdesigner_kernel")
    assert callbacks(bare_shell, "pre_run_cell") == callbacks(bare_shell, "post_execute") == []
    assert "tripchat" not in bare_shell.magics_manager.magics["line"]
    assert "tripchat" not in bare_shell.magics_manager.magics["cell"]
    assert bare_shell.input_transformers_cleanup == transformers
    assert not [c for c in bare_shell.configurables if type(c).__name__ == "TripDesigner"]


def test_reload_ext_and_reset_keep_every_session(shell, capsys) -> None:
    shell.run_cell("%tripchat 3 days in Porto in June")
    shell.run_cell("%tripchat new")
    shell.run_line_magic("reload_ext", "tripdesigner_kernel")
    shell.run_cell("%reset -f")
    assert len(callbacks(shell, "pre_run_cell")) == 1
    result = shell.run_cell("%tripchat 2 days in Rome")
    assert result.error_in_exec is None
    counts = sorted(s.message_count for s in tripdesigner_kernel.kernel_state().sessions.list())
    assert counts == [2, 2]


def test_config_sets_today(shell, capsys) -> None:
    shell.run_cell("%config TripDesigner.today = '2027-01-10'")
    shell.run_cell("%tripchat 3 days in Lisbon next month")
    out = capsys.readouterr().out
    assert "Feb 2027" in out


def test_a_watched_user_designer_plugin_is_reloaded(
    shell, capsys, tmp_path: Path, monkeypatch
) -> None:
    plugin = tmp_path / "my_designer.py"
    plugin.write_text(
        textwrap.dedent("""
        from tripdesigner_kernel.designers.base import DesignResult

        class Mine:
            name = "mine"
            def __init__(self, settings=None, api_key=None):
                pass
            def respond(self, request):
                return DesignResult(reply="version one", itinerary=request.itinerary)
            def close(self):
                pass
    """)
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    shell.run_cell("%load_ext autoreload\n")
    shell.run_cell("%autoreload 2")
    shell.run_cell("import my_designer, tripdesigner_kernel.designers.registry as r")
    registry.register("mine", lambda settings, key: sys.modules["my_designer"].Mine(settings, key))
    shell.run_cell("%tripchat watch my_designer")
    shell.run_cell("%tripchat designer mine")
    shell.run_cell("%tripchat hello")
    assert "version one" in capsys.readouterr().out
    before = plugin.stat().st_mtime_ns
    plugin.write_text(plugin.read_text().replace("version one", "version two"))
    os.utime(plugin, ns=(before + 2_000_000_000,) * 2)
    shell.run_cell("x = 1")
    out = capsys.readouterr().out
    assert "service code changed: cleared 1 cached service(s), 1 session(s) preserved" in out
    shell.run_cell("%tripchat hello again")
    assert "version two" in capsys.readouterr().out
    assert tripdesigner_kernel.kernel_state().sessions.list()[0].message_count == 4


def test_check_for_reload_runs_the_guard_without_a_cell(shell, capsys, tmp_path: Path) -> None:
    """What a widget click calls: no pre_run_cell fires, the guard must still run."""
    state = tripdesigner_kernel.kernel_state()
    state.chat("2 days in Paris")
    assert len(state.services) == 1
    service_file = Path(sys.modules["tripdesigner_kernel.service"].__file__)
    state.guard._mtimes["tripdesigner_kernel.service"] = (str(service_file), 0)  # as if edited
    tripdesigner_kernel.check_for_reload()
    assert "cleared 1 cached service(s), 1 session(s) preserved" in capsys.readouterr().out
    assert len(state.services) == 0 and len(state.sessions) == 1
