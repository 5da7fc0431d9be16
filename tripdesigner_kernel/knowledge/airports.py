"""Gateway airports: a curated table first (the nearest airport is often the wrong one),
then ``airportsdata`` by city name.

``data/airports.tsv``: the airport most travellers to each of our destinations fly into
(our choice), with its name and coordinates from ``airportsdata`` (MIT licence).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from tripdesigner_kernel.knowledge.text import fold


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
def _by_city() -> dict[str, Airport]:
    import airportsdata

    table: dict[str, Airport] = {}
    for code, row in sorted(airportsdata.load("IATA").items()):
        table.setdefault(fold(row["city"]), Airport(code, row["name"], row["lat"], row["lon"]))
    return table


def gateway_airport(city: str) -> Airport | None:
    """The airport travellers to ``city`` usually fly into, or None when we know none."""
    key = fold(city)
    return _curated().get(key) or _by_city().get(key)


def gateway(city: str) -> str | None:
    """The IATA code travellers to ``city`` usually fly into, or None."""
    airport = gateway_airport(city)
    return airport.code if airport else None
