"""The model's view of a session: the system prompt, the history, compaction."""

from __future__ import annotations

import json
from datetime import date
from importlib import resources
from typing import Any

from tripdesigner_kernel.sessions.records import new_message
from tripdesigner_kernel.trip import model

TOOL_RESULT_CHARS = 4000  # results are truncated in the history
KEEP_RECENT = 6
MIN_OLDER = 5
ASKED = "The question was shown to the traveller; their answer is the next message."


def system_prompt(today: date, itinerary: model.Itinerary | None, profile: dict[str, Any]) -> str:
    template = (resources.files("tripdesigner_kernel.designers.llm") / "prompt.md").read_text(
        "utf-8"
    )
    return template.format(
        today=today.isoformat(),
        itinerary=summarize(itinerary) if itinerary else "No trip yet.",
        profile=json.dumps(profile, ensure_ascii=False, sort_keys=True)
        if profile
        else "Nothing yet.",
    )


def summarize(itinerary: model.Itinerary) -> str:
    """A compact text of the itinerary for the prompt: dates, party, and one line a segment."""
    head = (
        f"{itinerary.title} (id {itinerary.id}): {itinerary.start_date} to {itinerary.end_date}, "
        f"{itinerary.travelers} traveller(s), {itinerary.budget.level} level, interests "
        f"{', '.join(itinerary.preferences.interests) or 'none given'}."
    )
    lines = [head]
    for s in itinerary.segments:
        lines.append(f"- {s.id}: {s.type} {s.start:%Y-%m-%d %H:%M}-{s.end:%H:%M} {s.name}")
    if itinerary.estimated_total:
        lines.append(
            f"Estimated total: {itinerary.estimated_total.amount} "
            f"{itinerary.estimated_total.currency}"
        )
    if itinerary.violations:
        lines.append("Problems: " + "; ".join(v.message for v in itinerary.violations))
    return "\n".join(lines)


def tool_calls_message(text: str | None, calls: list[dict[str, Any]]) -> dict[str, Any]:
    """The assistant message that asks for ``calls``, in the chat-completions format."""
    return {
        "role": "assistant",
        "content": text,
        "tool_calls": [
            {
                "id": c["id"],
                "type": "function",
                "function": {"name": c["name"], "arguments": c["arguments"]},
            }
            for c in calls
        ],
    }


def history_messages(history: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Stored messages in the chat-completions format, tool exchanges included."""
    messages: list[dict[str, Any]] = []
    for stored in history:
        role = stored["role"]
        if role == "assistant" and stored.get("tool_calls"):
            steps: dict[int, list[dict[str, Any]]] = {}
            for call in stored["tool_calls"]:
                steps.setdefault(call.get("step", 0), []).append(call)
            for calls in steps.values():
                messages.append(tool_calls_message(None, calls))
                for c in calls:
                    messages.append(
                        {"role": "tool", "tool_call_id": c["id"], "content": c["result"]}
                    )
            if stored["content"]:
                messages.append({"role": "assistant", "content": stored["content"]})
        elif role in ("user", "assistant", "system"):
            messages.append({"role": role, "content": stored["content"]})
    return messages


def estimate_text_tokens(text: str) -> int:
    """About four characters a token (at least one for any text): an estimate for when a
    provider reports no usage, and for deciding when to compact."""
    return (len(text) + 3) // 4


def estimate_tokens(messages: list[dict[str, Any]]) -> int:
    """The estimated tokens of ``messages`` as sent."""
    return estimate_text_tokens(json.dumps(messages, ensure_ascii=False))


def compact(history: list[dict[str, Any]]) -> list[dict[str, Any]] | None:
    """Older messages summarised into one system message, the last six kept; None if too short."""
    if len(history) < KEEP_RECENT + MIN_OLDER:
        return None
    older, recent = history[:-KEEP_RECENT], history[-KEEP_RECENT:]
    asked = [m["content"] for m in older if m["role"] == "user"]
    lines = ["Summary of the earlier conversation (older messages were compacted):"]
    lines += [f"- The traveller asked: {text[:300]}" for text in asked]
    summary = new_message("system", "\n".join(lines), compacted=len(older))
    return [summary, *recent]


def truncate(text: str) -> str:
    if len(text) <= TOOL_RESULT_CHARS:
        return text
    return text[:TOOL_RESULT_CHARS] + f"... [{len(text) - TOOL_RESULT_CHARS} more characters]"
