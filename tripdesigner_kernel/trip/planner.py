"""Plan a whole trip: each stay's days (trip/days.py), a hotel every night, legs between
cities (trip/journeys.py), assembled into one itinerary. Deterministic."""

from __future__ import annotations

import math
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from tripdesigner_kernel.knowledge.places import CityPlaces, StayArea, places_for
from tripdesigner_kernel.knowledge.text import slug
from tripdesigner_kernel.trip import model
from tripdesigner_kernel.trip.days import DAY_START, CityPlanner
from tripdesigner_kernel.trip.journeys import way_home, way_in
from tripdesigner_kernel.trip.parts import location, money, stamp
from tripdesigner_kernel.trip.spec import Stay, TripSpec

__all__ = ["Stay", "TripSpec", "plan_trip"]

HOTEL_CHECK_IN, HOTEL_CHECK_OUT = time(15, 0), time(11, 0)
HOTEL_BAGS = 30  # minutes at the hotel to collect the bags before the way home


def _day_segments(
    spec: TripSpec,
    planner: CityPlanner,
    places: CityPlaces,
    area: StayArea,
    first_day: date,
    first_number: int,
    days: int,
    arrival: int | None,
    landing_offset: int,
    last_stay: bool,
    leaves_hotel: int | None = None,
) -> list[model.Segment]:
    """The visits and meals of one stay's days, numbered from ``first_number``.

    ``leaves_hotel``: on the last day, when the way home leaves the hotel (local minutes).
    """
    zone = ZoneInfo(places.timezone)
    segments: list[model.Segment] = []
    for offset in range(days):
        day = first_day + timedelta(days=offset)
        day_number = first_number + offset
        visits = planner.visits_per_day(days)
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
        if last_stay and offset == days - 1 and leaves_hotel is not None:
            # Back at the hotel for the bags half an hour before the way home leaves it.
            visits, meals, day_end = min(visits, 2), ("lunch",), leaves_hotel - HOTEL_BAGS
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
                    start=stamp(day, stop.start, zone),
                    end=stamp(day, stop.end, zone),
                    category=place.category,
                    tags=list(place.tags),
                    location=location(place.name, place.lat, place.lon, places),
                    price=money(place.price * spec.travelers, places.currency),
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
    return segments


def _hotel_segment(
    spec: TripSpec,
    stay_index: int,
    places: CityPlaces,
    area: StayArea,
    first_day: date,
    nights: int,
) -> model.Segment:
    zone = ZoneInfo(places.timezone)
    rooms = math.ceil(spec.travelers / 2)
    check_in = datetime.combine(first_day, HOTEL_CHECK_IN, zone)
    check_out = datetime.combine(first_day + timedelta(days=nights), HOTEL_CHECK_OUT, zone)
    level = spec.level
    return model.Segment(
        id=f"stay-{stay_index}",
        type="hotel",
        name=f"{level.capitalize()} hotel in {area.name}",
        start=check_in,
        end=check_out,
        category="hotel",
        tags=[level],
        location=location(area.name, area.lat, area.lon, places),
        price=money(area.price(level) * nights * rooms, places.currency),
        details={
            "nights": nights,
            "rooms": rooms,
            "area": area.name,
            "nightly": area.price(level),
            "description": area.description,
        },
    )


def plan_trip(spec: TripSpec) -> model.Itinerary:
    """The whole itinerary for ``spec``."""
    segments: list[model.Segment] = []
    used: set[str] = set(spec.exclude)
    day_number = 0
    previous: tuple[CityPlaces, StayArea] | None = None
    landed: datetime | None = None  # when the way into the latest city arrives
    destinations = []
    for stay_index, stay in enumerate(spec.stays):
        places = places_for(stay.city)
        planner = CityPlanner(spec, places, used)
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
        leg = way_in(spec, stay_index, previous, places, area, first_day, day_number + 1)
        if leg is not None:
            segments += leg.segments
            landed = leg.landed
        last_stay = stay_index == len(spec.stays) - 1
        home = None
        if last_stay:
            last_day = first_day + timedelta(days=stay.days - 1)
            home = way_home(spec, (places, area), last_day, landed, day_number + stay.days)
        segments += _day_segments(
            spec,
            planner,
            places,
            area,
            first_day,
            day_number + 1,
            stay.days,
            leg.arrival if leg else None,
            leg.landing_offset if leg else 0,
            last_stay,
            home.leaves_hotel if home else None,
        )
        day_number += stay.days
        nights = stay.days if not last_stay else stay.days - 1
        if nights > 0:
            segments.append(_hotel_segment(spec, stay_index, places, area, first_day, nights))
        if home is not None:
            segments += home.segments
        previous = (places, area)
    segments.sort(key=lambda s: (s.start, s.type != "hotel"))
    total_days = sum(s.days for s in spec.stays)
    names = " & ".join(d.name for d in destinations)
    return model.Itinerary(
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
