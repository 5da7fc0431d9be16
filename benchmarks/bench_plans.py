"""Figures for plans a traveller would follow, over all our destinations.

Run: ``python benchmarks/bench_plans.py``. Prints figures; asserts nothing.

Plans: every destination, a short (3-day) and a long (8-day) stay, for three parties
(a couple; a family with young children; an older traveller in a wheelchair), starting on
dates spread over a year, some on public holidays. Each SECTION is a function from the
plans to printed lines, so another area's figures are one more function in the list.
"""

from __future__ import annotations

import itertools
import os
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("TRIPDESIGNER_TODAY", "2026-11-24")

from plan_figures_legs import legs_section

from tripdesigner_kernel.knowledge.cities import City, city_index, destinations
from tripdesigner_kernel.knowledge.closures import closed_for
from tripdesigner_kernel.knowledge.geo import km_between, travel_minutes
from tripdesigner_kernel.knowledge.hours import open_intervals
from tripdesigner_kernel.knowledge.meal_times import meal_windows
from tripdesigner_kernel.knowledge.places import places_for
from tripdesigner_kernel.knowledge.taxonomy import ADULT_CATEGORIES, ADULT_TAGS
from tripdesigner_kernel.trip import checks, model, planner
from tripdesigner_kernel.trip.day_trips import MIN_STAY_DAYS, fitting_day_trips

PARTIES: dict[str, dict[str, Any]] = {
    "couple": {"travelers": 2, "interests": ["history", "food"]},
    "family with young children": {
        "travelers": 4,
        "children": [3, 6],
        "interests": ["parks", "museums"],
    },
    "older traveller, wheelchair": {
        "travelers": 1,
        "accessibility": ["wheelchair", "older"],
        "pace": "relaxed",
        "interests": ["museums", "history"],
    },
}
STAYS = (3, 8)
HOLIDAY_STARTS = (date(2027, 1, 1), date(2027, 12, 24), date(2027, 2, 5), date(2027, 3, 27))
MAX_IDLE = 120
LATENCY_MESSAGE = "A week in Lisbon from May 10, 2027, for 2, museums and viewpoints"
LATENCY_RUNS = 15


@dataclass
class Plan:
    """One planned trip of the benchmark and what it was asked."""

    city: City
    party: str
    spec: planner.TripSpec
    itinerary: model.Itinerary
    seconds: float


def _start(index: int, days: int) -> date:
    if index % 9 == 0:  # every ninth destination starts on a holiday
        return HOLIDAY_STARTS[(index // 9) % len(HOLIDAY_STARTS)]
    return date(2027, 1, 4) + timedelta(days=(index * 37 + days * 11) % 360)


def build_plans() -> list[Plan]:
    """Every destination x stay length x party, with an origin on the long stays."""
    cities = []
    for destination in destinations():
        city = next(
            c for c in city_index().candidates(destination.name) if c.country == destination.country
        )
        cities.append(city)
    plans = []
    for index, city in enumerate(cities):
        origin = cities[(index + 17) % len(cities)]
        for days in STAYS:
            for party, extra in PARTIES.items():
                spec = planner.TripSpec(
                    stays=[planner.Stay(city, days)],
                    start=_start(index, days),
                    origin=origin if days > STAYS[0] else None,
                    **extra,
                )
                started = time.perf_counter()
                itinerary = planner.plan_trip(spec)
                plans.append(Plan(city, party, spec, itinerary, time.perf_counter() - started))
    return plans


def _minutes(segment: model.Segment) -> int:
    return segment.start.hour * 60 + segment.start.minute


def _journey_days(itinerary: model.Itinerary) -> set[date]:
    days = set()
    for s in itinerary.segments:
        if s.type in ("flight", "transfer"):
            days |= {s.start.date(), s.end.date()}
    return days


def _idle_day(items: list[model.Segment]) -> bool:
    """True when two consecutive items leave over MAX_IDLE minutes with no note between."""
    items = sorted(items, key=lambda s: s.start)
    for before, after in itertools.pairwise(items):
        if after.type == "transfer" and "day_trip" not in after.details:
            continue  # before a journey between cities: bags, the way to the station
        here, there = before.to or before.location, after.from_ or after.location
        travel = (
            travel_minutes(km_between(here.lat, here.lon, there.lat, there.lon))
            if here and there
            else 0
        )
        if (after.start - before.end).total_seconds() / 60 - travel > MAX_IDLE:
            return True
    return False


def _closed_visit(segment: model.Segment) -> bool:
    if segment.type != "activity" or segment.location is None:
        return False
    day = segment.start.date()
    if closed_for(segment.category or "", segment.location.country or "", day):
        return True
    start = _minutes(segment)
    end = start + int((segment.end - segment.start).total_seconds() // 60)
    hours = segment.details.get("hours")
    return bool(hours) and not any(o <= start and end <= c for o, c in open_intervals(hours, day))


def rhythm_section(plans: list[Plan]) -> list[str]:
    """Local rhythm, day trips, closures and who travels (issue 11, items 2-6)."""
    dinners = in_window = full_days = idle_days = 0
    long_stays = long_with_fit = long_with_trip = 0
    closed = nightlife_with_children = stairs_for_wheelchair = failing = notes = 0
    for plan in plans:
        it, spec = plan.itinerary, plan.spec
        country = it.destinations[0].country
        window = meal_windows(country, children=bool(spec.children))["dinner"]
        by_day: dict[date, list[model.Segment]] = {}
        for s in it.segments:
            if s.type == "meal" and s.details.get("meal") == "dinner":
                dinners += 1
                in_window += window[0] <= _minutes(s) <= window[1]
            notes += s.type == "note"
            if s.type in ("activity", "meal", "note", "transfer"):
                by_day.setdefault(s.start.date(), []).append(s)
            closed += _closed_visit(s)
            if spec.children and s.type == "activity":
                nightlife_with_children += s.category in ADULT_CATEGORIES or bool(
                    ADULT_TAGS & set(s.tags)
                )
            if spec.accessibility and s.details.get("access"):
                stairs_for_wheelchair += 1
        journeys = _journey_days(it)
        for day, items in by_day.items():
            if day not in journeys:
                full_days += 1
                idle_days += _idle_day(items)
        days = spec.stays[0].days
        if days >= MIN_STAY_DAYS:
            long_stays += 1
            if fitting_day_trips(places_for(plan.city), spec):
                long_with_fit += 1
                long_with_trip += any(s.category == "day_trip" for s in it.segments)
        failing += bool(checks.check_itinerary(it, date(2026, 11, 24)))

    def share(part: int, whole: int) -> str:
        return f"{part}/{whole} = {100 * part / max(1, whole):.1f}%"

    return [
        f"plans: {len(plans)} ({len({p.city.name for p in plans})} destinations, "
        f"stays of {' and '.join(map(str, STAYS))} days, {len(PARTIES)} parties)",
        f"dinners in the country's dinner window:        {share(in_window, dinners)}"
        "   (target >= 95%)",
        f"full days with an idle gap over two hours:     {share(idle_days, full_days)}"
        "   (target <= 2%)",
        f"stays of {MIN_STAY_DAYS}+ days with a fitting day trip that got one: "
        f"{share(long_with_trip, long_with_fit)}   (target >= 80%; "
        f"{long_stays - long_with_fit} of {long_stays} have none that fits)",
        f"visits on a closed day:                        {closed}   (target 0)",
        f"nightlife or bars in plans with children:      {nightlife_with_children}   (target 0)",
        f"stairs or steep walks for a wheelchair:        {stairs_for_wheelchair}   (target 0)",
        f"gaps shown as a rest at the hotel or free time: {notes} "
        f"({notes / max(1, full_days):.2f} a full day)",
        f"plans whose checks find a problem:             {share(failing, len(plans))}",
    ]


def latency_section(plans: list[Plan]) -> list[str]:
    """The planner alone over these plans, and a whole 7-day plan turn."""
    from tripdesigner_kernel.kernel import KernelState

    state = KernelState()
    state.settings.today = "2026-11-24"
    state.new_session()
    state.chat(LATENCY_MESSAGE)  # warm-up: loads the knowledge
    turns = []
    for _ in range(LATENCY_RUNS):
        state.new_session()
        started = time.perf_counter()
        state.chat(LATENCY_MESSAGE)
        turns.append(time.perf_counter() - started)
    week = [p.seconds for p in plans if p.spec.stays[0].days == STAYS[-1]]
    return [
        f"planner alone, {STAYS[-1]}-day plan, median: {1000 * statistics.median(week):6.1f} ms",
        f"7-day plan turn, median:            {1000 * statistics.median(turns):6.1f} ms"
        "   (target <= 50 ms)",
    ]


SECTIONS: list[Callable[[list[Plan]], list[str]]] = [rhythm_section, legs_section, latency_section]


def main() -> None:
    plans = build_plans()
    for section in SECTIONS:
        print(f"## {(section.__doc__ or section.__name__).splitlines()[0]}")
        for line in section(plans):
            print(line)
        print()


if __name__ == "__main__":
    main()
