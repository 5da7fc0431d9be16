"""Plan a whole trip: each stay's days (trip/days.py), a hotel every night, legs between
cities (trip/journeys.py), assembled into one itinerary. Deterministic."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from tripdesigner_kernel.knowledge.places import CityPlaces, StayArea, places_for
from tripdesigner_kernel.trip import model
from tripdesigner_kernel.trip.days import CityPlanner, rooms_for
from tripdesigner_kernel.trip.journeys import back_at_hotel, way_home, way_in
from tripdesigner_kernel.trip.parts import in_currency, location, money
from tripdesigner_kernel.trip.spec import Stay, TripSpec
from tripdesigner_kernel.trip.stay_plan import stay_segments
from tripdesigner_kernel.trip.walking import mark_getting_there, needs_short_walks

__all__ = ["Stay", "TripSpec", "plan_trip"]

HOTEL_CHECK_IN, HOTEL_CHECK_OUT = time(15, 0), time(11, 0)


# The kind of stay asked for: its name, and the price level of our stay areas' nightly
# rates that fits it (we hold no hostel or B&B prices: a hostel is priced at our budget
# rate, a B&B or guesthouse at most at the moderate one).
LODGING = {
    "hostel": ("Hostel", "budget"),
    "B&B": ("B&B", "moderate"),
    "guesthouse": ("Guesthouse", "moderate"),
    "apartment": ("Apartment", None),
    "ryokan": ("Ryokan", None),
}
LEVEL_ORDER = ("budget", "moderate", "luxury")


def _lodging(spec: TripSpec, level: str) -> tuple[str, str]:
    """The price level and the name of the stay, for the hotel's ``level`` (the trip's, or
    lower under a nightly price) and the kind of stay asked for."""
    if spec.lodging not in LODGING:
        return level, f"{level.capitalize()} hotel"
    name, ceiling = LODGING[spec.lodging]
    if ceiling and LEVEL_ORDER.index(level) > LEVEL_ORDER.index(ceiling):
        level = ceiling
    return level, name


def _hotel_segment(
    spec: TripSpec,
    stay_index: int,
    places: CityPlaces,
    area: StayArea,
    first_day: date,
    nights: int,
    level: str,
) -> model.Segment:
    zone = ZoneInfo(places.timezone)
    rooms = rooms_for(spec.travelers)
    check_in = datetime.combine(first_day, HOTEL_CHECK_IN, zone)
    check_out = datetime.combine(first_day + timedelta(days=nights), HOTEL_CHECK_OUT, zone)
    level, name = _lodging(spec, level)
    return model.Segment(
        id=f"stay-{stay_index}",
        type="hotel",
        name=f"{name} in {area.name}",
        start=check_in,
        end=check_out,
        category="hotel",
        tags=[level, *([spec.lodging] if spec.lodging else [])],
        location=location(area.name, area.lat, area.lon, places),
        price=money(area.price(level) * nights * rooms, places.currency),
        details={
            "nights": nights,
            "rooms": rooms,
            "area": area.name,
            "nightly": area.price(level),
            "kind": spec.lodging or "hotel",
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
        planner.plan_stay(stay.days)
        area = planner.area
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
        segments += stay_segments(
            spec,
            planner,
            first_day,
            day_number + 1,
            stay.days,
            leg.arrival if leg else None,
            leg.landing_offset if leg else 0,
            last_stay,
            home.leaves_hotel if home else None,
        )
        if home is not None:
            ready = back_at_hotel(segments, home.segments[0], area)
            if ready is not None:  # the last visit is too far to be back in time: leave later
                home = way_home(
                    spec, (places, area), last_day, landed, day_number + stay.days, ready
                )
        day_number += stay.days
        nights = stay.days if not last_stay else stay.days - 1
        if nights > 0:
            segments.append(
                _hotel_segment(
                    spec, stay_index, places, area, first_day, nights, planner.hotel_level
                )
            )
        if home is not None:
            segments += home.segments
        previous = (places, area)
    segments.sort(key=lambda s: (s.start, s.type != "hotel"))
    display = spec.currency or places_for(spec.stays[0].city).currency
    in_currency(segments, display)  # one trip, one currency: the budget's, else the first city's
    if needs_short_walks(spec.accessibility):
        mark_getting_there(segments, short_walks=True)
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
            currency=display,
        ),
        preferences=model.Preferences(
            interests=list(spec.interests),
            pace=spec.pace,
            dietary=list(spec.dietary),
            children=list(spec.children),
            accessibility=list(spec.accessibility),
        ),
        segments=segments,
    )
