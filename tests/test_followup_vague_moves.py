"""Follow-ups that move the trip without saying which way, and cheaper stays in other words.

"Push it a day", "move everything by a week", "postpone a day": the whole trip moves later
and keeps its length (never a trip of one day). "Stay somewhere cheaper", "somewhere more
affordable to sleep": the hotel's level only; every day keeps its places. Whole turns
through ``KernelState.chat``, the itinerary checked before and after.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from plans import chat_turns

TODAY = "2026-11-30"
FIRST = "4 days in Lisbon from Feb 3 for 2, museums"


def span(itinerary: dict[str, Any] | None) -> tuple[date, int]:
    assert itinerary is not None
    start = date.fromisoformat(itinerary["start_date"])
    end = date.fromisoformat(itinerary["end_date"])
    return start, (end - start).days + 1


def places_by_day(itinerary: dict[str, Any] | None) -> list[list[str]]:
    assert itinerary is not None
    days: dict[int, list[str]] = {}
    for segment in itinerary["segments"]:
        if segment["type"] in ("activity", "meal") and "day" in segment["details"]:
            days.setdefault(segment["details"]["day"], []).append(segment["name"])
    return [days[d] for d in sorted(days)]


def hotels(itinerary: dict[str, Any] | None) -> list[tuple[str, int]]:
    assert itinerary is not None
    return [
        (s["tags"][0], s["details"]["nights"])
        for s in itinerary["segments"]
        if s["type"] == "hotel"
    ]


@pytest.mark.parametrize(
    ("message", "later"),
    [
        ("actually push it a day", 1),
        ("can we move everything by a day?", 1),
        ("postpone a day please", 1),
        ("bump the trip two days", 2),
        ("push it a week", 7),
        ("a day later pls", 1),
        ("push it back a day", 1),
        ("hmm, move it all by 3 days", 3),
    ],
)
def test_a_move_without_a_way_moves_the_whole_trip_later(message: str, later: int) -> None:
    before, after = chat_turns(FIRST, message, today=TODAY)
    start, days = span(before.itinerary)
    assert span(after.itinerary) == (start + timedelta(days=later), days)
    assert sum(n for _, n in hotels(after.itinerary)) == days - 1
    assert "starts on" in str(after)


def test_a_move_without_a_way_also_works_on_an_undated_trip() -> None:
    before, after = chat_turns("3 days in Porto", "push it a day", today=TODAY)
    start, days = span(before.itinerary)
    assert span(after.itinerary) == (start + timedelta(days=1), days)


def test_moving_a_number_of_days_to_a_city_is_no_date_move() -> None:
    before, after = chat_turns(
        "2 days in Lisbon then 3 days in Porto from Feb 3", "move it by a day", today=TODAY
    )
    assert span(after.itinerary)[1] == span(before.itinerary)[1] == 5


@pytest.mark.parametrize(
    "message",
    [
        "can we stay somewhere cheaper",
        "somewhere cheaper to sleep?",
        "could we sleep somewhere more affordable",
        "the beds are too pricey",
    ],
)
def test_a_cheaper_stay_in_other_words_changes_only_the_hotel(message: str) -> None:
    before, after = chat_turns("3 days in Rome at luxury level", message, today=TODAY)
    assert hotels(before.itinerary) == [("luxury", 2)]
    assert hotels(after.itinerary) == [("moderate", 2)]
    assert places_by_day(after.itinerary) == places_by_day(before.itinerary)
    assert span(after.itinerary) == span(before.itinerary)
