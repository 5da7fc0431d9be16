"""The itinerary model (pydantic). Sessions store its JSON form; models are rebuilt per turn."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, PlainSerializer

SCHEMA_ID = "tripdesigner.itinerary/1"

SegmentType = Literal["flight", "hotel", "activity", "meal", "transfer", "note"]
Source = Literal["designer", "user", "llm"]
BudgetLevel = Literal["budget", "moderate", "luxury"]
Pace = Literal["relaxed", "moderate", "packed"]
Coverage = Literal["curated", "generic"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Location(_Model):
    """A named point, optionally with its city and country."""

    name: str
    lat: float
    lon: float
    city: str | None = None
    country: str | None = None


# Exact in Python, a plain number in JSON.
Amount = Annotated[Decimal, PlainSerializer(float, return_type=float, when_used="json")]


class Money(_Model):
    """An amount in one currency (ISO 4217)."""

    amount: Amount
    currency: str = Field(min_length=3, max_length=3)


class Destination(_Model):
    """A city of the trip."""

    name: str
    country: str
    lat: float
    lon: float
    timezone: str
    coverage: Coverage = "generic"


class Budget(_Model):
    level: BudgetLevel = "moderate"
    amount: Amount | None = None
    currency: str = "USD"


class Preferences(_Model):
    interests: list[str] = Field(default_factory=list)
    pace: Pace = "moderate"
    dietary: list[str] = Field(default_factory=list)
    children: list[int | None] = Field(default_factory=list)  # ages in years, None = unknown
    accessibility: list[str] = Field(default_factory=list)  # wheelchair, pushchair, older


class Segment(_Model):
    """One timed item of the plan: a flight, a hotel stay, a visit, a meal, a leg, a note."""

    id: str
    type: SegmentType
    name: str
    start: AwareDatetime
    end: AwareDatetime
    category: str | None = None
    tags: list[str] = Field(default_factory=list)
    location: Location | None = None
    from_: Location | None = Field(default=None, alias="from")
    to: Location | None = None
    price: Money | None = None
    source: Source = "designer"
    notes: str = ""
    details: dict[str, Any] = Field(default_factory=dict)


class Violation(_Model):
    code: str
    message: str
    segment_ids: list[str] = Field(default_factory=list)


class Itinerary(_Model):
    """A dated trip: its destinations, party, preferences and segments."""

    schema_: str = Field(default=SCHEMA_ID, alias="schema")
    id: str
    title: str
    start_date: date | None = None
    end_date: date | None = None
    origin: Location | None = None
    destinations: list[Destination] = Field(default_factory=list)
    travelers: int = Field(default=2, ge=1, le=50)
    budget: Budget = Field(default_factory=Budget)
    preferences: Preferences = Field(default_factory=Preferences)
    segments: list[Segment] = Field(default_factory=list)
    estimated_total: Money | None = None
    violations: list[Violation] = Field(default_factory=list)

    @property
    def days(self) -> int:
        """Calendar days from the first to the last, inclusive (0 when undated)."""
        if self.start_date is None or self.end_date is None:
            return 0
        return (self.end_date - self.start_date).days + 1

    def to_json(self) -> dict[str, Any]:
        """The JSON form stored in sessions and printed by the CLI."""
        return self.model_dump(mode="json", by_alias=True)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Itinerary:
        return cls.model_validate(data)
