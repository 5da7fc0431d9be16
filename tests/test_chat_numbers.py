"""Numbers as people type them in a chat go to the right slot: ages are no budget, a sum
is no year, "nts" are nights, and chat-style dates ("leaving 1/15", "from the 16th",
"fri-sun", "half term") set the trip's days. Local and run-together city names are found
in lower case. Each checked through a whole turn, in the session's profile."""

from __future__ import annotations

import pytest

from tests.turns import chat_turns

MONDAY = "2026-11-30"


@pytest.mark.parametrize(
    "message",
    [
        "naples 3 days with my grandad, he's 81, loves pizza",
        "going to porto w my mum (74, uses a cane) 4 days in june",
        "Madrid for 5 days with my father who is 69",
        "lisbon 3 days, my aunt is 77 and I'm 45",
    ],
)
def test_an_age_is_never_the_budget(message: str) -> None:
    _, profile = chat_turns(message, today=MONDAY)
    assert profile["budget"]["amount"] is None, message
    assert profile["destinations"], message


@pytest.mark.parametrize(
    ("message", "amount", "start"),
    [
        ("tokyo 5 days leaving feb 3rd, ~$4500 usd", "4500", "2027-02-03"),
        ("paris from march 10, 2000 eur in total", "2000", "2027-03-10"),
        ("rome april 2nd 2027, budget 2500 euros", "2500", "2027-04-02"),
    ],
)
def test_a_sum_after_a_date_is_money_not_its_year(message: str, amount: str, start: str) -> None:
    _, profile = chat_turns(message, today=MONDAY)
    assert profile["budget"]["amount"] == amount
    assert profile["dates"]["start_date"] == start


@pytest.mark.parametrize(
    ("message", "city", "days", "adults"),
    [
        ("me n my bf want roma for 3 nts in may", "Rome", 4, 2),
        ("wien 2 nites, solo", "Vienna", 3, 1),
        ("praha wknd with my sister", "Prague", 2, 2),
        ("firenze 4 dys for the two of us", "Florence", 4, 2),
        ("kobenhavn 3 nts", "Copenhagen", 4, None),
    ],
)
def test_shorthand_and_local_names_in_lower_case(
    message: str, city: str, days: int, adults: int | None
) -> None:
    _, profile = chat_turns(message, today=MONDAY)
    assert [d["name"] for d in profile["destinations"]] == [city]
    assert profile["dates"]["days"] == days
    if adults is not None:
        assert profile["travelers"]["adults"] == adults


@pytest.mark.parametrize(
    ("message", "cities"),
    [
        ("losangeles 4 nts then sanfrancisco 3 nts", ["Los Angeles", "San Francisco"]),
        ("hongkong 3 days", ["Hong Kong"]),
        ("kualalumpur 2 nights and bangkok 3 nights", ["Kuala Lumpur", "Bangkok"]),
    ],
)
def test_names_typed_run_together(message: str, cities: list[str]) -> None:
    _, profile = chat_turns(message, today=MONDAY)
    assert [d["name"] for d in profile["destinations"]] == cities


def test_a_lower_case_word_that_is_a_city_s_old_name_stays_a_word() -> None:
    _, profile = chat_turns("3 days in rome, we like a good deli lunch", today=MONDAY)
    assert [d["name"] for d in profile["destinations"]] == ["Rome"]


@pytest.mark.parametrize(
    ("message", "start", "days"),
    [
        ("chicago 4 days, flying 2/20, about $3000", "2027-02-20", 4),  # dollars: month first
        ("amsterdam 3 days from 20/2", "2027-02-20", 3),  # the day cannot be a month
        ("berlin from 14.03.2027 for 3 days", "2027-03-14", 3),
        ("seville leaving 4/10 - 4/14, 600 dollars", "2027-04-10", 5),
        ("oslo, 2 nights from the 19th", "2026-12-19", 3),  # the next 19th
        ("venice in january from the 8th to the 11th", "2027-01-08", 4),
        ("madrid thu-sun next weekend", "2026-12-03", 4),
        ("dublin friday to monday in march", "2027-03-05", 4),
        ("york 3 nights over february half term", "2027-02-15", 4),
    ],
)
def test_chat_style_dates_set_the_days(message: str, start: str, days: int) -> None:
    reply, profile = chat_turns(message, today=MONDAY)
    assert profile["dates"]["start_date"] == start, str(reply)[:300]
    assert profile["dates"]["days"] == days


def test_a_date_that_reads_both_ways_is_said() -> None:
    reply, profile = chat_turns("lisbon 3 days leaving 3/4", today=MONDAY)
    assert profile["dates"]["start_date"] == "2027-04-03"  # no dollars: day first
    assert "I read 3/4 as 3 April 2027" in str(reply)
