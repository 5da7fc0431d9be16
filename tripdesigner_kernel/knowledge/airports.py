"""Gateway airports: a city's main commercial airport, never a general-aviation field.

A curated table first (``data/airports.tsv``: our destinations and the large cities served
by several airports, where only traffic figures could tell, and ``airportsdata`` has none);
otherwise the best-scored airport of ``airportsdata`` (MIT licence) near the city or named
for it: an ICAO code is required, "International" in the name counts for most, names of
small fields ("Municipal", "County", "Executive", "Field"...) count against, air bases,
heliports and seaplane bases are never chosen; the nearer wins a tie.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from tripdesigner_kernel.knowledge.geo import km_between
from tripdesigner_kernel.knowledge.text import fold

NEAR_KM = 60.0  # a city's airport lies within this of its centre (Narita: 60 km from Tokyo)
NAMED_KM = 150.0  # an airport named for the city may lie further out (Malpensa: 45 km)
INTERNATIONAL = re.compile(r"\b(international|intl|intcntl|intercontinental)\b")
SMALL_FIELD = re.compile(
    r"\b(municipal|county|regional|memorial|executive|field|airpark|private|"
    r"aerodrome|aero club|airstrip|strip|flying club|sport)\b"
)
NEVER = re.compile(
    r"\b(air base|afb|ab|raf|rnas|naval|navy|army|military|heliport|helipad|seaplane|"
    r"skyports?|glider|ultralight|air force|railway|bus station|under construction|closed)\b"
)


@dataclass(frozen=True)
class Airport:
    """An airport: IATA code, name, position in degrees."""

    code: str
    name: str
    lat: float
    lon: float


@cache
def _curated() -> dict[str, Airport]:
    path = resources.files("tripdesigner_kernel.knowledge") / "data" / "airports.tsv"
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            city, code, name, lat, lon = line.split("\t")
            table[city] = Airport(code, name, float(lat), float(lon))
    return table


@cache
def _commercial() -> list[tuple[str, str, str, Airport]]:
    """(folded city, folded name, country, airport) of every airport that may have airline
    service."""
    import airportsdata

    found = []
    for code, row in sorted(airportsdata.load("IATA").items()):
        name = fold(row["name"])
        if row["icao"] and not NEVER.search(name):
            airport = Airport(code, row["name"], row["lat"], row["lon"])
            found.append((fold(row["city"]), name, row["country"], airport))
    return found


def _score(key: str, name: str, city: str, km: float) -> tuple[int, float]:
    score = 4 * bool(INTERNATIONAL.search(name)) - 3 * bool(SMALL_FIELD.search(name))
    score += 2 * (city == key or key in name)  # Chicago O'Hare, not a suburb's field
    return -score, km


def main_airport(
    city: str, near: tuple[float, float] | None = None, country: str | None = None
) -> Airport | None:
    """The best-scored commercial airport of ``city`` (a name; ``near``: its lat, lon in
    degrees; ``country``: ISO 3166 alpha-2, the airport's too: Brazzaville's is not
    Kinshasa's) from ``airportsdata``; None when no airport is near or named for it."""
    key = fold(city)
    ranked = []
    for town, name, where, airport in _commercial():
        if country and where != country:
            continue
        named = town == key or (len(key) > 3 and key in name)
        km = km_between(near[0], near[1], airport.lat, airport.lon) if near else 0.0
        if (named and km <= NAMED_KM) or (near and km <= NEAR_KM):
            ranked.append((_score(key, name, town, km), airport.code, airport))
    return min(ranked, key=lambda r: (r[0], r[1]))[2] if ranked else None


def gateway_airport(
    city: str, near: tuple[float, float] | None = None, country: str | None = None
) -> Airport | None:
    """The airport travellers to ``city`` usually fly into, or None when we know none.

    ``near``: the city's (lat, lon) in degrees; it keeps a namesake elsewhere out and finds
    airports named for a suburb (Toronto's is in Mississauga); ``country``: see
    ``main_airport``.
    """
    curated = _curated().get(fold(city))
    if curated and (near is None or km_between(*near, curated.lat, curated.lon) <= NAMED_KM):
        return curated
    return main_airport(city, near, country)


def gateway(city: str) -> str | None:
    """The IATA code travellers to ``city`` usually fly into, or None."""
    airport = gateway_airport(city)
    return airport.code if airport else None
