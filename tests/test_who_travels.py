"""Who travels: children, step-free needs and diet change the plan, or the reply says why."""

from __future__ import annotations

from datetime import date

import pytest
from plans import plan

from tripdesigner_kernel.knowledge.cities import city_index
from tripdesigner_kernel.knowledge.places import places_for
from tripdesigner_kernel.knowledge.taxonomy import ADULT_TAGS
from tripdesigner_kernel.trip import checks, model, notes

TODAY = date(2026, 11, 24)


def activities(itinerary: model.Itinerary) -> list[model.Segment]:
    return [s for s in itinerary.segments if s.type == "activity"]


@pytest.mark.parametrize("city", ["Berlin", "Madrid", "Bangkok", "New Orleans"])
def test_children_get_no_bars_even_when_nightlife_is_asked(city: str) -> None:
    adults = plan(city, 4, interests=["nightlife", "museums"], pace="packed")
    assert any(s.category == "nightlife" for s in activities(adults))  # the test can fail
    family = plan(city, 4, interests=["nightlife", "museums"], pace="packed", children=[3, 6])
    for segment in activities(family):
        assert segment.category != "nightlife" and not ADULT_TAGS & set(segment.tags), segment.name
    assert family.preferences.children == [3, 6]
    assert checks.check_itinerary(family, TODAY) == []


def test_kid_friendly_places_come_first_with_children() -> None:
    def kid_share(itinerary: model.Itinerary) -> float:
        found = activities(itinerary)
        kid = [s for s in found if "kids" in s.tags or s.category in ("entertainment", "park")]
        return len(kid) / len(found)

    assert kid_share(plan("London", 3, children=[5])) > kid_share(plan("London", 3))


@pytest.mark.parametrize("need", ["wheelchair", "pushchair", "older"])
def test_step_free_travellers_are_not_sent_up_stairs_and_are_told(need: str) -> None:
    walkers = plan("Dubrovnik", 4)
    assert any(s.name == "City Walls of Dubrovnik" for s in walkers.segments)
    itinerary = plan("Dubrovnik", 4, accessibility=[need])
    for segment in itinerary.segments:
        assert not segment.details.get("access"), segment.name
    said = " ".join(notes.plan_notes(itinerary))
    assert "City Walls of Dubrovnik (many steps and no lift" in said
    assert checks.check_itinerary(itinerary, TODAY) == []


def test_day_trips_that_need_stairs_are_not_planned_for_a_wheelchair() -> None:
    itinerary = plan("Cusco", 5, interests=["history"], accessibility=["wheelchair"])
    assert "Machu Picchu" not in {s.name for s in itinerary.segments}


def test_the_unsuitable_check_catches_a_bar_for_children_and_stairs_for_a_wheelchair() -> None:
    itinerary = plan("Dubrovnik", 4, interests=["nightlife"], pace="packed")
    bar = next(s for s in activities(itinerary) if s.category == "nightlife")
    walls = next(s for s in itinerary.segments if s.name == "City Walls of Dubrovnik")
    itinerary.preferences.children = [4]
    itinerary.preferences.accessibility = ["wheelchair"]
    found = {v.segment_ids[0]: v.message for v in checks.check_party(itinerary)}
    assert "not for children" in found[bar.id]
    assert "many steps" in found[walls.id]


def test_vegan_is_not_vegetarian_and_the_reply_says_so() -> None:
    itinerary = plan("Delhi", 3, dietary=["vegan"])
    said = notes.plan_notes(itinerary)
    assert any("not vegan ones" in n for n in said)
    assert not notes.plan_notes(plan("Delhi", 3, dietary=["vegetarian"]))


def test_access_data_is_only_known_words() -> None:
    for name in ("Kyoto", "Lisbon", "Rome"):
        for place in places_for(city_index().lookup(name)).places:  # type: ignore[arg-type]
            assert set(place.access) <= {"stairs", "steep"}
