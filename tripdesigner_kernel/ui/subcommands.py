"""The sub-commands of ``%tripchat``: one table, each a small method."""

from __future__ import annotations

import argparse
import shlex
import sys
from collections.abc import Callable
from typing import Any, NoReturn

from IPython.core.error import UsageError

from tripdesigner_kernel.kernel import KernelState
from tripdesigner_kernel.ui import render

USER_ERRORS: tuple[type[BaseException], ...] = (ValueError, LookupError)


class _Parser(argparse.ArgumentParser):
    """argparse that reports mistakes as ``UsageError`` instead of exiting."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message}. See `%tripchat help`.")


def _parser(command: str) -> _Parser:
    return _Parser(
        prog=f"%tripchat {command}", add_help=False, exit_on_error=False, allow_abbrev=False
    )


def _split(text: str) -> list[str]:
    try:
        return shlex.split(text)
    except ValueError as error:
        raise UsageError(f"Could not read the options ({error}); check the quotes.") from None


def _parse(parser: _Parser, text: str) -> argparse.Namespace:
    try:
        return parser.parse_args(_split(text))
    except argparse.ArgumentError as error:
        raise UsageError(f"{parser.prog}: {error}. See `%tripchat help`.") from None


class Subcommands:
    """Mixed into the magics class; ``state`` and ``shell`` come from there."""

    shell: Any

    @property
    def state(self) -> KernelState:
        """The kernel-global state of this shell (looked up each time: it survives reloads)."""
        from tripdesigner_kernel.kernel import state_for

        return state_for(self.shell)

    # Sub-commands -------------------------------------------------------------------

    def cmd_new(self, rest: str) -> None:
        parser = _parser("new")
        parser.add_argument("--title", nargs="+")
        args = _parse(parser, rest)
        try:
            session_id = self.state.new_session(" ".join(args.title) if args.title else None)
        except ValueError as error:
            raise UsageError(str(error)) from None
        print(f"New session {session_id} (now current).")

    def cmd_list(self, rest: str) -> None:
        _parse(_parser("list"), rest)
        summaries = self.state.sessions.list()
        if not summaries:
            print("No sessions yet. Send a message, or start one with `%tripchat new`.")
            return
        current = self.state.current_session_id
        rows = [
            ["*" if s.id == current else "", s.id, s.title, s.message_count, s.last_active_at[:16]]
            for s in summaries
        ]
        render.show(render.table_bundle(["", "id", "title", "messages", "last active (UTC)"], rows))

    def cmd_use(self, rest: str) -> None:
        parser = _parser("use")
        parser.add_argument("id")
        args = _parse(parser, rest)
        try:
            self.state.use_session(args.id)
        except LookupError as error:
            raise UsageError(str(error)) from None
        print(f"Now using session {args.id}.")

    def _session_arg(self, session_id: str | None) -> Any:
        session_id = session_id or self.state.current_session_id
        if session_id is None:
            raise UsageError("No current session. Send a message or run `%tripchat new` first.")
        try:
            return self.state.sessions.get(session_id)
        except LookupError as error:
            raise UsageError(str(error)) from None

    def cmd_show(self, rest: str) -> None:
        parser = _parser("show")
        parser.add_argument("id", nargs="?")
        record = self._session_arg(_parse(parser, rest).id)
        if not record.itinerary:
            print(f"Session {record.id} has no itinerary yet.")
            return
        render.show(render.itinerary_bundle(record.itinerary))

    def cmd_history(self, rest: str) -> None:
        parser = _parser("history")
        parser.add_argument("id", nargs="?")
        parser.add_argument("-n", type=int, default=0, help="only the last N messages")
        args = _parse(parser, rest)
        if args.n < 0:
            raise UsageError("-n must be a positive number of messages.")
        record = self._session_arg(args.id)
        messages = record.messages[-args.n :] if args.n else record.messages
        if not messages:
            print(f"Session {record.id} has no messages yet.")
            return
        for message in messages:
            print(f"[{message.role}] {message.content}")
            question = message.extra.get("question") or {}
            for number, choice in enumerate(question.get("choices") or [], 1):
                print(f"  {number}. {choice}")  # the choices, not only a trailing colon

    def cmd_rename(self, rest: str) -> None:
        parser = _parser("rename")
        parser.add_argument("-s", "--session", metavar="ID")
        parser.add_argument("title", nargs="+")
        args = _parse(parser, rest)
        record = self._session_arg(args.session)
        try:
            self.state.sessions.rename(record.id, " ".join(args.title))
        except ValueError as error:
            raise UsageError(str(error)) from None
        print(f"Session {record.id} renamed.")

    def cmd_delete(self, rest: str) -> None:
        parser = _parser("delete")
        parser.add_argument("id")
        args = _parse(parser, rest)
        try:
            self.state.delete_session(args.id)
        except LookupError as error:
            raise UsageError(str(error)) from None
        print(f"Deleted session {args.id}.")

    def cmd_status(self, rest: str) -> None:
        _parse(_parser("status"), rest)
        state = self.state
        options = ", ".join(f"{k}={v}" for k, v in sorted(state.settings.designer_options.items()))
        rows: list[list[Any]] = [
            ["designer", state.settings.designer + (f" ({options})" if options else "")],
            ["sessions", len(state.sessions)],
            ["current session", state.current_session_id or "none"],
            ["cached services", len(state.services)],
            ["storage", state.storage.name],
            ["today", state.today().isoformat()],
            ["API key", "set" if state.api_key() else "not set"],
        ]
        render.show(render.table_bundle(["setting", "value"], rows))

    def cmd_key(self, rest: str) -> None:
        parser = _parser("key")
        group = parser.add_mutually_exclusive_group()
        group.add_argument("--env", metavar="VAR")
        group.add_argument("--clear", action="store_true")
        args = _parse(parser, rest)
        state = self.state
        if args.clear:
            state.set_api_key(None)
            state.settings.key_env = ""
            print("API key forgotten.")
            return
        if args.env:
            import os

            if not os.environ.get(args.env):
                raise UsageError(f"The environment variable {args.env} is not set or is empty.")
            state.set_api_key(None)
            state.settings.key_env = args.env
            print(f"Using the API key from ${args.env}.")
            return
        import getpass

        try:
            key = getpass.getpass("API key (not shown, not saved): ")
        except (EOFError, OSError, KeyboardInterrupt):
            raise UsageError("Could not read a key here; use `%tripchat key --env VAR`.") from None
        if not key.strip():
            raise UsageError("No key entered; nothing changed.")
        state.set_api_key(key.strip())
        print("API key set for this kernel (kept in memory only).")

    def cmd_designer(self, rest: str) -> None:
        from tripdesigner_kernel.designers.registry import registry

        words = _split(rest)
        if not words:
            print(
                f"Designer: {self.state.settings.designer}. "
                f"Available: {', '.join(registry.names())}."
            )
            return
        name, options = words[0], _designer_options(words[1:])
        from tripdesigner_kernel.settings import check_designer_options

        self._user_call(check_designer_options, options)
        key_env = options.pop("key_env", None)
        if key_env is not None:
            self.cmd_key(f"--env {key_env}")
        preset = options.get("preset")
        if preset is not None:
            from tripdesigner_kernel.designers.llm.client import PRESETS

            if preset not in PRESETS:
                raise UsageError(f"Unknown preset {preset!r}: use {', '.join(PRESETS)}.")
        try:
            self.state.use_designer(name, **options)
        except LookupError as error:
            raise UsageError(str(error)) from None
        print(f"Designer set to {name}. Sessions are kept.")

    def _cassette(self, command: str, rest: str) -> None:
        parser = _parser(command)
        parser.add_argument("path", help="the cassette file, or 'off'")
        path = _parse(parser, rest).path
        state = self.state
        options = dict(state.settings.designer_options)
        if state.settings.designer != "openai" and path != "off":
            options = {}
        options.pop("record", None)
        options.pop("replay", None)
        if path != "off":
            options[command] = path
        state.use_designer("openai" if path != "off" else state.settings.designer, **options)
        if path == "off":
            print(f"Stopped {command}ing.")
        elif command == "record":
            print(f"Recording the model's exchanges to {path} (no key or header is written).")
        else:
            print(f"Replaying {path}: offline, no key needed; a changed request fails loudly.")

    def cmd_record(self, rest: str) -> None:
        self._cassette("record", rest)

    def cmd_replay(self, rest: str) -> None:
        self._cassette("replay", rest)

    def cmd_watch(self, rest: str) -> None:
        parser = _parser("watch")
        parser.add_argument("module")
        module = _parse(parser, rest).module
        if module not in sys.modules:
            raise UsageError(f"Module {module!r} is not imported; import it first.")
        self.state.guard.watch(module)
        self.state.guard.record_new_modules()
        print(f"Watching {module}: edits to it clear the cached services.")

    def cmd_storage(self, rest: str) -> None:
        parser = _parser("storage")
        parser.add_argument("kind", nargs="?", help="memory, sqlite or postgresql://...")
        parser.add_argument("path", nargs="?")
        parser.add_argument("--copy", action="store_true", help="copy the current sessions across")
        args = _parse(parser, rest)
        state = self.state
        if args.kind is None:
            print(state.describe_storage())
            return
        postgres = args.kind.lower().startswith(("postgresql://", "postgres://"))
        if not postgres and args.kind not in ("memory", "sqlite"):
            raise UsageError(
                "storage: invalid choice: sessions live in memory, sqlite [PATH] or "
                "postgresql://USER@HOST:PORT/DBNAME."
            )
        if args.kind != "sqlite" and args.path:
            raise UsageError(f"`%tripchat storage {args.kind.split(':')[0]}` takes no path.")
        spec = args.kind if not args.path else f"sqlite:///{args.path}"
        try:
            print(state.use_storage(spec, copy=args.copy))
        except ValueError as error:
            raise UsageError(str(error)) from None

    def cmd_export_session(self, rest: str) -> None:
        parser = _parser("export-session")
        parser.add_argument("id")
        parser.add_argument("path")
        args = _parse(parser, rest)
        self._user_call(self.state.export_session, args.id, args.path)
        print(f"Wrote session {args.id} to {args.path}.")

    def cmd_import_session(self, rest: str) -> None:
        parser = _parser("import-session")
        parser.add_argument("path")
        args = _parse(parser, rest)
        session_id = self._user_call(self.state.import_session, args.path)
        print(f"Imported session {session_id}. Use it with `%tripchat use {session_id}`.")

    def cmd_fork(self, rest: str) -> None:
        parser = _parser("fork")
        parser.add_argument("id", nargs="?")
        args = _parse(parser, rest)
        session_id = self._user_call(self.state.fork_session, args.id)
        print(f"Forked into session {session_id} (now current).")

    def cmd_share(self, rest: str) -> None:
        parser = _parser("share")
        parser.add_argument("id")
        parser.add_argument("user")
        parser.add_argument("--read-only", action="store_true", help="they can read and fork")
        args = _parse(parser, rest)
        self._user_call(self.state.placement.share, args.id, args.user, args.read_only)
        how = "read-only (they can fork it)" if args.read_only else "to read and write"
        print(f"Session {args.id} is shared with {args.user} {how}.")

    def cmd_unshare(self, rest: str) -> None:
        parser = _parser("unshare")
        parser.add_argument("id")
        parser.add_argument("user")
        args = _parse(parser, rest)
        was = self._user_call(self.state.placement.share, args.id, args.user, None)
        print(f"Session {args.id} is {'no longer' if was else 'not'} shared with {args.user}.")

    def cmd_export(self, rest: str) -> None:
        from tripdesigner_kernel.trip.exports import FORMATS

        parser = _parser("export")
        parser.add_argument("format", choices=[*FORMATS, "chat"])
        parser.add_argument("path")
        parser.add_argument("-s", "--session", metavar="ID")
        args = _parse(parser, rest)
        if args.format == "chat":
            from tripdesigner_kernel.ui.chat_export import export_chat

            self._user_call(export_chat, self.state, args.path, args.session)
            print(f"Wrote the chat and its plan as Markdown to {args.path}.")
            return
        self._user_call(self.state.export_itinerary, args.format, args.path, args.session)
        print(f"Wrote the itinerary as {args.format} to {args.path}.")

    @staticmethod
    def _user_call(function: Callable[..., Any], *args: Any) -> Any:
        try:
            return function(*args)
        except USER_ERRORS as error:
            raise UsageError(str(error)) from None

    def cmd_widget(self, rest: str) -> None:
        parser = _parser("widget")
        parser.add_argument("id", nargs="?")
        args = _parse(parser, rest)
        from IPython.display import display

        from tripdesigner_kernel.ui.widget import ChatWidget

        try:
            display(ChatWidget(args.id, self.state))
        except LookupError as error:
            raise UsageError(str(error)) from None

    def cmd_help(self, rest: str) -> None:
        print(HELP)


def close_subcommand(word: str) -> str | None:
    """The sub-command ``word`` is most likely a typo of (``lisst`` -> ``list``), or None.

    Only close spellings count (difflib ratio >= 0.8): a one-word trip request such as
    ``York``, ``slow`` or ``Lisbon`` is not near enough to ``fork``, ``show`` or ``list``.
    """
    import difflib

    lowered = word.lower()
    if lowered in SUBCOMMANDS:
        return lowered
    if not lowered.replace("-", "").isalpha():
        return None
    matches = difflib.get_close_matches(lowered, SUBCOMMANDS, n=1, cutoff=0.8)
    return matches[0] if matches else None


def _designer_options(words: list[str]) -> dict[str, Any]:
    """``--model gpt-4o --max-retries 3`` -> ``{"model": "gpt-4o", "max_retries": 3}``."""
    options: dict[str, Any] = {}
    i = 0
    while i < len(words):
        word = words[i]
        if not word.startswith("--") or len(word) < 3:
            raise UsageError(f"Expected an option like --model, got {word!r}.")
        if i + 1 >= len(words) or words[i + 1].startswith("--"):
            raise UsageError(f"Option {word} needs a value.")
        value: Any = words[i + 1]
        for convert in (int, float):
            try:
                value = convert(value)
                break
            except ValueError:
                continue
        options[word[2:].replace("-", "_")] = value
        i += 2
    return options


SUBCOMMANDS: dict[str, Callable[[Any, str], None]] = {
    "new": Subcommands.cmd_new,
    "list": Subcommands.cmd_list,
    "use": Subcommands.cmd_use,
    "show": Subcommands.cmd_show,
    "history": Subcommands.cmd_history,
    "rename": Subcommands.cmd_rename,
    "delete": Subcommands.cmd_delete,
    "status": Subcommands.cmd_status,
    "key": Subcommands.cmd_key,
    "designer": Subcommands.cmd_designer,
    "watch": Subcommands.cmd_watch,
    "storage": Subcommands.cmd_storage,
    "export-session": Subcommands.cmd_export_session,
    "import-session": Subcommands.cmd_import_session,
    "fork": Subcommands.cmd_fork,
    "share": Subcommands.cmd_share,
    "unshare": Subcommands.cmd_unshare,
    "export": Subcommands.cmd_export,
    "record": Subcommands.cmd_record,
    "widget": Subcommands.cmd_widget,
    "replay": Subcommands.cmd_replay,
    "help": Subcommands.cmd_help,
}

HELP = """%tripchat: design a trip by chatting.

  %tripchat MESSAGE            send MESSAGE to the current session (one is made if none)
  %%tripchat                   send the cell body
  %tripchat -o VAR MESSAGE     ... and put the itinerary into VAR
  %tripchat -s ID MESSAGE      ... to session ID
  %tripchat N                  answer the designer's question with choice N
  %tripchat -- MESSAGE         send a message that starts with a sub-command word, or a
                               lone word the designer reads nothing in (or quote it)

  new [--title T]              start a session (it becomes current)
  list                         the sessions, most recent first
  use ID                       make session ID current
  show [ID]                    the itinerary of a session
  history [ID] [-n N]          the messages of a session
  rename [-s ID] TITLE         rename a session
  delete ID                    delete a session
  status                       designer, sessions, cached services, storage
  key [--env VAR | --clear]    set the API key (prompted, never saved), or read it from $VAR
  designer [NAME [--opt V]]    list designers, or switch (sessions are kept), e.g.
                               designer openai --model gpt-4o-mini --key-env OPENAI_API_KEY
                               designer openai --preset ollama --model llama3.1
                               options: --base-url --preset --max-retries --cost-limit-usd
                               --price-input --price-output --max-steps, --timeout S
                               (seconds for a whole turn); never a key: use --key-env
  watch MODULE                 treat MODULE as service code (edits clear cached services)
  storage [memory | sqlite [PATH] | postgresql://...] [--copy]
                               where sessions live (SQLite survives kernel restarts;
                               PostgreSQL is shared by a team's kernels)
  share ID USER [--read-only]  let USER see (and, unless read-only, write) a session
                               (PostgreSQL)
  unshare ID USER              stop sharing a session with USER
  export FORMAT PATH [-s ID]   write the itinerary as ics, geojson, md or json
  export chat PATH [-s ID]     write the chat and its plan as Markdown
  export-session ID PATH       write a session file (never holds a key)
  import-session PATH          read a session file
  fork [ID]                    copy a session to try an alternative
  record PATH | off            record the model's exchanges to a cassette (no key inside)
  replay PATH | off            replay a cassette: offline, no key, fails if requests change
  widget [ID]                  the chat widget (transcript, plan by day, route maps)
  help                         this text"""
