"""Places to visit and eat, and areas to stay: our curated data, or an honest generic set.

Curated cities come from ``data/places/<slug>.json`` (see FORMAT.md there), read
on first use. Any other city gets generic suggestions placed on its real
coordinates and marked ``coverage = "generic"``.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from tripdesigner_kernel.knowledge.cities import City, currency_of
from tripdesigner_kernel.knowledge.taxonomy import DINING_CATEGORIES
from tripdesigner_kernel.knowledge.text import slug


@dataclass(frozen=True)
class Place:
    """Somewhere to go or to eat."""

    name: str
    category: str
    tags: tuple[str, ...]
    lat: float
    lon: float
    minutes: int
    hours: str
    price_level: int
    price: float
    neighbourhood: str
    description: str
    meals: tuple[str, ...] = ()
    country: str = ""  # ISO 3166-1 alpha-2, for holiday closures
    timezone: str = ""  # TZID, for daylight
    access: tuple[str, ...] = ()  # ACCESS_NEEDS it has: "stairs", "steep"
    after_dark: bool = False  # an outdoor place worth seeing at night (a lit deck)
    leg_minutes: int = 0  # a day trip: the usual one-way journey from the centre
    leg_mode: str = ""  # a day trip: "train", "bus", "boat", "car"

    def __hash__(self) -> int:
        # Places key the planner's caches (opening by date): hash what tells them apart,
        # not all twenty fields on every lookup.
        return hash((self.name, self.lat, self.lon))

    @property
    def is_dining(self) -> bool:
        return self.category in DINING_CATEGORIES


@dataclass(frozen=True)
class StayArea:
    """A part of town to stay in, with nightly prices (double room) per budget level."""

    name: str
    lat: float
    lon: float
    nightly: tuple[tuple[str, float], ...]
    description: str

    def price(self, level: str) -> float:
        return dict(self.nightly)[level]


@dataclass(frozen=True)
class CityPlaces:
    """Everything the planner knows about one city."""

    city: str
    country: str
    currency: str
    timezone: str
    lat: float
    lon: float
    coverage: str
    places: tuple[Place, ...]
    stay_areas: tuple[StayArea, ...]

    @property
    def activities(self) -> tuple[Place, ...]:
        return tuple(p for p in self.places if not p.is_dining)

    def eateries(self, meal: str) -> tuple[Place, ...]:
        return tuple(p for p in self.places if meal in p.meals)


def _places_dir() -> Any:
    return resources.files("tripdesigner_kernel.knowledge") / "data" / "places"


@cache
def curated_slugs() -> frozenset[str]:
    """Slugs of the cities we have curated data for."""
    return frozenset(p.name[:-5] for p in _places_dir().iterdir() if p.name.endswith(".json"))


@cache
def _curated(city_slug: str) -> CityPlaces:
    data = json.loads((_places_dir() / f"{city_slug}.json").read_text(encoding="utf-8"))
    places = tuple(
        Place(
            name=p["name"],
            category=p["category"],
            tags=tuple(p["tags"]),
            lat=p["lat"],
            lon=p["lon"],
            minutes=p["minutes"],
            hours=p["hours"],
            price_level=p["price_level"],
            price=float(p["price"]),
            neighbourhood=p["neighbourhood"],
            description=p["description"],
            meals=tuple(p.get("meals", ())),
            country=data["country"],
            timezone=data["timezone"],
            access=tuple(p.get("access", ())),
            after_dark=bool(p.get("after_dark", False)),
            leg_minutes=int(p.get("leg", {}).get("minutes", 0)),
            leg_mode=p.get("leg", {}).get("mode", ""),
        )
        for p in data["places"]
    )
    areas = tuple(
        StayArea(
            a["name"],
            a["lat"],
            a["lon"],
            tuple(sorted(a["nightly"].items())),
            a.get("description", ""),
        )
        for a in data["stay_areas"]
    )
    return CityPlaces(
        city=data["city"],
        country=data["country"],
        currency=data["currency"],
        timezone=data["timezone"],
        lat=data["center"]["lat"],
        lon=data["center"]["lon"],
        coverage="curated",
        places=places,
        stay_areas=areas,
    )


# Generic suggestions: (name template, category, tags, minutes, hours, price level, USD).
_GENERIC_ACTIVITIES = [
    (
        "Historic centre of {city}: walking tour",
        "neighbourhood",
        ("history", "architecture"),
        120,
        "Mo-Su 09:00-19:00",
        0,
        0,
    ),
    ("Main museum of {city}", "museum", ("museums", "history"), 120, "Tu-Su 10:00-18:00", 2, 15),
    ("Central market of {city}", "market", ("markets", "food"), 75, "Mo-Sa 08:00-18:00", 1, 0),
    (
        "Best viewpoint over {city}",
        "viewpoint",
        ("viewpoints", "photography"),
        60,
        "Mo-Su 08:00-21:00",
        0,
        0,
    ),
    ("Largest park of {city}", "park", ("parks", "nature"), 90, "Mo-Su 07:00-20:00", 0, 0),
    (
        "Cathedral or main church of {city}",
        "religious",
        ("churches", "architecture"),
        60,
        "Mo-Su 09:00-17:00",
        0,
        0,
    ),
    ("Art gallery of {city}", "museum", ("art", "museums"), 90, "Tu-Su 10:00-18:00", 2, 12),
    (
        "Old-town side streets of {city}",
        "neighbourhood",
        ("local life", "photography"),
        90,
        "Mo-Su 09:00-20:00",
        0,
        0,
    ),
    (
        "Waterfront or riverside of {city}",
        "nature",
        ("nature", "water"),
        90,
        "Mo-Su 08:00-21:00",
        0,
        0,
    ),
    ("History museum of {city}", "museum", ("history", "museums"), 90, "Tu-Su 10:00-17:00", 1, 10),
    (
        "Design and shopping street of {city}",
        "shopping",
        ("shopping", "design"),
        90,
        "Mo-Sa 10:00-19:00",
        1,
        0,
    ),
    ("Botanical garden of {city}", "park", ("gardens", "nature"), 75, "Mo-Su 09:00-18:00", 1, 5),
    (
        "Castle or fortress of {city}",
        "sight",
        ("castles", "history"),
        90,
        "Mo-Su 10:00-18:00",
        2,
        12,
    ),
    (
        "Modern district of {city}",
        "neighbourhood",
        ("modern", "architecture"),
        75,
        "Mo-Su 09:00-21:00",
        0,
        0,
    ),
    (
        "Science or city museum of {city}",
        "museum",
        ("science", "kids"),
        120,
        "Tu-Su 10:00-18:00",
        2,
        14,
    ),
    (
        "Evening bar street of {city}",
        "nightlife",
        ("nightlife", "cocktails"),
        90,
        "Mo-Su 18:00-01:00",
        2,
        15,
    ),
]
_GENERIC_STAYS = [
    ("Central {city}", 0.0, 0.0, (60, 140, 380)),
    ("Old town of {city}", 0.006, -0.004, (55, 130, 350)),
    ("Near the main station of {city}", -0.008, 0.006, (45, 110, 300)),
]


def _offset(lat: float, lon: float, index: int, radius_km: float) -> tuple[float, float]:
    """A point on a spiral around the centre, so generic places are spread, not stacked."""
    angle = index * 2.39996  # the golden angle
    distance = radius_km * math.sqrt((index + 1) / 18)
    dlat = distance / 111.0 * math.cos(angle)
    dlon = distance / (111.0 * max(0.2, math.cos(math.radians(lat)))) * math.sin(angle)
    return round(lat + dlat, 5), round(lon + dlon, 5)


def generic_city(city: City, usd_to_local: float) -> CityPlaces:
    """Generic suggestions for a city we have not curated, on its real coordinates.

    Names say plainly that these are kinds of places to look for, not picks.
    """
    places = []
    for i, (name, category, tags, minutes, hours, level, usd) in enumerate(_GENERIC_ACTIVITIES):
        lat, lon = _offset(city.lat, city.lon, i, 2.0)
        places.append(
            Place(
                name.format(city=city.name),
                category,
                tags,
                lat,
                lon,
                minutes,
                hours,
                level,
                round(usd * usd_to_local),
                "centre",
                "A generic suggestion: look for one locally.",
                country=city.country,
                timezone=city.timezone,
            )
        )
    for n in range(30):
        lat, lon = _offset(city.lat, city.lon, n + 3, 1.5)
        level = 1 + n % 3
        places.append(
            Place(
                f"Local restaurant #{n + 1} in {city.name}",
                "restaurant",
                ("local cuisine", "food"),
                lat,
                lon,
                75,
                "Mo-Su 11:30-15:00,18:00-23:00",
                level,
                round((12 + 12 * level) * usd_to_local),
                "centre",
                "A generic suggestion: a well-reviewed local restaurant nearby.",
                ("lunch", "dinner"),
                country=city.country,
                timezone=city.timezone,
            )
        )
    stays = tuple(
        StayArea(
            name.format(city=city.name),
            round(city.lat + dlat, 5),
            round(city.lon + dlon, 5),
            tuple(
                sorted(
                    zip(
                        ("budget", "moderate", "luxury"),
                        (round(p * usd_to_local) for p in prices),
                        strict=True,
                    )
                )
            ),
            "A generic area suggestion.",
        )
        for name, dlat, dlon, prices in _GENERIC_STAYS
    )
    return CityPlaces(
        city=city.name,
        country=city.country,
        currency=currency_of(city.country),
        timezone=city.timezone,
        lat=city.lat,
        lon=city.lon,
        coverage="generic",
        places=tuple(places),
        stay_areas=stays,
    )


@cache
def _destination_slugs() -> dict[tuple[str, str], str]:
    """GeoNames (name, country) -> our file's slug: GeoNames says Sevilla, we say Seville."""
    from tripdesigner_kernel.knowledge.cities import city_index, destinations

    table = {}
    for destination in destinations():
        city = city_index().lookup(destination.name)
        if city is not None:
            table[(city.name, city.country)] = slug(destination.name)
    return table


NEIGHBOUR_TRIP_KM = 150.0  # a neighbouring city's excursions this close are ours too
SAME_TRIP_KM = 5.0  # two excursions this close are the same outing (Nara from two cities)


@cache
def day_trips_for(city: str, country: str, lat: float, lon: float) -> tuple[Place, ...]:
    """Day trips from a curated city: its own, then those of curated cities of the same
    country whose excursions lie within ``NEIGHBOUR_TRIP_KM`` (Himeji from Kyoto, listed
    under Osaka). Best first; one per outing."""
    from tripdesigner_kernel.knowledge.cities import destinations
    from tripdesigner_kernel.knowledge.geo import km_between

    found: list[Place] = []

    def add(places: tuple[Place, ...]) -> None:
        for place in places:
            if place.category != "day_trip":
                continue
            if km_between(lat, lon, place.lat, place.lon) > NEIGHBOUR_TRIP_KM:
                continue
            if any(km_between(p.lat, p.lon, place.lat, place.lon) < SAME_TRIP_KM for p in found):
                continue
            found.append(place)

    for destination in destinations():
        if destination.country == country and destination.name == city:
            add(_curated(slug(city)).places)
    for destination in destinations():
        other = slug(destination.name)
        if destination.country == country and destination.name != city and other in curated_slugs():
            add(_curated(other).places)
    return tuple(found)


def places_for(city: City) -> CityPlaces:
    """Curated places when we have them, else the generic set."""
    city_slug = _destination_slugs().get((city.name, city.country), slug(city.name))
    if city_slug in curated_slugs():
        curated = _curated(city_slug)
        if curated.country == city.country:
            return curated
    from decimal import Decimal

    from tripdesigner_kernel.knowledge.money import convert, known

    currency = currency_of(city.country)
    rate = float(convert(Decimal(100), "USD", currency)) / 100 if known(currency) else 1.0
    return generic_city(city, rate)
