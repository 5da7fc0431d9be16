"""Exports parsed back by the libraries people's tools use."""

from __future__ import annotations

import json
from datetime import date

import pytest
from icalendar import Calendar

from tripdesigner_kernel.trip import exports, model
from tripdesigner_kernel.trip.toolbox import registry
from tripdesigner_kernel.trip.tools import ToolContext


@pytest.fixture(scope="module")
def itinerary() -> model.Itinerary:
    context = ToolContext(model.Itinerary(id="it-export", title="Export test"), date(2026, 11, 24))
    result = registry.run(context, "plan_days", {
        "cities": ["Lisbon", "Porto"], "days": [2, 2], "start_date": "2027-05-10",
    })  # fmt: skip
    assert result.ok, result.message
    return context.itinerary


def test_ics_has_an_event_per_segment_in_named_time_zones(itinerary: model.Itinerary) -> None:
    text = exports.to_ics(itinerary)
    calendar = Calendar.from_ical(text)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == len(itinerary.segments)
    assert calendar["X-WR-CALNAME"] == itinerary.title
    assert {str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")} == {"Europe/Lisbon"}
    first = events[0]
    assert str(first["DTSTART"].dt.tzinfo) == "Europe/Lisbon"
    assert first.get("GEO") is not None and first.get("LOCATION")
    hotels = [e for e in events if str(e["CATEGORIES"].cats[0]) == "hotel"]
    assert hotels and all(str(h["TRANSP"]) == "TRANSPARENT" for h in hotels)
    assert exports.to_ics(itinerary) == text  # stable UIDs and stamps


def test_geojson_points_and_a_route_per_day(itinerary: model.Itinerary) -> None:
    data = json.loads(exports.export(itinerary, "geojson"))
    assert data["type"] == "FeatureCollection"
    points = [f for f in data["features"] if f["geometry"]["type"] == "Point"]
    lines = [f for f in data["features"] if f["properties"]["kind"] == "route"]
    assert {"day", "start", "end", "kind", "category", "name"} <= set(points[0]["properties"])
    assert sorted(f["properties"]["day"] for f in lines) == [1, 2, 3, 4]
    lon, lat = points[0]["geometry"]["coordinates"]
    assert 36 < lat < 42 and -10 < lon < -8  # Portugal, in GeoJSON's lon-lat order


def test_markdown_reads_day_by_day(itinerary: model.Itinerary) -> None:
    text = exports.to_markdown(itinerary)
    assert text.startswith("# ") and "## Day 1: Monday 10 May" in text and "## Day 4" in text
    assert "Estimated total" in text or itinerary.estimated_total is None


def test_json_round_trips(itinerary: model.Itinerary) -> None:
    again = exports.from_json(exports.to_json(itinerary))
    assert again == itinerary
    assert exports.to_json(again) == exports.to_json(itinerary)


def test_unknown_format_is_a_clear_error(itinerary: model.Itinerary) -> None:
    with pytest.raises(ValueError, match="use one of"):
        exports.export(itinerary, "pdf")
