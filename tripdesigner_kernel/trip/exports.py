"""Itinerary exports: ICS (calendar apps), GeoJSON (maps), Markdown (reading), JSON (round-trip)."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date
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


def _day_numbers(itinerary: model.Itinerary) -> dict[date, int]:
    if itinerary.start_date is None:
        return {}
    return {
        date.fromordinal(itinerary.start_date.toordinal() + n): n + 1
        for n in range(max(itinerary.days, 0))
    }


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


def to_ics(itinerary: model.Itinerary) -> str:
    """An iCalendar file: an event per timed segment in its own time zone, hotels as stays."""
    from icalendar import Calendar, Event, vGeo

    calendar = Calendar()
    calendar.add("prodid", "-//tripdesigner_kernel//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", itinerary.title)
    calendar.add("name", itinerary.title)
    for segment in itinerary.segments:
        event = Event()
        event.add("uid", f"{segment.id}@{itinerary.id}.tripdesigner")
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
        details = [segment.details.get("description", ""), segment.notes]
        if segment.price is not None:
            details.append(f"Estimated price: {segment.price.amount} {segment.price.currency}")
        event.add("description", "\n".join(d for d in details if d))
        event.add("categories", [segment.type])
        if segment.type == "hotel":
            event.add("transp", "TRANSPARENT")  # a stay does not make you busy
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical().decode("utf-8")


def to_geojson(itinerary: model.Itinerary) -> dict[str, Any]:
    """Points for places (properties: day, start, end, kind, category, name), a line per day."""
    numbers = _day_numbers(itinerary)
    features: list[dict[str, Any]] = []
    routes: dict[int, list[list[float]]] = defaultdict(list)
    for segment in itinerary.segments:
        place = segment.location
        if place is None:
            continue
        day = numbers.get(segment.start.date())
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
    numbers = _day_numbers(itinerary)
    by_day: dict[date, list[model.Segment]] = defaultdict(list)
    for segment in itinerary.segments:
        if segment.type != "hotel":
            by_day[segment.start.date()].append(segment)
    for day in sorted(by_day):
        lines += ["", f"## Day {numbers.get(day, '?')}: {day:%A %d %B}", ""]
        for s in by_day[day]:
            price = (
                f" ({s.price.amount:,.0f} {s.price.currency})" if s.price and s.price.amount else ""
            )
            meal = (
                f"{s.details['meal'].capitalize()}: "
                if s.type == "meal" and "meal" in s.details
                else ""
            )
            lines.append(f"- **{s.start:%H:%M}-{s.end:%H:%M}** {meal}{s.name}{price}")
    hotels = [s for s in itinerary.segments if s.type == "hotel"]
    if hotels:
        lines += ["", "## Stays", ""]
        for h in hotels:
            price = f", {h.price.amount:,.0f} {h.price.currency}" if h.price else ""
            lines.append(f"- {h.name}: {h.start:%d %b} to {h.end:%d %b}{price}")
    if itinerary.estimated_total:
        total = itinerary.estimated_total
        lines += ["", f"**Estimated total: {total.amount:,.0f} {total.currency}**"]
    if itinerary.violations:
        lines += ["", "## Problems found", ""] + [f"- {v.message}" for v in itinerary.violations]
    return "\n".join(lines) + "\n"


def export(itinerary: model.Itinerary, fmt: str) -> str:
    """The itinerary as text in ``fmt`` (one of FORMATS)."""
    if fmt == "json":
        return to_json(itinerary)
    if fmt == "md":
        return to_markdown(itinerary)
    if fmt == "ics":
        return to_ics(itinerary)
    if fmt == "geojson":
        return json.dumps(to_geojson(itinerary), ensure_ascii=False, indent=2)
    raise ValueError(f"Unknown format {fmt!r}; use one of {', '.join(FORMATS)}.")
