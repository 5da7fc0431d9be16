"""What one message asked for: the recognisers' shared result (plain fields, None = not said).

Each recogniser module (places, dates, party, budget, wishes) fills its own fields of one
``TripRequest``; the dialogue state (``state``) turns it into operations on the trip profile.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from tripdesigner_kernel.knowledge.cities import City


@dataclass
class CityStay:
    """A city of the request, with its days when the person gave them; ``nights`` when
    they were said as nights (then ``days`` counts the nights, and the last city of the
    trip gets one day more: the day of leaving)."""

    city: City
    days: int | None = None
    nights: int | None = None


@dataclass
class TripRequest:
    """What a message asked for; None (or empty) where it said nothing."""

    # places (recognisers/places.py)
    stays: list[CityStay] = field(default_factory=list)
    country: str | None = None  # ISO 3166-1 alpha-2 of a country named as the destination
    region: str | None = None  # ISO 3166-2 of a state or region named ("US-OH")
    region_city_count: int | None = None  # "2 cities in Ohio" -> 2
    origin: City | None = None  # where the trip starts; never a stay
    alternatives: list[str] = field(default_factory=list)  # "Portland, Oregon (not Maine)"
    unknown_places: list[str] = field(default_factory=list)  # capitalised words not found
    missing_places: list[str] = field(default_factory=list)  # places named we hold no data for
    # where the text said a city's own length ("3 nights Prague"): no length of the trip
    stay_length_spans: list[tuple[int, int]] = field(default_factory=list)
    # dates and length (dates.py)
    days: int | None = None
    days_total: bool = False  # "make it 6 days", "6 days in total": the whole trip's length
    start_date: date | None = None
    month: int | None = None
    year: int | None = None
    weekend: bool = False
    # events named as the trip's reason ("for Oktoberfest"), with the first day of a visit
    # for each (events.py): [("Oktoberfest", date(2027, 9, 18))]
    events: list[tuple[str, date]] = field(default_factory=list)
    # party (party.py)
    travelers: int | None = None
    travelers_guessed: bool = False  # from "I"/"my" alone, not said outright
    children: list[int | None] = field(default_factory=list)  # ages, None when not said
    # a change to the party said as a change ("my wife is coming too now" +1, "Tom can't
    # come anymore" -1); None when not said. An absolute count ("we're 5 now") is
    # ``travelers`` instead, and then this stays None.
    travelers_delta: int | None = None
    # money (budget.py)
    budget_level: str | None = None
    budget_amount: Decimal | None = None
    budget_currency: str | None = None  # ISO 4217
    budget_scope: str = "total"  # total, per_person, per_day, per_person_per_day
    budget_currency_guessed: bool = False  # no currency said: the origin's or destination's
    # a nightly price for the lodging ("€80 a night for the hotel"), apart from the budget
    lodging_per_night: Decimal | None = None
    lodging_currency: str | None = None  # ISO 4217
    # wishes and constraints (wishes.py); TravelPlanner's terms where it has them
    interests: list[str] = field(default_factory=list)
    avoid: list[str] = field(default_factory=list)  # interest tags to leave out
    # the person's own words for interests our tags only approximate ("opera" is planned
    # as live music): for the reply to say they were noted
    interest_words: list[str] = field(default_factory=list)
    dietary: list[str] = field(default_factory=list)
    cuisines: list[str] = field(default_factory=list)  # "Mexican", "Indian"
    pace: str | None = None
    day_start: str | None = None  # "HH:MM": a late starter ("not a morning person") begins then
    accessibility: list[str] = field(default_factory=list)  # wheelchair, pushchair, older
    transport: list[str] = field(default_factory=list)  # "no flight", "no self-driving"...
    arrival_time: str | None = None  # "HH:MM", local, on the first day
    departure_time: str | None = None  # "HH:MM", local, on the last day
    accommodation_type: str | None = None  # entire room, private room, shared room, ...
    lodging_kind: str | None = None  # hostel, B&B, guesthouse, apartment, ryokan
    house_rules: list[str] = field(default_factory=list)  # smoking, parties, pets, ...
    amenities: list[str] = field(default_factory=list)  # the stay's: pool, parking, kitchen...
    # what the recognisers want said in the reply ("There is no 29 February in 2027...")
    notes: list[str] = field(default_factory=list)
