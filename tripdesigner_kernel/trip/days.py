"""Choosing and scheduling the days of one stay: places by interest and proximity, meals
near the route, an evening out when asked for. Deterministic."""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from datetime import date

from tripdesigner_kernel.knowledge.geo import km_between
from tripdesigner_kernel.knowledge.hours import open_intervals
from tripdesigner_kernel.knowledge.places import CityPlaces, Place, StayArea
from tripdesigner_kernel.knowledge.taxonomy import matches_interest
from tripdesigner_kernel.trip.scheduler import MEAL_MINUTES, DayPlan, meal_start, schedule_day
from tripdesigner_kernel.trip.spec import TripSpec

VISITS_PER_DAY = {"relaxed": 2, "moderate": 3, "packed": 4}
DAY_START = {"relaxed": 9 * 60 + 30, "moderate": 9 * 60, "packed": 8 * 60 + 30}
MEAL_LEVEL_TARGET = {"budget": 1.0, "moderate": 2.0, "luxury": 3.5}
MEAL_LEVELS = {"budget": {0, 1, 2}, "moderate": {1, 2, 3}, "luxury": {2, 3, 4}}
EVENING_INTERESTS = {"nightlife", "beer", "wine", "cocktails", "live music"}
SEARCH_ATTEMPTS = 12
NOON = 12 * 60
LOCAL_EATERY_HOURS = "Mo-Su 11:30-15:00,18:00-23:00"
AVOIDED_PENALTY = 20.0  # "less museums": below every other place, used only if all else is
VEGETARIAN_PREFERENCE_KM = 2.0  # a vegetarian place is worth this much of a detour


class CityPlanner:
    """Chooses and schedules the days of one stay, sharing the trip's 'used' set."""

    def __init__(self, spec: TripSpec, places: CityPlaces, used: set[str]) -> None:
        self.spec, self.places, self.used = spec, places, used
        self.meat_free = bool({"vegetarian", "vegan"} & set(spec.dietary))
        # Places pinned to some day are kept for that day, never taken by another.
        self.reserved = {name for names in spec.pinned.values() for name in names}
        self._meal_memo: dict[tuple[object, ...], Place | None] = {}
        self._eatery_memo: dict[tuple[str, int], tuple[Place, ...]] = {}
        interests = spec.interests
        ranked = []
        count = len(places.activities)
        for index, place in enumerate(places.activities):
            if place.category in ("day_trip", "nightlife") or place.name in spec.exclude:
                continue
            score = 3.0 * (count - index) / count  # curators list the best-known first
            if matches_interest(place.category, place.tags, interests):
                score += 10.0
            if spec.avoid and matches_interest(place.category, place.tags, spec.avoid):
                score -= AVOIDED_PENALTY
            if spec.level == "budget" and place.price_level >= 3:
                score -= 3.0
            if spec.frugal:
                score -= 2.0 * place.price_level
            ranked.append((score, place))
        ranked.sort(key=lambda pair: -pair[0])
        self.ranked = _interleave([place for _, place in ranked], interests)
        # Rank by position: earlier in the interleaved list is better.
        count = max(1, len(self.ranked))
        self.score = {p.name: 13.0 * (count - i) / count for i, p in enumerate(self.ranked)}

    # Meals -------------------------------------------------------------------------

    def pick_meal(
        self, meal: str, lat: float, lon: float, weekday: int, at: int, avoid: set[str]
    ) -> Place | None:
        """The nearest fitting place for ``meal`` at ``at`` minutes, not yet used.

        Memoised: the scheduler asks the same question for many orders of a day.
        """
        key = (meal, round(lat, 4), round(lon, 4), weekday, at, frozenset(avoid), len(self.used))
        if key not in self._meal_memo:
            self._meal_memo[key] = self._pick_meal(meal, lat, lon, weekday, at, avoid)
        return self._meal_memo[key]

    def _open_eateries(self, meal: str, weekday: int) -> tuple[Place, ...]:
        """Places serving ``meal`` that can fit it in its window that weekday."""
        key = (meal, weekday)
        if key not in self._eatery_memo:
            self._eatery_memo[key] = tuple(
                p for p in self.places.eateries(meal) if meal_start(p, weekday, 0, meal) is not None
            )
        return self._eatery_memo[key]

    def _pick_meal(
        self, meal: str, lat: float, lon: float, weekday: int, at: int, avoid: set[str]
    ) -> Place | None:
        # A long stay can use up the places at the trip's level: then any level, and
        # past the curated list, an honest "local restaurant" rather than a day lost.
        levels = MEAL_LEVELS[self.spec.level]
        return (
            self._nearest_eatery(meal, lat, lon, weekday, at, avoid, levels)
            or self._nearest_eatery(meal, lat, lon, weekday, at, avoid, None)
            or self._local_eatery(meal, lat, lon, avoid)
        )

    def _nearest_eatery(
        self,
        meal: str,
        lat: float,
        lon: float,
        weekday: int,
        at: int,
        avoid: set[str],
        levels: set[int] | None,
    ) -> Place | None:
        target = MEAL_LEVEL_TARGET[self.spec.level]
        best, best_cost = None, math.inf
        for place in self._open_eateries(meal, weekday):
            if place.name in self.used or place.name in avoid or place.name in self.spec.exclude:
                continue
            if levels is not None and place.price_level not in levels and place.price_level != 0:
                continue
            if meal_start(place, weekday, at, meal) is None:
                continue
            cost = (
                km_between(lat, lon, place.lat, place.lon) + abs(place.price_level - target) * 0.7
            )
            if self.meat_free and "vegetarian" in place.tags:
                cost -= VEGETARIAN_PREFERENCE_KM
            if cost < best_cost:
                best, best_cost = place, cost
        return best

    def _local_eatery(self, meal: str, lat: float, lon: float, avoid: set[str]) -> Place:
        """A well-reviewed local place of the person's choosing, where the route passes."""
        # Named by the nearest landmark not yet used for one, so a person can find it.
        taken = self.used | avoid
        by_distance = sorted(self.places.places, key=lambda p: km_between(lat, lon, p.lat, p.lon))
        near = next(
            (p for p in by_distance if f"Local {meal} spot near {p.name}" not in taken),
            by_distance[0],
        )
        name = f"Local {meal} spot near {near.name}"
        while name in taken:
            name += " (another)"
        return Place(
            name,
            "restaurant",
            ("local cuisine", "food"),
            round(lat, 5),
            round(lon, 5),
            MEAL_MINUTES[meal],
            LOCAL_EATERY_HOURS,
            round(MEAL_LEVEL_TARGET[self.spec.level]),
            self._typical_meal_price(meal),
            near.neighbourhood,
            f"Your pick: a well-reviewed local restaurant near {near.name}.",
            (meal,),
        )

    def _typical_meal_price(self, meal: str) -> float:
        """The median price of ``meal`` at the trip's level in this city."""
        levels = MEAL_LEVELS[self.spec.level]
        prices = sorted(p.price for p in self.places.eateries(meal) if p.price_level in levels)
        prices = prices or sorted(p.price for p in self.places.eateries(meal))
        return prices[len(prices) // 2] if prices else 0.0

    def pick_evening(self, lat: float, lon: float, filler: bool = False) -> Place | None:
        """A bar or show after dinner: when asked for, or to fill a day short of visits."""
        wanted = [i for i in self.spec.interests if i in EVENING_INTERESTS]
        if not wanted and self.spec.pace != "packed" and not filler:
            return None
        options = [
            p
            for p in self.places.activities
            if p.category == "nightlife"
            and p.name not in self.used
            and p.name not in self.spec.exclude
        ]
        options.sort(
            key=lambda p: (
                not matches_interest(p.category, p.tags, wanted),
                km_between(lat, lon, p.lat, p.lon),
            )
        )
        return options[0] if options else None

    # Days --------------------------------------------------------------------------

    def _candidates(self, count: int, weekday: int) -> list[Place]:
        """The best free place open that day, then places near it, best first."""
        free = [
            p
            for p in self.ranked
            if p.name not in self.used
            and p.name not in self.reserved
            and any(c - o >= p.minutes for o, c in open_intervals(p.hours, weekday))
        ]
        if not free:
            return []
        seed = free[0]
        rest = sorted(
            free[1:40],
            key=lambda p: km_between(seed.lat, seed.lon, p.lat, p.lon) * 1.2 - self.score[p.name],
        )
        return [seed, *rest[: count * 3]]

    def plan_day(
        self,
        day: date,
        start_at: int,
        start_pos: tuple[float, float],
        visits: int,
        meals: Sequence[str],
        day_end: int | None = None,
        pinned: Sequence[str] = (),
        short: bool = False,
    ) -> DayPlan | None:
        """Choose ``visits`` places and schedule them; tries alternatives when hours clash.

        ``pinned`` places (kept from the plan being edited) come first when they still fit.
        ``short``: fewer visits than asked fit, so an evening out makes up the day.
        """
        weekday = day.weekday()
        by_name = {p.name: p for p in self.ranked}
        keep = [by_name[n] for n in pinned if n in by_name and n not in self.used]
        pool = self._candidates(visits, weekday)
        if keep:
            pool = keep + [p for p in pool if p not in keep]
            plan = schedule_day(
                pool[: max(visits, len(keep))],
                weekday,
                start_at,
                start_pos,
                self.pick_meal,
                meals,
                None,
                day_end,
            )
            if plan is not None:
                return self._take(plan)
        options = itertools.combinations(pool[: visits + 4], visits)
        lazy: DayPlan | None = None
        for chosen in itertools.islice(options, SEARCH_ATTEMPTS):
            evening = None
            if "dinner" in meals:
                last = chosen[-1] if chosen else None
                evening = self.pick_evening(last.lat, last.lon, short) if last else None
            plan = schedule_day(
                chosen, weekday, start_at, start_pos, self.pick_meal, meals, evening, day_end
            )
            if plan is None and evening is not None:
                plan = schedule_day(
                    chosen, weekday, start_at, start_pos, self.pick_meal, meals, None, day_end
                )
            if plan is not None and (
                not plan.stops or plan.stops[0].kind == "activity" or start_at >= NOON
            ):
                return self._take(plan)
            # A day that starts with lunch loses its morning: keep looking, keep this one.
            lazy = lazy or plan
        if lazy is not None:
            return self._take(lazy)
        if visits > 0:  # a day where nothing fits: fewer visits rather than none
            return self.plan_day(day, start_at, start_pos, visits - 1, meals, day_end, short=True)
        return None

    def visits_per_day(self, days: int) -> int:
        """The pace's visits a day, fewer on a long stay so the places last (at least two)."""
        wanted = VISITS_PER_DAY.get(self.spec.pace, 3)
        return max(2, min(wanted, len(self.ranked) // max(1, days)))

    def _take(self, plan: DayPlan) -> DayPlan:
        for stop in plan.stops:
            self.used.add(stop.place.name)
        return plan

    def stay_area(self) -> StayArea:
        """The stay area nearest to the best-ranked places (cheaper on ties)."""
        top = self.ranked[:8] or list(self.places.activities[:8])
        lat = sum(p.lat for p in top) / len(top)
        lon = sum(p.lon for p in top) / len(top)
        return min(
            self.places.stay_areas,
            key=lambda a: (round(km_between(lat, lon, a.lat, a.lon), 1), a.price(self.spec.level)),
        )


def _interleave(ranked: list[Place], interests: list[str]) -> list[Place]:
    """Take turns between the interests, so "architecture and beaches" gets both."""
    if len(interests) < 2:
        return ranked
    groups = [[p for p in ranked if matches_interest(p.category, p.tags, [i])] for i in interests]
    merged: list[Place] = []
    seen: set[str] = set()
    while any(groups):
        for group in groups:
            while group and group[0].name in seen:
                group.pop(0)
            if group:
                place = group.pop(0)
                seen.add(place.name)
                merged.append(place)
    return merged + [p for p in ranked if p.name not in seen]
