"""Recogniser follow-ups: parties as people write them, party changes, budget words and
scopes, weekends, interests in other words and languages, events as the reason, requests
in German, French, Spanish, Italian and Portuguese."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tripdesigner_kernel.designers.offline.understanding import start_date_for, understand

TODAY = date(2026, 11, 24)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "travelers", "children"),
    [
        ("Florence: 2 adults + kid 7", 3, [7]),
        ("Porto, 2 adults + 1 kid aged 10", 3, [10]),
        ("me and 3 buddies, Krakow, 4 days", 4, []),
        ("Dublin with me and 2 coworkers", 3, []),
        ("me and four pals hitting Ibiza", 5, []),
        ("taking my parents to Salzburg", 3, []),
        ("booking Nice for my parents, their anniversary", 2, []),
        ("me and my teenage daughter (16) to Edinburgh", 2, [16]),
        ("Barcelona with our 2 boys, 5 and 11", 4, [5, 11]),
        ("a group of 7 colleagues to Tallinn", 7, []),
        ("4 couples renting a villa in Mykonos", 8, []),
        ("my wife and I and the baby, Lisbon", 3, [0]),
        ("Madrid with a 9 year old", 2, [9]),
        ("Rome with kids aged 4 and 8", 3, [4, 8]),
        ("Oslo with my partner and our toddler", 3, [2]),
        ("London with my teen", 2, [None]),
    ],
)
def test_party_as_people_write_it(text: str, travelers: int, children: list[int | None]) -> None:
    request = understand(text, TODAY)
    assert (request.travelers, request.children) == (travelers, children)


def test_parents_in_their_seventies_are_older_travellers_not_money() -> None:
    request = understand("Vienna with my parents (both in their 70s)", TODAY)
    assert request.travelers == 3
    assert "older travellers" in request.accessibility
    assert request.budget_amount is None


@pytest.mark.parametrize(
    ("text", "delta"),
    [
        ("my husband is coming too now", 1),
        ("my sister joins us", 1),
        ("Jake can't come anymore", -1),
        ("Maria dropped out", -1),
        ("one less person please", -1),
        ("two fewer people", -2),
        ("add one more person", 1),
        ("3 more people", 3),
        ("my in laws are coming as well", 2),
    ],
)
def test_a_party_change_is_a_delta(text: str, delta: int) -> None:
    request = understand(text, TODAY)
    assert (request.travelers_delta, request.travelers) == (delta, None)


def test_an_absolute_count_is_no_delta() -> None:
    request = understand("we're 6 now", TODAY)
    assert (request.travelers, request.travelers_delta) == (6, None)


@pytest.mark.parametrize(
    ("text", "days", "travelers", "month"),
    [
        ("6 Tage in Wien im April für 2 Personen", 6, 2, 4),
        ("Paris pour 2 personnes, trois nuits en mai", 4, 2, 5),
        ("3 días en Madrid en mayo", 3, None, 5),
        ("Roma per 4 persone, 5 giorni a maggio", 5, 4, 5),
        ("Lisboa 4 dias em setembro para 2 pessoas", 4, 2, 9),
        ("Berlin, eine Woche im Oktober, zwei Erwachsene", 7, 2, 10),
        ("Nizza, sette notti a luglio, per due persone", 8, 2, 7),
    ],
)
def test_other_languages(text: str, days: int, travelers: int | None, month: int) -> None:
    request = understand(text, TODAY)
    assert (request.days, request.travelers, request.month) == (days, travelers, month)
    assert request.stays, "the place is still read"


def test_a_foreign_day_of_month_is_a_date() -> None:
    assert understand("Sevilla, del 3 de marzo, 4 días", TODAY).start_date == date(2027, 3, 3)


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Seville on a mid budget", "moderate"),
        ("Rome, mid-range hotels please", "moderate"),
        ("Lyon, something not too pricey", "moderate"),
        ("moderately priced places in Turin", "moderate"),
        ("Vienna, nothing fancy", "moderate"),
        ("somewhere fancy to eat in Paris", "luxury"),
        ("we want to treat ourselves in Venice", "luxury"),
        ("Dubai, no expense spared", "luxury"),
        ("Hanoi, cheapish", "budget"),
        ("backpacking Peru on a shoestring", "budget"),
        ("Lisbon on the cheap", "budget"),
    ],
)
def test_budget_levels_in_everyday_words(text: str, level: str) -> None:
    assert understand(text, TODAY).budget_level == level


@pytest.mark.parametrize(
    ("text", "amount", "currency", "scope"),
    [
        ("Rome, $1500 pp", 1500, "USD", "per_person"),
        ("Athens, 1200 per head", 1200, "EUR", "per_person"),  # no currency: Greece's
        ("Madrid under 3k total", 3000, "EUR", "total"),
        ("Oslo, 900 EUR per traveller", 900, "EUR", "per_person"),
    ],
)
def test_budget_scope(text: str, amount: int, currency: str | None, scope: str) -> None:
    request = understand(text, TODAY)
    assert (request.budget_amount, request.budget_currency, request.budget_scope) == (
        amount,
        currency,
        scope,
    )


@pytest.mark.parametrize(
    ("text", "nightly", "currency", "budget"),
    [
        ("Paris 4 days, €80 a night for the hotel", 80, "EUR", None),
        ("Kyoto 5 days, hotels under $150/night", 150, "USD", None),
        ("Rome, rooms around 110 EUR per night, 2000 EUR in total", 110, "EUR", 2000),
    ],
)
def test_a_nightly_lodging_price_is_kept_apart(
    text: str, nightly: int, currency: str, budget: int | None
) -> None:
    request = understand(text, TODAY)
    assert (request.lodging_per_night, request.lodging_currency) == (nightly, currency)
    assert request.budget_amount == budget
    assert request.days != 2, "a price a night is no length"


@pytest.mark.parametrize(
    "text",
    [
        "a weekend in Ghent",
        "Ghent for the weekend",
        "weekend getaway to Bruges",
        "a long weekend in Porto",
    ],
)
def test_an_undated_weekend_starts_on_a_friday_and_says_so(text: str) -> None:
    request = understand(text, TODAY)
    start = start_date_for(request, TODAY)
    assert start.weekday() == 4 and start >= TODAY + timedelta(days=30)
    assert request.start_date is None, "the date stays unsaid, so it is marked assumed"
    assert any(start.strftime("%-d %B %Y") in note for note in request.notes)


@pytest.mark.parametrize(
    ("text", "start", "days"),
    [
        ("Ghent this weekend", date(2026, 11, 28), 2),  # Saturday and Sunday
        ("Ghent next weekend", date(2026, 11, 28), 2),  # said on a Tuesday: the coming one
        ("a weekend in Bruges in March", date(2027, 3, 5), 2),
        ("the long weekend in May, Denver", date(2027, 5, 29), 3),  # Memorial Day, US
        ("a long weekend in May in Edinburgh", date(2027, 5, 1), 3),  # early May bank holiday
        ("Memorial Day weekend in Boston", date(2027, 5, 29), 3),
        ("Labor Day weekend in Austin", date(2027, 9, 4), 3),
        ("spring bank holiday in York", date(2027, 5, 29), None),
    ],
)
def test_weekends(text: str, start: date, days: int | None) -> None:
    request = understand(text, TODAY)
    assert (start_date_for(request, TODAY), request.days) == (start, days)
    assert start_date_for(request, TODAY).weekday() in (4, 5)


@pytest.mark.parametrize(
    ("text", "tags", "words"),
    [
        ("Salzburg: opera and classical concerts", {"live music"}, ["opera", "classical music"]),
        ("Vienna, coffee houses and jazz", {"coffee", "live music"}, ["coffee houses", "jazz"]),
        ("Berlin: clubbing, techno, graffiti", {"nightlife", "art"}, ["techno", "street art"]),
        ("Tokyo in spring for the sakura", {"gardens"}, ["cherry blossoms"]),
        ("Reykjavik to see the aurora", {"nature"}, ["northern lights"]),
        ("Husavik, whale watching", {"water"}, ["whale watching"]),
        ("Cairns: scuba diving and snorkeling", {"water"}, ["diving", "snorkelling"]),
        ("Chamonix, skiing and snowboarding", {"sports"}, ["skiing", "snowboarding"]),
        ("Biarritz for surfing", {"water"}, ["surfing"]),
        ("Bordeaux wine tastings", {"wine"}, ["wine tasting"]),
        ("Barcelona, food markets and flea markets", {"markets"}, ["food markets", "flea markets"]),
        ("Copenhagen thrifting", {"shopping"}, ["vintage shopping"]),
        ("Manchester for a football match", {"sports"}, ["a football match"]),
        ("London with kids: museums for kids", {"museums", "kids"}, ["museums for kids"]),
        ("Orlando, theme parks", {"kids"}, ["theme parks"]),
    ],
)
def test_interests_in_everyday_words(text: str, tags: set[str], words: list[str]) -> None:
    request = understand(text, TODAY)
    assert set(request.interests) == tags
    assert request.interest_words == words


@pytest.mark.parametrize(
    ("text", "tags"),
    [
        ("Wien: Museen, klassische Musik und Kaffeehäuser", {"museums", "live music", "coffee"}),
        ("Nice : musées, plages et vie nocturne", {"museums", "beaches", "nightlife"}),
        ("Málaga, playas y museos", {"beaches", "museums"}),
        ("Sicilia: spiagge, chiese e vino", {"beaches", "churches", "wine"}),
        ("Algarve, praias e natureza", {"beaches", "nature"}),
        ("Bayern, Burgen und Bier", {"castles", "beer"}),
    ],
)
def test_interests_in_other_languages(text: str, tags: set[str]) -> None:
    assert set(understand(text, TODAY).interests) == tags


def test_a_refused_interest_is_not_noted() -> None:
    request = understand("Vienna, museums but no opera", TODAY)
    assert "opera" not in request.interest_words
    assert request.interests == ["museums"]


@pytest.mark.parametrize(
    ("text", "events"),
    [
        ("Munich for Oktoberfest", [("Oktoberfest", date(2027, 9, 18))]),
        ("Pamplona for the running of the bulls", [("San Fermín", date(2027, 7, 6))]),
        ("Venice, Carnival 2028", [("Carnival", date(2028, 2, 26))]),
        ("Edinburgh over Hogmanay", [("Hogmanay", date(2026, 12, 30))]),
        ("Dublin, March 15-18, for St Patrick's Day", [("St Patrick's Day", date(2027, 3, 16))]),
        (
            "Kyoto for hanami and Golden Week",
            [("cherry blossom season", date(2027, 3, 27)), ("Golden Week", date(2027, 4, 29))],
        ),
        ("Rome, 5 days in June", []),
    ],
)
def test_an_event_named_is_kept_for_the_planner(text: str, events: list[tuple[str, date]]) -> None:
    assert understand(text, TODAY).events == events


def test_new_years_eve_is_not_also_new_year() -> None:
    assert [name for name, _ in understand("Sydney for NYE", TODAY).events] == ["New Year's Eve"]


@pytest.mark.parametrize(
    ("text", "amenities", "transport"),
    [
        ("Cancun hotel w/ pool", ["pool"], []),
        ("Tulum, a flat w/kitchen, free parking", ["parking", "kitchen"], []),
        ("Crete, sea view and breakfast included, no pool", ["breakfast", "sea view"], []),
        ("Rome w/o flights, hotel w/ A/C", ["air conditioning"], ["no flight"]),
    ],
)
def test_with_and_without_shorthand(text: str, amenities: list[str], transport: list[str]) -> None:
    request = understand(text, TODAY)
    assert sorted(request.amenities) == sorted(amenities)
    assert request.transport == transport


def test_with_kids_shorthand_is_a_family_trip() -> None:
    request = understand("Berlin w/ my wife & kids (3, 6)", TODAY)
    assert (request.travelers, request.children) == (4, [3, 6])
    assert "kids" in request.interests


@pytest.mark.parametrize(
    ("text", "days", "travelers"),
    [
        ("Ein langes Wochenende in Wien zu zweit", 3, 2),
        ("un week-end à Lyon, seul", 2, 1),
        ("un fin de semana en Sevilla en pareja", 2, 2),
        ("un fine settimana a Firenze, 3 persone", 2, 3),
    ],
)
def test_weekends_and_parties_in_other_languages(text: str, days: int, travelers: int) -> None:
    request = understand(text, TODAY)
    assert (request.days, request.weekend, request.travelers) == (days, True, travelers)
    assert request.stays


@pytest.mark.parametrize(
    ("text", "travelers", "children"),
    [
        ("me and my brother and his 2 kids (4 and 7), Rome", 4, [4, 7]),
        ("a gift for my sister and her husband: Rome, 3 days", 2, []),
        ("my son (8) and I, London", 2, [8]),
    ],
)
def test_whose_companions(text: str, travelers: int, children: list[int | None]) -> None:
    request = understand(text, TODAY)
    assert (request.travelers, request.children) == (travelers, children)


def test_nothing_too_expensive_is_moderate() -> None:
    assert understand("Prague, nothing too expensive", TODAY).budget_level == "moderate"


@pytest.mark.parametrize(
    ("text", "travelers", "children"),
    [
        ("5 Tage in Rom mit meiner Frau und meinen Kindern", 4, [None, None]),
        ("Nice avec mon mari, 4 jours", 2, []),
        ("Roma con mia moglie, 3 giorni", 2, []),
        ("Lisboa com meus pais, 4 dias", 3, []),
        ("Madrid con mis amigos, 3 días", 3, []),
    ],
)
def test_companions_in_other_languages(
    text: str, travelers: int, children: list[int | None]
) -> None:
    request = understand(text, TODAY)
    assert (request.travelers, request.children) == (travelers, children)
