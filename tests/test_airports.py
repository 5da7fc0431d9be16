"""A city's airport is its main commercial airport, never a general-aviation field."""

from __future__ import annotations

import pytest

from tripdesigner_kernel.knowledge.airports import (
    INTERNATIONAL,
    NEVER,
    SMALL_FIELD,
    _curated,
    gateway_airport,
)
from tripdesigner_kernel.knowledge.cities import City, city_index, destinations
from tripdesigner_kernel.knowledge.text import fold
from tripdesigner_kernel.trip.legs import plan_leg


def _city(name: str) -> City:
    city = city_index().lookup(name)
    assert city is not None, name
    return city


def _airport(city: City) -> str | None:
    found = gateway_airport(city.name, (city.lat, city.lon), city.country)
    return found.code if found else None


@pytest.mark.parametrize(
    ("name", "codes"),
    [
        ("Denver", {"DEN"}),
        ("Houston", {"IAH"}),
        ("Chicago", {"ORD"}),
        ("London", {"LHR"}),
        ("Paris", {"CDG"}),
        ("Tokyo", {"HND", "NRT"}),
        ("Washington", {"IAD", "DCA"}),
        ("Milan", {"MXP", "LIN"}),
        ("Moscow", {"SVO"}),
        ("Dallas", {"DFW"}),
        ("Detroit", {"DTW"}),
        ("Phoenix", {"PHX"}),
        ("Atlanta", {"ATL"}),
        ("Toronto", {"YYZ"}),
        ("Jakarta", {"CGK"}),
        ("Brazzaville", {"BZV"}),  # not Kinshasa's, across the river in another country
    ],
)
def test_a_city_flies_from_its_main_airport(name: str, codes: set[str]) -> None:
    assert _airport(_city(name)) in codes


def test_the_largest_cities_and_our_destinations_never_get_a_small_field() -> None:
    table = city_index()._cities
    largest = sorted(table.rows, key=lambda row: -int(row.split("\t")[5]))[:200]
    cities = [table.city(table.rows.index(row)) for row in largest]
    cities += [_city(destination.name) for destination in destinations()]
    missing = 0
    for city in cities:
        found = gateway_airport(city.name, (city.lat, city.lon), city.country)
        if found is None:
            missing += 1
            continue
        name = fold(found.name)
        assert not NEVER.search(name), (city.name, found)
        small = SMALL_FIELD.search(name) and not INTERNATIONAL.search(name)
        assert not small or fold(city.name) in _curated(), (city.name, found)
    assert missing <= 5


def test_a_denver_trip_flies_from_den() -> None:
    denver, chicago = _city("Denver"), _city("Chicago")
    leg = plan_leg(
        ("Denver", denver.lat, denver.lon, "US"),
        ("Chicago", chicago.lat, chicago.lon, "US"),
    )
    assert "(DEN → ORD)" in leg.name
