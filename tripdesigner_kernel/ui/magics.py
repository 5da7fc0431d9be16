"""The ``%tripchat`` line and cell magic: send messages and manage sessions."""

from __future__ import annotations

import argparse
import shlex
import sys
from collections.abc import Callable
from typing import Any, NoReturn

from IPython.core.error import UsageError
from IPython.core.magic import Magics, line_cell_magic, magics_class, no_var_expand
from IPython.core.magic_arguments import argument, magic_arguments

from tripdesigner_kernel.kernel import KernelState, state_for
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


@magics_class
class TripChatMagics(Magics):
    """Magics over the kernel-global trip designer state."""

    @property
    def state(self) -> KernelState:
        return state_for(self.shell)

    @magic_arguments()
    @argument("-o", "--output", metavar="VAR", help="put the itinerary into notebook variable VAR")
    @argument("-s", "--session", metavar="ID", help="send to session ID instead of the current one")
    @argument(
        "message",
        nargs="*",
        help="the message, or a sub-command: new [--title T], list, use ID, show [ID], "
        "history [ID] [-n N], rename TITLE, delete ID, status, key [--env VAR | --clear], "
        "designer [NAME [--option VALUE ...]], watch MODULE, help. "
        "Use `%%tripchat -- MESSAGE` to send a message that starts with a sub-command word, "
        "and `%%tripchat N` to answer the designer's question with choice N.",
    )
    @no_var_expand
    @line_cell_magic
    def tripchat(self, line: str = "", cell: str | None = None) -> None:
        """Chat with the trip designer.

        ``%tripchat Plan 4 days in Kyoto in April for 2`` sends a message to the
        current session (one is created if there is none); ``%%tripchat`` sends
        the cell's body. Sessions live in the kernel and survive code reloads.
        """
        if cell is not None:
            options, rest = self._leading_options(line)
            if rest.strip():
                raise UsageError(
                    "With %%tripchat, the message is the cell body; the first line takes only "
                    "-o VAR and -s ID."
                )
            return self._send(cell, options)
        text = line.strip()
        if not text:
            raise UsageError(
                "Nothing to send. Try `%tripchat Plan 3 days in Lisbon` or `%tripchat help`."
            )
        word, _, rest = text.partition(" ")
        if word == "--":
            return self._send(rest, {})
        command = SUBCOMMANDS.get(word)
        if command is not None:
            command(self, rest.strip())
            return None
        options, message = self._leading_options(text)
        return self._send(message, options)

    # Sending ----------------------------------------------------------------------

    @staticmethod
    def _leading_options(text: str) -> tuple[dict[str, str], str]:
        """Split ``-o VAR`` / ``-s ID`` (and a final ``--``) off the front of a message."""
        options: dict[str, str] = {}
        names = {"-o": "output", "--output": "output", "-s": "session", "--session": "session"}
        rest = text.lstrip()
        while rest.startswith("-"):
            word, _, tail = rest.partition(" ")
            if word == "--":
                return options, tail
            if word not in names:
                raise UsageError(
                    f"Unknown option {word!r}. Options: -o VAR, -s ID. "
                    "To send a message that starts with '-', write `%tripchat -- MESSAGE`."
                )
            value, _, rest = tail.lstrip().partition(" ")
            if not value:
                raise UsageError(f"Option {word} needs a value.")
            options[names[word]] = value
            rest = rest.lstrip()
        return options, rest

    def _send(self, message: str, options: dict[str, str]) -> None:
        state = self.state
        output = options.get("output")
        if output is not None and not output.isidentifier():
            raise UsageError(f"-o needs a valid Python variable name, not {output!r}.")
        message = self._answer_choice(message.strip(), options.get("session"))
        try:
            reply = state.chat(message, session_id=options.get("session"))
        except USER_ERRORS as error:
            raise UsageError(str(error)) from None
        except RuntimeError as error:  # a failed turn: the session is unchanged
            print(f"[tripdesigner] {error}", file=sys.stderr)
            return None
        render.show(render.reply_bundle(str(reply), reply.question))
        if output is not None:
            from tripdesigner_kernel.trip.model import Itinerary

            itinerary = reply.itinerary
            assert self.shell is not None
            self.shell.user_ns[output] = Itinerary.from_json(itinerary) if itinerary else None
        return None

    def _answer_choice(self, message: str, session_id: str | None) -> str:
        """``%tripchat 2`` answers the last question with its second choice."""
        if not message.isdigit():
            return message
        session_id = session_id or self.state.current_session_id
        if session_id is None:
            return message
        try:
            record = self.state.sessions.get(session_id)
        except LookupError as error:
            raise UsageError(str(error)) from None
        for past in reversed(record.messages):
            if past.role != "assistant":
                continue
            question = past.extra.get("question")
            if not question:
                return message
            choices = question["choices"]
            number = int(message)
            if not 1 <= number <= len(choices):
                raise UsageError(f"Choose a number from 1 to {len(choices)}.")
            return str(choices[number - 1])
        return message

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
        try:
            self.state.use_designer(name, **options)
        except LookupError as error:
            raise UsageError(str(error)) from None
        print(f"Designer set to {name}. Sessions are kept.")

    def cmd_watch(self, rest: str) -> None:
        parser = _parser("watch")
        parser.add_argument("module")
        module = _parse(parser, rest).module
        if module not in sys.modules:
            raise UsageError(f"Module {module!r} is not imported; import it first.")
        self.state.guard.watch(module)
        self.state.guard.record_new_modules()
        print(f"Watching {module}: edits to it clear the cached services.")

    def cmd_help(self, rest: str) -> None:
        print(HELP)


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


SUBCOMMANDS: dict[str, Callable[[TripChatMagics, str], None]] = {
    "new": TripChatMagics.cmd_new,
    "list": TripChatMagics.cmd_list,
    "use": TripChatMagics.cmd_use,
    "show": TripChatMagics.cmd_show,
    "history": TripChatMagics.cmd_history,
    "rename": TripChatMagics.cmd_rename,
    "delete": TripChatMagics.cmd_delete,
    "status": TripChatMagics.cmd_status,
    "key": TripChatMagics.cmd_key,
    "designer": TripChatMagics.cmd_designer,
    "watch": TripChatMagics.cmd_watch,
    "help": TripChatMagics.cmd_help,
}

HELP = """%tripchat: design a trip by chatting.

  %tripchat MESSAGE            send MESSAGE to the current session (one is made if none)
  %%tripchat                   send the cell body
  %tripchat -o VAR MESSAGE     ... and put the itinerary into VAR
  %tripchat -s ID MESSAGE      ... to session ID
  %tripchat N                  answer the designer's question with choice N
  %tripchat -- MESSAGE         send a message that starts with a sub-command word

  new [--title T]              start a session (it becomes current)
  list                         the sessions, most recent first
  use ID                       make session ID current
  show [ID]                    the itinerary of a session
  history [ID] [-n N]          the messages of a session
  rename [-s ID] TITLE         rename a session
  delete ID                    delete a session
  status                       designer, sessions, cached services, storage
  key [--env VAR | --clear]    set the API key (prompted, never saved), or read it from $VAR
  designer [NAME [--opt V]]    list designers, or switch (sessions are kept)
  watch MODULE                 treat MODULE as service code (edits clear cached services)
  help                         this text"""
