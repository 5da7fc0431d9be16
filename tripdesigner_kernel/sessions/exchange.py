"""Session files: a versioned JSON document holding one session, for sharing or backup.

Sessions never hold an API key; the exporter still drops any field whose name
says it is one, so a file is safe to hand over.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from tripdesigner_kernel.sessions.records import RECORD_VERSION, new_session_id, utc_now

FORMAT = "tripdesigner.session/1"
_SECRET_WORDS = ("api_key", "apikey", "secret", "password", "token_value")


def _shareable(key: str) -> bool:
    """Not a secret's name, and not a store's private bookkeeping ("_...")."""
    return not key.startswith("_") and not any(word in key.lower() for word in _SECRET_WORDS)


def _without_secrets(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_secrets(v) for k, v in value.items() if _shareable(str(k))}
    if isinstance(value, list):
        return [_without_secrets(v) for v in value]
    return value


def dump_session(record: dict[str, Any]) -> str:
    """The session as a session file's text."""
    document = {"format": FORMAT, "exported_at": utc_now(), "session": _without_secrets(record)}
    return json.dumps(document, ensure_ascii=False, indent=1)


def load_session(text: str, taken: set[str]) -> dict[str, Any]:
    """The record in a session file, with a new id when its id is already ``taken``.

    ValueError with a readable message for anything that is not a session file.
    """
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValueError(f"This is not a session file: not JSON ({error}).") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        found = document.get("format") if isinstance(document, dict) else None
        raise ValueError(f"This is not a session file (format {found!r}, expected {FORMAT!r}).")
    record = document.get("session")
    required = {"id", "title", "messages", "created_at", "last_active_at"}
    if not isinstance(record, dict) or not required <= set(record):
        raise ValueError(f"The session file lacks fields: {sorted(required - set(record or {}))}.")
    if not isinstance(record["messages"], list) or not all(
        isinstance(m, dict) and "role" in m and "content" in m for m in record["messages"]
    ):
        raise ValueError("The session file's messages are malformed.")
    record = _without_secrets(record)
    record.setdefault("version", RECORD_VERSION)
    record.setdefault("metadata", {"message_count": len(record["messages"])})
    record.setdefault("profile", {})
    record.setdefault("itinerary", None)
    record.setdefault("itinerary_id", None)
    record.setdefault("mode", "trip_designer")
    if record["id"] in taken:
        record["id"] = new_session_id()
        while record["id"] in taken:
            record["id"] = new_session_id()
    return record


def fork_record(record: dict[str, Any], taken: set[str]) -> dict[str, Any]:
    """A copy of a session under a new id, to try an alternative."""
    fork = copy.deepcopy({k: v for k, v in record.items() if not k.startswith("_")})
    fork["id"] = new_session_id()
    while fork["id"] in taken:
        fork["id"] = new_session_id()
    fork["title"] = f"{record['title']} (fork)"
    fork["created_at"] = fork["last_active_at"] = utc_now()
    return fork
