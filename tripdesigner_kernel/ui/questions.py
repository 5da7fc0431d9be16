"""Let ``%tripchat Somewhere warm in February?`` be a message, not a help request.

IPython reads a line ending in ``?`` as "show help for the last name". Trip
requests end in question marks all the time, so a cleanup transformer, which
runs before IPython's own, turns such a line into a direct magic call.
"""

from __future__ import annotations

import re

_LINE = re.compile(r"^(\s*)%tripchat(\s+)(.*\?)\s*$")


def protect_question_marks(lines: list[str]) -> list[str]:
    """Input transformer: rewrite ``%tripchat MESSAGE?`` lines as ``run_line_magic`` calls."""
    out = []
    for line in lines:
        match = _LINE.match(line.rstrip("\n"))
        if match and match[3].strip() not in ("?", "??"):
            indent, message = match[1], match[3]
            newline = "\n" if line.endswith("\n") else ""
            line = f"{indent}get_ipython().run_line_magic('tripchat', {message!r}){newline}"
        out.append(line)
    return out
