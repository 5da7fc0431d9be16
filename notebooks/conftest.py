"""nbval runs each notebook in a fresh kernel: give each one a fresh temporary home.

Sessions are kept in SQLite in the user's data directory by default, and a restarted kernel
carries on with the last active session. A test run must never write to the real home, and
one notebook must not carry on another's session, so each notebook gets its own home.
"""

from __future__ import annotations

import os
import tempfile

import pytest

_homes: dict[str, str] = {}


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """Set the home before nbval starts the notebook's kernel (in its file's setup)."""
    notebook = str(item.path)
    if notebook not in _homes:
        _homes[notebook] = tempfile.mkdtemp(prefix="tripdesigner-nbval-")
    os.environ["TRIPDESIGNER_HOME"] = _homes[notebook]
