"""Where session records live: the ``SessionStorage`` protocol and the in-memory store."""

from __future__ import annotations

import json
import threading
from typing import Any, Protocol, runtime_checkable

from tripdesigner_kernel.sessions.records import summary_of


@runtime_checkable
class SessionStorage(Protocol):
    """Stores session records (plain JSON-compatible dicts) by id."""

    name: str

    def save(self, record: dict[str, Any]) -> None:
        """Insert or replace the record with ``record["id"]``."""

    def load(self, session_id: str) -> dict[str, Any] | None:
        """The record, or None when there is none with that id."""

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


class InMemorySessionStorage:
    """Records kept as JSON text in a dict, so no caller can alias stored data."""

    name = "memory"

    def __init__(self) -> None:
        self._texts: dict[str, str] = {}
        self._summaries: dict[str, dict[str, Any]] = {}
        self._lock = threading.RLock()  # widget callbacks may run off the main thread

    def save(self, record: dict[str, Any]) -> None:
        # Private keys ("_...") are a storage's bookkeeping, not session data.
        public = {k: v for k, v in record.items() if not k.startswith("_")}
        text = json.dumps(public, ensure_ascii=False)  # also proves it is JSON-compatible
        with self._lock:
            self._texts[record["id"]] = text
            self._summaries[record["id"]] = summary_of(record)

    def load(self, session_id: str) -> dict[str, Any] | None:
        text = self._texts.get(session_id)
        return None if text is None else json.loads(text)

    def list(self, itinerary_id: str | None = None) -> list[dict[str, Any]]:
        with self._lock:
            rows = [dict(s) for s in self._summaries.values()]
        if itinerary_id is not None:
            rows = [row for row in rows if row["itinerary_id"] == itinerary_id]
        rows.sort(key=lambda row: row["last_active_at"], reverse=True)
        return rows

    def append_message(self, session_id: str, message: dict[str, Any], active_at: str) -> bool:
        with self._lock:
            record = self.load(session_id)
            if record is None:
                return False
            record["messages"].append(message)
            record["last_active_at"] = active_at
            record["metadata"]["message_count"] = len(record["messages"])
            self.save(record)
        return True

    def delete(self, session_id: str) -> bool:
        with self._lock:
            self._summaries.pop(session_id, None)
            return self._texts.pop(session_id, None) is not None

    def delete_by_itinerary(self, itinerary_id: str) -> int:
        doomed = [row["id"] for row in self.list(itinerary_id)]
        return sum(self.delete(session_id) for session_id in doomed)

    def clear(self) -> None:
        """Remove every record."""
        with self._lock:
            self._texts.clear()
            self._summaries.clear()

    def close(self) -> None:
        """Nothing to release; kept for the protocol."""

    def __len__(self) -> int:
        return len(self._texts)

    def __repr__(self) -> str:
        return f"<InMemorySessionStorage: {len(self)} session(s)>"
