"""Filling a day's idle gaps: another visit that fits, else a reason shown for the time
(a rest at the hotel, free time to wander the neighbourhood). No unexplained hole over
``MAX_IDLE`` minutes is left in a planned day."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date

from tripdesigner_kernel.knowledge.geo import km_between, travel_minutes
from tripdesigner_kernel.knowledge.places import Place
from tripdesigner_kernel.trip.scheduler import Stop, earliest_start

MAX_IDLE = 120  # minutes of nothing between two items that a plan may leave unexplained
MIN_REST = 45  # worth going back to the hotel for
REST_KIND, FREE_KIND = "rest", "free"  # stops that are notes, not visits


def _travel(a: Place, b: Place) -> int:
    return travel_minutes(km_between(a.lat, a.lon, b.lat, b.lon))


def _note_place(name: str, category: str, at: Place, description: str) -> Place:
    return Place(
        name,
        category,
        (),
        at.lat,
        at.lon,
        0,
        "24/7",
        0,
        0.0,
        at.neighbourhood,
        description,
        country=at.country,
        timezone=at.timezone,
    )


def _insert_visit(
    prev: Stop, nxt: Stop, day: date, options: Sequence[Place]
) -> tuple[Stop, Stop] | None:
    """The first of ``options`` that fits between ``prev`` and ``nxt``, and ``nxt`` re-timed."""
    for place in options:
        there = _travel(prev.place, place)
        start = earliest_start(place, day, prev.end + there, place.minutes)
        if start is None:
            continue
        back = _travel(place, nxt.place)
        if start + place.minutes + back <= nxt.start:
            visit = Stop(place, start, start + place.minutes, "activity", there)
            return visit, replace(nxt, travel_before=back)
    return None


def _reason(prev: Stop, nxt: Stop, hotel: Place) -> tuple[Stop, Stop]:
    """A rest at the hotel when it is worth the way there and back, else free time nearby."""
    there, back = _travel(prev.place, hotel), _travel(hotel, nxt.place)
    if nxt.start - prev.end - there - back >= MIN_REST:
        rest = _note_place(
            "Rest at the hotel", REST_KIND, hotel, "Back to the hotel to rest before the evening."
        )
        stop = Stop(rest, prev.end + there, nxt.start - back, REST_KIND, there)
        return stop, replace(nxt, travel_before=back)
    where = prev.place.neighbourhood or "the area"
    free = _note_place(
        f"Free time around {where}",
        FREE_KIND,
        prev.place,
        f"Time to wander {where} at your own pace: cafes, shops, side streets.",
    )
    stop = Stop(free, prev.end, nxt.start - nxt.travel_before, FREE_KIND, 0)
    return stop, nxt


def fill_gaps(
    stops: list[Stop],
    day: date,
    options: Callable[[Place], Sequence[Place]],
    hotel: Place,
    max_visits: int,
) -> list[Stop]:
    """``stops`` with every gap over ``MAX_IDLE`` minutes filled.

    Visits are added while the day has fewer than ``max_visits`` (the pace's own number);
    past that, the gap gets its reason instead.

    ``options(near)`` gives the free places worth adding near a point, best first; a
    visit taken from them is the caller's to mark used. The first stop may be a lead (the
    arrival at the hotel) that is not returned.
    """
    filled = list(stops)
    index = 1
    while index < len(filled):
        prev, nxt = filled[index - 1], filled[index]
        idle = nxt.start - prev.end - nxt.travel_before
        if idle <= MAX_IDLE or nxt.kind in (REST_KIND, FREE_KIND):
            index += 1
            continue
        taken = {s.place.name for s in filled}
        visits = sum(s.kind == "activity" for s in filled)
        found = (
            _insert_visit(prev, nxt, day, [p for p in options(prev.place) if p.name not in taken])
            if visits < max_visits
            else None
        )
        if found is None:
            found = _reason(prev, nxt, hotel)
        filled[index : index + 1] = list(found)  # the gap before it is looked at next
    return filled
