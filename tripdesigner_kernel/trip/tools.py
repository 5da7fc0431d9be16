"""The tool registry: every change to an itinerary goes through a tool.

A tool is a pydantic arguments model (its JSON Schema is what a model sees) and
a handler that edits the itinerary in a ``ToolContext``. A tool never raises at
its caller: bad arguments or a refused change come back as an error value.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import BaseModel, ValidationError

from tripdesigner_kernel.trip import model


@dataclass
class ToolContext:
    """What a tool works on: a copy of the itinerary, and 'today'."""

    itinerary: model.Itinerary
    today: date
    changed: bool = False


@dataclass
class ToolResult:
    """A tool's answer: ok with data, or an error message a model or a person can act on."""

    ok: bool
    message: str
    data: Any = None

    def to_json(self) -> dict[str, Any]:
        return {"ok": self.ok, "message": self.message, "data": self.data}


class ToolError(Exception):
    """Raised inside a handler to refuse a change; becomes an error ToolResult."""


@dataclass(frozen=True)
class Tool:
    name: str
    description: str
    arguments: type[BaseModel]
    handler: Callable[[ToolContext, Any], ToolResult]
    changes: bool = True  # False for tools that only read

    def json_schema(self) -> dict[str, Any]:
        """The OpenAI-style function description of this tool."""
        parameters = self.arguments.model_json_schema()
        parameters.pop("title", None)
        return {
            "type": "function",
            "function": {
                "name": self.name,
                "description": self.description,
                "parameters": parameters,
            },
        }


@dataclass
class ToolRegistry:
    tools: dict[str, Tool] = field(default_factory=dict)

    def add(
        self, name: str, arguments: type[BaseModel], *, changes: bool = True
    ) -> Callable[
        [Callable[[ToolContext, Any], ToolResult]], Callable[[ToolContext, Any], ToolResult]
    ]:
        """Decorator: register ``handler`` as tool ``name``; its docstring is the description."""

        def register(
            handler: Callable[[ToolContext, Any], ToolResult],
        ) -> Callable[..., ToolResult]:
            description = " ".join((handler.__doc__ or name).split())
            self.tools[name] = Tool(name, description, arguments, handler, changes)
            return handler

        return register

    def names(self) -> list[str]:
        return sorted(self.tools)

    def schemas(self) -> list[dict[str, Any]]:
        return [self.tools[name].json_schema() for name in self.names()]

    def run(self, context: ToolContext, name: str, arguments: str | dict[str, Any]) -> ToolResult:
        """Validate ``arguments`` (JSON text or a dict) and run the tool; never raises."""
        tool = self.tools.get(name)
        if tool is None:
            return ToolResult(False, f"Unknown tool {name!r}. Tools: {', '.join(self.names())}.")
        try:
            raw = json.loads(arguments) if isinstance(arguments, str) else arguments
            args = tool.arguments.model_validate(raw or {})
        except json.JSONDecodeError as error:
            return ToolResult(False, f"The arguments of {name} are not valid JSON: {error}.")
        except ValidationError as error:
            problems = "; ".join(
                f"{'.'.join(str(p) for p in e['loc']) or 'arguments'}: {e['msg']}"
                for e in error.errors()
            )
            return ToolResult(False, f"Invalid arguments for {name}: {problems}.")
        try:
            result = tool.handler(context, args)
        except ToolError as error:
            return ToolResult(False, str(error))
        except (ValueError, LookupError) as error:
            return ToolResult(False, f"{name} failed: {error}")
        if result.ok and tool.changes:
            context.changed = True
        return result


registry = ToolRegistry()
