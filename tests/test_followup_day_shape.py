"""Follow-ups about one day's shape or every day's: free days, lighter days, starts and
meal times. The day stays in the trip with its hotel night; the days not named keep their
places. Whole turns through ``KernelState.chat``, the itinerary checked before and after.
"""

from __future__ import annotations

from typing import Any

import pytest
from plans import chat_turns

TODAY = "2026-11-30"
TRIP = "5 days in Rome from Feb 3 for 2"


def by_day(itinerary: dict[str, Any] | None, kinds: tuple[str, ...]) -> dict[int, list[str]]:
    assert itinerary is not None
    days: dict[int, list[str]] = {}
    for segment in itinerary["segments"]:
        if segment["type"] in kinds and "day" in segment["details"]:
            days.setdefault(segment["details"]["day"], []).append(segment["name"])
    return days


def visits(itinerary: dict[str, Any] | None) -> dict[int, list[str]]:
    return by_day(itinerary, ("activity",))


def meal_starts(itinerary: dict[str, Any] | None, meal: str) -> dict[int, str]:
    assert itinerary is not None
    return {
        s["details"]["day"]: s["start"][11:16]
        for s in itinerary["segments"]
        if s["type"] == "meal" and s["details"].get("meal") == meal
    }


def first_starts(itinerary: dict[str, Any] | None) -> dict[int, str]:
    assert itinerary is not None
    found: dict[int, str] = {}
    for s in sorted(itinerary["segments"], key=lambda s: s["start"]):
        if s["type"] in ("activity", "meal") and "day" in s["details"]:
            found.setdefault(s["details"]["day"], s["start"][11:16])
    return found


def nights(itinerary: dict[str, Any] | None) -> int:
    assert itinerary is not None
    return sum(s["details"]["nights"] for s in itinerary["segments"] if s["type"] == "hotel")


def span(itinerary: dict[str, Any] | None) -> tuple[str, str]:
    assert itinerary is not None
    return itinerary["start_date"], itinerary["end_date"]


def unchanged_but(before: dict[int, list[str]], after: dict[int, list[str]], day: int) -> None:
    for number in before:
        if number != day:
            assert after.get(number) == before[number], number


@pytest.mark.parametrize(
    ("message", "day"),
    [
        ("I'll just rest on day 4", 4),
        ("drop day 4 stuff, I'll just rest", 4),
        ("nothing planned on day 3 please", 3),
        ("can we keep the second day free?", 2),
        ("make day 4 a free day", 4),
        ("we need a day off on day 3", 3),
        ("can we make the third day a rest day", 3),
        ("we'd like day 2 to be a lazy day", 2),
    ],
)
def test_a_free_day_keeps_the_day_and_its_night_and_clears_its_visits(
    message: str, day: int
) -> None:
    before, after = chat_turns(TRIP, message, today=TODAY)
    assert span(after.itinerary) == span(before.itinerary)
    assert nights(after.itinerary) == nights(before.itinerary) == 4
    assert visits(before.itinerary).get(day)
    assert not visits(after.itinerary).get(day)
    notes = by_day(after.itinerary, ("note",)).get(day, [])
    assert any("Free day" in n for n in notes), notes
    unchanged_but(visits(before.itinerary), visits(after.itinerary), day)
    assert f"Day {day} is now a free day" in str(after)


def test_removing_the_day_itself_still_removes_it() -> None:
    before, after = chat_turns(TRIP, "remove day 4", today=TODAY)
    assert nights(after.itinerary) == nights(before.itinerary) - 1


@pytest.mark.parametrize(
    ("message", "day"),
    [
        ("less walking on day 2", 2),
        ("make day 4 lighter", 4),
        ("day 1 is too packed", 1),
        ("fewer stops on the fourth day", 4),
        ("can we take it easy on day 5", 5),
        ("day 2 has too much walking", 2),
    ],
)
def test_a_lighter_day_has_fewer_visits_and_the_others_stay(message: str, day: int) -> None:
    before, after = chat_turns(TRIP, message, today=TODAY)
    old, new = visits(before.itinerary), visits(after.itinerary)
    assert len(new[day]) == len(old[day]) - 1
    assert set(new[day]) < set(old[day])
    unchanged_but(old, new, day)
    assert span(after.itinerary) == span(before.itinerary)
    assert after.itinerary is not None and after.itinerary["preferences"]["pace"] == "moderate"


@pytest.mark.parametrize(
    ("message", "day", "meal", "check"),
    [
        ("move dinner earlier on day 2", 2, "dinner", "earlier"),
        ("a later lunch on day 4 please", 4, "lunch", "later"),
        ("lunch at 1pm on day 1", 1, "lunch", "13:00"),
        ("dinner at 7:30 on day 4", 4, "dinner", "19:30"),
    ],
)
def test_a_meal_moves_on_the_day_named_only(message: str, day: int, meal: str, check: str) -> None:
    before, after = chat_turns(TRIP, message, today=TODAY)
    old, new = meal_starts(before.itinerary, meal), meal_starts(after.itinerary, meal)
    if check == "earlier":
        assert new[day] < old[day]
    elif check == "later":
        assert new[day] > old[day]
    else:
        assert check <= new[day] <= f"{check[:3]}{int(check[3:]) + 15}", new[day]
    assert {d: t for d, t in new.items() if d != day} == {d: t for d, t in old.items() if d != day}
    unchanged_but(visits(before.itinerary), visits(after.itinerary), day)
    assert span(after.itinerary) == span(before.itinerary)


def test_dinner_around_a_time_every_day() -> None:
    before, after = chat_turns(TRIP, "can we have dinner around 6 every day", today=TODAY)
    assert set(meal_starts(before.itinerary, "dinner").values()) == {"19:30"}
    starts = meal_starts(after.itinerary, "dinner")
    assert len(starts) == 5 and all("17:45" <= t <= "18:15" for t in starts.values()), starts
    kept = sum(
        set(visits(after.itinerary)[d]) == set(visits(before.itinerary)[d]) for d in range(1, 6)
    )
    assert kept >= 3  # the places stay where they still fit


def test_lunch_tomorrow_before_the_trip_is_day_2_and_says_so() -> None:
    _, after = chat_turns(TRIP, "lunch at 1pm tomorrow", today=TODAY)
    assert "13:00" <= meal_starts(after.itinerary, "lunch")[2] <= "13:15"
    assert "took tomorrow as day 2" in str(after) or "Lunch at 13:00" in str(after)


@pytest.mark.parametrize(
    ("message", "day"),
    [("later start on day 4", 4), ("can we sleep in on day 2?", 2), ("start day 5 at 11", 5)],
)
def test_a_later_start_on_the_day_named(message: str, day: int) -> None:
    before, after = chat_turns(TRIP, message, today=TODAY)
    old, new = first_starts(before.itinerary), first_starts(after.itinerary)
    assert new[day] > old[day]
    assert {d: t for d, t in new.items() if d != day} == {d: t for d, t in old.items() if d != day}
    assert span(after.itinerary) == span(before.itinerary)


def test_a_question_about_a_meal_changes_nothing() -> None:
    before, after = chat_turns(TRIP, "is dinner late on day 2?", today=TODAY)
    assert after.itinerary == before.itinerary


def test_a_free_day_follows_its_day_when_an_earlier_day_is_removed() -> None:
    _, free, after = chat_turns(TRIP, "I'll just rest on day 4", "remove day 2", today=TODAY)
    assert not visits(free.itinerary).get(4)
    new = visits(after.itinerary)
    assert not new.get(3) and new.get(4), new  # the free day is day 3 now


def test_a_free_day_follows_its_day_when_days_are_swapped() -> None:
    _, _, after = chat_turns(TRIP, "nothing planned on day 2", "swap day 2 and day 4", today=TODAY)
    new = visits(after.itinerary)
    assert not new.get(4) and new.get(2), new
