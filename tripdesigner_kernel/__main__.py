"""Command line: ``python -m tripdesigner_kernel chat [--today D] [--format F] MESSAGE...``."""

from __future__ import annotations

import argparse
import functools
import json
import os
import sys
from collections.abc import Callable, Sequence


def _quiet_on_broken_pipe(run: Callable[..., int]) -> Callable[..., int]:
    """A reader that stops early (``| head``) ends the command quietly, exit status 1."""

    @functools.wraps(run)
    def wrapper(*args: object, **kwargs: object) -> int:
        try:
            code = run(*args, **kwargs)
            sys.stdout.flush()  # a late EPIPE would surface at exit, as a traceback
            return code
        except BrokenPipeError:
            # What the Python docs advise: stdout to devnull, so exit's flush stays quiet.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 1

    return wrapper


@_quiet_on_broken_pipe
def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tripdesigner_kernel",
        description="Design a trip offline: each MESSAGE is one turn of a fresh session.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    chat = commands.add_parser("chat", help="run messages as turns of one new session")
    chat.add_argument("--today", help="fix today's date (YYYY-MM-DD)")
    chat.add_argument("--format", choices=["json", "md", "ics", "geojson"], default="md")
    chat.add_argument("messages", nargs="+", metavar="MESSAGE")
    args = parser.parse_args(argv)

    from tripdesigner_kernel.kernel import KernelState

    state = KernelState()
    if args.today:
        state.settings.today = args.today
    try:
        state.today()
        state.new_session()
        reply = None
        for message in args.messages:
            reply = state.chat(message)
    except (ValueError, LookupError, RuntimeError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    assert reply is not None
    if args.format == "json":
        from tripdesigner_kernel.designers.offline.understanding.profile import load_profile

        question = reply.question
        profile = load_profile(state.sessions.get(reply.session_id).profile).slots()
        print(
            json.dumps(
                {
                    "reply": str(reply),
                    "question": {"text": question.text, "choices": question.choices}
                    if question
                    else None,
                    "itinerary": reply.itinerary,
                    "profile": profile,
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    elif reply.itinerary is None or args.format == "md":
        print(reply._repr_markdown_())
    else:
        from tripdesigner_kernel.trip import exports, model

        copy_id = state.current_session_id  # a fresh session each run: UIDs never collide
        print(exports.export(model.Itinerary.from_json(reply.itinerary), args.format, copy_id))
    return 0


if __name__ == "__main__":
    sys.exit(main())
