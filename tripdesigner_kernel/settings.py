"""Settings as traitlets, so ``%config TripDesigner.today = '2026-11-24'`` works."""

from __future__ import annotations

import copy
import os
import sys
from datetime import date
from typing import Any

from traitlets import Bool, Dict, TraitError, Unicode, validate
from traitlets.config import Config, Configurable

from tripdesigner_kernel.redaction import is_secret_name, looks_like_secret

TODAY_ENV = "TRIPDESIGNER_TODAY"
WHERE_KEYS_GO = (
    "A key never goes in a designer option (options are shown by `%tripchat status` and "
    "`%config`, and saved with the notebook): put it in an environment variable and use "
    "`--key-env VAR` (or `%tripchat key --env VAR`), or type it at `%tripchat key`."
)


def check_designer_options(options: dict[str, Any]) -> None:
    """Refuse options that carry a key, by name or by value; ValueError naming the option.

    The value itself is never repeated in the message.
    """
    for name, value in options.items():
        if is_secret_name(str(name)):
            raise ValueError(f"The option {name!r} names a secret. {WHERE_KEYS_GO}")
        if looks_like_secret(str(name)) or looks_like_secret(repr(value)):
            raise ValueError(f"The option {name!r} holds what looks like a key. {WHERE_KEYS_GO}")


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

    def _load_config(
        self, cfg: Config, section_names: list[str] | None = None, traits: Any = None
    ) -> None:
        """A config file or ``%config`` with a key in the options: one line, options ignored.

        (Raising would stop the extension loading, with a traceback, over a config file.)
        """
        section = cfg.get(type(self).__name__)
        options = section.get("designer_options") if isinstance(section, Config) else None
        if isinstance(options, dict):
            try:
                check_designer_options(options)
            except ValueError as error:
                print(f"[tripdesigner] {error} Those options were ignored.", file=sys.stderr)
                cfg = copy.deepcopy(cfg)
                del cfg[type(self).__name__]["designer_options"]
        super()._load_config(cfg, section_names, traits)

    @validate("designer_options")
    def _no_key_in_options(self, proposal: Any) -> dict[str, Any]:
        try:
            check_designer_options(proposal["value"])
        except ValueError as error:
            raise TraitError(str(error)) from None
        return dict(proposal["value"])

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
