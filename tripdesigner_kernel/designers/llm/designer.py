"""The model designer: any OpenAI-compatible endpoint drives the itinerary tools.

One model call per step: the model streams text and tool calls; the calls run one
after another on a copy of the itinerary; the loop ends when the model answers in
text (or asks the traveller a question). Nothing is saved unless the whole turn
succeeds, so a failure anywhere leaves the session as it was.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from tripdesigner_kernel.designers.base import DesignerError, DesignRequest, DesignResult, Question
from tripdesigner_kernel.designers.llm import client as clients
from tripdesigner_kernel.designers.llm.conversation import (
    ASKED,
    compact,
    estimate_tokens,
    history_messages,
    system_prompt,
    tool_calls_message,
    truncate,
)
from tripdesigner_kernel.trip import checks, model
from tripdesigner_kernel.trip.toolbox import registry
from tripdesigner_kernel.trip.tools import ToolContext

DEFAULT_MODEL = "gpt-4o-mini"
DEFAULT_TIMEOUT = 60.0
DEFAULT_RETRIES = 2
MAX_STEPS = 8
COST_LIMIT_USD = 2.0
CONTEXT_TOKENS = 128_000  # compaction starts at half of it
# USD per million tokens (input, output); settable with --price-input / --price-output.
PRICES = {
    "gpt-4o-mini": (0.15, 0.60),
    "gpt-4o": (2.50, 10.00),
    "gpt-4.1": (2.00, 8.00),
    "gpt-4.1-mini": (0.40, 1.60),
    "gpt-4.1-nano": (0.10, 0.40),
    "gpt-5-mini": (0.25, 2.00),
}


def _new_itinerary_id(text: str) -> str:
    """Deterministic, so a replayed conversation sends the same prompts."""
    return "it-" + hashlib.sha256(text.encode()).hexdigest()[:10]


class AskUser(BaseModel):
    question: str = Field(min_length=1, max_length=500)
    choices: list[str] = Field(min_length=2, max_length=8)
    multiple: bool = False


ASK_USER_SCHEMA = {
    "type": "function",
    "function": {
        "name": "ask_user",
        "description": "Ask the traveller one question with choices; ends your turn.",
        "parameters": AskUser.model_json_schema(),
    },
}


class OpenAIDesigner:
    """Settings: model, base_url or preset, key_env, timeout, max_retries, record, replay,
    cost_limit_usd, price_input, price_output, max_steps, context_tokens."""

    name = "openai"

    def __init__(self, settings: Mapping[str, Any] | None = None, api_key: str | None = None):
        options = dict(settings or {})
        self.model = str(options.get("model", DEFAULT_MODEL))
        preset = options.get("preset")
        if preset is not None and preset not in clients.PRESETS:
            raise DesignerError(f"Unknown preset {preset!r}: use {', '.join(clients.PRESETS)}.")
        self.base_url = str(options.get("base_url") or clients.PRESETS[preset or "openai"])
        self.max_steps = int(options.get("max_steps", MAX_STEPS))
        self.cost_limit = float(options.get("cost_limit_usd", COST_LIMIT_USD))
        self.context_tokens = int(options.get("context_tokens", CONTEXT_TOKENS))
        known = PRICES.get(self.model, (0.0, 0.0))
        self.price_in = float(options.get("price_input", known[0]))
        self.price_out = float(options.get("price_output", known[1]))
        self.client: clients.ModelClient
        if options.get("replay"):
            self.client = clients.ReplayClient(Path(options["replay"]))
        else:
            if not api_key and preset != "ollama" and "localhost" not in self.base_url:
                raise DesignerError(
                    "The model designer needs an API key: `%tripchat key` (asked, never saved) or "
                    "`%tripchat key --env VAR`. Or use `--replay CASSETTE` to replay a recording."
                )
            self.client = clients.OpenAIClient(
                self.base_url,
                api_key,
                float(options.get("timeout", DEFAULT_TIMEOUT)),
                int(options.get("max_retries", DEFAULT_RETRIES)),
            )
            if options.get("record"):
                self.client = clients.RecordingClient(self.client, Path(options["record"]))
        self._tools = [*registry.schemas(), ASK_USER_SCHEMA]

    # One turn -------------------------------------------------------------------------

    def respond(self, request: DesignRequest) -> DesignResult:
        spent = float(request.metadata.get("cost_usd", 0.0))
        if spent >= self.cost_limit:
            raise DesignerError(
                f"This session has used ${spent:.2f} of its ${self.cost_limit:.2f} limit. "
                "Start a new "
                "session (`%tripchat new`) or raise the limit (`--cost-limit-usd`)."
            )
        itinerary = (
            model.Itinerary.from_json(request.itinerary)
            if request.itinerary
            else model.Itinerary(id=_new_itinerary_id(request.text), title="New trip")
        )
        context = ToolContext(itinerary, request.today)
        history, compacted = request.history, None
        messages = self._messages(request, itinerary, history)
        if estimate_tokens(messages) > self.context_tokens // 2:
            compacted = compact(history)
            if compacted is not None:
                history = compacted
                messages = self._messages(request, itinerary, history)
        result = DesignResult(reply="", itinerary=request.itinerary, profile=dict(request.profile))
        result.history = compacted
        for step in range(self.max_steps):
            text, calls = self._call(messages, request, result, spent)
            if not calls:
                result.reply = text
                break
            messages.append(tool_calls_message(text or None, calls))
            for call in calls:
                if call["name"] == "ask_user":
                    return self._ask(call, step, text, context, request, result)
                request.emit(
                    {"type": "tool_call", "name": call["name"], "arguments": call["arguments"]}
                )
                outcome = registry.run(context, call["name"], call["arguments"])
                request.emit(
                    {
                        "type": "tool_result",
                        "name": call["name"],
                        "ok": outcome.ok,
                        "message": outcome.message,
                    }
                )
                content = truncate(json.dumps(outcome.to_json(), ensure_ascii=False, default=str))
                messages.append({"role": "tool", "tool_call_id": call["id"], "content": content})
                result.tool_calls.append({**call, "step": step, "result": content})
            if context.changed:
                request.emit({"type": "itinerary_changed"})
        else:
            raise DesignerError(
                f"The model was still calling tools after {self.max_steps} steps; the turn was "
                "stopped. Try a more specific request."
            )
        result.itinerary = self._finish(context, request) if context.changed else request.itinerary
        return result

    def _messages(
        self, request: DesignRequest, itinerary: model.Itinerary, history: list[dict[str, Any]]
    ) -> list[dict[str, Any]]:
        shown = itinerary if request.itinerary else None
        return [
            {"role": "system", "content": system_prompt(request.today, shown, request.profile)},
            *history_messages(history),
            {"role": "user", "content": request.text},
        ]

    def _call(
        self,
        messages: list[dict[str, Any]],
        request: DesignRequest,
        result: DesignResult,
        spent: float,
    ) -> tuple[str, list[dict[str, Any]]]:
        """One streamed model call: its text and tool calls; tokens and cost added up."""
        payload = {"model": self.model, "messages": messages, "tools": self._tools}
        parts: list[str] = []
        calls: dict[int, dict[str, Any]] = {}
        usage = None
        finished = False
        result.model_calls += 1
        for chunk in self.client.stream(payload):
            if chunk.usage is not None:
                usage = chunk.usage
            if not chunk.choices:
                continue
            choice = chunk.choices[0]
            finished = finished or bool(choice.finish_reason)
            delta = choice.delta
            if delta.content:
                parts.append(delta.content)
                request.emit({"type": "text", "delta": delta.content})
            for piece in delta.tool_calls or ():
                call = calls.setdefault(piece.index, {"id": "", "name": "", "arguments": ""})
                if piece.id:
                    call["id"] = piece.id
                function = piece.function
                if function is not None:
                    call["name"] += function.name or ""
                    call["arguments"] += function.arguments or ""
        if not finished:
            raise DesignerError(
                "The model's reply broke off before it finished (the stream ended early). "
                "Send the message again."
            )
        if usage is not None:
            result.input_tokens += int(usage.prompt_tokens or 0)
            result.output_tokens += int(usage.completion_tokens or 0)
            result.cost_usd = (
                result.input_tokens * self.price_in + result.output_tokens * self.price_out
            ) / 1e6
            if spent + result.cost_usd > self.cost_limit:
                raise DesignerError(
                    f"This turn would take the session past its ${self.cost_limit:.2f} cost limit, "
                    "so it was stopped. Start a new session or raise the limit."
                )
        ordered = [calls[i] for i in sorted(calls)]
        for number, call in enumerate(ordered):
            call["id"] = call["id"] or f"call_{result.model_calls}_{number}"
        return "".join(parts), ordered

    def _ask(
        self,
        call: dict[str, Any],
        step: int,
        text: str,
        context: ToolContext,
        request: DesignRequest,
        result: DesignResult,
    ) -> DesignResult:
        """``ask_user`` ends the turn with a question (bad arguments go back to the model)."""
        try:
            asked = AskUser.model_validate_json(call["arguments"] or "{}")
        except ValueError as error:
            raise DesignerError(f"The model asked a malformed question: {error}") from None
        question = Question(asked.question, list(asked.choices), asked.multiple)
        request.emit({"type": "question", **question.to_json()})
        result.tool_calls.append({**call, "step": step, "result": ASKED})
        result.question = question
        result.reply = text or asked.question
        result.itinerary = self._finish(context, request) if context.changed else request.itinerary
        return result

    @staticmethod
    def _finish(context: ToolContext, request: DesignRequest) -> dict[str, Any]:
        itinerary = context.itinerary
        itinerary.estimated_total = checks.estimate_total(itinerary, itinerary.budget.currency)
        itinerary.violations = checks.check_itinerary(itinerary, request.today)
        return itinerary.to_json()

    def close(self) -> None:
        self.client.close()
