"""Settings as traitlets, so ``%config TripDesigner.today = '2026-11-24'`` works."""

from __future__ import annotations

import os
from datetime import date

from traitlets import Bool, Dict, Unicode
from traitlets.config import Configurable

TODAY_ENV = "TRIPDESIGNER_TODAY"


class TripDesigner(Configurable):
    """Trip designer settings (the extension's, shared by magics, widget and API)."""

    designer = Unicode("offline", help="Name of the designer that answers messages.").tag(
        config=True
    )
    designer_options = Dict(help="Options for the designer (model, base URL, ...).").tag(
        config=True
    )
    today = Unicode(
        "", help="Fix 'today' as YYYY-MM-DD (for reproducible notebooks); empty: the real date."
    ).tag(config=True)
    storage = Unicode(
        "sqlite",
        help="Where sessions live: 'sqlite' (the history file in the user's data directory, "
        "the default), 'sqlite:///PATH', or 'memory' (lost when the kernel stops).",
    ).tag(config=True)
    stream_replies = Bool(
        True,
        help="Stream model replies into one display updated in place (off for nbval, which "
        "does not follow display updates).",
    ).tag(config=True)
    key_env = Unicode(
        "", help="Name of an environment variable that holds the API key (never the key itself)."
    ).tag(config=True)


def resolve_today(setting: str) -> date:
    """The designer's 'today': the setting, else $TRIPDESIGNER_TODAY, else the real date."""
    text = setting or os.environ.get(TODAY_ENV, "")
    if not text:
        return date.today()
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        source = "TripDesigner.today" if setting else f"${TODAY_ENV}"
        raise ValueError(
            f"{source} is {text!r}; use the form YYYY-MM-DD, e.g. 2026-11-24."
        ) from None
