"""Local rhythm: meals at the country's hours (data), and no idle hole in a planned day."""

from __future__ import annotations

import itertools
from datetime import date, datetime, timedelta

import pytest
from plans import plan

from tripdesigner_kernel.kernel import KernelState
from tripdesigner_kernel.knowledge.meal_times import meal_windows
from tripdesigner_kernel.trip import checks, model
from tripdesigner_kernel.ui.itinerary_view import summary_html


def dinner_starts(itinerary: model.Itinerary) -> list[int]:
    return [
        s.start.hour * 60 + s.start.minute
        for s in itinerary.segments
        if s.type == "meal" and s.details.get("meal") == "dinner"
    ]


@pytest.mark.parametrize(
    ("city", "earliest", "latest"),
    [
        ("Madrid", 20 * 60 + 30, 22 * 60),
        ("Buenos Aires", 20 * 60 + 30, 22 * 60),
        ("Seville", 20 * 60 + 30, 22 * 60),
        ("Stockholm", 17 * 60 + 30, 19 * 60 + 30),
        ("Chicago", 17 * 60 + 30, 19 * 60 + 30),
    ],
)
def test_dinner_starts_in_the_countrys_window(city: str, earliest: int, latest: int) -> None:
    starts = dinner_starts(plan(city, 4))
    assert starts and all(earliest <= s <= latest for s in starts), starts


def test_late_and_early_countries_differ_and_the_default_is_kept() -> None:
    assert meal_windows("ES")["dinner"][0] > meal_windows("SE")["dinner"][0] + 120
    assert meal_windows("ZZ") == meal_windows("")  # a country not listed: the default
    assert meal_windows("ES", children=True)["dinner"][1] - meal_windows("ES")["dinner"][0] == 60


def test_with_children_dinner_is_at_the_early_end() -> None:
    alone = dinner_starts(plan("Madrid", 3))
    family = dinner_starts(plan("Madrid", 3, children=[4, 7], travelers=4))
    opens = meal_windows("ES")["dinner"][0]
    assert all(s <= opens + 60 for s in family), family
    assert max(family) <= max(alone)


def idle_holes(itinerary: model.Itinerary) -> list[str]:
    """Our own measure: > 2 h between two items of a day with no note in between."""
    holes = []
    items = sorted(
        (s for s in itinerary.segments if s.type in ("activity", "meal", "note", "transfer")),
        key=lambda s: s.start,
    )
    for a, b in itertools.pairwise(items):
        if a.start.date() == b.start.date() and b.start - a.end > timedelta(hours=2, minutes=30):
            holes.append(f"{a.name} {a.end:%d %H:%M} -> {b.name} {b.start:%H:%M}")
    return holes


@pytest.mark.parametrize("city", ["Madrid", "Lisbon", "Kyoto", "Bangkok", "Reykjavik"])
def test_no_day_sits_idle_without_a_reason(city: str) -> None:
    itinerary = plan(city, 6, start=date(2027, 1, 4), pace="relaxed")
    assert idle_holes(itinerary) == []
    assert [v for v in checks.check_idle(itinerary)] == []


def test_a_long_wait_for_dinner_is_shown_as_a_rest_or_free_time() -> None:
    itinerary = plan("Madrid", 5, pace="relaxed")
    notes = [s for s in itinerary.segments if s.type == "note"]
    assert notes, "a relaxed Madrid day waits for a 20:30 dinner: the plan says why"
    assert {s.category for s in notes} <= {"rest", "free"}
    for note in notes:
        assert note.name.startswith(("Rest at the hotel", "Free time around"))
        assert note.price is None


def test_a_five_hour_hole_is_a_problem_not_no_problems() -> None:
    itinerary = plan("Lisbon", 3)
    day_two = [s for s in itinerary.segments if s.details.get("day") == 2]
    lunch = next(s for s in day_two if s.details.get("meal") == "lunch")
    dinner = next(s for s in day_two if s.details.get("meal") == "dinner")
    hole = [s for s in day_two if lunch.end <= s.start < dinner.start]
    itinerary.segments = [s for s in itinerary.segments if s not in hole]
    dinner.start = lunch.end + timedelta(hours=5)
    dinner.end = dinner.start + timedelta(minutes=90)
    itinerary.violations = checks.check_itinerary(itinerary, date(2026, 11, 24))
    assert "idle_gap" in {v.code for v in itinerary.violations}
    shown = summary_html(itinerary.to_json())
    assert "no problems found" not in shown
    assert " h with nothing planned on " in shown


def test_a_plan_turn_in_madrid_dines_late_and_has_no_problem() -> None:
    state = KernelState()
    state.settings.today = "2026-11-24"
    state.new_session()
    reply = state.chat("4 days in Madrid in May for 2")
    assert reply.itinerary is not None
    assert reply.itinerary["violations"] == []
    starts = [
        datetime.fromisoformat(s["start"])
        for s in reply.itinerary["segments"]
        if s["type"] == "meal" and s["details"].get("meal") == "dinner"
    ]
    assert starts and all(s.hour * 60 + s.minute >= 20 * 60 + 30 for s in starts)
