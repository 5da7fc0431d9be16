"""The ``%tripchat`` line and cell magic: send messages and manage sessions."""

from __future__ import annotations

import re
import sys
from typing import Any

from IPython.core.error import UsageError
from IPython.core.magic import Magics, line_cell_magic, magics_class, no_var_expand
from IPython.core.magic_arguments import argument, magic_arguments

from tripdesigner_kernel.sessions.storage import StorageError
from tripdesigner_kernel.ui import render
from tripdesigner_kernel.ui.subcommands import (
    HELP,
    SUBCOMMANDS,
    USER_ERRORS,
    Subcommands,
    close_subcommand,
)

# Joins the letters of one word ("São-Paulo", "l'Aquila").
_IN_WORD = re.compile(r"[-'’]")
_QUOTED = re.compile(r"\"([^\"]*)\"|'([^']*)'|“([^”]*)”")


def _with_help_table(function: Any) -> Any:
    """Append the sub-command table to the docstring, so ``%tripchat?`` lists every one."""
    function.__doc__ = (function.__doc__ or "") + "\n" + HELP.split("\n", 2)[2] + "\n"
    return function


@magics_class
class TripChatMagics(Subcommands, Magics):
    """Magics over the kernel-global trip designer state."""

    @magic_arguments()
    @argument("-o", "--output", metavar="VAR", help="put the itinerary into notebook variable VAR")
    @argument("-s", "--session", metavar="ID", help="send to session ID instead of the current one")
    @argument(
        "message",
        nargs="*",
        help="the message, or a sub-command (" + ", ".join(SUBCOMMANDS) + "; the table above). "
        "Use `%%tripchat -- MESSAGE` to send a message that starts with a sub-command word, "
        "and `%%tripchat N` to answer the designer's question with choice N.",
    )
    @_with_help_table
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
            try:
                command(self, rest.strip())
            except StorageError as error:  # a store failing mid-command: one line, no traceback
                raise UsageError(str(error)) from None
            return None
        guess = close_subcommand(word) if not rest.strip() else None
        if guess is not None:  # one word that is a typo of a sub-command: never a message
            raise UsageError(
                f"Unknown sub-command {word!r}: did you mean `{guess}`? "
                f"To send {word!r} to the designer as a message, write `%tripchat -- {word}`."
            )
        options, message = self._leading_options(text)
        quoted = _QUOTED.fullmatch(message.strip())
        if quoted:  # quotes only mark a message as a message
            message = next(part for part in quoted.groups() if part is not None)
        return self._send(message, options, checked=not quoted and "--" not in text.split())

    def _refuse_a_stray_word(self, word: str, session_id: str | None) -> None:
        """Raise ``UsageError`` for one word that is no sub-command, no answer to the
        designer's question, and that the designer reads nothing in (no place, nothing of
        a trip): most likely a mistake, not worth a turn and a place in the history."""
        from tripdesigner_kernel.designers.registry import registry

        letters = _IN_WORD.split(word)
        if not all(part.isalpha() for part in letters):  # a number, a sign, several words
            return
        if self._answers_the_question(word, session_id):
            return
        try:  # a designer that says what it reads (the offline one); a model reads anything
            reads = getattr(registry.factory(self.state.settings.designer), "reads", None)
        except LookupError:
            return  # the turn will say the designer is unknown
        if reads is None or reads(word, self.state.today()):
            return
        raise UsageError(
            f"`{word}` is not a sub-command, and names no place or anything of a trip the "
            f"{self.state.settings.designer} designer reads. "
            f'To send it to the designer anyway, quote it: `%tripchat "{word}"` '
            f"(or `%tripchat -- {word}`). Sub-commands: {', '.join(SUBCOMMANDS)} "
            "(`%tripchat help` says what each does)."
        )

    def _answers_the_question(self, word: str, session_id: str | None) -> bool:
        """Whether ``word`` picks a choice of the question the session's designer asked."""
        from tripdesigner_kernel.designers.base import pending_question

        state = self.state
        session_id = session_id or state.current_session_id
        if session_id is None or not state.sessions.exists(session_id):
            return False
        question = pending_question(state.sessions.load_record(session_id)["messages"])
        try:
            return question is not None and question.resolve(word) != word
        except ValueError:  # a number that is no choice: the turn says which are
            return True

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

    def _send(self, message: str, options: dict[str, str], checked: bool = False) -> None:
        """Send ``message``; with ``checked``, a lone stray word is refused first."""
        from tripdesigner_kernel.kernel import MAX_MESSAGE_CHARS

        state = self.state
        output = options.get("output")
        if output is not None and not output.isidentifier():
            raise UsageError(f"-o needs a valid Python variable name, not {output!r}.")
        if checked and len(message) <= MAX_MESSAGE_CHARS:  # a longer one: the limit's message
            self._refuse_a_stray_word(message.strip(), options.get("session"))
        in_kernel = getattr(self.shell, "kernel", None) is not None
        live = render.LiveReply() if in_kernel and state.settings.stream_replies else None
        try:
            reply = state.chat(message, session_id=options.get("session"), emit=live)
        except USER_ERRORS as error:
            raise UsageError(str(error)) from None
        except RuntimeError as error:  # a failed turn: the session is unchanged
            print(f"[tripdesigner] {error}", file=sys.stderr)
            return None
        except KeyboardInterrupt:
            print("[tripdesigner] Cancelled; your session is unchanged.", file=sys.stderr)
            return None
        bundle = render.reply_bundle(str(reply), reply.question)
        if live is not None:
            live.finish(bundle)
        else:
            render.show(bundle)
        if output is not None:
            from tripdesigner_kernel.trip.model import Itinerary

            itinerary = reply.itinerary
            assert self.shell is not None
            self.shell.user_ns[output] = Itinerary.from_json(itinerary) if itinerary else None
        return None
