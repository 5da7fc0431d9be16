"""Tools that add, change, move and delete the segments of an itinerary."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Literal
from zoneinfo import ZoneInfo

from pydantic import BaseModel, Field

from tripdesigner_kernel.knowledge.cities import city_index
from tripdesigner_kernel.knowledge.text import fold, slug
from tripdesigner_kernel.trip import model
from tripdesigner_kernel.trip.tools import ToolContext, ToolError, ToolResult, registry

Clock = str  # "HH:MM"
CLOCK = r"^\d{1,2}:\d{2}$"


def _zone(ctx: ToolContext, city: str | None) -> tuple[ZoneInfo, model.Destination | None]:
    for destination in ctx.itinerary.destinations:
        if city is None or fold(destination.name) == fold(city):
            return ZoneInfo(destination.timezone), destination
    found = city_index().lookup(city) if city else None
    if found is None:
        raise ToolError(f"Unknown city {city!r}: add it with update_itinerary or plan_days first.")
    return ZoneInfo(found.timezone), None


def _at(day: date, clock: Clock, zone: ZoneInfo) -> datetime:
    hours, minutes = (int(part) for part in clock.split(":"))
    if not (0 <= hours < 24 and 0 <= minutes < 60):
        raise ToolError(f"{clock!r} is not a time of day (HH:MM).")
    return datetime.combine(day, time(hours, minutes), zone)


def _price(amount: float | None, currency: str | None, ctx: ToolContext) -> model.Money | None:
    if amount is None:
        return None
    return model.Money(
        amount=Decimal(str(amount)), currency=currency or ctx.itinerary.budget.currency
    )


def _new_id(ctx: ToolContext, kind: str, name: str, day: date) -> str:
    base = f"{kind}-{day:%m%d}-{slug(name)[:24]}"
    taken = {s.id for s in ctx.itinerary.segments}
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def _add(ctx: ToolContext, segment: model.Segment) -> ToolResult:
    ctx.itinerary.segments.append(segment)
    ctx.itinerary.segments.sort(key=lambda s: s.start)
    return ToolResult(
        True, f"Added {segment.type} {segment.name} ({segment.id}).", {"id": segment.id}
    )


def _find(ctx: ToolContext, segment_id: str) -> model.Segment:
    for segment in ctx.itinerary.segments:
        if segment.id == segment_id:
            return segment
    known = ", ".join(s.id for s in ctx.itinerary.segments[:20])
    raise ToolError(f"No segment {segment_id!r}. Segments: {known}.")


def _place_location(
    name: str, city: str | None, lat: float | None, lon: float | None, ctx: ToolContext
) -> tuple[model.Location | None, dict[str, object]]:
    """The location of a named place: given coordinates, else our curated data."""
    if lat is not None and lon is not None:
        return model.Location(name=name, lat=lat, lon=lon, city=city), {}
    from tripdesigner_kernel.knowledge.places import places_for

    for destination in ctx.itinerary.destinations:
        if city and fold(city) != fold(destination.name):
            continue
        found = city_index().lookup(destination.name)
        if found is None:
            continue
        for place in places_for(found).places:
            if fold(place.name) == fold(name):
                location = model.Location(
                    name=place.name,
                    lat=place.lat,
                    lon=place.lon,
                    city=destination.name,
                    country=destination.country,
                )
                return location, {"hours": place.hours, "description": place.description}
    return None, {}


# Segments ------------------------------------------------------------------------------


class AddActivity(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    day: date
    start: Clock = Field(pattern=CLOCK, description="Local time, HH:MM")
    minutes: int = Field(90, ge=5, le=720)
    city: str | None = None
    lat: float | None = Field(None, ge=-90, le=90)
    lon: float | None = Field(None, ge=-180, le=180)
    category: str | None = None
    price: float | None = Field(None, ge=0)
    currency: str | None = None


def _timed(
    ctx: ToolContext,
    args: AddActivity,
    kind: Literal["activity", "meal"],
    details: dict[str, object],
) -> ToolResult:
    for segment in ctx.itinerary.segments:
        if (
            segment.type == kind
            and fold(segment.name) == fold(args.name)
            and segment.start.date() == args.day
        ):
            raise ToolError(f"{args.name} is already planned on {args.day} ({segment.id}).")
    zone, _ = _zone(ctx, args.city)
    start = _at(args.day, args.start, zone)
    location, known = _place_location(args.name, args.city, args.lat, args.lon, ctx)
    segment = model.Segment(
        id=_new_id(ctx, kind, args.name, args.day),
        type=kind,
        name=args.name,
        start=start,
        end=start + timedelta(minutes=args.minutes),
        category=args.category,
        location=location,
        price=_price(args.price, args.currency, ctx),
        source="llm",
        details={**known, **details},
    )
    return _add(ctx, segment)


@registry.add("add_activity", AddActivity)
def add_activity(ctx: ToolContext, args: AddActivity) -> ToolResult:
    """Add a visit. Refused when an activity of the same name is on the same day."""
    return _timed(ctx, args, "activity", {})


class AddMeal(AddActivity):
    meal: Literal["breakfast", "lunch", "dinner"]
    minutes: int = Field(75, ge=15, le=240)


@registry.add("add_meal", AddMeal)
def add_meal(ctx: ToolContext, args: AddMeal) -> ToolResult:
    """Add a meal at a restaurant. Refused when the same place is already that day."""
    return _timed(ctx, args, "meal", {"meal": args.meal})


class AddHotel(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    city: str
    check_in: date
    check_out: date
    price_per_night: float | None = Field(None, ge=0)
    currency: str | None = None


@registry.add("add_hotel", AddHotel)
def add_hotel(ctx: ToolContext, args: AddHotel) -> ToolResult:
    """Add a hotel stay. Refused when a hotel of that name overlaps those dates."""
    if args.check_out <= args.check_in:
        raise ToolError("check_out must be after check_in.")
    for segment in ctx.itinerary.segments:
        if (
            segment.type == "hotel"
            and fold(segment.name) == fold(args.name)
            and segment.start.date() < args.check_out
            and args.check_in < segment.end.date()
        ):
            raise ToolError(f"{args.name} is already booked over those dates ({segment.id}).")
    zone, destination = _zone(ctx, args.city)
    nights = (args.check_out - args.check_in).days
    location = (
        model.Location(
            name=args.name,
            lat=destination.lat,
            lon=destination.lon,
            city=destination.name,
            country=destination.country,
        )
        if destination
        else None
    )
    total = None if args.price_per_night is None else args.price_per_night * nights
    return _add(
        ctx,
        model.Segment(
            id=_new_id(ctx, "hotel", args.name, args.check_in),
            type="hotel",
            name=args.name,
            start=datetime.combine(args.check_in, time(15, 0), zone),
            end=datetime.combine(args.check_out, time(11, 0), zone),
            category="hotel",
            location=location,
            price=_price(total, args.currency, ctx),
            source="llm",
            details={"nights": nights},
        ),
    )


class AddLeg(BaseModel):
    from_city: str
    to_city: str
    day: date
    start: Clock = Field(pattern=CLOCK, description="Local time at departure, HH:MM")
    minutes: int = Field(ge=5, le=24 * 60)
    price: float | None = Field(None, ge=0)
    currency: str | None = None


class AddFlight(AddLeg):
    number: str = Field(min_length=2, max_length=10, description="e.g. TP 1234")
    airline: str | None = None


class AddTransfer(AddLeg):
    mode: Literal["taxi", "shuttle", "public", "rail", "bus", "ferry", "walking", "car"]


def _leg(
    ctx: ToolContext,
    args: AddLeg,
    kind: Literal["flight", "transfer"],
    name: str,
    category: str,
    details: dict[str, object],
) -> ToolResult:
    origin, destination = city_index().lookup(args.from_city), city_index().lookup(args.to_city)
    if origin is None or destination is None:
        raise ToolError(f"Unknown city: {args.from_city if origin is None else args.to_city!r}.")
    start = _at(args.day, args.start, ZoneInfo(origin.timezone))
    end = (start + timedelta(minutes=args.minutes)).astimezone(ZoneInfo(destination.timezone))
    return _add(
        ctx,
        model.Segment(
            id=_new_id(ctx, kind, name, args.day),
            type=kind,
            name=name,
            start=start,
            end=end,
            category=category,
            source="llm",
            price=_price(args.price, args.currency, ctx),
            details=details,
            **{
                "from": model.Location(
                    name=origin.name,
                    lat=origin.lat,
                    lon=origin.lon,
                    city=origin.name,
                    country=origin.country,
                ),
                "to": model.Location(
                    name=destination.name,
                    lat=destination.lat,
                    lon=destination.lon,
                    city=destination.name,
                    country=destination.country,
                ),
            },
        ),
    )


@registry.add("add_flight", AddFlight)
def add_flight(ctx: ToolContext, args: AddFlight) -> ToolResult:
    """Add a flight. Refused when the same flight number is already on that date."""
    number = " ".join(args.number.upper().split())
    for segment in ctx.itinerary.segments:
        if (
            segment.type == "flight"
            and segment.details.get("number") == number
            and segment.start.date() == args.day
        ):
            raise ToolError(f"Flight {number} on {args.day} is already in the plan ({segment.id}).")
    name = f"Flight {number} {args.from_city} → {args.to_city}"
    return _leg(ctx, args, "flight", name, "flight", {"number": number, "airline": args.airline})


@registry.add("add_transfer", AddTransfer)
def add_transfer(ctx: ToolContext, args: AddTransfer) -> ToolResult:
    """Add a ground or sea transfer. Refused when the same mode, places and date exist."""
    for segment in ctx.itinerary.segments:
        if (
            segment.type == "transfer"
            and segment.category == args.mode
            and segment.start.date() == args.day
            and segment.from_
            and segment.to
            and fold(segment.from_.city or "") == fold(args.from_city)
            and fold(segment.to.city or "") == fold(args.to_city)
        ):
            raise ToolError(f"That {args.mode} transfer is already in the plan ({segment.id}).")
    name = f"{args.mode.capitalize()} {args.from_city} → {args.to_city}"
    return _leg(ctx, args, "transfer", name, args.mode, {"mode": args.mode})


class UpdateSegment(BaseModel):
    id: str
    name: str | None = Field(None, min_length=1, max_length=200)
    start: Clock | None = Field(None, pattern=CLOCK)
    minutes: int | None = Field(None, ge=5, le=720)
    notes: str | None = Field(None, max_length=2000)
    price: float | None = Field(None, ge=0)


@registry.add("update_segment", UpdateSegment)
def update_segment(ctx: ToolContext, args: UpdateSegment) -> ToolResult:
    """Change a segment's name, start time (same day), length, notes or price."""
    segment = _find(ctx, args.id)
    if args.name:
        segment.name = args.name
    if args.start:
        length = segment.end - segment.start
        segment.start = _at(segment.start.date(), args.start, segment.start.tzinfo)  # type: ignore[arg-type]
        segment.end = segment.start + length
    if args.minutes:
        segment.end = segment.start + timedelta(minutes=args.minutes)
    if args.notes is not None:
        segment.notes = args.notes
    if args.price is not None:
        segment.price = _price(args.price, segment.price.currency if segment.price else None, ctx)
    ctx.itinerary.segments.sort(key=lambda s: s.start)
    return ToolResult(True, f"Updated {segment.id}.")


class SegmentId(BaseModel):
    id: str


@registry.add("delete_segment", SegmentId)
def delete_segment(ctx: ToolContext, args: SegmentId) -> ToolResult:
    """Remove a segment from the plan."""
    segment = _find(ctx, args.id)
    ctx.itinerary.segments.remove(segment)
    return ToolResult(True, f"Deleted {segment.name} ({segment.id}).")


class MoveSegment(BaseModel):
    id: str
    day: date
    start: Clock = Field(pattern=CLOCK)
    shift_following: bool = Field(True, description="Move the rest of that day by the same amount")


@registry.add("move_segment", MoveSegment)
def move_segment(ctx: ToolContext, args: MoveSegment) -> ToolResult:
    """Move a segment to another day or time; later items of its day move with it."""
    segment = _find(ctx, args.id)
    if args.day <= ctx.today:
        raise ToolError(f"{args.day} is not after today ({ctx.today}).")
    new_start = _at(args.day, args.start, segment.start.tzinfo)  # type: ignore[arg-type]
    shift = new_start - segment.start
    same_day = (
        [
            s
            for s in ctx.itinerary.segments
            if s is not segment
            and s.type != "hotel"
            and s.start.date() == segment.start.date()
            and s.start >= segment.end
        ]
        if args.shift_following
        else []
    )
    for moved in [segment, *same_day]:
        moved.start, moved.end = moved.start + shift, moved.end + shift
    ctx.itinerary.segments.sort(key=lambda s: s.start)
    return ToolResult(True, f"Moved {segment.name} and {len(same_day)} following item(s).")
