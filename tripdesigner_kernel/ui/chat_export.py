"""The chat as Markdown: every message, the tools each reply used, and the plan at the end.

Used by ``%tripchat export chat PATH`` and the widget's Export menu. Text from the
person, a model or a session file is escaped (raw HTML shows as text, ``$`` stays a
dollar), so the file is safe to open in JupyterLab's Markdown viewer.
"""

from __future__ import annotations

import os
from typing import Any

from tripdesigner_kernel.ui.render import arguments_text, escape_markdown, itinerary_bundle

WHO = {"user": "You", "assistant": "Designer"}


def chat_markdown(record: Any) -> str:
    """A session (``records.SessionRecord``) as one Markdown document."""
    lines = [
        f"# {escape_markdown(record.title)}",
        "",
        f"Session `{record.id}`, {len(record.messages)} message(s).",
        "",
    ]
    for message in record.messages:
        who = WHO.get(message.role)
        if who is None:
            continue  # tool and system messages live inside the reply they served
        when = (message.timestamp or "")[:16].replace("T", " ")
        lines += [f"## {who}" + (f" · {when} UTC" if when else ""), ""]
        extra = message.extra or {}
        for call in extra.get("tool_calls") or []:
            arguments = arguments_text(call.get("arguments") or {}).replace("`", "'")
            lines.append(f"- tool `{escape_markdown(call.get('name', '?'))}` with `{arguments}`")
        if extra.get("tool_calls"):
            lines.append("")
        lines += [escape_markdown(message.content), ""]
        question = extra.get("question") or {}
        for number, choice in enumerate(question.get("choices") or [], 1):
            lines.append(f"{number}. {escape_markdown(choice)}")
        if question.get("choices"):
            lines.append("")
    if record.itinerary:
        lines += ["---", "", "## The plan", "", itinerary_bundle(record.itinerary)["text/markdown"]]
    return "\n".join(lines).rstrip() + "\n"


def export_chat(state: Any, path: str | os.PathLike[str], session_id: str | None = None) -> str:
    """Write a session's chat and plan as Markdown to ``path``; the path written.

    Raises ValueError for no current session or a path that cannot be written,
    LookupError for an unknown session id.
    """
    from tripdesigner_kernel.kernel import _write_text

    source = session_id or state.current_session_id
    if source is None:
        raise ValueError("No current session. Send a message first.")
    _write_text(path, chat_markdown(state.sessions.get(source)))
    return str(path)
