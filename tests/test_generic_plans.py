"""Plans for cities we have not curated: kinds of places a person can act on, in real
districts, never numbered filler; still honest that they are generic."""

from __future__ import annotations

import re

import pytest

from tripdesigner_kernel.kernel import KernelState
from tripdesigner_kernel.knowledge.cities import city_index
from tripdesigner_kernel.knowledge.generic_places import districts
from tripdesigner_kernel.knowledge.geo import km_between
from tripdesigner_kernel.knowledge.places import places_for

FILLER = re.compile(r"#\d|^Main museum of|^Castle or fortress of|^Local restaurant", re.I)


def _plan(message: str) -> tuple[dict, str]:
    state = KernelState()
    state.settings.today = "2026-11-24"
    state.new_session()
    reply = state.chat(message)
    assert reply.itinerary is not None, str(reply)
    return reply.itinerary, str(reply)


def test_districts_are_the_city_s_real_named_parts() -> None:
    tallinn = city_index().lookup("Tallinn")
    assert tallinn is not None
    names = [name for name, _lat, _lon in districts(tallinn)]
    assert "Kesklinn, Tallinn" in names  # GeoNames: Tallinn's city-centre district
    for _name, lat, lon in districts(tallinn):
        assert km_between(tallinn.lat, tallinn.lon, lat, lon) <= 8.0


@pytest.mark.parametrize("city", ["Tallinn", "Tbilisi", "Lyon", "Porto Alegre"])
def test_a_generic_plan_names_kinds_and_districts_not_numbered_filler(city: str) -> None:
    itinerary, reply = _plan(f"Plan 5 days in {city} in May for 2")
    assert {d["coverage"] for d in itinerary["destinations"]} == {"generic"}
    assert "no curated places" in reply  # honest about it
    visits = [s for s in itinerary["segments"] if s["type"] in ("activity", "meal")]
    assert len(visits) >= 5 * 3
    assert [s["name"] for s in visits if FILLER.search(s["name"])] == []
    found = city_index().lookup(city)
    assert found is not None
    areas = {f"central {found.name}"} | {name for name, _, _ in districts(found)}
    for segment in visits:
        where = segment["details"]["neighbourhood"]
        assert where in areas, where
        assert segment["details"]["description"], segment["name"]  # what to look for
    assert len({s["name"] for s in visits}) == len(visits)
    assert itinerary["violations"] == []


def test_generic_places_stand_on_the_city_s_map() -> None:
    city = city_index().lookup("Tbilisi")
    assert city is not None
    places = places_for(city)
    assert places.coverage == "generic" and places.currency == "GEL"
    assert all(km_between(city.lat, city.lon, p.lat, p.lon) < 10 for p in places.places)
    assert len({p.name for p in places.places}) == len(places.places)


def test_a_long_stay_past_our_restaurants_names_a_landmark_not_a_number() -> None:
    itinerary, _ = _plan("Plan 14 days in Lisbon in May")
    meals = [s["name"] for s in itinerary["segments"] if s["type"] == "meal"]
    assert [m for m in meals if FILLER.search(m)] == []
    assert len(set(meals)) == len(meals)
