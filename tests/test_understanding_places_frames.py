"""Our destinations are found whatever surrounds them, and lists of places keep every one."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tripdesigner_kernel.designers.offline.understanding import TripRequest, understand
from tripdesigner_kernel.knowledge.cities import city_index, destinations

TODAY = date(2026, 11, 24)

# Sentence frames around a destination, as people write them in chats and search boxes.
FRAMES = [
    "3 day itinerary for {} Dec 18-20",
    "itinerary for {}",
    "{} itinerary",
    "{} trip",
    "trip to {} pls",
    "{}!!!",
    "{}?",
    "{} in Dec",
    "{} Dec 18-20",
    "{}, 3 days",
    "{} jan 3-7 for two",
    "weekend in {} Sat-Sun",
    "{} city break in Feb",
    "plan {} for me",
    "{} guide please",
]


def stays(request: TripRequest) -> list[tuple[str, str]]:
    return [(stay.city.name, stay.city.country) for stay in request.stays]


@pytest.mark.parametrize("frame", FRAMES)
def test_every_destination_is_found_in_any_frame_and_case(frame: str) -> None:
    missed = []
    for destination in destinations():
        city = city_index().lookup(destination.name)
        assert city is not None
        for name in (destination.name, destination.name.lower(), destination.name.upper()):
            found = stays(understand(frame.format(name), TODAY))
            if found != [(city.name, city.country)]:
                missed.append((name, found))
    assert not missed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("zurich luzern interlaken 6 nights", ["Zürich", "Luzern", "Interlaken"]),
        ("lisboa porto", ["Lisbon", "Porto"]),
        ("berlin/prague/vienna", ["Berlin", "Prague", "Vienna"]),
        ("Paris + Lyon + Nice", ["Paris", "Lyon", "Nice"]),
        ("Madrid then Seville then Granada", ["Madrid", "Sevilla", "Granada"]),
        ("amsterdam bruges brussels 5 days", ["Amsterdam", "Brugge", "Brussels"]),
        ("Prague Krakow Budapest in 9 days", ["Prague", "Kraków", "Budapest"]),
        ("München Wien Praha", ["Munich", "Vienna", "Prague"]),
        ("Geneva / Zermatt / Lucerne", ["Geneva", "Zermatt", "Luzern"]),
        ("Seoul busan", ["Seoul", "Busan"]),
        ("Dubrovnik Split 6 days", ["Dubrovnik", "Split"]),
        ("Bled and Ljubljana", ["Bled", "Ljubljana"]),
        ("copenhagen + stockholm", ["Copenhagen", "Stockholm"]),
    ],
)
def test_a_list_of_places_keeps_every_one(text: str, expected: list[str]) -> None:
    request = understand(text, TODAY)
    assert [stay.city.name for stay in request.stays] == expected
    assert request.unknown_places == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Banff", ("Banff", "CA")),
        ("Zermatt 3 days", ("Zermatt", "CH")),
        ("Interlaken for 3 days", ("Interlaken", "CH")),
        ("Bruges", ("Brugge", "BE")),
        ("a long weekend in Bled", ("Bled", "SI")),
    ],
)
def test_a_famous_small_town_named_alone_is_a_destination(
    text: str, expected: tuple[str, str]
) -> None:
    assert stays(understand(text, TODAY)) == [expected]


@pytest.mark.parametrize(
    "text",
    ["Tell me about Amazon and Google", "Portland and Bar Harbor", "Nice to meet you"],
)
def test_a_list_of_words_is_no_list_of_places(text: str) -> None:
    assert ("Bar", "ME") not in stays(understand(text, TODAY))
    assert all(name not in ("Topeka", "Nice") for name, _ in stays(understand(text, TODAY)))


@pytest.mark.parametrize(
    ("text", "wanted", "not_wanted"),
    [
        ("3 cities in Texas", "Austin", None),
        ("3 different cities in texas, 9 days", "Austin", None),
        ("I'd like to visit Greece", "Irákleion", "Pátra"),
        ("ten days in greece please", "Irákleion", "Pátra"),
        ("3 cities in Florida", "Miami", None),
        ("2 weeks in Thailand", "Chiang Mai", None),
    ],
)
def test_a_state_or_country_gives_its_most_visited_cities(
    text: str, wanted: str, not_wanted: str | None
) -> None:
    names = [stay.city.name for stay in understand(text, TODAY).stays]
    assert wanted in names and not_wanted not in names


@pytest.mark.parametrize(
    ("text", "first", "area"),
    [
        ("a week on the Amalfi coast", "Positano", "Amalfi Coast"),
        ("the highlands 5 days", "Inverness", "Scottish Highlands"),
        ("Santorini in June", "Fira", "Santorini"),
        ("santorini!!!", "Fira", "Santorini"),
        ("Crete 6 days", "Irákleion", "Crete"),
        ("10 days in Bali", "Ubud", "Bali"),
        ("Goa for Christmas", "Panjim", "Goa"),
        ("kerala 8 days", "Kochi", "Kerala"),
        ("Patagonia 12 days", "El Calafate", "Patagonia"),
        ("the Algarve with kids", "Faro", "Algarve"),
        ("Yosemite in May", "Mariposa", "Yosemite"),
        ("Cinque Terre, 3 days", "La Spezia", "Cinque Terre"),
    ],
)
def test_an_island_coast_or_park_gives_its_base_towns_and_keeps_its_name(
    text: str, first: str, area: str
) -> None:
    request = understand(text, TODAY)
    assert request.stays and request.stays[0].city.name == first
    assert any(note.startswith(f"{area}: staying in {first}") for note in request.notes)
    assert request.unknown_places == []


def test_a_long_trip_to_an_island_uses_more_of_its_towns() -> None:
    short = understand("bali 3 days", TODAY)
    long = understand("10 days in Bali", TODAY)
    assert [s.city.name for s in short.stays] == ["Ubud"]
    assert [s.city.name for s in long.stays] == ["Ubud", "Seminyak", "Sanur"]
    assert long.days == 10


def test_an_area_among_cities_is_one_stay_and_the_total_stays_the_total() -> None:
    request = understand("Rome and the Amalfi Coast, 8 days", TODAY)
    assert [s.city.name for s in request.stays] == ["Rome", "Positano"]
    assert request.days == 8
    both = understand("Naxos and Mykonos", TODAY)
    assert [s.city.name for s in both.stays] == ["Náxos", "Mykonos"]


@pytest.mark.parametrize("text", ["the food is nice", "I need the keys to my car", "goa is nice"])
def test_everyday_words_are_no_areas_or_destinations(text: str) -> None:
    assert understand(text, TODAY).stays == []


@pytest.mark.parametrize(
    ("text", "towns"),
    [
        ("a week on the Amalfi coast", "Positano & Sorrento"),
        ("Santorini 4 days", "Fira"),
        ("zurich luzern interlaken 6 nights", "Zurich & Luzern & Interlaken"),
    ],
)
def test_small_base_towns_are_planned_through_the_command_line(
    text: str, towns: str, tmp_path: Path
) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tripdesigner_kernel", "chat", "--today", "2026-11-24", text],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "HOME": str(tmp_path)},
    )
    assert done.returncode == 0, done.stderr
    title = next(line for line in done.stdout.splitlines() if line.startswith("**"))
    assert towns in title  # the plan's title line, after the "Understood:" line
