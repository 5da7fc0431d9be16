"""Run one cell of the survival matrix in a fresh process (see test_reload.py).

Usage: ``python reload_driver.py ROOT MODE EDIT``. ROOT holds a copy of the
package that this script edits on disk, as a person would in an editor.
Prints one JSON object with what happened.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
from pathlib import Path

ROOT, MODE, EDIT = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
sys.path.insert(0, str(ROOT))

from IPython.core.interactiveshell import InteractiveShell  # noqa: E402
from traitlets.config import Config  # noqa: E402

PACKAGE = ROOT / "tripdesigner_kernel"
# ruff: noqa: E501
EDITS = {
    # edit name: (module, file, [(old, new)], text appended)
    "service_method": (
        "tripdesigner_kernel.service", "service.py",
        [("return TurnResult(work, result.reply, question, itinerary)",
          "return TurnResult(work, result.reply + ' [edited]', question, itinerary)")], ""),
    "service_toplevel": ("tripdesigner_kernel.service", "service.py", [], "\nEDITED_MARKER = 'top-level'\n"),
    "kernel": (
        "tripdesigner_kernel.kernel", "kernel.py",
        [('f"<KernelState designer=', 'f"<KernelState (edited) designer=')], "\nEDITED_MARKER = 1\n"),
    "storage": (
        "tripdesigner_kernel.sessions.storage", "sessions/storage.py",
        [('f"<InMemorySessionStorage:', 'f"<InMemorySessionStorage (edited):')], "\nEDITED_MARKER = 1\n"),
    "model": (
        "tripdesigner_kernel.trip.model", "trip/model.py",
        [("    city: str | None = None\n", "    city: str | None = None\n    note: str | None = None\n")],
        "\nEDITED_MARKER = 1\n"),
}  # fmt: skip


def run(shell: InteractiveShell, cell: str) -> tuple[str, str | None]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        result = shell.run_cell(cell)
    error = result.error_in_exec or result.error_before_exec
    return out.getvalue(), (f"{type(error).__name__}: {error}" if error else None)


def edit_on_disk(relative: str, replacements: list[tuple[str, str]], appended: str) -> None:
    path = PACKAGE / relative
    text = path.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, f"edit target not found in {relative}: {old!r}"
        text = text.replace(old, new)
    before = path.stat().st_mtime_ns
    path.write_text(text + appended, encoding="utf-8")
    os.utime(path, ns=(before + 2_000_000_000, before + 2_000_000_000))  # beat coarse clocks


def main() -> None:
    config = Config()
    config.HistoryManager.enabled = False
    shell = InteractiveShell.instance(config=config)
    module, relative, replacements, appended = EDITS[EDIT]
    outputs, errors = [], []

    def cell(code: str) -> str:
        out, error = run(shell, code)
        outputs.append(out)
        if error:
            errors.append(error)
        return out

    if MODE not in ("off", "importlib"):
        cell("%load_ext autoreload")
        cell(f"%autoreload {MODE}")
    cell("%load_ext tripdesigner_kernel")
    if MODE == "1":
        cell(f"%aimport {module}")
    cell("%tripchat Plan 3 days in Lisbon in May")
    cell(
        "import tripdesigner_kernel; first = tripdesigner_kernel.kernel_state().current_session_id"
    )
    cell("%tripchat new --title second")
    cell("%tripchat 2 days in Rome in June")
    cell("%tripchat use {first}".replace("{first}", shell.user_ns["first"]))
    edit_on_disk(relative, replacements, appended)
    guard_output = cell("x = 1")
    if MODE == "importlib":
        guard_output += cell(f"import importlib, sys; importlib.reload(sys.modules[{module!r}])")
    reply = cell("%tripchat make it 4 days")
    state = shell._tripdesigner_state  # what the next message will use
    sessions = {s.id: s.message_count for s in state.sessions.list()}
    edited_module = sys.modules[module]
    print(json.dumps({
        "errors": errors,
        "sessions": sessions,
        "first": shell.user_ns["first"],
        "guard_output": guard_output,
        "reply": reply,
        "reloaded": hasattr(edited_module, "EDITED_MARKER"),
        "all_output": "".join(outputs),
    }))  # fmt: skip


if __name__ == "__main__":
    main()
