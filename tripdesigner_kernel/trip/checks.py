"""Checks run after every turn: the rules a plan a person would follow must meet.

Each rule returns violations with a code, a message and the segments concerned.
Hotels are stays in the background: they take part in the night rule, not the
overlap and travel-time rules.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from datetime import date, timedelta
from decimal import Decimal

from tripdesigner_kernel.knowledge.closures import closed_for
from tripdesigner_kernel.knowledge.daylight import daylight
from tripdesigner_kernel.knowledge.geo import (
    CITY_REACH_KM,
    DAY_TRIP_REACH_KM,
    km_between,
    travel_minutes,
)
from tripdesigner_kernel.knowledge.hours import HoursError, open_intervals
from tripdesigner_kernel.knowledge.taxonomy import OUTDOOR_CATEGORIES
from tripdesigner_kernel.trip import model
from tripdesigner_kernel.trip.gaps import MAX_IDLE
from tripdesigner_kernel.trip.party import access_avoided, unsuitable_reason

TIMED = ("activity", "meal", "transfer", "flight")
GAP_KINDS = ("activity", "meal", "transfer", "note")  # flights carry their own airport time
# The fastest a leg of each mode can go, door to door, km/h: beyond it the leg is impossible.
MAX_LEG_KMH = {"flight": 950.0, "rail": 320.0, "train": 320.0, "ferry": 60.0}
MAX_GROUND_KMH = 130.0


def _violation(code: str, message: str, *segments: model.Segment) -> model.Violation:
    return model.Violation(code=code, message=message, segment_ids=[s.id for s in segments])


def _span(segment: model.Segment) -> tuple[int, int]:
    """Start and end in minutes after local midnight of the start date."""
    start = segment.start.hour * 60 + segment.start.minute
    return start, start + int((segment.end - segment.start).total_seconds() // 60)


def _local_date(segment: model.Segment) -> date:
    return segment.start.date()


def day_cities(itinerary: model.Itinerary) -> dict[date, model.Destination]:
    """The city of each date: where its activities and meals are, else the last one known."""
    by_name = {d.name: d for d in itinerary.destinations}
    cities: dict[date, model.Destination] = {}
    for segment in itinerary.segments:
        if segment.type in ("activity", "meal") and segment.location and segment.location.city:
            city = by_name.get(segment.location.city)
            if city is not None:
                cities.setdefault(_local_date(segment), city)
    return cities


def check_hotels(itinerary: model.Itinerary) -> list[model.Violation]:
    if itinerary.start_date is None or itinerary.end_date is None:
        return []
    cities = day_cities(itinerary)
    hotels = [s for s in itinerary.segments if s.type == "hotel"]
    found = []
    night = itinerary.start_date
    while night < itinerary.end_date:
        city = cities.get(night) or cities.get(night + timedelta(days=1))
        covering = [
            h
            for h in hotels
            if h.start.date() <= night < h.end.date()
            and (city is None or h.location is None or h.location.city == city.name)
        ]
        if not covering:
            where = f" in {city.name}" if city else ""
            found.append(_violation("hotel_missing", f"No hotel for the night of {night}{where}."))
        night += timedelta(days=1)
    return found


def check_timeline(itinerary: model.Itinerary) -> list[model.Violation]:
    """No overlaps, and enough time to travel between consecutive items."""
    found = []
    timed = sorted((s for s in itinerary.segments if s.type in TIMED), key=lambda s: s.start)
    for before, after in itertools.pairwise(timed):
        if after.start < before.end:
            found.append(
                _violation("overlap", f"{before.name} and {after.name} overlap.", before, after)
            )
            continue
        end_place = before.to or before.location
        start_place = after.from_ or after.location
        if end_place is None or start_place is None or before.start.date() != after.start.date():
            continue
        needed = travel_minutes(
            km_between(end_place.lat, end_place.lon, start_place.lat, start_place.lon)
        )
        gap = (after.start - before.end).total_seconds() / 60
        if gap < needed:
            found.append(
                _violation(
                    "travel_time",
                    f"Only {gap:.0f} min from {before.name} to {after.name}; getting there takes "
                    f"about {needed} min.",
                    before,
                    after,
                )
            )
    return found


def check_days(itinerary: model.Itinerary) -> list[model.Violation]:
    """Each full day (no journey starts or ends on it) has two activities, lunch and dinner."""
    found: list[model.Violation] = []
    by_day: dict[date, list[model.Segment]] = defaultdict(list)
    journey_days: set[date] = set()
    for segment in itinerary.segments:
        if segment.type != "hotel":
            by_day[_local_date(segment)].append(segment)
        if segment.type in ("flight", "transfer"):
            # An overnight flight lands the next day, local time: that day is not full.
            journey_days |= {_local_date(segment), segment.end.date()}
    if itinerary.start_date is None or itinerary.end_date is None:
        return found
    day = itinerary.start_date
    while day <= itinerary.end_date:
        items = by_day.get(day, [])
        if day not in journey_days:
            activities = sum(s.type == "activity" for s in items)
            meals = {s.details.get("meal") for s in items if s.type == "meal"}
            missing = []
            if activities < 2:
                missing.append(f"{2 - activities} more activit{'y' if activities == 1 else 'ies'}")
            missing += [m for m in ("lunch", "dinner") if m not in meals]
            if missing:
                found.append(
                    _violation("day_incomplete", f"{day} needs {', '.join(missing)}.", *items)
                )
        day += timedelta(days=1)
    return found


def check_repeats(itinerary: model.Itinerary) -> list[model.Violation]:
    names = Counter(s.name for s in itinerary.segments if s.type in ("activity", "meal"))
    return [
        _violation(
            "repeat",
            f"{name} appears {count} times.",
            *[s for s in itinerary.segments if s.name == name],
        )
        for name, count in names.items()
        if count > 1
    ]


def check_places(itinerary: model.Itinerary) -> list[model.Violation]:
    """Within reach of the day's city; open for the whole visit."""
    found: list[model.Violation] = []
    cities = day_cities(itinerary)
    for segment in itinerary.segments:
        if segment.type not in ("activity", "meal") or segment.location is None:
            continue
        city = cities.get(_local_date(segment))
        if city is not None:
            out_of_town = segment.category == "day_trip" or "day_trip" in segment.details
            reach = DAY_TRIP_REACH_KM if out_of_town else CITY_REACH_KM
            km = km_between(city.lat, city.lon, segment.location.lat, segment.location.lon)
            if km > reach or (
                segment.location.country and segment.location.country != city.country
            ):
                found.append(
                    _violation(
                        "out_of_reach", f"{segment.name} is {km:.0f} km from {city.name}.", segment
                    )
                )
        holiday = (
            closed_for(segment.category or "", segment.location.country or "", segment.start.date())
            if segment.type == "activity"
            else None
        )
        if holiday:
            found.append(
                _violation(
                    "closed",
                    f"{segment.name} is closed on {segment.start:%A %d %B} ({holiday}).",
                    segment,
                )
            )
            continue
        hours = segment.details.get("hours")
        if hours:
            start, end = _span(segment)
            try:
                intervals = open_intervals(hours, segment.start.date())
            except HoursError:
                intervals = ()
            if not any(o <= start and end <= c for o, c in intervals):
                found.append(
                    _violation(
                        "closed",
                        f"{segment.name} is not open {segment.start:%a %H:%M}-{segment.end:%H:%M} "
                        f"({hours}).",
                        segment,
                    )
                )
    return found


def check_daylight(itinerary: model.Itinerary) -> list[model.Violation]:
    """Outdoor visits (parks, viewpoints, beaches) between sunrise and dusk."""
    found = []
    zones = {d.name: d.timezone for d in itinerary.destinations}
    for segment in itinerary.segments:
        place = segment.location
        if (
            segment.type != "activity"
            or segment.category not in OUTDOOR_CATEGORIES
            or segment.details.get("after_dark")
            or place is None
            or zones.get(place.city or "") is None
        ):
            continue
        day = segment.start.date()
        rise, dark = daylight(
            round(place.lat, 2), round(place.lon, 2), day, zones[place.city or ""]
        )
        start, end = _span(segment)
        if start < rise or end > dark:
            found.append(
                _violation(
                    "after_dark",
                    f"{segment.name} is outdoors and the visit {segment.start:%H:%M}-"
                    f"{segment.end:%H:%M} is in the dark (daylight {rise // 60:02d}:{rise % 60:02d}"
                    f"-{dark // 60:02d}:{dark % 60:02d}).",
                    segment,
                )
            )
    return found


def check_idle(itinerary: model.Itinerary) -> list[model.Violation]:
    """No gap over ``MAX_IDLE`` minutes inside a day without a reason shown (a note)."""
    found = []
    items = sorted((s for s in itinerary.segments if s.type in GAP_KINDS), key=lambda s: s.start)
    for before, after in itertools.pairwise(items):
        if before.start.date() != after.start.date():
            continue
        if after.type == "transfer" and "day_trip" not in after.details:
            continue  # the time before a journey is for bags and the way to the station
        end_place, start_place = before.to or before.location, after.from_ or after.location
        travel = (
            travel_minutes(
                km_between(end_place.lat, end_place.lon, start_place.lat, start_place.lon)
            )
            if end_place and start_place
            else 0
        )
        idle = (after.start - before.end).total_seconds() / 60 - travel
        if idle > MAX_IDLE:
            found.append(
                _violation(
                    "idle_gap",
                    f"{idle / 60:.1f} h with nothing planned on {after.start:%a %d %b} between "
                    f"{before.name} and {after.name}.",
                    before,
                    after,
                )
            )
    return found


def check_party(itinerary: model.Itinerary) -> list[model.Violation]:
    """Nothing unsuitable for who travels: no bars with children, no long stairs for a
    wheelchair."""
    prefs = itinerary.preferences
    avoided = access_avoided(prefs.accessibility)
    if not prefs.children and not avoided:
        return []
    found = []
    for segment in itinerary.segments:
        if segment.type != "activity":
            continue
        why = unsuitable_reason(
            segment.category or "",
            segment.tags,
            segment.details.get("access", []),
            bool(prefs.children),
            avoided,
        )
        if why:
            found.append(
                _violation("unsuitable", f"{segment.name} does not suit the party: {why}.", segment)
            )
    return found


def check_legs(itinerary: model.Itinerary) -> list[model.Violation]:
    """Every leg ends after it starts and is no faster than its mode can go."""
    found = []
    for segment in itinerary.segments:
        if segment.type not in ("flight", "transfer") or not (segment.from_ and segment.to):
            continue
        hours = (segment.end - segment.start).total_seconds() / 3600
        km = km_between(segment.from_.lat, segment.from_.lon, segment.to.lat, segment.to.lon)
        fastest = MAX_LEG_KMH.get(segment.category or "", MAX_GROUND_KMH)
        if hours <= 0 or km / hours > fastest:
            found.append(
                _violation(
                    "impossible_leg",
                    f"{segment.name}: {km:.0f} km in {max(hours, 0):.1f} h is not possible "
                    f"by {segment.category or 'road'}.",
                    segment,
                )
            )
    return found


def check_dates(itinerary: model.Itinerary, today: date) -> list[model.Violation]:
    found = []
    if itinerary.start_date is not None and itinerary.start_date < today:
        found.append(
            _violation(
                "past_date", f"The trip starts {itinerary.start_date}, before today ({today})."
            )
        )
    if itinerary.travelers < 1:
        found.append(_violation("party", "A trip needs at least one traveller."))
    return found


def check_budget(itinerary: model.Itinerary) -> list[model.Violation]:
    budget, total = itinerary.budget, itinerary.estimated_total
    if budget.amount is None or total is None or total.currency != budget.currency:
        return []
    if total.amount > budget.amount:
        over = total.amount - budget.amount
        return [
            _violation(
                "over_budget", f"The estimate is {over:.0f} {budget.currency} over the budget."
            )
        ]
    return []


def check_itinerary(itinerary: model.Itinerary, today: date) -> list[model.Violation]:
    """Every rule; an empty list means the plan is sound."""
    return [
        *check_dates(itinerary, today),
        *check_hotels(itinerary),
        *check_timeline(itinerary),
        *check_days(itinerary),
        *check_repeats(itinerary),
        *check_places(itinerary),
        *check_daylight(itinerary),
        *check_idle(itinerary),
        *check_party(itinerary),
        *check_legs(itinerary),
        *check_budget(itinerary),
    ]


def estimate_total(itinerary: model.Itinerary, currency: str) -> model.Money:
    """The sum of every priced segment, converted to ``currency``."""
    from tripdesigner_kernel.knowledge.money import convert

    total = Decimal(0)
    for segment in itinerary.segments:
        if segment.price is not None:
            total += convert(segment.price.amount, segment.price.currency, currency)
    return model.Money(amount=total.quantize(Decimal("1")), currency=currency)
