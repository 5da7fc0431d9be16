"""A one-stay plan straight from the planner, as the designers build it (TripSpec)."""

from __future__ import annotations

from datetime import date
from typing import Any

from turns import replies_to

from tripdesigner_kernel.knowledge.cities import City, city_index
from tripdesigner_kernel.trip import model, planner


def plan(city: str, days: int, start: date = date(2027, 5, 3), **extra: object) -> model.Itinerary:
    """The itinerary of ``days`` days in ``city`` from ``start``; ``extra``: TripSpec fields."""
    found = city_index().lookup(city)
    assert found is not None, city
    spec = planner.TripSpec(stays=[planner.Stay(found, days)], start=start, **extra)  # type: ignore[arg-type]
    return planner.plan_trip(spec)


def city(name: str) -> City:
    """The city ``name`` finds, asserted found."""
    found = city_index().lookup(name)
    assert found is not None, name
    return found


def chat_plan(message: str, today: str = "2026-11-24") -> tuple[dict, str]:
    """The itinerary (JSON) and the reply text of one message in a new offline session."""
    (reply,), _ = replies_to(message, today=today)
    assert reply.itinerary is not None, str(reply)
    return reply.itinerary, str(reply)


def chat_turns(*turns: str, today: str = "2026-11-24") -> list[Any]:
    """The replies (``kernel.Reply``) to ``turns``, said one after another in a new session."""
    return replies_to(*turns, today=today)[0]
