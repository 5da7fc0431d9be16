"""Where one kernel's sessions live, and moving them without ever dropping one.

The memory store lives as long as the kernel: switching away from it leaves its sessions
reachable (``storage memory`` brings them back); switching away from a file leaves them in
the file. ``--copy`` brings them along instead. A SQLite file found damaged mid-command is
left as it is and the kernel carries on in memory. A PostgreSQL store is watched: other
kernels' commits reach ``on_remote`` as events (``turn_saved`` / ``session_deleted``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from tripdesigner_kernel.sessions.manager import SessionManager
from tripdesigner_kernel.sessions.storage import (
    InMemorySessionStorage,
    SessionStorage,
    StorageError,
    copy_sessions,
)


class SessionPlacement:
    """The store in use (``storage``, with its ``sessions`` manager) and the memory store.

    ``on_fallback`` is called after a damaged file made the placement move to memory;
    ``on_remote`` gets an event for each commit another kernel made to a watched store.
    """

    def __init__(
        self, on_fallback: Callable[[], None], on_remote: Callable[[Any], None] | None = None
    ) -> None:
        self.memory = InMemorySessionStorage()
        self.storage: SessionStorage = self.memory
        self.sessions = SessionManager(self.memory)
        self.target: tuple[str, Any] = ("memory", None)  # the path, or a PostgresURL
        self._warned_network: set[str] = set()
        self._on_fallback = on_fallback
        self._on_remote = on_remote
        self.notice = ""  # what the last switch had to warn about (a network file system)

    def switch(self, kind: str, path: Any, copy: bool = False) -> str:
        """Move to the store ``kind``/``path``; a summary. ValueError when it is refused."""
        from tripdesigner_kernel.sessions.locations import network_filesystem

        if kind == "postgresql":
            new_storage = self._open_postgres(path)
        else:
            new_storage = self.memory if kind == "memory" else self._open_sqlite(path)
        self.notice = ""
        if isinstance(path, Path) and str(path) not in self._warned_network:
            filesystem = network_filesystem(path)
            if filesystem:
                self._warned_network.add(str(path))
                self.notice = (
                    f"Note: {path} is on a network file system ({filesystem}), where SQLite can "
                    "lose or damage data when several machines use it; keep sessions on a local "
                    "disk, e.g. `%tripchat storage sqlite /tmp/sessions.sqlite3` or "
                    "$TRIPDESIGNER_HOME."
                )
        try:
            copied = copy_sessions(self.storage, new_storage) if copy else 0
        except StorageError as error:  # a store failing mid-copy: stay where we were
            if new_storage is not self.memory:
                new_storage.close()
            raise ValueError(f"{error} Sessions stay where they were.") from None
        old, old_place = self.storage, self.place()
        left_behind = 0 if copy else _count(old)
        self._use(new_storage, kind, path)
        if old is not self.memory:
            old.close()
        summary = self.describe(switched=True) + (f" {copied} copied." if copy else "")
        if left_behind:
            summary += (
                f" The {left_behind} session(s) in {old_place} stay there: "
                f"`%tripchat storage {_spec_words(old_place)}` brings them back "
                "(add `--copy` to bring them along)."
            )
        return f"{summary} {self.notice}" if self.notice else summary

    def describe(self, switched: bool = False) -> str:
        """Where sessions live, in one sentence (``switched``: just moved there)."""
        live = "now live" if switched else "live"
        count = len(self.sessions)
        if self.storage is self.memory:
            return (
                f"Sessions {live} in memory (lost when the kernel stops): {count} session(s)."
                + ("" if switched else " Keep them with `%tripchat storage sqlite --copy`.")
            )
        if self.target[0] == "postgresql":
            user = getattr(self.storage, "user", "")
            return (
                f"Sessions {live} in the PostgreSQL database {self.target[1]} (shared by the "
                f"team's kernels), as {user}: {count} session(s) yours or shared with you."
            )
        return (
            f"Sessions {live} in the SQLite file {self.target[1]} (kept across restarts): "
            f"{count} session(s)."
        )

    def place(self) -> str:
        """``memory`` or the file's path."""
        kind, path = self.target
        return "memory" if kind == "memory" else str(path)

    def _use(self, storage: SessionStorage, kind: str, path: Any) -> None:
        self.storage = storage
        self.sessions = SessionManager(storage, self.sessions.pending)  # new ones stay pending
        self.target = (kind, path)
        self.watch()

    def watch(self) -> None:
        """Hear other kernels' commits to the store in use, when it can tell them."""
        watch = getattr(self.storage, "watch", None)
        if watch is not None and self._on_remote is not None:
            watch(self._remote)

    def unwatch(self) -> None:
        """Stop hearing them (the extension unloads)."""
        unwatch = getattr(self.storage, "unwatch", None)
        if unwatch is not None:
            unwatch()

    def share(self, session_id: str, user: str, read_only: bool | None) -> bool:
        """Share a session this user owns with ``user`` (``read_only`` None: stop sharing);
        True when it changed something. ValueError where the store cannot share."""
        share = getattr(self.storage, "share", None)
        if share is None:
            raise ValueError(
                "Sessions are shared through a PostgreSQL store: "
                "`%tripchat storage postgresql://USER@HOST:PORT/DBNAME` first."
            )
        if read_only is None:
            return bool(self.storage.unshare(session_id, user))  # type: ignore[attr-defined]
        share(session_id, user, read_only)
        return True

    def _remote(self, session_id: str, revision: int) -> None:
        if self._on_remote is not None:
            kind = "session_deleted" if revision == 0 else "turn_saved"
            self._on_remote({"type": kind, "session_id": session_id, "remote": True})

    @staticmethod
    def _open_postgres(url: Any) -> SessionStorage:
        """A migrated PostgreSQL store, or ValueError saying why it cannot be used."""
        try:
            from tripdesigner_kernel.sessions.postgres_storage import PostgresSessionStorage
        except ImportError:
            raise ValueError(
                "PostgreSQL storage needs psycopg: pip install 'tripdesigner_kernel[postgres]'."
            ) from None
        try:
            return PostgresSessionStorage(url)
        except StorageError as error:
            raise ValueError(str(error)) from None

    def _open_sqlite(self, path: Path | None) -> SessionStorage:
        """A checked SQLite store, or ValueError saying why the file was refused."""
        from tripdesigner_kernel.sessions.sqlite_storage import SQLiteSessionStorage

        try:
            return SQLiteSessionStorage(path or "", on_damage=self._damaged)
        except StorageError as error:
            raise ValueError(str(error)) from None

    def _damaged(self) -> str:
        """The store in use found itself damaged mid-command: carry on in memory."""
        if not getattr(self.storage, "damaged", ""):
            return ""  # an older store, no longer in use
        place = self.place()
        self._use(self.memory, "memory", None)
        self._on_fallback()
        return (
            "This kernel now keeps sessions in memory; once the file is repaired, "
            f"`%tripchat storage sqlite {place}` brings it back."
        )


def _count(storage: SessionStorage) -> int:
    """How many sessions a store holds; 0 when it cannot even be read (nothing to point at)."""
    try:
        return len(storage.list())
    except StorageError:
        return 0


def _spec_words(place: str) -> str:
    if place == "memory" or place.startswith("postgresql://"):
        return place
    return f"sqlite {place}"
