"""Reading requests with rules: many phrasings, relative to a fixed 'today'."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tripdesigner_kernel.designers.offline.edits import understand_edit
from tripdesigner_kernel.designers.offline.understanding import start_date_for, understand
from tripdesigner_kernel.knowledge.cities import destinations

TODAY = date(2026, 11, 24)


def cities(text: str) -> list[str]:
    return [s.city.name for s in understand(text, TODAY).stays]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4 days in Kyoto", ["Kyoto"]),
        ("Barcelonna for a long weekend", ["Barcelona"]),
        ("NYC in March", ["New York City"]),
        ("a week in lisboa", ["Lisbon"]),  # a local name in lower case, after "in"
        ("A week in Lisboa", ["Lisbon"]),
        ("Rome, Florence and Venice", ["Rome", "Florence", "Venice"]),
        ("a fortnight in japan", ["Tokyo", "Kyoto", "Osaka"]),
        ("Two weeks in Italy", ["Rome", "Florence", "Venice"]),
        ("I'm flying from Boston to Reykjavik", ["Reykjavík"]),
        ("5 days in Queenstown, New Zealand", ["Queenstown"]),
        ("Ubud for a week", ["Ubud"]),
        ("Somewhere warm in February?", []),
        ("Can you plan a trip to Mexico City?", ["Mexico City"]),  # Can: also Caen
        ("Okay, do 3 days in Lisbon", ["Lisbon"]),
    ],
)
def test_places(text: str, expected: list[str]) -> None:
    assert cities(text) == expected


def test_every_destination_by_its_bare_name_is_ours() -> None:
    # Queenstown, NZ has 10,000 people; the bigger Queenstown is in South Africa.
    wrong = []
    for destination in destinations():
        stays = understand(f"3 days in {destination.name}", TODAY).stays
        found = [s.city.country for s in stays]
        if found != [destination.country]:
            wrong.append((destination.name, destination.country, found))
    assert wrong == []


@pytest.mark.parametrize(
    ("text", "days", "start"),
    [
        ("5 days in Paris in June", 5, date(2027, 6, 1)),
        ("Paris for 3 nights from 2027-04-02", 4, date(2027, 4, 2)),
        ("A week in Lisbon from May 10, 2027", 7, date(2027, 5, 10)),
        ("Rome, 10 May", None, date(2027, 5, 10)),
        ("a fortnight in Rome in March", 14, date(2027, 3, 1)),
        ("A long weekend in Paris next month", 3, date(2026, 12, 4)),  # a Friday
        ("a day in Venice on 2027-06-14", 1, date(2027, 6, 14)),
        ("Rome in November 2027", None, date(2027, 11, 2)),  # 1 November: a holiday in Italy
        ("Rome in November", None, date(2027, 11, 2)),  # this November has begun
        ("10 days in Japan in spring", 10, date(2027, 4, 1)),
        ("Sydney in the summer", None, date(2027, 1, 3)),  # the southern summer; not New Year
        ("Paris this winter", None, date(2027, 1, 3)),
        ("Niagara Falls for 3 days", 3, None),  # not the season
        ("Mexico City from Dec 27 to Jan 2", 7, date(2026, 12, 27)),
        ("Paris from March 3 to March 9", 7, date(2027, 3, 3)),
        ("Paris from 3 to 9 March", 7, date(2027, 3, 3)),
        ("Paris, 2027-03-03 to 2027-03-09", 7, date(2027, 3, 3)),
        ("Rome May 10-15, 2027", 6, date(2027, 5, 10)),
        ("Lisbon June 5th \u2013 June 8th", 4, date(2027, 6, 5)),
        ("Rome from February 27 to February 30", None, date(2027, 2, 27)),  # no such day
        ("Rome on February 30", None, date(2027, 3, 1)),  # no such day: the next, with a note
        ("Rome, May 10 to May 10", 1, date(2027, 5, 10)),
        ("Rome on 2025-01-01", None, None),  # the past is not a plan
    ],
)
def test_durations_and_dates(text: str, days: int | None, start: date | None) -> None:
    request = understand(text, TODAY)
    assert request.days == days
    if start is None:
        assert request.start_date is None and start_date_for(request, TODAY) > TODAY
    else:
        assert start_date_for(request, TODAY) == start


@pytest.mark.parametrize(
    ("text", "travelers"),
    [
        ("Rome for 2", 2), ("Rome for two people", 2), ("a couple in Rome", 2),
        ("family of 4 with two kids in London", 4), ("3 friends in Cancun", 3),
        ("travelling solo to Rome", 1), ("I'm going to Rome", 1), ("Rome for a week", None),
    ],
)  # fmt: skip
def test_party_size(text: str, travelers: int | None) -> None:
    assert understand(text, TODAY).travelers == travelers


@pytest.mark.parametrize(
    ("text", "level", "amount", "currency"),
    [
        ("Rome, budget $6000", None, Decimal(6000), "USD"),
        ("Rome, 900 EUR", None, Decimal(900), "EUR"),
        ("Rome for €1,200", None, Decimal(1200), "EUR"),
        ("Rome, £2k", None, Decimal(2000), "GBP"),
        ("backpacker budget in Hanoi", "budget", None, None),
        ("Luxury trip to Dubai", "luxury", None, None),
        ("moderate budget in Kyoto", "moderate", None, None),
    ],
)
def test_budget(text: str, level: str | None, amount: Decimal | None, currency: str | None) -> None:
    request = understand(text, TODAY)
    assert (request.budget_level, request.budget_amount, request.budget_currency) == (
        level,
        amount,
        currency,
    )


def test_interests_pace_and_origin() -> None:
    request = understand(
        "Relaxed pace, temples, food and onsen, flying from Boston to Kyoto", TODAY
    )
    assert request.interests == ["temples", "food", "hot springs"] or set(request.interests) == {
        "temples", "food", "hot springs",
    }  # fmt: skip
    assert request.pace == "relaxed"
    assert request.origin is not None and request.origin.name == "Boston"
    assert [s.city.name for s in request.stays] == ["Kyoto"]


@pytest.mark.parametrize(
    ("text", "action", "field", "value"),
    [
        ("add a day", "add_days", "days", 1),
        ("add 2 more days", "add_days", "days", 2),
        ("remove day 3", "remove_day", "day", 3),
        ("drop the last day", "remove_day", "day", -1),
        ("swap day 1 and day 2", "swap_days", "other_day", 2),
        ("swap the first day with the third day", "swap_days", "other_day", 3),
        ("make it cheaper", "cheaper", "action", "cheaper"),
        ("more museums", "more", "subject", "museums"),
        ("less nightlife", "less", "subject", "nightlife"),
        ("I don't like museums", "less", "subject", "museums"),
        ("swap days 1 and 3", "swap_days", "other_day", 3),
        ("replace the Louvre", "replace", "subject", "Louvre"),
        ("undo", "undo", "action", "undo"),
        ("add Porto for 2 days", "add_city", "subject", "Porto"),
        ("Add Sintra for 1 day", "add_city", "days", 1),
        ("Can you add Kuala Lumpur for 3 nights?", "add_city", "subject", "Kuala Lumpur"),
    ],
)
def test_follow_up_edits(text: str, action: str, field: str, value: object) -> None:
    edits = understand_edit(text)
    assert edits and edits[0].action == action and getattr(edits[0], field) == value


@pytest.mark.parametrize(
    ("text", "needs"),
    [
        ("3 days in Paris, we're vegetarian", ["vegetarian"]),
        ("Rome, we don't eat meat and one of us is coeliac", ["vegetarian", "gluten-free"]),
        ("A vegan, vegetarian-friendly week in Berlin", ["vegan"]),
        ("Halal food in Istanbul", ["halal"]),
        ("4 days in Kyoto", []),
    ],
)
def test_dietary_needs(text: str, needs: list[str]) -> None:
    assert understand(text, TODAY).dietary == needs
