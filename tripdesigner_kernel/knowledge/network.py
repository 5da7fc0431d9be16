"""The travel network between cities: which land a place stands on, the seas inside a
landmass, the passenger rail networks, and the curated ground and sea connections
(``data/landmasses.tsv``, ``data/seas.tsv``, ``data/rail_networks.tsv``,
``data/connections.tsv``; sources there)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from tripdesigner_kernel.knowledge.text import fold

ARCHIPELAGO_REACH_KM = 50.0  # on an archipelago, farther than this is across the sea
SEA_RUN_KM = 25.0  # this much open water on the straight line: the sea is in the way
SAMPLE_KM = 5.0


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


@cache
def _seas() -> tuple[tuple[str, tuple[tuple[float, float], ...], tuple[float, ...]], ...]:
    seas = []
    for name, vertices in _data("seas.tsv"):
        points = tuple(
            (float(lat), float(lon)) for lat, lon in (v.split(",") for v in vertices.split())
        )
        lats, lons = [p[0] for p in points], [p[1] for p in points]
        seas.append((name, points, (min(lats), max(lats), min(lons), max(lons))))
    return tuple(seas)


def _inside(lat: float, lon: float, polygon: tuple[tuple[float, float], ...]) -> bool:
    """Ray casting: is the point inside the polygon (lat, lon vertices)?"""
    inside = False
    for (lat1, lon1), (lat2, lon2) in zip(polygon, polygon[1:] + polygon[:1], strict=True):
        if (lat1 > lat) != (lat2 > lat):
            crossing = lon1 + (lat - lat1) * (lon2 - lon1) / (lat2 - lat1)
            if lon < crossing:
                inside = not inside
    return inside


def _span(start: float, end: float, low: float, high: float) -> tuple[float, float]:
    """The part of t in [0, 1] where start + (end - start) * t lies in [low, high]."""
    if start == end:
        return (0.0, 1.0) if low <= start <= high else (1.0, 0.0)
    t1, t2 = (low - start) / (end - start), (high - start) / (end - start)
    return max(0.0, min(t1, t2)), min(1.0, max(t1, t2))


def sea_between(a: tuple[float, float], b: tuple[float, float], km: float) -> str | None:
    """The sea (from ``data/seas.tsv``) the straight line from ``a`` to ``b`` (lat, lon)
    runs over for ``SEA_RUN_KM`` or more, or None. Only the stretch of the line within
    each sea's bounding box is sampled, every ``SAMPLE_KM``."""
    step = SAMPLE_KM / max(km, SAMPLE_KM)
    for name, polygon, (lat0, lat1, lon0, lon1) in _seas():
        lat_in, lon_in = _span(a[0], b[0], lat0, lat1), _span(a[1], b[1], lon0, lon1)
        first, last = max(lat_in[0], lon_in[0]), min(lat_in[1], lon_in[1])
        run, t = 0.0, first
        while t <= last:
            lat, lon = a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t
            run = run + SAMPLE_KM if _inside(lat, lon, polygon) else 0.0
            if run >= SEA_RUN_KM:
                return name
            t += step
    return None


def linked_by_land(
    a: tuple[float, float, str | None], b: tuple[float, float, str | None], km: float
) -> bool:
    """True when a road can join the two places (lat, lon, country) ``km`` apart: on one
    landmass, and no sea of ``data/seas.tsv`` in the way."""
    land_a, land_b = land_of(*a), land_of(*b)
    if land_a != land_b or (land_a.archipelago and km > ARCHIPELAGO_REACH_KM):
        return False
    return sea_between((a[0], a[1]), (b[0], b[1]), km) is None


@cache
def _rail_networks() -> tuple[dict[str, str], frozenset[str]]:
    """country -> its rail network; the folded names of towns with no station."""
    rows = _data("rail_networks.tsv")
    networks = {c: row[0] for row in rows if row[0] != "no station" for c in row[1].split()}
    unserved = {
        fold(t.strip()) for row in rows if row[0] == "no station" for t in row[1].split(",")
    }
    return networks, frozenset(unserved)


def same_rail_network(
    town_a: str, country_a: str | None, town_b: str, country_b: str | None
) -> bool:
    """True when passenger trains join the two towns' countries (ISO 3166-1 alpha-2) and
    both towns have a station, so a train runs between them, listed by us or not."""
    networks, unserved = _rail_networks()
    if not (country_a and country_b) or {fold(town_a), fold(town_b)} & unserved:
        return False
    return networks.get(country_a, "") == networks.get(country_b, None)


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
