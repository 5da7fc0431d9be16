"""Follow-ups that give one city of the trip a new length change that city only: the
others keep their days and the trip's length is the new sum (before, "only 2 days in
Florence" cut Rome to 1 day). And a city named as a state's namesake ("New York then
Boston") does not pull the other places into that state."""

from __future__ import annotations

import pytest

from tests.turns import chat_turns

MONDAY = "2026-11-30"


def days(profile: dict) -> list[tuple[str, int]]:
    return [(d["name"], d["days"]) for d in profile["destinations"]]


@pytest.mark.parametrize(
    ("trip", "message", "expected"),
    [
        ("4 days in Rome and 3 in Florence", "only 2 days in florence",
         [("Rome", 4), ("Florence", 2)]),
        ("Lisbon 3 days, Porto 3 days", "make Lisbon 5 days", [("Lisbon", 5), ("Porto", 3)]),
        ("seattle 3 nights then vancouver 3 nights", "just 1 night in vancouver",
         [("Seattle", 3), ("Vancouver", 2)]),  # the last city keeps its day of leaving
        ("Madrid 2 days and Seville 4 days", "let's do 3 days in Madrid",
         [("Madrid", 3), ("Seville", 4)]),
    ],
)  # fmt: skip
def test_one_city_resized_leaves_the_others(trip: str, message: str, expected: list) -> None:
    reply, profile = chat_turns(trip, message, today=MONDAY)
    assert days(profile) == expected, str(reply)[:400]
    assert profile["dates"]["days"] == sum(n for _, n in expected)
    assert "the other cities keep their days" in str(reply)


def test_a_new_city_is_not_a_resize() -> None:
    _, profile = chat_turns("4 days in Rome and 3 in Florence", "add 2 days in Venice",
                            today=MONDAY)  # fmt: skip
    assert days(profile) == [("Rome", 4), ("Florence", 3), ("Venice", 2)]


@pytest.mark.parametrize(
    "message",
    ["New York 3 days then Boston 3 days", "nyc and boston, 3 days each", "new york, then boston"],
)
def test_new_york_the_city_names_no_state_for_the_others(message: str) -> None:
    reply, _ = chat_turns(message, today=MONDAY)
    assert reply.itinerary is not None
    boston = next(d for d in reply.itinerary["destinations"] if d["name"] == "Boston")
    assert abs(boston["lat"] - 42.36) < 0.2 and abs(boston["lon"] + 71.06) < 0.2  # Massachusetts
    assert not [v for v in reply.itinerary["violations"] if v["code"] == "out_of_reach"]
