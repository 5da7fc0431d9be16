"""The session manager: the one way sessions are created, read, changed and removed.

A new session is stored only once it has a message: until then it is *pending*, held by
this manager (listed, readable, current) but never written, so opening a chat and walking
away leaves no empty "Untitled trip" behind.
"""

from __future__ import annotations

import builtins
import copy
import difflib
from typing import Any

from tripdesigner_kernel.sessions.records import (
    SessionRecord,
    SessionSummary,
    new_message,
    new_record,
    new_session_id,
    summary_of,
    utc_now,
)
from tripdesigner_kernel.sessions.storage import (
    SessionStorage,
    StaleSessionError,
    public,
)

MAX_TITLE_LENGTH = 200
UPDATE_ATTEMPTS = 3  # a small edit re-applied on the fresh record when another writer won


class SessionNotFoundError(KeyError):
    """No session has that id; the message lists what exists."""

    def __str__(self) -> str:  # KeyError would quote the whole message
        return str(self.args[0])


class SessionManager:
    """Creates and edits sessions in one storage. Holds no session state itself."""

    def __init__(
        self, storage: SessionStorage, pending: dict[str, dict[str, Any]] | None = None
    ) -> None:
        self.storage = storage
        self.pending: dict[str, dict[str, Any]] = pending if pending is not None else {}

    def create(self, title: str | None = None) -> str:
        """Start an empty session, pending until its first message is saved; its id."""
        session_id = new_session_id()
        while self.exists(session_id):
            session_id = new_session_id()
        self.pending[session_id] = new_record(session_id, _clean_title(title) if title else None)
        return session_id

    def load_record(self, session_id: str) -> dict[str, Any]:
        """The stored dict of a session (a copy), or a clear SessionNotFoundError."""
        record = self.storage.load(session_id)
        if record is None and session_id in self.pending:
            record = copy.deepcopy(self.pending[session_id])
        if record is None:
            raise SessionNotFoundError(self._not_found_message(session_id))
        return record

    def get(self, session_id: str) -> SessionRecord:
        """A read-only snapshot of a session."""
        return SessionRecord.from_dict(self.load_record(session_id))

    def exists(self, session_id: str) -> bool:
        return session_id in self.pending or self.storage.load(session_id) is not None

    def list(self, itinerary_id: str | None = None) -> list[SessionSummary]:
        """Summaries, most recently active first (pending sessions of this kernel included)."""
        rows = self.storage.list(itinerary_id)
        if itinerary_id is None and self.pending:
            rows = sorted(
                [*rows, *(summary_of(r) for r in self.pending.values())],
                key=lambda row: row["last_active_at"],
                reverse=True,
            )
        return [SessionSummary.from_dict(row) for row in rows]

    def ids(self) -> builtins.list[str]:
        return [row["id"] for row in self.storage.list()] + list(self.pending)

    def save_record(self, record: dict[str, Any]) -> None:
        """Commit a record on the revision it was read at, stamping its activity time.

        Raises ``StaleSessionError`` (nothing written) when the session changed meanwhile.
        """
        record["last_active_at"] = utc_now()
        record["metadata"]["message_count"] = len(record["messages"])
        self.storage.save(record)
        self.pending.pop(record["id"], None)

    def update(self, session_id: str, change: Any) -> None:
        """Apply ``change(record)`` and save; re-applied on the fresh record if another
        writer won meanwhile (a small edit, so re-running it is always right)."""
        for attempt in range(UPDATE_ATTEMPTS):
            record = self.load_record(session_id)
            change(record)
            if session_id in self.pending and not record["messages"]:
                self.pending[session_id] = public(record)  # still empty: stays pending
                return
            try:
                self.save_record(record)
                return
            except StaleSessionError:
                if attempt == UPDATE_ATTEMPTS - 1:
                    raise

    def append_message(self, session_id: str, role: str, content: str, **extra: Any) -> None:
        """Append one message and save it, without rewriting the session."""
        message = new_message(role, content, **extra)
        if session_id in self.pending:
            self.update(session_id, lambda record: record["messages"].append(message))
        elif not self.storage.append_message(session_id, message, utc_now()):
            raise SessionNotFoundError(self._not_found_message(session_id))

    def rename(self, session_id: str, title: str) -> None:
        title = _clean_title(title)
        self.update(session_id, lambda record: record.__setitem__("title", title))

    def delete(self, session_id: str) -> None:
        if self.pending.pop(session_id, None) is None and not self.storage.delete(session_id):
            raise SessionNotFoundError(self._not_found_message(session_id))

    def delete_by_itinerary(self, itinerary_id: str) -> int:
        return self.storage.delete_by_itinerary(itinerary_id)

    def __len__(self) -> int:
        return len(self.storage.list()) + len(self.pending)

    def _not_found_message(self, session_id: str) -> str:
        known = self.ids()
        if not known:
            return (
                f"No session {session_id!r}: there are no sessions yet. "
                "Start one with `%tripchat new`."
            )
        close = difflib.get_close_matches(session_id, known, n=3, cutoff=0.5)
        hint = f" Did you mean {', '.join(close)}?" if close else ""
        shown = ", ".join(known[:10]) + (" ..." if len(known) > 10 else "")
        return f"No session {session_id!r}.{hint} Sessions: {shown}."


def _clean_title(title: str) -> str:
    title = " ".join(title.split())
    if not title:
        raise ValueError("A session title cannot be empty.")
    if len(title) > MAX_TITLE_LENGTH:
        raise ValueError(f"A session title can have at most {MAX_TITLE_LENGTH} characters.")
    return title
