"""Self-driving trips ("road trip", "we'll rent a car"): land legs are driven, timed from
the road distance, with rest stops past four hours, priced as fuel and rental in the trip's
currency; "no self-driving" keeps trains and coaches."""

from __future__ import annotations

import pytest
from plans import chat_plan, city

from tripdesigner_kernel.trip.driving import REST_MINUTES, travel_leg
from tripdesigner_kernel.trip.legs import Leg


def _leg(a: str, b: str, transport: tuple[str, ...], currency: str = "EUR") -> Leg:
    one, two = city(a), city(b)
    return travel_leg(
        (a, one.lat, one.lon, one.country),
        (b, two.lat, two.lon, two.country),
        "moderate",
        currency,
        transport,
    )


@pytest.mark.parametrize(
    ("a", "b", "real_minutes"),
    [
        ("Barcelona", "Madrid", 360),  # about 620 km on the AP-2/A-2
        ("Los Angeles", "Las Vegas", 240),  # I-15, about 435 km
        ("Paris", "Lyon", 270),  # A6, about 465 km
        ("Florence", "Rome", 180),  # A1, about 275 km
    ],
)
def test_a_drive_takes_about_the_real_road_time(a: str, b: str, real_minutes: int) -> None:
    leg = _leg(a, b, ("self-driving",))
    assert leg.mode == "car" and leg.kind == "transfer"
    at_wheel = leg.minutes - REST_MINUTES * leg.note.count("rest stop")
    assert 0.85 * real_minutes <= at_wheel <= 1.3 * real_minutes, (a, b, leg.minutes)


def test_a_long_drive_has_a_rest_stop_and_says_so() -> None:
    long, short = (
        _leg("Barcelona", "Madrid", ("self-driving",)),
        _leg("Florence", "Rome", ("self-driving",)),
    )
    assert "rest stop" in long.note and "Barcelona → Madrid" in long.note
    assert short.note == ""


def test_a_drive_is_priced_per_car_as_fuel_and_rental_in_the_trips_currency() -> None:
    euros = _leg("Barcelona", "Madrid", ("self-driving",), "EUR")
    yen = _leg("Barcelona", "Madrid", ("self-driving",), "JPY")
    assert euros.currency == "EUR" and yen.currency == "JPY"
    assert yen.price > 50 * euros.price  # about 160 yen to the euro
    costs = dict(euros.costs)
    assert set(costs) == {"fuel", "car rental, one day"}
    assert 40 <= costs["fuel"] <= 120  # about 620 km at 7 l/100 km
    assert euros.price == pytest.approx(sum(costs.values()), abs=0.01)
    assert euros.seats == 5


def test_without_the_wish_or_refusing_to_drive_land_legs_stay_trains() -> None:
    for transport in ((), ("no self-driving",)):
        assert _leg("Barcelona", "Madrid", transport).mode == "rail"


@pytest.mark.parametrize(
    ("a", "b"), [("Miami", "Havana"), ("Fukuoka", "Busan"), ("Helsinki", "Tallinn")]
)
def test_across_the_sea_a_driver_flies_or_sails_and_is_told_why(a: str, b: str) -> None:
    leg = _leg(a, b, ("self-driving",))
    assert leg.mode in ("flight", "ferry")
    assert "not driven" in leg.note and "across the sea" in leg.note


def test_a_drive_longer_than_a_day_is_not_planned_as_one() -> None:
    leg = _leg("Lisbon", "Berlin", ("self-driving",))
    assert leg.mode == "flight"
    assert "not driven, the drive would take about" in leg.note


@pytest.mark.parametrize(
    "message",
    [
        "A road trip from Madrid: 3 days in Barcelona then 3 days in Valencia, for 6, in EUR",
        "From Madrid, 3 days in Barcelona then 3 days in Valencia, we'll rent a car, 6 of us, EUR",
    ],
)
def test_a_road_trip_in_the_chat_is_driven_and_priced_per_car(message: str) -> None:
    itinerary, reply = chat_plan(message)
    vehicles = [
        s
        for s in itinerary["segments"]
        if s["type"] in ("flight", "transfer") and s.get("details", {}).get("km") is not None
    ]
    assert [s["category"] for s in vehicles] == ["car", "car", "car"]
    for segment in vehicles:
        assert segment["price"]["currency"] == "EUR"
        assert segment["details"]["cars"] == 2  # six people, five seats a car
        assert set(segment["details"]["costs"]) == {"fuel", "car rental, one day"}
    assert "Drive Madrid → Barcelona" in reply
    assert "rest stop" in reply  # Madrid → Barcelona is over four hours


def test_no_driving_in_the_chat_keeps_the_train() -> None:
    itinerary, _reply = chat_plan(
        "From Madrid, 3 days in Barcelona, we will not be driving, for 2, in EUR"
    )
    modes = {s["category"] for s in itinerary["segments"] if s["type"] == "transfer"}
    assert "car" not in modes and "rail" in modes
