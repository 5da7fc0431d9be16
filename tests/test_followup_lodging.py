"""A nightly price for the hotel and "cheaper hotel" change the hotel, not the days.

A cap is for all the party's rooms a night unless said per room; the plan takes the stay
option under it where our data has one, else says plainly that nothing under it sleeps the
party there, with the cheapest option's price. Whole turns through ``KernelState.chat``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from plans import chat_turns

from tripdesigner_kernel.kernel import Reply

TODAY = date(2026, 11, 24)


def chat(*turns: str) -> list[Reply]:
    return chat_turns(*turns, today=TODAY.isoformat())


def hotel(reply: Reply) -> dict[str, Any]:
    assert reply.itinerary is not None, str(reply)
    return next(s for s in reply.itinerary["segments"] if s["type"] == "hotel")


def a_night(reply: Reply) -> float:
    """What all the party's rooms cost a night."""
    details = hotel(reply)["details"]
    return float(details["nightly"] * details["rooms"])


def places(reply: Reply) -> dict[int, set[str]]:
    """Each day's visits and meals (their order may change with the way from the hotel)."""
    assert reply.itinerary is not None
    days: dict[int, set[str]] = {}
    for s in reply.itinerary["segments"]:
        if s["type"] in ("activity", "meal"):
            days.setdefault(s["details"]["day"], set()).add(s["name"])
    return days


@pytest.mark.parametrize(
    ("first", "message", "most"),
    [
        # 6 people need 3 rooms: a cap per room is three times a cap for the party.
        ("3 days in Amsterdam from March 10 for 6, museums", "150 eur per room a night max", 450),
        (
            "3 days in Amsterdam from March 10 for 6, museums",
            "rooms under 150 eur each a night",
            450,
        ),
        (
            "4 days in Lisbon from May 3 2027 for 2",
            "no more than 100 euros a night for the hotel",
            100,
        ),
        ("4 days in Paris from May 3 2027 for 4", "keep the hotel below €250/night", 250),
        ("4 days in Paris from May 3 2027 for 2", "the hotel can't be more than 200 a night", 200),
    ],
)
def test_a_nightly_cap_picks_a_stay_under_it_and_keeps_the_days(
    first: str, message: str, most: float
) -> None:
    before, after = chat(first, message)
    assert a_night(before) > most  # the first plan was over the cap
    assert a_night(after) <= most, str(after)
    assert "Within your" in str(after)
    assert "can't plan around" not in str(after)
    assert places(after) == places(before)
    assert after.itinerary is not None and before.itinerary is not None
    assert after.itinerary["start_date"] == before.itinerary["start_date"]
    assert hotel(after)["details"]["nights"] == hotel(before)["details"]["nights"]


def test_a_cap_nothing_meets_says_so_with_the_cheapest_price() -> None:
    before, after = chat(
        "3 days in Amsterdam from March 10 for 6, museums",
        "no more than 150 eur per night for hotel",
    )
    text = str(after)
    cheapest = a_night(after)
    assert cheapest == 300  # 3 budget rooms in the cheapest area of our data
    assert "Nothing in our data for Amsterdam sleeps 6 for 150 EUR a night" in text
    assert "300 EUR a night (3 rooms)" in text
    assert "per room" in text  # the other reading, named
    assert places(after) == places(before)


@pytest.mark.parametrize(
    "message", ["cheaper hotel please", "can we find a less expensive place to stay?"]
)
def test_a_cheaper_hotel_changes_only_the_hotel(message: str) -> None:
    before, after = chat("4 days in Amsterdam from March 10, museums", message)
    assert a_night(after) < a_night(before)
    assert places(after) == places(before)
    names = set().union(*places(after).values())
    assert {"Rijksmuseum", "Van Gogh Museum"} <= names
    assert "moderate level" in str(after)  # the trip's level is the same


def test_cheaper_hotel_at_the_cheapest_level_says_what_to_do() -> None:
    _, cheaper, again = chat(
        "3 days in Rome from May 3 2027", "cheaper hotel please", "an even cheaper hotel"
    )
    assert again.itinerary == cheaper.itinerary
    assert "already at our cheapest level" in str(again)


def test_a_nicer_hotel_lifts_a_cap_said_before() -> None:
    _, capped, nicer = chat(
        "3 days in Rome from May 3 2027", "hotel under 100 a night", "a nicer hotel please"
    )
    assert a_night(nicer) > a_night(capped)
    assert "That lifts your 100" in str(nicer)
    assert places(nicer) == places(capped)
