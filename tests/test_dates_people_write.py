"""Dates as people write them, through whole turns: days around an event ("the week after
Christmas"), days of one's own around the trip (a conference), a weekend (Saturday and
Sunday), and the start chosen when none is said (an ordinary day, some weeks ahead, with
no public holiday where the trip goes and never over the year's end)."""

from __future__ import annotations

from datetime import date, timedelta

import holidays
import pytest
from turns import chat_turns, span


@pytest.mark.parametrize(
    ("message", "start", "end"),
    [
        ("the week after christmas in Lisbon", date(2026, 12, 26), date(2027, 1, 1)),
        ("Vienna, the week after Xmas", date(2026, 12, 26), date(2027, 1, 1)),
        ("Prague the week before Christmas", date(2026, 12, 17), date(2026, 12, 23)),
        ("4 days in Rome after Easter", date(2027, 3, 30), date(2027, 4, 2)),
        ("Munich after oktoberfest, 3 days", date(2027, 10, 4), date(2027, 10, 6)),
    ],
)
def test_days_around_an_event_are_clear_of_it(message: str, start: date, end: date) -> None:
    reply, profile = chat_turns(message)
    assert span(reply) == (start, end)
    assert profile["dates"]["start_date"] == start.isoformat()
    assert profile["dates"]["given"] == "date" and "dates" not in profile["assumed"]
    assert profile["events"] == []  # the trip is not for the event
    assert f"I started on {start:%A %-d %B %Y}" in str(reply)


@pytest.mark.parametrize(
    ("message", "start", "days", "said"),
    [
        (
            "conference 8-10 december in Berlin, add 2 days of sightseeing after",
            date(2026, 12, 11),
            2,
            "Your conference, 8-10 December, is yours to plan: I planned the 2 days after it",
        ),
        (
            "Seminar in Lyon 4-6 march and 3 days afterwards to explore",
            date(2027, 3, 7),
            3,
            "Your seminar, 4-6 March, is yours to plan: I planned the 3 days after it",
        ),
        (
            "work trip to Tokyo March 3-7, plus 2 days before",
            date(2027, 3, 1),
            2,
            "Your work trip, 3-7 March, is yours to plan: I planned the 2 days before it",
        ),
        (
            "Rome 8-10 May plus 2 extra days after",
            date(2027, 5, 8),
            5,
            "With the 2 days after your dates: 8-12 May.",
        ),
    ],
)
def test_days_of_one_s_own_are_left_to_the_person_and_said(
    message: str, start: date, days: int, said: str
) -> None:
    reply, profile = chat_turns(message)
    assert span(reply) == (start, start + timedelta(days=days - 1))
    assert (profile["dates"]["start_date"], profile["dates"]["days"]) == (start.isoformat(), days)
    assert said in str(reply)


@pytest.mark.parametrize(
    ("message", "weekday", "days"),
    [
        ("a weekend in Paris", 5, 2),
        ("Rome for the weekend", 5, 2),
        ("weekend getaway to Bruges in March", 5, 2),
        ("Paris this weekend", 5, 2),
        ("a long weekend in Lisbon", 4, 3),
    ],
)
def test_a_weekend_is_saturday_and_sunday_a_long_one_from_friday(
    message: str, weekday: int, days: int
) -> None:
    reply, profile = chat_turns(message)
    start, end = span(reply)
    assert (start.weekday(), (end - start).days + 1) == (weekday, days)
    assert profile["dates"]["days"] == days


def _quiet(start: date, end: date, country: str) -> bool:
    calendar = holidays.country_holidays(country, years=[start.year, end.year])
    days = [start + timedelta(days=i) for i in range((end - start).days + 1)]
    year_end = [d for d in days if (d.month, d.day) >= (12, 24) or (d.month, d.day) <= (1, 2)]
    return not year_end and not [d for d in days if d in calendar]


@pytest.mark.parametrize("today", ["2026-11-24", "2026-12-01", "2026-12-04", "2027-03-20"])
@pytest.mark.parametrize(
    ("message", "country"),
    [("3 days in Rome", "IT"), ("Vienna, 5 days", "AT"), ("Tokyo for a week", "JP")],
)
def test_with_no_date_the_trip_starts_weeks_ahead_on_ordinary_days(
    today: str, message: str, country: str
) -> None:
    reply, profile = chat_turns(message, today=today)
    start, end = span(reply)
    assert start >= date.fromisoformat(today) + timedelta(weeks=4)
    assert start <= date.fromisoformat(today) + timedelta(weeks=16)
    assert _quiet(start, end, country), (start, end)
    assert "dates" in profile["assumed"]
    assert "assumed: dates" in str(reply).split("\n")[0]


@pytest.mark.parametrize(
    ("message", "month", "country"),
    [
        ("Paris in january", 1, "FR"),
        ("4 days in Lisbon in May", 5, "PT"),
        ("Rome in November", 11, "IT"),
        ("Berlin in october, 3 days", 10, "DE"),
    ],
)
def test_a_month_alone_starts_early_in_it_on_an_ordinary_day(
    message: str, month: int, country: str
) -> None:
    reply, profile = chat_turns(message)
    start, end = span(reply)
    assert start.month == month and start.day <= 14
    assert _quiet(start, end, country), (start, end)
    assert profile["dates"]["given"] == "month"
