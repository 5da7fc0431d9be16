"""Numbers as people write them ("3", "three", "a couple of") and phrase tables."""

from __future__ import annotations

import re
from functools import cache

from tripdesigner_kernel.designers.offline.vocabulary import NUMBER_WORDS

# One number, as a regex group: digits or a number word.
NUM = r"(\d{1,3}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"


def number(text: str) -> int:
    """The value of a ``NUM`` match: ``"3"`` or ``"three"`` -> 3."""
    text = text.lower()
    return int(text) if text.isdigit() else NUMBER_WORDS[text]


@cache
def whole_words(phrase: str) -> re.Pattern[str]:
    """``phrase`` as whole words, compiled once (``re``'s own cache is small and shared)."""
    return re.compile(rf"\b{re.escape(phrase)}\b")


@cache
def _longest_first(table_items: tuple[tuple[str, str], ...]) -> list[tuple[str, str]]:
    return sorted(table_items, key=lambda kv: -len(kv[0]))


def find_phrases(folded: str, table: dict[str, str]) -> list[str]:
    """Values of ``table`` whose phrase occurs as whole words in ``folded``, longest first."""
    found = []
    for phrase, value in _longest_first(tuple(table.items())):
        if phrase in folded and whole_words(phrase).search(folded) and value not in found:
            found.append(value)
    return found


def said_as_number(text: str, value: int) -> bool:
    """True when ``value`` stands alone in ``text`` as digits or a word: "27" in "2027" and
    "20" in "14:20" do not."""
    if re.search(rf"(?<![\d.,:/]){value}(?![\d.,:/]\d)", text):
        return True
    lowered = text.lower()
    return any(v == value and whole_words(w).search(lowered) for w, v in NUMBER_WORDS.items())
