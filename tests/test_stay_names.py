"""Hotels read as a traveller would say them: "Moderate hotel in central Dallas, north
side", never a generic area name doubled ("hotel in Hotels in ...")."""

from __future__ import annotations

import re

import pytest
from plans import chat_plan

from tripdesigner_kernel.knowledge.cities import city_index
from tripdesigner_kernel.knowledge.generic_places import districts
from tripdesigner_kernel.knowledge.places import places_for

DOUBLED = re.compile(r"hotels? in (the )?(hotels?|central) [^,\n]*\bhotels?\b", re.I)


@pytest.mark.parametrize("name", ["Dallas", "Lyon", "Tallinn", "Porto Alegre", "Tbilisi"])
def test_generic_stay_areas_are_named_as_places(name: str) -> None:
    city = city_index().lookup(name)
    assert city is not None
    places = places_for(city)
    assert places is not None and places.coverage == "generic"
    names = [area.name for area in places.stay_areas]
    assert names[0] == f"central {city.name}"
    assert names[1:] == [where for where, _lat, _lon in districts(city)[:2]]
    for area in names:
        assert not re.search(r"\bhotels?\b", area, re.I), area


@pytest.mark.parametrize("city", ["Dallas", "Lyon"])
def test_a_generic_plan_s_hotel_reads_naturally(city: str) -> None:
    itinerary, reply = chat_plan(f"Plan 3 days in {city} for 2, moderate budget")
    hotels = [s["name"] for s in itinerary["segments"] if s["type"] == "hotel"]
    assert hotels
    for hotel in hotels:
        assert re.fullmatch(rf"Moderate hotel in [^,]*{city}(, [a-z]+ side)?", hotel) or (
            hotel.startswith("Moderate hotel in ") and hotel.endswith(f", {city}")
        ), hotel
        assert not DOUBLED.search(hotel), hotel
    assert not DOUBLED.search(reply)
