"""One chat turn: ``TripDesignerService``.

The service holds a designer and nothing of any session: it gets a copy of a
session record and returns the new one. That is why clearing the service cache
on a code reload can never lose a session.
"""

from __future__ import annotations

import copy
import hashlib
import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from tripdesigner_kernel.designers.base import (
    Designer,
    DesignRequest,
    EventSink,
    Question,
    ignore_event,
    is_designer_error,
    pending_question,
)
from tripdesigner_kernel.sessions.records import new_message, utc_now
from tripdesigner_kernel.trip import model

log = logging.getLogger(__name__)
DEFAULT_TITLE = "Untitled trip"
CONTEXT = "context"  # metadata: {"summary": [messages], "from": n}, the model's compacted view


class TurnError(RuntimeError):
    """A chat turn failed; the session was left exactly as it was."""


@dataclass
class TurnResult:
    """What one turn produced: the new record (not yet saved) and what to show."""

    record: dict[str, Any]
    reply: str
    question: Question | None
    itinerary: dict[str, Any] | None


def service_key(designer: str, settings: Mapping[str, Any], api_key: str | None) -> str:
    """SHA-256 of the designer, its settings and the key: the key itself is never a dict key."""
    digest = hashlib.sha256()
    digest.update(json.dumps([designer, dict(settings)], sort_keys=True, default=str).encode())
    digest.update(b"\0" + (api_key or "").encode())
    return digest.hexdigest()


class TripDesignerService:
    """Runs chat turns with one designer."""

    def __init__(self, designer: Designer, designer_name: str) -> None:
        self.designer = designer
        self.designer_name = designer_name

    def turn(
        self, record: Mapping[str, Any], text: str, today: date, emit: EventSink = ignore_event
    ) -> TurnResult:
        """Answer ``text`` in the session ``record``; returns the new record, unsaved."""
        # Messages are append-only and never edited, so the turn works on a new list of the
        # same messages: copying each one would cost a long session time on every turn.
        # What a turn does change (metadata) is copied whole; ``record`` stays untouched.
        work = {
            **record,
            "messages": list(record["messages"]),
            "metadata": copy.deepcopy(record.get("metadata") or {}),
        }
        question = pending_question(work["messages"])
        if question is not None:  # "2", or the choice's text with a typo: the choice itself
            text = question.resolve(text)
        history = model_history(work)
        request = DesignRequest(
            text=text,
            history=copy.deepcopy(history),
            itinerary=copy.deepcopy(work.get("itinerary")),
            profile=copy.deepcopy(work.get("profile") or {}),
            today=today,
            emit=emit,
            metadata=copy.deepcopy(work.get("metadata") or {}),
        )
        try:
            result = self.designer.respond(request)
            itinerary = result.itinerary
            if itinerary is not None:  # a designer must hand back a valid itinerary
                itinerary = model.Itinerary.from_json(itinerary).to_json()
        except Exception as error:
            if is_designer_error(error):  # by tag: a reload may have made a second class
                raise TurnError(f"{error} Your session is unchanged.") from error
            log.debug("turn failed", exc_info=True)
            raise TurnError(
                f"The {self.designer_name} designer failed: {type(error).__name__}: {error}. "
                "Your session is unchanged."
            ) from error
        question = result.question
        if result.history is not None:  # compacted: only the model's view changes
            work["metadata"][CONTEXT] = compacted_view(work, history, result.history)
            work["metadata"]["last_compaction_at"] = utc_now()
        work["messages"].append(new_message("user", text))
        work["messages"].append(
            new_message(
                "assistant",
                result.reply,
                question=question.to_json() if question else None,
                tool_calls=result.tool_calls,
                tokens={"input": result.input_tokens, "output": result.output_tokens},
                cost_usd=result.cost_usd,
                model_calls=result.model_calls,
            )
        )
        work["itinerary"] = itinerary
        work["profile"] = result.profile
        if itinerary is not None:
            work["itinerary_id"] = itinerary["id"]
            if work["title"] == DEFAULT_TITLE:
                work["title"] = itinerary["title"]
        metadata = work["metadata"]
        metadata["total_tokens"] = (
            metadata.get("total_tokens", 0) + result.input_tokens + result.output_tokens
        )
        metadata["cost_usd"] = metadata.get("cost_usd", 0.0) + result.cost_usd
        emit({"type": "done", "itinerary_updated": itinerary != record.get("itinerary")})
        return TurnResult(work, result.reply, question, itinerary)

    def close(self) -> None:
        """Release what the designer holds."""
        self.designer.close()


def model_history(record: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The history a designer reads: the compaction summary, then the messages after it.

    The stored messages themselves are never rewritten (they are append-only): compaction
    only moves where the model's view starts, so a transcript is kept whole.
    """
    messages = list(record["messages"])
    context = (record.get("metadata") or {}).get(CONTEXT)
    if not context:
        return messages
    return [*context["summary"], *messages[context["from"] :]]


def compacted_view(
    record: Mapping[str, Any], sent: list[dict[str, Any]], compacted: list[dict[str, Any]]
) -> dict[str, Any]:
    """The context that makes ``model_history(record)`` equal ``compacted``.

    ``compacted`` ends with messages kept from ``sent`` (the history the designer read) and
    starts with the summary that replaces the rest.
    """
    messages = record["messages"]
    context = (record.get("metadata") or {}).get(CONTEXT)
    shown = len(messages) - (context["from"] if context else 0)  # stored messages in ``sent``
    kept = 0
    while kept < min(shown, len(compacted)) and sent[-1 - kept] == compacted[-1 - kept]:
        kept += 1
    summary = copy.deepcopy(compacted[: len(compacted) - kept])
    return {"summary": summary, "from": len(messages) - kept}
