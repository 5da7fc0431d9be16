"""Sessions in a PostgreSQL server: one set of trips for a team's kernels on many machines.

The ``SessionStorage`` contract (see ``storage``) over a connection pool: a save is one
transaction that commits only on the revision the record was read at; messages are rows only
ever inserted. Each session has an owner (``JUPYTERHUB_USER``, else the OS user); a kernel
lists and opens its user's sessions and those shared with them, and writes only where it may.

A server that cannot be reached becomes a ``StorageError`` in one sentence; nothing is saved
and the pool reconnects on the next command. The password is never part of a message.
psycopg is imported here only: this module is imported when a PostgreSQL store is chosen.
"""

from __future__ import annotations

import builtins
import collections
import contextlib
import getpass
import json
import os
from collections.abc import Callable, Iterator
from typing import Any

import psycopg
from psycopg import sql
from psycopg_pool import ConnectionPool, PoolTimeout

from tripdesigner_kernel.sessions.pg_schema import NewerSchemaError, channel_of, migrate
from tripdesigner_kernel.sessions.pg_url import PostgresURL
from tripdesigner_kernel.sessions.records import summary_of
from tripdesigner_kernel.sessions.storage import (
    REVISION,
    StaleSessionError,
    StorageError,
    committed,
    decode_record,
    encode_body,
    new_messages,
)

CONNECT_TIMEOUT_S = 5
POOL_SIZE = 4
SUMMARY_COLUMNS = "id, title, itinerary_id, created_at, last_active_at, message_count"


def current_user() -> str:
    """Who owns what this kernel creates: ``JUPYTERHUB_USER``, else the OS user."""
    return os.environ.get("JUPYTERHUB_USER") or getpass.getuser()


class ReadOnlySessionError(StorageError):
    """The session belongs to someone else and is shared read-only (or not at all)."""

    def __init__(self, session_id: str, owner: str, action: str = "") -> None:
        what = (
            f"only its owner can {action}"
            if action
            else "it is shared with you read-only; nothing was saved"
        )
        super().__init__(
            f"Session {session_id} belongs to {owner}: {what}. "
            f"`%tripchat fork {session_id}` makes a copy of your own."
        )


class PostgresSessionStorage:
    """The ``SessionStorage`` contract over a PostgreSQL schema, for the user ``user``."""

    name = "postgresql"

    def __init__(self, url: PostgresURL | str, user: str | None = None) -> None:
        self.url = url if isinstance(url, PostgresURL) else PostgresURL(url)
        self.user = user or current_user()
        self.migrated = 0  # how many migrations this store applied when it opened
        self._watcher: Any = None
        self._written: collections.deque[tuple[str, int]] = collections.deque(maxlen=256)
        s = sql.Identifier(self.url.schema)
        self._q = {key: sql.SQL(text).format(s=s) for key, text in _QUERIES.items()}
        self._pool = ConnectionPool(
            self.url.conninfo(),
            min_size=1,
            max_size=POOL_SIZE,
            kwargs={"connect_timeout": CONNECT_TIMEOUT_S, "application_name": "tripdesigner"},
            timeout=CONNECT_TIMEOUT_S,
            open=False,
            name="tripdesigner",
        )
        try:  # one direct connection first: a refusal comes back at once, with its reason
            with psycopg.connect(self.url.conninfo(), connect_timeout=CONNECT_TIMEOUT_S) as conn:
                self.migrated = migrate(conn, self.url.schema)
            self._pool.open(wait=True, timeout=CONNECT_TIMEOUT_S)
        except (psycopg.Error, PoolTimeout, NewerSchemaError) as error:
            self._pool.close()
            raise StorageError(f"{self.url.shown}: {_reason(error, self.url)}.") from None

    # The contract ---------------------------------------------------------------------

    def save(self, record: dict[str, Any]) -> None:
        session_id, read_revision = record["id"], record.get(REVISION)
        start, added = new_messages(record)
        summary = summary_of(record)
        fields = (summary["title"], summary["itinerary_id"], summary["last_active_at"])
        with self._transaction() as conn:
            if read_revision is None:
                row = conn.execute(
                    self._q["insert"],
                    (session_id, self.user, *fields, summary["created_at"], len(added),
                     encode_body(record)),
                ).fetchone()  # fmt: skip
            else:
                row = conn.execute(
                    self._q["update"],
                    (*fields, len(added), encode_body(record), session_id, read_revision,
                     self.user, self.user),
                ).fetchone()  # fmt: skip
            if row is None:
                self._refuse(conn, session_id)
            self._written.append((session_id, int(row[0])))  # before the commit is announced
            if added:
                with conn.cursor() as cursor:
                    cursor.executemany(
                        self._q["message"],
                        [(session_id, start + i, text) for i, text in enumerate(added)],
                    )
        committed(record, int(row[0]))

    def append_message(self, session_id: str, message: dict[str, Any], active_at: str) -> bool:
        """One statement (a bump of the session and the message's insert) and its commit."""
        with self._transaction() as conn:
            row = conn.execute(
                self._q["append"],
                (active_at, session_id, self.user, self.user, session_id,
                 json.dumps(message, ensure_ascii=False)),
            ).fetchone()  # fmt: skip
            if row is None and self._visible(conn, session_id):
                self._refuse(conn, session_id)
            if row is not None:
                self._written.append((session_id, int(row[0])))
        return row is not None

    def load(self, session_id: str) -> dict[str, Any] | None:
        with self._connection() as conn, conn.cursor(binary=True) as cursor:
            # binary: the messages arrive as an array, which psycopg parses 3x faster so
            rows = cursor.execute(self._q["load"], (session_id, self.user, self.user)).fetchall()
        if not rows:
            return None
        body, revision, messages = rows[0]
        return decode_record(body, messages or [], revision)

    def list(self, itinerary_id: str | None = None) -> list[dict[str, Any]]:
        key = "list" if itinerary_id is None else "list_itinerary"
        params = (self.user,) * (3 if itinerary_id is None else 2)
        params += () if itinerary_id is None else (itinerary_id,)
        with self._connection() as conn:
            rows = conn.execute(self._q[key], params).fetchall()
        return [
            {"id": i, "title": t, "itinerary_id": it, "created_at": c, "last_active_at": a,
             "message_count": n}
            for i, t, it, c, a, n in rows
        ]  # fmt: skip

    def delete(self, session_id: str) -> bool:
        with self._transaction() as conn:
            gone = conn.execute(self._q["delete"], (session_id, self.user)).fetchall()
            if not gone and self._visible(conn, session_id):
                self._check_owner(conn, session_id)
            self._written.extend((session_id, 0) for _ in gone)
            return bool(gone)

    def delete_by_itinerary(self, itinerary_id: str) -> int:
        with self._transaction() as conn:
            gone = conn.execute(self._q["delete_itinerary"], (itinerary_id, self.user)).fetchall()
            self._written.extend((session_id, 0) for (session_id,) in gone)
            return len(gone)

    def close(self) -> None:
        self.unwatch()
        self._pool.close()

    def __len__(self) -> int:
        return len(self.list())

    def __repr__(self) -> str:
        return f"<PostgresSessionStorage {self.url.shown} user={self.user}>"

    # Owners and sharing ---------------------------------------------------------------

    def owner_of(self, session_id: str) -> str | None:
        """Who owns a session this user can see; None when there is none."""
        with self._connection() as conn:
            row = self._owner_row(conn, session_id)
        return None if row is None else str(row[0])

    def share(self, session_id: str, user: str, read_only: bool = False) -> None:
        """Let ``user`` see (and, unless ``read_only``, write) a session this user owns."""
        with self._transaction() as conn:
            self._check_owner(conn, session_id)
            conn.execute(self._q["share"], (session_id, user, not read_only))

    def unshare(self, session_id: str, user: str) -> bool:
        """Stop sharing a session with ``user``; True when it was shared with them."""
        with self._transaction() as conn:
            self._check_owner(conn, session_id)
            return conn.execute(self._q["unshare"], (session_id, user)).rowcount > 0

    def shares(self, session_id: str) -> builtins.list[tuple[str, bool]]:
        """``(user, can_write)`` for everyone a session is shared with."""
        with self._connection() as conn:
            rows = conn.execute(self._q["shares"], (session_id,)).fetchall()
        return [(str(user), bool(can_write)) for user, can_write in rows]

    def _owner_row(self, conn: Any, session_id: str) -> Any:
        """``(owner, writable, visible)`` of a session this user can see, else None."""
        row = conn.execute(self._q["owner"], {"user": self.user, "id": session_id}).fetchone()
        return row if row is not None and row[2] else None

    def _check_owner(self, conn: Any, session_id: str) -> None:
        row = self._owner_row(conn, session_id)
        if row is None:
            raise KeyError(f"No session {session_id!r} that you can see.")
        if row[0] != self.user:
            raise ReadOnlySessionError(session_id, row[0], "share or delete it")

    # Live updates ---------------------------------------------------------------------

    def watch(self, callback: Callable[[str, int], None]) -> Any:
        """Call ``callback(session_id, revision)`` (from a background thread) whenever another
        store commits a write to a session (this store's own writes are left out); revision 0
        means it was deleted. Returns the watcher thread (its ``listening`` event is set once
        it listens)."""
        from tripdesigner_kernel.sessions.pg_listen import SessionWatcher

        def others_only(session_id: str, revision: int) -> None:
            if (session_id, revision) not in self._written:
                callback(session_id, revision)

        self.unwatch()
        self._watcher = SessionWatcher(
            self.url.conninfo(), channel_of(self.url.schema), others_only
        )
        self._watcher.start()
        return self._watcher

    def unwatch(self) -> None:
        """Stop the watch, if any (the thread has ended on return)."""
        if self._watcher is not None:
            self._watcher.stop()
            self._watcher = None

    # Errors and transactions ----------------------------------------------------------

    def _visible(self, conn: Any, session_id: str) -> bool:
        return self._owner_row(conn, session_id) is not None

    def _refuse(self, conn: Any, session_id: str) -> None:
        """Why a write matched no row: not ours to write, or stale."""
        row = self._owner_row(conn, session_id)
        if row is not None and row[0] != self.user and not row[1]:
            raise ReadOnlySessionError(session_id, row[0])
        raise StaleSessionError(session_id)

    @contextlib.contextmanager
    def _connection(self) -> Iterator[Any]:
        """A pooled connection; a failing server becomes one clear ``StorageError``."""
        try:
            with self._pool.connection() as conn:
                yield conn
        except (psycopg.OperationalError, psycopg.InterfaceError, PoolTimeout) as error:
            self._pool.check()  # drop every connection the failure broke: the next one is new
            raise StorageError(
                f"The PostgreSQL server {self.url.shown} cannot be reached "
                f"({_reason(error, self.url)}); nothing was saved. The next command reconnects."
            ) from None
        except psycopg.Error as error:
            raise StorageError(
                f"The PostgreSQL server {self.url.shown} refused the change "
                f"({_reason(error, self.url)}); nothing was saved."
            ) from None

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[Any]:
        with self._connection() as conn, conn.transaction():
            yield conn


def _reason(error: BaseException, url: PostgresURL) -> str:
    """The first line of a driver error, never holding the password."""
    text = (str(error).strip().splitlines() or [type(error).__name__])[0]
    text = text.removeprefix("connection failed: ").rstrip(".")
    from urllib.parse import unquote, urlsplit

    password = urlsplit(url.conninfo()).password
    if password:
        text = text.replace(unquote(password), "********").replace(password, "********")
    return text


_VISIBLE = "(owner = %s OR id IN (SELECT session_id FROM {s}.shares WHERE username = %s))"
_WRITABLE = (
    "(owner = %s OR id IN (SELECT session_id FROM {s}.shares WHERE username = %s AND can_write))"
)
_QUERIES = {
    "insert": "INSERT INTO {s}.sessions (id, owner, title, itinerary_id, last_active_at,"
    " created_at, message_count, body) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)"
    " ON CONFLICT (id) DO NOTHING RETURNING revision",
    "update": "UPDATE {s}.sessions SET title = %s, itinerary_id = %s, last_active_at = %s,"
    " message_count = message_count + %s, body = %s, revision = revision + 1"
    f" WHERE id = %s AND revision = %s AND {_WRITABLE} RETURNING revision",
    "message": "INSERT INTO {s}.messages (session_id, seq, body) VALUES (%s, %s, %s)",
    "append": "WITH bumped AS (UPDATE {s}.sessions SET message_count = message_count + 1,"
    " last_active_at = %s, revision = revision + 1"
    f" WHERE id = %s AND {_WRITABLE} RETURNING message_count - 1 AS seq, revision),"
    " added AS (INSERT INTO {s}.messages (session_id, seq, body)"
    " SELECT %s, seq, %s FROM bumped) SELECT revision FROM bumped",
    # One statement, so the body, its revision and its messages come from one snapshot.
    "load": "SELECT body, revision, ARRAY(SELECT m.body FROM {s}.messages m"
    " WHERE m.session_id = t.id ORDER BY m.seq) FROM {s}.sessions t"
    f" WHERE id = %s AND {_VISIBLE}",
    # One's own (an index-only scan in order), then those shared with one: merged, not sorted.
    "list": f"(SELECT {SUMMARY_COLUMNS} FROM {{s}}.sessions WHERE owner = %s"
    f" UNION ALL SELECT {SUMMARY_COLUMNS} FROM {{s}}.sessions WHERE owner <> %s"
    " AND id IN (SELECT session_id FROM {s}.shares WHERE username = %s))"
    " ORDER BY last_active_at DESC",
    "list_itinerary": f"SELECT {SUMMARY_COLUMNS} FROM {{s}}.sessions WHERE {_VISIBLE}"
    " AND itinerary_id = %s ORDER BY last_active_at DESC",
    "delete": "DELETE FROM {s}.sessions WHERE id = %s AND owner = %s RETURNING id",
    "delete_itinerary": "DELETE FROM {s}.sessions WHERE itinerary_id = %s AND owner = %s"
    " RETURNING id",
    # owner, may this user write, may they see it: for one session id
    "owner": "SELECT owner, owner = %(user)s OR EXISTS (SELECT 1 FROM {s}.shares h"
    " WHERE h.session_id = t.id AND h.username = %(user)s AND h.can_write),"
    " owner = %(user)s OR EXISTS (SELECT 1 FROM {s}.shares h"
    " WHERE h.session_id = t.id AND h.username = %(user)s)"
    " FROM {s}.sessions t WHERE id = %(id)s",
    "share": "INSERT INTO {s}.shares (session_id, username, can_write) VALUES (%s, %s, %s)"
    " ON CONFLICT (session_id, username) DO UPDATE SET can_write = EXCLUDED.can_write",
    "unshare": "DELETE FROM {s}.shares WHERE session_id = %s AND username = %s",
    "shares": "SELECT username, can_write FROM {s}.shares WHERE session_id = %s ORDER BY username",
}
