"""The itinerary tools: schemas for a model, changes on a plan, errors as values."""

from __future__ import annotations

from datetime import date

import pytest

from tripdesigner_kernel.trip import model
from tripdesigner_kernel.trip.toolbox import registry
from tripdesigner_kernel.trip.tools import ToolContext

TODAY = date(2026, 11, 24)
EXPECTED = {
    "get_itinerary", "update_itinerary", "update_preferences", "add_traveler", "add_flight",
    "add_hotel", "add_activity", "add_meal", "add_transfer", "update_segment",
    "delete_segment", "move_segment", "search_places", "plan_days", "estimate_travel",
    "check_itinerary",
}  # fmt: skip


@pytest.fixture
def ctx() -> ToolContext:
    context = ToolContext(model.Itinerary(id="it-test", title="Test"), TODAY)
    result = registry.run(
        context,
        "plan_days",
        {"cities": ["Lisbon"], "days": [3], "start_date": "2027-05-10", "interests": ["museums"]},
    )
    assert result.ok, result.message
    return context


def test_every_tool_has_a_function_schema() -> None:
    assert set(registry.names()) >= EXPECTED
    for schema in registry.schemas():
        assert schema["type"] == "function"
        assert schema["function"]["description"]
        assert schema["function"]["parameters"]["type"] == "object"


def test_plan_days_gives_a_checked_plan(ctx: ToolContext) -> None:
    it = ctx.itinerary
    assert it.days == 3 and it.destinations[0].name == "Lisbon"
    assert registry.run(ctx, "check_itinerary", {}).data == []
    summary = registry.run(ctx, "get_itinerary", {}).message
    assert "2027-05-10" in summary


def test_plan_days_honours_avoided_interests_and_dietary_needs() -> None:
    context = ToolContext(model.Itinerary(id="it-test", title="Test"), TODAY)
    assert registry.run(context, "update_preferences", {"dietary": ["vegetarian"]}).ok
    args = {"cities": ["Delhi"], "days": [4], "start_date": "2027-03-01", "avoid": ["museums"]}
    assert registry.run(context, "plan_days", args).ok
    segments = context.itinerary.segments
    assert not [s.name for s in segments if s.category == "museum"]
    assert sum("vegetarian" in s.tags for s in segments if s.type == "meal") >= 3
    assert context.itinerary.preferences.dietary == ["vegetarian"]


def test_adding_refuses_duplicates(ctx: ToolContext) -> None:
    args = {"name": "Fado night", "day": "2027-05-11", "start": "22:00", "minutes": 90,
            "city": "Lisbon", "lat": 38.711, "lon": -9.13}  # fmt: skip
    assert registry.run(ctx, "add_activity", args).ok
    again = registry.run(ctx, "add_activity", args)
    assert not again.ok and "already planned" in again.message
    hotel = {
        "name": "Casa Azul",
        "city": "Lisbon",
        "check_in": "2027-05-10",
        "check_out": "2027-05-12",
    }
    assert registry.run(ctx, "add_hotel", hotel).ok
    overlapping = registry.run(
        ctx, "add_hotel", {**hotel, "check_in": "2027-05-11", "check_out": "2027-05-13"}
    )
    assert not overlapping.ok
    flight = {"number": "tp 1234", "from_city": "Lisbon", "to_city": "Porto", "day": "2027-05-12",
              "start": "18:00", "minutes": 55}  # fmt: skip
    assert registry.run(ctx, "add_flight", flight).ok
    assert not registry.run(ctx, "add_flight", {**flight, "number": " TP  1234 "}).ok
    assert not registry.run(ctx, "add_flight", flight).ok
    transfer = {"mode": "rail", "from_city": "Lisbon", "to_city": "Porto", "day": "2027-05-12",
                "start": "08:00", "minutes": 180}  # fmt: skip
    assert registry.run(ctx, "add_transfer", transfer).ok
    assert not registry.run(ctx, "add_transfer", transfer).ok


def test_update_move_delete(ctx: ToolContext) -> None:
    first = next(s for s in ctx.itinerary.segments if s.type == "activity")
    assert registry.run(ctx, "update_segment", {"id": first.id, "notes": "book ahead"}).ok
    assert first.notes == "book ahead"
    moved = registry.run(
        ctx, "move_segment", {"id": first.id, "day": "2027-05-12", "start": "08:00"}
    )
    assert moved.ok and first.start.date() == date(2027, 5, 12)
    assert registry.run(ctx, "delete_segment", {"id": first.id}).ok
    assert all(s.id != first.id for s in ctx.itinerary.segments)


def test_dates_in_the_past_are_refused(ctx: ToolContext) -> None:
    result = registry.run(ctx, "update_itinerary", {"start_date": "2026-01-01"})
    assert not result.ok and "not after today" in result.message
    ok = registry.run(ctx, "update_itinerary", {"start_date": "2027-06-01"})
    assert ok.ok and ctx.itinerary.start_date == date(2027, 6, 1)
    assert min(s.start for s in ctx.itinerary.segments).date() == date(2027, 6, 1)


@pytest.mark.parametrize(
    ("name", "arguments", "message"),
    [
        ("nope", {}, "Unknown tool"),
        ("add_activity", "{not json", "not valid JSON"),
        ("add_activity", {"name": "x"}, "Invalid arguments"),
        ("add_activity", {"name": "x", "day": "2027-05-10", "start": "25:99"}, "not a time"),
        ("delete_segment", {"id": "missing"}, "No segment"),
        ("search_places", {"city": "Xyzzyville"}, "Unknown city"),
        ("plan_days", {"cities": ["Rome"], "days": [2, 3], "start_date": "2027-05-01"}, "per city"),
        ("add_traveler", {"count": 100}, "Invalid arguments"),
    ],
)
def test_errors_are_values_not_crashes(ctx: ToolContext, name, arguments, message) -> None:
    before = ctx.itinerary.model_copy(deep=True)
    result = registry.run(ctx, name, arguments)
    assert not result.ok and message in result.message
    assert ctx.itinerary == before


def test_search_and_estimate(ctx: ToolContext) -> None:
    found = registry.run(ctx, "search_places", {"city": "Lisbon", "meal": "dinner", "limit": 3})
    assert found.ok and len(found.data) == 3
    trip = registry.run(ctx, "estimate_travel", {"from_lat": 38.71, "from_lon": -9.14,
                                                 "to_lat": 38.72, "to_lon": -9.15})  # fmt: skip
    assert trip.ok and trip.data["minutes"] > 0
