"""The itinerary tools that read or change the whole trip; segment tools live in
``segment_tools``. Importing this module registers every tool in ``tools.registry``."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, Field

from tripdesigner_kernel.knowledge.cities import city_index
from tripdesigner_kernel.knowledge.geo import km_between, travel_minutes, travel_mode
from tripdesigner_kernel.knowledge.taxonomy import matches_interest
from tripdesigner_kernel.knowledge.text import fold
from tripdesigner_kernel.trip import checks, model, segment_tools
from tripdesigner_kernel.trip.tools import ToolContext, ToolError, ToolResult, registry

__all__ = ["registry", "segment_tools"]


# Reading -----------------------------------------------------------------------------


class NoArguments(BaseModel):
    pass


@registry.add("get_itinerary", NoArguments, changes=False)
def get_itinerary(ctx: ToolContext, args: NoArguments) -> ToolResult:
    """A compact summary of the itinerary: dates, party, destinations and every segment."""
    it = ctx.itinerary
    lines = [
        f"{it.title}: {it.start_date} to {it.end_date}, {it.travelers} traveller(s), "
        f"{it.budget.level} level; {', '.join(d.name for d in it.destinations) or 'no cities'}"
    ]
    lines += [
        f"{s.id} | {s.type} | {s.start:%Y-%m-%d %H:%M}-{s.end:%H:%M} | {s.name}"
        for s in it.segments
    ]
    return ToolResult(True, "\n".join(lines))


class CheckArguments(BaseModel):
    pass


@registry.add("check_itinerary", CheckArguments, changes=False)
def check_itinerary(ctx: ToolContext, args: CheckArguments) -> ToolResult:
    """Run every check (hotel each night, overlaps, travel time, opening hours, full days...)."""
    found = checks.check_itinerary(ctx.itinerary, ctx.today)
    data = [v.model_dump() for v in found]
    return ToolResult(True, f"{len(found)} problem(s)." if found else "No problems found.", data)


class SearchPlaces(BaseModel):
    city: str = Field(description="City to search in")
    interest: str | None = Field(None, description="An interest, e.g. temples, food, museums")
    category: str | None = Field(None, description="A category of the taxonomy, e.g. museum")
    meal: Literal["lunch", "dinner", "breakfast"] | None = None
    limit: int = Field(10, ge=1, le=50)


@registry.add("search_places", SearchPlaces, changes=False)
def search_places(ctx: ToolContext, args: SearchPlaces) -> ToolResult:
    """Places in a city from our curated data (or generic suggestions), filtered."""
    from tripdesigner_kernel.knowledge.places import places_for

    city = city_index().lookup(args.city)
    if city is None:
        raise ToolError(f"Unknown city {args.city!r}.")
    data = places_for(city)
    found = []
    for place in data.places:
        if args.category and place.category != args.category:
            continue
        if args.interest and not matches_interest(
            place.category, place.tags, [fold(args.interest)]
        ):
            continue
        if args.meal and args.meal not in place.meals:
            continue
        found.append(
            {
                "name": place.name,
                "category": place.category,
                "tags": list(place.tags),
                "lat": place.lat,
                "lon": place.lon,
                "minutes": place.minutes,
                "hours": place.hours,
                "price": place.price,
                "currency": data.currency,
                "description": place.description,
            }
        )
        if len(found) == args.limit:
            break
    return ToolResult(True, f"{len(found)} place(s) in {data.city} ({data.coverage}).", found)


class EstimateTravel(BaseModel):
    from_lat: float
    from_lon: float
    to_lat: float
    to_lon: float


@registry.add("estimate_travel", EstimateTravel, changes=False)
def estimate_travel(ctx: ToolContext, args: EstimateTravel) -> ToolResult:
    """Distance, time and mode between two points at city speeds (or a leg between cities)."""
    km = km_between(args.from_lat, args.from_lon, args.to_lat, args.to_lon)
    if km > 30:
        from tripdesigner_kernel.trip.legs import estimate_leg

        leg = estimate_leg("A", (args.from_lat, args.from_lon), "B", (args.to_lat, args.to_lon))
        data = {
            "km": round(km, 1),
            "minutes": leg.minutes,
            "mode": leg.mode,
            "price": leg.price,
            "currency": leg.currency,
        }
    else:
        data = {"km": round(km, 2), "minutes": travel_minutes(km), "mode": travel_mode(km)}
    return ToolResult(
        True, f"{data['km']} km, about {data['minutes']} min by {data['mode']}.", data
    )


# The whole trip ------------------------------------------------------------------------


class UpdateItinerary(BaseModel):
    title: str | None = Field(None, max_length=200)
    start_date: date | None = Field(None, description="New first day; every segment moves with it")


@registry.add("update_itinerary", UpdateItinerary)
def update_itinerary(ctx: ToolContext, args: UpdateItinerary) -> ToolResult:
    """Rename the trip or move it to a new start date (never in the past)."""
    it = ctx.itinerary
    if args.title:
        it.title = args.title
    if args.start_date:
        if args.start_date <= ctx.today:
            raise ToolError(
                f"{args.start_date} is not after today ({ctx.today}); pick a future date."
            )
        if it.start_date is not None:
            shift = args.start_date - it.start_date
            for segment in it.segments:
                segment.start, segment.end = segment.start + shift, segment.end + shift
            if it.end_date is not None:
                it.end_date += shift
        it.start_date = args.start_date
    return ToolResult(True, f"Itinerary: {it.title}, from {it.start_date}.")


class UpdatePreferences(BaseModel):
    interests: list[str] | None = None
    pace: model.Pace | None = None
    budget_level: model.BudgetLevel | None = None
    budget_amount: float | None = Field(None, gt=0)
    currency: str | None = Field(None, min_length=3, max_length=3)
    dietary: list[str] | None = None


@registry.add("update_preferences", UpdatePreferences)
def update_preferences(ctx: ToolContext, args: UpdatePreferences) -> ToolResult:
    """Change interests, pace, budget level or amount, or dietary needs."""
    it = ctx.itinerary
    if args.interests is not None:
        it.preferences.interests = args.interests
    if args.pace:
        it.preferences.pace = args.pace
    if args.dietary is not None:
        it.preferences.dietary = args.dietary
    if args.budget_level:
        it.budget.level = args.budget_level
    if args.budget_amount is not None:
        it.budget.amount = Decimal(str(args.budget_amount))
    if args.currency:
        it.budget.currency = args.currency.upper()
    return ToolResult(True, "Preferences updated.")


class AddTraveler(BaseModel):
    count: int = Field(1, ge=1, le=20)


@registry.add("add_traveler", AddTraveler)
def add_traveler(ctx: ToolContext, args: AddTraveler) -> ToolResult:
    """Add travellers to the party."""
    total = ctx.itinerary.travelers + args.count
    if total > 50:
        raise ToolError("A party can have at most 50 travellers.")
    ctx.itinerary.travelers = total
    return ToolResult(True, f"The party is now {total}.")


class PlanDays(BaseModel):
    cities: list[str] = Field(min_length=1, description="Cities in order")
    days: list[int] = Field(min_length=1, description="Days in each city, in the same order")
    start_date: date
    travelers: int = Field(2, ge=1, le=50)
    level: model.BudgetLevel = "moderate"
    interests: list[str] = Field(default_factory=list)
    pace: model.Pace = "moderate"
    origin: str | None = Field(None, description="Home city, to add the journey there and back")
    avoid: list[str] = Field(default_factory=list, description="Interests to have less of")
    dietary: list[str] = Field(
        default_factory=list, description="Dietary needs: vegetarian, vegan, halal, kosher..."
    )


@registry.add("plan_days", PlanDays)
def plan_days(ctx: ToolContext, args: PlanDays) -> ToolResult:
    """Plan the whole trip with the offline planner: places, meals, hotels and legs."""
    from tripdesigner_kernel.trip import planner

    if len(args.cities) != len(args.days) or min(args.days) < 1 or sum(args.days) > 60:
        raise ToolError("Give one number of days (1 or more, 60 in all) per city.")
    if args.start_date <= ctx.today:
        raise ToolError(f"{args.start_date} is not after today ({ctx.today}).")
    stays = []
    for name, days in zip(args.cities, args.days, strict=True):
        city = city_index().lookup(name)
        if city is None:
            raise ToolError(f"Unknown city {name!r}.")
        stays.append(planner.Stay(city, days))
    origin = city_index().lookup(args.origin) if args.origin else None
    spec = planner.TripSpec(
        stays=stays,
        start=args.start_date,
        travelers=args.travelers,
        level=args.level,
        interests=[fold(i) for i in args.interests],
        pace=args.pace,
        origin=origin,
        itinerary_id=ctx.itinerary.id,
        avoid=[fold(i) for i in args.avoid],
        # Needs set earlier with update_preferences still count.
        dietary=list(dict.fromkeys([*ctx.itinerary.preferences.dietary, *args.dietary])),
    )
    planned = planner.plan_trip(spec)
    planned.estimated_total = checks.estimate_total(planned, planned.budget.currency)
    planned.violations = checks.check_itinerary(planned, ctx.today)
    ctx.itinerary = planned
    return ToolResult(True, f"Planned {planned.title}: {len(planned.segments)} segments.")
