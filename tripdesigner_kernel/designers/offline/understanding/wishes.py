"""Wishes: interests and things to avoid, dietary needs, cuisines, pace."""

from __future__ import annotations

import re

from tripdesigner_kernel.designers.offline.understanding.numbers import find_phrases, whole_words
from tripdesigner_kernel.designers.offline.understanding.request import TripRequest
from tripdesigner_kernel.designers.offline.vocabulary import (
    AVOID_CUES,
    CUISINES,
    DIETARY_WORDS,
    DISHES,
    FOOD_CUES,
    INTEREST_SYNONYMS,
    PACE_WORDS,
)
from tripdesigner_kernel.knowledge.text import fold

# "Chinese New Year", "Indian Ocean", "French Quarter": the adjective names no cuisine there.
_NOT_CUISINE_AFTER = (
    r" (?:new year|ocean|quarter|riviera|alps|embassy|visa|passport|citizens?|"
    r"speakers?|language|airlines?|express|open|grand prix)\b"
)


def read_cuisines(sentences: list[str]) -> list[str]:
    """Cuisine names in the sentences (each folded) that talk about food, in order said."""
    found: list[str] = []
    for sentence in sentences:
        if not re.search(FOOD_CUES, sentence):
            continue
        for match in _CUISINE.finditer(sentence):
            if re.match(_NOT_CUISINE_AFTER, sentence[match.end() :]):
                continue
            name = CUISINES[match[1]]
            if name not in found:
                found.append(name)
    for sentence in sentences:
        for match in _DISH.finditer(sentence):
            if DISHES[match[1]] not in found:
                found.append(DISHES[match[1]])
    return found


_REFUSAL_BEFORE = re.compile(AVOID_CUES + r"(?: (?!and\b|but\b)\S+){0,3}$")
_DISH = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, DISHES), key=len, reverse=True)) + r")\b"
)
_CUISINE = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, CUISINES), key=len, reverse=True)) + r")\b"
)


def _refused(clauses: list[str], phrase: str) -> bool:
    """True when every mention of ``phrase`` follows a refusal within three words, in its
    own clause ("museums but not nightlife, love food": only nightlife is refused)."""
    mentions = [
        clause[: m.start()].rstrip()
        for clause in clauses
        for m in whole_words(phrase).finditer(clause)
    ]
    return bool(mentions) and all(_REFUSAL_BEFORE.search(before) for before in mentions)


def read_wishes(text: str, folded: str, sentences: list[str], request: TripRequest) -> None:
    """Interests (and the ones refused), dietary needs, cuisines and pace."""
    clauses = [fold(c) for c in re.split(r"[,;:.!?()\n]|\bbut\b", text)]
    interests: list[str] = []
    avoid: list[str] = []
    for phrase, tag in sorted(INTEREST_SYNONYMS.items(), key=lambda kv: -len(kv[0])):
        if phrase not in folded or not whole_words(phrase).search(folded):
            continue
        target = avoid if _refused(clauses, phrase) else interests
        if tag not in target and tag not in interests + avoid:
            target.append(tag)
    if "street food" in interests and "food" in interests:
        interests.remove("food")
    if re.search(r"\b(kids|children)\b", folded) and "kids" not in interests + avoid:
        interests.append("kids")
    request.interests, request.avoid = interests, avoid
    request.dietary = find_phrases(folded, DIETARY_WORDS)
    if "vegan" in request.dietary and "vegetarian" in request.dietary:
        request.dietary.remove("vegetarian")
    request.cuisines = read_cuisines(sentences)
    paces = find_phrases(folded, PACE_WORDS)
    request.pace = paces[0] if paces else None
