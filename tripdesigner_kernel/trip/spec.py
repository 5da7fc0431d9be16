"""What the planner is asked for: the stays, the dates, who travels and how."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from tripdesigner_kernel.knowledge.cities import City
from tripdesigner_kernel.trip import model


@dataclass
class Stay:
    """Days in one city."""

    city: City
    days: int


@dataclass
class TripSpec:
    """Everything the planner needs; built by a designer from a conversation."""

    stays: list[Stay]
    start: date
    travelers: int = 2
    level: model.BudgetLevel = "moderate"
    interests: list[str] = field(default_factory=list)
    pace: model.Pace = "moderate"
    origin: City | None = None
    exclude: frozenset[str] = frozenset()
    currency: str | None = None  # the person's currency for totals
    budget_amount: Decimal | None = None
    title: str | None = None
    itinerary_id: str = "trip"
    pinned: dict[int, list[str]] = field(default_factory=dict)  # day number -> visits, meals
    frugal: bool = False  # prefer free and cheap places
    # The meal (lunch, dinner) each eatery kept in ``pinned`` served in the plan being edited.
    meal_of: dict[str, str] = field(default_factory=dict)
    hotel_level: model.BudgetLevel | None = None  # the hotels' level, when not the trip's
    # The most the party's rooms may cost a night, all rooms together: (amount, ISO 4217).
    lodging_cap: tuple[Decimal, str] | None = None
    dietary: list[str] = field(default_factory=list)  # vegetarian, vegan, halal...
    avoid: list[str] = field(default_factory=list)  # interests the person wants less of
    # Who travels and how (from the trip profile); the planner acts on what it can.
    children: list[int | None] = field(default_factory=list)  # ages in years, None = unknown
    accessibility: list[str] = field(default_factory=list)  # wheelchair, pushchair, older
    transport: list[str] = field(default_factory=list)  # "no flight", "no self-driving", ...
    cuisines: list[str] = field(default_factory=list)  # cuisines the meals should cover
    arrival_time: str | None = None  # "HH:MM" local, first day
    departure_time: str | None = None  # "HH:MM" local, last day
    day_start: str | None = None  # "HH:MM" local: a late starter's days begin then
    bedtime: str | None = None  # "HH:MM" local: back at the hotel by then (children's bedtime)
    events: list[str] = field(default_factory=list)  # events named ("Oktoberfest"), first
    lodging: str | None = None  # the kind of stay: hostel, B&B, guesthouse, apartment, ryokan
    # day number (0: every day) -> wishes for it: free, visits, start, meal times (day_wishes)
    day_wishes: dict[int, dict[str, Any]] = field(default_factory=dict)
