"""The day scheduler: real opening hours, travel times and meal picks."""

from __future__ import annotations

from datetime import date

from tripdesigner_kernel.knowledge.geo import km_between
from tripdesigner_kernel.knowledge.places import Place
from tripdesigner_kernel.trip.scheduler import schedule_day

MONDAY = date(2027, 5, 3)


def place(name: str, category: str, lat: float, lon: float, **extra: object) -> Place:
    fields: dict[str, object] = {
        "tags": ("food",),
        "minutes": 90,
        "hours": "Mo-Su 08:00-20:00",
        "price_level": 1,
        "price": 10.0,
        "neighbourhood": "Centre",
        "description": "",
    }
    fields.update(extra)
    return Place(name=name, category=category, lat=lat, lon=lon, **fields)  # type: ignore[arg-type]


MARKET = place("Central Market", "market", 35.0050, 135.7649, meals=("lunch",))
MUSEUM = place("City Museum", "museum", 35.0100, 135.7700, hours="Mo-Su 09:00-17:00")
NOODLES = place("Noodle Bar", "restaurant", 35.0200, 135.7800, minutes=60, meals=("lunch",))


def nearest_lunch(
    meal: str, lat: float, lon: float, day: date, at: int, avoid: set[str]
) -> Place | None:
    """The nearest place serving ``meal``, as the planner's picker does."""
    options = [p for p in (MARKET, NOODLES) if meal in p.meals and p.name not in avoid]
    return min(options, key=lambda p: km_between(lat, lon, p.lat, p.lon), default=None)


def test_a_visited_market_is_not_also_lunch() -> None:
    plan = schedule_day([MARKET, MUSEUM], MONDAY, 9 * 60, (35.0, 135.76), nearest_lunch, ["lunch"])
    assert plan is not None
    names = [stop.place.name for stop in plan.stops]
    assert names.count("Central Market") == 1
    assert "Noodle Bar" in names


def test_visits_respect_opening_hours_and_lunch_window() -> None:
    plan = schedule_day([MUSEUM], MONDAY, 7 * 60, (35.0, 135.76), nearest_lunch, ["lunch"])
    assert plan is not None
    visit = next(s for s in plan.stops if s.kind == "activity")
    lunch = next(s for s in plan.stops if s.kind == "lunch")
    assert visit.start >= 9 * 60 and visit.end <= 17 * 60
    assert 12 * 60 <= lunch.start <= 14 * 60
    assert lunch.place.name == "Central Market"  # nearest, and not visited today
