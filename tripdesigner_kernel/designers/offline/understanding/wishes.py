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
    INTEREST_WORDS,
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


# A late starter's days begin at this local time.
LATE_DAY_START = "10:00"
_LATE_START = re.compile(
    r"\b(?:not (?:a|much of a|really a) (?:morning person|early riser|early bird)"
    r"|(?:do not|don t|dont|never|hate|hates|can t|cannot) (?:like |do |stand )?"
    r"(?:early (?:mornings?|starts?)|mornings|getting up early|waking up early|get up early)"
    r"|no early (?:mornings?|starts?|wake ups?)|(?:like|love|want|need|prefer) to sleep in(?! "
    r"(?:a|an|the|our|my|one|[A-Z]\w*)\b)|sleep(?:ing)? in (?:late|a bit|a little|every|each|most)"
    r"|(?:a|have a|like a) lie in|late (?:starts?|risers?|mornings?)|slow mornings?|night owls?)\b"
)
# A bedtime the day must end before: "kids in bed by 8pm", "bedtime is 7:30", "back at the
# hotel by 19:00". A bare hour is an evening hour (8 -> 20:00).
_BEDTIME = re.compile(
    r"\b(?:(?:in bed|asleep|to bed|to sleep|lights out|bedtime|bed time)(?: is| at| by| around)?"
    r"|back (?:at|in|to) the (?:hotel|room|apartment)(?: by| before| at)?)"
    r" (?:by |before |at |around )?(\d{1,2})(?: (\d{2}))? ?(pm|p m|am|a m|h)?\b"
)
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
    covered: list[tuple[int, int]] = []  # "theme parks" is no wish for parks
    words: list[tuple[int, str]] = []
    for phrase, tag in sorted(INTEREST_SYNONYMS.items(), key=lambda kv: -len(kv[0])):
        if phrase not in folded:
            continue
        spans = [
            m.span()
            for m in whole_words(phrase).finditer(folded)
            if not any(a <= m.start() and m.end() <= b for a, b in covered)
        ]
        if not spans:
            continue
        covered += spans
        refused = _refused(clauses, phrase)
        target = avoid if refused else interests
        if tag not in target and tag not in interests + avoid:
            target.append(tag)
        if phrase in INTEREST_WORDS and not refused:
            words.append((spans[0][0], INTEREST_WORDS[phrase]))
    request.interest_words = list(dict.fromkeys(word for _, word in sorted(words)))
    if re.search(r"\b(kids|children)\b", folded) and "kids" not in interests + avoid:
        interests.append("kids")
    request.interests, request.avoid = interests, avoid
    request.dietary = find_phrases(folded, DIETARY_WORDS)
    if "vegan" in request.dietary and "vegetarian" in request.dietary:
        request.dietary.remove("vegetarian")
    request.cuisines = read_cuisines(sentences)
    paces = find_phrases(folded, PACE_WORDS)
    request.pace = paces[0] if paces else None
    if _LATE_START.search(folded):
        request.day_start = LATE_DAY_START
    request.bedtime = read_bedtime(folded)


def read_bedtime(folded: str) -> str | None:
    """ "HH:MM" of a bedtime or an hour to be back at the hotel, or None."""
    match = _BEDTIME.search(folded)
    if match is None:
        return None
    hour, minutes = int(match[1]), int(match[2] or 0)
    if match[3] in ("am", "a m") or hour > 23 or minutes > 59:
        return None  # a bedtime in the morning is no bedtime
    if hour < 12:
        hour += 12  # "in bed by 8" is eight in the evening
    return f"{hour:02d}:{minutes:02d}" if 17 <= hour <= 23 else None
