"""Order one day exactly: visits in their opening hours, meals in their windows, travel between.

For the few visits of a day, every order is tried (at most 4! x splits); the
feasible timeline with the least travel and idle time wins. Deterministic.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

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


class _At(NamedTuple):
    """Where a timeline being laid out stands: the time (minutes), the place (lat, lon), its
    travel and idle cost so far (minutes), and the names it has taken."""

    now: int
    pos: tuple[float, float]
    cost: int
    chosen: frozenset[str]


class _Search:
    """Depth-first search over the orders of a day, sharing each order's common start.

    Every order of the visits, with lunch before any of them, is a leaf; the orders are
    ranked as ``itertools.permutations`` lists them, lunch earliest first, and on equal cost
    the first in that ranking wins, so the result does not depend on how the tree is walked.
    A branch is cut once its travel and idle time exceed the best timeline found: both only
    grow along a day.
    """

    def __init__(
        self,
        visits: Sequence[Place],
        day: date,
        pick_meal: MealPicker,
        meals: Sequence[str],
        evening: Place | None,
        day_end: int,
        windows: MealWindows,
    ) -> None:
        self.visits, self.day, self.pick_meal = visits, day, pick_meal
        self.day_end, self.windows = day_end, windows
        self.lunch = "lunch" in meals
        self.tail: list[Place | str] = ["dinner"] if "dinner" in meals else []
        if evening is not None:
            self.tail.append(evening)
        self.splits = len(visits) + 1 if self.lunch else 1
        self.best: tuple[int, int, list[Stop]] | None = None  # cost, rank, stops

    def run(self, start_at: int, start_pos: tuple[float, float]) -> DayPlan | None:
        # A market that serves lunch must not be both the morning's visit and lunch.
        places = [*self.visits, *(p for p in self.tail if isinstance(p, Place))]
        at = _At(start_at, start_pos, 0, frozenset(p.name for p in places))
        self._grow(at, [], tuple(range(len(self.visits))), 0, None)
        return DayPlan(self.best[2], self.best[0]) if self.best is not None else None

    def _grow(
        self,
        at: _At,
        stops: list[Stop],
        remaining: tuple[int, ...],
        rank: int,
        lunch_at: int | None,
    ) -> None:
        """Extend the timeline ``stops`` by each possible next item."""
        if self.best is not None and at.cost > self.best[0]:
            return
        lunch_due = self.lunch and lunch_at is None
        if not remaining:
            if lunch_due:
                after = self._step("lunch", self.tail[0] if self.tail else None, at, stops)
                if after is None:
                    return
                at, lunch_at = after, len(self.visits)
            self._finish(at, stops, rank, lunch_at or 0)
            return
        width = _FACTORIALS[len(remaining) - 1]
        # Nearest first: a good day found early cuts more branches. The ranking, not the
        # order of the walk, settles ties.
        lat, lon = at.pos
        nearest_first = sorted(
            enumerate(remaining),
            key=lambda pair: (
                (self.visits[pair[1]].lat - lat) ** 2 + (self.visits[pair[1]].lon - lon) ** 2
            ),
        )
        for position, index in nearest_first:
            place = self.visits[index]
            rest = remaining[:position] + remaining[position + 1 :]
            below = rank + position * width
            depth = len(stops)
            # Lunch just before this visit: the ranking puts it first.
            if lunch_due:
                fed = self._step("lunch", place, at, stops)
                if fed is not None:
                    self._visit(place, fed, stops, rest, below, len(self.visits) - len(remaining))
                    del stops[depth:]
            self._visit(place, at, stops, rest, below, lunch_at)
            del stops[depth:]

    def _visit(
        self,
        place: Place,
        at: _At,
        stops: list[Stop],
        rest: tuple[int, ...],
        rank: int,
        lunch_at: int | None,
    ) -> None:
        after = self._step(place, None, at, stops)
        if after is not None:
            self._grow(after, stops, rest, rank, lunch_at)

    def _finish(self, at: _At, stops: list[Stop], rank: int, lunch_at: int) -> None:
        """Dinner and the evening out close the day; keep the timeline if it is the best."""
        depth = len(stops)
        for index, item in enumerate(self.tail):
            following = self.tail[index + 1] if index + 1 < len(self.tail) else None
            after = self._step(item, following, at, stops)
            if after is None:
                del stops[depth:]
                return
            at = after
        leaf = rank * self.splits + (lunch_at if self.lunch else 0)
        if self.best is None or (at.cost, leaf) < self.best[:2]:
            self.best = (at.cost, leaf, list(stops))
        del stops[depth:]

    def _step(
        self, item: Place | str, following: Place | str | None, at: _At, stops: list[Stop]
    ) -> _At | None:
        """Append ``item`` (a place, or a meal picked near the way to ``following``) to
        ``stops``; where the timeline then stands, or None when it does not fit."""
        (lat, lon), chosen = at.pos, at.chosen
        if isinstance(item, str):  # a meal: pick a place near here, open in its window
            window = self.windows[item]
            near = (following.lat, following.lon) if isinstance(following, Place) else at.pos
            mid = ((lat + near[0]) / 2, (lon + near[1]) / 2)
            earliest = max(at.now, window[0])
            place = self.pick_meal(item, mid[0], mid[1], self.day, earliest, set(chosen))
            if place is None:
                return None
            chosen = chosen | {place.name}
            minutes = MEAL_MINUTES[item]
        else:
            place, minutes, window = item, item.minutes, (0, self.day_end)
        travel = travel_minutes(km_between(lat, lon, place.lat, place.lon))
        arrive = max(at.now + travel, window[0])
        if isinstance(item, str):
            start = meal_start(place, self.day, arrive, item, self.windows)
        else:
            start = earliest_start(place, self.day, arrive, minutes)
        if start is None or start > window[1] or start + minutes > self.day_end:
            return None
        idle = start - at.now - travel
        # A late start costs double: a free afternoon is rest, a lost morning is not.
        cost = at.cost + travel + (idle * 2 if not stops else idle)
        kind = item if isinstance(item, str) else "activity"
        stops.append(Stop(place, start, start + minutes, kind, travel))
        return _At(start + minutes, (place.lat, place.lon), cost, chosen)


_FACTORIALS = [math.factorial(n) for n in range(12)]


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

    Every order of the visits is tried, with lunch before any of them; the one with the
    least travel and idle time (minutes) wins. ``windows``: when each meal starts (the
    country's, see knowledge/meal_times.py).
    """
    end = day_end_for(windows) if day_end is None else day_end
    search = _Search(visits, day, pick_meal, meals, evening, end, windows)
    return search.run(start_at, start_pos)
