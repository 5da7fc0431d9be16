"""Follow-ups that swap one item of the plan for a kind of place, in many phrasings.

The item named (by name, kind, day or a word of its name) gives way to a place of the kind
asked for on the same day; the other days keep their places; no interest is added. When our
data has no such place, the plan is kept and the reply says so. Whole turns through
``KernelState.chat``, the itinerary checked before and after.
"""

from __future__ import annotations

from typing import Any

import pytest
from plans import chat_turns

from tripdesigner_kernel.knowledge.cities import city_index
from tripdesigner_kernel.knowledge.places import places_for

TODAY = "2026-11-30"
PARIS = "4 days in Paris from Feb 3"


def visits(itinerary: dict[str, Any] | None) -> dict[int, list[str]]:
    assert itinerary is not None
    days: dict[int, list[str]] = {}
    for segment in itinerary["segments"]:
        if segment["type"] == "activity" and "day" in segment["details"]:
            days.setdefault(segment["details"]["day"], []).append(segment["name"])
    return days


def category_of(city: str, name: str) -> tuple[str, set[str]]:
    found = city_index().lookup(city)
    assert found is not None
    place = next(p for p in places_for(found).activities if p.name == name)
    return place.category, set(place.tags)


def day_of(itinerary: dict[str, Any] | None, name: str) -> int:
    return next(d for d, names in visits(itinerary).items() if name in names)


@pytest.mark.parametrize(
    ("message", "gone", "categories"),
    [
        ("swap the Musée Rodin for something outdoorsy", "Musée Rodin", {"park", "nature"}),
        ("replace the tower with a park", "Eiffel Tower", {"park"}),
        ("instead of the Sainte-Chapelle, a market", "Sainte-Chapelle", {"market"}),
        ("could we get a viewpoint instead of the Arc de Triomphe?", "Arc de Triomphe", None),
        ("change Montmartre Walk to a garden please", "Montmartre Walk", {"park"}),
    ],
)
def test_an_item_gives_way_to_a_place_of_the_kind_on_its_day(
    message: str, gone: str, categories: set[str] | None
) -> None:
    before, after = chat_turns(PARIS, message, today=TODAY)
    day = day_of(before.itinerary, gone)
    old, new = visits(before.itinerary), visits(after.itinerary)
    added = set(new[day]) - set(old[day])
    assert gone not in new[day] and len(added) == 1, (old[day], new[day])
    category, tags = category_of("Paris", added.pop())
    if categories is None:
        assert category == "viewpoint" or "viewpoints" in tags
    else:
        assert category in categories or tags & {"parks", "gardens", "nature", "markets"}
    for number, names in old.items():
        if number != day:
            assert sorted(new[number]) == sorted(names), number
    assert after.itinerary is not None
    assert (
        after.itinerary["preferences"]["interests"] == before.itinerary["preferences"]["interests"]
    )  # type: ignore[index]
    assert "Swapped" in str(after)


def test_a_day_trip_named_by_a_word_gives_way_and_the_missing_kind_is_said() -> None:
    before, after = chat_turns(
        "4 days in Dubai from Feb 3", "swap the desert trip for a cooking class", today=TODAY
    )
    day = day_of(before.itinerary, "Desert Safari")
    new = visits(after.itinerary)
    assert not any("Desert Safari" in n for n in new[day])
    assert "hold no cooking class" in str(after)
    for number, names in visits(before.itinerary).items():
        if number != day:
            assert sorted(new[number]) == sorted(names)


def test_no_place_of_the_kind_keeps_the_plan_and_says_so() -> None:
    before, after = chat_turns(PARIS, "a beach instead of the Arc de Triomphe", today=TODAY)
    assert visits(after.itinerary) == visits(before.itinerary)
    assert "have no beach" in str(after)


def test_a_kind_with_several_items_asks_which_and_changes_nothing() -> None:
    before, after = chat_turns(PARIS, "swap the museum for something outdoorsy", today=TODAY)
    assert visits(after.itinerary) == visits(before.itinerary)
    assert "Name the one to swap" in str(after)
    assert after.itinerary is not None
    assert "museums" not in after.itinerary["preferences"]["interests"]


def test_a_city_of_the_trip_is_no_plan_item_to_swap() -> None:
    before, after = chat_turns(
        "4 days in Lisbon from Feb 3", "replace Lisbon with a beach town", today=TODAY
    )
    assert "Swapped" not in str(after)
    assert "Lisbon Cathedral" not in str(after) or "Lisbon Cathedral" in str(before)
