"""Each city's own length in a multi-city trip, in any order people write it: the nights
said are the hotel nights planned, the trip is as long as its stays together, and a length
that cannot be kept is said in the reply. Run as a person would, through a whole turn."""

from __future__ import annotations

from typing import Any

import pytest

from tripdesigner_kernel.kernel import KernelState, Reply

TODAY = "2026-11-24"


def _chat(*turns: str) -> tuple[list[Reply], dict[str, Any]]:
    state = KernelState()
    state.settings.today = TODAY
    state.new_session()
    replies = [state.chat(turn) for turn in turns]
    assert state.current_session_id is not None
    return replies, state.sessions.get(state.current_session_id).profile


def _nights(reply: Reply) -> list[tuple[str, int]]:
    """(city, hotel nights) as planned, in order."""
    assert reply.itinerary is not None, str(reply)
    return [
        (s["location"]["city"], s["details"]["nights"])
        for s in reply.itinerary["segments"]
        if s["type"] == "hotel"
    ]


def _span(reply: Reply) -> tuple[str, str]:
    assert reply.itinerary is not None
    return reply.itinerary["start_date"], reply.itinerary["end_date"]


@pytest.mark.parametrize(
    "message",
    [
        "3 nights prague 2 vienna 3 budapest, starting jan 10",
        "Prague 3 nights, Vienna 2 nights, Budapest 3 nights from 10 January",
        "from jan 10: prague (3 nights) -> vienna (2) -> budapest (3)",
        "3 nights in Prague then two nights in Vienna then 3 in Budapest, from January 10th",
        "Prague 3n, Vienna 2n, Budapest 3n starting 10 Jan",
    ],
)
def test_nights_per_city_are_the_nights_planned(message: str) -> None:
    replies, profile = _chat(message)
    assert _nights(replies[0]) == [("Prague", 3), ("Vienna", 2), ("Budapest", 3)]
    assert _span(replies[0]) == ("2027-01-10", "2027-01-18")
    assert profile["dates"]["days"] == 9
    assert [d["name"] for d in profile["destinations"]] == ["Prague", "Vienna", "Budapest"]
    assert "9 days from Sun 10 Jan 2027" in str(replies[0]).split("\n")[0]


@pytest.mark.parametrize(
    "message",
    [
        "den haag + amsterdam, 2 nights each",
        "The Hague & Amsterdam, two nights in each",
        "2 nights each in The Hague and Amsterdam",
        "the hague, amsterdam - 2 nights per city",
    ],
)
def test_nights_each_give_every_city_its_beds(message: str) -> None:
    replies, profile = _chat(message)
    assert _nights(replies[0]) == [("The Hague", 2), ("Amsterdam", 2)]
    assert profile["dates"]["days"] == 5
    assert [d["days"] for d in profile["destinations"]] == [2, 3]  # the last: day of leaving


@pytest.mark.parametrize(
    ("message", "days"),
    [
        ("3 days in Rome then 2 in Florence then Venice 2", [3, 2, 2]),
        ("Rome 2 days, Florence 4 days, Venice 1 day", [2, 4, 1]),
        ("Rome: 4, Florence: 2, Venice: 3 days", [4, 2, 3]),
        ("rome 2 days florence 3 days venice 2 days", [2, 3, 2]),
        ("a week in Rome, 3 days in Florence and Venice 2", [7, 3, 2]),
    ],
)
def test_days_per_city_are_kept_and_add_up(message: str, days: list[int]) -> None:
    replies, profile = _chat(message)
    assert [(d["name"], d["days"]) for d in profile["destinations"]] == list(
        zip(["Rome", "Florence", "Venice"], days, strict=True)
    )
    assert profile["dates"]["days"] == sum(days)
    # a day in a city is a night there, but the last day of the trip is the day of leaving
    last_nights = [days[-1] - 1] if days[-1] > 1 else []
    assert [n for _, n in _nights(replies[0])] == [*days[:-1], *last_nights]
    assert f"{sum(days)} days from" in str(replies[0]).split("\n")[0]


def test_a_total_apart_from_the_cities_fills_the_city_without_a_length() -> None:
    replies, profile = _chat("a week: 3 nights in Prague then Vienna, from 10 January")
    assert _nights(replies[0]) == [("Prague", 3), ("Vienna", 3)]
    assert profile["dates"]["days"] == 7


def test_a_total_the_stays_do_not_make_is_said() -> None:
    replies, profile = _chat("10 days: Rome 3 days, Florence 2 days")
    assert profile["dates"]["days"] == 5
    assert "The stays you gave add up to 5 days, not 10" in str(replies[0])


@pytest.mark.parametrize(
    "message", ["Sydney and Melbourne, 8 days", "8 days in Sydney and Melbourne"]
)
def test_one_length_for_several_cities_is_the_trip_s(message: str) -> None:
    _, profile = _chat(message)
    assert profile["dates"]["days"] == 8
    assert [d["days"] for d in profile["destinations"]] == [4, 4]


@pytest.mark.parametrize(
    ("message", "days"),
    [("Lisbon 13-15 March", 3), ("Rome for 2 in May", 4), ("Paris 2 people, 3 days", 3)],
)
def test_numbers_that_are_no_stay_are_not_taken_for_one(message: str, days: int) -> None:
    _, profile = _chat(message)
    assert profile["destinations"][0]["days"] == days
    assert profile["dates"]["days"] == days


def test_stays_longer_than_the_longest_trip_are_cut_and_the_reply_says_so() -> None:
    replies, profile = _chat("Rome 20 days, Florence 15 days")
    assert "I plan trips of up to 30 days, so I planned 30." in str(replies[0])
    assert profile["dates"]["days"] == 30
    assert sum(d["days"] for d in profile["destinations"]) == 30
