"""Text normalisation shared by every lookup: accents and case ignored."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NON_WORD = re.compile(r"[^\w]+")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case, strip accents, turn punctuation into single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_NON_WORD.sub(" ", stripped.casefold()).split())


def slug(text: str) -> str:
    """A file-name slug: ``New York City`` -> ``new-york-city``."""
    return fold(text).replace(" ", "-")
