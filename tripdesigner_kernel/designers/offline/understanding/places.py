"""Places and their roles: destinations in order with their days, the origin, a country
or a US state ("2 cities in Ohio"), and the other reading of an ambiguous name."""

from __future__ import annotations

import math
import re

from tripdesigner_kernel.designers.offline.understanding.area_readings import (
    area_namesake,
    where,
)
from tripdesigner_kernel.designers.offline.understanding.numbers import number
from tripdesigner_kernel.designers.offline.understanding.place_mentions import (
    Mention,
    find_mentions,
)
from tripdesigner_kernel.designers.offline.understanding.place_spans import said_as_food
from tripdesigner_kernel.designers.offline.understanding.place_words import (
    CITY_COUNT,
    ORIGIN_CUE,
)
from tripdesigner_kernel.designers.offline.understanding.request import CityStay, TripRequest
from tripdesigner_kernel.designers.offline.understanding.stay_lengths import (
    StayLength,
    stay_lengths,
)
from tripdesigner_kernel.knowledge.cities import (
    City,
    city_index,
    countries,
    destination_keys,
    visited,
    weight,
)
from tripdesigner_kernel.knowledge.regions import cities_in_region
from tripdesigner_kernel.knowledge.text import fold

# "Boston to Chicago", "Boston - Chicago": the first is where the trip starts.
FROM_TO = re.compile(r"\s*(?:to|->|→|–|-)\s*$", re.IGNORECASE)
DEFAULT_CITIES = 3  # a country or a state named alone: its top three...
DAYS_PER_CITY = 3  # ...or, for a short trip, one city for every three days
SAME_PLACE_DEGREES = 0.3  # about 30 km: one city's boroughs and suburbs
PLAUSIBLE_SHARE = 20  # a namesake a twentieth the size of the likeliest is still a reading


# "with a UK passport", "Canadian citizens", "citizen of India": who travels, not where to.
_NATIONALITY = re.compile(
    r"\b(?:[\w.'’-]+\s+){0,2}"
    r"(?:passports?|passport holders?|citizens?|citizenship|nationals?|nationality)\b"
    r"(?:\s+(?:of|from)\s+[\w.'’-]+(?:\s+[A-Z][\w.'’-]+)?)?",
    re.IGNORECASE,
)


def _without_nationality(text: str) -> str:
    """``text`` with nationality phrases blanked (same length, so offsets still hold)."""
    return _NATIONALITY.sub(lambda match: " " * len(match[0]), text)


def read_places(text: str, folded: str, request: TripRequest, towns: bool = False) -> None:
    """Fill ``request``'s places from one message.

    With ``towns``, places of 5,000 to 15,000 people count from the start; without it
    they are looked at only when no larger place is named.
    """
    text = _without_nationality(text)
    mentions, unknown = find_mentions(text, towns)
    if not towns and unknown and not mentions:
        mentions, unknown = find_mentions(text, True)
    mentions = [m for m in mentions if not said_as_food(text, m, mentions)]
    request.unknown_places.extend(u for u in unknown if u not in request.unknown_places)
    count = CITY_COUNT.search(text)
    if count:
        word = count[1].lower()
        request.region_city_count = {"a couple of": 2, "a few": 3}.get(word) or number(word)
    named_countries = {m.country for m in mentions if m.country and not m.cities}
    us_context = "US" in named_countries or any(
        (m.region and not m.country) or (m.cities and m.cities[0].country == "US") for m in mentions
    )
    # A state read as its city ("New York then Boston") says nothing of the other places.
    named_regions = {
        f"{m.region.country}:{m.region.admin1}" for m in mentions if m.region and not m.cities
    }
    context = named_countries | {m.cities[0].country for m in mentions if _single_reading(m)}
    context |= named_regions
    destinations: list[Mention] = []
    for at, mention in enumerate(mentions):
        following = mentions[at + 1] if at + 1 < len(mentions) else None
        if _is_origin(text, mention, following, request, destinations):
            request.origin = _origin_city(mention, context, request) or request.origin
        else:
            destinations.append(mention)
    said = stay_lengths(text, [(m.start, m.end) for m in destinations])
    lengths = {m.start: length for m, length in zip(destinations, said, strict=True)}
    request.stay_length_spans = [(n.start, n.end) for n in said if n is not None]
    for mention in destinations:
        length = lengths[mention.start]
        if mention.area and not (request.region_city_count and mention.region):
            _add_area(request, mention, length, alone=len(destinations) == 1)
            continue
        if mention.region and mention.country:  # Georgia: the state only among US places
            as_region = mention.region.country == mention.country or us_context
        else:
            as_region = bool(mention.region and (not mention.cities or request.region_city_count))
        if as_region and mention.region:
            if not request.region_city_count and _among_cities(mention, destinations):
                _add_stay(request, cities_in_region(mention.region)[:1], length)
            else:
                request.region = mention.region.code
            continue
        if mention.country and not mention.cities:
            if mention.region and mention.region.country != mention.country:  # "Georgia" alone
                name, state = countries()[mention.country]["name"], mention.region.name
                request.alternatives.append(
                    f"{name}, the country; there is also {state}, the US state"
                )
            if not request.region_city_count and _among_cities(mention, destinations):
                _add_stay(request, _top_cities(mention.country)[:1], length)
            else:
                request.country = mention.country
            continue
        _add_stay(request, [_choose(mention, context, request)], length)
    if request.region and not request.stays:
        region = next(
            m.region for m in destinations if m.region and m.region.code == request.region
        )
        _fill(request, cities_in_region(region))
    if not request.stays and request.country and not request.region:
        _fill(request, _top_cities(request.country))


def _add_area(
    request: TripRequest, mention: Mention, length: StayLength | None, alone: bool
) -> None:
    """Stays in an island's, coast's or park's base towns: one for every three days of a
    trip to it alone (Bali for 10 days: Ubud, Seminyak, Sanur), else its first; the
    area's name goes to ``request.notes`` so the reply keeps it."""
    area = mention.area
    assert area is not None
    days = ((length.count if length else None) or request.days) if alone else None
    wanted = max(1, min(len(area.bases), round(days / DAYS_PER_CITY))) if days else 1
    bases = list(area.bases[:wanted])
    _add_stay(request, bases, length)
    if mention.region and alone and not days:  # a region alone: as many towns as a state
        _fill(request, [*area.bases, *cities_in_region(mention.region)])
        bases = [s.city for s in request.stays]
    if len(bases) > 1:  # the days said are the area's, shared by its towns
        for stay in request.stays:
            stay.days = None if stay.city in bases else stay.days
    if len(bases) > 1 or fold(bases[0].name) != fold(area.name):
        note = f"{area.name}: staying in {', '.join(b.name for b in bases)}"
        if note not in request.notes:
            request.notes.append(note)
    if mention.region and not request.region:
        request.region = mention.region.code  # "Tuscany": its visitors' towns, in IT-52
    other = area_namesake(area)  # "Kent": the English county; Kent, Washington is another
    if other is not None and other not in request.alternatives:
        request.alternatives.append(other)


def _among_cities(mention: Mention, destinations: list[Mention]) -> bool:
    """A state or country named in a list of cities, none of which may lie in it, is one
    more city: "Albuquerque, Denver, Kansas", "Geneva to Luxembourg, Munich"."""
    readings = [m.cities for m in destinations if m.cities and not (m.region or m.country)]
    if not readings:
        return False
    region = mention.region
    return not any(
        (c.country, c.admin1) == (region.country, region.admin1)
        if region
        else c.country == mention.country
        for cities in readings
        for c in cities
    )


def _add_stay(request: TripRequest, cities: list[City], length: StayLength | None) -> None:
    for city in cities:
        if city != request.origin and all(stay.city != city for stay in request.stays):
            if length is None:
                request.stays.append(CityStay(city))
            elif length.nights:
                request.stays.append(CityStay(city, length.count, nights=length.count))
            else:
                request.stays.append(CityStay(city, length.count))


def _single_reading(mention: Mention) -> bool:
    """Whether a city mention has one clear reading (Boston, not Boston, Lincolnshire)."""
    if not mention.cities:
        return False
    plausible = _plausible(mention)
    key = fold(mention.phrase)
    return len(plausible) == 1 or weight(plausible[0], key) >= 5 * weight(plausible[1], key)


def _is_origin(
    text: str,
    mention: Mention,
    following: Mention | None,
    request: TripRequest,
    destinations: list[Mention],
) -> bool:
    """Whether the text names this place as where the trip starts."""
    before = text[: mention.start]
    cue = ORIGIN_CUE.search(before)
    if cue and cue[0].lower().startswith("out of") and re.search(r"\binto\b", before, re.I):
        return False  # "flying into Rome and out of Venice": the last stay
    if (
        cue
        and re.search(r"\bback to\W*$|\breturn(?:ing)? to\W*$", cue[0], re.I)
        and not destinations
    ):
        return False  # "going back to Paris for 3 days": a visit again; "then back to" ends it
    if cue:
        return request.origin is None or (
            bool(mention.cities) and mention.cities[0] == request.origin
        )
    # "Boston to Chicago": a bare name, then "to" and the next place.
    return (
        request.origin is None
        and not destinations
        and following is not None
        and bool(FROM_TO.match(text[mention.end : following.start]))
        and not re.search(r"\b(?:in|to|visit|visiting|via)\W*$", before, re.IGNORECASE)
    )


def _origin_city(mention: Mention, context: set[str], request: TripRequest) -> City | None:
    """Where a trip named as starting here starts: the city, or a state's or country's
    likeliest city ("from Kansas")."""
    if mention.cities:
        return _choose(mention, context, request)
    if mention.region and (not mention.country or mention.country not in context):
        found = cities_in_region(mention.region)
    elif mention.country:
        found = _top_cities(mention.country)
    else:
        found = []
    return found[0] if found else None


def _plausible(mention: Mention) -> list[City]:
    """The cities a person naming this may well mean, likeliest first."""
    key = fold(mention.phrase)
    top = weight(mention.cities[0], key)
    return [c for c in mention.cities if _is_ours(c) or weight(c, key) * PLAUSIBLE_SHARE >= top]


def _choose(mention: Mention, context: set[str], request: TripRequest) -> City:
    """The likeliest city of a mention: one in a state named in the message wins
    ("Texas: Austin, Paris"), then one in a country named or clear from other places,
    then the largest.

    The other reading, when there is one worth saying, goes to ``request.alternatives``.
    """
    plausible = _plausible(mention)
    in_region = [c for c in mention.cities if f"{c.country}:{c.admin1}" in context]
    in_context = [c for c in plausible if c.country in context]
    chosen = (in_region or in_context or plausible)[0]
    if mention.qualified or in_region:
        return chosen
    other = next(
        (
            c
            for c in plausible
            if (c.country, c.admin1) != (chosen.country, chosen.admin1)
            and c.population >= 50_000
            and fold(c.name) == fold(chosen.name)
        ),
        None,
    )
    if other is not None and _is_ours(chosen) and not _is_ours(other):
        key = fold(mention.phrase)  # Barcelona, Spain: Venezuela's is no likely reading
        other = other if weight(other, key) * 2 >= weight(chosen, key) else None
    if other is not None and where(other) != where(chosen):
        phrase = f"{chosen.name}, {where(chosen)}; there is also {other.name}, {where(other)}"
        if phrase not in request.alternatives:
            request.alternatives.append(phrase)
    return chosen


def _is_ours(city: City) -> bool:
    return (fold(city.name), city.country) in destination_keys()


def _top_cities(country: str) -> list[City]:
    """A country's likeliest destinations: ours first, then its capital and the most
    visited (``visited``: Heraklion before Patras)."""
    from tripdesigner_kernel.knowledge.cities import destinations_in_country

    index = city_index()
    ours = [index.lookup(d.name) for d in destinations_in_country(country)]
    found = [c for c in ours if c is not None and c.country == country]
    capital = fold(countries().get(country, {}).get("capital", ""))
    most_visited = sorted(index.in_division(country), key=visited, reverse=True)
    found += sorted(most_visited, key=lambda c: fold(c.name) != capital)[: DEFAULT_CITIES + 1]
    return found


def _fill(request: TripRequest, cities: list[City]) -> None:
    """Stays in the first few of ``cities``: as many as asked, else the default; never
    one a short ride from another or from the origin (Brooklyn is New York City)."""
    wanted = request.region_city_count or DEFAULT_CITIES
    if not request.region_city_count and request.days:
        wanted = max(1, min(DEFAULT_CITIES, round(request.days / DAYS_PER_CITY)))
    for city in cities:
        if len(request.stays) == wanted:
            break
        taken = [s.city for s in request.stays] + ([request.origin] if request.origin else [])
        if all(_apart(city, other) for other in taken):
            request.stays.append(CityStay(city))


def _apart(one: City, other: City) -> bool:
    """Whether two cities are more than about 30 km apart."""
    return (
        abs(one.lat - other.lat) > SAME_PLACE_DEGREES
        or abs(one.lon - other.lon) * math.cos(math.radians(one.lat)) > SAME_PLACE_DEGREES
    )
