"""Day trips a traveller would take (whole turns): lunch there and dinner that evening,
no more than about three hours each way by road, and driven when the party has a car."""

from __future__ import annotations

from collections import defaultdict

import pytest
from plans import chat_plan


def trip_days(itinerary: dict) -> dict[str, list[dict]]:
    by_day: dict[str, list[dict]] = defaultdict(list)
    for segment in itinerary["segments"]:
        if segment["type"] != "hotel":
            by_day[segment["start"][:10]].append(segment)
    return {
        day: items
        for day, items in by_day.items()
        if any(s["category"] == "day_trip" for s in items)
    }


@pytest.mark.parametrize(
    "message",
    [
        "5 days in Tokyo",
        "New York City for 6 days in June, nature",  # no winter: day trips then
        "London 6 days in June, castles and history",
        "Miami 5 days",
        "Kyoto 6 days, temples",
        "Lisbon for 5 days",
    ],
)
def test_every_day_trip_day_has_lunch_and_dinner(message: str) -> None:
    itinerary, _ = chat_plan(message)
    days = trip_days(itinerary)
    assert days, message  # these stays get a day trip
    for day, items in days.items():
        meals = [s["details"].get("meal") for s in items if s["type"] == "meal"]
        assert "lunch" in meals and "dinner" in meals, (message, day, meals)
        lunch = next(s for s in items if s["details"].get("meal") == "lunch")
        out = next(s for s in items if s["type"] == "transfer" and s["id"].endswith("trip-out"))
        back = next(s for s in items if s["type"] == "transfer" and s["id"].endswith("trip-back"))
        assert out["end"] <= lunch["start"] and lunch["end"] <= back["start"]  # eaten there
    assert itinerary["violations"] == []


@pytest.mark.parametrize("message", ["Melbourne 8 days", "Hanoi 8 days", "Cancun for 8 days"])
def test_hours_on_a_bus_each_way_are_no_day_trip(message: str) -> None:
    itinerary, _ = chat_plan(message)
    for segment in itinerary["segments"]:
        road = segment["category"] in ("bus", "car")
        if segment["type"] == "transfer" and "day_trip" in segment["details"] and road:
            assert segment["details"]["minutes"] <= 195, (message, segment["name"])  # ~3 h
    names = {s["name"] for s in itinerary["segments"]}
    assert "Great Ocean Road" not in names and "Chichén Itzá" not in names


@pytest.mark.parametrize(
    ("message", "place"),
    [
        ("Florence 5 days, we'll rent a car", "Siena"),
        ("a road trip base in Seville for 5 days", ""),
        ("Edinburgh 6 days, we are renting a car", ""),
    ],
)
def test_with_a_car_the_day_trips_are_driven(message: str, place: str) -> None:
    itinerary, _ = chat_plan(message)
    legs = [
        s for s in itinerary["segments"] if s["type"] == "transfer" and "day_trip" in s["details"]
    ]
    assert legs, message
    road = [s for s in legs if s["category"] in ("bus", "car")]
    assert road and all(s["category"] == "car" for s in road), [s["name"] for s in legs]
    assert all(s["name"].startswith("Drive to ") for s in road)
    assert not any(s["name"].startswith("Bus to") for s in legs)
    if place:
        assert any(s["name"] == f"Drive to {place}" for s in road)
