"""A long train or coach home: a daytime departure landing the same day is preferred over
an overnight one; when the person's time makes it overnight, the reply says it arrives the
next day ("+1 day") and the plan does not end the trip at home."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from plans import chat_plan, city, plan

from tripdesigner_kernel.trip.journeys import journey_notes

START = date(2027, 5, 3)


@pytest.mark.parametrize(
    ("home", "stay", "transport"),
    [
        ("Berlin", "Paris", ["no flight"]),  # ICE, 8 h 10
        ("Paris", "Berlin", ["train only"]),
        ("Madrid", "Barcelona", ["self-driving"]),  # about 7 h with the rest stop
    ],
)
def test_a_long_ground_leg_home_lands_the_same_day_in_daytime(
    home: str, stay: str, transport: list[str]
) -> None:
    itinerary = plan(stay, 3, START, origin=city(home), transport=transport)
    vehicle = next(s for s in itinerary.segments if s.id == "leg-home")
    assert vehicle.category != "flight"
    last_day = START + timedelta(days=2)
    assert vehicle.start.date() == last_day
    assert vehicle.end.date() == last_day, (vehicle.name, vehicle.start, vehicle.end)
    assert vehicle.start.hour * 60 + vehicle.start.minute >= 7 * 60
    assert vehicle.end.hour * 60 + vehicle.end.minute <= 23 * 60
    assert not any("+1 day" in note for note in journey_notes(itinerary))
    visits = [s for s in itinerary.segments if s.type == "activity" and s.start.date() == last_day]
    assert visits and all(v.end <= vehicle.start for v in visits)  # the morning still counts


def test_a_short_leg_home_still_leaves_mid_afternoon() -> None:
    itinerary = plan("Florence", 3, START, origin=city("Rome"), transport=["no flight"])
    vehicle = next(s for s in itinerary.segments if s.id == "leg-home")
    assert vehicle.start.hour >= 15


def test_an_overnight_train_home_the_person_asked_for_is_said_with_plus_one_day() -> None:
    itinerary, reply = chat_plan(
        "From Berlin, 3 days in Paris for 2, no flights, we want to leave Paris at 22:00 "
        "on the last day"
    )
    vehicle = next(s for s in itinerary["segments"] if s["id"] == "leg-home")
    assert vehicle["start"].startswith("2027-01-05T22:00")
    assert vehicle["end"].startswith("2027-01-06T06:10")
    assert "arrives Wed 06 Jan 06:10 (+1 day)" in reply
    assert "home after the trip's last day" in reply
    assert "**After the trip, Wed 06 Jan**: 06:10 From the station home" in reply
