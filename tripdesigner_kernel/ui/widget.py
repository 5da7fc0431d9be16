"""The chat widget: a transcript, an input with Send and Stop, the itinerary by day with maps.

Every widget and the magics share the kernel-global state: a message sent anywhere
shows in every open widget of that session. A click arrives as a comm message, so no
``pre_run_cell`` fires: every handler runs the reload guard and autoreload's check
first (``ui/clicks.py``), and the guard's notice shows in the status line. A turn runs on
a worker thread so Stop (and every other click) still arrives while it runs.
"""

from __future__ import annotations

import contextlib
import html
import threading
import time
import weakref
from collections.abc import Callable
from typing import Any

import ipywidgets as w

from tripdesigner_kernel.kernel import KernelState
from tripdesigner_kernel.ui import transcript as tx
from tripdesigner_kernel.ui.clicks import guarded
from tripdesigner_kernel.ui.itinerary_view import day_sections
from tripdesigner_kernel.ui.plan_panel import PlanPanel, finished
from tripdesigner_kernel.ui.style import STYLE
from tripdesigner_kernel.ui.transcript_view import TranscriptView

EXPORTS = [("Itinerary (.ics)", "ics"), ("Itinerary (.geojson)", "geojson"),
           ("Itinerary (.md)", "md"), ("Itinerary (.json)", "json"),
           ("Chat + plan (.md)", "chat")]  # fmt: skip
SUFFIX = {"ics": "ics", "geojson": "geojson", "md": "md", "json": "json", "chat": "md"}
TURN_ERRORS = (ValueError, LookupError, RuntimeError)


def _button(description: str, **kwargs: Any) -> w.Button:
    return w.Button(description=description, layout=w.Layout(width="auto"), **kwargs)


class ChatWidget(w.VBox):
    """A trip-design chat over the kernel's sessions."""

    def __init__(self, session_id: str | None = None, state: KernelState | None = None) -> None:
        if state is None:
            from tripdesigner_kernel import kernel_state

            state = kernel_state()
        self.state = state
        self.session_id = session_id or _session_to_show(state)
        record = state.sessions.load_record(self.session_id)  # a clear error for an unknown id
        self._worker: threading.Thread | None = None
        self._cancel: threading.Event | None = None
        self._reload_note = ""
        self._picking = False

        self.sessions = w.Dropdown(description="Session", layout=w.Layout(width="auto"))
        self.new_button = _button("New", tooltip="Start a new session")
        self.rename_text = w.Text(placeholder="New title", layout=w.Layout(width="12em"))
        self.rename_button = _button("Rename")
        self.delete_button = _button("Delete", button_style="danger")
        self.confirm_button = _button("Yes, delete", button_style="danger")
        self.cancel_button = _button("Cancel")
        self.confirm_box = w.HBox(
            [w.Label("Delete this session?"), self.confirm_button, self.cancel_button],
            layout=w.Layout(display="none"),
        )
        self.export_format = w.Dropdown(options=EXPORTS, layout=w.Layout(width="auto"))
        self.export_path = w.Text(value="trip.ics", layout=w.Layout(width="12em"))
        self.export_button = _button("Export", tooltip="Write the chosen export to the path")
        self.status = w.HTML()
        self.notice = w.HTML()
        self.older_button = _button("Show older messages")
        self.older_button.layout.display = "none"
        self.chat_view = TranscriptView(self.older_button)
        self.history, self.live = self.chat_view.history, self.chat_view.live
        self.transcript = self.chat_view.box
        self.questions = w.HBox()
        self.questions.add_class("td-questions")
        self.input = w.Textarea(
            placeholder="Describe your trip, e.g. 4 days in Kyoto in April for 2",
            layout=w.Layout(width="100%", height="64px"),
        )
        self.send_button = _button("Send", button_style="primary")
        self.stop_button = _button("Stop", tooltip="Stop this turn; the session stays as it was")
        self.stop_button.disabled = True
        self.busy = w.HTML()
        self.plan = PlanPanel()
        self.summary, self.days = self.plan.summary, self.plan.days
        # A day opened in the browser runs the reload check first, like every click.
        self.plan.on_open = self._handler(self._day_opened, True)

        bar = w.HBox([self.sessions, self.new_button, self.rename_text, self.rename_button,
                      self.delete_button, self.export_format, self.export_path,
                      self.export_button])  # fmt: skip
        bar.add_class("td-bar")
        self.sessions.add_class("td-session")
        self.export_format.add_class("td-export-format")
        actions = w.HBox([self.send_button, self.stop_button, self.busy])
        actions.add_class("td-actions")
        chat = w.VBox([self.transcript, self.questions, self.input, actions])
        plan = self.plan
        main = w.Box([chat, plan])
        for box, names in ((chat, "td-pane td-pane-chat"), (plan, "td-pane td-pane-plan"),
                           (main, "td-main")):  # fmt: skip
            for name in names.split():
                box.add_class(name)
        self.status.add_class("td-status")
        super().__init__([w.HTML(STYLE), bar, self.confirm_box, self.status, self.notice, main])
        self.add_class("td-chat")

        for button, handler in (
            (self.send_button, self.send),
            (self.stop_button, self.stop),
            (self.new_button, self._new),
            (self.rename_button, self._rename),
            (self.delete_button, lambda: self._ask_delete(True)),
            (self.cancel_button, lambda: self._ask_delete(False)),
            (self.confirm_button, self._delete),
            (self.export_button, self._export),
            (self.older_button, self._show_older),
        ):
            button.on_click(self._handler(handler))
        self.export_format.observe(self._handler(self._format_changed, True), names="value")
        self.sessions.observe(self._handler(self._session_picked, True), names="value")
        state.listeners.append(weakref.WeakMethod(self._on_event))
        self.refresh(record)
        # Load the designer's knowledge (and the map library) while the person types.
        threading.Thread(
            target=_warm_up, args=(state, self.plan), name="tripdesigner-warm-up", daemon=True
        ).start()

    def __repr__(self) -> str:  # nbval compares text/plain: short and stable
        return "ChatWidget()"

    # Every click ----------------------------------------------------------------------

    def _handler(self, handler: Callable[..., None], pass_change: bool = False) -> Any:
        return guarded(self, handler, self._reload_notice, pass_change)

    def _reload_notice(self, notice: str) -> None:
        self._reload_note = time.strftime("%H:%M ") + notice  # the time says how old it is
        self._show_status()

    # Sending and stopping ---------------------------------------------------------------

    def send(self, _button: Any = None) -> None:
        """Send the input box's text; the turn runs on a worker thread (see ``wait``)."""
        text = self.input.value.strip()
        if not text or self.running:
            return
        self.input.value = ""
        self.notice.value = ""
        self.chat_view.start(text)
        _replace_children(self.questions, ())
        self._set_busy(True)
        cancel = threading.Event()
        self._cancel = cancel
        self._worker = threading.Thread(
            target=self._run_turn, args=(text, self.session_id, cancel),
            name="tripdesigner-turn", daemon=True,
        )  # fmt: skip
        self._worker.start()

    @property
    def running(self) -> bool:
        """True while a turn started here has not finished or been stopped."""
        return self._cancel is not None and not self._cancel.is_set()

    def _run_turn(self, text: str, session_id: str, cancel: threading.Event) -> None:
        from tripdesigner_kernel.kernel import TurnCancelled

        error = None
        try:
            self.state.chat(text, session_id=session_id, cancel=cancel)
        except TurnCancelled:
            return  # Stop already restored the view
        except KeyboardInterrupt:
            error = "Cancelled; your session is unchanged."
        except TURN_ERRORS as failure:
            error = str(failure)
        finally:
            from tripdesigner_kernel import note_new_modules

            note_new_modules(self.state)
        if cancel is not self._cancel or cancel.is_set():
            return  # stopped meanwhile: what is shown already says so
        self._cancel = None
        self._set_busy(False)
        if error is not None:
            self._show_error(error)

    def stop(self, _button: Any = None) -> None:
        """Stop the running turn: nothing of it is saved, the view goes back to the session."""
        cancel = self._cancel
        if cancel is None or cancel.is_set():
            return
        cancel.set()
        self._set_busy(False)
        self.refresh()
        self.notice.value = tx.bubble("notice", "Stopped; your session is unchanged.")

    def wait(self, timeout: float | None = 60) -> bool:
        """Block until the turn started here ends (for code and tests); False on timeout."""
        return finished(self._worker, timeout)

    def _answer(self, choice: str) -> None:
        self.input.value = choice
        self.send()

    def _set_busy(self, busy: bool) -> None:
        self.send_button.disabled = busy
        self.stop_button.disabled = not busy
        self.delete_button.disabled = busy
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
            if not self.chat_view.running:
                _replace_children(self.questions, ())
            self.chat_view.add_text(event["delta"])
        elif kind == "tool_call":
            self.chat_view.add_tool_call(event["name"], event.get("arguments"))
        elif kind == "tool_result":
            self.chat_view.add_tool_result(event["ok"], event["message"])
        elif kind == "turn_saved":
            self.refresh()

    def _show_error(self, message: str) -> None:
        self.refresh()  # drop the unsaved bubbles: the session is as it was
        self.notice.value = tx.bubble("error", "⚠ " + html.escape(message))

    # Views ------------------------------------------------------------------------

    def refresh(self, record: dict[str, Any] | None = None) -> None:
        """Redraw from the stored session (``record``: it, already read); what did not
        change is not sent again."""
        self._refresh_sessions()
        if record is None or record["id"] != self.session_id:
            record = self.state.sessions.load_record(self.session_id)
        question = self.chat_view.show(self.session_id, record["messages"])
        buttons = []
        for choice in (question or {}).get("choices", []):
            button = _button(str(choice), tooltip=f"Answer: {choice}")
            button.on_click(self._handler(lambda c=str(choice): self._answer(c)))
            buttons.append(button)
        _replace_children(self.questions, tuple(buttons))
        self.plan.show(record.get("itinerary"))
        self._show_status(record.get("metadata") or {})

    def _show_status(self, metadata: dict[str, Any] | None = None) -> None:
        if metadata is None:
            metadata = self.state.sessions.get(self.session_id).metadata
        settings = self.state.settings
        model = settings.designer_options.get("model")
        parts = [f"Designer {html.escape(settings.designer)}"]
        if model:
            parts[0] += f", model {html.escape(str(model))}"
        if settings.designer == "offline":
            parts.append("rules and curated places, no model")
        else:  # only a model counts tokens and costs money
            parts.append(f"{metadata.get('total_tokens', 0):,} tokens")
            parts.append(f"${metadata.get('cost_usd', 0.0):.4f}")
        text = " · ".join(parts)
        if self._reload_note:
            text += f"<br><span class='td-reload'>{html.escape(self._reload_note)}</span>"
        self.status.value = text

    def day_titles(self) -> list[str]:
        """The titles of the day sections shown ("Day 1", "Day 2", ...)."""
        itinerary = self.state.sessions.get(self.session_id).itinerary
        return [title for title, _ in day_sections(itinerary)] if itinerary else []

    def day_html(self) -> list[str]:
        """Each day section as shown: heading, table and the SVG map (not the tiled map)."""
        return self.plan.day_html()

    def transcript_html(self) -> list[str]:
        """The bubbles shown, oldest first (what a person reads, as HTML)."""
        return self.chat_view.bubbles()

    def _refresh_sessions(self) -> None:
        summaries = self.state.sessions.list()
        options = [(f"{s.title} ({s.id})", s.id) for s in summaries]
        if not any(value == self.session_id for _, value in options):
            self.session_id = summaries[0].id if summaries else self.state.new_session()
            return self._refresh_sessions()
        self._picking = True
        try:
            self.sessions.options = options
            self.sessions.value = self.session_id
        finally:
            self._picking = False
        return None

    def _day_opened(self, change: dict[str, Any]) -> None:
        self.plan.open_day(change["new"])

    # Session bar -------------------------------------------------------------------

    def _show_older(self) -> None:
        self.chat_view.show_older()
        self.refresh()

    def _session_picked(self, change: dict[str, Any]) -> None:
        if self._picking or not change["new"] or change["new"] == self.session_id:
            return
        self.session_id = change["new"]
        self.state.current_session_id = self.session_id
        self.chat_view.first_page()
        self.refresh()

    def _new(self) -> None:
        self.session_id = self.state.new_session()
        self.refresh()

    def _rename(self) -> None:
        try:
            self.state.sessions.rename(self.session_id, self.rename_text.value)
        except ValueError as error:
            self.notice.value = tx.bubble("error", html.escape(str(error)))
            return
        self.rename_text.value = ""
        self.refresh()

    def _ask_delete(self, show: bool) -> None:
        self.confirm_box.layout.display = "flex" if show else "none"

    def _delete(self) -> None:
        self._ask_delete(False)
        if self.running:
            return
        self.state.delete_session(self.session_id)
        self.refresh()

    def _format_changed(self, change: dict[str, Any]) -> None:
        stem = self.export_path.value.rsplit(".", 1)[0] or "trip"
        if change["new"] == "chat" and not stem.endswith("-chat"):
            stem += "-chat"
        elif change["new"] != "chat" and stem.endswith("-chat"):
            stem = stem[: -len("-chat")] or "trip"
        self.export_path.value = f"{stem}.{SUFFIX[change['new']]}"

    def _export(self) -> None:
        fmt, path = self.export_format.value, self.export_path.value
        try:
            if fmt == "chat":
                from tripdesigner_kernel.ui.chat_export import export_chat

                path = export_chat(self.state, path, self.session_id)
            else:
                path = self.state.export_itinerary(fmt, path, self.session_id)
        except (ValueError, LookupError) as error:
            self.notice.value = tx.bubble("error", html.escape(str(error)))
            return
        self.notice.value = f"<small>Wrote {html.escape(path)}.</small>"

    def close(self) -> None:
        cancel = getattr(self, "_cancel", None)  # a widget whose __init__ failed has none
        if cancel is not None:
            cancel.set()
        self.state.listeners[:] = [
            listener
            for listener in self.state.listeners
            if not (isinstance(listener, weakref.WeakMethod) and listener() == self._on_event)
        ]
        if hasattr(self, "plan"):
            self.plan.close()
            self.chat_view.close()
        super().close()


def _replace_children(box: w.Box, children: tuple[w.Widget, ...]) -> None:
    """Set ``box``'s children and close the ones dropped (each holds a comm)."""
    dropped = [child for child in box.children if child not in children]
    box.children = children
    for child in dropped:
        child.close()


def _session_to_show(state: KernelState) -> str:
    """The current session; else the last active one (after a restart), made current."""
    if state.current_session_id is not None:
        return state.current_session_id
    summaries = state.sessions.list()  # most recently active first
    if not summaries:
        return state.new_session()
    state.use_session(summaries[0].id)
    return summaries[0].id


def _warm_up(state: KernelState, plan: PlanPanel) -> None:
    """Import the offline designer, the city index and the map library (cached), then make
    the plan panel's widgets for a few days, so the first plan only fills them in.

    Under the turn lock: a turn started meanwhile waits rather than importing the same
    modules from another thread (which can see a half-imported pydantic).
    """
    with state.turn_lock, contextlib.suppress(Exception):  # a head start only
        from tripdesigner_kernel.designers.offline import designer  # noqa: F401
        from tripdesigner_kernel.knowledge.cities import city_index
        from tripdesigner_kernel.ui.map import leaflet_available

        city_index()
        leaflet_available()
    plan.prepare()
