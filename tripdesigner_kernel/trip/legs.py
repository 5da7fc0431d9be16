"""Legs between cities from a model of the network: a curated rail, coach or ferry service
when there is one, a coach on the same land, a flight otherwise; never over land across
the sea. The person's wishes ("no flight", "train only") win when a route allows them;
when none does, the leg says why.

Times are minutes; prices per person in the trip's currency (ISO 4217).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Literal

from tripdesigner_kernel.knowledge.airports import Airport, gateway_airport
from tripdesigner_kernel.knowledge.geo import km_between
from tripdesigner_kernel.knowledge.money import convert, known
from tripdesigner_kernel.knowledge.network import (
    Connection,
    connections,
    linked_by_land,
    same_rail_network,
)
from tripdesigner_kernel.trip.overland import CHANGE_MINUTES, overland_route

PRICE_FACTOR = {"budget": 0.8, "moderate": 1.0, "luxury": 2.5}
ROAD_DETOUR, COACH_KMH, COACH_MAX_MINUTES = 1.3, 70.0, 6 * 60  # longer: people fly
COACH_MAX_KM = 1000.0  # beyond this we do not guess a road: borders, deserts, detours
FERRY_KMH, FERRY_MAX_KM = 30.0, 250.0  # an estimated ferry where we list none
MIN_FLIGHT_KM = 100.0
SERVICE_MAX_KMH = 350.0  # no train, coach or ferry covers the straight line faster
CHAIN_NIGHT_MINUTES = 15 * 60  # longer chains of services need a night on the way
FLIGHT_KMH, FLIGHT_TAXI_MINUTES = 800.0, 40  # cruise, plus taxi, climb and descent
GROUND_PREFERENCE_MINUTES = 90  # a train this much slower door to door still beats a flight
AIRPORT_ROAD_KMH = 55.0  # airport express trains and motorways
CHECK_IN = {"domestic": 75, "international": 120}  # before departure, at the airport
ARRIVAL = {"domestic": 30, "international": 50}  # off the plane, passport, bags
STATION = {"rail": (30, 20), "coach": (20, 15), "ferry": (60, 30)}  # before, after
# A train on a rail network where we list no service: time and fare estimated.
RAIL_DETOUR, RAIL_KMH, RAIL_MAX_KM = 1.2, 90.0, 600.0
ESTIMATED_TRAIN = "estimated time and fare: check the timetable"

Place = tuple[str, float, float, str | None]  # city, lat, lon, country


@dataclass(frozen=True)
class Step:
    """Time on the ground before or after the vehicle: to the airport and through security,
    or off the train to the hotel."""

    name: str
    minutes: int


@dataclass(frozen=True)
class Leg:
    """A journey between two cities: the vehicle's own time and the steps around it.

    ``minutes``: boarding to arrival; ``price``: per person in ``currency``;
    ``departs``: minutes after local midnight of a scheduled overnight service, or None;
    ``note``: why the person's wish could not be met, or "".
    """

    kind: Literal["flight", "transfer"]  # the itinerary's segment type
    mode: str  # "flight", "rail", "coach", "ferry"
    name: str
    from_name: str
    from_pos: tuple[float, float]
    to_name: str
    to_pos: tuple[float, float]
    km: float
    minutes: int
    price: float
    currency: str
    before: Step
    after: Step
    departs: int | None = None
    note: str = ""
    chain: bool = False  # several services in a row: only worth starting in the morning
    via: tuple[str, ...] = ()  # the cities a chain changes in
    seats: int = 0  # > 0: ``price`` is per vehicle of this many seats (a car), not per person
    costs: tuple[tuple[str, float], ...] = ()  # what ``price`` is made of ("fuel", 42.0)

    @property
    def door_to_door(self) -> int:
        """Minutes from leaving the hotel to reaching the next one."""
        return self.before.minutes + self.minutes + self.after.minutes


def round5(minutes: float) -> int:
    """``minutes`` rounded up to the next 5."""
    return int(math.ceil(minutes / 5.0) * 5)


def price_in(amount: float, source: str, target: str, level: str) -> tuple[float, str]:
    """``amount`` of ``source`` at the trip's level, in ``target`` when we have the rate."""
    factor = PRICE_FACTOR.get(level, 1.0)
    if source != target and known(source) and known(target):
        amount = float(convert(Decimal(str(amount)), source, target))
    else:
        target = source
    return round(amount * factor, 2 if amount * factor < 100 else 0), target


def onward(end: Place, home: bool) -> str:
    """Where the traveller goes on arrival, for the step after the vehicle."""
    return "home" if home else f"to the hotel in {end[0]}"


def _ground(
    start: Place,
    end: Place,
    mode: str,
    minutes: int,
    price: tuple[float, str],
    service: str,
    home: bool = False,
) -> Leg:
    before, after = STATION[mode]
    where = {"rail": "station", "coach": "coach station", "ferry": "port"}[mode]
    label = {"rail": "Train", "coach": "Coach", "ferry": "Ferry"}[mode]
    km = km_between(start[1], start[2], end[1], end[2])
    return Leg(
        "transfer",
        mode,
        f"{label} {start[0]} → {end[0]}" + (f" ({service})" if service else ""),
        f"{start[0]} {where}",
        (start[1], start[2]),
        f"{end[0]} {where}",
        (end[1], end[2]),
        km,
        minutes,
        price[0],
        price[1],
        Step(f"To the {where} in {start[0]}", before),
        Step(f"From the {where} {onward(end, home)}", after),
    )


def _airport_minutes(place: Place, airport: Airport | None) -> int:
    if airport is None:
        return 45
    road = km_between(place[1], place[2], airport.lat, airport.lon) * ROAD_DETOUR
    return round5(10 + road / AIRPORT_ROAD_KMH * 60)


def _flight(
    start: Place, end: Place, km: float, currency: str, level: str, home: bool = False
) -> Leg:
    first = gateway_airport(start[0], (start[1], start[2]), start[3])
    last = gateway_airport(end[0], (end[1], end[2]), end[3])
    scope = "domestic" if start[3] and start[3] == end[3] else "international"
    codes = f" ({first.code} → {last.code})" if first and last else ""
    price = price_in(50 + 0.09 * km, "USD", currency, level)
    to_airport = CHECK_IN[scope] + _airport_minutes(start, first)
    from_airport = ARRIVAL[scope] + _airport_minutes(end, last)
    passport = "passport, " if scope == "international" else ""
    return Leg(
        "flight",
        "flight",
        f"Flight {start[0]} → {end[0]}{codes}",
        f"{start[0]} airport" + (f" {first.code}" if first else ""),
        (first.lat, first.lon) if first else (start[1], start[2]),
        f"{end[0]} airport" + (f" {last.code}" if last else ""),
        (last.lat, last.lon) if last else (end[1], end[2]),
        km,
        round5(FLIGHT_TAXI_MINUTES + km / FLIGHT_KMH * 60),
        price[0],
        price[1],
        Step(f"To {first.code if first else start[0]} airport: check-in and security", to_airport),
        Step(
            f"Arrival at {last.code if last else end[0]}: {passport}bags, {onward(end, home)}",
            from_airport,
        ),
    )


def _curated(
    start: Place, end: Place, found: Connection, currency: str, level: str, home: bool
) -> Leg:
    price = price_in(found.fare, found.currency, currency, level)
    leg = _ground(start, end, found.mode, found.minutes, price, found.service, home)
    return replace(leg, departs=found.departs)


def route_options(
    start: Place, end: Place, currency: str = "USD", level: str = "moderate", home: bool = False
) -> list[Leg]:
    """Every way we know between two places: curated services, a coach on the same land,
    an estimated short ferry across the sea, a flight. Never a road across the sea.
    ``home``: the leg ends at home, not at a hotel (the steps say so)."""
    km = km_between(start[1], start[2], end[1], end[2])
    # A service is matched by city names; the distance rules out a namesake elsewhere
    # (Valencia, Venezuela is not on the AVE).
    options = [
        _curated(start, end, c, currency, level, home)
        for c in connections(start[0], end[0])
        if km <= c.minutes / 60 * SERVICE_MAX_KMH
    ]
    on_land = linked_by_land(start[1:], end[1:], km)
    if (
        on_land
        and km <= RAIL_MAX_KM
        and same_rail_network(start[0], start[3], end[0], end[3])
        and not options  # a listed service (Copenhagen-Oslo's ferry) says how people go
    ):
        price = price_in(4 + 0.14 * km * RAIL_DETOUR, "USD", currency, level)
        minutes = round5(15 + km * RAIL_DETOUR / RAIL_KMH * 60)
        options.append(_ground(start, end, "rail", minutes, price, ESTIMATED_TRAIN, home))
    if on_land and km <= COACH_MAX_KM and not any(o.mode in ("rail", "coach") for o in options):
        road = km * ROAD_DETOUR
        price = price_in(5 + 0.07 * road, "USD", currency, level)
        options.append(_ground(start, end, "coach", _coach_minutes(km), price, "", home))
    if not on_land and km <= FERRY_MAX_KM and not any(o.mode == "ferry" for o in options):
        price = price_in(10 + 0.25 * km, "USD", currency, level)
        minutes = round5(30 + km * ROAD_DETOUR / FERRY_KMH * 60)
        options.append(_ground(start, end, "ferry", minutes, price, "", home))
    if km >= MIN_FLIGHT_KM or not options:
        options.append(_flight(start, end, km, currency, level, home))
    return options


def allowed_mode(mode: str, transport: list[str] | tuple[str, ...]) -> bool:
    """Whether the person's transport wishes allow ``mode`` ("flight", "rail"...)."""
    wishes = {w.lower().strip() for w in transport}
    if wishes & {"train only", "rail only", "only train", "only trains", "by train"}:
        return mode == "rail"
    forbidden = {
        "flight": {"no flight", "no flights", "no flying", "no planes"},
        "ferry": {"no ferry", "no ferries", "no boats"},
        "coach": {"no coach", "no bus", "no buses"},
    }.get(mode, set())
    return not wishes & forbidden


def _coach_minutes(km: float) -> int:
    return round5(20 + km * ROAD_DETOUR / COACH_KMH * 60)


def _overland(
    start: Place,
    end: Place,
    transport: list[str] | tuple[str, ...],
    currency: str,
    level: str,
    home: bool,
) -> Leg | None:
    """A chain of curated services (and coaches to reach them) the wishes allow, as one leg."""
    modes = {m for m in ("rail", "coach", "ferry") if allowed_mode(m, transport)}

    def access(a: Place, b: Place) -> int | None:
        return _coach_minutes(km_between(a[1], a[2], b[1], b[2]))

    hops = overland_route(start, end, modes, access)
    if not hops or len(hops) < 2:
        return None
    minutes = sum(hop[3] for hop in hops) + CHANGE_MINUTES * (len(hops) - 1)
    price, services = 0.0, []
    for one, two, service, _minutes in hops:
        if service is None:
            road = km_between(one[1], one[2], two[1], two[2]) * ROAD_DETOUR
            price += price_in(5 + 0.07 * road, "USD", currency, level)[0]
            services.append("coach")
        else:
            price += price_in(service.fare, service.currency, currency, level)[0]
            services.append(service.service or service.mode)
    main = max(hops, key=lambda hop: hop[3])
    mode = main[2].mode if main[2] else "coach"
    label = (
        "Overland"
        if len({h[2].mode if h[2] else "coach" for h in hops}) > 1
        else ({"rail": "Train", "coach": "Coach", "ferry": "Ferry"}[mode])
    )
    via = " → ".join(hop[1][0] for hop in hops[:-1])
    leg = _ground(start, end, mode, minutes, (round(price, 2), currency), "", home)
    return replace(
        leg,
        name=f"{label} {start[0]} → {via} → {end[0]} ({', '.join(dict.fromkeys(services))})",
        before=Step(leg.before.name, STATION[hops[0][2].mode if hops[0][2] else "coach"][0]),
        chain=True,
        via=tuple(hop[1][0] for hop in hops[:-1]),
        note=(
            f"{start[0]} → {end[0]} without flying takes {minutes // 60} h over "
            f"{len(hops)} services: break it with a night in {hops[len(hops) // 2][0][0]}."
            if minutes > CHAIN_NIGHT_MINUTES
            else ""
        ),
    )


def _best(options: list[Leg]) -> Leg:
    """A comfortable ground leg when it is not much slower door to door, else the flight."""
    flights = [o for o in options if o.mode == "flight"]
    ground = [
        o
        for o in options
        if o.mode != "flight" and (o.mode != "coach" or o.minutes <= COACH_MAX_MINUTES)
    ]
    best_ground = min(ground, key=lambda o: o.door_to_door, default=None)
    if not flights:
        return best_ground or min(options, key=lambda o: o.door_to_door)
    if best_ground and best_ground.door_to_door <= flights[0].door_to_door + (
        GROUND_PREFERENCE_MINUTES
    ):
        return best_ground
    return flights[0]


def plan_leg(
    start: Place,
    end: Place,
    level: str = "moderate",
    currency: str = "USD",
    transport: list[str] | tuple[str, ...] = (),
    home: bool = False,
) -> Leg:
    """The leg a traveller would take from ``start`` to ``end`` (city, lat, lon, country).

    ``transport``: the person's wishes ("no flight", "train only", "no ferry"); when no
    route meets them the leg is the best other one, with a ``note`` saying why.
    ``home``: the leg ends at home rather than at a hotel.
    """
    options = route_options(start, end, currency, level, home)
    wanted = [o for o in options if allowed_mode(o.mode, transport)]
    if wanted:
        return _best(wanted)
    overland = _overland(start, end, transport, currency, level, home)
    if overland is not None:
        return overland
    chosen = _best(options)
    km = km_between(start[1], start[2], end[1], end[2])
    on_land = linked_by_land(start[1:], end[1:], km)
    from tripdesigner_kernel.knowledge.network import land_of

    across = land_of(*start[1:]) != land_of(*end[1:])
    why = (
        "they are across the sea"
        if across and not on_land
        else "no train runs between them"
        if on_land
        else "I know no such route between them"
    )
    wish = ", ".join(transport)
    note = f"{start[0]} → {end[0]}: you asked for {wish}, but {why}; I planned the {chosen.mode}."
    return replace(chosen, note=note)


def estimate_leg(
    from_city: str,
    from_pos: tuple[float, float],
    to_city: str,
    to_pos: tuple[float, float],
    level: str = "moderate",
    currency: str = "USD",
) -> Leg:
    """``plan_leg`` between two points whose countries we do not know (treated as land)."""
    return plan_leg((from_city, *from_pos, None), (to_city, *to_pos, None), level, currency)
