"""Places named that we hold no data for ("2 days in the Sahara", "then Hallstatt",
"Cusco and Machu Picchu"): found so the reply can say so, never dropped without a word.

A capitalised word the place finder did not know (``TripRequest.unknown_places``) is such
a place when a word before it says a place follows ("in", "to", "visit", "then", "days
in") or it is listed right after a place we know ("Tromsø and Lofoten"); a name ending
in a sight's word ("Eiffel Tower") is a sight, not a place.
"""

from __future__ import annotations

import re

from tripdesigner_kernel.designers.offline.understanding.numbers import NUM
from tripdesigner_kernel.designers.offline.understanding.place_words import FOOD_AFTER, NOT_PLACES
from tripdesigner_kernel.designers.offline.understanding.request import TripRequest
from tripdesigner_kernel.knowledge.cities import city_index
from tripdesigner_kernel.knowledge.text import fold

_CUE = re.compile(
    r"(?:\b(?:in|to|visit|visiting|explore|exploring|then|via|around|towards?|into|onto"
    r"|on to|trip to|head to|heading to|go to|going to|fly to|flying to)"
    rf"|\b{NUM}[ -](?:days?|nights?)? ?(?:in|at))\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_LISTED = re.compile(r"([\w'’-]+)\s*(?:,|&|\+|\band\b|\bor\b|\band then\b)\s*(?:the\s+)?$", re.I)
_SIGHT_WORDS = {
    "tower", "museum", "palace", "cathedral", "church", "gallery", "bridge", "castle",
    "square", "market", "garden", "gardens", "temple", "abbey", "basilica", "fort", "stadium",
    "hall", "theatre", "theater", "opera", "zoo", "aquarium", "street", "restaurant", "hotel",
    "cafe", "bar", "centre", "center", "mall", "station", "airport",
}  # fmt: skip
_CAPITALISED_RUN = r"(?:[A-Z][\w'’-]*\s+){0,3}"


def read_unknown_places(text: str, request: TripRequest) -> None:
    """Fill ``request.missing_places`` with the places named that we do not know."""
    known = {fold(s.city.name) for s in request.stays}
    found: list[str] = []
    for word in request.unknown_places:
        if fold(word) in NOT_PLACES:
            continue
        pattern = rf"\b{_CAPITALISED_RUN}{re.escape(word)}(?:\s+[A-Z][\w'’-]*){{0,3}}\b"
        for match in re.finditer(pattern, text):
            name = _trimmed(text, match.start(), match[0])
            if name is None or fold(name) in known or any(fold(name) in fold(f) for f in found):
                continue
            found = [f for f in found if fold(f) not in fold(name)] + [name]
            break
    request.missing_places = found


def _trimmed(text: str, start: int, run: str) -> str | None:
    """The place's name in a run of capitalised words, when what comes before says it is a
    place; None for a sight ("Eiffel Tower") or a word that is no place."""
    words = run.split()
    while words and fold(words[0]) in NOT_PLACES:  # "Visit Hallstatt": the verb is no name
        start = text.index(words[1], start) if len(words) > 1 else start
        words = words[1:]
    if not words or fold(words[-1]) in _SIGHT_WORDS:
        return None
    if FOOD_AFTER.match(text[text.index(words[-1], start) + len(words[-1]) :]):
        return None  # "Chianti wine": the drink
    before = text[:start]
    listed = _LISTED.search(before)
    after_a_place = bool(listed and city_index().has_name(fold(listed[1]), True))
    if not (_CUE.search(before) or after_a_place):
        return None
    return " ".join(words)
