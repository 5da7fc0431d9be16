"""Places to visit and eat, and areas to stay: our curated data, or an honest generic set.

Curated cities come from ``data/places/<slug>.json`` (see FORMAT.md there), read
on first use. Any other city gets kinds of places in its real districts
(``generic_places.py``), marked ``coverage = "generic"``.
"""

from __future__ import annotations

import json
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
    closed: tuple[str, ...] = ()  # a long closure: (first ISO day, last ISO day, why)

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


def _closure(closed: dict[str, str] | None) -> tuple[str, ...]:
    return (closed["from"], closed["until"], closed["why"]) if closed else ()


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
            closed=_closure(p.get("closed")),
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

    from tripdesigner_kernel.knowledge.generic_places import generic_city
    from tripdesigner_kernel.knowledge.money import convert, known

    currency = currency_of(city.country)
    rate = float(convert(Decimal(100), "USD", currency)) / 100 if known(currency) else 1.0
    return generic_city(city, rate)
