"""A person's files, read and written whole: exports and session files.

A write goes to a hidden temporary file beside the target and then replaces it, so a
failure never leaves half a file. A symbolic link is written through: the file it
points to is replaced and the link stays a link. Every failure is a ValueError with
a line a person can act on; nothing raises from the cleanup.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

MAX_READ_BYTES = 64 * 1024 * 1024  # a session file is far smaller; refuse to load a disk image


def _shown(path: Path) -> str:
    text = str(path)
    return text if len(text) <= 120 else f"{text[:60]}...{text[-40:]}"


def write_text(path: str | os.PathLike[str], text: str) -> Path:
    """Write ``text`` (UTF-8) to ``path`` whole; the path written (a link's target).

    Raises ValueError when the file cannot be written (no such folder, a file where
    a folder should be, a name too long, no permission); the target is then untouched.
    """
    target = Path(path).expanduser()
    partial: Path | None = None
    try:
        if target.is_symlink():
            target = Path(os.path.realpath(target))
        if target.is_dir():
            raise IsADirectoryError(0, "it is a folder; give a file name")
        partial = target.parent / f".{secrets.token_hex(6)}.partial"
        with open(partial, "x", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(partial, target)
    except OSError as error:
        if partial is not None:
            with contextlib.suppress(OSError):
                partial.unlink()
        reason = error.strerror or type(error).__name__
        raise ValueError(f"Cannot write {_shown(target)}: {reason}.") from None
    return target


def read_text(path: str | os.PathLike[str]) -> str:
    """The UTF-8 text of ``path``; ValueError with the reason when it cannot be read."""
    source = Path(path).expanduser()
    try:
        with open(source, "rb") as stream:
            data = stream.read(MAX_READ_BYTES + 1)
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise ValueError(f"Cannot read {_shown(source)}: {reason}.") from None
    if len(data) > MAX_READ_BYTES:
        raise ValueError(
            f"Cannot read {_shown(source)}: larger than {MAX_READ_BYTES // 2**20} MB, "
            "so it is not a session file."
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise ValueError(f"Cannot read {_shown(source)}: it is not UTF-8 text.") from None
