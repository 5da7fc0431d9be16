"""Finding place names in a message: cities, countries, US states, with qualifiers.

A mention is a span of the text that names a place, with every city it may be
("Portland": Oregon's, Maine's...) best first. Whether it is the origin or a
destination is decided by ``places``.
"""

from __future__ import annotations

import re

from tripdesigner_kernel.designers.offline.understanding.place_spans import (
    LIST_GAP,
    SMALL_CITY,
    TOKEN,
    Mention,
    after_a_city,
    airport_mentions,
    cjk_mentions,
    exonym,
    inside_longer_name,
    is_latin,
    is_ours,
    qualifier,
)
from tripdesigner_kernel.designers.offline.understanding.place_words import (
    LISTED_AFTER,
    LODGING_BEFORE,
    LOWERCASE_NOT_COUNTRIES,
    NOT_PLACES,
    PLACE_AFTER,
    PLACE_CUE,
    SIGHT_AFTER,
    TRIP_FOR,
)
from tripdesigner_kernel.designers.offline.understanding.stay_lengths import LENGTH_AFTER
from tripdesigner_kernel.knowledge.airport_names import airport_city
from tripdesigner_kernel.knowledge.cities import (
    ALIASES,
    City,
    city_index,
    close_city,
    country_codes_by_name,
    destination_keys,
)
from tripdesigner_kernel.knowledge.regions import region_by_name
from tripdesigner_kernel.knowledge.text import fold
from tripdesigner_kernel.knowledge.touristic_areas import (
    area_code,
    is_area_name,
    touristic_area,
)

GAP_IN_NAME = re.compile(r"[ \-.'’]{1,3}")  # "St. Louis", "Winston-Salem"
BIG_CITY = 500_000
REGION_NAMED_CITY = 500_000  # a city as big as this is meant by its state's name
AIRPORT_TOWN_SHARE = 3  # "from Heathrow": the city served is many times the village
CITY_STATES = {"SG", "HK", "MO", "MC", "VA", "GI"}
# A town named in this many languages in GeoNames is a destination people travel to
# (Zermatt 22, Interlaken 20, Banff 19, Bled 29), not one of the world's many namesakes
# (a town of its size has 3 to 9): known without a word before it saying it is a place.
FAMOUS_TOWN_NAMES = 15
WELL_KNOWN_CITY_NAMES = 40  # "Bruges", "Luzern": another name of a city this well known


def _city_ok(
    city: City,
    phrase: str,
    cued: bool,
    sentence_start: bool,
    listed: bool,
    strongly: bool,
    mid_sentence: bool,
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
    lower = not phrase[:1].isupper() and is_latin(phrase[0])
    as_word = lower and city.everyday_word and not (cued or listed) and mid_sentence
    if (key, city.country) in destination_keys() and not as_word:
        return True  # "seville": ours, though GeoNames' Sevilla; not "goa is nice"
    if is_ours(city) and fold(city.name) == fold(ALIASES.get(key, key)) and not as_word:
        return True
    if lower and is_ours(city) and local_name(key, city) and not as_word:
        return True  # "lisboa", "praha", "wien": one of ours by the name its people use
    if not cued and not listed and city.everyday_word:
        return False
    other_name = fold(city.name) != fold(ALIASES.get(key, key))
    famous = city.known_names >= WELL_KNOWN_CITY_NAMES and exonym(key, fold(city.name))
    if other_name and not (strongly or listed or famous) and city.population < BIG_CITY:
        return False  # one of its other names, and no word around says it is a place
    if " " in phrase.strip():
        return True
    if not phrase[:1].isupper() and is_latin(phrase[0]):
        # Lower case: only after "in", "to"... and only names of big cities.
        limit = 300_000 if city.everyday_word else 100_000
        return cued and city.population >= limit
    if city.population < SMALL_CITY:
        return cued or (city.known_names >= FAMOUS_TOWN_NAMES and not sentence_start)
    return True


LOCAL_NAME_LIKENESS = 50  # percent: "praha" and "prague" share about half their letters
NOT_LOCAL_NAMES = {"deli", "delis", "nico", "nica", "campi", "urbs", "stadi", "westside"}


def local_name(key: str, city: City) -> bool:
    """Whether ``key``, one of the city's other names, reads as its name in another
    language ("lisboa", "praha", "wien", "firenze"), not an old, odd or everyday one
    ("victoria" for Hong Kong, "deli")."""
    return (
        len(key) >= 4
        and key not in NOT_LOCAL_NAMES
        and exonym(key, fold(city.name), LOCAL_NAME_LIKENESS)
    )


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
            if mention is None and size == 1 and not is_latin(text[start]):
                found.extend(cjk_mentions(text, start, end))
                continue
            if mention is not None:
                for i in range(first, len(tokens)):
                    if tokens[i][0] >= mention.end:
                        break
                    taken[i] = True
                found.append(mention)
    found += _listed_mentions(text, tokens, taken, found, towns, unknown)
    found += airport_mentions(text, found, unknown)
    found.sort(key=lambda m: (m.start, -m.end))
    # "Sydney, Nova Scotia": the qualifier found first on its own belongs to the city.
    inside = [
        m for m in found if any(o is not m and o.start <= m.start and m.end <= o.end for o in found)
    ]
    return [m for m in found if m not in inside], unknown


def _listed_mentions(
    text: str,
    tokens: list[tuple[int, int]],
    taken: list[bool],
    found: list[Mention],
    towns: bool,
    unknown: list[str],
) -> list[Mention]:
    """Names next to a place, in a list of places, in any case: "zurich luzern interlaken",
    "lisboa porto", "berlin/prague/vienna". Each found one is a neighbour of the next."""
    added: list[Mention] = []
    spans = sorted((m.start, m.end) for m in found)
    grew = True
    while grew:
        grew = False
        for size in (3, 2, 1):
            for first in range(len(tokens) - size + 1):
                last = first + size - 1
                if any(taken[first : last + 1]):
                    continue
                start, end = tokens[first][0], tokens[last][1]
                if not any(
                    (b <= start and LIST_GAP.fullmatch(text[b:start]))
                    or (end <= a and LIST_GAP.fullmatch(text[end:a]))
                    for a, b in spans
                ):
                    continue
                mention = _listed(text, start, end, towns)
                if mention is None:
                    continue
                added.append(mention)
                unknown[:] = [u for u in unknown if fold(u) != fold(mention.phrase)]
                spans.append((mention.start, mention.end))
                for i in range(first, len(tokens)):
                    if tokens[i][0] >= mention.end:
                        break
                    taken[i] = True
                grew = True
    return added


def _listed(text: str, start: int, end: int, towns: bool) -> Mention | None:
    """A name in a list of places: a big city, our destination or a famous town."""
    phrase = text[start:end]
    key = fold(phrase)
    index = city_index()
    if key in NOT_PLACES or key.isdigit() or not index.has_name(key, True):
        return None
    cities = [
        c
        for c in index.candidates(phrase, True)
        if (key, c.country) in destination_keys()
        or is_ours(c)
        or c.population >= (BIG_CITY if c.everyday_word else SMALL_CITY)
        or c.known_names >= FAMOUS_TOWN_NAMES
    ]
    if not cities or (
        cities[0].everyday_word
        and not is_ours(cities[0])
        and (not phrase[:1].isupper() or inside_longer_name(text, start, end))
    ):
        return None  # "big bar", "Portland and Bar Harbor": the word, a longer name
    return Mention(start, end, phrase, cities, cued=True)


def _town_qualified(text: str, end: int, phrase: str) -> bool:
    """Whether a state or country after an area's name picks a town of that name instead
    ("Kent, WA", "Norfolk, Virginia")."""
    index = city_index()
    if not index.has_name(fold(phrase), True):
        return False
    return qualifier(text, end, index.candidates(phrase, True)) is not None


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
    cued = bool(
        PLACE_CUE.search(before) or TRIP_FOR.search(before) or re.search(r"\b[A-Z]\w+, ?$", before)
    )
    sentence_start = (not before.strip() or before.rstrip()[-1] in ".!?\n:;") and not (
        PLACE_AFTER.match(text[end:]) or LENGTH_AFTER.match(text[end:])
    )
    listed = bool(LISTED_AFTER.match(text[end:])) or after_a_city(before)
    mid_sentence = bool(before.strip()) and before.rstrip()[-1] not in ".!?\n:;"
    after_place = re.search(r"(\w+),? (?:and|or|&|e|y|und|et) $", before)
    strongly = (cued and not re.search(r"\b(?:and|or|of|at|out)\W*$", before, re.I)) or bool(
        after_place and city_index().has_name(fold(after_place[1]))
    )  # "Seoul, Busan and Jeju": a list of places
    lower = not phrase[:1].isupper() and is_latin(phrase[0])
    mention = Mention(start, end, phrase, cued=cued)
    region_named = region_by_name(key)
    if (
        is_area_name(key)
        # a region's own row (Normandy, FR-NOR) gives the towns its visitors stay in
        and (region_named is None or area_code(key) == region_named.code)
        and (
            not lower
            or cued
            or PLACE_AFTER.match(text[end:])
            or re.search(r"\bthe $", before, re.I)
        )
        and not _town_qualified(text, end, phrase)  # "Kent, WA": the town
    ):
        area = touristic_area(key)  # "the Amalfi coast", "Santorini", "the highlands"
        if area is not None and area.bases:
            mention.area, mention.cities = area, list(area.bases)
            mention.region = region_named  # "2 cities in Tuscany": the region's cities
            return mention
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
        if any(is_ours(c) or c.population >= REGION_NAMED_CITY for c in named):
            mention.cities = named
        return mention
    if not cities and len(key) > 4 and not lower and unknown is not None:
        near = close_city(phrase)
        cities = index.candidates(near) if near else []
    if cued and cities and cities[0].population < SMALL_CITY and not is_ours(cities[0]):
        # "from Heathrow": London, not the village by the runway; "from Latrobe": the town.
        served = airport_city(phrase, by_town=False)
        # a town much smaller than the city its airport serves (Annecy is no suburb of
        # Chambéry, though the airport named for it is listed there)
        if served is not None and served.population > AIRPORT_TOWN_SHARE * cities[0].population:
            cities = [served]
    qualified = qualifier(text, end, cities) if cities else None
    if qualified:
        mention.cities, mention.end, mention.qualified = qualified[0], qualified[1], True
        return mention
    mention.cities = [
        c
        for c in cities
        if _city_ok(c, phrase, cued, sentence_start, listed, strongly, mid_sentence)
    ]
    if mention.cities and (lower or not inside_longer_name(text, start, end)):
        return mention
    latin = is_latin(phrase[0])
    if unknown is not None and latin and not lower and not sentence_start and phrase not in unknown:
        unknown.append(phrase)
    return None
