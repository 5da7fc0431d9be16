"""Sessions in a SQLite file: they survive kernel restarts and can be shared by kernels.

WAL mode and a busy timeout let two kernels use one file; every save is one
``BEGIN IMMEDIATE`` transaction, so a crash never leaves half a turn. Messages are
rows of their own: a save inserts only the messages added since the record was
loaded, so two kernels appending to one session lose nothing.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tripdesigner_kernel.sessions.records import summary_of

LOADED_COUNT = "_stored_messages"  # private key: how many messages the record had when loaded
REWRITE = "_rewrite_messages"  # private key: the messages were changed, not only appended
BUSY_TIMEOUT_MS = 10_000


class StorageError(RuntimeError):
    """A session store that cannot be used; the message says why and what to do."""


def _v1(db: sqlite3.Connection) -> None:
    _run_each(
        db,
        """
        CREATE TABLE sessions (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            itinerary_id TEXT,
            created_at TEXT NOT NULL,
            last_active_at TEXT NOT NULL,
            message_count INTEGER NOT NULL DEFAULT 0,
            body TEXT NOT NULL  -- the record without its messages, as JSON
        );
        CREATE INDEX sessions_by_activity ON sessions (last_active_at DESC);
        CREATE INDEX sessions_by_itinerary ON sessions (itinerary_id);
        CREATE TABLE messages (
            session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            body TEXT NOT NULL,
            PRIMARY KEY (session_id, seq)
        ) WITHOUT ROWID;
        """,
    )


def _run_each(db: sqlite3.Connection, script: str) -> None:
    """Run a script's statements one by one: ``executescript`` would commit the migration's
    transaction before it starts."""
    for statement in script.split(";"):
        lines = [line.split("--")[0] for line in statement.splitlines()]
        if "".join(lines).strip():
            db.execute("\n".join(lines))


# Numbered migrations: MIGRATIONS[n] brings a store from version n to n + 1.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_v1]
SCHEMA_VERSION = len(MIGRATIONS)


class SQLiteSessionStorage:
    """The ``SessionStorage`` protocol over one SQLite file."""

    name = "sqlite"

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path).expanduser()
        self._lock = threading.RLock()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(
                self.path,
                timeout=BUSY_TIMEOUT_MS / 1000,
                isolation_level=None,
                check_same_thread=False,
            )
            self._open()
        except sqlite3.DatabaseError as error:
            self._close_quietly()
            raise StorageError(
                f"{self.path} is not a usable session database ({error}). It was left untouched; "
                "move it aside or choose another file with `%tripchat storage sqlite PATH`."
            ) from None
        except OSError as error:
            raise StorageError(f"Cannot open {self.path}: {error.strerror or error}.") from None

    def _open(self) -> None:
        db = self._db
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StorageError(
                f"{self.path} was written by a newer tripdesigner_kernel (schema {version}, this "
                f"version reads up to {SCHEMA_VERSION}). It was left untouched; "
                "upgrade the package to use it."
            )
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.execute("PRAGMA foreign_keys = ON")
        if version < SCHEMA_VERSION:
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("BEGIN IMMEDIATE")
            try:
                current = db.execute("PRAGMA user_version").fetchone()[
                    0
                ]  # another kernel may have won
                for migrate in MIGRATIONS[current:]:
                    migrate(db)
                db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        db.execute("SELECT COUNT(*) FROM sessions").fetchone()  # proves the file is readable

    def _close_quietly(self) -> None:
        db = getattr(self, "_db", None)
        if db is not None:
            db.close()

    # The protocol ---------------------------------------------------------------------

    def save(self, record: dict[str, Any]) -> None:
        messages = record["messages"]
        loaded = record.get(LOADED_COUNT, 0)
        body = {k: v for k, v in record.items() if k != "messages" and not k.startswith("_")}
        summary = summary_of(record)
        with self._lock, self._transaction() as db:
            exists = db.execute("SELECT 1 FROM sessions WHERE id = ?", (record["id"],)).fetchone()
            if record.get(REWRITE) or not exists:
                db.execute("DELETE FROM messages WHERE session_id = ?", (record["id"],))
                new, start = messages, 0
            else:
                new = messages[loaded:]
                start = db.execute(
                    "SELECT COALESCE(MAX(seq) + 1, 0) FROM messages WHERE session_id = ?",
                    (record["id"],),
                ).fetchone()[0]
            db.execute(
                "INSERT INTO sessions (id, title, itinerary_id, created_at, last_active_at, body)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET title = excluded.title,"
                " itinerary_id = excluded.itinerary_id, last_active_at = excluded.last_active_at,"
                " body = excluded.body",
                (
                    record["id"],
                    summary["title"],
                    summary["itinerary_id"],
                    summary["created_at"],
                    summary["last_active_at"],
                    json.dumps(body, ensure_ascii=False),
                ),
            )
            db.executemany(
                "INSERT INTO messages (session_id, seq, body) VALUES (?, ?, ?)",
                [
                    (record["id"], start + i, json.dumps(m, ensure_ascii=False))
                    for i, m in enumerate(new)
                ],
            )
            db.execute(
                "UPDATE sessions SET message_count ="
                " (SELECT COUNT(*) FROM messages WHERE session_id = ?)"
                " WHERE id = ?",
                (record["id"], record["id"]),
            )
        record[LOADED_COUNT] = len(messages)
        record.pop(REWRITE, None)

    def append_message(self, session_id: str, message: dict[str, Any], active_at: str) -> bool:
        """One INSERT and one UPDATE in one transaction: the hot path of a chat."""
        with self._lock, self._transaction() as db:
            updated = db.execute(
                "UPDATE sessions SET message_count = message_count + 1, last_active_at = ?"
                " WHERE id = ?",
                (active_at, session_id),
            ).rowcount
            if not updated:
                return False
            db.execute(
                "INSERT INTO messages (session_id, seq, body)"
                " SELECT ?, COALESCE(MAX(seq) + 1, 0), ? FROM messages WHERE session_id = ?",
                (session_id, json.dumps(message, ensure_ascii=False), session_id),
            )
        return True

    def load(self, session_id: str) -> dict[str, Any] | None:
        with self._lock:
            row = self._db.execute(
                "SELECT body FROM sessions WHERE id = ?", (session_id,)
            ).fetchone()
            if row is None:
                return None
            bodies = self._db.execute(
                "SELECT body FROM messages WHERE session_id = ? ORDER BY seq", (session_id,)
            ).fetchall()
        record: dict[str, Any] = json.loads(row[0])
        record["messages"] = [json.loads(body) for (body,) in bodies]
        record[LOADED_COUNT] = len(bodies)
        return record

    def list(self, itinerary_id: str | None = None) -> list[dict[str, Any]]:
        query = (
            "SELECT id, title, itinerary_id, created_at, last_active_at, message_count"
            " FROM sessions"
        )
        params: tuple[str, ...] = ()
        if itinerary_id is not None:
            query, params = query + " WHERE itinerary_id = ?", (itinerary_id,)
        with self._lock:
            rows = self._db.execute(query + " ORDER BY last_active_at DESC", params).fetchall()
        keys = ("id", "title", "itinerary_id", "created_at", "last_active_at", "message_count")
        return [dict(zip(keys, row, strict=True)) for row in rows]

    def delete(self, session_id: str) -> bool:
        with self._lock, self._transaction() as db:
            return db.execute("DELETE FROM sessions WHERE id = ?", (session_id,)).rowcount > 0

    def delete_by_itinerary(self, itinerary_id: str) -> int:
        with self._lock, self._transaction() as db:
            return db.execute(
                "DELETE FROM sessions WHERE itinerary_id = ?", (itinerary_id,)
            ).rowcount

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __len__(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT COUNT(*) FROM sessions").fetchone()[0])

    def __repr__(self) -> str:
        return f"<SQLiteSessionStorage {self.path}>"

    def _transaction(self) -> _Transaction:
        return _Transaction(self._db)


class _Transaction:
    """``BEGIN IMMEDIATE`` ... ``COMMIT``, or ``ROLLBACK`` on any exception."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> sqlite3.Connection:
        self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        self.db.execute("COMMIT" if kind is None else "ROLLBACK")
