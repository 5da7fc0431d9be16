"""The legs of a trip as itinerary segments: the way into each city (from home or from the
previous stay) and the way home, timed in each end's local time.

Each leg is three segments: the way to the airport or station (check-in and security
included), the vehicle itself, and the way from it to the hotel. Vehicles leave between
07:00 and 22:00 local time unless the person gave a time; a flight from home is timed to
land around midday at the destination, local time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from tripdesigner_kernel.knowledge.geo import km_between, travel_minutes
from tripdesigner_kernel.knowledge.places import CityPlaces, StayArea, places_for
from tripdesigner_kernel.trip import model
from tripdesigner_kernel.trip.driving import travel_leg
from tripdesigner_kernel.trip.legs import Leg
from tripdesigner_kernel.trip.parts import money, stamp
from tripdesigner_kernel.trip.spec import TripSpec

MIN_STOPOVER = timedelta(hours=3)
DEPARTURES = (7 * 60, 22 * 60)  # vehicles leave within these local hours
ARRIVALS = (6 * 60, 23 * 60)
CHAIN_LATEST = 10 * 60  # and land within these, when the day allows it
SLOT = 15  # minutes between the departure times tried
LEAVE_HOTEL = 9 * 60  # between cities: leave the hotel after breakfast
FROM_HOME_LANDS = 12 * 60  # a journey from home lands about midday, local time
HOME_LEAVE_HOTEL = 15 * 60  # the way home: leave the hotel mid-afternoon of the last day
STEP_CATEGORY = {
    "flight": "airport",
    "rail": "station",
    "coach": "station",
    "ferry": "port",
    "car": "parking",
}


@dataclass
class WayIn:
    """The leg into a stay and when it reaches the hotel.

    ``arrival`` is minutes after local midnight of that day; ``landing_offset`` the days
    after the stay's first day that it arrives (a long flight: 1).
    """

    segments: list[model.Segment]
    landed: datetime
    arrival: int
    landing_offset: int
    note: str = ""


@dataclass
class WayHome:
    """The leg home; ``leaves_hotel``: minutes after local midnight of the last day."""

    segments: list[model.Segment]
    leaves_hotel: int
    note: str = ""


def clock(text: str | None) -> int | None:
    """ "HH:MM" as minutes after midnight, or None for no or a malformed time."""
    if not text:
        return None
    try:
        hours, minutes = (int(part) for part in text.split(":"))
    except ValueError:
        return None
    return hours * 60 + minutes if 0 <= hours < 24 and 0 <= minutes < 60 else None


def trip_currency(spec: TripSpec) -> str:
    """The currency the trip's totals are in: the person's, else the first stay's."""
    return spec.currency or places_for(spec.stays[0].city).currency


def _local_minutes(moment: datetime, zone: ZoneInfo) -> int:
    local = moment.astimezone(zone)
    return local.hour * 60 + local.minute


def _departures(
    day: date, zone: ZoneInfo, days_before: int = 0, chain: bool = False
) -> list[datetime]:
    """Departure times to try, every ``SLOT`` minutes; a chain of services starts by
    ``CHAIN_LATEST`` so it is not travelling through the night."""
    first, last = DEPARTURES[0], CHAIN_LATEST if chain else DEPARTURES[1]
    return [
        stamp(day - timedelta(days=back), minutes, zone)
        for back in range(days_before, -1, -1)
        for minutes in range(first, last + 1, SLOT)
    ]


def _lands_in_daytime(leg: Leg, departure: datetime, zone: ZoneInfo) -> bool:
    landing = _local_minutes(departure + timedelta(minutes=leg.minutes), zone)
    return ARRIVALS[0] <= landing <= ARRIVALS[1]


def departure_from_home(
    leg: Leg, first_day: date, home: ZoneInfo, zone: ZoneInfo, land: int
) -> datetime:
    """When the vehicle leaves home so that it lands nearest ``land`` (local minutes) on
    ``first_day``; a scheduled overnight service keeps its hour."""
    if leg.departs is not None:
        return stamp(first_day - timedelta(days=1), leg.departs, home)
    target = stamp(first_day, land, zone)
    options = _departures(first_day, home, days_before=2, chain=leg.chain)
    daytime = [d for d in options if _lands_in_daytime(leg, d, zone)] or options
    return min(
        daytime,
        key=lambda d: (abs(d + timedelta(minutes=leg.minutes) - target), -d.timestamp()),
    )


def departure_between(leg: Leg, day: date, zone: ZoneInfo, to_zone: ZoneInfo) -> datetime:
    """Between cities: soon after leaving the hotel after breakfast, landing in daytime."""
    if leg.departs is not None:
        return stamp(day, leg.departs, zone)
    wanted = stamp(day, LEAVE_HOTEL + leg.before.minutes, zone)
    every = _departures(day, zone, chain=leg.chain)
    options = [d for d in every if d >= wanted] or every
    daytime = [d for d in options if _lands_in_daytime(leg, d, to_zone)] or options
    return daytime[0]


def _same_day(leg: Leg, departure: datetime, zone: ZoneInfo, home: ZoneInfo) -> bool:
    """Whether the leg lands at home in daytime on the day it leaves (not overnight)."""
    landing = (departure + timedelta(minutes=leg.minutes)).astimezone(home)
    return landing.date() == departure.astimezone(zone).date() and _lands_in_daytime(
        leg, departure, home
    )


def departure_home(
    leg: Leg,
    day: date,
    zone: ZoneInfo,
    home: ZoneInfo,
    earliest: datetime,
    floor: datetime | None = None,
) -> datetime:
    """The way home: the first departure after ``earliest`` that day landing the same day
    in daytime; for a train, coach or car, else the latest such departure after ``floor``
    (leaving the city earlier rather than travelling through the night); else one landing
    in daytime at home; the next morning only when nothing leaves that day."""
    if leg.departs is not None:
        return stamp(day, leg.departs, zone)
    every = _departures(day, zone, chain=leg.chain)
    same_day = [d for d in every if _same_day(leg, d, zone, home)]
    after = [d for d in same_day if d >= earliest]
    if after:
        return after[0]
    lowest = floor if floor is not None else stamp(day, DEPARTURES[0], zone)
    earlier = [d for d in same_day if lowest <= d < earliest]
    if leg.mode != "flight" and earlier:
        return earlier[-1]
    for when in (day, day + timedelta(days=1)):
        options = [d for d in _departures(when, zone, chain=leg.chain) if d >= earliest]
        if options:
            daytime = [d for d in options if _lands_in_daytime(leg, d, home)]
            return (daytime or options)[0]
    return earliest.astimezone(zone)


def _point(name: str, pos: tuple[float, float], city: tuple[str, str | None]) -> model.Location:
    return model.Location(name=name, lat=pos[0], lon=pos[1], city=city[0], country=city[1])


def _fares(leg: Leg, travelers: int) -> int:
    """How many times the leg's price is paid: per person, or per car for a drive."""
    return -(-travelers // leg.seats) if leg.seats else travelers


def leg_segments(
    leg: Leg,
    segment_id: str,
    departure: datetime,
    ends: tuple[tuple[float, float], tuple[float, float]],
    cities: tuple[tuple[str, str | None], tuple[str, str | None]],
    zones: tuple[ZoneInfo, ZoneInfo],
    travelers: int,
    day_number: int,
) -> list[model.Segment]:
    """The step to the vehicle, the vehicle, and the step from it to ``ends[1]``."""
    origin, destination = cities
    landing = departure + timedelta(minutes=leg.minutes)
    days_later = (landing.astimezone(zones[1]).date() - departure.astimezone(zones[0]).date()).days
    category = STEP_CATEGORY[leg.mode]
    details = {"day": day_number, "leg": segment_id, "mode": leg.mode}
    before = model.Segment(
        id=f"{segment_id}-before",
        type="transfer",
        name=leg.before.name,
        start=(departure - timedelta(minutes=leg.before.minutes)).astimezone(zones[0]),
        end=departure.astimezone(zones[0]),
        category=category,
        from_=_point(f"Hotel in {origin[0]}", ends[0], origin),
        to=_point(leg.from_name, leg.from_pos, origin),
        details=details,
    )
    vehicle = model.Segment(
        id=segment_id,
        type=leg.kind,
        name=leg.name,
        start=departure.astimezone(zones[0]),
        end=landing.astimezone(zones[1]),
        category=leg.mode,
        from_=_point(leg.from_name, leg.from_pos, origin),
        to=_point(leg.to_name, leg.to_pos, destination),
        price=money(leg.price * _fares(leg, travelers), leg.currency),
        notes=leg.note,
        details={
            **details,
            "km": round(leg.km),
            "estimated": True,
            **({"via": list(leg.via)} if leg.via else {}),
            **({"cars": _fares(leg, travelers), "costs": dict(leg.costs)} if leg.seats else {}),
            "days_later": days_later,
        },
    )
    after = model.Segment(
        id=f"{segment_id}-after",
        type="transfer",
        name=leg.after.name,
        start=landing.astimezone(zones[1]),
        end=(landing + timedelta(minutes=leg.after.minutes)).astimezone(zones[1]),
        category=category,
        from_=_point(leg.to_name, leg.to_pos, destination),
        to=_point(f"Hotel in {destination[0]}", ends[1], destination),
        details=details,
    )
    return [before, vehicle, after]


def way_in(
    spec: TripSpec,
    stay_index: int,
    previous: tuple[CityPlaces, StayArea] | None,
    places: CityPlaces,
    area: StayArea,
    first_day: date,
    day_number: int,
) -> WayIn | None:
    """The leg into ``places`` from the previous stay, or from home for the first; None when
    the trip has no origin and this is the first stay. ``day_number``: the stay's first."""
    zone = ZoneInfo(places.timezone)
    end = (places.city, area.lat, area.lon, places.country)
    currency = trip_currency(spec)
    if previous is not None:
        prev_places, prev_area = previous
        start = (prev_places.city, prev_area.lat, prev_area.lon, prev_places.country)
        leg = travel_leg(start, end, spec.level, currency, spec.transport)
        from_zone = ZoneInfo(prev_places.timezone)
        departure = departure_between(leg, first_day, from_zone, zone)
        origin = (prev_places.city, prev_places.country)
    elif spec.origin is not None:
        home = spec.origin
        start = (home.name, home.lat, home.lon, home.country)
        leg = travel_leg(start, end, spec.level, currency, spec.transport)
        from_zone = ZoneInfo(home.timezone)
        land = clock(spec.arrival_time)
        land = FROM_HOME_LANDS if land is None else land
        departure = departure_from_home(leg, first_day, from_zone, zone, land)
        origin = (home.name, home.country)
    else:
        return None
    segments = leg_segments(
        leg,
        f"leg-{stay_index}",
        departure,
        ((start[1], start[2]), (area.lat, area.lon)),
        (origin, (places.city, places.country)),
        (from_zone, zone),
        spec.travelers,
        day_number,
    )
    at_hotel = segments[-1].end
    return WayIn(
        segments=segments,
        landed=at_hotel,
        arrival=_local_minutes(at_hotel, zone),
        landing_offset=max(0, (at_hotel.astimezone(zone).date() - first_day).days),
        note=leg.note,
    )


def way_home(
    spec: TripSpec,
    last: tuple[CityPlaces, StayArea],
    last_day: date,
    landed: datetime | None,
    day_number: int,
    ready: datetime | None = None,
) -> WayHome | None:
    """The leg home from the last stay on ``last_day``; None without an origin.

    Leaves the hotel mid-afternoon, or in time for the person's ``departure_time``, at
    least ``MIN_STOPOVER`` after ``landed`` (a short stay after a long flight), and not
    before ``ready`` (back at the hotel from the last visit, bags collected).
    """
    if spec.origin is None:
        return None
    places, area = last
    zone, home_zone = ZoneInfo(places.timezone), ZoneInfo(spec.origin.timezone)
    home = spec.origin
    start = (places.city, area.lat, area.lon, places.country)
    end = (home.name, home.lat, home.lon, home.country)
    leg = travel_leg(start, end, spec.level, trip_currency(spec), spec.transport, home=True)
    asked = clock(spec.departure_time)
    note = leg.note
    arrived = landed + MIN_STOPOVER if landed is not None else None
    if asked is not None and (arrived is None or stamp(last_day, asked, zone) >= arrived):
        departure = stamp(last_day, asked, zone)
    else:
        # A chain of services home leaves in the morning of the last day.
        start_at = DEPARTURES[0] if leg.chain else HOME_LEAVE_HOTEL + leg.before.minutes
        earliest = stamp(last_day, start_at, zone)
        floors = [arrived] if arrived is not None else []
        if ready is not None:
            floors.append(ready + timedelta(minutes=leg.before.minutes))
        floor = max(floors, default=None)
        earliest = max(earliest, floor) if floor is not None else earliest
        departure = departure_home(leg, last_day, zone, home_zone, earliest, floor)
        if asked is not None:
            note = (
                f"The way home at {spec.departure_time} would leave before you arrive in "
                f"{places.city} and settle in; I planned it at {departure.astimezone(zone):%H:%M}."
            )
    segments = leg_segments(
        leg,
        "leg-home",
        departure,
        ((area.lat, area.lon), (home.lat, home.lon)),
        ((places.city, places.country), (home.name, home.country)),
        (zone, home_zone),
        spec.travelers,
        day_number,
    )
    leaves = segments[0].start.astimezone(zone)
    minutes = (leaves.date() - last_day).days * 24 * 60 + leaves.hour * 60 + leaves.minute
    note = " ".join(filter(None, (note, _overnight_note(segments[1], last_day))))
    segments[1].notes = note
    return WayHome(segments=segments, leaves_hotel=minutes, note=note)


def _overnight_note(vehicle: model.Segment, last_day: date) -> str:
    """Said when the way home arrives after the trip's last day (an overnight train)."""
    later = (vehicle.end.date() - last_day).days
    if later < 1:
        return ""
    plural = "s" if later > 1 else ""
    return (
        f"{vehicle.name} leaves {vehicle.start:%a %d %b %H:%M} and arrives "
        f"{vehicle.end:%a %d %b %H:%M} (+{later} day{plural}): you are home after the "
        "trip's last day."
    )


def journey_notes(itinerary: model.Itinerary) -> list[str]:
    """What the legs could not do as asked (a wish no route allows), for the reply."""
    return list(
        dict.fromkeys(
            s.notes for s in itinerary.segments if s.type in ("flight", "transfer") and s.notes
        )
    )


HOTEL_BAGS = 30  # minutes at the hotel to collect the bags before the way home
LAST_VISIT_ENDS = HOTEL_BAGS + 60  # the last visit ends this long before: the way back too


def back_at_hotel(
    segments: list[model.Segment], leaves: model.Segment, area: StayArea
) -> datetime | None:
    """When the traveller is back at the hotel with the bags after the last visit before
    ``leaves`` (the step to the station or airport), if that is later than it starts."""
    before = [
        s
        for s in segments
        if s.type in ("activity", "meal")
        and s.location
        and s.end <= leaves.start
        and s.end.date() == leaves.start.date()
    ]
    if not before:
        return None
    last = max(before, key=lambda s: s.end)
    assert last.location is not None
    km = km_between(last.location.lat, last.location.lon, area.lat, area.lon)
    ready = last.end + timedelta(minutes=travel_minutes(km) + HOTEL_BAGS)
    return ready if ready > leaves.start else None
