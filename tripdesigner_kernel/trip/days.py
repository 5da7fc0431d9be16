"""Choosing and scheduling the days of one stay: places by interest and proximity, meals
near the route, an evening out when asked for. Deterministic."""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from datetime import date, timedelta
from functools import cache

from tripdesigner_kernel.knowledge.geo import km_between
from tripdesigner_kernel.knowledge.hours import open_intervals
from tripdesigner_kernel.knowledge.meal_times import MEAL_MINUTES
from tripdesigner_kernel.knowledge.opening import open_on
from tripdesigner_kernel.knowledge.places import CityPlaces, Place, StayArea
from tripdesigner_kernel.knowledge.taxonomy import EVENING_INTERESTS, matches_interest
from tripdesigner_kernel.trip.gaps import fill_gaps
from tripdesigner_kernel.trip.meals import MealChooser
from tripdesigner_kernel.trip.party import party_bonus, unsuitable
from tripdesigner_kernel.trip.scheduler import (
    DayPlan,
    MealWindows,
    Stop,
    day_end_for,
    schedule_day,
)
from tripdesigner_kernel.trip.spec import TripSpec

VISITS_PER_DAY = {"relaxed": 2, "moderate": 3, "packed": 4}
DAY_START = {"relaxed": 9 * 60 + 30, "moderate": 9 * 60, "packed": 8 * 60 + 30}
SEARCH_ATTEMPTS = 12
NOON = 12 * 60
AVOIDED_PENALTY = 20.0  # "less museums": below every other place, used only if all else is
FILL_OPTIONS = 12  # places near a gap worth trying in it
LATE_EVENING = 22 * 60  # an evening out must still be open then
PRE_SHOW_WALK = 20  # minutes from a pre-theatre dinner to the hall
CURTAIN_SLACK = 60  # an evening place open barely longer than its visit starts at a set time
LATEST_NIGHT = 24 * 60 + 30  # the latest an evening out is planned to end
EVENING_FROM = 17 * 60  # a place that never opens before this is an evening's, not a day's
SAMPLE_WEEK = [date(2027, 1, 4) + timedelta(days=n) for n in range(7)]  # a winter week


def day_start(spec: TripSpec) -> int:
    """When a full day starts (minutes): the person's own hour ("not a morning person")
    when given, else the pace's."""
    default = DAY_START.get(spec.pace, 9 * 60)
    if spec.day_start:
        hours, _, minutes = spec.day_start.partition(":")
        if hours.isdigit() and minutes.isdigit():
            return min(int(hours) * 60 + int(minutes), NOON)
    return default


class CityPlanner:
    """Chooses and schedules the days of one stay, sharing the trip's 'used' set."""

    def __init__(self, spec: TripSpec, places: CityPlaces, used: set[str]) -> None:
        self.spec, self.places, self.used = spec, places, used
        self.meals = MealChooser(spec, places, used)
        self.pick_meal = self.meals.pick_meal
        # Places pinned to some day are kept for that day, never taken by another.
        self.reserved = {name for names in spec.pinned.values() for name in names}
        self.left_out: dict[str, str] = {}  # places not for this party -> why
        interests = spec.interests
        ranked = []
        count = len(places.activities)
        for index, place in enumerate(places.activities):
            if place.category in ("day_trip", "nightlife") or place.name in spec.exclude:
                continue
            if evening_only(place.hours):
                continue  # a concert or a tour at night: pick_evening's
            why = unsuitable(place, spec)
            if why:
                self.left_out[place.name] = why
                continue
            score = 3.0 * (count - index) / count  # curators list the best-known first
            score += party_bonus(place, spec)
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
        self.area = self.stay_area()
        self.spare = 0  # places beyond what the stay's days need: free to fill gaps with
        self.evening_events: dict[date, Place] = {}  # a night event planned after dinner
        self.hotel = Place(
            f"Hotel in {self.area.name}",
            "hotel",
            (),
            self.area.lat,
            self.area.lon,
            0,
            "24/7",
            0,
            0.0,
            self.area.name,
            self.area.description,
            country=places.country,
            timezone=places.timezone,
        )

    def add_event(self, place: Place, day: date, evening: bool) -> None:
        """Keep ``place`` (a city event) for ``day``: after dinner for a night event, else a
        visit the caller pins to the day."""
        if evening:
            self.evening_events[day] = place
        else:
            self.ranked.append(place)
            self.score[place.name] = max(self.score.values(), default=0.0) + 1.0
        self.reserved.add(place.name)

    def pick_evening(self, day: date, lat: float, lon: float, filler: bool = False) -> Place | None:
        """A bar or show after dinner: the day's night event, when asked for, or to fill a
        day short of visits."""
        event = self.evening_events.get(day)
        if event is not None and event.name not in self.used:
            return event
        wanted = [i for i in self.spec.interests if i in EVENING_INTERESTS]
        if not wanted and (self.spec.children or (self.spec.pace != "packed" and not filler)):
            return None
        options = [
            p
            for p in self.places.activities
            if (
                p.category == "nightlife"
                or (evening_only(p.hours) and matches_interest(p.category, p.tags, wanted))
            )
            and p.name not in self.used
            and p.name not in self.spec.exclude
            and not unsuitable(p, self.spec)
            and any(closes >= LATE_EVENING for _, closes in open_on(p, day))
        ]
        options.sort(
            key=lambda p: (
                not matches_interest(p.category, p.tags, wanted),
                km_between(lat, lon, p.lat, p.lon),
            )
        )
        return options[0] if options else None

    # Days --------------------------------------------------------------------------

    def _free(self, day: date) -> list[Place]:
        """Places not yet used nor kept for another day, open long enough on ``day``."""
        return [
            p
            for p in self.ranked
            if p.name not in self.used
            and p.name not in self.reserved
            and any(c - o >= p.minutes for o, c in open_on(p, day))
        ]

    def _candidates(self, count: int, day: date) -> list[Place]:
        """The best free place open that day, then places near it, best first."""
        free = self._free(day)
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
        lead_at: int | None = None,
        room_from: int | None = 0,
        began: int | None = None,
    ) -> DayPlan | None:
        """Choose ``visits`` places and schedule them; tries alternatives when hours clash.

        ``pinned`` places (kept from the plan being edited) come first when they still fit.
        ``short``: fewer visits than asked fit, so an evening out makes up the day.
        ``lead_at``: the day starts after a journey that arrives then (minutes), so the time
        from then to the first item counts as a gap to fill too.
        ``room_from``, ``began``: when the hotel room is there and when the day began, for
        rests (see trip/gaps.py).
        """
        plan = self._plan_day(day, start_at, start_pos, visits, meals, day_end, pinned, short)
        if plan is None:
            return None
        stops = plan.stops
        if lead_at is not None:
            arrived = Stop(self.hotel, lead_at, lead_at, "lead", 0)
            stops = [arrived, *stops]
        free = self._free(day)

        def near(place: Place) -> list[Place]:
            return sorted(
                free,
                key=lambda p: km_between(place.lat, place.lon, p.lat, p.lon) - self.score[p.name],
            )[:FILL_OPTIONS]

        planned = sum(s.kind == "activity" for s in stops)
        # A day kept from the plan being edited gets no extra place: it stays as it was.
        kept_day = bool(pinned) and set(pinned) <= self.reserved
        most = max(planned, visits) + (1 if self.spare > 0 and not kept_day else 0)
        filled = [
            s
            for s in fill_gaps(stops, day, near, self.hotel, most, room_from, began)
            if s.kind != "lead" and (day_end is None or s.end <= day_end)  # the way home
        ]
        self.spare -= sum(s.kind == "activity" for s in filled) - planned
        return self._take(DayPlan(filled, plan.cost))

    def _plan_day(
        self,
        day: date,
        start_at: int,
        start_pos: tuple[float, float],
        visits: int,
        meals: Sequence[str],
        day_end: int | None,
        pinned: Sequence[str],
        short: bool,
    ) -> DayPlan | None:
        by_name = {p.name: p for p in self.ranked}
        keep = [by_name[n] for n in pinned if n in by_name and n not in self.used]
        pool = self._candidates(visits, day)
        if keep:
            pool = keep + [p for p in pool if p not in keep]
            kept = pool[: max(visits, len(keep))]
            # Short of places (late in a long stay): an evening out makes up the day.
            evening = (
                self.pick_evening(day, kept[-1].lat, kept[-1].lon, True)
                if "dinner" in meals and len(kept) < visits
                else None
            )
            for night in (evening, None) if evening else (None,):
                plan = schedule_day(
                    kept,
                    day,
                    start_at,
                    start_pos,
                    self.pick_meal,
                    meals,
                    night,
                    self._end_with(night, day, day_end),
                    self._windows_with(night, day),
                )
                if plan is not None:
                    return plan
        options = itertools.combinations(pool[: visits + 4], visits)
        lazy: DayPlan | None = None
        for chosen in itertools.islice(options, SEARCH_ATTEMPTS):
            evening = None
            if "dinner" in meals:
                last = chosen[-1] if chosen else None
                evening = self.pick_evening(day, last.lat, last.lon, short) if last else None
            windows = self.meals.windows
            late = self._end_with(evening, day, day_end)
            plan = schedule_day(
                chosen,
                day,
                start_at,
                start_pos,
                self.pick_meal,
                meals,
                evening,
                late,
                self._windows_with(evening, day),
            )
            if plan is None and evening is not None:
                plan = schedule_day(
                    chosen, day, start_at, start_pos, self.pick_meal, meals, None, day_end, windows
                )
            if plan is not None and (
                not plan.stops or plan.stops[0].kind == "activity" or start_at >= NOON
            ):
                return plan
            # A day that starts with lunch loses its morning: keep looking, keep this one.
            lazy = lazy or plan
        if lazy is not None:
            return lazy
        if visits > 0:  # a day where nothing fits: fewer visits rather than none
            return self._plan_day(day, start_at, start_pos, visits - 1, meals, day_end, (), True)
        return None

    def _end_with(self, evening: Place | None, day: date, day_end: int | None) -> int | None:
        """The day's end when ``evening`` closes the day: as late as it runs (a concert, an
        aurora tour, a night event), else ``day_end``."""
        if evening is None or day_end is not None:
            return day_end
        closes = max((c for _, c in open_on(evening, day)), default=0)
        return max(day_end_for(self.meals.windows), min(closes, LATEST_NIGHT))

    def _windows_with(self, evening: Place | None, day: date) -> MealWindows:
        """The meal windows, with dinner early enough for a show that starts at a set hour
        (a pre-theatre dinner before the opera)."""
        windows = self.meals.windows
        if evening is None or evening.category == "nightlife" or not evening_only(evening.hours):
            return windows
        spans = open_on(evening, day)
        if not spans or spans[0][1] - spans[0][0] - evening.minutes >= CURTAIN_SLACK:
            return windows  # not a set start: a parade, a late-opening bar
        latest = spans[0][0] - MEAL_MINUTES["dinner"] - PRE_SHOW_WALK
        earliest, usual_latest = windows["dinner"]
        if latest >= usual_latest:
            return windows
        return {**windows, "dinner": (min(earliest, latest - 60), latest)}

    def plan_stay(self, days: int) -> None:
        """Size the stay: how many places are spare beyond its days' share.

        A place in three days is held back: late in a stay the places left are the ones
        whose hours are hard to fit, and a day must not run out.
        """
        needed = days * self.visits_per_day(days) + days // 3
        self.spare = max(0, len(self.ranked) - needed)

    def visits_per_day(self, days: int) -> int:
        """The pace's visits a day, fewer on a long stay so the places last (at least two)."""
        wanted = VISITS_PER_DAY.get(self.spec.pace, 3)
        return max(2, min(wanted, len(self.ranked) // max(1, days)))

    def _take(self, plan: DayPlan) -> DayPlan:
        for stop in plan.stops:
            self.used.add(stop.place.name)
        return plan

    def stay_area(self) -> StayArea:
        """The stay area nearest to the best-ranked places (cheaper on ties); under the
        spec's nightly cap when one fits it (nearest first), else the cheapest.

        Sets ``hotel_level``: the hotel's level there.
        """
        top = self.ranked[:8] or list(self.places.activities[:8])
        lat = sum(p.lat for p in top) / len(top)
        lon = sum(p.lon for p in top) / len(top)
        level = self.spec.hotel_level or self.spec.level
        by_distance = sorted(
            self.places.stay_areas,
            key=lambda a: (round(km_between(lat, lon, a.lat, a.lon), 1), a.price(level)),
        )
        self.hotel_level: str = level
        cap = self._nightly_cap()
        if cap is None:
            return by_distance[0]
        rooms = rooms_for(self.spec.travelers)
        # The wanted level or the nearest below it, in the nearest area that has one.
        order = ("budget", "moderate", "luxury")
        levels = order[: order.index(level) + 1][::-1]
        for area in by_distance:
            for option in levels:
                if area.price(option) * rooms <= cap:
                    self.hotel_level = option
                    return area
        cheapest = min(by_distance, key=lambda a: a.price("budget"))
        self.hotel_level = "budget"
        return cheapest

    def _nightly_cap(self) -> float | None:
        """The spec's nightly cap for all rooms, in this city's currency."""
        if self.spec.lodging_cap is None:
            return None
        from tripdesigner_kernel.knowledge.money import UnknownCurrencyError, convert

        amount, currency = self.spec.lodging_cap
        try:
            return float(convert(amount, currency, self.places.currency))
        except UnknownCurrencyError:
            return None


def rooms_for(travelers: int) -> int:
    """Double rooms for a party of ``travelers``."""
    return math.ceil(travelers / 2)


@cache
def evening_only(hours: str) -> bool:
    """True for hours that never open before ``EVENING_FROM`` (an opera, an aurora tour),
    judged on a winter week (summer breaks aside)."""
    spans = [span for day in SAMPLE_WEEK for span in open_intervals(hours, day)]
    return bool(spans) and all(opens >= EVENING_FROM for opens, _ in spans)


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
