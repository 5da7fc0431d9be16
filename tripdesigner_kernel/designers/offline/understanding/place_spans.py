"""Spans of a message that name places, and what surrounds them: the ``Mention``, a
state or country qualifier ("Portland, Maine"), airports ("from Heathrow"), names in
Chinese or Japanese text, names inside longer proper names, lists of places."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from tripdesigner_kernel.designers.offline.understanding.place_words import (
    AIRPORT_RUN,
    FOOD_AFTER,
    FOOD_BEFORE,
    FOOD_FIRST,
    FOOD_NAMED,
    NOT_PLACES,
    PLACE_AFTER,
    VISIT_CUE,
)
from tripdesigner_kernel.knowledge.airport_names import airport_city
from tripdesigner_kernel.knowledge.cities import (
    City,
    city_index,
    country_codes_by_name,
    destination_keys,
)
from tripdesigner_kernel.knowledge.regions import Region, region_by_code, region_by_name
from tripdesigner_kernel.knowledge.text import fold
from tripdesigner_kernel.knowledge.touristic_areas import TouristicArea

TOKEN = re.compile(r"\w+(?:['’]\w+)*")
LONGEST_CJK_NAME = 8
SMALL_CITY = 50_000
EXONYM_LIKENESS = 60  # percent of letters in common
# Between two places of a list: "zurich luzern", "berlin/prague", "Paris + Lyon", "A -> B".
LIST_GAP = re.compile(r"\s*(?:[,/+&;|]|->|→|–|—|-|\b(?:and|then|or|und|et|e|y)\b)?\s*", re.I)


@dataclass
class Mention:
    """A place named in the text, from ``start`` to ``end`` (character offsets)."""

    start: int
    end: int
    phrase: str
    cities: list[City] = field(default_factory=list)  # best first; empty for a country/state
    country: str | None = None  # ISO 3166-1, when the phrase names a country
    region: Region | None = None  # when the phrase names a US state
    qualified: bool = False  # "Portland, Maine": the qualifier chose among the cities
    cued: bool = False  # a word before it says it is a place ("in", "to", "from"...)
    area: TouristicArea | None = None  # an island, coast, park: ``cities`` are its bases


def is_latin(char: str) -> bool:
    return unicodedata.name(char, "").startswith("LATIN") or not char.isalpha()


def is_ours(city: City) -> bool:
    return (fold(city.name), city.country) in destination_keys()


def after_a_city(before: str) -> bool:
    """Whether the words before end with a city's name and a list's gap: "lisboa porto"."""
    previous = re.search(r"(\w+)(\W*)$", before)
    if not previous or not LIST_GAP.fullmatch(previous[2]) or fold(previous[1]) in NOT_PLACES:
        return False
    city = city_index().lookup(previous[1]) if city_index().has_name(fold(previous[1])) else None
    return city is not None and city.population >= SMALL_CITY


def exonym(name: str, other: str, likeness: int = EXONYM_LIKENESS) -> bool:
    """Whether ``name`` is spelt like ``other`` (``likeness``: percent of letters in common),
    as a city's name in another language is (Bruges, Brugge; Lucerne, Luzern), unlike an
    old or odd name (Google, once Topeka)."""
    from rapidfuzz import fuzz

    return fuzz.ratio(name, other) >= likeness


def inside_longer_name(text: str, start: int, end: int) -> bool:
    """True for a name inside a longer proper name: "Dovercourt Green Haven" (a hotel), the
    "Sunrise" of "Istanbul Sunrise Palace". A capital that opens a sentence, a country or
    a state next to it ("Cambridge Massachusetts") does not count."""
    before = re.search(r"(\w+)[ -]$", text[:start])
    after = re.match(r" (\w+)", text[end:])  # "Spata-Artemida": Spata's municipality
    if before:
        prefix = text[: before.start()].rstrip()
        if not prefix or prefix[-1] in ".!?\n:;":
            before = None
    words = [w for w in (before[1] if before else None, after[1] if after else None) if w]
    for word in words:
        if not word[:1].isupper() or fold(word) in NOT_PLACES or word == "I":
            continue
        if fold(word) in country_codes_by_name() or region_by_name(word) is not None:
            continue
        # "Vienna Salzburg", "Dubrovnik Split": a name next to a city's is a list.
        if not city_index().has_name(fold(word)):
            return True
    return False


def qualifier(text: str, end: int, cities: list[City]) -> tuple[list[City], int] | None:
    """``", Maine"``, ``" TX"``, ``", UK"`` after a city name: the cities it leaves."""
    after = re.match(r"(,? ?)([A-Za-z][A-Za-z .]{1,30})", text[end:])
    if not after:
        return None
    words = TOKEN.findall(after[2])
    for size in (3, 2, 1):
        if len(words) < size:
            continue
        words_text = " ".join(words[:size])
        if size == 1 and len(words_text) == 2:
            # "Paris, TX": a postal code, in capitals only ("in" and "or" are words).
            region = region_by_code(words_text) if words_text.isupper() else None
        else:
            region = region_by_name(words_text)
        country = country_codes_by_name().get(fold(words_text))
        if region is not None:
            kept = [c for c in cities if (c.country, c.admin1) == (region.country, region.admin1)]
        elif country is not None:
            kept = [c for c in cities if c.country == country]
        else:
            continue
        if kept:
            stop = text.index(words[size - 1], end + len(after[1])) + len(words[size - 1])
            return kept, stop
    return None


def airport_mentions(text: str, found: list[Mention], unknown: list[str]) -> list[Mention]:
    """Places named by their airport after "from", "to"...: "from Heathrow", "to JFK",
    "from Orio al Serio" (Bergamo's): the city the airport serves."""
    mentions = []
    for match in AIRPORT_RUN.finditer(text):
        start, end = match.span(1)
        words = [fold(word) for word in TOKEN.findall(match[1])]
        if any(m.start < end and start < m.end for m in found) or all(
            word in NOT_PLACES for word in words
        ):
            continue
        city = airport_city(match[1])
        if city is not None:
            mentions.append(Mention(start, end, match[1], [city], cued=True))
            unknown[:] = [u for u in unknown if fold(u) not in words]
    return mentions


def cjk_mentions(text: str, start: int, end: int) -> list[Mention]:
    """Names inside a run of Chinese, Japanese, Korean... text ("東京で3日間")."""
    index = city_index()
    found: list[Mention] = []
    at = start
    while at < end:
        for length in range(min(LONGEST_CJK_NAME, end - at), 1, -1):
            phrase = text[at : at + length]
            key = fold(phrase)
            cities = index.candidates(phrase) if index.has_name(key) else []
            country = country_codes_by_name().get(key)
            if cities or country:
                found.append(Mention(at, at + length, phrase, cities, country, cued=True))
                at += length
                break
        else:
            at += 1
    return found


# "Cognac and Bordeaux", "Champagne, Burgundy": another place's name follows
_NEXT_PLACE = re.compile(r"\s*(?:,|&|->|→|and|then|or)\s+(?:then )?[A-Z]")


def said_as_food(text: str, mention: Mention, mentions: list[Mention]) -> bool:
    """Whether a place's name is used for a food or drink here: "Calvados and cheese
    tasting in Normandy", "I love Champagne", "a Bordeaux wine tour in Paris"; not "3 days
    in Champagne", "Bordeaux and Lyon" or "a Bordeaux wine tour" (the only place named)."""
    key = fold(mention.phrase)
    before, after = text[: mention.start], text[mention.end :]
    others = [m for m in mentions if m is not mention]
    if FOOD_AFTER.match(after) and (others or key in FOOD_FIRST):
        return True
    if VISIT_CUE.search(before):
        return False
    if others and (_NEXT_PLACE.match(after) or after_a_city(before)):
        return False  # "Cognac and Bordeaux", "Bordeaux, Cognac": a list of places
    if key in FOOD_FIRST:  # a place only with its own stay: "Champagne for 3 days"
        return bool(FOOD_BEFORE.search(before)) or not re.match(
            r"\s*(?:,\s*)?(?:for \w+ (?:days?|nights?)|\d+ (?:days?|nights?)\b(?! (?:in|at)\b)"
            r"|region|trip)",
            after,
        )
    return bool(
        key in FOOD_NAMED and others and FOOD_BEFORE.search(before) and not PLACE_AFTER.match(after)
    )
