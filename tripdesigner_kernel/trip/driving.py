"""Legs the travellers drive themselves ("road trip", "we'll rent a car"): a car on the
road between places on one landmass, timed from the road distance at motorway speeds, with
rest stops on long drives, priced as fuel plus a day's rental in the trip's currency.

Estimates, not quotes: road distance is the straight line times ``DRIVE_DETOUR``; fuel at
``FUEL_L_PER_100KM`` and ``FUEL_USD_PER_L``, a mid-size rental at ``RENTAL_USD_PER_DAY``
(typical 2025 figures in Europe and North America), scaled by the trip's level.
"""

from __future__ import annotations

from dataclasses import replace

from tripdesigner_kernel.knowledge.geo import km_between
from tripdesigner_kernel.knowledge.network import linked_by_land
from tripdesigner_kernel.trip.legs import Leg, Place, Step, onward, plan_leg, price_in, round5

DRIVE_DETOUR = 1.2  # motorways run straighter than the coach's mix of roads
DRIVE_KMH = 100.0  # average on motorways and main roads, traffic included
TOWN_MINUTES = 20  # out of one town and into the next
REST_EVERY, REST_MINUTES = 4 * 60, 30  # a rest stop after every four hours at the wheel
DRIVE_MAX_MINUTES = 10 * 60  # longer than a day's drive: the usual leg, and why
MIN_DRIVE_KM = 5.0
SEATS = 5  # a mid-size rental car
FUEL_L_PER_100KM, FUEL_USD_PER_L, RENTAL_USD_PER_DAY = 7.0, 1.6, 55.0
LOAD_MINUTES, PARK_MINUTES = 15, 15


def wants_to_drive(transport: list[str] | tuple[str, ...]) -> bool:
    """Whether the person's wishes say they drive themselves ("self-driving")."""
    wishes = {w.lower().strip() for w in transport}
    return "self-driving" in wishes and "no self-driving" not in wishes


def _hours(minutes: int) -> str:
    return f"{minutes // 60} h {minutes % 60:02d}" if minutes >= 60 else f"{minutes} min"


def drive_leg(
    start: Place, end: Place, level: str = "moderate", currency: str = "USD", home: bool = False
) -> Leg:
    """The drive from ``start`` to ``end`` (city, lat, lon, country) in a rental car.

    ``minutes``: at the wheel plus rest stops; ``price``: per car (``seats``), fuel and a
    day's rental in ``currency`` when we know the rate (else USD); ``note``: the rest stops
    of a drive over ``REST_EVERY`` minutes, or "".
    """
    km = km_between(start[1], start[2], end[1], end[2])
    road = km * DRIVE_DETOUR
    wheel = round5(TOWN_MINUTES + road / DRIVE_KMH * 60)
    rests = (wheel - 1) // REST_EVERY
    fuel = price_in(road * FUEL_L_PER_100KM / 100 * FUEL_USD_PER_L, "USD", currency, level)
    rental = price_in(RENTAL_USD_PER_DAY, "USD", currency, level)
    note = (
        f"{start[0]} → {end[0]}: about {_hours(wheel)} at the wheel ({round(road)} km); "
        f"I allowed {rests} rest stop{'s' if rests > 1 else ''} of {REST_MINUTES} min."
        if rests
        else ""
    )
    return Leg(
        "transfer",
        "car",
        f"Drive {start[0]} → {end[0]} (rental car, about {round(road)} km)",
        f"{start[0]}",
        (start[1], start[2]),
        f"{end[0]}",
        (end[1], end[2]),
        km,
        wheel + rests * REST_MINUTES,
        round(fuel[0] + rental[0], 2),
        fuel[1],
        Step(f"Load the car and drive out of {start[0]}", LOAD_MINUTES),
        Step(f"Park and go {onward(end, home)}", PARK_MINUTES),
        note=note,
        seats=SEATS,
        costs=(("fuel", fuel[0]), ("car rental, one day", rental[0])),
    )


def travel_leg(
    start: Place,
    end: Place,
    level: str = "moderate",
    currency: str = "USD",
    transport: list[str] | tuple[str, ...] = (),
    home: bool = False,
) -> Leg:
    """The leg from ``start`` to ``end``: driven when the person drives themselves and a
    road links them within a day's drive, else ``plan_leg``'s choice (with a note saying
    why it is not driven)."""
    if not wants_to_drive(transport):
        return plan_leg(start, end, level, currency, transport, home)
    km = km_between(start[1], start[2], end[1], end[2])
    drive = drive_leg(start, end, level, currency, home)
    if km < MIN_DRIVE_KM:
        return drive
    on_land = linked_by_land(start[1:], end[1:], km)
    if on_land and drive.minutes <= DRIVE_MAX_MINUTES:
        return drive
    other = plan_leg(start, end, level, currency, transport, home)
    why = (
        f"the drive would take about {_hours(drive.minutes)}"
        if on_land
        else "they are across the sea"
    )
    note = f"{start[0]} → {end[0]}: not driven, {why}; I planned the {other.mode}."
    return replace(other, note=" ".join(filter(None, (other.note, note))))
