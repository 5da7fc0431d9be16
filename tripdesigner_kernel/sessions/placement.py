"""Where one kernel's sessions live, and moving them without ever dropping one.

The memory store lives as long as the kernel: switching away from it leaves its sessions
reachable (``storage memory`` brings them back); switching away from a file leaves them in
the file. ``--copy`` brings them along instead. A SQLite file found damaged mid-command is
left as it is and the kernel carries on in memory.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tripdesigner_kernel.sessions.manager import SessionManager
from tripdesigner_kernel.sessions.storage import (
    InMemorySessionStorage,
    SessionStorage,
    StorageError,
    copy_sessions,
)


class SessionPlacement:
    """The store in use (``storage``, with its ``sessions`` manager) and the memory store.

    ``on_fallback`` is called after a damaged file made the placement move to memory.
    """

    def __init__(self, on_fallback: Callable[[], None]) -> None:
        self.memory = InMemorySessionStorage()
        self.storage: SessionStorage = self.memory
        self.sessions = SessionManager(self.memory)
        self.target: tuple[str, Path | None] = ("memory", None)
        self._warned_network: set[str] = set()
        self._on_fallback = on_fallback
        self.notice = ""  # what the last switch had to warn about (a network file system)

    def switch(self, kind: str, path: Path | None, copy: bool = False) -> str:
        """Move to the store ``kind``/``path``; a summary. ValueError when it is refused."""
        from tripdesigner_kernel.sessions.locations import network_filesystem

        new_storage = self.memory if kind == "memory" else self._open_sqlite(path)
        self.notice = ""
        if path is not None and str(path) not in self._warned_network:
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
        return (
            f"Sessions {live} in the SQLite file {self.target[1]} (kept across restarts): "
            f"{count} session(s)."
        )

    def place(self) -> str:
        """``memory`` or the file's path."""
        kind, path = self.target
        return "memory" if kind == "memory" else str(path)

    def _use(self, storage: SessionStorage, kind: str, path: Path | None) -> None:
        self.storage = storage
        self.sessions = SessionManager(storage, self.sessions.pending)  # new ones stay pending
        self.target = (kind, path)

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
    return "memory" if place == "memory" else f"sqlite {place}"
