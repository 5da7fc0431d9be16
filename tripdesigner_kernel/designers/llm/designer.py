"""The model designer: any OpenAI-compatible endpoint drives the itinerary tools.

One model call per step: the model streams text and tool calls; the calls run one
after another on a copy of the itinerary; the loop ends when the model answers in
text (or asks the traveller a question). Nothing is saved unless the whole turn
succeeds, so a failure anywhere leaves the session as it was.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, ValidationError

from tripdesigner_kernel.designers.base import DesignerError, DesignRequest, DesignResult, Question
from tripdesigner_kernel.designers.llm import client as clients
from tripdesigner_kernel.designers.llm.conversation import (
    ASKED,
    compact,
    estimate_text_tokens,
    estimate_tokens,
    history_messages,
    system_prompt,
    tool_calls_message,
    truncate,
)
from tripdesigner_kernel.designers.llm.profile_tools import (
    GET,
    UPDATE,
    profile_tool_schemas,
    run_profile_tool,
)
from tripdesigner_kernel.redaction import Secret
from tripdesigner_kernel.trip import checks, model
from tripdesigner_kernel.trip.toolbox import registry
from tripdesigner_kernel.trip.tools import ToolContext

DEFAULT_MODEL = "gpt-4o-mini"
DEFAULT_TIMEOUT = 120.0  # seconds for a whole turn: every model call and retry in it
MAX_TIMEOUT = 3600.0
DEFAULT_RETRIES = 2
MAX_STEPS = 8
PROFILE_TOOLS = (GET, UPDATE)
MAX_ARGUMENT_CHARS = 32_000  # a tool call's arguments; a plan is a few hundred
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


def _checked_call(call: dict[str, Any]) -> dict[str, Any]:
    """A streamed tool call made safe to run, store and send back.

    Empty arguments mean none (``{}``); arguments past ``MAX_ARGUMENT_CHARS`` are not
    kept (they would be stored and re-sent each turn): the call is refused with a tool
    error the model can act on.
    """
    dropped = call.pop("dropped", 0)
    if dropped or len(call["arguments"]) > MAX_ARGUMENT_CHARS:
        size = len(call["arguments"]) + dropped
        call["arguments"] = "{}"
        call["refused"] = (
            f"The arguments of {call['name'] or 'this call'} were {size:,} characters; the "
            f"limit is {MAX_ARGUMENT_CHARS:,}. The tool did not run: send smaller calls."
        )
    elif not call["arguments"].strip():
        call["arguments"] = "{}"
    return call


def _question(arguments: str) -> AskUser | str:
    """The question ``ask_user`` asks, or what is wrong with its arguments."""
    try:
        return AskUser.model_validate_json(arguments)
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'arguments'}: {e['msg']}"
            for e in error.errors()
        )
        return f"Invalid arguments for ask_user: {problems}. Ask again with valid arguments."


class OpenAIDesigner:
    """Settings: model, base_url or preset, key_env, timeout (seconds for a whole turn),
    max_retries, record, replay, cost_limit_usd, price_input, price_output, max_steps,
    context_tokens."""

    name = "openai"

    def __init__(self, settings: Mapping[str, Any] | None = None, api_key: str | None = None):
        key = Secret(api_key) if api_key else None
        del api_key  # from here on only the Secret: a traceback's locals never show the key
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
        self.timeout = float(options.get("timeout", DEFAULT_TIMEOUT))
        if not 0 < self.timeout <= MAX_TIMEOUT:  # also refuses NaN
            raise DesignerError(
                f"--timeout is the seconds a whole turn may take: a number from 1 to "
                f"{MAX_TIMEOUT:g}, not {options.get('timeout')!r}."
            )
        self.client: clients.ModelClient
        if options.get("replay"):
            self.client = clients.ReplayClient(Path(options["replay"]))
        else:
            if key is None and preset != "ollama" and "localhost" not in self.base_url:
                raise DesignerError(
                    "The model designer needs an API key: `%tripchat key` (asked, never saved) or "
                    "`%tripchat key --env VAR`. Or use `--replay CASSETTE` to replay a recording."
                )
            self.client = clients.OpenAIClient(
                self.base_url,
                key.reveal() if key else None,
                self.timeout,
                int(options.get("max_retries", DEFAULT_RETRIES)),
            )
            if options.get("record"):
                self.client = clients.RecordingClient(self.client, Path(options["record"]))
        self._tools = [*registry.schemas(), *profile_tool_schemas(), ASK_USER_SCHEMA]

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
        deadline = time.monotonic() + self.timeout
        for step in range(self.max_steps):
            text, calls = self._call(messages, request, result, spent, deadline)
            if not calls:
                result.reply = text
                break
            messages.append(tool_calls_message(text or None, calls))
            for call in calls:
                if call["name"] == "ask_user" and "refused" not in call:
                    asked = _question(call["arguments"])
                    if isinstance(asked, AskUser):
                        return self._ask(asked, call, step, text, context, request, result)
                    call["refused"] = asked  # goes back to the model like any tool error
                if call["name"] in PROFILE_TOOLS and "refused" not in call:
                    content = self._run_profile_tool(call, request, result)
                else:
                    content = self._run_tool(call, context, request)
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

    @staticmethod
    def _run_tool(call: dict[str, Any], context: ToolContext, request: DesignRequest) -> str:
        """Run one tool call (or report why it cannot run); the result as stored text."""
        name, refused = call["name"], call.pop("refused", None)
        request.emit({"type": "tool_call", "name": name, "arguments": call["arguments"]})
        if refused is None:
            outcome = registry.run(context, name, call["arguments"])
            ok, message, data = outcome.ok, outcome.message, outcome.to_json()
        else:
            ok, message, data = False, refused, {"ok": False, "message": refused}
        request.emit({"type": "tool_result", "name": name, "ok": ok, "message": message})
        return truncate(json.dumps(data, ensure_ascii=False, default=str))

    @staticmethod
    def _run_profile_tool(
        call: dict[str, Any], request: DesignRequest, result: DesignResult
    ) -> str:
        """Read or set the turn's copy of the trip profile; the result as stored text."""
        name = call["name"]
        request.emit({"type": "tool_call", "name": name, "arguments": call["arguments"]})
        outcome, result.profile = run_profile_tool(name, call["arguments"], result.profile)
        request.emit(
            {
                "type": "tool_result",
                "name": name,
                "ok": outcome["ok"],
                "message": outcome["message"],
            }
        )
        return truncate(json.dumps(outcome, ensure_ascii=False, default=str))

    def _call(
        self,
        messages: list[dict[str, Any]],
        request: DesignRequest,
        result: DesignResult,
        spent: float,
        deadline: float | None = None,
    ) -> tuple[str, list[dict[str, Any]]]:
        """One streamed model call: its text and tool calls; tokens and cost added up.

        ``deadline`` (``time.monotonic()``; default: ``timeout`` from now) bounds the call.
        """
        payload = {"model": self.model, "messages": messages, "tools": self._tools}
        parts: list[str] = []
        calls: dict[int, dict[str, Any]] = {}
        usage = None
        finished = False
        result.model_calls += 1
        if deadline is None:
            deadline = time.monotonic() + self.timeout
        chunks = self.client.stream(payload, deadline)
        try:
            for chunk in chunks:
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
                        if function.arguments and len(call["arguments"]) <= MAX_ARGUMENT_CHARS:
                            call["arguments"] += function.arguments
                        elif function.arguments:  # past the cap: count, keep nothing
                            call["dropped"] = call.get("dropped", 0) + len(function.arguments)
        finally:
            close = getattr(chunks, "close", None)
            if close is not None:
                close()  # a cancelled turn releases the connection and its deadline now
        if not finished:
            raise DesignerError(
                "The model's reply broke off before it finished (the stream ended early). "
                "Send the message again."
            )
        text = "".join(parts)
        ordered = [_checked_call(calls[i]) for i in sorted(calls)]
        if usage is not None:
            result.input_tokens += int(usage.prompt_tokens or 0)
            result.output_tokens += int(usage.completion_tokens or 0)
        else:  # a provider that reports no usage still costs: estimate, never count it free
            result.input_tokens += estimate_text_tokens(json.dumps(payload, ensure_ascii=False))
            result.output_tokens += estimate_text_tokens(
                text + "".join(c["name"] + c["arguments"] for c in ordered)
            )
        result.cost_usd = (
            result.input_tokens * self.price_in + result.output_tokens * self.price_out
        ) / 1e6
        if spent + result.cost_usd > self.cost_limit:
            raise DesignerError(
                f"This turn would take the session past its ${self.cost_limit:.2f} cost limit, "
                "so it was stopped. Start a new session or raise the limit."
            )
        for number, call in enumerate(ordered):
            call["id"] = call["id"] or f"call_{result.model_calls}_{number}"
        return text, ordered

    def _ask(
        self,
        asked: AskUser,
        call: dict[str, Any],
        step: int,
        text: str,
        context: ToolContext,
        request: DesignRequest,
        result: DesignResult,
    ) -> DesignResult:
        """``ask_user`` ends the turn with a question."""
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
