"""The travel network between cities: which land a place stands on, and the curated ground
and sea connections (``data/landmasses.tsv``, ``data/connections.tsv``; sources there)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from tripdesigner_kernel.knowledge.text import fold

ARCHIPELAGO_REACH_KM = 50.0  # on an archipelago, farther than this is across the sea


@dataclass(frozen=True)
class Land:
    """A landmass; on an ``archipelago`` only places close together are linked by land."""

    name: str
    archipelago: bool = False


@dataclass(frozen=True)
class Connection:
    """A direct ground or sea service between two cities (either way).

    ``minutes``: boarding to arrival; ``fare``: one way, per person, in ``currency``
    (ISO 4217); ``departs``: minutes after midnight of a daily overnight service, or None.
    """

    ends: frozenset[str]
    mode: str  # "rail", "coach", "ferry"
    minutes: int
    fare: float
    currency: str
    service: str
    departs: int | None


def _data(name: str) -> list[list[str]]:
    path = resources.files("tripdesigner_kernel.knowledge") / "data" / name
    return [
        line.split("\t")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]


@cache
def _lands() -> tuple[dict[str, Land], list[tuple[str, tuple[float, ...], Land]]]:
    by_country: dict[str, Land] = {}
    boxes: list[tuple[str, tuple[float, ...], Land]] = []
    for row in _data("landmasses.tsv"):
        kind, name = row[0], row[1]
        if kind in ("land", "archipelago"):
            for country in row[2].split():
                by_country[country] = Land(name, kind == "archipelago")
        else:  # "island" or "islands": a box within a country
            land = Land(name, kind == "islands")
            boxes.append((row[2], tuple(float(v) for v in row[3:7]), land))
    return by_country, boxes


def land_of(lat: float, lon: float, country: str | None) -> Land:
    """The landmass at ``lat``, ``lon`` in ``country`` (ISO 3166-1 alpha-2).

    Unknown country (a tool given bare coordinates): one "unknown" land.
    """
    if not country:
        return Land("unknown")
    by_country, boxes = _lands()
    for box_country, (lat0, lat1, lon0, lon1), land in boxes:
        if box_country == country and lat0 <= lat <= lat1 and lon0 <= lon <= lon1:
            return land
    return by_country.get(country, Land(country))


def linked_by_land(
    a: tuple[float, float, str | None], b: tuple[float, float, str | None], km: float
) -> bool:
    """True when a road can join the two places (lat, lon, country) ``km`` apart."""
    land_a, land_b = land_of(*a), land_of(*b)
    if land_a != land_b:
        return False
    return not land_a.archipelago or km <= ARCHIPELAGO_REACH_KM


def _minutes(text: str) -> int | None:
    if not text.strip():
        return None
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


@cache
def _connections() -> dict[frozenset[str], tuple[Connection, ...]]:
    table: dict[frozenset[str], list[Connection]] = {}
    for row in _data("connections.tsv"):
        start, end, mode, minutes, fare, currency, service = row[:7]
        ends = frozenset({fold(start), fold(end)})
        departs = _minutes(row[7]) if len(row) > 7 else None
        connection = Connection(ends, mode, int(minutes), float(fare), currency, service, departs)
        table.setdefault(ends, []).append(connection)
    return {ends: tuple(found) for ends, found in table.items()}


def connections(city_a: str, city_b: str) -> tuple[Connection, ...]:
    """The curated direct services between two cities, by name (either order)."""
    return _connections().get(frozenset({fold(city_a), fold(city_b)}), ())


def all_connections() -> tuple[Connection, ...]:
    """Every curated service, for benchmarks and checks."""
    return tuple(c for found in _connections().values() for c in found)
