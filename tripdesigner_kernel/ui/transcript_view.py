"""The widget's transcript: the saved page, the turns saved since, and the running turn.

Three HTML widgets, made once: ``history`` holds a page of the session as it was when last
drawn whole, ``recent`` the messages saved since, ``live`` the turn running now. A saved
turn redraws only ``recent`` (a few bubbles), not the whole page; once ``recent`` holds
``RECENT_MAX`` messages it is folded into ``history``. The box is ``column-reverse``: the
newest shows first and the view stays scrolled to it.
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as w

from tripdesigner_kernel.ui import transcript as tx

RECENT_MAX = 12  # messages redrawn per saved turn at most, before the page is drawn whole


class TranscriptView:
    """Bubbles of one session, oldest first; ``box`` is the widget to show."""

    def __init__(self, older_button: w.Button) -> None:
        self.history = w.HTML()
        self.recent = w.HTML()
        self.live = w.HTML()
        self.live.add_class("td-live")
        self.older_button = older_button
        self.box = w.Box([self.live, self.recent, self.history, older_button])
        self.box.add_class("td-transcript")
        self.page = tx.PAGE  # messages in a page drawn whole; "Show older" adds PAGE more
        self._drawn: tuple[Any, ...] | None = None  # what ``history`` shows: session, page, end
        self.running = False  # a turn's bubbles are showing in ``live``
        self._user = ""
        self._text = ""
        self._tools: list[dict[str, Any]] = []

    # The saved session ---------------------------------------------------------------

    def show(self, session_id: str, messages: list[dict[str, Any]]) -> dict[str, Any] | None:
        """Draw a session's stored ``messages``; the question its last reply asked, if any."""
        from tripdesigner_kernel.sessions.records import Message

        drawn = self._drawn
        end = drawn[2] if drawn is not None else 0
        if (
            drawn is not None
            and drawn[:2] == (session_id, self.page)
            and end <= len(messages) <= end + RECENT_MAX
            and (end == 0 or messages[end - 1].get("timestamp") == drawn[3])
        ):  # the page drawn is still there: only the messages after it are new
            self.recent.value = tx.history_html([Message.from_dict(m) for m in messages[end:]])
        else:
            # Only the shown page becomes Message objects: a long session opens fast.
            shown = messages[-self.page :] if self.page else messages
            self.history.value = tx.history_html([Message.from_dict(m) for m in shown])
            self.recent.value = ""
            hidden = len(messages) - len(shown)
            self.older_button.description = f"Show older messages ({hidden:,} more)"
            self.older_button.layout.display = "flex" if hidden else "none"
            stamp = messages[-1].get("timestamp") if messages else None
            self._drawn = (session_id, self.page, len(messages), stamp)
        self.running = False  # the saved turn is in the history now (or was never saved)
        self.live.value = ""
        last = messages[-1] if messages else None
        if last is None or last.get("role") != "assistant":
            return None
        return Message.from_dict(last).extra.get("question")

    def show_older(self) -> None:
        """Let the next ``show`` draw another page of older messages."""
        self.page += tx.PAGE

    def first_page(self) -> None:
        """Let the next ``show`` draw the newest page only (another session is shown)."""
        self.page = tx.PAGE

    # The running turn ----------------------------------------------------------------

    def start(self, user_text: str | None) -> None:
        """Show a turn starting: the person's message (if sent here) and an empty reply."""
        self.running, self._text, self._tools = True, "", []
        self._user = "" if user_text is None else tx.bubble("user", html.escape(user_text))
        self._draw_live()

    def add_text(self, delta: str) -> None:
        if not self.running:
            self.start(None)
        self._text += delta
        self._draw_live()

    def add_tool_call(self, name: str, arguments: Any) -> None:
        if self.running:
            self._tools.append({"name": name, "arguments": arguments})
            self._draw_live()

    def add_tool_result(self, ok: bool, message: Any) -> None:
        if self.running and self._tools:
            self._tools[-1].update(ok=ok, result=str(message))
            self._draw_live()

    def _draw_live(self) -> None:
        body = tx.tools_html(self._tools) + tx.render_markdown(self._text or "…")
        self.live.value = self._user + tx.bubble("assistant", body)

    def bubbles(self) -> list[str]:
        """The bubbles shown, oldest first (what a person reads, as HTML)."""
        return [
            bubble
            for part in (self.history, self.recent, self.live)
            for bubble in tx.split_bubbles(part.value)
        ]

    def close(self) -> None:
        for widget in (self.history, self.recent, self.live, self.box):
            widget.close()
