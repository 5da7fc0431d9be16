"""Slot operations on the trip profile (the dialogue state): set, add, remove, shift.

Each operation changes one slot of a ``TripProfile`` in place and marks the slot as said
(no longer assumed). ``apply_request`` turns what one message asked for (a
``TripRequest``) into these operations.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from datetime import date, timedelta

from tripdesigner_kernel.designers.offline.understanding.dates import WEEKEND_NOTE, start_date_for
from tripdesigner_kernel.designers.offline.understanding.profile import (
    Destination,
    Place,
    TripProfile,
)
from tripdesigner_kernel.designers.offline.understanding.request import CityStay, TripRequest
from tripdesigner_kernel.knowledge.cities import City, city_index

MAX_DAYS = 30
MAX_TRAVELERS = 50  # the itinerary's limit
ADDED_CITY_DAYS = 2  # "add Porto": days for a city added without a length

# Slot names as the reply says them when assumed.
DATES, LENGTH, TRAVELLERS, LEVEL = "dates", "length", "travellers", "level"
CURRENCY = "currency"  # a budget's currency, when only the amount was said


def said(profile: TripProfile, *slots: str) -> None:
    """Mark ``slots`` as said by the person: no longer assumed."""
    profile.assumed = [s for s in profile.assumed if s not in slots]


def assume(profile: TripProfile, slot: str) -> None:
    """Mark ``slot`` as assumed: filled in by us, to be confirmed."""
    if slot not in profile.assumed:
        profile.assumed.append(slot)


def add_to(profile: TripProfile, slot: str, values: Iterable[str]) -> None:
    """Add ``values`` to a list slot (interests, avoid, dietary...), keeping order, no repeats."""
    current: list[str] = getattr(profile, slot)
    setattr(profile, slot, list(dict.fromkeys([*current, *values])))


def remove_from(profile: TripProfile, slot: str, values: Iterable[str]) -> None:
    """Remove ``values`` from a list slot."""
    gone = set(values)
    setattr(profile, slot, [v for v in getattr(profile, slot) if v not in gone])


def _destination(stay: CityStay, days: int | None = None) -> Destination:
    city = stay.city
    return Destination(
        name=city.name, country=city.country, lat=city.lat, lon=city.lon, days=stay.days or days
    )


def find_city(place: Place) -> City | None:
    """The city a profile's place names: by its coordinates when kept, else name and country."""
    found = city_index().candidates(place.name, towns=True)
    if place.lat is not None and place.lon is not None:
        for city in found:
            if abs(city.lat - place.lat) < 1e-3 and abs(city.lon - place.lon) < 1e-3:
                return city
    in_country = [city for city in found if city.country == place.country]
    best = in_country or found
    return best[0] if best else None


def destination_cities(profile: TripProfile) -> list[City | None]:
    """The trip's cities, in order (None for a place no longer found)."""
    return [find_city(d) for d in profile.destinations]


def set_destinations(
    profile: TripProfile, stays: list[CityStay], region: str | None = None
) -> None:
    """The trip goes to ``stays`` (chosen in ``region``, ISO 3166-2, if named), in order;
    earlier day-by-day choices no longer apply."""
    profile.destinations = [_destination(s) for s in stays]
    profile.region = region
    profile.planner.pinned, profile.planner.exclude = {}, []
    if not all(d.days for d in profile.destinations):
        # The trip's length was the old cities' sum; unless said, split it afresh.
        if LENGTH in profile.assumed:
            profile.dates.days = None
    else:
        profile.dates.days = sum(d.days or 0 for d in profile.destinations)


def add_destinations(
    profile: TripProfile, stays: list[CityStay], days: int | None, *, share: bool = False
) -> list[str]:
    """Add cities at the end of the trip (``days`` each when the stay has none); returns notes.

    ``share``: the message also named the trip's new total length, which the caller sets
    next; a city added without its days then gets a share of that total.
    """
    known = set(destination_cities(profile))
    notes = []
    for stay in stays:
        if stay.city in known:
            notes.append(f"{stay.city.name} is already part of the trip.")
            continue
        added = _destination(stay, None if share else days or ADDED_CITY_DAYS)
        profile.destinations.append(added)
        known.add(stay.city)
        if added.days:
            notes.append(f"Added {added.name} for {added.days} days at the end.")
        else:
            notes.append(f"Added {added.name} at the end, with a share of the trip's days.")
    profile.dates.days = sum(d.days or 0 for d in profile.destinations)
    said(profile, LENGTH)
    return notes


def remove_destination(profile: TripProfile, name: str) -> bool:
    """Take a city out of the trip (never the last one); True when it was there."""
    kept = [d for d in profile.destinations if d.name != name]
    if len(kept) == len(profile.destinations) or not kept:
        return False
    profile.destinations = kept
    profile.dates.days = sum(d.days or 0 for d in kept) or None
    profile.planner.pinned = {}
    return True


def set_origin(profile: TripProfile, origin: City) -> None:
    """Where the trip starts; it is never also a stay, unless it is the only one."""
    profile.origin = Place(name=origin.name, country=origin.country, lat=origin.lat, lon=origin.lon)
    if len(profile.destinations) > 1:
        cities = destination_cities(profile)
        profile.destinations = [
            d for d, city in zip(profile.destinations, cities, strict=True) if city != origin
        ]


def set_length(profile: TripProfile, days: int) -> None:
    """A new total length: the days are split over the cities again."""
    profile.dates.days = min(days, MAX_DAYS)
    profile.destinations = [d.model_copy(update={"days": None}) for d in profile.destinations]
    profile.planner.pinned = {}
    said(profile, LENGTH)


def set_start(profile: TripProfile, start: date, given: str) -> None:
    """The trip's first day; its length stays."""
    profile.dates.start_date = start
    profile.dates.end_date = None
    profile.dates.given = "date" if given == "date" else "month"
    said(profile, DATES)


def shift_dates(profile: TripProfile, days: int = 0, months: int = 0) -> date | None:
    """Move the whole trip by ``days`` or calendar ``months``; same length. The new start."""
    start = profile.dates.start_date
    if start is None:
        return None
    if months:
        index = start.year * 12 + start.month - 1 + months
        year, month = divmod(index, 12)
        last = calendar.monthrange(year, month + 1)[1]
        start = start.replace(year=year, month=month + 1, day=min(start.day, last))
    start += timedelta(days=days)
    profile.dates.start_date = start
    profile.dates.end_date = None
    said(profile, DATES)
    return start


def set_travelers(profile: TripProfile, count: int, children: list[int | None]) -> None:
    """``count`` people in all, of whom ``children`` (ages) are children.

    When there are at least as many children as ``count``, ``count`` can only be the adults.
    """
    kids = children or profile.travelers.children
    profile.travelers.adults = count - len(kids) if len(kids) < count else count
    profile.travelers.children = list(kids)
    said(profile, TRAVELLERS)


def _weekend_start(profile: TripProfile, request: TripRequest, today: date) -> list[str]:
    """A weekend with no date starts on the Friday the reply names (``WEEKEND_NOTE``): one
    start for the note and the plan. With dates said before, the weekend of those dates."""
    said_start = profile.dates.start_date if DATES not in profile.assumed else None
    if said_start is None:
        start = start_date_for(request, today)
        profile.dates.start_date, profile.dates.end_date = start, None
        profile.dates.given = "assumed"
        assume(profile, DATES)
        return []
    friday = said_start + timedelta(days=(4 - said_start.weekday()) % 7)
    request.notes = [
        n for n in request.notes if n != WEEKEND_NOTE.format(start_date_for(request, today))
    ]
    set_start(profile, friday, profile.dates.given)
    return [f"The weekend of your dates: from {friday:%A %-d %B %Y}."]


def change_travelers(profile: TripProfile, delta: int) -> list[str]:
    """``delta`` more (or fewer) adults than the party had (two when nobody said); notes."""
    adults = profile.travelers.adults or 2
    wanted = adults + delta
    if wanted < 1 or wanted + len(profile.travelers.children) > MAX_TRAVELERS:
        return [f"I kept the party as it was: {adults} adult{'s' if adults != 1 else ''}."]
    profile.travelers.adults = wanted
    said(profile, TRAVELLERS)
    return []


def apply_request(
    profile: TripProfile, request: TripRequest, today: date, *, fresh: bool, length: bool = True
) -> list[str]:
    """Set the slots that ``request`` names; places are left to the caller. Returns notes.

    ``fresh``: the first message of a trip (a party guessed from "I" counts). ``length``:
    whether the message's length applies to the trip (not when it sized an added city).
    """
    notes = []
    if request.origin is not None:
        set_origin(profile, request.origin)
    per_city = [d.days for d in profile.destinations]
    cities_days = all(per_city) and sum(d or 0 for d in per_city) == request.days
    if request.days and length and cities_days and request.days <= MAX_DAYS:
        said(profile, LENGTH)  # "2 days in Lisbon and 4 in Porto": the cities' own days
    elif request.days and length:
        set_length(profile, request.days)
        if request.days > MAX_DAYS:
            notes.append(f"I plan trips of up to {MAX_DAYS} days, so I planned {MAX_DAYS}.")
    if request.start_date or request.month:
        set_start(profile, start_date_for(request, today), "date" if request.start_date else "")
    elif request.weekend:
        notes += _weekend_start(profile, request, today)
    party_ok = request.travelers is not None and 1 <= request.travelers <= MAX_TRAVELERS
    if request.travelers and not party_ok:
        notes.append(f"I can plan for 1 to {MAX_TRAVELERS} travellers, not {request.travelers}.")
    elif request.travelers and (fresh or not request.travelers_guessed):
        set_travelers(profile, request.travelers, request.children)
    elif request.travelers_delta:
        notes += change_travelers(profile, request.travelers_delta)
    elif request.children:
        adults = profile.travelers.adults or 2
        profile.travelers.children = list(request.children)
        profile.travelers.adults = adults
    budget = profile.budget
    if request.budget_amount is not None:
        budget.amount, budget.currency = request.budget_amount, request.budget_currency
        budget.scope = request.budget_scope  # type: ignore[assignment]
        said(profile, LEVEL)
        if request.budget_currency_guessed:
            assume(profile, CURRENCY)
        else:
            said(profile, CURRENCY)
    if request.budget_level:
        budget.level = request.budget_level
        profile.planner.frugal = False
        said(profile, LEVEL)
    add_to(profile, "interests", request.interests)
    if request.avoid:
        add_to(profile, "avoid", request.avoid)
        remove_from(profile, "interests", request.avoid)
    add_to(profile, "dietary", request.dietary)
    add_to(profile, "cuisines", request.cuisines)
    add_to(profile, "accessibility", request.accessibility)
    add_to(profile, "transport", request.transport)
    if request.pace:
        profile.pace = request.pace
    if request.day_start:
        profile.day_start = request.day_start
    add_to(profile, "interest_words", request.interest_words)
    add_to(profile, "events", [name for name, _ in request.events])
    if request.arrival_time:
        profile.arrival_time = request.arrival_time
    if request.departure_time:
        profile.departure_time = request.departure_time
    if request.accommodation_type:
        profile.accommodation.type = request.accommodation_type
    if request.lodging_kind:
        profile.accommodation.kind = request.lodging_kind
    stay = profile.accommodation
    stay.rules = list(dict.fromkeys([*stay.rules, *request.house_rules]))
    stay.amenities = list(dict.fromkeys([*stay.amenities, *request.amenities]))
    if request.lodging_per_night is not None:
        stay.per_night, stay.currency = request.lodging_per_night, request.lodging_currency
    return notes


def fill_assumptions(profile: TripProfile, today: date) -> None:
    """Fill what the plan needs and nobody said (dates, party), marking it assumed."""
    if profile.dates.start_date is None:
        profile.dates.start_date = start_date_for(TripRequest(), today)
        profile.dates.given = "assumed"
        assume(profile, DATES)
    if profile.dates.days is None and not all(d.days for d in profile.destinations):
        assume(profile, LENGTH)
    if profile.travelers.adults is None:
        profile.travelers.adults = 2
        assume(profile, TRAVELLERS)
    if profile.budget.level is None and profile.budget.amount is None:
        assume(profile, LEVEL)
