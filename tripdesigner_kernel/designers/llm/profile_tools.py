"""The trip profile (the session's dialogue state) as two tools a model can call:
``get_trip_profile`` reads it, ``update_trip_profile`` sets slots of it. The same profile
the offline designer keeps (``designers.offline.understanding.profile``), so a session can
change designer and keep what the traveller said.

The tools work on the turn's copy of the profile; it is saved with the turn, or not at all.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import ValidationError

from tripdesigner_kernel.designers.offline.understanding.profile import (
    TripProfile,
    load_profile,
    profile_schema,
)

GET, UPDATE = "get_trip_profile", "update_trip_profile"
# A slot set by the model is said, no longer assumed: slot -> the names ``assumed`` uses.
SAID = {"travelers": ("travellers",), "dates": ("dates", "length"), "budget": ("level",)}
NOT_WRITABLE = {"version", "assumed"}


def profile_tool_schemas() -> list[dict[str, Any]]:
    """The two tools, OpenAI-style: their parameters are the profile's own JSON Schema."""
    schema = profile_schema()
    slots = {k: v for k, v in schema["properties"].items() if k not in NOT_WRITABLE}
    parameters = {
        "type": "object",
        "properties": slots,
        "$defs": schema["$defs"],
        "additionalProperties": False,
    }
    return [
        {
            "type": "function",
            "function": {
                "name": GET,
                "description": "Read the trip profile: what the traveller said so far, slot "
                "by slot, and which slots were assumed rather than said.",
                "parameters": {"type": "object", "properties": {}},
            },
        },
        {
            "type": "function",
            "function": {
                "name": UPDATE,
                "description": "Set slots of the trip profile to what the traveller said "
                "(origin, destinations with days, dates, travelers with children's ages, "
                "budget, interests, dietary, accommodation...). Each slot given replaces "
                "the one kept; slots not given stay as they are.",
                "parameters": parameters,
            },
        },
    ]


def run_profile_tool(
    name: str, arguments: str, profile: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Run ``name`` on ``profile`` (plain JSON, not changed); returns the tool's result
    (``{"ok", "message", "data"}``) and the profile after it."""
    if name == GET:
        return _result(True, "The trip profile.", load_profile(profile).slots()), profile
    try:
        raw = json.loads(arguments or "{}")
    except json.JSONDecodeError as error:
        return _result(False, f"The arguments of {UPDATE} are not valid JSON: {error}."), profile
    if not isinstance(raw, dict):
        return _result(False, f"{UPDATE} takes an object of slots."), profile
    unknown = sorted(set(raw) - set(TripProfile.model_fields) | (set(raw) & NOT_WRITABLE))
    if unknown or "planner" in raw:
        bad = unknown or ["planner"]
        return _result(False, f"{UPDATE} cannot set {', '.join(bad)}."), profile
    kept = load_profile(profile).to_json()
    try:
        updated = TripProfile.model_validate({**kept, **raw})
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in error.errors()
        )
        return _result(False, f"Invalid slots for {UPDATE}: {problems}."), profile
    said = {name for slot in raw for name in SAID.get(slot, (slot,))}
    updated.assumed = [slot for slot in updated.assumed if slot not in said]
    message = f"Profile updated: {', '.join(sorted(raw)) or 'nothing'}."
    return _result(True, message, updated.slots()), updated.to_json()


def _result(ok: bool, message: str, data: Any = None) -> dict[str, Any]:
    return {"ok": ok, "message": message, "data": data}
