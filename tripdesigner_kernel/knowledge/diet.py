"""Which places suit a dietary need, read from their name, description and tags (the word
lists, with their sources, are ``data/diet_words.json``)."""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from importlib import resources
from typing import Literal

Fit = Literal["suits", "unsuitable", "unknown"]


def fold(text: str) -> str:
    """Lower case without accents: 'Gulyás' -> 'gulyas'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _pattern(words: list[str]) -> re.Pattern[str] | None:
    # A word ending in "$" matches whole; the others at the start of a word.
    parts = [
        re.escape(fold(w[:-1])) + r"\b" if w.endswith("$") else re.escape(fold(w)) for w in words
    ]
    return re.compile(r"\b(?:" + "|".join(parts) + ")") if parts else None


_Entry = tuple[re.Pattern[str] | None, frozenset[str], frozenset[str], re.Pattern[str] | None]


@cache
def _table() -> dict[str, dict[str, list[str]]]:
    path = resources.files("tripdesigner_kernel.knowledge") / "data" / "diet_words.json"
    data: dict[str, dict[str, list[str]]] = json.loads(path.read_text(encoding="utf-8"))["needs"]
    return data


@cache
def _needs() -> dict[str, _Entry]:
    """need -> (suits words, suits tags, unsuitable tags, unsuitable words), its own lists."""
    return {
        need: (
            _pattern(entry["suits"]),
            frozenset(entry["suits_tags"]),
            frozenset(entry["tags"]),
            _pattern(entry["unsuitable"]),
        )
        for need, entry in _table().items()
    }


def known_needs() -> frozenset[str]:
    """The needs the word lists cover (vegetarian, vegan, gluten-free, halal...)."""
    return frozenset(_needs())


@cache
def diet_fit(name: str, description: str, tags: tuple[str, ...], need: str) -> Fit:
    """How a place suits ``need``: it says it caters for it ("suits"), its signature food
    rules it out ("unsuitable": a tonkatsu counter for a vegetarian), or we cannot tell."""
    entry = _needs().get(need)
    if entry is None:
        return "unknown"
    suits, suits_tags, bad_tags, unsuitable = entry
    text = fold(f"{name}. {description}")
    if suits_tags & set(tags) or (suits is not None and suits.search(text)):
        return "suits"
    # A need that includes another (vegan: all a vegetarian avoids) is ruled out by it,
    # unless the other says it caters for it (a vegetarian kitchen's "mock meat").
    included = [diet_fit(name, description, tags, other) for other in _includes(need)]
    if "unsuitable" in included:
        return "unsuitable"
    if bad_tags & set(tags) or (unsuitable is not None and unsuitable.search(text)):
        return "unsuitable"
    return "unknown"


def _includes(need: str) -> list[str]:
    return list(_table()[need].get("includes", []))


def diets_fit(name: str, description: str, tags: tuple[str, ...], needs: tuple[str, ...]) -> Fit:
    """How a place suits all of ``needs`` at once: unsuitable for one rules it out; it
    suits only when it says so for each need the word lists know."""
    fits = [diet_fit(name, description, tags, n) for n in needs if n in _needs()]
    if "unsuitable" in fits:
        return "unsuitable"
    if fits and all(f == "suits" for f in fits):
        return "suits"
    return "unknown"
