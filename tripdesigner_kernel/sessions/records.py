"""Session records: plain JSON-compatible dicts in storage, read-only views outside.

Storage keeps dicts only, so reloading any of our classes can never break a
stored session; views are rebuilt from the current code on every read.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

RECORD_VERSION = 1
MODE_TRIP_DESIGNER = "trip_designer"
ROLES = ("user", "assistant", "system", "tool")


def utc_now() -> str:
    """The current UTC time as ISO 8601 text, as stored in records."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def new_session_id() -> str:
    """A short random id: eight lowercase hex digits."""
    return secrets.token_hex(4)


def new_record(session_id: str, title: str | None = None) -> dict[str, Any]:
    """A fresh, empty session record."""
    now = utc_now()
    return {
        "version": RECORD_VERSION,
        "id": session_id,
        "title": title or "Untitled trip",
        "itinerary_id": None,
        "mode": MODE_TRIP_DESIGNER,
        "created_at": now,
        "last_active_at": now,
        "messages": [],
        "itinerary": None,
        "profile": {},
        "metadata": {"message_count": 0, "total_tokens": 0, "cost_usd": 0.0},
    }


def new_message(role: str, content: str, **extra: Any) -> dict[str, Any]:
    """A message dict; ``extra`` carries tool calls, tool results, tokens, question."""
    if role not in ROLES:
        raise ValueError(f"unknown message role {role!r}; expected one of {ROLES}")
    return {"role": role, "content": content, "timestamp": utc_now(), **extra}


def summary_of(record: dict[str, Any]) -> dict[str, Any]:
    """The few fields a session list needs."""
    return {
        "id": record["id"],
        "title": record["title"],
        "itinerary_id": record.get("itinerary_id"),
        "created_at": record["created_at"],
        "last_active_at": record["last_active_at"],
        "message_count": len(record["messages"]),
    }


@dataclass(frozen=True)
class Message:
    """One message of a session, as read."""

    role: str
    content: str
    timestamp: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Message:
        rest = {k: v for k, v in data.items() if k not in ("role", "content", "timestamp")}
        return cls(data["role"], data["content"], data.get("timestamp", ""), rest)


@dataclass(frozen=True)
class SessionSummary:
    """A line of the session list."""

    id: str
    title: str
    itinerary_id: str | None
    created_at: str
    last_active_at: str
    message_count: int

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SessionSummary:
        return cls(**{name: data[name] for name in cls.__dataclass_fields__})


@dataclass(frozen=True)
class SessionRecord:
    """A whole session, as read: a snapshot, not a live object."""

    id: str
    title: str
    itinerary_id: str | None
    mode: str
    created_at: str
    last_active_at: str
    messages: tuple[Message, ...]
    itinerary: dict[str, Any] | None
    profile: dict[str, Any]
    metadata: dict[str, Any]

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SessionRecord:
        return cls(
            id=data["id"],
            title=data["title"],
            itinerary_id=data.get("itinerary_id"),
            mode=data.get("mode", MODE_TRIP_DESIGNER),
            created_at=data["created_at"],
            last_active_at=data["last_active_at"],
            messages=tuple(Message.from_dict(m) for m in data["messages"]),
            itinerary=data.get("itinerary"),
            profile=dict(data.get("profile") or {}),
            metadata=dict(data.get("metadata") or {}),
        )

    @property
    def message_count(self) -> int:
        return len(self.messages)
