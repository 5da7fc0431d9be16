"""The slots of a request: dates and lengths, party, money, wishes and hard constraints."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tripdesigner_kernel.designers.offline.understanding import start_date_for, understand

TODAY = date(2026, 11, 24)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "start", "days"),
    [
        ("from Nov 3 to Nov 9 in Oslo", date(2027, 11, 3), 7),
        ("Myrtle Beach, March 13th to March 15th, 2027", date(2027, 3, 13), 3),
        ("Lisbon 13-15 March", date(2027, 3, 13), 3),
        ("Seville between the 3rd and 9th of May", date(2027, 5, 3), 7),
        ("Paris 2027-03-03 to 2027-03-09", date(2027, 3, 3), 7),
        ("Rome at the end of June", date(2027, 6, 24), None),
        ("Rome in mid-July", date(2027, 7, 11), None),
        ("early September in Athens", date(2027, 9, 1), None),
        ("late August in Oslo", date(2027, 8, 21), None),
        ("Berlin next Friday", date(2026, 12, 4), None),
        ("leaving Thursday for Prague", date(2026, 11, 26), None),
        ("Paris this weekend", date(2026, 11, 28), 2),  # the coming Saturday
        ("Munich for Oktoberfest 2027", date(2027, 9, 18), None),
        ("Edinburgh for Hogmanay", date(2026, 12, 30), None),
        ("Rome over Easter, 4 days", date(2027, 3, 26), 4),  # Good Friday, via dateutil
        ("Rio for carnival", date(2027, 2, 6), None),
        ("Hanoi for Tet", date(2027, 2, 6), None),  # via the holidays package
        ("Beijing for Chinese New Year", date(2027, 2, 6), None),
        ("Kyoto over New Year", date(2026, 12, 30), None),
        ("Barcelona, first week of August", date(2027, 8, 1), None),
        ("Amsterdam 12/03 to 15/03", date(2027, 3, 12), 4),  # day first: 15 is no month
        ("Boston 03/12/2027 - 03/15/2027", date(2027, 3, 12), 4),  # month first
        ("Madrid on Dec 27 through Jan 2", date(2026, 12, 27), 7),
        ("the week of May 10 in Rome", date(2027, 5, 10), 7),  # "10 in Rome" is a date
        ("Christmas 2027 in Vienna", date(2027, 12, 23), None),  # nor is "27" of 2027
        ("Rome, May 3; AZ 1234 lands at 14:20 in Rome", date(2027, 5, 3), None),  # nor a time
        ("Paris from Friday to Sunday", date(2026, 11, 27), 3),
        ("Rome tomorrow for 3 days", date(2026, 11, 25), 3),
        ("Paris next week", date(2026, 11, 30), None),  # its Monday
        ("Berlin, leaving in 10 days", date(2026, 12, 4), None),  # when, not how long
        ("Lisbon two weeks from now, 5 days", date(2026, 12, 8), 5),
        ("Seville, March 3rd-9th", date(2027, 3, 3), 7),
        ("Tokyo in cherry blossom season", date(2027, 3, 27), None),
        ("New York for Thanksgiving", date(2026, 11, 25), None),
    ],
)
def test_dates(text: str, start: date, days: int | None) -> None:
    request = understand(text, TODAY)
    assert start_date_for(request, TODAY) == start
    assert request.days == days


def test_an_impossible_day_is_said_not_dropped() -> None:
    request = understand("Vienna, starting February 29", TODAY)
    assert request.start_date == date(2027, 3, 1)
    assert request.notes == ["There is no 29 February in 2027; I started on 1 March."]


def test_an_unsaid_count_is_a_guess() -> None:
    request = understand("with my kids to Rome", TODAY)
    assert (request.travelers, request.children, request.travelers_guessed) == (
        3,
        [None, None],
        True,
    )


def test_an_event_is_said() -> None:
    assert "Oktoberfest" in understand("Munich for Oktoberfest", TODAY).notes[0]


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("Vietnam 2 weeks, $40/day", 14),  # a price per day is no length
        ("Rome, 4 nights", 5),
        ("a fortnight in Peru", 14),
        ("a long weekend in Porto", 3),
        ("a week in Crete", 7),
        ("a 3-day trip to Bern", 3),
        ("Bern for a few days", 3),  # assumed, and said in the notes
    ],
)
def test_lengths(text: str, days: int) -> None:
    assert understand(text, TODAY).days == days


@pytest.mark.parametrize(
    ("text", "travelers", "children"),
    [
        ("4 days in Rome with my sister", 2, []),
        ("me and 3 friends in Lisbon", 4, []),
        ("my wife and our two kids (5 and 8), Paris", 4, [5, 8]),
        ("family of 4 with a toddler, Rome", 4, [2]),  # a toddler is about two
        ("we're 5 now", 5, []),
        ("there are 5 of us", 5, []),
        ("Oslo for one person", 1, []),
        ("I travel alone to Riga", 1, []),
        ("2 ppl, 1500 USD, Rome", 2, []),
        ("2 adults and 2 kids aged 4 and 9", 4, [4, 9]),
        ("a group of 8 to Bozeman", 8, []),
        ("Oslo, party of four, two of them kids", 4, [None, None]),
        ("with my husband and our 3 children aged 3, 7 and 12", 5, [3, 7, 12]),
        ("Colorado, a total of 3 cities, for a single person", 1, []),
        ("Appleton, 3 days. This itinerary is for an individual.", 1, []),
        ("with my kids (4 and 7) to Rome", 3, [4, 7]),
        ("with my parents to Vienna", 3, []),
        ("rent a Sedan that seats 5 people. I'll stay 6 days in Rome", 1, []),  # a car's seats
        ("for with children. I'll stay 3 days in Oslo", 1, []),  # a kind of trip, not a count
    ],
)
def test_party(text: str, travelers: int, children: list[int | None]) -> None:
    request = understand(text, TODAY)
    assert (request.travelers, request.children) == (travelers, children)


@pytest.mark.parametrize(
    ("text", "amount", "currency", "scope"),
    [
        ("Rome, budget 900 €", "900", "EUR", "total"),
        ("€900 for 3 days in Rome", "900", "EUR", "total"),
        ("2 ppl, 1500 USD", "1500", "USD", "total"),
        ("budget of $1,400", "1400", "USD", "total"),
        ("1.5k budget for Tokyo", "1500", "JPY", "total"),
        ("Zurich, 1 500 CHF", "1500", "CHF", "total"),
        ("10000 yen in Osaka", "10000", "JPY", "total"),
        ("50k rupees in Delhi", "50000", "INR", "total"),
        ("3000 Swiss francs", "3000", "CHF", "total"),
        ("$200 a day in Lima", "200", "USD", "per_day"),
        ("Lisbon, 1000 each", "1000", "EUR", "per_person"),
        ("5 days in Bogota, 4 million pesos", "4000000", "COP", "total"),
        ("Budget: 1.200,50 EUR", "1200.50", "EUR", "total"),
        ("Amman, 500 Jordanian dinars", "500", "JOD", "total"),
        (
            "rent a Compact that seats 4 people, about 56.14 USD per day. Budget is 6666",
            "6666",
            None,
            "total",
        ),
        ("8 days total in November 2027", None, None, "total"),  # a year, not a budget
        ("Dakar 4 days, 500000 CFA francs", "500000", "XOF", "total"),  # West African CFA
        ("Douala 4 days, 500000 CFA francs", "500000", "XAF", "total"),  # Central African
        ("Toronto, 2000 dollars", "2000", "CAD", "total"),
        ("Sydney, $3000", "3000", "USD", "total"),  # "$" alone: the US dollar
        ("Shanghai 3 days ¥5000", "5000", "CNY", "total"),
        ("Kyoto ¥80,000", "80000", "JPY", "total"),
        ("Sofia, 500 leva", "500", "BGN", "total"),  # converts at the euro rate of 2026
        ("Vietnam 2 weeks, backpacking, $40/day", "40", "USD", "per_day"),
        ("Copenhagen 3 days 10 000 kr", "10000", "DKK", "total"),  # "kr": the trip's krone
        ("Oslo 10000 kr", "10000", "NOK", "total"),
        ("Mumbai 2.5 lakh rupees", "250000", "INR", "total"),
        ("Krakow 2000 zł", "2000", "PLN", "total"),
        ("Zurich CHF 1'500", "1500", "CHF", "total"),
        ("Paris 3 days 1500$", "1500", "USD", "total"),
        ("Lisbon 2,000€ pp", "2000", "EUR", "per_person"),
        ("Rome 3-day trip, 90 EUR/night hotel", None, None, "total"),  # a room's price
    ],
)
def test_money(text: str, amount: str | None, currency: str | None, scope: str) -> None:
    request = understand(text, TODAY)
    expected = Decimal(amount) if amount else None
    assert (request.budget_amount, request.budget_currency) == (expected, currency)
    assert request.budget_scope == scope


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("Please, no flights", "transport", ["no flight"]),
        ("we prefer not to drive", "transport", ["no self-driving"]),
        ("train only, Paris to Rome", "transport", ["train only", "no flight", "no self-driving"]),
        ("a road trip through Utah", "transport", ["self-driving"]),
        ("we would rather avoid air travel", "transport", ["no flight"]),
        ("a journey that doesn't involve any flights", "transport", ["no flight"]),
        ("we aren't intending to drive ourselves", "transport", ["no self-driving"]),
        ("we want to fly to Rome", "transport", []),
        ("I dont mind flying", "transport", []),
        ("we want to drive the coast", "transport", ["self-driving"]),
        (
            "We'll not be flying and will presumably drive to the destination.",
            "transport",
            ["no flight", "self-driving"],
        ),
        ("an entire apartment please", "accommodation_type", "entire room"),
        ("the whole place to ourselves", "accommodation_type", "entire room"),
        ("private room is fine", "accommodation_type", "private room"),
        ("rooms that are not shared", "accommodation_type", "not shared room"),
        ("a bed in a dorm", "accommodation_type", "shared room"),
        ("pets allowed please", "house_rules", ["pets"]),
        ("travelling with our dog", "house_rules", ["pets"]),
        ("we smoke, and we'll host parties", "house_rules", ["smoking", "parties"]),
        ("a place that permits smoking", "house_rules", ["smoking"]),
        ("accommodation must allow visitors", "house_rules", ["visitors"]),
        ("our stay must accommodate visitors", "house_rules", ["visitors"]),
        ("Lisbon is popular with visitors", "house_rules", []),
        ("with our kids (3 and 7)", "house_rules", ["children under 10"]),
        ("a non-smoking room", "house_rules", []),
        ("Mexican and Indian food", "cuisines", ["Mexican", "Indian"]),
        ("We fancy Chinese and American cuisines.", "cuisines", ["Chinese", "American"]),
        ("Chinese New Year in Beijing", "cuisines", []),
        ("Tokyo, love sushi and ramen", "cuisines", ["Japanese"]),  # dishes name it
        ("My dad is 80, Rome 4 days", "accessibility", ["older travellers"]),
        ("no museums please, we love food", "avoid", ["museums"]),
        ("not into nightlife", "avoid", ["nightlife"]),
        ("my mum uses a wheelchair", "accessibility", ["wheelchair"]),
        ("with a stroller", "accessibility", ["pushchair"]),
        ("with my elderly parents", "accessibility", ["older travellers"]),
        ("limited mobility", "accessibility", ["limited mobility"]),
        ("landing at 3pm on the first day", "arrival_time", "15:00"),
        ("our flight leaves at 10:00 on the last day", "departure_time", "10:00"),
    ],
)
def test_wishes_and_constraints(text: str, field: str, value: object) -> None:
    assert getattr(understand(text, TODAY), field) == value


# Other phrasings, written here: typos, odd orders, symbols.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3 nights in Vienna w/ my bf, €1200 total", {"days": 4, "travelers": 2}),
        ("budget 2k EUR, 5 days Lisbon, me + 2 friends", {"budget_amount": Decimal(2000)}),
        ("ROME!!! 4 DAYS, 2 PPL", {"days": 4, "travelers": 2}),
        ("Family of five, Orlando, 10 days, USD 6,500", {"budget_amount": Decimal(6500)}),
        ("kyoto 6 days w/ my husband + our daughter (4)", {"travelers": 3, "children": [4]}),
        ("£750 pp for Dublin", {"budget_currency": "GBP", "budget_scope": "per_person"}),
        ("we dont want to fly, Madrid -> Barcelona", {"transport": ["no flight"]}),
        ("Porto 3d, 2 adults + 1 child", {"travelers": 3, "children": [None]}),
        ("Nairobi, 150000 KES all in", {"budget_currency": "KES"}),
        ("Seoul 5 days ₩2,000,000", {"budget_amount": Decimal(2000000)}),
        ("Tashkent, 10 million som", {"budget_currency": "UZS"}),
        ("Dubai 4 days budget AED 8000", {"budget_amount": Decimal(8000)}),
        ("Bangkok, 20,000 baht, no shared rooms", {"accommodation_type": "not shared room"}),
        ("Mexico City wiht my sister, tacos and Mexican food", {"cuisines": ["Mexican"]}),
        ("Hanoi and Hue, 9 days, 2 of us, vegan", {"travelers": 2, "dietary": ["vegan"]}),
        ("Santorini, honeymoon, no budget limit", {"travelers": 2, "budget_level": "luxury"}),
        ("Berlin, 14th to 18th of March, 1 traveler", {"days": 5, "travelers": 1}),
        (
            "Mexico City, into museums but not nightlife, love Mexican food",
            {"interests": ["museums", "food"], "avoid": ["nightlife"], "cuisines": ["Mexican"]},
        ),
    ],
)
def test_other_phrasings(text: str, expected: dict[str, object]) -> None:
    request = understand(text, TODAY)
    assert {k: getattr(request, k) for k in expected} == expected
