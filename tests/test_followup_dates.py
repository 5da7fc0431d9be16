"""Follow-ups that move the trip's dates change only what they name.

"Start a day later" moves the whole trip and keeps its length; "come back a day later" or
"leave a day early" moves only its end; the days that stay keep their places and hotel.
Each runs through whole turns (``KernelState.chat``), checking the itinerary before and after.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from plans import chat_turns

from tripdesigner_kernel.kernel import Reply

TODAY = date(2026, 11, 24)
FIRST = "5 days in Amsterdam from March 10 for 2, museums"


def chat(*turns: str) -> list[Reply]:
    return chat_turns(*turns, today=TODAY.isoformat())


def span(itinerary: dict[str, Any] | None) -> tuple[str, str, int]:
    assert itinerary is not None
    start = date.fromisoformat(itinerary["start_date"])
    end = date.fromisoformat(itinerary["end_date"])
    return start.isoformat(), end.isoformat(), (end - start).days + 1


def sights(itinerary: dict[str, Any] | None) -> list[list[str]]:
    """Each day's visits, in day order."""
    assert itinerary is not None
    days: dict[int, list[str]] = {}
    for segment in itinerary["segments"]:
        if segment["type"] == "activity":
            days.setdefault(segment["details"]["day"], []).append(segment["name"])
    return [days[d] for d in sorted(days)]


def hotel_nights(itinerary: dict[str, Any] | None) -> int:
    assert itinerary is not None
    return sum(s["details"]["nights"] for s in itinerary["segments"] if s["type"] == "hotel")


@pytest.mark.parametrize(
    ("message", "start"),
    [
        ("and can we start a day later", "2027-03-11"),
        ("could we begin two days earlier?", "2027-03-08"),
        ("let's arrive a day later", "2027-03-11"),
        ("push back a week", "2027-03-17"),
        ("can we go a week later?", "2027-03-17"),
        ("arrive on the 12th instead", "2027-03-12"),
        ("actually we'd rather fly out on the 8th", "2027-03-08"),
    ],
)
def test_moving_the_start_moves_the_whole_trip_and_keeps_its_days(message: str, start: str) -> None:
    before, after = chat(FIRST, message)
    assert span(before.itinerary) == ("2027-03-10", "2027-03-14", 5)
    new_start = date.fromisoformat(start)
    assert span(after.itinerary) == (start, (new_start + timedelta(days=4)).isoformat(), 5)
    assert hotel_nights(after.itinerary) == 4  # the hotel stays
    old, new = sights(before.itinerary), sights(after.itinerary)
    if (new_start - date(2027, 3, 10)).days % 7 == 0:  # the same weekdays: the same days
        assert new == old
    else:  # each day keeps its places, but for one closed on its new weekday
        assert all(set(n) <= set(o) for n, o in zip(new, old, strict=True))
        assert sum(map(len, new)) >= sum(map(len, old)) - 2


@pytest.mark.parametrize(
    ("message", "end", "days"),
    [
        ("we need to leave a day early", "2027-03-13", 4),
        ("can we head home two days earlier", "2027-03-12", 3),
        ("finish a day early please", "2027-03-13", 4),
        ("we'd like to come back a day later", "2027-03-15", 6),
        ("can we stay 2 days longer?", "2027-03-16", 7),
        ("could we return on the 16th instead", "2027-03-16", 7),
        ("we fly home on the 12th", "2027-03-12", 3),
    ],
)
def test_moving_the_end_keeps_the_start_and_the_days_before(
    message: str, end: str, days: int
) -> None:
    before, after = chat(FIRST, message)
    assert span(after.itinerary) == ("2027-03-10", end, days), str(after)
    assert hotel_nights(after.itinerary) == days - 1
    kept = min(days, 5)
    assert sights(after.itinerary)[:kept] == sights(before.itinerary)[:kept]
    assert "still starts on Wed 10 Mar" in str(after)


def test_an_end_before_the_start_is_refused_and_the_plan_kept() -> None:
    before, after = chat("3 days in Lisbon from May 10, 2027", "we have to leave 5 days early")
    assert span(after.itinerary) == span(before.itinerary)
    assert "cannot end 5 days earlier" in str(after)


@pytest.mark.parametrize(
    ("message", "span_after"),
    [
        # within the trip's last days: the way home
        ("we leave on the 13th", ("2027-03-10", "2027-03-13", 4)),
        ("we have to depart on the 16th", ("2027-03-10", "2027-03-16", 7)),
        # far from it: the day the trip starts
        ("we can only leave on the 25th", ("2027-03-25", "2027-03-29", 5)),
    ],
)
def test_leaving_on_a_day_moves_the_nearer_end(
    message: str, span_after: tuple[str, str, int]
) -> None:
    _, after = chat(FIRST, message)
    assert span(after.itinerary) == span_after, str(after)


def meals(itinerary: dict[str, Any] | None) -> dict[tuple[int, str], str]:
    """Each day's meals: (day, lunch or dinner) -> the eatery."""
    assert itinerary is not None
    return {
        (s["details"]["day"], s["details"]["meal"]): s["name"]
        for s in itinerary["segments"]
        if s["type"] == "meal"
    }


@pytest.mark.parametrize("message", ["we'd like to come back a day later", "add a day"])
def test_the_days_kept_keep_their_lunch_and_dinner(message: str) -> None:
    before, after = chat("3 days in Lisbon from May 1, 2027, museums and viewpoints", message)
    old, new = meals(before.itinerary), meals(after.itinerary)
    assert {k: v for k, v in new.items() if k[0] <= 3} == old
