"""Slots the recognisers read reach the trip profile, the planner and the reply.

Run as a person would (``KernelState.chat``), each kind with several phrasings.
"""

from __future__ import annotations

import pytest
from test_dialogue_state import TODAY, chat, profile_of

from tripdesigner_kernel.designers.offline.understanding import understand


@pytest.mark.parametrize(
    ("message", "travelers"),
    [
        ("my wife is coming too now", 4),
        ("my sister is joining us after all", 4),
        ("Anna and Ben are coming too", 5),
        ("Tom can't come anymore", 2),
        ("my brother dropped out", 2),
        ("one more person", 4),
    ],
)
def test_a_change_of_party_changes_the_plan(message: str, travelers: int) -> None:
    replies, state = chat("4 days in Lisbon for 3 people", message)
    assert replies[-1].itinerary is not None
    assert replies[-1].itinerary["travelers"] == travelers, str(replies[-1])
    assert "I did not change the plan" not in str(replies[-1])
    assert profile_of(state)["travelers"]["adults"] == travelers


def test_the_last_traveller_cannot_leave() -> None:
    replies, state = chat("3 days in Rome, just me", "Tom can't come anymore")
    assert profile_of(state)["travelers"]["adults"] == 1
    assert "kept the party" in str(replies[-1])


@pytest.mark.parametrize(
    "message",
    [
        "3 days in Rome, I'm not a morning person",
        "Paris for 4 days, we don't like early mornings",
        "we like to sleep in; Lisbon 3 days",
        "Berlin, 3 days, no early starts please",
        "Tokyo 4 days, we are night owls",
    ],
)
def test_a_late_starter_s_days_begin_late(message: str) -> None:
    replies, state = chat(message)
    itinerary = replies[0].itinerary
    assert itinerary is not None
    assert profile_of(state)["day_start"] == "10:00"
    first: dict[str, str] = {}
    for segment in itinerary["segments"]:
        if segment["type"] in ("activity", "meal"):
            day = segment["start"][:10]
            first.setdefault(day, segment["start"][11:16])
    # every full day (not the arrival day) starts at 10:00 or later
    assert all(at >= "10:00" for at in list(first.values())[1:]), first
    assert "days start at 10:00" in str(replies[0])


@pytest.mark.parametrize(
    "message",
    [
        "3 days in Berlin, we sleep in Mitte",
        "Rome 3 days with an early start",
        "we'd like to sleep in a nice hotel in Rome for 3 days",
    ],
)
def test_no_late_start_without_the_wish(message: str) -> None:
    assert understand(message, TODAY).day_start is None


def test_an_event_named_reaches_the_planner() -> None:
    replies, state = chat("4 days in Munich for Oktoberfest")
    assert profile_of(state)["events"] == ["Oktoberfest"]
    itinerary = replies[0].itinerary
    assert itinerary is not None
    names = [s["name"] for s in itinerary["segments"] if s["type"] == "activity"]
    assert any("Oktoberfest" in name for name in names)
    assert "for Oktoberfest" in str(replies[0])


@pytest.mark.parametrize(
    ("message", "word"),
    [
        ("3 days in Vienna, we love opera", "opera"),
        ("Lisbon 4 days, into jazz and wine tasting", "jazz"),
        ("Amsterdam 3 days, flea markets please", "flea markets"),
    ],
)
def test_the_person_s_own_words_are_said(message: str, word: str) -> None:
    replies, state = chat(message)
    assert word in profile_of(state)["interest_words"]
    assert "your words:" in str(replies[0]) and word in str(replies[0])


@pytest.mark.parametrize(
    ("message", "amenities", "night"),
    [
        ("3 days in Rome, hotel with a pool and parking", ["pool", "parking"], None),
        ("Paris 4 days, €150 a night for the hotel", [], ("150", "EUR")),
        ("Lisbon 3 days, max 90 EUR per night, with breakfast", ["breakfast"], ("90", "EUR")),
    ],
)
def test_the_stay_s_wishes_are_kept_and_said(
    message: str, amenities: list[str], night: tuple[str, str] | None
) -> None:
    replies, state = chat(message)
    stay = profile_of(state)["accommodation"]
    assert sorted(stay["amenities"]) == sorted(amenities)
    text = str(replies[0])
    noted = next((line for line in text.splitlines() if line.startswith("Noted:")), "")
    for amenity in amenities:
        assert amenity in noted
    if night:
        assert (stay["per_night"], stay["currency"]) == night
        # the planner acts on a nightly price: said with the hotel chosen, not as noted
        assert f"{night[0]} {night[1]} a night" in text
        assert "a night" not in noted
    else:
        assert stay["per_night"] is None
