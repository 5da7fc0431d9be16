"""Which session store a setting names: ``memory``, ``sqlite`` or ``sqlite:///PATH``."""

from __future__ import annotations

import os
from pathlib import Path

HOME_ENV = "TRIPDESIGNER_HOME"
STORAGE_ENV = "TRIPDESIGNER_STORAGE"
DEFAULT_FILE = "sessions.sqlite3"


def data_dir() -> Path:
    """$TRIPDESIGNER_HOME, else the user's data directory for the app."""
    home = os.environ.get(HOME_ENV)
    if home:
        return Path(home).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("tripdesigner", appauthor=False))


def parse_storage(spec: str) -> tuple[str, Path | None]:
    """``("memory", None)`` or ``("sqlite", path)``; ValueError for anything else."""
    text = spec.strip()
    if text in ("", "memory"):
        return "memory", None
    if text == "sqlite":
        return "sqlite", data_dir() / DEFAULT_FILE
    if text.startswith("sqlite:///"):
        return "sqlite", Path(text[len("sqlite:///") :]).expanduser()
    raise ValueError(
        f"Unknown storage {spec!r}: use 'memory', 'sqlite' (the default file) or 'sqlite:///PATH'."
    )
