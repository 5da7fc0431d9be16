"""The chat widget: a transcript, an input with Send, the itinerary by day with route maps.

Every widget and the magics share the kernel-global state: a message sent anywhere
shows in every open widget of that session. A click arrives as a comm message, so
no ``pre_run_cell`` fires: Send runs the reload guard and autoreload's check first.
"""

from __future__ import annotations

import contextlib
import html
import threading
import weakref
from typing import Any

import ipywidgets as w

from tripdesigner_kernel.kernel import KernelState
from tripdesigner_kernel.ui.itinerary_view import day_sections, summary_html

STYLE = """<style>
.td-msg{border-radius:8px;padding:6px 10px;margin:4px 0;max-width:100%;overflow-wrap:anywhere}
.td-user{background:#e0f2fe}.td-assistant{background:#f1f5f9}.td-error{background:#fee2e2;color:#991b1b}
.td-day{border-collapse:collapse;font-size:12px}
.td-day td,.td-day th{padding:2px 6px;border-bottom:1px solid #e2e8f0}
.td-problems{color:#991b1b}.td-ok{color:#166534}
</style>"""


def render_markdown(text: str) -> str:
    """Markdown to HTML, with raw HTML in the text escaped (a reply is not trusted markup)."""
    from markdown_it import MarkdownIt

    return str(MarkdownIt("commonmark", {"html": False}).enable("table").render(text))


class ChatWidget(w.VBox):
    """A trip-design chat over the kernel's sessions."""

    def __init__(self, session_id: str | None = None, state: KernelState | None = None) -> None:
        if state is None:
            from tripdesigner_kernel import kernel_state

            state = kernel_state()
        self.state = state
        self.session_id = session_id or state.current_session_id or state.new_session()
        state.sessions.get(self.session_id)  # a clear error for an unknown id
        self._busy = False
        self._live: w.HTML | None = None
        self._live_text = ""
        self._live_tools: list[str] = []

        self.sessions = w.Dropdown(description="Session", layout=w.Layout(width="320px"))
        self.new_button = w.Button(description="New", tooltip="Start a new session")
        self.rename_text = w.Text(placeholder="New title", layout=w.Layout(width="160px"))
        self.rename_button = w.Button(description="Rename")
        self.delete_button = w.Button(description="Delete", button_style="danger")
        self.confirm_button = w.Button(description="Yes, delete", button_style="danger")
        self.cancel_button = w.Button(description="Cancel")
        self.confirm_box = w.HBox(
            [w.Label("Delete this session?"), self.confirm_button, self.cancel_button],
            layout=w.Layout(display="none"),
        )
        self.export_format = w.Dropdown(
            options=["ics", "geojson", "md", "json"], layout=w.Layout(width="90px")
        )
        self.export_path = w.Text(value="trip.ics", layout=w.Layout(width="140px"))
        self.export_button = w.Button(description="Export")
        self.status = w.HTML()
        self.notice = w.HTML()
        self.transcript = w.VBox(
            layout=w.Layout(
                flex_flow="column-reverse",
                max_height="420px",
                overflow="auto",
                border="1px solid #e2e8f0",
            )
        )  # column-reverse with newest first keeps the newest message in view
        self.questions = w.HBox()
        self.input = w.Textarea(
            placeholder="Describe your trip, e.g. 4 days in Kyoto in April for 2",
            layout=w.Layout(width="100%", height="64px"),
        )
        self.send_button = w.Button(description="Send", button_style="primary")
        self.busy = w.HTML()
        self.summary = w.HTML()
        self.days = w.VBox()

        session_bar = w.HBox(
            [
                self.sessions,
                self.new_button,
                self.rename_text,
                self.rename_button,
                self.delete_button,
                self.export_format,
                self.export_path,
                self.export_button,
            ]
        )
        chat = w.VBox(
            [self.transcript, self.questions, self.input, w.HBox([self.send_button, self.busy])],
            layout=w.Layout(width="55%"),
        )
        plan = w.VBox([self.summary, self.days], layout=w.Layout(width="45%", padding="0 0 0 10px"))
        super().__init__(
            [
                w.HTML(STYLE),
                session_bar,
                self.confirm_box,
                self.status,
                self.notice,
                w.HBox([chat, plan]),
            ]
        )

        self.send_button.on_click(self.send)
        self.new_button.on_click(self._new)
        self.rename_button.on_click(self._rename)
        self.delete_button.on_click(lambda _: self._ask_delete(True))
        self.cancel_button.on_click(lambda _: self._ask_delete(False))
        self.confirm_button.on_click(self._delete)
        self.export_button.on_click(self._export)
        self.export_format.observe(self._format_changed, names="value")
        self.sessions.observe(self._session_picked, names="value")
        state.listeners.append(weakref.WeakMethod(self._on_event))
        self.refresh()
        # Load the designer's knowledge while the person types the first message.
        threading.Thread(target=_warm_up, name="tripdesigner-warm-up", daemon=True).start()

    def __repr__(self) -> str:  # nbval compares text/plain: short and stable
        return "ChatWidget()"

    # Sending ----------------------------------------------------------------------

    def send(self, _button: Any = None) -> None:
        """Send the input box's text (the Send button's handler)."""
        text = self.input.value.strip()
        if not text or self._busy:
            return
        from tripdesigner_kernel import check_for_reload, note_new_modules

        check_for_reload(self.state)  # a click runs no pre_run_cell
        self.input.value = ""
        self._set_busy(True)
        self.notice.value = ""
        self._start_live(text)
        try:
            self.state.chat(text, session_id=self.session_id)
        except (ValueError, LookupError, RuntimeError) as error:
            self._show_error(str(error))
        except KeyboardInterrupt:
            self._show_error("Cancelled; your session is unchanged.")
        finally:
            self._set_busy(False)
            note_new_modules(self.state)

    def _answer(self, choice: str) -> None:
        self.input.value = choice
        self.send()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.send_button.disabled = busy
        self.busy.value = "<i>Designing…</i>" if busy else ""

    # Live updates -------------------------------------------------------------------

    def _on_event(self, event: dict[str, Any]) -> None:
        kind = event.get("type")
        if kind in ("session_created", "session_deleted", "storage_changed"):
            self._refresh_sessions()
            return
        if event.get("session_id") != self.session_id:
            return
        if kind == "text":
            if self._live is None:
                self._start_live(None)
            self._live_text += event["delta"]
            self._render_live()
        elif kind in ("tool_call", "tool_result") and self._live is not None:
            if kind == "tool_call":
                self._live_tools.append(f"calling {event['name']}")
            else:
                self._live_tools.append(
                    ("done: " if event["ok"] else "failed: ") + str(event["message"])[:100]
                )
            self._render_live()
        elif kind == "turn_saved":
            self.refresh()

    def _start_live(self, user_text: str | None) -> None:
        bubbles = []
        if user_text is not None:
            bubbles.append(w.HTML(_bubble("user", html.escape(user_text))))
        self._live, self._live_text, self._live_tools = w.HTML(_bubble("assistant", "…")), "", []
        self.transcript.children = (self._live, *bubbles, *self.transcript.children)
        self.questions.children = ()

    def _render_live(self) -> None:
        if self._live is not None:
            body = _tools_html(self._live_tools) + render_markdown(self._live_text or "…")
            self._live.value = _bubble("assistant", body)

    def _show_error(self, message: str) -> None:
        self.refresh()  # drop the unsaved bubbles: the session is as it was
        self.notice.value = _bubble("error", "⚠ " + html.escape(message))

    # Views ------------------------------------------------------------------------

    def refresh(self) -> None:
        """Redraw everything from the stored session."""
        self._live = None
        self._refresh_sessions()
        record = self.state.sessions.get(self.session_id)
        bubbles = []
        for message in record.messages:
            if message.role == "user":
                bubbles.append(w.HTML(_bubble("user", html.escape(message.content))))
            elif message.role == "assistant":
                tools = [f"{c['name']}" for c in message.extra.get("tool_calls") or []]
                bubbles.append(
                    w.HTML(
                        _bubble("assistant", _tools_html(tools) + render_markdown(message.content))
                    )
                )
        self.transcript.children = tuple(reversed(bubbles))
        last = record.messages[-1] if record.messages else None
        question = (
            last.extra.get("question") if last is not None and last.role == "assistant" else None
        )
        buttons = []
        for choice in (question or {}).get("choices", []):
            button = w.Button(description=str(choice), tooltip=f"Answer: {choice}")
            button.on_click(lambda _, c=choice: self._answer(str(c)))
            buttons.append(button)
        self.questions.children = tuple(buttons)
        itinerary = record.itinerary
        if itinerary:
            self.summary.value = summary_html(itinerary)
            self.days.children = tuple(w.HTML(body) for _, body in day_sections(itinerary))
        else:
            self.summary.value = "<p><i>No plan yet: describe your trip.</i></p>"
            self.days.children = ()
        metadata = record.metadata
        options = self.state.settings.designer_options
        model = f", model {options['model']}" if options.get("model") else ""
        self.status.value = (
            f"<small>Designer {html.escape(self.state.settings.designer)}{html.escape(model)} · "
            f"{metadata.get('total_tokens', 0):,} tokens · "
            f"${metadata.get('cost_usd', 0.0):.4f}</small>"
        )

    def day_titles(self) -> list[str]:
        """The titles of the day sections shown ("Day 1", "Day 2", ...)."""
        itinerary = self.state.sessions.get(self.session_id).itinerary
        return [title for title, _ in day_sections(itinerary)] if itinerary else []

    def _refresh_sessions(self) -> None:
        summaries = self.state.sessions.list()
        options = [(f"{s.title} ({s.id})", s.id) for s in summaries]
        if not any(value == self.session_id for _, value in options):
            self.session_id = summaries[0].id if summaries else self.state.new_session()
            return self._refresh_sessions()
        self.sessions.unobserve(self._session_picked, names="value")
        self.sessions.options = options
        self.sessions.value = self.session_id
        self.sessions.observe(self._session_picked, names="value")
        return None

    # Session bar -------------------------------------------------------------------

    def _session_picked(self, change: dict[str, Any]) -> None:
        if change["new"] and change["new"] != self.session_id:
            self.session_id = change["new"]
            self.state.current_session_id = self.session_id
            self.refresh()

    def _new(self, _button: Any = None) -> None:
        self.session_id = self.state.new_session()
        self.refresh()

    def _rename(self, _button: Any = None) -> None:
        try:
            self.state.sessions.rename(self.session_id, self.rename_text.value)
        except ValueError as error:
            self.notice.value = _bubble("error", html.escape(str(error)))
            return
        self.rename_text.value = ""
        self.refresh()

    def _ask_delete(self, show: bool) -> None:
        self.confirm_box.layout.display = "flex" if show else "none"

    def _delete(self, _button: Any = None) -> None:
        self._ask_delete(False)
        self.state.delete_session(self.session_id)
        self.refresh()

    def _format_changed(self, change: dict[str, Any]) -> None:
        stem = self.export_path.value.rsplit(".", 1)[0] or "trip"
        self.export_path.value = f"{stem}.{change['new']}"

    def _export(self, _button: Any = None) -> None:
        try:
            path = self.state.export_itinerary(
                self.export_format.value, self.export_path.value, self.session_id
            )
        except (ValueError, LookupError) as error:
            self.notice.value = _bubble("error", html.escape(str(error)))
            return
        self.notice.value = f"<small>Wrote {html.escape(path)}.</small>"

    def close(self) -> None:
        self.state.listeners[:] = [
            listener
            for listener in self.state.listeners
            if not (isinstance(listener, weakref.WeakMethod) and listener() == self._on_event)
        ]
        super().close()


def _warm_up() -> None:
    """Import the offline designer and read the city index (idempotent, cached)."""
    with contextlib.suppress(Exception):  # only a head start; the turn loads what it needs
        from tripdesigner_kernel.designers.offline import designer  # noqa: F401
        from tripdesigner_kernel.knowledge.cities import city_index

        city_index()


def _bubble(kind: str, body: str) -> str:
    who = {"user": "You", "assistant": "Designer", "error": ""}[kind]
    label = f"<b>{who}</b><br>" if who else ""
    return f"<div class='td-msg td-{kind}'>{label}{body}</div>"


def _tools_html(tools: list[str]) -> str:
    if not tools:
        return ""
    items = "".join(f"<li>{html.escape(t)}</li>" for t in tools)
    return f"<details><summary>tools ({len(tools)})</summary><ul>{items}</ul></details>"
