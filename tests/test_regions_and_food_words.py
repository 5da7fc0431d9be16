"""Counties and regions named as destinations give the towns their visitors stay in (or a
town of that name when a qualifier says so); place names that are also foods or drinks
are destinations only when used as places. Through whole turns."""

from __future__ import annotations

import pytest
from turns import chat_turns


def _planned(text: str) -> tuple[list[str], str]:
    reply, profile = chat_turns(text)
    assert reply.itinerary is not None, str(reply)
    names = [d["name"] for d in reply.itinerary["destinations"]]
    assert names == [d["name"] for d in profile["destinations"]]
    return names, str(reply)


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("a long weekend in Kent", "Canterbury"),
        ("3 days in Devon", "Exeter"),
        ("Cornwall for 4 days in June", "St Ives"),
        ("we'd love 3 days in Somerset", "Bath"),
        ("a week in Yorkshire", "York"),
        ("3 days in the Peak District", "Buxton"),
        ("2 days in Wiltshire", "Salisbury"),
        ("4 days in Normandy", "Rouen"),
        ("Burgundy for 3 days", "Dijon"),
        ("6 days in Tuscany", "Florence"),
        ("4 days in Provence in May", "Avignon"),
        ("a week in Alsace", "Strasbourg"),
        ("5 days in Bavaria", "Munich"),
    ],
)
def test_a_county_or_region_gives_its_visitors_towns(text: str, first: str) -> None:
    names, reply = _planned(text)
    assert names[0] == first
    assert f": staying in {first}" in reply or "Bavaria" in text  # the area's name is kept


def test_two_counties_give_a_town_in_each() -> None:
    names, _ = _planned("a week in Dorset and Cornwall")
    assert names == ["Bournemouth", "St Ives"]


@pytest.mark.parametrize(
    ("text", "town", "country"),
    [("Kent, WA for 3 days", "Kent", "US"), ("Norfolk, Virginia for 2 days", "Norfolk", "US")],
)
def test_a_qualifier_picks_the_town_of_that_name(text: str, town: str, country: str) -> None:
    _, profile = chat_turns(text)
    assert [(d["name"], d["country"]) for d in profile["destinations"]] == [(town, country)]


def test_the_county_names_the_town_of_that_name_as_another_reading() -> None:
    _, reply = _planned("4 days in Norfolk")
    assert "there is also Norfolk, Virginia" in reply.splitlines()[0]


@pytest.mark.parametrize(
    ("text", "planned"),
    [
        ("Calvados, cider and cheese in Normandy, 3 days", ["Rouen"]),
        ("I really like Champagne. 3 days in Paris please", ["Paris"]),
        ("a Champagne tasting in Reims, 2 days", ["Reims"]),
        ("Cheddar cheese and cream teas, 4 days in Bath", ["Bath"]),
        ("a Bordeaux wine tasting evening in Lyon, 3 days", ["Lyon"]),
        ("Dijon mustard shopping and 3 days in Paris", ["Paris"]),
        ("Parma ham, then 4 days in Bologna", ["Bologna"]),
        ("we drink Cognac; 3 days in Bordeaux", ["Bordeaux"]),
    ],
)
def test_a_food_or_drink_is_not_a_destination(text: str, planned: list[str]) -> None:
    names, _ = _planned(text)
    assert names == planned


@pytest.mark.parametrize(
    ("text", "planned"),
    [
        ("3 days in Champagne", ["Reims"]),
        ("visit Cognac for 2 days", ["Cognac"]),
        ("Bordeaux and Lyon, 5 days", ["Bordeaux", "Lyon"]),
        ("a Bordeaux wine tour, 3 days", ["Bordeaux"]),
        ("Porto and Lisbon, port wine tasting, 6 days", ["Porto", "Lisbon"]),
    ],
)
def test_the_same_names_used_as_places_are_destinations(text: str, planned: list[str]) -> None:
    names, _ = _planned(text)
    assert names == planned
