"""Chat bubbles as HTML: a message, its folded tool calls, its question's choices.

A reply is not trusted markup: Markdown is rendered with raw HTML escaped, images off
(a reply must not make the browser fetch anything), and the bubbles carry MathJax's
ignore classes so ``$120 ... $180`` stays money. Long sessions are shown a page at a
time, newest first (``PAGE`` messages; older ones on demand).
"""

from __future__ import annotations

import functools
import html
import json
from typing import Any

from tripdesigner_kernel.ui.render import arguments_text

PAGE = 40  # messages shown when a session opens; "Show older" adds as many again
RESULT_CHARS = 300


@functools.lru_cache(maxsize=1)
def _parser() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).enable("table").disable("image")


@functools.lru_cache(maxsize=512)  # a refresh re-shows the same replies: render each once
def render_markdown(text: str) -> str:
    """Markdown to HTML with raw HTML escaped, images off and dollar signs kept as text."""
    parser = _parser()
    # An HTML entity for "$": no math renderer that reads text nodes treats it as markup
    # here, since the bubble also carries the ignore classes.
    return str(parser.render(text)).replace("$", "&#36;")


def bubble(kind: str, body: str) -> str:
    """One message as HTML; ``body`` is HTML already made safe by the caller."""
    who = {"user": "You", "assistant": "Designer", "error": "", "notice": ""}[kind]
    label = f"<b>{who}</b><br>" if who else ""
    return f"<div class='td-msg td-{kind} tex2jax_ignore mathjax_ignore'>{label}{body}</div>"


def tools_html(tools: list[dict[str, Any]]) -> str:
    """Tool calls folded: each with its arguments and its result (or what is known so far)."""
    if not tools:
        return ""
    items = []
    for tool in tools:
        arguments = arguments_text(tool.get("arguments") or {})
        result = tool.get("result")
        if isinstance(result, str):
            result = _result_message(result)
        line = f"<code>{html.escape(str(tool.get('name', '?')))}({html.escape(arguments)})</code>"
        if result is not None:
            mark = "→" if tool.get("ok", True) else "✗"
            line += f" {mark} {html.escape(str(result)[:RESULT_CHARS])}"
        items.append(f"<li>{line}</li>")
    return (
        f"<details class='td-tools'><summary>tools ({len(tools)})</summary>"
        f"<ul>{''.join(items)}</ul></details>"
    )


def _result_message(stored: str) -> str:
    """The readable part of a stored tool result (JSON with a ``message``, else the text)."""
    try:
        value = json.loads(stored)
    except ValueError:
        return stored
    if isinstance(value, dict) and "message" in value:
        return str(value["message"])
    return stored


def choices_html(question: dict[str, Any] | None) -> str:
    """A question's choices as a numbered list, so they stay readable once answered."""
    choices = (question or {}).get("choices") or []
    if not choices:
        return ""
    items = "".join(f"<li>{html.escape(str(choice))}</li>" for choice in choices)
    return f"<ol class='td-choices'>{items}</ol>"


def message_html(message: Any) -> str:
    """A stored message (``records.Message``) as a bubble; empty for tool and system ones."""
    if message.role == "user":
        return bubble("user", html.escape(message.content))
    if message.role != "assistant":
        return ""
    extra = message.extra or {}
    body = (
        tools_html(list(extra.get("tool_calls") or []))
        + render_markdown(message.content)
        + choices_html(extra.get("question"))
    )
    return bubble("assistant", body)


def history_html(messages: list[Any]) -> str:
    """Bubbles for ``messages``, oldest first, as one HTML fragment."""
    return "".join(message_html(message) for message in messages)


def split_bubbles(fragment: str) -> list[str]:
    """``history_html``'s fragment back into one HTML string per bubble."""
    marker = "<div class='td-msg "
    return [marker + part for part in fragment.split(marker) if part]
