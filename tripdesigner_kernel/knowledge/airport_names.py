"""Places named by their airport: "Heathrow", "JFK", "Orio al Serio" -> the city it serves.

Data: the ``airportsdata`` package (IATA airports: name, city, position), loaded only
when a message names a place that is no city we know.
"""

from __future__ import annotations

import math
from functools import cache

from tripdesigner_kernel.knowledge.cities import City, city_index
from tripdesigner_kernel.knowledge.text import fold

MIN_NAME = 4  # letters: shorter words match too many airport names


NEAR_DEGREES = 0.6  # about 60 km: the city an airport serves lies within this
SERVED_MIN_POPULATION = 50_000


@cache
def _airports() -> list[tuple[str, str, str, str, str, float, float]]:
    """(IATA, folded name, folded city, city, country, lat, lon) of every coded airport."""
    import airportsdata

    return [
        (code, f" {fold(a['name'])} ", fold(a["city"]), a["city"], a["country"], a["lat"], a["lon"])
        for code, a in sorted(airportsdata.load("IATA").items())
        if a["city"]
    ]


def _distance(city: City, lat: float, lon: float) -> float:
    """Degrees of latitude, near enough for ranking places a few dozen km apart."""
    return math.hypot(city.lat - lat, (city.lon - lon) * math.cos(math.radians(lat)))


def airport_city(phrase: str, by_town: bool = True) -> City | None:
    """The city served by the airport ``phrase`` names (its IATA code in capitals, words
    of its name, or with ``by_town`` its town), or None. Among several, the largest city."""
    key = fold(phrase)
    if len(phrase) == 3 and phrase.isupper():
        found = [a for a in _airports() if a[0] == phrase]
    elif len(key) >= MIN_NAME:
        found = [a for a in _airports() if f" {key} " in a[1] or (by_town and a[2] == key)]
    else:
        return None
    served = []
    for _, _, _, city_name, country, lat, lon in found:
        named = [c for c in city_index().candidates(city_name) if c.country == country]
        if not named:  # "Gran Canaria Island": the largest city near the airport
            named = [
                c
                for c in city_index().in_division(country)
                if c.population >= SERVED_MIN_POPULATION
            ]
        served += [c for c in named if _distance(c, lat, lon) < NEAR_DEGREES]
    # "Logan": Boston's airport rather than Billings'; the busier place is the likelier.
    return max(served, key=lambda c: c.population, default=None)
