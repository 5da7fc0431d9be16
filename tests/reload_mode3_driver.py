"""One ``%autoreload 3`` scenario in a fresh process (see test_reload_mode3.py).

Usage: ``python reload_mode3_driver.py ROOT``. ROOT holds a copy of the package;
this script edits its pydantic modules and the designer error's module on disk, as
a person would in an editor, and prints one JSON object with what happened.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
from pathlib import Path

ROOT = Path(sys.argv[1])
sys.path.insert(0, str(ROOT))

from IPython.core.interactiveshell import InteractiveShell  # noqa: E402
from traitlets.config import Config  # noqa: E402

EDITED = [  # pydantic models, the designer error's class, and the client that raises it
    "trip/model.py",
    "trip/tools.py",
    "designers/base.py",
    "designers/llm/client.py",
    "designers/llm/designer.py",
]
CATCH = (
    "import tripdesigner_kernel as td\n"
    "try:\n    td.kernel_state().chat('hello')\n"
    "except Exception as error:\n    caught.append([type(error).__name__, str(error)])"
)


def main() -> None:
    shell = InteractiveShell.instance(config=Config({"HistoryManager": {"enabled": False}}))
    output = io.StringIO()

    def cell(code: str) -> None:
        with contextlib.redirect_stdout(output), contextlib.redirect_stderr(output):
            result = shell.run_cell(code)
        if result.error_before_exec or result.error_in_exec:
            output.write(f"\nCELL ERROR: {result.error_before_exec or result.error_in_exec!r}\n")

    cassette = ROOT / "other.cassette.json"  # a recording of another conversation
    exchange = {"request": {"model": "m", "messages": []}, "chunks": []}
    cassette.write_text(json.dumps({"format": "tripdesigner.cassette/1", "exchanges": [exchange]}))
    shell.user_ns["caught"] = []
    for line in ("%load_ext autoreload", "%autoreload 3", "%load_ext tripdesigner_kernel"):
        cell(line)
    cell("%tripchat Plan 3 days in Lisbon in May")
    first = shell._tripdesigner_state.current_session_id
    cell(f"%tripchat designer openai --model m --replay {cassette}")
    cell("%tripchat new --title replayed")
    for relative in EDITED:
        path = ROOT / "tripdesigner_kernel" / relative
        before = path.stat().st_mtime_ns
        path.write_text(path.read_text(encoding="utf-8") + "\nEDITED_MARKER = 1\n")
        os.utime(path, ns=(before + 2_000_000_000, before + 2_000_000_000))
    cell("x = 1")
    cell(CATCH)  # the replay differs: an error raised inside the turn
    cell(f"%tripchat designer openai --model m --replay {ROOT / 'missing.json'}")
    cell(CATCH)  # no cassette: an error raised while building the designer
    cell("%tripchat designer offline")
    cell(f"%tripchat use {first}")
    cell("%tripchat make it 4 days")
    modules = ["tripdesigner_kernel." + r[:-3].replace("/", ".") for r in EDITED]
    state = shell._tripdesigner_state
    print(json.dumps({
        "output": output.getvalue(),
        "caught": shell.user_ns["caught"],
        "reloaded": {name: hasattr(sys.modules[name], "EDITED_MARKER") for name in modules},
        "messages": {s.id: s.message_count for s in state.sessions.list()},
        "first": first,
    }))  # fmt: skip


if __name__ == "__main__":
    main()
