"""When a place is open on a given date: its opening hours for that date (seasons included),
less the holidays it closes on, less the dark hours for an outdoor place."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from tripdesigner_kernel.knowledge.closures import closed_for
from tripdesigner_kernel.knowledge.daylight import daylight
from tripdesigner_kernel.knowledge.hours import Interval, open_intervals
from tripdesigner_kernel.knowledge.places import Place
from tripdesigner_kernel.knowledge.taxonomy import OUTDOOR_CATEGORIES


def needs_daylight(place: Place) -> bool:
    """True for an outdoor place (park, viewpoint, beach, nature) not worth seeing at night."""
    return place.category in OUTDOOR_CATEGORIES and not place.after_dark


def daylight_of(place: Place, day: date) -> tuple[int, int] | None:
    """(sunrise, dusk) at the place that day, minutes after local midnight; None if unknown."""
    if not place.timezone:
        return None
    return daylight(round(place.lat, 2), round(place.lon, 2), day, place.timezone)


def long_closure(place: Place, day: date) -> str | None:
    """Why ``place`` is shut for months around ``day`` (a renovation), or None."""
    if place.closed and place.closed[0] <= day.isoformat() <= place.closed[1]:
        return f"{place.closed[2]} until {date.fromisoformat(place.closed[1]):%B %Y}"
    return None


@lru_cache(maxsize=65536)
def open_on(place: Place, day: date) -> tuple[Interval, ...]:
    """Intervals (minutes after local midnight of ``day``) when ``place`` can be visited."""
    if long_closure(place, day) or closed_for(place.category, place.country, day):
        return ()
    intervals = open_intervals(place.hours, day)
    light = daylight_of(place, day) if needs_daylight(place) else None
    if light is not None:
        rise, dark = light
        intervals = tuple(
            (max(o, rise), min(c, dark)) for o, c in intervals if min(c, dark) > max(o, rise)
        )
    return intervals


def closure_reason(place: Place, day: date) -> str | None:
    """Why ``place`` is shut all day ``day`` (a holiday, its weekly day off), or None."""
    holiday = long_closure(place, day) or closed_for(place.category, place.country, day)
    if holiday:
        return holiday
    if not open_intervals(place.hours, day):
        return f"closed on {day:%A %d %B}"
    return None
