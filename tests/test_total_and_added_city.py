"""One message naming a new total length and adding a city: the total is the trip's
length and the added city gets a share of it ("make it 6 days and add Brussels")."""

from __future__ import annotations

import pytest
from test_dialogue_state import chat, profile_of


def _days(state: object) -> list[tuple[str, int]]:
    profile = profile_of(state)  # type: ignore[arg-type]
    return [(d["name"], d["days"]) for d in profile["destinations"]]


@pytest.mark.parametrize(
    ("message", "days"),
    [
        ("make it 6 days and add Brussels", [("Amsterdam", 3), ("Brussels", 3)]),
        ("add Brussels and make it 6 days in total", [("Amsterdam", 3), ("Brussels", 3)]),
        ("6 days in total, add Brussels too", [("Amsterdam", 3), ("Brussels", 3)]),
        ("make it seven days and add Brussels", [("Amsterdam", 4), ("Brussels", 3)]),
        ("a total of 8 days, plus Brussels", [("Amsterdam", 4), ("Brussels", 4)]),
    ],
)
def test_the_total_is_the_trip_s_length(message: str, days: list[tuple[str, int]]) -> None:
    replies, state = chat("4 days in Amsterdam", message)
    assert _days(state) == days
    assert replies[-1].itinerary is not None
    total = sum(d for _, d in days)
    assert f"{total} days in Amsterdam & Brussels" in str(replies[-1])


@pytest.mark.parametrize(
    "message", ["add Brussels for 2 days", "add 2 days in Brussels", "Brussels too, 2 days"]
)
def test_days_for_the_added_city_are_its_own(message: str) -> None:
    _, state = chat("4 days in Amsterdam", message)
    assert _days(state) == [("Amsterdam", 4), ("Brussels", 2)]
