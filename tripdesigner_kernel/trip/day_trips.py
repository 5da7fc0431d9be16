"""Day trips as whole days: which excursions fit the party and its interests, on which days
of a stay, and the timing of the leg out, the time there and the leg back."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from tripdesigner_kernel.knowledge.geo import km_between
from tripdesigner_kernel.knowledge.network import same_rail_network
from tripdesigner_kernel.knowledge.opening import open_on
from tripdesigner_kernel.knowledge.places import CityPlaces, Place, StayArea, day_trips_for
from tripdesigner_kernel.knowledge.taxonomy import matches_interest
from tripdesigner_kernel.trip.party import unsuitable
from tripdesigner_kernel.trip.spec import TripSpec

MIN_STAY_DAYS = 4  # a stay this long has a day to spare for an excursion
DAYS_PER_TRIP = 4  # one day trip per this many days of the stay
ON_SITE_MIN = 180  # a day trip shorter than this on site is not worth the journey
LEAVE_EARLIEST = 8 * 60
LONG_LEG = 120  # a leg this long may leave an hour earlier (the first trains to the ruins)
ROAD_KMH, ROAD_DETOUR, LEG_OVERHEAD = 60.0, 1.3, 20  # an estimated leg: to the station, then
DRIVE_KMH, DRIVE_OVERHEAD = 70.0, 10  # a rented car: from the hotel's car park
RAIL_DETOUR, RAIL_KMH = 1.2, 90.0  # an estimated train on a rail network (as trip/legs.py)
MAX_LEG = 180  # longer each way is no day trip but a night away or a tour
INFANT_AGE, INFANT_MAX_LEG = 3, 120  # with a child under three: shorter legs, no dawn start
LUNCH_MINUTES = 60


def max_leg(spec: TripSpec) -> int:
    """The longest one-way leg of a day trip for this party (minutes)."""
    if any(age is not None and age < INFANT_AGE for age in spec.children):
        return INFANT_MAX_LEG
    return MAX_LEG


def driving(spec: TripSpec) -> bool:
    """True when the party has a car of its own for the trip ("we'll rent a car")."""
    return "self-driving" in spec.transport


@dataclass(frozen=True)
class DayTrip:
    """A timed day trip; times in minutes after local midnight, the leg one way."""

    place: Place
    leave: int
    start: int
    end: int
    home: int
    leg_minutes: int
    mode: str
    estimated: bool


def leg_of(place: Place, area: StayArea, drive: bool = False) -> tuple[int, str, bool]:
    """(one-way minutes, mode, estimated) from the stay area to ``place``.

    The place's own ``leg`` when the data has it, else road at ``ROAD_KMH`` plus the way to
    the station or coach. ``drive``: the party has a car, so a leg by road is driven (a
    train or a boat stays one: no car reaches Machu Picchu).
    """
    km = km_between(area.lat, area.lon, place.lat, place.lon) * ROAD_DETOUR
    if drive and (not place.leg_minutes or place.leg_mode in ("bus", "car")):
        return DRIVE_OVERHEAD + 5 * math.ceil(km / DRIVE_KMH * 60 / 5), "car", True
    if place.leg_minutes:
        return place.leg_minutes, place.leg_mode or "train", False
    if same_rail_network(place.neighbourhood, place.country, place.name, place.country):
        rail = km / ROAD_DETOUR * RAIL_DETOUR
        return LEG_OVERHEAD + 5 * math.ceil(rail / RAIL_KMH * 60 / 5), "train", True
    return LEG_OVERHEAD + 5 * math.ceil(km / ROAD_KMH * 60 / 5), "bus", True


def too_far(leg: tuple[int, str, bool], spec: TripSpec) -> bool:
    """True when a day trip's leg is too long each way for this party: over three hours by
    road (hours on a bus are no day out), over two hours with a child under three. A
    curated train or boat (the train to Machu Picchu) counts as the data says."""
    minutes, mode, estimated = leg
    if minutes > max_leg(spec):
        return max_leg(spec) == INFANT_MAX_LEG or estimated or mode in ("bus", "car")
    return False


def fitting_day_trips(places: CityPlaces, spec: TripSpec) -> list[Place]:
    """The city's day trips that suit the party and answer its interests, best first.

    With no interests stated, every suitable day trip fits (curators list the best first);
    else the ones answering more of the interests come first. A neighbouring city's
    excursions in reach count too (knowledge.places.day_trips_for).
    """
    found = []
    own = tuple(p for p in places.activities if p.category == "day_trip")
    near = (
        day_trips_for(places.city, places.country, places.lat, places.lon)
        if places.coverage == "curated"
        else ()
    )
    centre = StayArea("centre", places.lat, places.lon, (), "")
    for place in own + tuple(p for p in near if p not in own):
        if place.name in spec.exclude or unsuitable(place, spec):
            continue
        if too_far(leg_of(place, centre, driving(spec)), spec):
            continue  # hours each way: no day trip (the Great Ocean Road by bus)
        if spec.avoid and matches_interest(place.category, place.tags, spec.avoid):
            continue
        if spec.interests and not matches_interest(place.category, place.tags, spec.interests):
            continue
        found.append(place)
    matched = {
        p.name: sum(matches_interest(p.category, p.tags, [i]) for i in spec.interests)
        for p in found
    }
    return sorted(found, key=lambda p: -matched[p.name])


def trip_days(days: int, count: int, blocked: set[int]) -> list[int]:
    """Offsets (0-based) of a stay's days for ``count`` day trips, spread out.

    Never the first or last day of the stay, nor a ``blocked`` one (an arrival, a pinned day).
    """
    free = [offset for offset in range(1, days - 1) if offset not in blocked]
    if not free or count <= 0:
        return []
    count = min(count, len(free))
    step = len(free) / count
    return sorted({free[min(len(free) - 1, int(step * (k + 0.5)))] for k in range(count)})


def trips_wanted(days: int) -> int:
    """How many day trips a stay of ``days`` days gets (before the data's limit)."""
    return 0 if days < MIN_STAY_DAYS else max(1, days // DAYS_PER_TRIP)


def time_day_trip(
    place: Place,
    day: date,
    area: StayArea,
    not_before: int | None = None,
    spec: TripSpec | None = None,
    home_by: int | None = None,
) -> DayTrip | None:
    """The day trip to ``place`` on ``day``, leaving early enough to be there when it opens;
    None when it is closed that day or too short to be worth the journey.

    ``not_before``: the person's own start of the day (minutes; a late starter), which the
    leg out never precedes; else ``LEAVE_EARLIEST``, an hour earlier for a long leg (not
    with a child under three). ``spec``: the party (a car, a baby). ``home_by``: back at
    the base by then (minutes), in time for dinner.
    """
    # Too far for the party was judged from the centre (fitting_day_trips), for every area.
    leg, mode, estimated = leg_of(place, area, spec is not None and driving(spec))
    infant = spec is not None and max_leg(spec) == INFANT_MAX_LEG
    wanted = max(ON_SITE_MIN, place.minutes - 2 * leg)
    for opens, closes in open_on(place, day):
        earliest = (
            not_before
            if not_before is not None
            else LEAVE_EARLIEST - (60 if leg >= LONG_LEG and not infant else 0)
        )
        start = max(opens, earliest + leg)
        latest = closes if home_by is None else min(closes, home_by - leg)
        on_site = min(wanted, latest - start)
        if on_site >= ON_SITE_MIN:
            return DayTrip(
                place,
                start - leg,
                start,
                start + on_site,
                start + on_site + leg,
                leg,
                mode,
                estimated,
            )
    return None
