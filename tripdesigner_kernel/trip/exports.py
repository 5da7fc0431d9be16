"""Itinerary exports: ICS (calendar apps), GeoJSON (maps), Markdown (reading), JSON (round-trip)."""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from datetime import date
from decimal import Decimal
from typing import Any

from tripdesigner_kernel.trip import model

FORMATS = ("json", "md", "ics", "geojson")
KIND_LABELS = {
    "activity": "",
    "meal": "",
    "hotel": "Stay: ",
    "flight": "",
    "transfer": "",
    "note": "Note: ",
}


JOURNEYS = ("flight", "transfer")


def price_text(price: model.Money, details: dict[str, object] | None = None) -> str:
    """A price as shown: "962 EUR (1,050 USD)" when it was converted from a local price."""
    shown = f"{price.amount:,.0f} {price.currency}"
    local = (details or {}).get("local_price")
    if isinstance(local, dict) and local.get("currency") != price.currency:
        shown += f" ({Decimal(str(local['amount'])):,.0f} {local['currency']})"
    return shown


def day_number(itinerary: model.Itinerary, day: date) -> int | None:
    """The trip's day number of a local date: 1 is the first day, 0 the day before
    (a flight from home that leaves the evening before), None when undated."""
    if itinerary.start_date is None:
        return None
    return (day - itinerary.start_date).days + 1


def day_heading(itinerary: model.Itinerary, day: date) -> str:
    """ "Day 3", or where the date falls outside the trip, "Before the trip"/"After the trip"."""
    number = day_number(itinerary, day)
    if number is None:
        return "Undated"
    if number < 1:
        return "Before the trip"
    if itinerary.end_date is not None and day > itinerary.end_date:
        return "After the trip"
    return f"Day {number}"


def days_later(segment: model.Segment) -> int:
    """Calendar days between the local start and the local end (an overnight flight: 1;
    westward over the date line: -1). Each end is stored in its own place's offset."""
    return (segment.end.date() - segment.start.date()).days


def _time_span(segment: model.Segment) -> str:
    """ "17:00-08:00 (+1 day)" for an overnight journey, "09:00-11:30" otherwise."""
    span = f"{segment.start:%H:%M}-{segment.end:%H:%M}"
    later = days_later(segment)
    if later:
        span += f" ({later:+d} day{'s' if abs(later) != 1 else ''})"
    return span


def _arrival_line(segment: model.Segment) -> str:
    """When a journey lands, local time, for calendars that show only the start."""
    if segment.type not in JOURNEYS:
        return ""
    later = days_later(segment)
    where = f" in {segment.to.city}" if segment.to and segment.to.city else ""
    note = f" ({later:+d} day{'s' if abs(later) != 1 else ''})" if later else ""
    return f"Arrives {segment.end:%a %d %b %H:%M} local time{where}{note}."


def to_json(itinerary: model.Itinerary) -> str:
    """The itinerary in its JSON schema (``tripdesigner.itinerary/1``)."""
    return json.dumps(itinerary.to_json(), ensure_ascii=False, indent=2)


def from_json(text: str) -> model.Itinerary:
    """Read an itinerary written by ``to_json``; pydantic validates every field."""
    return model.Itinerary.from_json(json.loads(text))


def _zone(itinerary: model.Itinerary, place: model.Location | None) -> Any:
    """The IANA zone of a place's city: the itinerary's JSON keeps only UTC offsets."""
    from zoneinfo import ZoneInfo

    if place is None or not place.city:
        return None
    for destination in itinerary.destinations:
        if destination.name == place.city:
            return ZoneInfo(destination.timezone)
    from tripdesigner_kernel.knowledge.cities import city_index

    city = city_index().lookup(place.city)
    return ZoneInfo(city.timezone) if city else None


def calendar_key(itinerary: model.Itinerary, copy_id: str | None) -> str:
    """The part of every event UID that names this copy of the itinerary.

    Two sessions can plan an itinerary with the same id (the same first message, or a
    fork); ``copy_id`` (the session's id) tells them apart, and does not change when
    the plan is edited, so a calendar re-import updates events instead of adding them.
    """
    seed = f"{itinerary.id}\x1f{copy_id or ''}".encode()
    return f"{itinerary.id}-{hashlib.sha256(seed).hexdigest()[:12]}" if copy_id else itinerary.id


def to_ics(itinerary: model.Itinerary, copy_id: str | None = None) -> str:
    """An iCalendar file: an event per timed segment in its own time zone, hotels as stays.

    ``copy_id`` (a session id) makes the event UIDs unique to this copy of the itinerary.
    """
    from icalendar import Calendar, Event, vGeo

    calendar = Calendar()
    calendar.add("prodid", "-//tripdesigner_kernel//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", itinerary.title)
    calendar.add("name", itinerary.title)
    key = calendar_key(itinerary, copy_id)
    for segment in itinerary.segments:
        event = Event()
        event.add("uid", f"{segment.id}@{key}.tripdesigner")
        event.add("summary", KIND_LABELS.get(segment.type, "") + segment.name)
        start_zone = _zone(itinerary, segment.from_ or segment.location)
        end_zone = _zone(itinerary, segment.to or segment.location)
        event.add("dtstart", segment.start.astimezone(start_zone) if start_zone else segment.start)
        event.add("dtend", segment.end.astimezone(end_zone) if end_zone else segment.end)
        event.add("dtstamp", segment.start)  # stable: exporting twice gives the same file
        place = segment.location or segment.to
        if place is not None:
            event.add("location", ", ".join(p for p in (place.name, place.city) if p))
            event.add("geo", vGeo((place.lat, place.lon)))
        details = [segment.details.get("description", ""), _arrival_line(segment), segment.notes]
        if segment.price is not None:
            details.append(f"Estimated price: {price_text(segment.price, segment.details)}")
        event.add("description", "\n".join(d for d in details if d))
        event.add("categories", [segment.type])
        if segment.type == "hotel":
            event.add("transp", "TRANSPARENT")  # a stay does not make you busy
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical().decode("utf-8")


def to_geojson(itinerary: model.Itinerary) -> dict[str, Any]:
    """Points for places (properties: day, start, end, kind, category, name), a line per day,
    and a line per journey between cities (``days_later``: 1 when it lands the next day).

    ``day`` is the trip's day number of the local start date (0: the day before day 1).
    """
    features: list[dict[str, Any]] = []
    routes: dict[int, list[list[float]]] = defaultdict(list)
    for segment in itinerary.segments:
        place = segment.location
        if segment.type in JOURNEYS and segment.from_ is not None and segment.to is not None:
            features.append(_journey_feature(itinerary, segment))
            continue
        if place is None:
            continue
        day = day_number(itinerary, segment.start.date())
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
                "properties": {
                    "day": day,
                    "start": segment.start.isoformat(),
                    "end": segment.end.isoformat(),
                    "kind": segment.type,
                    "category": segment.category,
                    "name": segment.name,
                    "id": segment.id,
                },
            }
        )
        if segment.type in ("activity", "meal") and day is not None:
            routes[day].append([place.lon, place.lat])
    for day, points in sorted(routes.items()):
        if len(points) >= 2:
            features.append(
                {
                    "type": "Feature",
                    "geometry": {"type": "LineString", "coordinates": points},
                    "properties": {"day": day, "kind": "route", "name": f"Day {day} route"},
                }
            )
    return {"type": "FeatureCollection", "name": itinerary.title, "features": features}


def _journey_feature(itinerary: model.Itinerary, segment: model.Segment) -> dict[str, Any]:
    assert segment.from_ is not None and segment.to is not None
    ends = [[segment.from_.lon, segment.from_.lat], [segment.to.lon, segment.to.lat]]
    return {
        "type": "Feature",
        "geometry": {"type": "LineString", "coordinates": ends},
        "properties": {
            "day": day_number(itinerary, segment.start.date()),
            "start": segment.start.isoformat(),
            "end": segment.end.isoformat(),
            "days_later": days_later(segment),
            "kind": segment.type,
            "category": segment.category,
            "name": segment.name,
            "id": segment.id,
        },
    }


def to_markdown(itinerary: model.Itinerary) -> str:
    """A readable day-by-day document with the stays and totals."""
    lines = [f"# {itinerary.title}", ""]
    if itinerary.start_date and itinerary.end_date:
        lines.append(
            f"{itinerary.start_date:%A %d %B %Y} to {itinerary.end_date:%A %d %B %Y}, "
            f"{itinerary.travelers} traveller(s), {itinerary.budget.level} level."
        )
    if itinerary.preferences.interests:
        lines.append(f"Interests: {', '.join(itinerary.preferences.interests)}.")
    by_day: dict[date, list[model.Segment]] = defaultdict(list)
    for segment in itinerary.segments:
        if segment.type != "hotel":
            by_day[segment.start.date()].append(segment)
    for day in sorted(by_day):
        lines += ["", f"## {day_heading(itinerary, day)}: {day:%A %d %B}", ""]
        for s in by_day[day]:
            price = f" ({price_text(s.price, s.details)})" if s.price and s.price.amount else ""
            meal = (
                f"{s.details['meal'].capitalize()}: "
                if s.type == "meal" and "meal" in s.details
                else ""
            )
            lines.append(f"- **{_time_span(s)}** {meal}{s.name}{price}")
    hotels = [s for s in itinerary.segments if s.type == "hotel"]
    if hotels:
        lines += ["", "## Stays", ""]
        for h in hotels:
            price = f", {price_text(h.price, h.details)}" if h.price else ""
            lines.append(f"- {h.name}: {h.start:%d %b} to {h.end:%d %b}{price}")
    if itinerary.estimated_total:
        total = itinerary.estimated_total
        lines += ["", f"**Estimated total: {total.amount:,.0f} {total.currency}**"]
    if itinerary.violations:
        lines += ["", "## Problems found", ""] + [f"- {v.message}" for v in itinerary.violations]
    return "\n".join(lines) + "\n"


def export(itinerary: model.Itinerary, fmt: str, copy_id: str | None = None) -> str:
    """The itinerary as text in ``fmt`` (one of FORMATS); ``copy_id``: see ``to_ics``."""
    if fmt == "json":
        return to_json(itinerary)
    if fmt == "md":
        return to_markdown(itinerary)
    if fmt == "ics":
        return to_ics(itinerary, copy_id)
    if fmt == "geojson":
        return json.dumps(to_geojson(itinerary), ensure_ascii=False, indent=2)
    raise ValueError(f"Unknown format {fmt!r}; use one of {', '.join(FORMATS)}.")
