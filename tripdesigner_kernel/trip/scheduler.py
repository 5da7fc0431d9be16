"""Order one day exactly: visits in their opening hours, meals in their windows, travel between.

For the few visits of a day, every order is tried (at most 4! x splits); the
feasible timeline with the least travel and idle time wins. Deterministic.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from tripdesigner_kernel.knowledge.geo import km_between, travel_minutes
from tripdesigner_kernel.knowledge.hours import open_intervals
from tripdesigner_kernel.knowledge.places import Place

LUNCH_WINDOW = (12 * 60, 14 * 60)  # a lunch starts in this window
DINNER_WINDOW = (18 * 60 + 30, 20 * 60 + 30)
MEAL_MINUTES = {"lunch": 60, "dinner": 90}
MAX_WAIT = 45  # minutes one may wait for a place to open
DAY_END = 22 * 60 + 30


@dataclass(frozen=True)
class Stop:
    """A scheduled item: a place (visit or meal) between two times, minutes from midnight."""

    place: Place
    start: int
    end: int
    kind: str  # "activity", "lunch", "dinner"
    travel_before: int


def fits_hours(place: Place, weekday: int, start: int, end: int) -> bool:
    """True when the place is open for the whole visit."""
    return any(o <= start and end <= c for o, c in open_intervals(place.hours, weekday))


def earliest_start(
    place: Place, weekday: int, arrive: int, minutes: int, max_wait: int = MAX_WAIT
) -> int | None:
    """The first time at or after ``arrive`` (waiting at most ``max_wait``) to stay ``minutes``."""
    for opens, closes in open_intervals(place.hours, weekday):
        start = max(arrive, opens)
        if start - arrive <= max_wait and start + minutes <= closes:
            return start
    return None


def meal_start(place: Place, weekday: int, at: int, meal: str) -> int | None:
    """When ``meal`` can start at ``place``: at ``at`` or later, but inside the meal's window."""
    window = LUNCH_WINDOW if meal == "lunch" else DINNER_WINDOW
    arrive = max(at, window[0])
    start = earliest_start(place, weekday, arrive, MEAL_MINUTES[meal], window[1] - arrive)
    return start if start is not None and start <= window[1] else None


@dataclass
class DayPlan:
    stops: list[Stop]
    cost: int  # travel + idle minutes


# (meal, lat, lon, weekday, earliest start, names to avoid) -> a place, or None
MealPicker = Callable[[str, float, float, int, int, set[str]], "Place | None"]


def _walk(
    sequence: Sequence[Place | str],
    weekday: int,
    start_at: int,
    start_pos: tuple[float, float],
    pick_meal: MealPicker,
    day_end: int,
) -> DayPlan | None:
    """Lay out ``sequence`` (places and "lunch"/"dinner" markers) from ``start_at``."""
    now, (lat, lon) = start_at, start_pos
    stops: list[Stop] = []
    # A market that serves lunch must not be both the morning's visit and lunch.
    chosen = {item.name for item in sequence if isinstance(item, Place)}
    cost = 0
    for index, item in enumerate(sequence):
        if isinstance(item, str):  # a meal: pick a place near here, open in its window
            window = LUNCH_WINDOW if item == "lunch" else DINNER_WINDOW
            following = sequence[index + 1] if index + 1 < len(sequence) else None
            near = (following.lat, following.lon) if isinstance(following, Place) else (lat, lon)
            mid = ((lat + near[0]) / 2, (lon + near[1]) / 2)
            place = pick_meal(item, mid[0], mid[1], weekday, max(now, window[0]), chosen)
            if place is None:
                return None
            chosen.add(place.name)
            minutes = MEAL_MINUTES[item]
        else:
            place, minutes, window = item, item.minutes, (0, day_end)
        travel = travel_minutes(km_between(lat, lon, place.lat, place.lon))
        arrive = max(now + travel, window[0])
        if isinstance(item, str):
            start = meal_start(place, weekday, arrive, item)
        else:
            start = earliest_start(place, weekday, arrive, minutes)
        if start is None or start > window[1] or start + minutes > day_end:
            return None
        idle = start - now - travel
        # A late start costs double: a free afternoon is rest, a lost morning is not.
        cost += travel + (idle * 2 if not stops else idle)
        kind = item if isinstance(item, str) else "activity"
        stops.append(Stop(place, start, start + minutes, kind, travel))
        now, lat, lon = start + minutes, place.lat, place.lon
    return DayPlan(stops, cost)


def schedule_day(
    visits: Sequence[Place],
    weekday: int,
    start_at: int,
    start_pos: tuple[float, float],
    pick_meal: MealPicker,
    meals: Sequence[str] = ("lunch", "dinner"),
    evening: Place | None = None,
    day_end: int | None = None,
) -> DayPlan | None:
    """The best feasible timeline for ``visits`` with the given meals, or None."""
    end = DAY_END if day_end is None else day_end
    best: DayPlan | None = None
    count = len(visits)
    for order in itertools.permutations(visits):
        splits = range(count + 1) if "lunch" in meals else [count]
        for split in splits:
            sequence: list[Place | str] = list(order[:split])
            if "lunch" in meals:
                sequence.append("lunch")
            sequence += list(order[split:])
            if "dinner" in meals:
                sequence.append("dinner")
            if evening is not None:
                sequence.append(evening)
            plan = _walk(sequence, weekday, start_at, start_pos, pick_meal, end)
            if plan is not None and (best is None or plan.cost < best.cost):
                best = plan
    return best
