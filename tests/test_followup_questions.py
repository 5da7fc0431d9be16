"""Questions about the plan are answered from the itinerary, and change nothing.

When we leave on the last day, check-out and check-in, the first or last thing of a day,
where we stay in a city, how we get from A to B, what the hotel costs, what's on tomorrow
(from the trip's start when today is before it, saying which day is meant).
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from plans import chat_turns

from tripdesigner_kernel.kernel import KernelState, Reply

TODAY = date(2026, 11, 24)
ONE_CITY = "4 days in Amsterdam from March 10, museums"
TWO_CITIES = "Lisbon and Porto from May 3 2027 for 5 days, flying from London"


def ask(first: str, question: str) -> tuple[Reply, Reply]:
    before, after = chat_turns(first, question, today=TODAY.isoformat())
    assert after.itinerary == before.itinerary, "a question changes nothing"
    return before, after


def segments(reply: Reply, kind: str) -> list[dict]:
    assert reply.itinerary is not None
    found = [s for s in reply.itinerary["segments"] if s["type"] == kind]
    return sorted(found, key=lambda s: s["start"])


def on_day(reply: Reply, day: int) -> list[dict]:
    assert reply.itinerary is not None
    things = [
        s
        for s in reply.itinerary["segments"]
        if s["type"] in ("activity", "meal") and s["details"].get("day") == day
    ]
    return sorted(things, key=lambda s: s["start"])


def hhmm(stamp: str) -> str:
    return stamp[11:16]


@pytest.mark.parametrize(
    "question",
    [
        "what time do we leave on the last day?",
        "when do we leave?",
        "What time are we heading home",
        "when do we have to go home on day 4?",
    ],
)
def test_leaving_gives_check_out_and_the_last_thing_of_the_last_day(question: str) -> None:
    plan, answer = ask(ONE_CITY, question)
    text = str(answer)
    hotel = segments(plan, "hotel")[-1]
    last = on_day(plan, 4)[-1]
    assert f"check out of {hotel['name']} by {hhmm(hotel['end'])}" in text
    assert f"{last['name']}, {hhmm(last['start'])}" in text
    assert "Sat 13 Mar" in text
    assert "you are already there" not in text


def test_leaving_with_a_way_home_gives_its_departure() -> None:
    plan, answer = ask(TWO_CITIES, "what time do we leave on the last day?")
    flight = segments(plan, "flight")[-1]
    assert flight["name"] in str(answer)
    home = [s for s in segments(plan, "transfer") if s["details"].get("leg") == "leg-home"]
    assert f"the way home leaves at {hhmm(home[0]['start'])}" in str(answer)


@pytest.mark.parametrize(
    ("question", "end"),
    [
        ("when do we check out", True),
        ("what time is check-in?", False),
        ("When do we check in", False),
    ],
)
def test_check_out_and_check_in_times(question: str, end: bool) -> None:
    plan, answer = ask(TWO_CITIES, question)
    for hotel in segments(plan, "hotel"):
        stamp = hotel["end"] if end else hotel["start"]
        assert f"{hotel['name']} on " in str(answer)
        assert hhmm(stamp) in str(answer)


@pytest.mark.parametrize(
    ("question", "day", "first"),
    [
        ("what's the first thing on day 3", 3, True),
        ("what is the last thing on day 2?", 2, False),
        ("whats the first stop on the second day", 2, True),
    ],
)
def test_the_first_or_last_thing_of_a_day(question: str, day: int, first: bool) -> None:
    plan, answer = ask(ONE_CITY, question)
    item = on_day(plan, day)[0 if first else -1]
    assert f"is {item['name']}, {hhmm(item['start'])}" in str(answer)


@pytest.mark.parametrize("city", ["Porto", "Lisbon"])
def test_where_we_stay_in_a_city_names_that_city_s_hotel_only(city: str) -> None:
    plan, answer = ask(TWO_CITIES, f"where are we staying in {city}?")
    hotels = segments(plan, "hotel")
    mine = [h for h in hotels if h["location"]["city"] == city]
    assert len(mine) == 1
    assert mine[0]["name"] in str(answer)
    assert all(h["name"] not in str(answer) for h in hotels if h not in mine)


@pytest.mark.parametrize(
    "question",
    [
        "how do we get from Lisbon to Porto?",
        "How are we getting to Porto",
        "how do we travel from lisbon to porto",
    ],
)
def test_how_we_get_from_a_to_b_gives_that_journey(question: str) -> None:
    plan, answer = ask(TWO_CITIES, question)
    main = next(s for s in segments(plan, "transfer") if "Lisbon → Porto" in s["name"])
    assert main["name"] in str(answer)
    assert hhmm(main["start"]) in str(answer)
    assert "London" not in str(answer)


def test_a_journey_the_plan_lacks_is_said_with_those_it_has() -> None:
    _, answer = ask(TWO_CITIES, "how do we get from Madrid to Porto?")
    assert "no journey from madrid to porto" in str(answer).lower()
    assert "Lisbon → Porto" in str(answer)


@pytest.mark.parametrize(
    "question", ["how much is the hotel", "How much are the hotels?", "what does the hotel cost"]
)
def test_the_hotel_s_price(question: str) -> None:
    plan, answer = ask(ONE_CITY, question)
    hotel = segments(plan, "hotel")[0]
    total = f"{hotel['price']['amount']:,.0f} {hotel['price']['currency']}"
    assert total in str(answer)
    assert f"{hotel['details']['nights']} nights" in str(answer)
    assert "whole trip" not in str(answer)


def test_tomorrow_before_the_trip_is_day_2_and_said() -> None:
    plan, answer = ask(ONE_CITY, "what's on tomorrow?")
    assert "took tomorrow as day 2 of the trip (Thu 11 Mar)" in str(answer)
    assert all(s["name"] in str(answer) for s in on_day(plan, 2))


def test_tomorrow_during_the_trip_is_the_next_day() -> None:
    state = KernelState()
    state.settings.today = TODAY.isoformat()
    state.new_session()
    plan = state.chat("4 days in Amsterdam from December 1, museums")
    state.settings.today = "2026-12-02"  # day 2 of the trip
    answer = state.chat("what's on tomorrow")
    assert answer.itinerary == plan.itinerary
    assert re.search(r"\bDay 3\b", str(answer))
    assert all(s["name"] in str(answer) for s in on_day(plan, 3))
    assert "took tomorrow" not in str(answer)


def test_a_question_followed_by_a_change_is_read_whole() -> None:
    before, after = chat_turns(
        ONE_CITY, "What time do we leave? Also, make it 5 days.", today=TODAY.isoformat()
    )
    assert after.itinerary is not None and before.itinerary is not None
    assert after.itinerary["end_date"] == "2027-03-14"
