"""Where the party sleeps, as the person asked: a nightly price cap and the hotels' level.

A cap ("no more than 150 EUR a night for the hotel") is for all the party's rooms a night
unless said per room ("150 per room"); the planner takes the stay option under it where our
data has one (``trip.days.CityPlanner.stay_area``), and ``lodging_notes`` says what it
chose, or plainly that nothing under it sleeps the party there, with the cheapest price.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from tripdesigner_kernel.designers.offline.understanding.profile import TripProfile
from tripdesigner_kernel.trip import model
from tripdesigner_kernel.trip.days import rooms_for

LEVELS = ("budget", "moderate", "luxury")
# "150 per room", "rooms under 100 each", "a room at most 120": the price is each room's.
_PER_ROOM = re.compile(
    r"\b(?:per|a|each|every) ?room\b|/ ?room\b|\brooms?\b.*\b(?:each|apiece)\b"
    r"|\bper double\b"
)
# "cheaper hotel", "a less expensive place to stay", "the hotel is too pricey": the hotel only.
_STAY = (
    r"(?:hotels?|rooms?|accommodation|lodging|place to stay|places to stay|somewhere to stay"
    r"|hostels?|b ?& ?b|airbnb|apartment|digs|lodgings|beds?|where we (?:stay|sleep))"
)
_PRICE = (
    r"(?:cheaper|less expensive|more affordable|too expensive|too pricey|pricey|fancier|nicer"
    r"|better|more luxurious|upgrade|downgrade|save money on)"
)
# "stay somewhere cheaper", "somewhere cheaper to sleep": where the nights are spent.
_SLEEP = r"(?:stay|staying|sleep|sleeping|spend the nights?|crash|bed down)"
_HOTEL_WORDS = re.compile(
    rf"\b{_PRICE} (?:[a-z]+ ){{0,2}}?{_STAY}\b|\b{_STAY} (?:[a-z]+ ){{0,3}}?{_PRICE}\b"
    rf"|\b{_SLEEP} (?:[a-z]+ ){{0,2}}?{_PRICE}\b|\b{_PRICE} (?:[a-z]+ ){{0,2}}?to {_SLEEP}\b"
)


def per_room_said(folded: str) -> bool:
    """Whether a (folded) nightly price is each room's rather than the party's."""
    return bool(_PER_ROOM.search(folded))


def about_the_hotel(folded: str) -> bool:
    """Whether "cheaper" or "fancier" in a (folded) message is about the hotel only."""
    return bool(_HOTEL_WORDS.search(folded))


def lodging_cap(profile: TripProfile, travelers: int, currency: str) -> tuple[Decimal, str] | None:
    """The most all the party's rooms may cost a night (amount, ISO 4217), or None."""
    stay = profile.accommodation
    if stay.per_night is None:
        return None
    amount = stay.per_night * (rooms_for(travelers) if stay.per_room else 1)
    return amount, stay.currency or currency


def hotel_level_of(itinerary: Mapping[str, Any] | None) -> str | None:
    """The level of a plan's (first) hotel, as planned."""
    for segment in (itinerary or {}).get("segments", []):
        if segment["type"] == "hotel" and segment.get("tags"):
            level = str(segment["tags"][0])
            return level if level in LEVELS else None
    return None


def step_hotel_level(profile: TripProfile, step: int, planned: str | None) -> str:
    """Move the hotels' level one ``step`` (-1 cheaper, +1 dearer) from ``planned`` (the
    plan's); returns the note. A dearer hotel lifts a nightly price said before."""
    level = planned or profile.planner.hotel_level or profile.planner.chosen_level or "moderate"
    index = LEVELS.index(level) + step
    if not 0 <= index < len(LEVELS):
        if step > 0:
            return f"The hotel is already at our dearest level ({level})."
        return (
            f"The hotel is already at our cheapest level ({level}). Name a nightly price "
            "(*hotel under 80 a night*) and I will look in other areas."
        )
    profile.planner.hotel_level = LEVELS[index]
    note = f"A {LEVELS[index]} hotel now; the days keep their places."
    stay = profile.accommodation
    if step > 0 and stay.per_night is not None:
        note += f" (That lifts your {stay.per_night:,.0f} {stay.currency or ''} a night.)"
        stay.per_night, stay.currency, stay.per_room = None, None, False
    return note.replace(" )", ")")


def lodging_notes(itinerary: model.Itinerary, profile: TripProfile) -> list[str]:
    """What the plan's hotels cost a night against the person's cap: under it, or why not."""
    from tripdesigner_kernel.knowledge.money import UnknownCurrencyError, convert

    stay = profile.accommodation
    if stay.per_night is None:
        return []
    rooms = rooms_for(itinerary.travelers)
    each = " per room" if stay.per_room else f" for all {rooms} rooms" if rooms > 1 else ""
    notes = []
    for hotel in (s for s in itinerary.segments if s.type == "hotel"):
        nightly = Decimal(str(hotel.details.get("nightly", 0))) * rooms
        local = hotel.price.currency if hotel.price else stay.currency or ""
        city = hotel.location.city if hotel.location else ""
        try:
            cap = convert(stay.per_night, stay.currency or local, local)
        except UnknownCurrencyError:
            notes.append(f"I could not compare {city}'s hotel with your nightly price.")
            continue
        cap *= rooms if stay.per_room else 1
        said = f"{stay.per_night:,.0f} {stay.currency or local} a night{each}"
        room_word = f"{rooms} room{'s' if rooms > 1 else ''}"
        if nightly <= cap:
            notes.append(
                f"Within your {said}: {hotel.name}, {nightly:,.0f} {local} a night ({room_word})."
            )
        else:
            other = (
                f" (If you meant {stay.per_night:,.0f} per room, say so.)"
                if rooms > 1 and not stay.per_room
                else ""
            )
            notes.append(
                f"Nothing in our data for {city} sleeps {itinerary.travelers} for {said}: "
                f"the cheapest is {hotel.name}, {nightly:,.0f} {local} a night ({room_word})."
                + other
            )
    return notes
