"""The trip profile: the dialogue state of one session, kept as plain JSON in its record.

The slots say what the person wants (origin, destinations, dates, party, budget,
wishes and constraints) and which of them were assumed rather than said. The planner's
working keys (days pinned by earlier edits, places excluded, the undo stack) live apart,
under ``planner``, so the slots read as what was understood.

A record from before the profile had this shape (``cities``, ``days``, ``budget_level``...)
is upgraded on load by ``upgrade_profile``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

PROFILE_VERSION = 2
SCHEMA_ID = "https://tripdesigner.dev/schema/trip-profile/2"

BudgetScope = Literal["total", "per_person", "per_day", "per_person_per_day"]
# How the dates were given: a day, a month (or season), nothing (assumed).
DatesGiven = Literal["date", "month", "assumed"]


class _Slot(BaseModel):
    # Every key is always printed, so the schema lists every key as required.
    model_config = ConfigDict(extra="ignore", json_schema_serialization_defaults_required=True)


class Place(_Slot):
    """A city: its name, its ISO 3166-1 alpha-2 country, and its coordinates (WGS 84
    degrees), which tell apart cities of one name (Portland, Oregon and Portland, Maine)."""

    name: str
    country: str
    lat: float | None = None
    lon: float | None = None


class Destination(Place):
    """A city of the trip, in order; ``days`` is None until split from the trip's length."""

    days: int | None = Field(default=None, ge=0)


class Dates(_Slot):
    """When: the first and last day (ISO dates), the length in days, how they were given."""

    start_date: date | None = None
    end_date: date | None = None
    days: int | None = Field(default=None, ge=1)
    given: DatesGiven = "assumed"


class Travelers(_Slot):
    """Who travels: adults, and children by age in years (None when the age was not said)."""

    adults: int | None = Field(default=None, ge=1)
    children: list[int | None] = Field(default_factory=list)


class Budget(_Slot):
    """Money: an amount in an ISO 4217 currency, what it covers, and a level."""

    amount: Decimal | None = None
    currency: str | None = None
    scope: BudgetScope = "total"
    level: str | None = None  # budget, moderate, luxury


class Accommodation(_Slot):
    """Where to sleep, in TravelPlanner's terms: room type and house rules."""

    kind: str | None = None  # hostel, B&B, guesthouse, apartment, ryokan; None: a hotel
    type: str | None = None  # entire room, private room, shared room, not shared room
    rules: list[str] = Field(default_factory=list)  # smoking, parties, pets, visitors...
    amenities: list[str] = Field(default_factory=list)  # pool, parking, kitchen, wifi...
    per_night: Decimal | None = None  # a nightly price the person named
    currency: str | None = None  # ISO 4217 of ``per_night``
    per_room: bool = False  # ``per_night`` is each room's, not all the party's rooms'


class PlannerState(_Slot):
    """The planner's working keys, kept apart from the slots."""

    pinned: dict[str, list[str]] = Field(default_factory=dict)  # day -> visit, meal names
    exclude: list[str] = Field(default_factory=list)  # places not to plan again
    frugal: bool = False  # favour free places ("cheaper" at the budget level already)
    chosen_level: str | None = None  # the level the last plan was made at
    hotel_level: str | None = None  # the hotels' level, when asked apart from the trip's
    undo: list[dict[str, Any]] = Field(default_factory=list)  # earlier profiles, newest last
    # day ("0": every day) -> wishes for it: free, visits, start and meal times (day_edits)
    day_wishes: dict[str, dict[str, Any]] = Field(default_factory=dict)


class TripProfile(_Slot):
    """What the person wants from the trip, slot by slot; see the module docstring."""

    version: int = PROFILE_VERSION
    origin: Place | None = None
    destinations: list[Destination] = Field(default_factory=list)
    region: str | None = None  # ISO 3166-2 of the state or region the cities were chosen in
    dates: Dates = Field(default_factory=Dates)
    travelers: Travelers = Field(default_factory=Travelers)
    budget: Budget = Field(default_factory=Budget)
    interests: list[str] = Field(default_factory=list)
    avoid: list[str] = Field(default_factory=list)
    dietary: list[str] = Field(default_factory=list)
    cuisines: list[str] = Field(default_factory=list)
    pace: str | None = None
    day_start: str | None = None  # "HH:MM" local: a late starter's days begin then
    bedtime: str | None = None  # "HH:MM" local: back at the hotel before it (children's bedtime)
    interest_words: list[str] = Field(default_factory=list)  # own words our tags approximate
    events: list[str] = Field(default_factory=list)  # events named as the trip's reason
    accessibility: list[str] = Field(default_factory=list)
    transport: list[str] = Field(default_factory=list)
    arrival_time: str | None = None  # "HH:MM", local, first day
    departure_time: str | None = None  # "HH:MM", local, last day
    accommodation: Accommodation = Field(default_factory=Accommodation)
    assumed: list[str] = Field(default_factory=list)  # slots assumed, not said
    planner: PlannerState = Field(default_factory=PlannerState)

    def slots(self) -> dict[str, Any]:
        """The slots as JSON, without the planner's working keys (what the CLI prints)."""
        return self.model_dump(mode="json", exclude={"planner"})

    def to_json(self) -> dict[str, Any]:
        """The whole profile as plain JSON, as stored in the session record."""
        return self.model_dump(mode="json")

    def travelers_count(self) -> int | None:
        """Everyone travelling, or None when nobody said."""
        if self.travelers.adults is None:
            return None
        return self.travelers.adults + len(self.travelers.children)


def profile_schema() -> dict[str, Any]:
    """The JSON Schema of ``TripProfile.slots()``: what the CLI prints as ``profile``."""
    schema = TripProfile.model_json_schema(mode="serialization")
    schema["properties"].pop("planner")
    schema["$defs"].pop("PlannerState")
    schema["required"].remove("planner")
    schema["additionalProperties"] = False
    schema["$id"] = SCHEMA_ID
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


def load_profile(data: dict[str, Any] | None) -> TripProfile:
    """The profile stored in a session record, upgraded when it is of the older shape."""
    return TripProfile.model_validate(upgrade_profile(data or {}))


def upgrade_profile(old: dict[str, Any]) -> dict[str, Any]:
    """A profile of the shape before version 2 (flat keys) in the current shape.

    Old keys: ``cities`` [{name, country, days}], ``days``, ``start_date``, ``travelers``,
    ``budget_level``, ``budget_amount``, ``budget_currency``, ``interests``, ``dietary``,
    ``pace``, ``origin``, ``avoid``, and the planner's ``pinned``, ``exclude``, ``frugal``,
    ``chosen_level``, ``undo`` (a stack of old-shape profiles).
    """
    if not old or old.get("version") == PROFILE_VERSION:
        return old
    travelers = old.get("travelers")
    assumed = [] if travelers else ["travellers"]
    return {
        "version": PROFILE_VERSION,
        "origin": old.get("origin"),
        "destinations": list(old.get("cities") or []),
        "dates": {
            "start_date": old.get("start_date"),
            "days": old.get("days"),
            "given": "date" if old.get("start_date") else "assumed",
        },
        "travelers": {"adults": travelers, "children": []},
        "budget": {
            "amount": old.get("budget_amount"),
            "currency": old.get("budget_currency"),
            "level": old.get("budget_level"),
        },
        "interests": list(old.get("interests") or []),
        "avoid": list(old.get("avoid") or []),
        "dietary": list(old.get("dietary") or []),
        "pace": old.get("pace"),
        "assumed": assumed,
        "planner": {
            "pinned": old.get("pinned") or {},
            "exclude": list(old.get("exclude") or []),
            "frugal": bool(old.get("frugal")),
            "chosen_level": old.get("chosen_level"),
            "undo": [upgrade_profile(p) for p in old.get("undo") or []],
        },
    }
