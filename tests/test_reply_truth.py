"""The reply tells the truth about what the planner acts on: the party's needs are
understood (not merely noted), the plan's own notes are said, holidays once per run."""

from __future__ import annotations

import pytest
from test_dialogue_state import chat


def _lines(reply: object) -> list[str]:
    return str(reply).splitlines()


@pytest.mark.parametrize(
    ("message", "understood"),
    [
        ("4 days in Rome with our kids aged 5 and 8", "2 children (aged 5 and 8)"),
        ("Lisbon 3 days, my mother uses a wheelchair", "wheelchair (step-free places)"),
        ("Paris 4 days, we have a pushchair", "pushchair (step-free places)"),
        ("Vienna 3 days with my elderly parents", "older travellers (step-free places)"),
    ],
)
def test_what_the_planner_acts_on_is_understood_not_noted(message: str, understood: str) -> None:
    replies, _ = chat(message)
    lines = _lines(replies[0])
    assert understood in lines[0], lines[0]
    noted = [line for line in lines if line.startswith("Noted:")]
    assert not any(
        word in line
        for line in noted
        for word in ("children's needs", "wheelchair", "pushchair", "older")
    ), noted


@pytest.mark.parametrize(
    "message",
    ["4 days in Barcelona with the kids (6 and 9)", "3 days in Berlin, family with a toddler"],
)
def test_children_s_plan_says_what_was_done(message: str) -> None:
    replies, _ = chat(message)
    assert "With children: no bars or nightlife" in str(replies[0])
    itinerary = replies[0].itinerary
    assert itinerary is not None
    assert not any(s.get("category") == "nightlife" for s in itinerary["segments"])


@pytest.mark.parametrize(
    ("message", "holiday", "days"),
    [
        ("7 days in Hanoi from 4 February 2027", "Lunar New Year", "Thu 04 Feb - Wed 10 Feb"),
        ("5 days in Paris from 30 December", "New Year's Day", "Fri 01 Jan"),
        ("4 days in London from 24 December", "Christmas Day", "Fri 25 Dec - Sat 26 Dec"),
    ],
)
def test_one_line_per_run_of_holidays(message: str, holiday: str, days: str) -> None:
    replies, _ = chat(message)
    text = str(replies[0])
    runs = [line for line in _lines(replies[0]) if line.startswith(f"- {holiday}, ")]
    assert len(runs) == 1, text
    assert days in runs[0]
    assert "check opening hours." not in text.replace(runs[0], "")
    assert "is a public holiday in" not in text


def test_vegan_is_not_vegetarian_in_the_reply() -> None:
    replies, _ = chat("3 days in Rome, we are vegan")
    assert "not vegan ones" in str(replies[0])


def test_events_planned_are_said() -> None:
    replies, _ = chat("4 days in Munich for Oktoberfest")
    assert "Oktoberfest in Munich" in str(replies[0]) and "planned on" in str(replies[0])
