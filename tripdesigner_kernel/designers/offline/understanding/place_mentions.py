"""Finding place names in a message: cities, countries, US states, with qualifiers.

A mention is a span of the text that names a place, with every city it may be
("Portland": Oregon's, Maine's...) best first. Whether it is the origin or a
destination is decided by ``places``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from tripdesigner_kernel.designers.offline.understanding.place_words import (
    AIRPORT_RUN,
    LISTED_AFTER,
    LODGING_BEFORE,
    LOWERCASE_NOT_COUNTRIES,
    NOT_PLACES,
    PLACE_AFTER,
    PLACE_CUE,
    SIGHT_AFTER,
)
from tripdesigner_kernel.knowledge.airport_names import airport_city
from tripdesigner_kernel.knowledge.cities import (
    ALIASES,
    City,
    city_index,
    close_city,
    country_codes_by_name,
    destination_keys,
)
from tripdesigner_kernel.knowledge.regions import Region, region_by_code, region_by_name
from tripdesigner_kernel.knowledge.text import fold

TOKEN = re.compile(r"\w+(?:['’]\w+)*")
GAP_IN_NAME = re.compile(r"[ \-.'’]{1,3}")  # "St. Louis", "Winston-Salem"
LONGEST_CJK_NAME = 8
SMALL_CITY = 50_000
BIG_CITY = 500_000
REGION_NAMED_CITY = 500_000  # a city as big as this is meant by its state's name
CITY_STATES = {"SG", "HK", "MO", "MC", "VA", "GI"}


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


def _is_latin(char: str) -> bool:
    return unicodedata.name(char, "").startswith("LATIN") or not char.isalpha()


def _is_ours(city: City) -> bool:
    return (fold(city.name), city.country) in destination_keys()


def _city_ok(
    city: City, phrase: str, cued: bool, sentence_start: bool, listed: bool, strongly: bool
) -> bool:
    """Whether a city name, written as it is here, is meant as that city.

    ``sentence_start`` is False when what follows the name reads as a place's ("Nice,
    France", "Berlin for 3 days"), so only a name that opens a sentence of other words
    ("Nice to meet you", "Split the bill") is read as the word. ``listed``: a list or a
    stay follows ("Phoenix and Denver", "Phoenix for 3 days"), so an everyday word
    elsewhere in a sentence needs no cue either ("a poem about Spring" has none).
    ``strongly``: "in", "to", "from"... before it, not just "and" ("Amazon and Google":
    Google was for a while another name of Topeka)."""
    if city.everyday_word and sentence_start and not cued:
        return False
    key = fold(phrase)
    if _is_ours(city) and fold(city.name) == fold(ALIASES.get(key, key)):
        return True
    if not cued and not listed and city.everyday_word:
        return False
    other_name = fold(city.name) != fold(ALIASES.get(key, key))
    if other_name and not (strongly or listed) and city.population < BIG_CITY:
        return False  # one of its other names, and no word around says it is a place
    if " " in phrase.strip():
        return True
    if not phrase[:1].isupper() and _is_latin(phrase[0]):
        # Lower case: only after "in", "to"... and only names of big cities.
        limit = 300_000 if city.everyday_word else 100_000
        return cued and city.population >= limit
    if city.population < SMALL_CITY:
        return cued
    return True


def _inside_longer_name(text: str, start: int, end: int) -> bool:
    """True for a name inside a longer proper name: "Dovercourt Green Haven" (a hotel), the
    "Sunrise" of "Istanbul Sunrise Palace". A capital that opens a sentence, a country or
    a state next to it ("Cambridge Massachusetts") does not count."""
    before = re.search(r"(\w+)[ -]$", text[:start])
    after = re.match(r" (\w+)", text[end:])  # "Spata-Artemida": Spata's municipality
    if before:
        prefix = text[: before.start()].rstrip()
        if not prefix or prefix[-1] in ".!?\n:;":
            before = None
    for word in (before[1] if before else None, after[1] if after else None):
        if not word or not word[:1].isupper() or fold(word) in NOT_PLACES or word == "I":
            continue
        if fold(word) not in country_codes_by_name() and region_by_name(word) is None:
            return True
    return False


def _qualifier(text: str, end: int, cities: list[City]) -> tuple[list[City], int] | None:
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


def find_mentions(text: str, towns: bool = False) -> tuple[list[Mention], list[str]]:
    """Places named in ``text``, in order, and capitalised words that name none we know.

    With ``towns``, places of 5,000 to 15,000 people count too.
    """
    tokens = [(m.start(), m.end()) for m in TOKEN.finditer(text)]
    taken = [False] * len(tokens)
    found: list[Mention] = []
    unknown: list[str] = []
    for size in (4, 3, 2, 1):
        for first in range(len(tokens) - size + 1):
            last = first + size - 1
            if any(taken[first : last + 1]) or not all(
                GAP_IN_NAME.fullmatch(text[tokens[i][1] : tokens[i + 1][0]])
                for i in range(first, last)
            ):
                continue
            start, end = tokens[first][0], tokens[last][1]
            mention = _recognise(text, start, end, towns, unknown if size == 1 else None)
            if mention is None and size == 1 and not _is_latin(text[start]):
                found.extend(_cjk_mentions(text, start, end))
                continue
            if mention is not None:
                for i in range(first, len(tokens)):
                    if tokens[i][0] >= mention.end:
                        break
                    taken[i] = True
                found.append(mention)
    found += _airport_mentions(text, found, unknown)
    found.sort(key=lambda m: (m.start, -m.end))
    # "Sydney, Nova Scotia": the qualifier found first on its own belongs to the city.
    inside = [
        m for m in found if any(o is not m and o.start <= m.start and m.end <= o.end for o in found)
    ]
    return [m for m in found if m not in inside], unknown


def _airport_mentions(text: str, found: list[Mention], unknown: list[str]) -> list[Mention]:
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


def _recognise(
    text: str, start: int, end: int, towns: bool, unknown: list[str] | None
) -> Mention | None:
    phrase = text[start:end]
    key = fold(phrase)
    if not key or key in NOT_PLACES or key.isdigit():
        return None
    before = text[:start]
    if LODGING_BEFORE.search(before) or SIGHT_AFTER.match(text[end:]):
        return None
    # "Bari, Otopeni": the next name of a list of places counts as cued too.
    cued = bool(PLACE_CUE.search(before) or re.search(r"\b[A-Z]\w+, ?$", before))
    sentence_start = (not before.strip() or before.rstrip()[-1] in ".!?\n:;") and not (
        PLACE_AFTER.match(text[end:])
    )
    listed = bool(LISTED_AFTER.match(text[end:]))
    after_place = re.search(r"(\w+),? (?:and|or|&|e|y|und|et) $", before)
    strongly = (cued and not re.search(r"\b(?:and|or|of|at|out)\W*$", before, re.I)) or bool(
        after_place and city_index().has_name(fold(after_place[1]))
    )  # "Seoul, Busan and Jeju": a list of places
    lower = not phrase[:1].isupper() and _is_latin(phrase[0])
    mention = Mention(start, end, phrase, cued=cued)
    index = city_index()
    cities = index.candidates(phrase, towns) if index.has_name(key, towns) else []
    if not cities and cued and not lower and not towns and index.has_name(key, True):
        cities = index.candidates(phrase, True)  # "starting from Latrobe": a small town
    country = country_codes_by_name().get(key)
    region = region_by_name(key)
    if region and (not lower or cued):
        mention.region = region  # Georgia, the state, and Georgia, the country: decided later
    if country and (not lower or key not in LOWERCASE_NOT_COUNTRIES or (cued and key != "us")):
        mention.country = country
        if country in CITY_STATES:  # Singapore is a city as much as a country
            mention.cities = [c for c in cities if c.country == country][:1]
        return mention
    if mention.region:  # New York, the city too; not Ontario, California
        name = fold(ALIASES.get(key, key))  # "New York": New York City
        named = [c for c in cities if fold(c.name) == name and c.population >= SMALL_CITY]
        if any(_is_ours(c) or c.population >= REGION_NAMED_CITY for c in named):
            mention.cities = named
        return mention
    if not cities and len(key) > 4 and not lower and unknown is not None:
        near = close_city(phrase)
        cities = index.candidates(near) if near else []
    if cued and cities and cities[0].population < SMALL_CITY and not _is_ours(cities[0]):
        # "from Heathrow": London, not the village by the runway; "from Latrobe": the town.
        served = airport_city(phrase, by_town=False)
        if served is not None and served.population > cities[0].population:
            cities = [served]
    qualified = _qualifier(text, end, cities) if cities else None
    if qualified:
        mention.cities, mention.end, mention.qualified = qualified[0], qualified[1], True
        return mention
    mention.cities = [
        c for c in cities if _city_ok(c, phrase, cued, sentence_start, listed, strongly)
    ]
    if mention.cities and (lower or not _inside_longer_name(text, start, end)):
        return mention
    latin = _is_latin(phrase[0])
    if unknown is not None and latin and not lower and not sentence_start and phrase not in unknown:
        unknown.append(phrase)
    return None


def _cjk_mentions(text: str, start: int, end: int) -> list[Mention]:
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
