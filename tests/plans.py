"""A one-stay plan straight from the planner, as the designers build it (TripSpec)."""

from __future__ import annotations

from datetime import date

from tripdesigner_kernel.knowledge.cities import city_index
from tripdesigner_kernel.trip import model, planner


def plan(city: str, days: int, start: date = date(2027, 5, 3), **extra: object) -> model.Itinerary:
    """The itinerary of ``days`` days in ``city`` from ``start``; ``extra``: TripSpec fields."""
    found = city_index().lookup(city)
    assert found is not None, city
    spec = planner.TripSpec(stays=[planner.Stay(found, days)], start=start, **extra)  # type: ignore[arg-type]
    return planner.plan_trip(spec)
