"""Figures on the legs of plans: modes, roads across the sea, corridor times, night flights.

``legs_section(plans)`` is ``bench_plans.py``'s section for the legs; run this file alone
for the legs figures over plans built here: every destination reached from a home
city (short and long stays), and every destination paired with its nearest neighbour and
with each city it has a curated corridor to.

    .venv/bin/python benchmarks/plan_figures_legs.py
"""

from __future__ import annotations

import itertools
import statistics
import time
from collections import Counter
from datetime import date
from typing import Any

from tripdesigner_kernel.knowledge.cities import City, city_index, destinations
from tripdesigner_kernel.knowledge.geo import km_between
from tripdesigner_kernel.knowledge.network import connections, linked_by_land
from tripdesigner_kernel.trip import model, planner

ISSUE_PAIRS = (  # the legs issue 11 found wrong
    ("Barcelona", "Madrid"),
    ("Tokyo", "Osaka"),
    ("Copenhagen", "Oslo"),
    ("Stockholm", "Helsinki"),
    ("Miami", "Havana"),
    ("Lima", "Cusco"),
    ("Beijing", "Shanghai"),
    ("Rome", "Florence"),
)
HOMES = ("New York City", "London", "Sydney", "Tokyo", "Sao Paulo", "Johannesburg", "Berlin")
START = date(2027, 5, 3)


def _vehicles(itinerary: model.Itinerary) -> list[model.Segment]:
    """The journeys themselves, without their steps to and from the station or airport."""
    return [
        s
        for s in itinerary.segments
        if s.type in ("flight", "transfer")
        and s.category in ("flight", "rail", "coach", "ferry", "car")
    ]


def _local_minutes(moment: Any) -> int:
    return int(moment.hour * 60 + moment.minute)


def _road(a: str, b: str) -> bool:
    one, two = city_index().lookup(a), city_index().lookup(b)
    if one is None or two is None:
        return False
    km = km_between(one.lat, one.lon, two.lat, two.lon)
    return linked_by_land((one.lat, one.lon, one.country), (two.lat, two.lon, two.country), km)


def legs_figures(itineraries: list[model.Itinerary]) -> dict[str, Any]:
    """Counts over the legs of ``itineraries``.

    Returns a dict: ``modes`` (Counter), ``sea_by_land`` (ground legs between places no
    road or curated service joins: must be 0), ``corridors`` (planned vs table minutes for
    rail legs on a curated corridor), ``night_departures`` (vehicles leaving 00:00-05:59
    local: must be 0), ``night_flights`` (flights among them), ``without_steps`` (legs
    with no step before and after), ``other_currency`` (legs priced outside the trip's
    currency), ``legs``, ``notes`` (legs saying why a wish could not be met, or that a
    night is needed on the way).
    """
    modes: Counter[str] = Counter()
    sea_by_land, corridors, night, night_flights, without_steps, other_currency = (
        [],
        [],
        [],
        [],
        [],
        [],
    )
    legs, notes = 0, 0
    for itinerary in itineraries:
        ids = {s.id for s in itinerary.segments}
        for leg in _vehicles(itinerary):
            legs += 1
            notes += bool(leg.notes)
            mode = str(leg.category)
            modes[mode] += 1
            start, end = leg.from_, leg.to
            assert start is not None and end is not None
            cities = (start.city or "", end.city or "")
            curated = connections(*cities)
            if leg.details.get("via"):  # a chain: each hop a curated service or a road
                stops = [cities[0], *leg.details["via"], cities[1]]
                for a, b in itertools.pairwise(stops):
                    if not connections(a, b) and not _road(a, b):
                        sea_by_land.append((a, b))
                curated = ()
            elif mode in ("rail", "coach", "car"):
                km = km_between(start.lat, start.lon, end.lat, end.lon)
                on_land = linked_by_land(
                    (start.lat, start.lon, start.country), (end.lat, end.lon, end.country), km
                )
                if not on_land and mode not in {c.mode for c in curated}:
                    sea_by_land.append(cities)
            for service in curated:
                if service.mode == mode == "rail":
                    planned = int((leg.end - leg.start).total_seconds() // 60)
                    corridors.append((cities, planned, service.minutes))
            if _local_minutes(leg.start) < 6 * 60:
                night.append((leg.name, leg.start.isoformat()))
                if mode == "flight":
                    night_flights.append((leg.name, leg.start.isoformat()))
            if not {f"{leg.id}-before", f"{leg.id}-after"} <= ids:
                without_steps.append(leg.name)
            if leg.price is not None and leg.price.currency != itinerary.budget.currency:
                other_currency.append(leg.name)
    return {
        "legs": legs,
        "notes": notes,
        "modes": modes,
        "sea_by_land": sea_by_land,
        "corridors": corridors,
        "night_departures": night,
        "night_flights": night_flights,
        "without_steps": without_steps,
        "other_currency": other_currency,
    }


def legs_lines(figures: dict[str, Any]) -> list[str]:
    """The figures as lines a person reads."""
    modes = ", ".join(f"{mode} {count}" for mode, count in figures["modes"].most_common())
    lines = [
        f"legs: {figures['legs']} ({modes})",
        f"legs crossing the sea by land: {len(figures['sea_by_land'])} (must be 0)",
    ]
    corridors = figures["corridors"]
    if corridors:
        off = [abs(planned - table) for _, planned, table in corridors]
        lines.append(
            f"rail legs on a curated corridor: {len(corridors)}, off the table by "
            f"{max(off)} min at most (median {statistics.median(off)})"
        )
        seen: set[tuple[str, str]] = set()
        for (a, b), planned, table in corridors:
            if (a, b) not in seen and len(seen) < 8:
                seen.add((a, b))
                lines.append(f"  {a} → {b}: planned {planned} min, table {table} min")
    lines += [
        f"vehicles leaving 00:00-05:59 local: {len(figures['night_departures'])} (flights: "
        f"{len(figures['night_flights'])}, must be 0)",
        f"legs without their airport or station steps: {len(figures['without_steps'])}",
        f"legs priced outside the trip's currency: {len(figures['other_currency'])}",
        f"legs with a note (a wish no route allows, a night needed on the way): {figures['notes']}",
    ]
    return lines


def legs_section(plans: list[Any]) -> list[str]:
    """Legs: modes, roads across the sea, corridor times, night departures.

    For ``bench_plans.py``: ``plans`` have an ``itinerary``; the plans built here (every
    destination from home, with its neighbour, along every corridor, without flights) are
    added, since the benchmark's own plans have few legs between cities.
    """
    itineraries = [p.itinerary for p in plans] + sample_plans()
    return [*legs_lines(legs_figures(itineraries)), "pairs the issue named:", *issue_pairs()]


def _city(name: str) -> City:
    city = city_index().lookup(name)
    assert city is not None, name
    return city


def sample_plans() -> list[model.Itinerary]:
    """Plans with legs: from home to every destination (3 and 8 days), the nearest pair of
    destinations (also without flights, and driven), and every curated corridor between
    destinations, both ways."""
    cities = [_city(d.name) for d in destinations()]
    plans = []
    for index, city in enumerate(cities):
        home = _city(HOMES[index % len(HOMES)])
        for days in (3, 8):
            if home.name != city.name:
                plans.append(
                    planner.TripSpec(stays=[planner.Stay(city, days)], start=START, origin=home)
                )
        nearest = min(
            (c for c in cities if c.name != city.name),
            key=lambda c: km_between(city.lat, city.lon, c.lat, c.lon),
        )
        pair = [planner.Stay(city, 3), planner.Stay(nearest, 3)]
        plans.append(planner.TripSpec(stays=pair, start=START))
        plans.append(planner.TripSpec(stays=pair, start=START, transport=["no flight"]))
        plans.append(planner.TripSpec(stays=pair, start=START, transport=["self-driving"]))
        for other in cities:
            if other.name != city.name and connections(city.name, other.name):
                plans.append(
                    planner.TripSpec(
                        stays=[planner.Stay(city, 2), planner.Stay(other, 2)], start=START
                    )
                )
    return [planner.plan_trip(spec) for spec in plans]


def issue_pairs() -> list[str]:
    """How the pairs the issue named are travelled now."""
    lines = []
    for a, b in ISSUE_PAIRS:
        spec = planner.TripSpec(
            stays=[planner.Stay(_city(a), 2), planner.Stay(_city(b), 2)], start=START
        )
        leg = next(s for s in planner.plan_trip(spec).segments if s.id == "leg-1")
        minutes = int((leg.end - leg.start).total_seconds() // 60)
        lines.append(
            f"  {a} → {b}: {leg.category}, {minutes // 60} h {minutes % 60:02d}, {leg.name}"
        )
    return lines


def main() -> None:
    began = time.perf_counter()
    itineraries = sample_plans()
    print(f"{len(itineraries)} plans over {len(destinations())} destinations "
          f"in {time.perf_counter() - began:.1f} s")  # fmt: skip
    print("\n".join(legs_lines(legs_figures(itineraries))))
    print("pairs the issue named:")
    print("\n".join(issue_pairs()))


if __name__ == "__main__":
    main()
