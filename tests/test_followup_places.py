"""Follow-ups that take out or replace places of the plan act on the day they name only.

By kind and day ("the museum on day 2", "the museums on day 2"), by position ("the second
museum on day 3", "the last thing on day 3"), by meal ("the dinner on day 1", "lunch
tomorrow") or by name. The days not named keep their places and meals; when a day has
several of the kind, the designer asks which one, with their names as choices.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from plans import chat_turns

from tripdesigner_kernel.kernel import Reply

TODAY = date(2026, 11, 24)
FIRST = "3 days in Amsterdam from March 10 for 2, museums"


def chat(*turns: str) -> list[Reply]:
    return chat_turns(*turns, today=TODAY.isoformat())


def days(itinerary: dict[str, Any] | None) -> dict[int, list[tuple[str, str, str]]]:
    """Each day's visits and meals: (type, category or meal, name), in time order."""
    assert itinerary is not None
    found: dict[int, list[tuple[str, str, str]]] = {}
    for s in sorted(itinerary["segments"], key=lambda s: s["start"]):
        if s["type"] in ("activity", "meal"):
            kind = s["details"].get("meal") or s["category"]
            found.setdefault(s["details"]["day"], []).append((s["type"], kind, s["name"]))
    return found


def names(day: list[tuple[str, str, str]]) -> set[str]:
    return {name for _, _, name in day}


def assert_only_day_changed(before: Reply, after: Reply, day: int) -> None:
    old, new = days(before.itinerary), days(after.itinerary)
    assert set(old) == set(new)
    for number in old:
        if number != day:
            assert new[number] == old[number], f"day {number} changed"


@pytest.mark.parametrize(
    ("message", "day", "kind", "position"),
    [
        ("please drop the second museum on day 3", 3, "museum", 1),
        ("remove the last thing on day 3", 3, None, -1),
        ("skip the first thing on day 2", 2, None, 0),
        ("replace the dinner on day 1", 1, "dinner", 0),
        ("can we change the lunch on day 3?", 3, "lunch", 0),
        ("get rid of the first museum on the second day", 2, "museum", 0),
        ("I don't want the dinner on day 2", 2, "dinner", 0),
        ("can we not do the last museum on day 1?", 1, "museum", -1),
    ],
)
def test_a_place_picked_by_kind_day_and_position_goes_and_only_its_day_changes(
    message: str, day: int, kind: str | None, position: int
) -> None:
    before, after = chat(FIRST, message)
    old = days(before.itinerary)[day]
    candidates = [item for item in old if (kind is None and item[0] == "activity") or kind in item]
    target = candidates[position][2]
    assert target not in {n for d in days(after.itinerary).values() for n in names(d)}
    assert target in str(after)
    assert_only_day_changed(before, after, day)


def test_all_the_museums_of_a_day_go_and_the_other_days_keep_theirs() -> None:
    before, after = chat(FIRST, "remove the museums on day 2")
    museums = {n for _, kind, n in days(before.itinerary)[2] if kind == "museum"}
    assert len(museums) >= 2
    assert not museums & names(days(after.itinerary)[2])
    assert_only_day_changed(before, after, 2)
    assert days(after.itinerary)[2], "the day is filled again"


@pytest.mark.parametrize(
    ("message", "answer"),
    [
        ("drop the museum on day 2", "the rembrandt one"),
        ("no museum on day 2 please", "2"),
        ("replace the museum on day 1", "Stedelijk Museum"),
    ],
)
def test_several_of_a_kind_on_the_day_asks_which_with_their_names(
    message: str, answer: str
) -> None:
    before, asked, after = chat(FIRST, message, answer)
    day = 1 if "day 1" in message else 2
    museums = [n for _, kind, n in days(before.itinerary)[day] if kind == "museum"]
    assert asked.question is not None and len(museums) > 1
    assert asked.question.choices == museums
    assert asked.itinerary == before.itinerary  # nothing changed while asking
    picked = asked.question.resolve(answer)
    if picked not in museums:
        picked = next(m for m in museums if answer.split()[1] in m.lower())
    assert picked not in names(days(after.itinerary)[day])
    assert_only_day_changed(before, after, day)


def test_lunch_tomorrow_before_the_trip_is_day_2_and_the_reply_says_so() -> None:
    before, after = chat(FIRST, "skip lunch tomorrow")
    lunch = next(n for _, kind, n in days(before.itinerary)[2] if kind == "lunch")
    assert lunch not in names(days(after.itinerary)[2])
    assert "took tomorrow as day 2" in str(after)
    assert_only_day_changed(before, after, 2)


def test_a_kind_the_day_lacks_changes_nothing_and_lists_the_day() -> None:
    before, after = chat(FIRST, "drop the beach on day 2")
    assert after.itinerary == before.itinerary
    assert "I found no beach on day 2" in str(after)
    assert all(n in str(after) for n in names(days(before.itinerary)[2]) if "Walk" in n)


def test_a_place_by_name_goes_and_interests_stay() -> None:
    before, after = chat(FIRST, "remove the Van Gogh Museum")
    assert "Van Gogh Museum" not in str(after.itinerary)
    assert_only_day_changed(before, after, 1)
