"""Follow-ups that size or drop one city, run through whole turns (``KernelState.chat``):
a number after an added city is its days or nights, never the party; a city dropped with
"give its days to X" keeps the trip's length."""

from __future__ import annotations

from typing import Any

import pytest
from turns import chat_turns

from tripdesigner_kernel.kernel import Reply


def _days(profile: dict[str, Any]) -> list[tuple[str, int]]:
    return [(d["name"], d["days"]) for d in profile["destinations"]]


def _hotel_nights(reply: Reply) -> list[int]:
    assert reply.itinerary is not None
    return [s["details"]["nights"] for s in reply.itinerary["segments"] if s["type"] == "hotel"]


@pytest.mark.parametrize(
    ("first", "follow_up", "added", "days"),
    [
        ("5 days in Rome", "add Naples for 3", "Naples", 3),
        ("5 days in Rome", "Add Naples for two, please", "Naples", 2),
        ("4 days in Madrid", "tack on Toledo for a couple of days", "Toledo", 2),
        ("4 days in Madrid", "can we throw in Valencia for three?", "Valencia", 3),
        ("3 days in Prague", "also add Vienna for 2 too", "Vienna", 2),
    ],
)
def test_a_number_after_an_added_city_is_its_days_not_the_party(
    first: str, follow_up: str, added: str, days: int
) -> None:
    reply, profile = chat_turns(first, follow_up)
    assert _days(profile)[-1] == (added, days), str(reply)
    assert profile["dates"]["days"] == sum(d for _, d in _days(profile))
    assert "travellers" in profile["assumed"]  # nobody said how many travel
    assert profile["travelers"] == {"adults": 2, "children": []}
    assert "I do not know a city" not in reply


def test_a_party_said_with_the_added_city_is_still_the_party() -> None:
    reply, profile = chat_turns("5 days in Rome", "add Naples for 3 people")
    assert profile["travelers"]["adults"] == 3
    assert _days(profile)[-1][0] == "Naples"
    assert "I do not know a city" not in reply


@pytest.mark.parametrize(
    ("first", "follow_up", "nights"),
    [
        ("4 days in Lisbon", "add 2 nights in Porto", 2),
        ("4 days in Lisbon", "and then Porto for 3 nights", 3),
    ],
)
def test_nights_for_an_added_city_are_its_hotel_nights(
    first: str, follow_up: str, nights: int
) -> None:
    reply, profile = chat_turns(first, follow_up)
    assert [n for n, _ in _days(profile)] == ["Lisbon", "Porto"]
    assert _hotel_nights(reply)[-1] == nights


def test_nights_per_city_in_one_message_are_each_citys_nights() -> None:
    reply, profile = chat_turns("2 nights in Bologna and 3 nights in Florence")
    assert _hotel_nights(reply) == [2, 3]
    assert profile["dates"]["days"] == 6


@pytest.mark.parametrize(
    ("first", "follow_up", "kept"),
    [
        (
            "4 days in Berlin and 3 in Hamburg",
            "drop Hamburg, spend the extra time in Berlin",
            [("Berlin", 7)],
        ),
        (
            "Rome 3 days, Florence 3 days, Venice 2 days",
            "ditch Florence and stay longer in Venice",
            [("Rome", 3), ("Venice", 5)],
        ),
        (
            "a week in Madrid and Seville",
            "cut Seville, more time in Madrid instead",
            [("Madrid", 7)],
        ),
        (
            "3 days in Amsterdam then 3 in Brussels",
            "skip Brussels and give those days to Amsterdam",
            [("Amsterdam", 6)],
        ),
    ],
)
def test_a_city_dropped_for_another_keeps_the_trips_length(
    first: str, follow_up: str, kept: list[tuple[str, int]]
) -> None:
    reply, profile = chat_turns(first, follow_up)
    assert _days(profile) == kept, str(reply)
    assert reply.itinerary is not None
    assert [d["name"] for d in reply.itinerary["destinations"]] == [n for n, _ in kept]
    assert profile["dates"]["days"] == sum(d for _, d in kept)
    assert "out of the trip" in reply


def test_a_city_dropped_alone_shortens_the_trip_and_says_so() -> None:
    reply, profile = chat_turns("Rome 3 days, Florence 3 days", "remove Florence")
    assert _days(profile) == [("Rome", 3)]
    assert "Took Florence out of the trip: it is now 3 days." in reply
