"""How replies, sessions and status look in a notebook: Markdown with a plain-text twin.

Replies and itinerary fields come from a model or a session file: neither is trusted
markup. Markdown output has its raw HTML escaped and its dollar signs escaped (Jupyter
reads ``$120 ... $180`` as math); code spans and fences are left as written.
"""

from __future__ import annotations

import contextlib
import html
import json
import re
from typing import Any

from tripdesigner_kernel.designers.base import Question

# Code fences and code spans: Markdown shows their text literally, so nothing to escape.
_CODE = re.compile(r"(```[\s\S]*?(?:```|$)|~~~[\s\S]*?(?:~~~|$)|`[^`\n]*`)")


def escape_markdown(text: str) -> str:
    """Markdown that shows ``text``'s raw HTML as text and its ``$`` as dollars, not math."""
    parts = _CODE.split(str(text))
    for index in range(0, len(parts), 2):  # even indexes are outside code
        # "<" and ">" are all raw HTML needs; an "&" can only spell an entity, which is text.
        parts[index] = parts[index].replace("<", "&lt;").replace(">", "&gt;").replace("$", "\\$")
    return "".join(parts)


def markdown_cell(text: Any) -> str:
    """One value for a Markdown table cell: escaped, pipes and line breaks made harmless."""
    return escape_markdown(str(text)).replace("|", "\\|").replace("\n", " ")


def arguments_text(arguments: Any, limit: int = 160) -> str:
    """A tool call's arguments as short JSON text (for folded tool activity)."""
    if isinstance(arguments, str):
        with contextlib.suppress(ValueError):
            arguments = json.loads(arguments) if arguments.strip() else {}
    text = arguments if isinstance(arguments, str) else json.dumps(arguments, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def reply_bundle(text: str, question: Question | None) -> dict[str, str]:
    """A display bundle for a reply: Markdown for Jupyter, plain text elsewhere."""
    markdown = escape_markdown(text)
    plain = text
    if question is not None:
        numbered = [f"{n}. {choice}" for n, choice in enumerate(question.choices, 1)]
        markdown += (
            "\n\n"
            + "\n".join(f"{n}. {escape_markdown(c)}" for n, c in enumerate(question.choices, 1))
            + "\n\n*Answer with `%tripchat N`.*"
        )
        plain += "\n" + "\n".join(numbered) + "\n(answer with %tripchat N)"
    return {"text/markdown": markdown, "text/plain": plain}


def table_bundle(headers: list[str], rows: list[list[Any]]) -> dict[str, str]:
    """A small table as HTML with an aligned plain-text twin."""
    cells = [[str(c) for c in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]
    plain_lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    plain_lines += [
        "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells
    ]
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in cells
    )
    return {
        "text/html": f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>",
        "text/plain": "\n".join(plain_lines),
    }


def show(bundle: dict[str, str]) -> None:
    """Display a bundle in the current cell."""
    from IPython.display import display

    display(bundle, raw=True)


def itinerary_bundle(itinerary: dict[str, Any]) -> dict[str, str]:
    """An itinerary (its JSON form) as a day-by-day Markdown table and plain text."""
    title = itinerary.get("title", "Trip")
    span = f"{itinerary.get('start_date')} to {itinerary.get('end_date')}"
    head = f"{title}: {span}, {itinerary.get('travelers')} traveller(s)"
    markdown = [
        f"### {markdown_cell(title)}",
        "",
        markdown_cell(f"{span}, {itinerary.get('travelers')} traveller(s)"),
        "",
    ]
    markdown += ["| day | time | item | kind | price |", "|---|---|---|---|---|"]
    plain = [head]
    for segment in itinerary.get("segments", []):
        day, start_time = segment["start"][:10], segment["start"][11:16]
        price = segment.get("price")
        cost = f"{price['amount']} {price['currency']}" if price else ""
        cells = (day, start_time, segment["name"], segment["type"], cost)
        markdown.append("| " + " | ".join(markdown_cell(c) for c in cells) + " |")
        plain.append(f"  {day} {start_time}  {segment['name']}  {cost}".rstrip())
    total = itinerary.get("estimated_total")
    if total:
        amount = markdown_cell(f"{total['amount']} {total['currency']}")
        markdown += ["", f"**Estimated total:** {amount}"]
        plain.append(f"Estimated total: {total['amount']} {total['currency']}")
    return {"text/markdown": "\n".join(markdown), "text/plain": "\n".join(plain)}


class LiveReply:
    """One display, updated in place as a reply streams in (Jupyter kernels only)."""

    def __init__(self) -> None:
        self.text = ""
        self.activity: list[str] = []
        self.handle: Any = None

    def __call__(self, event: dict[str, Any]) -> None:
        kind = event.get("type")
        if kind == "text":
            self.text += event["delta"]
        elif kind == "tool_call":
            arguments = arguments_text(event.get("arguments") or {}).replace("`", "'")
            self.activity.append(f"- calling `{event['name']}` with `{arguments}`")
        elif kind == "tool_result":
            mark = "done" if event.get("ok") else "failed"
            message = markdown_cell(str(event.get("message", ""))[:120])
            self.activity.append(f"  - {mark}: {message}")
        else:
            return
        self._show({"text/markdown": self._markdown(), "text/plain": self.text})

    def _folded(self) -> str:
        if not self.activity:
            return ""
        return "\n".join(
            ["<details><summary>tools</summary>", "", *self.activity, "</details>", ""]
        )

    def _markdown(self) -> str:
        return self._folded() + escape_markdown(self.text)

    def _show(self, bundle: dict[str, str]) -> None:
        from IPython.display import display

        if self.handle is None:
            self.handle = display(bundle, raw=True, display_id=True)
        else:
            self.handle.update(bundle, raw=True)

    def finish(self, bundle: dict[str, str]) -> None:
        """Replace the live text with the final reply (tool activity stays folded above)."""
        self._show({**bundle, "text/markdown": self._folded() + bundle["text/markdown"]})
