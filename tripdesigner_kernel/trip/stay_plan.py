"""One stay's days as itinerary segments: ordinary days from the day planner, day trips as
whole days (the leg out, the time there, the leg back, dinner in town)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from zoneinfo import ZoneInfo

from tripdesigner_kernel.knowledge.city_events import CityEvent, events_in
from tripdesigner_kernel.knowledge.meal_times import MEAL_MINUTES
from tripdesigner_kernel.knowledge.places import CityPlaces, Place, StayArea
from tripdesigner_kernel.knowledge.text import slug
from tripdesigner_kernel.trip import model
from tripdesigner_kernel.trip.day_trips import (
    DayTrip,
    fitting_day_trips,
    time_day_trip,
    trip_days,
    trips_wanted,
)
from tripdesigner_kernel.trip.day_wishes import free_day, wish_for, wished, wished_visits
from tripdesigner_kernel.trip.days import CityPlanner, day_start
from tripdesigner_kernel.trip.gaps import FREE_KIND, REST_KIND
from tripdesigner_kernel.trip.journeys import LAST_VISIT_ENDS
from tripdesigner_kernel.trip.meals import TO_THE_HOTEL, diet_kind
from tripdesigner_kernel.trip.meals import home_by as back_at_hotel_by
from tripdesigner_kernel.trip.parts import location, money, stamp
from tripdesigner_kernel.trip.party import unsuitable
from tripdesigner_kernel.trip.scheduler import DayPlan, Stop
from tripdesigner_kernel.trip.spec import TripSpec

SETTLE_MINUTES = 45  # from the station or airport to the hotel, bags down
AFTER_LUNCH_MIN = 20  # less time than this after a day trip's lunch is the walk back
LEG_WORDS = {"car": "Drive"}  # "Drive to Siena", not "Car to Siena"
HOTEL_CHECK_IN = 15 * 60


def room_from(offset: int, days: int, last_stay: bool) -> int | None:
    """From when (minutes) the hotel room is the traveller's on a stay's day ``offset``:
    check-in on the first day, None on the trip's last day (checked out), else all day."""
    if last_stay and offset == days - 1:
        return None
    return HOTEL_CHECK_IN if offset == 0 else 0


def _stop_segment(
    stop: Stop, day: date, day_number: int, places: CityPlaces, spec: TripSpec
) -> model.Segment:
    place = stop.place
    is_meal = stop.kind in ("lunch", "dinner")
    is_note = stop.kind in (REST_KIND, FREE_KIND)
    zone = ZoneInfo(places.timezone)
    kind = diet_kind(spec.dietary) if is_meal and places.coverage == "generic" else ""
    if kind:  # a kind of place to look for: say it must fit the diet
        place = replace(
            place,
            name=f"{kind[0].upper()}{kind[1:]} {place.name[0].lower()}{place.name[1:]}",
            description=f"{place.description} Look for a {kind} menu.",
        )
    return model.Segment(
        id=f"d{day_number}-{stop.kind}-" + (str(stop.start) if is_note else slug(place.name)[:24]),
        type="meal" if is_meal else "note" if is_note else "activity",
        name=place.name,
        start=stamp(day, stop.start, zone),
        end=stamp(day, stop.end, zone),
        category=place.category,
        tags=list(place.tags),
        location=location(place.name, place.lat, place.lon, places),
        price=None if is_note else money(place.price * spec.travelers, places.currency),
        details={
            "day": day_number,
            "hours": place.hours,
            "neighbourhood": place.neighbourhood,
            "description": place.description,
            "travel_minutes": stop.travel_before,
            **({"meal": stop.kind} if is_meal else {}),
            **({"access": list(place.access)} if place.access else {}),
            **({"after_dark": True} if place.after_dark else {}),
            **({"diet_pick": True} if kind else {}),
        },
    )


def _trip_leg(
    trip: DayTrip,
    day: date,
    day_number: int,
    places: CityPlaces,
    area: StayArea,
    outward: bool,
) -> model.Segment:
    zone = ZoneInfo(places.timezone)
    place = trip.place
    here = location(area.name, area.lat, area.lon, places)
    there = location(place.name, place.lat, place.lon, places)
    start, end = (trip.leave, trip.start) if outward else (trip.end, trip.home)
    where = place.neighbourhood or place.name
    return model.Segment(
        id=f"d{day_number}-trip-{'out' if outward else 'back'}",
        type="transfer",
        name=f"{LEG_WORDS.get(trip.mode, trip.mode.capitalize())} to "
        + (where if outward else places.city),
        start=stamp(day, start, zone),
        end=stamp(day, end, zone),
        category=trip.mode,
        from_=here if outward else there,
        to=there if outward else here,
        details={
            "day": day_number,
            "day_trip": place.name,
            "minutes": trip.leg_minutes,
            "estimated": trip.estimated,
            "note": "Included in the day trip's price.",
        },
    )


def _lunch_at(trip: DayTrip, window: tuple[int, int]) -> int:
    """When to stop for lunch on a day trip (minutes): in the country's lunch window after
    an hour there, else as near to it as the time there allows."""
    earliest, latest = window
    at = max(trip.start, min(max(trip.start + 60, earliest), latest))
    at = min(at, trip.end - MEAL_MINUTES["lunch"])
    return at - at % 5


def _day_trip_segments(
    trip: DayTrip,
    evening: DayPlan | None,
    day: date,
    day_number: int,
    planner: CityPlanner,
    spec: TripSpec,
) -> list[model.Segment]:
    places, area = planner.places, planner.area
    lunch_at = _lunch_at(trip, planner.meals.windows["lunch"])
    lunch_end = lunch_at + MEAL_MINUTES["lunch"]
    lunch = Stop(planner.meals.trip_lunch(trip.place, lunch_at), lunch_at, lunch_end, "lunch", 0)
    stops = [Stop(trip.place, trip.start, lunch_at, "activity", 0)] if lunch_at > trip.start else []
    stops.append(lunch)
    if trip.end - lunch_end >= AFTER_LUNCH_MIN:
        more = replace(trip.place, name=f"{trip.place.name} (after lunch)", price=0.0)
        stops.append(Stop(more, lunch_end, trip.end, "activity", 0))
    there = [_stop_segment(stop, day, day_number, places, spec) for stop in stops]
    for segment in there:
        segment.details["day_trip"] = trip.place.name  # out of town: reach as a day trip
    segments = [
        _trip_leg(trip, day, day_number, places, area, True),
        *there,
        _trip_leg(trip, day, day_number, places, area, False),
    ]
    for stop in evening.stops if evening else []:
        segments.append(_stop_segment(stop, day, day_number, places, spec))
    return segments


def _plan_events(
    spec: TripSpec,
    planner: CityPlanner,
    first_day: date,
    first_number: int,
    days: int,
    short_days: set[int],
) -> dict[int, CityEvent]:
    """The city's events the stay's dates cover, each on one day (offset): its main day when
    the stay has it, else its first; the events the person named first, one a day.

    ``short_days``: offsets with too little of a day for a daytime event (an arrival, the
    last morning); a night event may still be planned on an arrival day.
    """
    places = planner.places
    found = events_in(places.city, places.country, first_day, first_day + timedelta(days=days - 1))
    named = {name.casefold() for name in spec.events}
    found.sort(key=lambda e: e.event.casefold() not in named)
    taken = {offset for offset in range(days) if spec.pinned.get(first_number + offset)}
    chosen: dict[int, CityEvent] = {}
    for event in found:
        if event.place.name in spec.exclude or unsuitable(event.place, spec):
            continue
        offsets = [
            offset
            for offset in range(days)
            if offset not in taken
            and offset not in chosen
            and (event.evening or offset not in short_days)
            and event.on(first_day + timedelta(days=offset))
        ]
        main = event.main_day(first_day.year)
        preferred = [o for o in offsets if first_day + timedelta(days=o) == main]
        if offsets:
            chosen[(preferred or offsets)[0]] = event
    for offset, event in chosen.items():
        place = replace(event.place, timezone=places.timezone)
        planner.add_event(place, first_day + timedelta(days=offset), event.evening)
        chosen[offset] = replace(event, place=place)
    return chosen


def _plan_trips(
    spec: TripSpec,
    planner: CityPlanner,
    first_number: int,
    days: int,
    landing_offset: int,
    event_days: set[int],
) -> tuple[list[Place], dict[int, str]]:
    """The day trips that fit, and the offsets kept for them (a pinned trip keeps its day)."""
    trips = [p for p in fitting_day_trips(planner.places, spec) if p.name not in planner.used]
    names = {p.name for p in trips}
    pinned = {
        offset: name
        for offset in range(days)
        for name in spec.pinned.get(first_number + offset, ())
        if name in names
    }
    blocked = (
        {landing_offset}
        | event_days
        | {offset for offset in range(days) if spec.pinned.get(first_number + offset)}
    )
    count = min(trips_wanted(days), len(trips)) - len(pinned)
    chosen = dict(pinned)
    for offset in trip_days(days, count, blocked | set(pinned)):
        chosen[offset] = ""  # any fitting trip
    return trips, chosen


def stay_segments(
    spec: TripSpec,
    planner: CityPlanner,
    first_day: date,
    first_number: int,
    days: int,
    arrival: int | None,
    landing_offset: int,
    last_stay: bool,
    leaves_hotel: int | None = None,
) -> list[model.Segment]:
    """The visits, meals and day trips of one stay's days, numbered from ``first_number``.

    ``leaves_hotel``: on the last day, when the way home leaves the hotel (local minutes).
    """
    places, area = planner.places, planner.area
    segments: list[model.Segment] = []
    last_morning = {days - 1} if last_stay and leaves_hotel is not None else set()
    arriving = {landing_offset} if arrival is not None else set()
    events = _plan_events(spec, planner, first_day, first_number, days, arriving | last_morning)
    trips, trip_offsets = _plan_trips(
        spec, planner, first_number, days, landing_offset, set(events)
    )
    not_before = day_start(spec) if spec.day_start else None
    back_by = back_at_hotel_by(spec)
    bed_end = None if back_by is None else back_by - TO_THE_HOTEL
    for offset in range(days):
        day = first_day + timedelta(days=offset)
        day_number = first_number + offset
        if offset < landing_offset:
            continue  # still in the air
        wish = wish_for(spec, day_number)
        if offset in trip_offsets and not wish.free:
            wanted = trip_offsets[offset]
            options = [p for p in trips if p.name == wanted] or [
                p for p in trips if p.name not in planner.used
            ]
            dinner_by = planner.meals.windows["dinner"][1]
            home_by = dinner_by - SETTLE_MINUTES  # back in time for dinner in town
            trip = next(
                (
                    t
                    for t in (
                        time_day_trip(p, day, area, wish.start or not_before, spec, home_by)
                        for p in options
                    )
                    if t is not None
                ),
                None,
            )
            if trip is not None:
                planner.used.add(trip.place.name)
                back = trip.home + SETTLE_MINUTES
                with wished(planner, wish):
                    evening = planner.plan_day(
                        day,
                        back,
                        (area.lat, area.lon),
                        0,
                        ("dinner",) if back <= dinner_by else (),
                        # the evening kept from the plan being edited, where it still fits
                        pinned=[n for n in spec.pinned.get(day_number, ()) if n != trip.place.name],
                        lead_at=trip.home,
                        room_from=room_from(offset, days, last_stay),
                        began=trip.leave,
                    )
                segments += _day_trip_segments(trip, evening, day, day_number, planner, spec)
                continue
        visits = planner.visits_per_day(days)
        start_at = day_start(spec)
        meals: tuple[str, ...] = ("lunch", "dinner")
        day_end = None
        if offset == landing_offset and arrival is not None:
            start_at = max(arrival + SETTLE_MINUTES, start_at)
            visits = 2 if arrival <= 12 * 60 else 1 if arrival <= 16 * 60 else 0
            meals = ("lunch", "dinner") if start_at <= 13 * 60 else ("dinner",)
            if arrival > 19 * 60:
                meals = ()
        if last_stay and offset == days - 1 and leaves_hotel is not None:
            # Back at the hotel for the bags before the way home leaves it.
            visits, meals, day_end = min(visits, 2), ("lunch",), leaves_hotel - LAST_VISIT_ENDS
        if bed_end is not None:  # the children's bedtime ends the day at the hotel
            day_end = bed_end if day_end is None else min(day_end, bed_end)
        visits = wished_visits(wish, visits)
        if wish.start is not None and offset != landing_offset:
            start_at = wish.start
        with wished(planner, wish):
            plan = planner.plan_day(
                day,
                start_at,
                (area.lat, area.lon),
                visits,
                meals,
                day_end,
                [
                    *spec.pinned.get(day_number, ()),
                    *(
                        [events[offset].place.name]
                        if offset in events and not events[offset].evening
                        else []
                    ),
                ],
                lead_at=arrival if offset == landing_offset else None,
                room_from=room_from(offset, days, last_stay),
            )
            if plan is None and day_end is not None and meals:
                # The way home leaves before lunch could end: the morning's visits still count.
                plan = planner.plan_day(day, start_at, (area.lat, area.lon), visits, (), day_end)
        stops = plan.stops if plan else []
        for stop in free_day(stops, planner, start_at) if wish.free else stops:
            segments.append(_stop_segment(stop, day, day_number, places, spec))
    return segments
