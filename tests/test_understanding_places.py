"""Places and their roles, as people write them: origin, names, states, countries,
ambiguous names. Each case is a kind of request; the expected value is the right reading."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tripdesigner_kernel.designers.offline.understanding import TripRequest, understand
from tripdesigner_kernel.knowledge.text import fold

TODAY = date(2026, 11, 24)


def read(text: str) -> TripRequest:
    return understand(text, TODAY)


def stays(request: TripRequest) -> list[tuple[str, str]]:
    return [(stay.city.name, stay.city.country) for stay in request.stays]


@pytest.mark.parametrize(
    ("text", "origin", "destinations"),
    [
        ("5 days in Denver from Boston", "Boston", ["Denver"]),
        ("Seattle 4 days, coming in from Chicago", "Chicago", ["Seattle"]),
        ("from Oakland to Tucson", "Oakland", ["Tucson"]),
        ("departing from Washington and heading to Myrtle Beach", "Washington", ["Myrtle Beach"]),
        ("beginning in Oakland and heading to Tucson", "Oakland", ["Tucson"]),
        ("flying out of Chicago, a week in Rome", "Chicago", ["Rome"]),
        ("we live in Boston and want 4 days in Montreal", "Boston", ["Montréal"]),
        ("based in Lyon, thinking of Porto for 3 days", "Lyon", ["Porto"]),
        ("Boston to Chicago, 3 days", "Boston", ["Chicago"]),
        ("I plan to leave Omaha on March 2nd and see Denver", "Omaha", ["Denver"]),
        ("a trip that commences in Atlanta, heading to Knoxville", "Atlanta", ["Knoxville"]),
        ("starting from Latrobe, 3 days in Pittsburgh", "Latrobe", ["Pittsburgh"]),  # a town
        ("btw we fly from Denver", "Denver", []),  # a follow-up: no destination at all
        ("We are currently in Tokyo and want 2 days in Kyoto", "Tokyo", ["Kyoto"]),
        ("3 days in Paris, then back home to London", "London", ["Paris"]),
        ("Origin: Chicago. Destination: Miami. 4 days.", "Chicago", ["Miami"]),
    ],
)
def test_the_origin_is_never_a_stay(text: str, origin: str, destinations: list[str]) -> None:
    request = read(text)
    assert request.origin is not None and request.origin.name == origin
    assert [name for name, _ in stays(request)] == destinations


@pytest.mark.parametrize(
    ("text", "destinations"),
    [
        ("Flying into Rome, out of Venice, 6 days", ["Rome", "Venice"]),  # open jaw
        ("going back to Paris for 3 days", ["Paris"]),  # a visit again, not home
        ("heading to Lisbon", ["Lisbon"]),
    ],
)
def test_no_origin_where_none_is_said(text: str, destinations: list[str]) -> None:
    request = read(text)
    assert request.origin is None
    assert [name for name, _ in stays(request)] == destinations


def test_days_stay_with_their_city_when_an_origin_is_named() -> None:
    request = read("5 days in Denver from Boston")
    assert [(s.city.name, s.days) for s in request.stays] == [("Denver", 5)]
    assert request.days == 5


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3 days in berlin", [("Berlin", "DE")]),
        ("going to lisbon", [("Lisbon", "PT")]),
        ("Wien for 3 days", [("Vienna", "AT")]),
        ("4 days in München", [("Munich", "DE")]),
        ("Roma, 3 days", [("Rome", "IT")]),
        ("東京で3日間", [("Tokyo", "JP")]),
        ("Praha for a weekend", [("Prague", "CZ")]),
        ("Lisboa e Porto", [("Lisbon", "PT"), ("Porto", "PT")]),
        ("Trip to Москва for 4 days", [("Moscow", "RU")]),
        ("القاهرة لمدة ٣ أيام", [("Cairo", "EG")]),
        ("Київ", [("Kyiv", "UA")]),
    ],
)
def test_lower_case_and_native_names(text: str, expected: list[tuple[str, str]]) -> None:
    assert stays(read(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "What's the tallest mountain in Africa?",
        "I want to split the cost with my friends",
        "Split the bill please",
        "reading is my favourite thing to do",
        "we can go in march or may",
        "Write a poem about Spring",  # Spring, Texas
        "Tell me about Amazon and Google",  # Topeka called itself Google for a month
        "Who won the World Cup in 2022?",
        "Do you like Star Wars?",
    ],
)
def test_ordinary_words_are_no_places(text: str) -> None:
    request = read(text)
    assert request.stays == [] and request.origin is None and request.country is None


def test_an_everyday_word_in_a_list_of_places_is_a_place() -> None:
    assert stays(read("I want Phoenix and Denver")) == [("Phoenix", "US"), ("Denver", "US")]


def test_a_capitalised_everyday_word_opening_a_sentence_is_the_word() -> None:
    assert stays(read("Nice to meet you! Plan 3 days in Rome")) == [("Rome", "IT")]
    assert stays(read("Nice, France for 4 days")) == [("Nice", "FR")]


@pytest.mark.parametrize(
    ("text", "name", "region"),
    [
        ("Cambridge, Massachusetts for 3 days", "Cambridge", "US-MA"),
        ("Portland, Maine", "Portland", "US-ME"),
        ("Paris, Texas", "Paris", "US-TX"),
        ("Paris, TX for a weekend", "Paris", "US-TX"),
        ("Portland Oregon, 4 days", "Portland", "US-OR"),
    ],
)
def test_a_state_qualifier_picks_the_city(text: str, name: str, region: str) -> None:
    request = read(text)
    city = request.stays[0].city
    assert (city.name, f"{city.country}-{city.admin1}") == (name, region)
    assert request.alternatives == []  # the person said which one


@pytest.mark.parametrize(
    ("text", "name", "country", "admin1"),
    [
        ("London, Ontario for 3 days", "London", "CA", "08"),
        ("Sydney, Nova Scotia", "Sydney", "CA", "07"),
        ("Perth, Scotland", "Perth", "GB", "SCT"),
    ],
)
def test_a_province_qualifier_picks_the_city(
    text: str, name: str, country: str, admin1: str
) -> None:
    request = read(text)
    assert [(s.city.name, s.city.country, s.city.admin1) for s in request.stays] == [
        (name, country, admin1)
    ]
    assert request.region is None


def test_a_province_or_nation_gives_its_cities() -> None:
    assert [n for n, _ in stays(read("a week in Scotland"))][:2] == ["Edinburgh", "Glasgow"]
    assert read("4 days in Ontario").region == "CA-ON"


@pytest.mark.parametrize(
    ("text", "region", "first"),
    [
        ("going to Tuscany for a week", "IT-52", "Florence"),
        ("a week in Andalusia", "ES-AN", "Sevilla"),
        ("Provence in June", "FR-PAC", "Avignon"),  # Provence proper; Nice is the Riviera
        ("10 days in Bavaria", "DE-BY", "Munich"),
        ("2 cities in Puglia", "IT-75", "Bari"),
        ("Hokkaido in winter", "JP-01", "Sapporo"),
    ],
)
def test_a_region_people_travel_to_gives_its_cities(text: str, region: str, first: str) -> None:
    request = read(text)
    assert request.region == region
    assert request.stays[0].city.name == first
    assert len(request.stays) == (request.region_city_count or round((request.days or 9) / 3))


def test_a_country_qualifier_picks_the_city() -> None:
    request = read("Cambridge, UK for 2 days")
    assert stays(request) == [("Cambridge", "GB")]
    assert request.stays[0].days == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hong Kong and Taipei, 6 days", [("Hong Kong", "HK"), ("Taipei", "TW")]),
        ("Singapore 3 days then Bangkok 3 days", [("Singapore", "SG"), ("Bangkok", "TH")]),
        ("4 days in Singapore", [("Singapore", "SG")]),
    ],
)
def test_city_states_are_cities(text: str, expected: list[tuple[str, str]]) -> None:
    assert stays(read(text)) == expected


def test_per_city_days_of_city_states_add_up() -> None:
    request = read("Singapore 3 days then Bangkok 3 days")
    assert [s.days for s in request.stays] == [3, 3] and request.days == 6


def test_a_country_gives_its_top_destinations() -> None:
    request = read("ten days in Bulgaria")  # none of ours: its capital, then most visited
    assert request.country == "BG"
    assert stays(request)[0] == ("Sofia", "BG") and len(request.stays) == 3
    assert {s.city.name for s in request.stays[1:]} <= {"Plovdiv", "Varna", "Burgas"}
    assert len(read("a week in Bulgaria").stays) == 2  # a city for every three days or so
    assert stays(read("a long weekend in Bulgaria")) == [("Sofia", "BG")]
    assert [name for name, _ in stays(read("Two weeks in Italy"))] == ["Rome", "Florence", "Venice"]


@pytest.mark.parametrize(
    ("text", "region", "count"),
    [
        ("2 cities in Ohio", "US-OH", 2),
        ("visit 3 cities in California", "US-CA", 3),
        ("from Boston to New York, visiting 2 different cities", "US-NY", 2),
        ("starting in Washington and covering three cities in Georgia", "US-GA", 3),
        ("a week in Colorado", "US-CO", 2),  # a city for every three days or so
    ],
)
def test_a_us_state_gives_that_many_of_its_cities(text: str, region: str, count: int) -> None:
    request = read(text)
    assert request.region == region
    assert len(request.stays) == count
    assert {f"{s.city.country}-{s.city.admin1}" for s in request.stays} == {region}
    assert request.origin is None or all(s.city != request.origin for s in request.stays)


def test_a_state_named_among_cities_is_one_city_of_it() -> None:
    request = read("from Chicago to Albuquerque, Denver, Kansas for 9 days")
    assert [(s.city.country, s.city.admin1) for s in request.stays][-1] == ("US", "KS")
    assert len(request.stays) == 3 and request.region is None


def test_new_york_and_washington_alone_are_cities() -> None:
    assert stays(read("heading to Washington for 3 days")) == [("Washington", "US")]
    assert stays(read("4 days in New York")) == [("New York City", "US")]


def test_georgia_is_the_country_unless_the_trip_is_american() -> None:
    alone = read("a week in Georgia")
    assert alone.country == "GE" and {c for _, c in stays(alone)} == {"GE"}
    assert "US state" in alone.alternatives[0]
    american = read("3 cities in Georgia, leaving from Atlanta")
    assert american.region == "US-GA" and american.origin is not None


@pytest.mark.parametrize(
    ("text", "chosen", "alternative"),
    [
        ("Portland for 4 days", ("Portland", "US", "OR"), "Portland, Maine"),
        ("Birmingham for 2 days", ("Birmingham", "GB", "ENG"), "Birmingham, Alabama"),
        ("Cambridge and Boston for 5 days", ("Cambridge", "US", "MA"), "Cambridge, England"),
        ("Hyderabad for 3 days", ("Hyderabad", "IN", "40"), "Hyderabad, Pakistan"),
    ],
)
def test_an_ambiguous_name_takes_the_likelier_reading_and_says_the_other(
    text: str, chosen: tuple[str, str, str], alternative: str
) -> None:
    request = read(text)
    city = request.stays[0].city
    assert (city.name, city.country) == chosen[:2]
    assert city.admin1 == chosen[2]
    assert len(request.alternatives) == 1
    assert request.alternatives[0].startswith(f"{city.name}, ")
    assert request.alternatives[0].endswith(f"there is also {alternative}")


def test_a_state_named_in_the_message_picks_its_namesakes() -> None:
    request = read("a road trip in Texas: Austin, Paris and Dallas")
    assert [(s.city.name, s.city.admin1) for s in request.stays] == [
        ("Austin", "TX"),
        ("Paris", "TX"),
        ("Dallas", "TX"),
    ]
    maine = read("a week in Maine: Portland and Bar Harbor")
    assert [(s.city.name, s.city.admin1) for s in maine.stays] == [("Portland", "ME")]
    assert maine.region == "US-ME" and maine.alternatives == []


def test_a_famous_city_has_no_alternative_worth_saying() -> None:
    for text in ("3 days in Paris", "Barcelona for 3 days", "London for a week"):
        assert read(text).alternatives == [], text


@pytest.mark.parametrize(
    ("text", "origin", "expected"),
    [
        # Our own phrasings: typos, local names, odd orders, lists without "and".
        ("Amsterdm for 3 nights", None, [("Amsterdam", "NL")]),
        ("we want to see kyoto and osaka", None, [("Kyoto", "JP"), ("Osaka", "JP")]),
        ("Firenze, Venezia e Roma", None, [("Florence", "IT"), ("Venice", "IT"), ("Rome", "IT")]),
        ("4 days Köln then 3 days Brussel", None, [("Köln", "DE"), ("Brussels", "BE")]),
        (
            "from NYC: Lisbon 4 days, Porto 3 days",
            "New York City",
            [("Lisbon", "PT"), ("Porto", "PT")],
        ),
        ("Leaving Toronto on June 3, Reykjavik for a week", "Toronto", [("Reykjavík", "IS")]),
        ("Praag en Wenen, 6 dagen", None, [("Prague", "CZ"), ("Vienna", "AT")]),
        ("Mexico City → Oaxaca, 5 days", "Mexico City", [("Oaxaca", "MX")]),
        ("home is Melbourne; thinking Tokyo 5 nights", "Melbourne", [("Tokyo", "JP")]),
        (
            "Seoul, Busan and Jeju (we fly out of Vancouver)",
            "Vancouver",
            [("Seoul", "KR"), ("Busan", "KR"), ("Jeju City", "KR")],
        ),
        ("ソウルと釜山 5日間", None, [("Seoul", "KR"), ("Busan", "KR")]),
        (
            "Zurich,Lucerne,Interlaken",
            None,
            [("Zürich", "CH"), ("Luzern", "CH"), ("Interlaken", "CH")],
        ),
        ("SF to LA road trip 5 days", "San Francisco", [("Los Angeles", "US")]),
        ("Kraków and warsaw, 5 days", None, [("Kraków", "PL"), ("Warsaw", "PL")]),
        ("Athina 4 days", None, [("Athens", "GR")]),
        (
            "Could you plan 4 days in Marrakech from Casablanca?",
            "Casablanca",
            [("Marrakesh", "MA")],
        ),
    ],
)
def test_other_phrasings(text: str, origin: str | None, expected: list[tuple[str, str]]) -> None:
    request = read(text)
    assert (request.origin.name if request.origin else None) == origin
    assert stays(request) == expected


@pytest.mark.parametrize(
    ("text", "origin", "destinations"),
    [
        ("flying from Heathrow to Lisbon for 4 days", "London", ["Lisbon"]),
        ("from JFK to LAX, a week", "New York City", ["Los Angeles"]),
        ("from Orio al Serio to Madrid", "Bergamo", ["Madrid"]),  # Bergamo's airport
        ("starting from Latrobe, 3 days in Pittsburgh", "Latrobe", ["Pittsburgh"]),  # a town
    ],
)
def test_a_place_named_by_its_airport_is_the_city_it_serves(
    text: str, origin: str, destinations: list[str]
) -> None:
    request = read(text)
    assert request.origin is not None and request.origin.name == origin
    assert [name for name, _ in stays(request)] == destinations


def test_names_inside_hotel_and_sight_names_are_no_stays() -> None:
    request = read(
        "A round trip from Lagos to Paris, 3 days. Maybe stay at Golden Bay Garden Resort. "
        "It would be great to visit Dovercourt Green Haven while in Paris."
    )
    assert request.origin is not None and request.origin.name == "Lagos"
    assert stays(request) == [("Paris", "FR")]


def test_fold_keeps_non_latin_scripts() -> None:
    assert fold("東京") == "東京"
    assert fold("Москва") == "москва"
    assert fold("  München! ") == "munchen"


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "from",
                "to",
                "in",
                "Paris",
                ",",
                "TX",
                "Portland",
                "Maine",
                "Georgia",
                "東京で",
                "3 days",
                "cities",
                "2",
                "New",
                "York",
                "stay at",
                "Hotel",
                "while in",
                "visit",
                "Greater",
                "Kansas",
                "and",
                "-",
                "Singapore",
                "berlin",
                "St.",
                "Louis",
                "’s",
                "ü",
            ]
        )
        | st.text(max_size=8),
        max_size=12,
    ).map(" ".join)
)
def test_any_text_reads_without_error(text: str) -> None:
    request = read(text)
    assert request.origin is None or all(s.city != request.origin for s in request.stays)


@pytest.mark.parametrize(
    ("text", "country", "first_stay"),
    [
        ("do I need a visa for canada with a UK passport?", "CA", None),
        ("Do US citizens need a visa for Vietnam?", "VN", None),
        ("4 days in Rome, I am a citizen of Brazil", None, "Rome"),
        ("we hold passports from India, 6 days in Bali", None, "Ubud"),
        ("5 days in Lisbon, we are German nationals", None, "Lisbon"),
    ],
)
def test_a_nationality_is_who_travels_not_where(
    text: str, country: str | None, first_stay: str | None
) -> None:
    request = understand(text, TODAY)
    assert request.country == country
    if first_stay:
        assert request.stays[0].city.name == first_stay
    assert request.origin is None
    assert all(stay.city.country not in ("GB", "US", "BR", "IN", "DE") for stay in request.stays)
