"""Where session records live: the ``SessionStorage`` contract, its codec, the in-memory store.

The contract every store keeps (memory, SQLite, and any later one):

- Each stored session carries a revision. ``load`` returns the record with the revision it
  read (``record[REVISION]``) and how many messages were stored (``record[STORED_MESSAGES]``).
- ``save`` commits only on the revision the record was read at; a record changed since by
  anyone (another kernel, another thread) raises ``StaleSessionError`` and writes nothing.
  A record never stored (no revision) is inserted; an id already taken is stale too.
- Messages are only ever appended: ``save`` adds the messages past ``STORED_MESSAGES`` and
  never rewrites or deletes a stored one. Only deleting the whole session removes them.
- Every write, ``append_message`` included, bumps the revision.
"""

from __future__ import annotations

import json
import threading
from typing import Any, Protocol, runtime_checkable

from tripdesigner_kernel.sessions.records import summary_of

REVISION = "_revision"  # private key: the revision the record was read at
STORED_MESSAGES = "_stored_messages"  # private key: how many of its messages are stored


class StorageError(RuntimeError):
    """A session store that cannot be used; the message says why and what to do."""


class DamagedStoreError(StorageError):
    """The store's data cannot be read back as written: it must not be written to again."""


class StaleSessionError(StorageError):
    """The session changed (or appeared) since it was read; nothing was written."""

    def __init__(self, session_id: str) -> None:
        super().__init__(
            f"Session {session_id} was changed elsewhere (another kernel or window) since it was "
            "read; nothing was saved."
        )
        self.session_id = session_id


@runtime_checkable
class SessionStorage(Protocol):
    """Stores session records (plain JSON-compatible dicts) by id, versioned."""

    name: str

    def save(self, record: dict[str, Any]) -> None:
        """Commit ``record`` on the revision it was read at (see the module's contract).

        Raises ``StaleSessionError`` when the stored session moved on, ``StorageError`` when
        the store fails. On success the record's revision and stored count are updated.
        """

    def load(self, session_id: str) -> dict[str, Any] | None:
        """The record with its revision, or None when there is none with that id."""

    def list(self, itinerary_id: str | None = None) -> list[dict[str, Any]]:
        """Summaries (see ``records.summary_of``), most recently active first."""

    def append_message(self, session_id: str, message: dict[str, Any], active_at: str) -> bool:
        """Append one message without rewriting the record; False when there is no session."""

    def delete(self, session_id: str) -> bool:
        """Remove one record; True when it existed."""

    def delete_by_itinerary(self, itinerary_id: str) -> int:
        """Remove every record of an itinerary; the number removed."""

    def close(self) -> None:
        """Release what the store holds."""


# The record codec: one way to cut a record into what every store keeps. ---------------


def encode_body(record: dict[str, Any]) -> str:
    """The record without its messages and private keys, as JSON text."""
    body = {k: v for k, v in record.items() if k != "messages" and not k.startswith("_")}
    return json.dumps(body, ensure_ascii=False)  # also proves it is JSON-compatible


def new_messages(record: dict[str, Any]) -> tuple[int, list[str]]:
    """``(first new position, the new messages as JSON)``: what a save appends.

    ValueError when the record holds fewer messages than it read: messages are append-only.
    """
    stored = record.get(STORED_MESSAGES, 0) if REVISION in record else 0
    messages = record["messages"]
    if len(messages) < stored:
        raise ValueError(
            f"Session {record['id']}: messages are append-only; {stored} were stored and the "
            f"record now holds {len(messages)}."
        )
    return stored, [json.dumps(m, ensure_ascii=False) for m in messages[stored:]]


def decode_record(body: str, messages: list[str], revision: int) -> dict[str, Any]:
    """A record from its stored parts; ``message_count`` always counts the stored messages."""
    try:
        record: dict[str, Any] = json.loads(body)
        record["messages"] = [json.loads(text) for text in messages]
    except (ValueError, TypeError) as error:  # a damaged file can still hold readable pages
        raise DamagedStoreError(f"(a stored session cannot be decoded: {error})") from None
    record.setdefault("metadata", {})["message_count"] = len(messages)
    record[REVISION] = revision
    record[STORED_MESSAGES] = len(messages)
    return record


def committed(record: dict[str, Any], revision: int) -> None:
    """Mark ``record`` as stored at ``revision``, so it can be saved again."""
    record[REVISION] = revision
    record[STORED_MESSAGES] = len(record["messages"])


def public(record: dict[str, Any]) -> dict[str, Any]:
    """The record without a store's bookkeeping: ready to be inserted into another store."""
    return {k: v for k, v in record.items() if not k.startswith("_")}


def copy_sessions(source: SessionStorage, target: SessionStorage) -> int:
    """Copy every session of ``source`` that ``target`` lacks; the number copied."""
    copied = 0
    for summary in source.list():
        record = source.load(summary["id"])
        if record is not None and target.load(record["id"]) is None:
            target.save(public(record))
            copied += 1
    return copied


class InMemorySessionStorage:
    """Records kept as JSON text, so no caller can alias stored data; lost when the kernel ends."""

    name = "memory"

    def __init__(self) -> None:
        # id -> [revision, body text, message texts, summary]
        self._rows: dict[str, list[Any]] = {}
        self._lock = threading.RLock()  # widget callbacks may run off the main thread

    def save(self, record: dict[str, Any]) -> None:
        session_id = record["id"]
        body = encode_body(record)
        start, added = new_messages(record)
        with self._lock:
            row = self._rows.get(session_id)
            if (row[0] if row else None) != record.get(REVISION):
                raise StaleSessionError(session_id)
            revision = (row[0] if row else 0) + 1
            messages = (row[2] if row else [])[:start] + added
            summary = {**summary_of(record), "message_count": len(messages)}
            self._rows[session_id] = [revision, body, messages, summary]
        committed(record, revision)

    def load(self, session_id: str) -> dict[str, Any] | None:
        with self._lock:
            row = self._rows.get(session_id)
            if row is None:
                return None
            revision, body, messages = row[0], row[1], list(row[2])
        return decode_record(body, messages, revision)

    def list(self, itinerary_id: str | None = None) -> list[dict[str, Any]]:
        with self._lock:
            rows = [dict(row[3]) for row in self._rows.values()]
        if itinerary_id is not None:
            rows = [row for row in rows if row["itinerary_id"] == itinerary_id]
        rows.sort(key=lambda row: row["last_active_at"], reverse=True)
        return rows

    def append_message(self, session_id: str, message: dict[str, Any], active_at: str) -> bool:
        text = json.dumps(message, ensure_ascii=False)
        with self._lock:
            row = self._rows.get(session_id)
            if row is None:
                return False
            body = json.loads(row[1])
            body["last_active_at"] = active_at
            row[0] += 1
            row[1] = json.dumps(body, ensure_ascii=False)
            row[2] = [*row[2], text]
            row[3] = {**row[3], "last_active_at": active_at, "message_count": len(row[2])}
        return True

    def delete(self, session_id: str) -> bool:
        with self._lock:
            return self._rows.pop(session_id, None) is not None

    def delete_by_itinerary(self, itinerary_id: str) -> int:
        doomed = [row["id"] for row in self.list(itinerary_id)]
        return sum(self.delete(session_id) for session_id in doomed)

    def clear(self) -> None:
        """Remove every record."""
        with self._lock:
            self._rows.clear()

    def close(self) -> None:
        """Nothing to release; kept for the protocol."""

    def __len__(self) -> int:
        return len(self._rows)

    def __repr__(self) -> str:
        return f"<InMemorySessionStorage: {len(self)} session(s)>"
