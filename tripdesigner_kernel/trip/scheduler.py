"""Order one day exactly: visits in their opening hours, meals in their windows, travel between.

For the few visits of a day, every order is tried (at most 4! x splits); the
feasible timeline with the least travel and idle time wins. Deterministic.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from tripdesigner_kernel.knowledge.geo import km_between, travel_minutes
from tripdesigner_kernel.knowledge.meal_times import MEAL_MINUTES, Window, meal_windows
from tripdesigner_kernel.knowledge.opening import open_on
from tripdesigner_kernel.knowledge.places import Place

MealWindows = Mapping[str, Window]  # meal -> (earliest, latest start), minutes
DEFAULT_WINDOWS: MealWindows = meal_windows("")
MAX_WAIT = 45  # minutes one may wait for a place to open
DAY_END = 22 * 60 + 30
EVENING_AFTER_DINNER = 60  # a late dinner may push the day's end this far past its finish


def day_end_for(windows: MealWindows) -> int:
    """The latest a day's last item may end: later where dinner is late."""
    latest_dinner_end = windows["dinner"][1] + MEAL_MINUTES["dinner"]
    return max(DAY_END, latest_dinner_end + EVENING_AFTER_DINNER)


@dataclass(frozen=True)
class Stop:
    """A scheduled item: a place (visit or meal) between two times, minutes from midnight."""

    place: Place
    start: int
    end: int
    kind: str  # "activity", "lunch", "dinner"
    travel_before: int


def fits_hours(place: Place, day: date, start: int, end: int) -> bool:
    """True when the place is open for the whole visit on ``day``."""
    return any(o <= start and end <= c for o, c in open_on(place, day))


def earliest_start(
    place: Place, day: date, arrive: int, minutes: int, max_wait: int = MAX_WAIT
) -> int | None:
    """The first time at or after ``arrive`` (waiting at most ``max_wait``) to stay ``minutes``."""
    for opens, closes in open_on(place, day):
        start = max(arrive, opens)
        if start - arrive <= max_wait and start + minutes <= closes:
            return start
    return None


def meal_start(
    place: Place, day: date, at: int, meal: str, windows: MealWindows = DEFAULT_WINDOWS
) -> int | None:
    """When ``meal`` can start at ``place``: at ``at`` or later, but inside the meal's window."""
    window = windows[meal]
    arrive = max(at, window[0])
    start = earliest_start(place, day, arrive, MEAL_MINUTES[meal], window[1] - arrive)
    return start if start is not None and start <= window[1] else None


@dataclass
class DayPlan:
    stops: list[Stop]
    cost: int  # travel + idle minutes


# (meal, lat, lon, date, earliest start, names to avoid) -> a place, or None
MealPicker = Callable[[str, float, float, date, int, set[str]], "Place | None"]


def _walk(
    sequence: Sequence[Place | str],
    day: date,
    start_at: int,
    start_pos: tuple[float, float],
    pick_meal: MealPicker,
    day_end: int,
    windows: MealWindows,
) -> DayPlan | None:
    """Lay out ``sequence`` (places and "lunch"/"dinner" markers) from ``start_at``."""
    now, (lat, lon) = start_at, start_pos
    stops: list[Stop] = []
    # A market that serves lunch must not be both the morning's visit and lunch.
    chosen = {item.name for item in sequence if isinstance(item, Place)}
    cost = 0
    for index, item in enumerate(sequence):
        if isinstance(item, str):  # a meal: pick a place near here, open in its window
            window = windows[item]
            following = sequence[index + 1] if index + 1 < len(sequence) else None
            near = (following.lat, following.lon) if isinstance(following, Place) else (lat, lon)
            mid = ((lat + near[0]) / 2, (lon + near[1]) / 2)
            place = pick_meal(item, mid[0], mid[1], day, max(now, window[0]), chosen)
            if place is None:
                return None
            chosen.add(place.name)
            minutes = MEAL_MINUTES[item]
        else:
            place, minutes, window = item, item.minutes, (0, day_end)
        travel = travel_minutes(km_between(lat, lon, place.lat, place.lon))
        arrive = max(now + travel, window[0])
        if isinstance(item, str):
            start = meal_start(place, day, arrive, item, windows)
        else:
            start = earliest_start(place, day, arrive, minutes)
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
    day: date,
    start_at: int,
    start_pos: tuple[float, float],
    pick_meal: MealPicker,
    meals: Sequence[str] = ("lunch", "dinner"),
    evening: Place | None = None,
    day_end: int | None = None,
    windows: MealWindows = DEFAULT_WINDOWS,
) -> DayPlan | None:
    """The best feasible timeline for ``visits`` on ``day`` with the given meals, or None.

    ``windows``: when each meal starts (the country's, see knowledge/meal_times.py).
    """
    end = day_end_for(windows) if day_end is None else day_end
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
            plan = _walk(sequence, day, start_at, start_pos, pick_meal, end, windows)
            if plan is not None and (best is None or plan.cost < best.cost):
                best = plan
    return best
