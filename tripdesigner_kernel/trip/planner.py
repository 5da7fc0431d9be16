"""Plan a whole trip: places spread over days by interest and proximity, each day scheduled
exactly, meals near the route, a hotel every night, legs between cities. Deterministic."""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo

from tripdesigner_kernel.knowledge.cities import City
from tripdesigner_kernel.knowledge.geo import km_between
from tripdesigner_kernel.knowledge.hours import open_intervals
from tripdesigner_kernel.knowledge.places import CityPlaces, Place, StayArea, places_for
from tripdesigner_kernel.knowledge.taxonomy import matches_interest
from tripdesigner_kernel.knowledge.text import slug
from tripdesigner_kernel.trip import model
from tripdesigner_kernel.trip.legs import Leg, estimate_leg
from tripdesigner_kernel.trip.scheduler import MEAL_MINUTES, DayPlan, meal_start, schedule_day

VISITS_PER_DAY = {"relaxed": 2, "moderate": 3, "packed": 4}
DAY_START = {"relaxed": 9 * 60 + 30, "moderate": 9 * 60, "packed": 8 * 60 + 30}
MEAL_LEVEL_TARGET = {"budget": 1.0, "moderate": 2.0, "luxury": 3.5}
MEAL_LEVELS = {"budget": {0, 1, 2}, "moderate": {1, 2, 3}, "luxury": {2, 3, 4}}
EVENING_INTERESTS = {"nightlife", "beer", "wine", "cocktails", "live music"}
HOTEL_CHECK_IN, HOTEL_CHECK_OUT = time(15, 0), time(11, 0)
SEARCH_ATTEMPTS = 12
NOON = 12 * 60
MIN_STOPOVER = timedelta(hours=3)
LOCAL_EATERY_HOURS = "Mo-Su 11:30-15:00,18:00-23:00"
AVOIDED_PENALTY = 20.0  # "less museums": below every other place, used only if all else is
VEGETARIAN_PREFERENCE_KM = 2.0  # a vegetarian place is worth this much of a detour


@dataclass
class Stay:
    """Days in one city."""

    city: City
    days: int


@dataclass
class TripSpec:
    """Everything the planner needs; built by a designer from a conversation."""

    stays: list[Stay]
    start: date
    travelers: int = 2
    level: model.BudgetLevel = "moderate"
    interests: list[str] = field(default_factory=list)
    pace: model.Pace = "moderate"
    origin: City | None = None
    exclude: frozenset[str] = frozenset()
    currency: str | None = None  # the person's currency for totals
    budget_amount: Decimal | None = None
    title: str | None = None
    itinerary_id: str = "trip"
    pinned: dict[int, list[str]] = field(default_factory=dict)  # day number -> activity names
    frugal: bool = False  # prefer free and cheap places
    dietary: list[str] = field(default_factory=list)  # vegetarian, vegan, halal...
    avoid: list[str] = field(default_factory=list)  # interests the person wants less of
    # Who travels and how (from the trip profile); the planner acts on what it can.
    children: list[int | None] = field(default_factory=list)  # ages in years, None = unknown
    accessibility: list[str] = field(default_factory=list)  # wheelchair, pushchair, older
    transport: list[str] = field(default_factory=list)  # "no flight", "no self-driving", ...
    cuisines: list[str] = field(default_factory=list)  # cuisines the meals should cover
    arrival_time: str | None = None  # "HH:MM" local, first day
    departure_time: str | None = None  # "HH:MM" local, last day


def _money(amount: float, currency: str) -> model.Money:
    value = Decimal(str(amount)).quantize(
        Decimal("1") if amount >= 100 else Decimal("0.01"), rounding=ROUND_HALF_UP
    )
    return model.Money(amount=value, currency=currency)


def _location(name: str, lat: float, lon: float, city: CityPlaces) -> model.Location:
    return model.Location(name=name, lat=lat, lon=lon, city=city.city, country=city.country)


class _CityPlanner:
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
        near = min(self.places.places, key=lambda p: km_between(lat, lon, p.lat, p.lon))
        taken, number = self.used | avoid, 1
        while f"Local restaurant #{number} in {self.places.city}" in taken:
            number += 1
        name = f"Local restaurant #{number} in {self.places.city}"
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


def _stamp(day: date, minutes: int, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, time(0, 0), zone) + timedelta(minutes=minutes)


def plan_trip(spec: TripSpec) -> model.Itinerary:
    """The whole itinerary for ``spec``."""
    segments: list[model.Segment] = []
    used: set[str] = set(spec.exclude)
    day_number = 0
    rooms = math.ceil(spec.travelers / 2)
    previous: tuple[CityPlaces, StayArea] | None = None
    landed: datetime | None = None  # when the way into the latest city arrives
    destinations = []
    per_person = spec.travelers
    for stay_index, stay in enumerate(spec.stays):
        places = places_for(stay.city)
        zone = ZoneInfo(places.timezone)
        planner = _CityPlanner(spec, places, used)
        area = planner.stay_area()
        destinations.append(
            model.Destination(
                name=places.city,
                country=places.country,
                lat=stay.city.lat,
                lon=stay.city.lon,
                timezone=places.timezone,
                coverage=places.coverage,
            )
        )
        first_day = spec.start + timedelta(days=day_number)
        arrival: int | None = None
        landing_offset = 0  # days after first_day that the way in lands (a long flight: 1)
        # The way in: from the previous city, or from home on the first day.
        leg: Leg | None = None
        if previous is not None:
            prev_places, prev_area = previous
            leg = estimate_leg(
                prev_places.city,
                (prev_area.lat, prev_area.lon),
                places.city,
                (area.lat, area.lon),
                spec.level,
            )
            depart = 9 * 60 + 30
        elif spec.origin is not None:
            leg = estimate_leg(
                spec.origin.name,
                (spec.origin.lat, spec.origin.lon),
                places.city,
                (area.lat, area.lon),
                spec.level,
            )
            depart = None
        if leg is not None:
            from_zone = ZoneInfo(previous[0].timezone if previous else spec.origin.timezone)  # type: ignore[union-attr]
            if depart is None:  # from home: arrive early afternoon, local time
                end = _stamp(first_day, 14 * 60, zone)
                start = end - timedelta(minutes=leg.minutes)
            else:
                start = _stamp(first_day, depart, from_zone)
                end = start + timedelta(minutes=leg.minutes)
            arrival = end.astimezone(zone).hour * 60 + end.astimezone(zone).minute
            landing_offset = max(0, (end.astimezone(zone).date() - first_day).days)
            landed = end
            origin_name = previous[0].city if previous else spec.origin.name  # type: ignore[union-attr]
            segments.append(
                model.Segment(
                    id=f"leg-{stay_index}",
                    type=leg.kind,
                    name=leg.name,
                    start=start.astimezone(from_zone),
                    end=end.astimezone(zone),
                    category=leg.mode,
                    tags=[],
                    from_=model.Location(
                        name=leg.from_name,
                        lat=leg.from_pos[0],
                        lon=leg.from_pos[1],
                        city=origin_name,
                    ),
                    to=model.Location(
                        name=leg.to_name,
                        lat=leg.to_pos[0],
                        lon=leg.to_pos[1],
                        city=places.city,
                        country=places.country,
                    ),
                    price=_money(leg.price_usd * per_person, "USD"),
                    details={"km": round(leg.km), "mode": leg.mode, "estimated": True},
                )
            )
        last_stay = stay_index == len(spec.stays) - 1
        for offset in range(stay.days):
            day = first_day + timedelta(days=offset)
            day_number += 1
            visits = planner.visits_per_day(stay.days)
            start_at = DAY_START.get(spec.pace, 9 * 60)
            meals: tuple[str, ...] = ("lunch", "dinner")
            day_end = None
            if offset < landing_offset:
                continue  # still in the air
            if offset == landing_offset and arrival is not None:
                start_at = max(arrival + 45, start_at)  # to the hotel, bags down
                visits = 2 if arrival <= 12 * 60 else 1 if arrival <= 16 * 60 else 0
                meals = ("lunch", "dinner") if start_at <= 13 * 60 else ("dinner",)
                if arrival > 19 * 60:
                    meals = ()
            if last_stay and offset == stay.days - 1 and spec.origin is not None:
                visits, meals, day_end = min(visits, 2), ("lunch",), 15 * 60
            plan = planner.plan_day(
                day,
                start_at,
                (area.lat, area.lon),
                visits,
                meals,
                day_end,
                spec.pinned.get(day_number, ()),
            )
            if plan is None:
                continue
            for stop in plan.stops:
                place = stop.place
                is_meal = stop.kind in ("lunch", "dinner")
                segments.append(
                    model.Segment(
                        id=f"d{day_number}-{stop.kind}-{slug(place.name)[:24]}",
                        type="meal" if is_meal else "activity",
                        name=place.name,
                        start=_stamp(day, stop.start, zone),
                        end=_stamp(day, stop.end, zone),
                        category=place.category,
                        tags=list(place.tags),
                        location=_location(place.name, place.lat, place.lon, places),
                        price=_money(place.price * per_person, places.currency),
                        details={
                            "day": day_number,
                            "hours": place.hours,
                            "neighbourhood": place.neighbourhood,
                            "description": place.description,
                            "travel_minutes": stop.travel_before,
                            **({"meal": stop.kind} if is_meal else {}),
                        },
                    )
                )
        nights = stay.days if not last_stay else stay.days - 1
        if nights > 0:
            check_in = datetime.combine(first_day, HOTEL_CHECK_IN, zone)
            check_out = datetime.combine(first_day + timedelta(days=nights), HOTEL_CHECK_OUT, zone)
            level = spec.level
            segments.append(
                model.Segment(
                    id=f"stay-{stay_index}",
                    type="hotel",
                    name=f"{level.capitalize()} hotel in {area.name}",
                    start=check_in,
                    end=check_out,
                    category="hotel",
                    tags=[level],
                    location=_location(area.name, area.lat, area.lon, places),
                    price=_money(area.price(level) * nights * rooms, places.currency),
                    details={
                        "nights": nights,
                        "rooms": rooms,
                        "area": area.name,
                        "nightly": area.price(level),
                        "description": area.description,
                    },
                )
            )
        previous = (places, area)
    if spec.origin is not None and previous is not None:
        places, area = previous
        zone = ZoneInfo(places.timezone)
        leg = estimate_leg(
            places.city,
            (area.lat, area.lon),
            spec.origin.name,
            (spec.origin.lat, spec.origin.lon),
            spec.level,
        )
        last_day = spec.start + timedelta(days=day_number - 1)
        start = _stamp(last_day, 17 * 60, zone)
        if landed is not None and start < landed + MIN_STOPOVER:
            start = (landed + MIN_STOPOVER).astimezone(zone)  # a short stay after a long flight
        home = ZoneInfo(spec.origin.timezone)
        segments.append(
            model.Segment(
                id="leg-home",
                type=leg.kind,
                name=leg.name,
                start=start,
                end=(start + timedelta(minutes=leg.minutes)).astimezone(home),
                category=leg.mode,
                from_=model.Location(
                    name=leg.from_name,
                    lat=leg.from_pos[0],
                    lon=leg.from_pos[1],
                    city=places.city,
                    country=places.country,
                ),
                to=model.Location(
                    name=leg.to_name,
                    lat=leg.to_pos[0],
                    lon=leg.to_pos[1],
                    city=spec.origin.name,
                    country=spec.origin.country,
                ),
                price=_money(leg.price_usd * per_person, "USD"),
                details={"km": round(leg.km), "mode": leg.mode, "estimated": True},
            )
        )
    segments.sort(key=lambda s: (s.start, s.type != "hotel"))
    total_days = sum(s.days for s in spec.stays)
    names = " & ".join(d.name for d in destinations)
    itinerary = model.Itinerary(
        id=spec.itinerary_id,
        title=spec.title or f"{total_days} day{'s' if total_days != 1 else ''} in {names}",
        start_date=spec.start,
        end_date=spec.start + timedelta(days=total_days - 1),
        origin=(
            model.Location(
                name=spec.origin.name,
                lat=spec.origin.lat,
                lon=spec.origin.lon,
                city=spec.origin.name,
                country=spec.origin.country,
            )
            if spec.origin
            else None
        ),
        destinations=destinations,
        travelers=spec.travelers,
        budget=model.Budget(
            level=spec.level,
            amount=spec.budget_amount,
            currency=spec.currency or (places_for(spec.stays[0].city).currency),
        ),
        preferences=model.Preferences(
            interests=list(spec.interests), pace=spec.pace, dietary=list(spec.dietary)
        ),
        segments=segments,
    )
    return itinerary
