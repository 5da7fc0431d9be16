"""Wishes for single days of a trip, said in follow-ups: a free day ("I'll just rest on day
4"), a lighter day, a later start, meals at other times ("dinner around 6 every day").

``TripSpec.day_wishes`` maps a day number (0: every day) to its wishes, as plain JSON:
``free`` (bool), ``visits`` (most visits that day), ``start`` ("HH:MM", when the day
starts), ``lunch`` / ``dinner`` ("HH:MM-HH:MM", when the meal may start). A day's own
wishes win over those for every day.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any

from tripdesigner_kernel.trip.days import CityPlanner
from tripdesigner_kernel.trip.gaps import FREE_KIND
from tripdesigner_kernel.trip.scheduler import Stop
from tripdesigner_kernel.trip.spec import TripSpec

FREE_DAY_END = 18 * 60  # a free day's note runs until dinner, or until then
MEALS = ("lunch", "dinner")


def minutes(clock: str) -> int:
    """ "HH:MM" -> minutes from midnight."""
    hours, _, mins = clock.partition(":")
    return int(hours) * 60 + int(mins or 0)


@dataclass
class DayWish:
    """What one day should be: see the module docstring (times in minutes)."""

    free: bool = False
    visits: int | None = None
    start: int | None = None
    meals: dict[str, tuple[int, int]] = field(default_factory=dict)


def wish_for(spec: TripSpec, day_number: int) -> DayWish:
    """The wishes for day ``day_number``: its own over those for every day."""
    said: dict[str, Any] = {**spec.day_wishes.get(0, {}), **spec.day_wishes.get(day_number, {})}
    meals = {}
    for meal in MEALS:
        if said.get(meal):
            first, _, last = str(said[meal]).partition("-")
            meals[meal] = (minutes(first), minutes(last or first))
    return DayWish(
        free=bool(said.get("free")),
        visits=int(said["visits"]) if said.get("visits") is not None else None,
        start=minutes(str(said["start"])) if said.get("start") else None,
        meals=meals,
    )


def wished_visits(wish: DayWish, visits: int) -> int:
    """A day's visits under its wishes: none on a free day, at most those wished."""
    if wish.free:
        return 0
    return visits if wish.visits is None else min(visits, wish.visits)


@contextmanager
def wished(planner: CityPlanner, wish: DayWish) -> Iterator[None]:
    """Plan one day with its meal times, and no spare place added to a free or lighter day."""
    windows, spare = planner.meals.windows, planner.spare
    held = wish.free or wish.visits is not None
    if wish.meals:
        planner.meals.windows = {**windows, **wish.meals}
    if held:
        planner.spare = 0
    try:
        yield
    finally:
        planner.meals.windows = windows
        if held:  # the spare places this day did not take are still the stay's
            planner.spare = spare


def free_day(stops: list[Stop], planner: CityPlanner, start_at: int) -> list[Stop]:
    """A free day's stops: its meals, after a note that the day is free (no visits)."""
    meals = [s for s in stops if s.kind in MEALS]
    until = next((s.start - s.travel_before for s in meals if s.start > start_at), FREE_DAY_END)
    note = replace(
        planner.hotel,
        name="Free day: nothing planned",
        category=FREE_KIND,
        description="A day to rest or wander at your own pace; no visits planned.",
        minutes=0,
        price=0,
    )
    return [Stop(note, start_at, max(until, start_at + 60), FREE_KIND, 0), *meals]
