"""``KernelState``: the one kernel-global object. Sessions live here, not in services.

It hangs on the IPython shell (or, outside IPython, on the ``sys`` module) and
never in a module global: a full reload re-runs a module and wipes its globals.
"""

from __future__ import annotations

import os
import sys
import threading
import weakref
from collections.abc import Callable
from typing import Any

from tripdesigner_kernel.designers.base import Event, Question, is_designer_error
from tripdesigner_kernel.redaction import Secret
from tripdesigner_kernel.reload_guard import ReloadGuard
from tripdesigner_kernel.service_cache import ServiceCache
from tripdesigner_kernel.sessions.manager import SessionManager
from tripdesigner_kernel.sessions.placement import SessionPlacement
from tripdesigner_kernel.sessions.storage import SessionStorage
from tripdesigner_kernel.settings import TripDesigner, resolve_today

STATE_ATTRIBUTE = "_tripdesigner_state"
MAX_MESSAGE_CHARS = 20_000
TURN_ATTEMPTS = 3  # a turn beaten by another kernel is re-run on the fresh session twice


class TurnCancelled(KeyboardInterrupt):
    """A turn stopped by its cancel token (the widget's Stop): as with Ctrl-C, nothing is saved."""


class Reply(str):
    """The designer's reply text, carrying the session, itinerary and any question."""

    session_id: str
    itinerary: dict[str, Any] | None
    question: Question | None

    def __new__(
        cls, text: str, session_id: str, itinerary: dict[str, Any] | None, question: Question | None
    ) -> Reply:
        reply = super().__new__(cls, text)
        reply.session_id = session_id
        reply.itinerary = itinerary
        reply.question = question
        return reply

    def _repr_markdown_(self) -> str:
        if self.question is None:
            return str(self)
        choices = "\n".join(f"{n}. {c}" for n, c in enumerate(self.question.choices, 1))
        return f"{self}\n\n{choices}"


class KernelState:
    """Sessions, their storage, the service cache and the settings of one kernel."""

    def __init__(self, shell: Any = None) -> None:
        self.shell = shell
        self.settings = TripDesigner(parent=shell) if shell is not None else TripDesigner()
        self.placement = SessionPlacement(self._storage_changed)
        self.services = ServiceCache()
        self.guard = ReloadGuard(self._drop_services, shell)
        self.guard.record_new_modules()
        self.current_session_id: str | None = None
        self._api_key: Secret | None = None
        self._turn_lock = threading.RLock()
        self.listeners: list[Any] = []  # callables, or weakref.WeakMethod of one
        self.settings.observe(self._storage_setting_changed, names="storage")
        self._environment_read = False
        self._syncing_setting = False

    @property
    def storage(self) -> SessionStorage:
        """The store sessions live in now."""
        return self.placement.storage

    @property
    def sessions(self) -> SessionManager:
        """The manager over the store in use."""
        return self.placement.sessions

    # Settings -------------------------------------------------------------------

    def set_api_key(self, key: str | None) -> None:
        """Keep an API key in memory for this kernel only (None forgets it)."""
        self._api_key = Secret(key) if key else None

    def api_key(self) -> str | None:
        """The key: the one set in this kernel, else the configured environment variable."""
        secret = self._api_secret()
        return secret.reveal() if secret else None

    def _api_secret(self) -> Secret | None:
        if self._api_key is not None:
            return self._api_key
        value = os.environ.get(self.settings.key_env) if self.settings.key_env else None
        return Secret(value) if value else None

    def use_designer(self, name: str, **options: Any) -> None:
        """Switch designer; sessions stay. Fails clearly for an unknown name."""
        from tripdesigner_kernel.designers.registry import registry
        from tripdesigner_kernel.settings import check_designer_options

        registry.factory(name)  # raises UnknownDesignerError with the names available
        check_designer_options(options)  # ValueError: a key never goes in an option
        self.settings.designer = name
        self.settings.designer_options = options

    def today(self) -> Any:
        return resolve_today(self.settings.today)

    # Storage --------------------------------------------------------------------

    def read_environment(self) -> None:
        """Open the store the settings name, once, when the extension loads.

        $TRIPDESIGNER_STORAGE wins over ``TripDesigner.storage`` (by default ``sqlite``: the
        history file in the user's data directory). A store that cannot be opened is
        reported and the kernel carries on in memory.
        """
        from tripdesigner_kernel.sessions.locations import STORAGE_ENV

        if self._environment_read:
            return
        self._environment_read = True
        chosen = os.environ.get(STORAGE_ENV, "").strip()
        try:
            summary = self.use_storage(chosen or self.settings.storage)
        except ValueError as error:
            print(f"[tripdesigner] {error} Sessions stay in memory.", file=sys.stderr)
            self._sync_setting("memory")
            return
        if chosen:  # the default store opens quietly; a chosen one is confirmed
            print(f"[tripdesigner] {summary}")
        elif self.placement.notice:
            print(f"[tripdesigner] {self.placement.notice}", file=sys.stderr)

    def _storage_setting_changed(self, change: dict[str, Any]) -> None:
        if self._syncing_setting:
            return
        try:
            print(f"[tripdesigner] {self.use_storage(change['new'])}")
        except ValueError as error:
            print(f"[tripdesigner] {error} Sessions stay in {self.storage.name}.", file=sys.stderr)
            self._sync_setting(change["old"])

    def _sync_setting(self, spec: str) -> None:
        """Keep %config in step with the store without re-opening it."""
        self._syncing_setting = True
        try:
            self.settings.storage = spec
        finally:
            self._syncing_setting = False

    def use_storage(self, spec: str, copy: bool = False) -> str:
        """Switch where sessions live (``memory``, ``sqlite``, ``sqlite:///PATH``); a summary.

        No session is ever dropped: with ``copy`` the current sessions are copied into the
        new store; without it they stay where they are (the memory store lives as long as
        the kernel) and the summary says how to get them back. A store that cannot be
        opened, or fails its full check, raises ValueError and nothing changes.
        """
        from tripdesigner_kernel.sessions.locations import parse_storage

        kind, path = parse_storage(spec)
        if (kind, path) == self.placement.target:
            self._sync_setting(spec)
            return self.placement.describe()
        summary = self.placement.switch(kind, path, copy)
        self._storage_changed(spec)
        return summary

    def describe_storage(self) -> str:
        """Where sessions live, in one sentence."""
        return self.placement.describe()

    def _storage_changed(self, spec: str = "memory") -> None:
        """After a switch: settings in step, the last active session current if needed."""
        self._sync_setting(spec)
        if self.current_session_id is None or not self.sessions.exists(self.current_session_id):
            latest = self.storage.list()
            self.current_session_id = latest[0]["id"] if latest else None
        self._notify({"type": "storage_changed"})

    # Sessions -------------------------------------------------------------------

    def new_session(self, title: str | None = None) -> str:
        """Create a session and make it current; its id."""
        session_id = self.sessions.create(title)
        self.current_session_id = session_id
        self._notify({"type": "session_created", "session_id": session_id})
        return session_id

    def use_session(self, session_id: str) -> None:
        self.sessions.get(session_id)  # raises SessionNotFoundError with suggestions
        self.current_session_id = session_id

    def delete_session(self, session_id: str) -> None:
        self.sessions.delete(session_id)
        if self.current_session_id == session_id:
            self.current_session_id = None
        self._notify({"type": "session_deleted", "session_id": session_id})

    def export_session(self, session_id: str, path: str | os.PathLike[str]) -> str:
        """Write a session file; returns the path written."""
        from tripdesigner_kernel.files import write_text
        from tripdesigner_kernel.sessions.exchange import dump_session

        return str(write_text(path, dump_session(self.sessions.load_record(session_id))))

    def import_session(self, path: str | os.PathLike[str]) -> str:
        """Read a session file into the store (a new id if its id is taken); the id."""
        from tripdesigner_kernel.files import read_text
        from tripdesigner_kernel.sessions.exchange import load_session

        record = load_session(read_text(path), set(self.sessions.ids()))
        self.storage.save(record)
        self._notify({"type": "session_created", "session_id": record["id"]})
        return str(record["id"])

    def fork_session(self, session_id: str | None = None) -> str:
        """Copy a session (the current one by default) under a new id, made current."""
        from tripdesigner_kernel.sessions.exchange import fork_record

        source = session_id or self.current_session_id
        if source is None:
            raise ValueError("No current session to fork. Send a message first.")
        fork = fork_record(self.sessions.load_record(source), set(self.sessions.ids()))
        self.storage.save(fork)
        self.current_session_id = fork["id"]
        self._notify({"type": "session_created", "session_id": fork["id"]})
        return str(fork["id"])

    def export_itinerary(
        self, fmt: str, path: str | os.PathLike[str], session_id: str | None = None
    ) -> str:
        """Write a session's itinerary as ics, geojson, md or json; returns the path."""
        from tripdesigner_kernel.files import write_text
        from tripdesigner_kernel.trip import exports, model

        source = session_id or self.current_session_id
        if source is None:
            raise ValueError("No current session. Send a message first.")
        itinerary = self.sessions.get(source).itinerary
        if not itinerary:
            raise ValueError(f"Session {source} has no itinerary yet.")
        # The session id makes calendar UIDs unique to this copy (forks, same first message).
        export = exports.export(model.Itinerary.from_json(itinerary), fmt, source)
        return str(write_text(path, export))

    # Services -------------------------------------------------------------------

    def service(self) -> Any:
        """The service for the current settings and key, built and cached on demand."""
        # Looked up on each call, so a reloaded service module is used at once.
        import tripdesigner_kernel.service as service_module
        from tripdesigner_kernel.designers.registry import registry

        name = self.settings.designer
        options = dict(self.settings.designer_options)
        key = self._api_secret()  # a Secret: these frames' locals may be printed
        cache_key = service_module.service_key(name, options, key.reveal() if key else None)

        def build() -> Any:
            try:
                designer = registry.factory(name)(options, key.reveal() if key else None)
            except Exception as error:
                if not is_designer_error(error):
                    raise
                # e.g. no key yet: the person can act on it
                raise service_module.TurnError(str(error)) from None
            return service_module.TripDesignerService(designer, name)

        self.guard.record_new_modules()
        service, code_changed = self.services.get_or_build(
            cache_key, build, self.guard.code_identity()
        )
        if code_changed:
            self.guard.report(1, len(self.sessions))
        return service

    def _drop_services(self) -> tuple[int, int]:
        return self.services.clear(), len(self.sessions)

    # Chat -----------------------------------------------------------------------

    def chat(
        self,
        text: str,
        session_id: str | None = None,
        emit: Callable[[Event], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> Reply:
        """Send one message; the session is saved once, at the end, only if the turn succeeds.

        ``cancel``, once set, stops the turn at its next event (a stream chunk, a tool step)
        or before the save, raising ``TurnCancelled``; the session is left as it was.
        """
        text = text.strip() if isinstance(text, str) else text
        if not isinstance(text, str) or not text:
            raise ValueError("The message is empty: write what trip you would like.")
        if len(text) > MAX_MESSAGE_CHARS:
            raise ValueError(
                f"The message has {len(text):,} characters; the limit is {MAX_MESSAGE_CHARS:,}. "
                "Shorten it or send it in parts."
            )
        with self._turn_lock:
            self.guard.check()
            session_id = session_id or self.current_session_id or self.new_session()
            service = self.service()

            def forward(event: Event) -> None:
                if cancel is not None and cancel.is_set():
                    raise TurnCancelled
                if emit is not None:
                    emit(event)
                self._notify({**event, "session_id": session_id})

            result = self._commit_turn(service, session_id, text, forward, cancel)
            self.current_session_id = session_id
        self._notify({"type": "turn_saved", "session_id": session_id})
        return Reply(result.reply, session_id, result.itinerary, result.question)

    def _commit_turn(
        self,
        service: Any,
        session_id: str,
        text: str,
        forward: Callable[[Event], None],
        cancel: threading.Event | None = None,
    ) -> Any:
        """Run the turn on the session as stored and commit it on the revision it read.

        When another kernel committed first, the turn is re-run on the fresh record (its
        reply must answer the history as it now is); after ``TURN_ATTEMPTS`` it is refused.
        """
        from tripdesigner_kernel.service import TurnError
        from tripdesigner_kernel.sessions.storage import StaleSessionError

        for _attempt in range(TURN_ATTEMPTS):
            record = self.sessions.load_record(session_id)
            result = service.turn(record, text, self.today(), forward)
            if cancel is not None and cancel.is_set():
                raise TurnCancelled
            try:
                self.sessions.save_record(result.record)
                return result
            except StaleSessionError:
                forward({"type": "retry", "reason": "the session changed elsewhere"})
        raise TurnError(
            f"Session {session_id} kept changing in another kernel while this turn ran; your "
            "message was not saved. Send it again."
        )

    def _notify(self, event: Event) -> None:
        for listener in list(self.listeners):
            # Widgets register weakly: a closed or forgotten widget drops out by itself.
            target = listener() if isinstance(listener, weakref.WeakMethod) else listener
            if target is None:
                self.listeners.remove(listener)
                continue
            try:
                target(event)
            except Exception:  # a broken view must not break a turn
                continue

    def __repr__(self) -> str:
        return (
            f"<KernelState designer={self.settings.designer!r} sessions={len(self.sessions)} "
            f"services={len(self.services)} storage={self.storage.name}>"
        )


def state_for(shell: Any = None) -> KernelState:
    """The state of ``shell`` (created on first use); outside IPython, the process's."""
    holder: Any = shell if shell is not None else sys
    state = getattr(holder, STATE_ATTRIBUTE, None)
    if state is None:
        state = KernelState(shell)
        setattr(holder, STATE_ATTRIBUTE, state)
    return state
