"""What a designer is: the request it gets, the result it gives, and the protocol."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol, runtime_checkable

Event = dict[str, Any]
EventSink = Callable[[Event], None]


DESIGNER_ERROR_TAG = "tripdesigner.designer-error"


class DesignerError(RuntimeError):
    """A turn failed for a reason the person can act on; the message says what to do.

    Catch it with ``is_designer_error``, not ``except DesignerError``: after a code
    reload the raiser and the catcher may hold different copies of this class.
    """

    tag = DESIGNER_ERROR_TAG


def is_designer_error(error: BaseException) -> bool:
    """True for a ``DesignerError`` from any copy of this module (matched by its tag)."""
    return getattr(error, "tag", None) == DESIGNER_ERROR_TAG


def ignore_event(event: Event) -> None:
    """The default event sink: nobody is listening."""


@dataclass
class DesignRequest:
    """One user message and everything a designer may read to answer it (all copies)."""

    text: str
    history: list[dict[str, Any]]
    itinerary: dict[str, Any] | None
    profile: dict[str, Any]
    today: date
    emit: EventSink = ignore_event
    metadata: dict[str, Any] = field(default_factory=dict)  # tokens and cost so far


@dataclass
class Question:
    """A question for the person, with choices to pick from."""

    text: str
    choices: list[str]
    multiple: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "choices": list(self.choices), "multiple": self.multiple}

    def resolve(self, text: str) -> str:
        """The choice an answer picks: "2", "option 2", the choice's text or a close typo of it.

        Any other text comes back unchanged. Raises ``ValueError`` for a number that is not
        a choice.
        """
        from tripdesigner_kernel.knowledge.text import fold

        if not self.choices:
            return text
        folded = fold(text)
        bare = text.strip()
        number = re.fullmatch(r"(?:(?:option|number|choice|no|nr) )?(\d+)(?: please)?", folded)
        if number or bare.isdigit():
            # "²" passes isdigit() but is no number; a huge number is out of range too.
            digits = bare if bare.isdigit() else number[1] if number else ""
            index = int(digits) if digits.isascii() and len(digits) <= 6 else 0
            if not 1 <= index <= len(self.choices):
                raise ValueError(
                    f"Choose a number from 1 to {len(self.choices)}, or write your answer in words."
                )
            return self.choices[index - 1]
        by_name = {fold(choice): choice for choice in self.choices}
        if folded in by_name:
            return by_name[folded]
        if len(folded) <= max(map(len, by_name)) + 2:  # a typo, not a sentence
            close = difflib.get_close_matches(folded, list(by_name), n=1, cutoff=0.8)
            if close:
                return by_name[close[0]]
        return text


def pending_question(messages: Sequence[Mapping[str, Any]]) -> Question | None:
    """The question of the last assistant message, if it asked one."""
    for message in reversed(messages):
        if message.get("role") == "assistant":
            asked = message.get("question")
            if not asked:
                return None
            return Question(asked["text"], list(asked["choices"]), bool(asked.get("multiple")))
    return None


@dataclass
class DesignResult:
    """A designer's answer: the reply, the new itinerary and profile, tokens and cost."""

    reply: str
    itinerary: dict[str, Any] | None
    profile: dict[str, Any] = field(default_factory=dict)
    question: Question | None = None
    tool_calls: list[dict[str, Any]] = field(default_factory=list)
    input_tokens: int = 0
    output_tokens: int = 0
    cost_usd: float = 0.0
    model_calls: int = 0
    history: list[dict[str, Any]] | None = None  # a compacted history replacing the old one


@runtime_checkable
class Designer(Protocol):
    """The brain behind a session. Built by a factory ``(settings, api_key) -> Designer``."""

    name: str

    def respond(self, request: DesignRequest) -> DesignResult:
        """Answer one message. Must not change ``request``'s data in place."""

    def close(self) -> None:
        """Release what the designer holds (HTTP clients, files)."""


DesignerFactory = Callable[[Mapping[str, Any], "str | None"], Designer]
