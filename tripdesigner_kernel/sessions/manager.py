"""The session manager: the one way sessions are created, read, changed and removed."""

from __future__ import annotations

import builtins
import difflib
from typing import Any

from tripdesigner_kernel.sessions.records import (
    SessionRecord,
    SessionSummary,
    new_message,
    new_record,
    new_session_id,
    utc_now,
)
from tripdesigner_kernel.sessions.storage import SessionStorage

MAX_TITLE_LENGTH = 200


class SessionNotFoundError(KeyError):
    """No session has that id; the message lists what exists."""

    def __str__(self) -> str:  # KeyError would quote the whole message
        return str(self.args[0])


class SessionManager:
    """Creates and edits sessions in one storage. Holds no session state itself."""

    def __init__(self, storage: SessionStorage) -> None:
        self.storage = storage

    def create(self, title: str | None = None) -> str:
        """Create an empty session; return its id."""
        session_id = new_session_id()
        while self.storage.load(session_id) is not None:
            session_id = new_session_id()
        self.storage.save(new_record(session_id, _clean_title(title) if title else None))
        return session_id

    def load_record(self, session_id: str) -> dict[str, Any]:
        """The stored dict of a session (a copy), or a clear SessionNotFoundError."""
        record = self.storage.load(session_id)
        if record is None:
            raise SessionNotFoundError(self._not_found_message(session_id))
        return record

    def get(self, session_id: str) -> SessionRecord:
        """A read-only snapshot of a session."""
        return SessionRecord.from_dict(self.load_record(session_id))

    def exists(self, session_id: str) -> bool:
        return self.storage.load(session_id) is not None

    def list(self, itinerary_id: str | None = None) -> list[SessionSummary]:
        """Summaries, most recently active first."""
        return [SessionSummary.from_dict(row) for row in self.storage.list(itinerary_id)]

    def ids(self) -> builtins.list[str]:
        return [row["id"] for row in self.storage.list()]

    def save_record(self, record: dict[str, Any]) -> None:
        """Store a whole record, stamping its activity time."""
        record["last_active_at"] = utc_now()
        record["metadata"]["message_count"] = len(record["messages"])
        self.storage.save(record)

    def append_message(self, session_id: str, role: str, content: str, **extra: Any) -> None:
        """Append one message and save it, without rewriting the session."""
        message = new_message(role, content, **extra)
        if not self.storage.append_message(session_id, message, utc_now()):
            raise SessionNotFoundError(self._not_found_message(session_id))

    def rename(self, session_id: str, title: str) -> None:
        record = self.load_record(session_id)
        record["title"] = _clean_title(title)
        self.save_record(record)

    def delete(self, session_id: str) -> None:
        if not self.storage.delete(session_id):
            raise SessionNotFoundError(self._not_found_message(session_id))

    def delete_by_itinerary(self, itinerary_id: str) -> int:
        return self.storage.delete_by_itinerary(itinerary_id)

    def __len__(self) -> int:
        return len(self.storage.list())

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
