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


# Where SQLite's locking cannot be trusted (sqlite.org/faq.html#q5, "SQLite over a network").
NETWORK_FILESYSTEMS = frozenset(
    {"nfs", "nfs4", "cifs", "smb3", "smbfs", "ncpfs", "afs", "9p", "ceph", "glusterfs",
     "lustre", "gpfs", "beegfs", "fuse.sshfs", "fuse.s3fs", "fuse.gcsfuse", "fuse.rclone",
     "fuse.glusterfs", "fuse.cephfs", "davfs", "fuse.davfs2"}
)  # fmt: skip
MOUNTS_FILE = "/proc/self/mounts"


def network_filesystem(path: str | Path, mounts: str | None = None) -> str | None:
    """The type of the network file system ``path`` lives on, or None when it is local.

    ``mounts`` is a mount table in ``/proc/self/mounts`` form (read from there by default;
    None, so "local", where there is no such table).
    """
    if mounts is None:
        try:
            mounts = Path(MOUNTS_FILE).read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    target = Path(path).expanduser().resolve()
    best, best_type = -1, ""
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = Path(fields[1].replace("\\040", " "))
        if (target == point or point in target.parents) and len(point.parts) > best:
            best, best_type = len(point.parts), fields[2]
    return best_type if best_type in NETWORK_FILESYSTEMS else None


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
