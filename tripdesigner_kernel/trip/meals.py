"""Meals along a day's route: the nearest open place at the trip's level, in the country's
meal window, fitting the party's diet where our data can tell."""

from __future__ import annotations

import math
from datetime import date

from tripdesigner_kernel.knowledge.diet import diets_fit
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
DIET_PREFERENCE_KM = 3.0  # so is one that says it caters for the party's diet
# The diet in the words of a "your pick" slot, where no place of ours fits it.
DIET_WORDS = {
    "vegetarian": "vegetarian-friendly",
    "vegan": "vegan-friendly",
    "gluten-free": "gluten-free",
    "halal": "halal",
    "kosher": "kosher",
    "diabetic": "diabetic-friendly",
}
INTEREST_PREFERENCE_KM = 1.5  # so is one the person asked for (a Viennese coffee house)
KEPT_PREFERENCE_KM = 50.0  # a meal kept from the plan being edited stays, where it still fits


REGULAR_LUNCH = (12 * 60, 13 * 60 + 30)  # a diabetic party eats at regular times
REGULAR_SPAN = 60  # and dinner in the first hour of the country's window
HOME_BEFORE_BED = 30  # back at the hotel this long before a stated bedtime
TO_THE_HOTEL = 15
BEDTIME_DINNER_SPAN = 45  # an early dinner before bed starts in these minutes


def clock(text: str | None) -> int | None:
    """Minutes after midnight of "HH:MM", or None."""
    if not text:
        return None
    hours, _, minutes = text.partition(":")
    return int(hours) * 60 + int(minutes) if hours.isdigit() and minutes.isdigit() else None


def home_by(spec: TripSpec) -> int | None:
    """When the day ends at the hotel (minutes), for a stated bedtime; else None."""
    bedtime = clock(spec.bedtime)
    return None if bedtime is None else bedtime - HOME_BEFORE_BED


def windows_for(spec: TripSpec, country: str) -> MealWindows:
    """The meal windows of ``country``: dinner early when children travel; lunch and
    dinner at regular times for a diabetic party; dinner over in time for a bedtime."""
    windows = dict(meal_windows(country, children=bool(spec.children)))
    if "diabetic" in spec.dietary:
        first, last = windows["lunch"]
        low, high = max(first, REGULAR_LUNCH[0]), min(last, REGULAR_LUNCH[1])
        windows["lunch"] = (low, high) if low <= high else (first, min(last, first + REGULAR_SPAN))
        opens, closes = windows["dinner"]
        windows["dinner"] = (opens, min(closes, opens + REGULAR_SPAN))
    end = home_by(spec)
    if end is not None:
        latest = end - TO_THE_HOTEL - MEAL_MINUTES["dinner"]
        opens, closes = windows["dinner"]
        windows["dinner"] = (min(opens, latest - BEDTIME_DINNER_SPAN), min(closes, latest))
    return windows


def diet_kind(needs: tuple[str, ...] | list[str]) -> str:
    """The party's diet in a restaurant's words ("vegetarian-friendly"), or ''."""
    return " and ".join(DIET_WORDS[n] for n in needs if n in DIET_WORDS)


class MealChooser:
    """Picks each meal of a stay; shares the trip's 'used' set with the day planner."""

    def __init__(self, spec: TripSpec, places: CityPlaces, used: set[str]) -> None:
        self.spec, self.places, self.used = spec, places, used
        self.windows = windows_for(spec, places.country)
        self.meat_free = bool({"vegetarian", "vegan"} & set(spec.dietary))
        self.needs = tuple(spec.dietary)
        self._meal_memo: dict[tuple[object, ...], Place | None] = {}
        self._eatery_memo: dict[tuple[str, date], tuple[Place, ...]] = {}
        self._preferences: dict[str, float] = {}  # place name -> km, see _preference
        # Meals kept from the plan being edited (``spec.pinned`` holds them with the visits):
        # each stays on its day, and no other day takes it.
        self.kept = {name: int(day) for day, names in spec.pinned.items() for name in names}

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

    def fits_diet(self, place: Place) -> bool:
        """False for a place whose signature food the party's diet rules out (a tonkatsu
        counter for a vegetarian, a pizzeria for a coeliac, a beer hall for halal)."""
        return not self.needs or (
            diets_fit(place.name, place.description, place.tags, self.needs) != "unsuitable"
        )

    def _open_eateries(self, meal: str, day: date) -> tuple[Place, ...]:
        """Places serving ``meal`` that can fit it in its window that day, and the diet."""
        key = (meal, day)
        if key not in self._eatery_memo:
            self._eatery_memo[key] = tuple(
                p
                for p in self.places.eateries(meal)
                if self.fits_diet(p) and meal_start(p, day, 0, meal, self.windows) is not None
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
        kept = self.kept
        number = (day - self.spec.start).days + 1 if kept else 0
        for place in self._open_eateries(meal, day):
            name = place.name
            if name in self.used or name in avoid or name in self.spec.exclude:
                continue
            bonus = 0.0
            if kept and name in kept:
                if kept[name] != number or self.spec.meal_of.get(name, meal) != meal:
                    continue  # kept for another day, or for that day's other meal
                bonus = KEPT_PREFERENCE_KM
            if levels is not None and place.price_level not in levels and place.price_level != 0:
                continue
            cost = km_between(lat, lon, place.lat, place.lon) + self._preference(place) - bonus
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
            if self.needs and diets_fit(place.name, place.description, place.tags, self.needs) == (
                "suits"
            ):
                cost -= DIET_PREFERENCE_KM
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
            (p for p in by_distance if self._spot_name(meal, p) not in taken), by_distance[0]
        )
        name = self._spot_name(meal, near)
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
            f"Your pick: a {self._diet_kind() or 'well-reviewed local'} restaurant near "
            f"{near.name}" + (" (none of our places here fits)." if self._diet_kind() else "."),
            (meal,),
            country=self.places.country,
            timezone=self.places.timezone,
        )

    def trip_lunch(self, trip: Place, at: int) -> Place:
        """Lunch on a day trip at ``at`` (minutes): a place of the person's choosing in the
        town of the excursion, fitting the party's diet."""
        where = trip.neighbourhood or trip.name
        kind = self._diet_kind()
        hours = LOCAL_EATERY_HOURS if 11 * 60 + 30 <= at <= 14 * 60 else "24/7"
        return Place(
            f"Lunch in {where}" + (f" ({kind})" if kind else ""),
            "restaurant",
            ("local cuisine", "food"),
            trip.lat,
            trip.lon,
            MEAL_MINUTES["lunch"],
            hours,
            round(MEAL_LEVEL_TARGET[self.spec.level]),
            self._typical_meal_price("lunch"),
            where,
            f"Your pick: a {kind or 'local'} restaurant in {where}, near {trip.name}.",
            ("lunch",),
            country=self.places.country,
            timezone=self.places.timezone,
        )

    def _diet_kind(self) -> str:
        return diet_kind(self.needs)

    def _spot_name(self, meal: str, near: Place) -> str:
        kind = self._diet_kind()
        if kind:
            return f"{kind[0].upper()}{kind[1:]} {meal} spot near {near.name}"
        return f"Local {meal} spot near {near.name}"

    def _typical_meal_price(self, meal: str) -> float:
        """The median price of ``meal`` at the trip's level in this city."""
        levels = MEAL_LEVELS[self.spec.level]
        prices = sorted(p.price for p in self.places.eateries(meal) if p.price_level in levels)
        prices = prices or sorted(p.price for p in self.places.eateries(meal))
        return prices[len(prices) // 2] if prices else 0.0
