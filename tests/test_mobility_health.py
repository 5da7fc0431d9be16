"""Mobility and health through whole turns: said back on the Understood line, a slower pace,
short walks (taxi or transit beyond), step-free places; diabetic: regular meals, every day."""

from __future__ import annotations

from collections import Counter

import pytest
from plans import chat_plan


def full_day_visits(itinerary: dict) -> list[int]:
    """Visits on each day with no journey or day trip, by day."""
    days: Counter[str] = Counter()
    journey = set()
    for segment in itinerary["segments"]:
        day = segment["start"][:10]
        if segment["type"] in ("flight", "transfer"):
            journey.add(day)
        if segment["type"] == "activity":
            days[day] += 1
    return [count for day, count in sorted(days.items()) if day not in journey]


@pytest.mark.parametrize(
    ("plain", "message", "said"),
    [
        ("4 days in Lisbon", "4 days in Lisbon, low walking please", "limited mobility"),
        ("5 days in Rome", "5 days in Rome, my mum uses a wheelchair", "wheelchair"),
        ("Vienna for 4 days", "Vienna for 4 days with my 80 year old father", "older travellers"),
        ("Porto 4 days", "Porto 4 days, not much walking for us", "limited mobility"),
        ("Kyoto 4 days", "Kyoto 4 days, we're both in our seventies", "older travellers"),
    ],
)
def test_a_party_that_cannot_walk_far_gets_a_slower_day_and_short_walks(
    plain: str, message: str, said: str
) -> None:
    before, _ = chat_plan(plain)
    itinerary, reply = chat_plan(message)
    understood = reply.splitlines()[0]
    assert understood.startswith("Understood:") and said in understood
    assert sum(full_day_visits(itinerary)) < sum(full_day_visits(before))
    hops = [s["details"].get("getting_there") for s in itinerary["segments"]]
    hops = [h for h in hops if h]
    assert hops, message
    for hop in hops:
        if hop.startswith("walk"):
            assert int(hop.split(", ")[1].removesuffix(" m")) <= 500, hop
        else:
            assert hop == "taxi or transit"
    assert all(not s["details"].get("access") for s in itinerary["segments"])
    assert "walks of at most 500 m" in reply and "by taxi or transit" in reply


@pytest.mark.parametrize(
    "message",
    [
        "3 days in Paris, I'm diabetic",
        "Madrid 4 days, my husband has diabetes",
        "Tokyo for 5 days, diabetic traveller",
    ],
)
def test_a_diabetic_party_eats_at_regular_times_every_day(message: str) -> None:
    itinerary, reply = chat_plan(message)
    assert "diabetic" in reply.splitlines()[0]
    by_day: dict[str, dict[str, str]] = {}
    for segment in itinerary["segments"]:
        if segment["type"] == "meal":
            by_day.setdefault(segment["start"][:10], {})[segment["details"]["meal"]] = segment[
                "start"
            ][11:16]
    days = sorted(by_day)
    for day in days[1:-1]:  # between the travel days: lunch and dinner, at steady hours
        assert {"lunch", "dinner"} <= set(by_day[day]), (day, by_day[day])
    lunches = sorted(by_day[d]["lunch"] for d in days if "lunch" in by_day[d])
    dinners = sorted(by_day[d]["dinner"] for d in days if "dinner" in by_day[d])
    assert _minutes(lunches[-1]) - _minutes(lunches[0]) <= 90
    assert _minutes(dinners[-1]) - _minutes(dinners[0]) <= 60
    assert "Diabetic: meals at regular times" in reply


def _minutes(clock: str) -> int:
    return int(clock[:2]) * 60 + int(clock[3:])
