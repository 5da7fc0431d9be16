"""Who travels when children are named, through whole turns: adults and children with
their ages in the session's profile and the plan. A writer who says "my kids" travels with
them (at least one adult); "me and my wife" are two adults."""

from __future__ import annotations

from typing import Any

import pytest

from tripdesigner_kernel.kernel import KernelState


def _profile(text: str) -> tuple[dict[str, Any], dict[str, Any]]:
    state = KernelState()
    state.settings.today = "2026-11-24"
    state.new_session()
    reply = state.chat(text)
    assert reply.itinerary is not None, str(reply)
    assert state.current_session_id is not None
    return state.sessions.get(state.current_session_id).profile, reply.itinerary


@pytest.mark.parametrize(
    ("text", "adults", "children"),
    [
        ("4 days in Madrid with my children aged 5 and 11", 1, [5, 11]),
        ("Lisbon for 3 days, just me and my kids (3 and 8)", 1, [3, 8]),
        ("me, my husband and our three girls (4, 8 and 12), a week in Paris", 2, [4, 8, 12]),
        ("my partner and I plus our 2 sons aged 6 & 10, Rome 5 days", 2, [6, 10]),
        ("2 adults + 2 kids, 4 days in Barcelona", 2, [None, None]),
        ("3 adults + 1 child, Vienna for 3 days", 3, [None]),
        ("two adults and two children (ages 7 and 9), 5 days in Edinburgh", 2, [7, 9]),
        ("Me + wife + 2 kids aged 8 & 11, 4 days in Rome", 2, [8, 11]),
        ("I'm going to Berlin for 3 days with my son, he's 10", 1, [10]),
        ("we are 2 adults with a 3-year-old and a baby, Amsterdam 4 days", 2, [3, 0]),
        ("me and my wife, 4 days in Prague", 2, []),
        ("me and wife, Budapest 3 days", 2, []),
    ],
)
def test_adults_and_children_with_ages(text: str, adults: int, children: list[int | None]) -> None:
    profile, itinerary = _profile(text)
    assert profile["travelers"] == {"adults": adults, "children": children}
    assert "travellers" not in profile["assumed"]
    assert itinerary["travelers"] == adults + len(children)
