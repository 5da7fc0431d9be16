"""Weekends said relative to today ("this weekend", "next weekend"), through whole turns
with several fixed todays: the Saturday and Sunday meant, the profile's dates and the plan's
days, and the reply naming the days taken."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from turns import chat_turns, span


@pytest.mark.parametrize(
    ("today", "text", "saturday"),
    [
        ("2026-11-23", "Vienna next weekend", "2026-11-28"),  # a Monday: the coming one
        ("2026-11-24", "next weekend in Prague, 2 of us", "2026-11-28"),  # a Tuesday
        ("2027-03-01", "can you plan next weekend in Lisbon?", "2027-03-06"),  # a Monday
        ("2027-03-02", "Amsterdam, next weekend", "2027-03-06"),  # a Tuesday
        ("2026-11-26", "Vienna next weekend", "2026-12-05"),  # a Thursday: the one after
        ("2026-11-28", "next weekend in Rome", "2026-12-05"),  # a Saturday
        ("2026-11-24", "Paris this weekend", "2026-11-28"),
        ("2026-11-27", "this weekend in Madrid", "2026-11-28"),  # a Friday: tomorrow
        ("2026-11-28", "Berlin this weekend", "2026-11-28"),  # a Saturday: today
        ("2027-03-06", "this weekend in Dublin please", "2027-03-06"),  # a Saturday
        ("2026-12-02", "this coming weekend in Paris", "2026-12-05"),  # a Wednesday
        ("2026-11-30", "a weekend in Rome this weekend", "2026-12-05"),  # a Monday
    ],
)
def test_a_relative_weekend_is_the_saturday_and_sunday_meant(
    today: str, text: str, saturday: str
) -> None:
    reply, profile = chat_turns(text, today=today)
    start, end = span(reply)
    assert start == date.fromisoformat(saturday)
    assert start.weekday() == 5 and (end - start).days == 1  # Saturday to Sunday
    assert profile["dates"]["start_date"] == saturday
    assert "dates" not in profile["assumed"]
    assert f"weekend as {start:%a %-d}" in reply
    assert not reply.itinerary["violations"] or all(
        v["code"] != "past_date" for v in reply.itinerary["violations"]
    )


def test_this_weekend_said_on_a_sunday_is_today_and_says_so() -> None:
    reply, profile = chat_turns("this weekend in Berlin", today="2026-11-29")
    assert span(reply) == (date(2026, 11, 29), date(2026, 11, 29))
    assert profile["dates"]["days"] == 1
    assert "only today left" in reply


def test_next_weekend_said_midweek_names_the_other_weekend() -> None:
    reply, _ = chat_turns("Copenhagen next weekend", today="2026-11-25")  # a Wednesday
    assert span(reply)[0] == date(2026, 11, 28)
    assert "weekend of Sat 5 Dec" in reply


def test_a_long_weekend_this_weekend_starts_on_the_friday() -> None:
    reply, _ = chat_turns("a long weekend in Edinburgh this weekend", today="2026-11-24")
    assert span(reply) == (date(2026, 11, 27), date(2026, 11, 29))


@pytest.mark.parametrize(
    ("today", "saturday"), [("2026-11-24", date(2026, 12, 5)), ("2026-11-26", date(2026, 12, 12))]
)
def test_the_weekend_after_next_is_a_week_after_next_weekend(today: str, saturday: date) -> None:
    reply, _ = chat_turns("the weekend after next in Vienna", today=today)
    assert span(reply) == (saturday, saturday + timedelta(days=1))


def test_a_saturday_and_sunday_named_are_two_days() -> None:
    reply, _ = chat_turns("Rome next Saturday and Sunday", today="2026-11-24")
    start, end = span(reply)
    assert start.weekday() == 5 and (end - start).days == 1
