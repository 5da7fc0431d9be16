"""Follow-ups that change the order of the trip's cities, in many phrasings.

Each city keeps its days, the trip its dates and length; the legs are planned again; a
city's days that are neither its first (arrival) nor the trip's last keep their places.
Whole turns through ``KernelState.chat``, the itinerary checked before and after.
"""

from __future__ import annotations

from typing import Any

import pytest
from plans import chat_turns

TODAY = "2026-11-30"


def cities(itinerary: dict[str, Any] | None) -> list[str]:
    assert itinerary is not None
    return [d["name"] for d in itinerary["destinations"]]


def nights(itinerary: dict[str, Any] | None) -> dict[str, int]:
    assert itinerary is not None
    return {
        s["name"].split(" in ")[-1]: s["details"]["nights"]
        for s in itinerary["segments"]
        if s["type"] == "hotel"
    }


def city_days(itinerary: dict[str, Any] | None) -> dict[str, list[list[str]]]:
    """Each city's days (their visits), in order."""
    assert itinerary is not None
    days: dict[int, list[str]] = {}
    for segment in itinerary["segments"]:
        if segment["type"] == "activity" and "day" in segment["details"]:
            days.setdefault(segment["details"]["day"], []).append(segment["name"])
    found = {name: [days[d] for d in _numbers(itinerary, name)] for name in cities(itinerary)}
    assert all(found.values()), found
    return found


def _numbers(itinerary: dict[str, Any], name: str) -> list[int]:
    """The day numbers spent in city ``name`` (from the days each city's visits are on)."""
    numbers = set()
    for segment in itinerary["segments"]:
        if segment["type"] == "activity" and segment["location"].get("city") == name:
            numbers.add(segment["details"]["day"])
    return sorted(numbers)


def span(itinerary: dict[str, Any] | None) -> tuple[str, str]:
    assert itinerary is not None
    return itinerary["start_date"], itinerary["end_date"]


@pytest.mark.parametrize(
    ("trip", "message", "order"),
    [
        ("3 days in Sydney then 3 days in Melbourne", "hmm, Melbourne first actually", None),
        ("4 days in Tokyo then 3 days in Kyoto", "can we do kyoto before tokyo?", None),
        ("2 days in Lisbon then 3 days in Porto", "let's begin in Porto instead", None),
        (
            "Rome 2 days, Florence 2 days, Venice 2 days, from March 8",
            "I'd rather end with Rome",
            ["Florence", "Venice", "Rome"],
        ),
        (
            "Rome 2 days, Florence 2 days, Venice 2 days, from March 8",
            "let's do it in reverse order",
            ["Venice", "Florence", "Rome"],
        ),
        (
            "Rome 2 days, Florence 2 days, Venice 2 days, from March 8",
            "Venice then Rome then Florence",
            ["Venice", "Rome", "Florence"],
        ),
        (
            "2 days in Paris and 3 in Amsterdam",
            "the other way around please",
            ["Amsterdam", "Paris"],
        ),
        ("3 days in Sydney then 3 days in Melbourne", "melbourne should come first", None),
        (
            "Rome 2 days, Florence 2 days, Venice 2 days, from March 8",
            "save rome for last",
            ["Florence", "Venice", "Rome"],
        ),
        (
            "Rome 2 days, Florence 2 days, Venice 2 days, from March 8",
            "Rome after Venice",
            ["Florence", "Venice", "Rome"],
        ),
    ],
)
def test_the_cities_change_order_and_keep_their_days_and_the_dates(
    trip: str, message: str, order: list[str] | None
) -> None:
    before, after = chat_turns(trip, message, today=TODAY)
    wanted = order or cities(before.itinerary)[::-1]
    assert cities(after.itinerary) == wanted, str(after)
    assert span(after.itinerary) == span(before.itinerary)
    old, new = city_days(before.itinerary), city_days(after.itinerary)
    assert {c: len(d) for c, d in new.items()} == {c: len(d) for c, d in old.items()}
    for city in wanted:  # a city's days after its arrival keep their places
        if city != wanted[-1] and city != cities(before.itinerary)[-1]:
            assert new[city][1:] == old[city][1:], city
    assert sum(nights(after.itinerary).values()) == sum(nights(before.itinerary).values())
    assert "New order" in str(after)


def test_the_order_it_already_has_is_no_change() -> None:
    before, after = chat_turns(
        "3 days in Sydney then 3 days in Melbourne", "sydney first", today=TODAY
    )
    assert cities(after.itinerary) == cities(before.itinerary)
    assert "New order" not in str(after)


def test_a_city_not_in_the_trip_is_no_reorder() -> None:
    _, after = chat_turns(
        "3 days in Sydney then 3 days in Melbourne", "add Brisbane too", today=TODAY
    )
    assert cities(after.itinerary)[:2] == ["Sydney", "Melbourne"]
    assert "Brisbane" in cities(after.itinerary)
