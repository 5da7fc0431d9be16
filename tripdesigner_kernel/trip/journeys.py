"""The legs of a trip as itinerary segments: the way into each city (from home or from the
previous stay) and the way home, timed in each end's local time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from tripdesigner_kernel.knowledge.places import CityPlaces, StayArea
from tripdesigner_kernel.trip import model
from tripdesigner_kernel.trip.legs import Leg, estimate_leg
from tripdesigner_kernel.trip.parts import money, stamp
from tripdesigner_kernel.trip.spec import TripSpec

MIN_STOPOVER = timedelta(hours=3)
BETWEEN_CITIES_DEPART = 9 * 60 + 30  # minutes after midnight, the previous city's time
FROM_HOME_LANDS = 14 * 60  # a flight from home lands early afternoon, local time
HOME_DEPARTS = 17 * 60  # the way home leaves late afternoon of the last day


@dataclass
class WayIn:
    """The leg into a stay and when it lands.

    ``arrival`` is minutes after local midnight of the landing day; ``landing_offset`` the
    days after the stay's first day that it lands (a long flight: 1).
    """

    segment: model.Segment
    landed: datetime
    arrival: int
    landing_offset: int


def _point(name: str, pos: tuple[float, float], city: tuple[str, str | None]) -> model.Location:
    return model.Location(name=name, lat=pos[0], lon=pos[1], city=city[0], country=city[1])


def _leg_segment(
    leg: Leg,
    segment_id: str,
    start: datetime,
    end: datetime,
    origin: tuple[str, str | None],
    destination: tuple[str, str | None],
    travelers: int,
) -> model.Segment:
    return model.Segment(
        id=segment_id,
        type=leg.kind,
        name=leg.name,
        start=start,
        end=end,
        category=leg.mode,
        tags=[],
        from_=_point(leg.from_name, leg.from_pos, origin),
        to=_point(leg.to_name, leg.to_pos, destination),
        price=money(leg.price_usd * travelers, "USD"),
        details={"km": round(leg.km), "mode": leg.mode, "estimated": True},
    )


def way_in(
    spec: TripSpec,
    stay_index: int,
    previous: tuple[CityPlaces, StayArea] | None,
    places: CityPlaces,
    area: StayArea,
    first_day: date,
) -> WayIn | None:
    """The leg into ``places`` from the previous stay, or from home for the first; None when
    the trip has no origin and this is the first stay."""
    zone = ZoneInfo(places.timezone)
    if previous is not None:
        prev_places, prev_area = previous
        leg = estimate_leg(
            prev_places.city,
            (prev_area.lat, prev_area.lon),
            places.city,
            (area.lat, area.lon),
            spec.level,
        )
        from_zone = ZoneInfo(prev_places.timezone)
        start = stamp(first_day, BETWEEN_CITIES_DEPART, from_zone)
        end = start + timedelta(minutes=leg.minutes)
        origin_name = prev_places.city
    elif spec.origin is not None:
        leg = estimate_leg(
            spec.origin.name,
            (spec.origin.lat, spec.origin.lon),
            places.city,
            (area.lat, area.lon),
            spec.level,
        )
        from_zone = ZoneInfo(spec.origin.timezone)
        end = stamp(first_day, FROM_HOME_LANDS, zone)
        start = end - timedelta(minutes=leg.minutes)
        origin_name = spec.origin.name
    else:
        return None
    local_end = end.astimezone(zone)
    segment = _leg_segment(
        leg,
        f"leg-{stay_index}",
        start.astimezone(from_zone),
        local_end,
        (origin_name, None),
        (places.city, places.country),
        spec.travelers,
    )
    return WayIn(
        segment=segment,
        landed=end,
        arrival=local_end.hour * 60 + local_end.minute,
        landing_offset=max(0, (local_end.date() - first_day).days),
    )


def way_home(
    spec: TripSpec,
    last: tuple[CityPlaces, StayArea],
    last_day: date,
    landed: datetime | None,
) -> model.Segment | None:
    """The leg home from the last stay on ``last_day``; None without an origin.

    Leaves at least ``MIN_STOPOVER`` after ``landed`` (a short stay after a long flight).
    """
    if spec.origin is None:
        return None
    places, area = last
    zone = ZoneInfo(places.timezone)
    leg = estimate_leg(
        places.city,
        (area.lat, area.lon),
        spec.origin.name,
        (spec.origin.lat, spec.origin.lon),
        spec.level,
    )
    start = stamp(last_day, HOME_DEPARTS, zone)
    if landed is not None and start < landed + MIN_STOPOVER:
        start = (landed + MIN_STOPOVER).astimezone(zone)
    home = ZoneInfo(spec.origin.timezone)
    return _leg_segment(
        leg,
        "leg-home",
        start,
        (start + timedelta(minutes=leg.minutes)).astimezone(home),
        (places.city, places.country),
        (spec.origin.name, spec.origin.country),
        spec.travelers,
    )
