"""Meals along a day's route: the nearest open place at the trip's level, in the country's
meal window, fitting the party's diet where our data can tell."""

from __future__ import annotations

import math
from datetime import date

from tripdesigner_kernel.knowledge.geo import km_between
from tripdesigner_kernel.knowledge.meal_times import MEAL_MINUTES, meal_windows
from tripdesigner_kernel.knowledge.places import CityPlaces, Place
from tripdesigner_kernel.knowledge.taxonomy import matches_interest
from tripdesigner_kernel.trip.scheduler import MealWindows, meal_start
from tripdesigner_kernel.trip.spec import TripSpec

MEAL_LEVEL_TARGET = {"budget": 1.0, "moderate": 2.0, "luxury": 3.5}
MEAL_LEVELS = {"budget": {0, 1, 2}, "moderate": {1, 2, 3}, "luxury": {2, 3, 4}}
LOCAL_EATERY_HOURS = "Mo-Su 11:30-15:00,18:00-23:00"
VEGETARIAN_PREFERENCE_KM = 2.0  # a vegetarian place is worth this much of a detour
INTEREST_PREFERENCE_KM = 1.5  # so is one the person asked for (a Viennese coffee house)


def windows_for(spec: TripSpec, country: str) -> MealWindows:
    """The meal windows of ``country``, dinner early when children travel."""
    return meal_windows(country, children=bool(spec.children))


class MealChooser:
    """Picks each meal of a stay; shares the trip's 'used' set with the day planner."""

    def __init__(self, spec: TripSpec, places: CityPlaces, used: set[str]) -> None:
        self.spec, self.places, self.used = spec, places, used
        self.windows = windows_for(spec, places.country)
        self.meat_free = bool({"vegetarian", "vegan"} & set(spec.dietary))
        self._meal_memo: dict[tuple[object, ...], Place | None] = {}
        self._eatery_memo: dict[tuple[str, date], tuple[Place, ...]] = {}
        self._preferences: dict[str, float] = {}  # place name -> km, see _preference

    def pick_meal(
        self, meal: str, lat: float, lon: float, day: date, at: int, avoid: set[str]
    ) -> Place | None:
        """The nearest fitting place for ``meal`` at ``at`` minutes, not yet used.

        Memoised: the scheduler asks the same question for many orders of a day.
        """
        key = (meal, round(lat, 4), round(lon, 4), day, at, frozenset(avoid), len(self.used))
        if key not in self._meal_memo:
            self._meal_memo[key] = self._pick_meal(meal, lat, lon, day, at, avoid)
        return self._meal_memo[key]

    def _open_eateries(self, meal: str, day: date) -> tuple[Place, ...]:
        """Places serving ``meal`` that can fit it in its window that day."""
        key = (meal, day)
        if key not in self._eatery_memo:
            self._eatery_memo[key] = tuple(
                p
                for p in self.places.eateries(meal)
                if meal_start(p, day, 0, meal, self.windows) is not None
            )
        return self._eatery_memo[key]

    def _pick_meal(
        self, meal: str, lat: float, lon: float, day: date, at: int, avoid: set[str]
    ) -> Place | None:
        # A long stay can use up the places at the trip's level: then any level, and
        # past the curated list, an honest "local restaurant" rather than a day lost.
        levels = MEAL_LEVELS[self.spec.level]
        return (
            self._nearest_eatery(meal, lat, lon, day, at, avoid, levels)
            or self._nearest_eatery(meal, lat, lon, day, at, avoid, None)
            or self._local_eatery(meal, lat, lon, avoid)
        )

    def _nearest_eatery(
        self,
        meal: str,
        lat: float,
        lon: float,
        day: date,
        at: int,
        avoid: set[str],
        levels: set[int] | None,
    ) -> Place | None:
        best, best_cost = None, math.inf
        for place in self._open_eateries(meal, day):
            if place.name in self.used or place.name in avoid or place.name in self.spec.exclude:
                continue
            if levels is not None and place.price_level not in levels and place.price_level != 0:
                continue
            cost = km_between(lat, lon, place.lat, place.lon) + self._preference(place)
            # Whether it can serve at ``at`` is asked last: it is the dearer question.
            if cost < best_cost and meal_start(place, day, at, meal, self.windows) is not None:
                best, best_cost = place, cost
        return best

    def _preference(self, place: Place) -> float:
        """What choosing ``place`` costs beside the way there, in km: off the trip's level
        costs, a vegetarian place for a meat-free party or one the person asked for saves."""
        cost = self._preferences.get(place.name)
        if cost is None:
            cost = abs(place.price_level - MEAL_LEVEL_TARGET[self.spec.level]) * 0.7
            if self.meat_free and "vegetarian" in place.tags:
                cost -= VEGETARIAN_PREFERENCE_KM
            if self.spec.interests and matches_interest(
                place.category, place.tags, self.spec.interests
            ):
                cost -= INTEREST_PREFERENCE_KM
            self._preferences[place.name] = cost
        return cost

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
            country=self.places.country,
            timezone=self.places.timezone,
        )

    def _typical_meal_price(self, meal: str) -> float:
        """The median price of ``meal`` at the trip's level in this city."""
        levels = MEAL_LEVELS[self.spec.level]
        prices = sorted(p.price for p in self.places.eateries(meal) if p.price_level in levels)
        prices = prices or sorted(p.price for p in self.places.eateries(meal))
        return prices[len(prices) // 2] if prices else 0.0
