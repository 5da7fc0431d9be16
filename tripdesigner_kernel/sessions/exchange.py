"""Session files: a versioned JSON document holding one session, for sharing or backup.

A file is checked against a schema (pydantic, strict: no number for a timestamp, no
list for an id) before anything is stored, and refused with one line naming the
field. Secrets are filtered out both ways, by field name and by value (see
``redaction``), so a file is safe to hand over and a received one stores no key.
"""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    JsonValue,
    StringConstraints,
    ValidationError,
)

from tripdesigner_kernel.redaction import redact
from tripdesigner_kernel.sessions.manager import MAX_TITLE_LENGTH
from tripdesigner_kernel.sessions.records import (
    MODE_TRIP_DESIGNER,
    RECORD_VERSION,
    ROLES,
    new_session_id,
    utc_now,
)

FORMAT = "tripdesigner.session/1"
MAX_DEPTH = 32  # a real record nests about 6 deep; 500 deep is an attack, not a trip
MAX_TEXT = 200_000  # characters in one message


def _utc_timestamp(text: str) -> str:
    """ISO 8601 with a time zone, stored as UTC like ``records.utc_now``."""
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise ValueError("the time needs a time zone, e.g. 2026-11-24T10:00:00+00:00")
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


Timestamp = Annotated[str, StringConstraints(max_length=64), AfterValidator(_utc_timestamp)]
Identifier = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_.\-]{1,64}$")]
Text = Annotated[str, StringConstraints(max_length=MAX_TEXT)]
Count = Annotated[int, Field(ge=0)]


class _Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid")


class _Question(_Strict):
    text: Text
    choices: list[Annotated[str, StringConstraints(max_length=500)]] = Field(max_length=50)
    multiple: bool = False


class _ToolCall(_Strict):
    id: Annotated[str, StringConstraints(max_length=200)]
    name: Annotated[str, StringConstraints(max_length=200)]
    arguments: Text
    result: Text
    step: Count = 0


class _Tokens(_Strict):
    input: Count = 0
    output: Count = 0


class _Message(_Strict):
    model_config = ConfigDict(extra="allow")  # fields a newer version adds travel as JSON

    role: Literal[ROLES]  # type: ignore[valid-type]
    content: Text
    timestamp: Timestamp | None = None
    question: _Question | None = None
    tool_calls: list[_ToolCall] | None = None
    tokens: _Tokens | None = None
    cost_usd: Annotated[float, Field(ge=0)] | None = None
    model_calls: Count | None = None
    compacted: Count | None = None


class _Metadata(_Strict):
    model_config = ConfigDict(extra="allow")

    message_count: Count = 0
    total_tokens: Count = 0
    cost_usd: Annotated[float, Field(ge=0, allow_inf_nan=False)] = 0.0
    last_compaction_at: Timestamp | None = None


class _Session(_Strict):
    # Unknown top-level fields are dropped: a store keeps its own bookkeeping.
    model_config = ConfigDict(extra="ignore")

    version: Annotated[int, Field(ge=1, le=RECORD_VERSION)] = RECORD_VERSION
    id: Identifier
    title: Annotated[str, StringConstraints(min_length=1, max_length=MAX_TITLE_LENGTH)]
    itinerary_id: Identifier | None = None
    mode: Identifier = MODE_TRIP_DESIGNER
    created_at: Timestamp
    last_active_at: Timestamp
    messages: list[_Message]
    itinerary: dict[str, JsonValue] | None = None
    profile: dict[str, JsonValue] = Field(default_factory=dict)
    metadata: _Metadata = Field(default_factory=_Metadata)


def _where(location: tuple[int | str, ...]) -> str:
    text = "session"
    for part in location:
        text += f"[{part}]" if isinstance(part, int) else f".{part}"
    return text


def _depth(value: Any) -> int:
    """How deep ``value`` nests, without recursion (a deep file must not crash the check)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        deepest = max(deepest, depth)
        if depth > MAX_DEPTH:
            break
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)
    return deepest


def dump_session(record: dict[str, Any]) -> str:
    """The session as a session file's text, without secrets or store bookkeeping."""
    document = {"format": FORMAT, "exported_at": utc_now(), "session": redact(record)}
    return json.dumps(document, ensure_ascii=False, indent=1)


def load_session(text: str, taken: set[str]) -> dict[str, Any]:
    """The record in a session file, checked, with a new id when its id is already ``taken``.

    Raises ValueError with one line naming what is wrong (and where) for anything that
    is not a valid session file; nothing is stored by this function.
    """
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValueError(f"This is not a session file: not JSON ({error}).") from None
    except RecursionError:
        document = None  # nested past Python's own limit: refused just below
    if document is None or _depth(document) > MAX_DEPTH:
        raise ValueError(f"This session file nests deeper than {MAX_DEPTH} levels; refused.")
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        found = document.get("format") if isinstance(document, dict) else None
        raise ValueError(f"This is not a session file (format {found!r}, expected {FORMAT!r}).")
    if not isinstance(document.get("session"), dict):
        raise ValueError("The session file has no 'session' object.")
    try:
        session = _Session.model_validate(redact(document["session"]))
        record = session.model_dump(mode="json", exclude_unset=True)  # as written, checked
        record.setdefault("itinerary", None)
        if record["itinerary"] is not None:
            from tripdesigner_kernel.trip.model import Itinerary

            # Strict, from JSON: a number is no date here, though lax mode reads it as one.
            itinerary = Itinerary.model_validate_json(json.dumps(record["itinerary"]), strict=True)
            record["itinerary"] = itinerary.to_json()
    except ValidationError as error:
        first = error.errors()[0]
        location = first["loc"]
        if error.title == "Itinerary":  # checked by the itinerary model, after the schema
            location = ("itinerary", *location)
        raise ValueError(
            f"The session file is invalid at {_where(location)}: {first['msg']}."
        ) from None
    for message in record["messages"]:
        message["timestamp"] = message.get("timestamp") or record["last_active_at"]
    for name in ("itinerary_id", "profile", "metadata"):
        record.setdefault(name, _Session.model_fields[name].get_default(call_default_factory=True))
    record["metadata"] = {"total_tokens": 0, "cost_usd": 0.0, **record["metadata"]}
    record["mode"] = record.get("mode", MODE_TRIP_DESIGNER)
    record["version"] = RECORD_VERSION
    record["metadata"]["message_count"] = len(record["messages"])
    if record["itinerary"] is not None:
        record["itinerary_id"] = record["itinerary"]["id"]
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
