"""Legs between cities from the network model: real corridors, no road across the sea,
the person's wishes, sensible local departure times, airport time as its own step."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest

from tripdesigner_kernel.knowledge.cities import City, city_index, destinations
from tripdesigner_kernel.knowledge.geo import km_between
from tripdesigner_kernel.knowledge.network import connections, land_of, linked_by_land
from tripdesigner_kernel.trip import planner
from tripdesigner_kernel.trip.journeys import journey_notes
from tripdesigner_kernel.trip.legs import Leg, plan_leg


def _city(name: str) -> City:
    city = city_index().lookup(name)
    assert city is not None, name
    return city


def _leg(a: str, b: str, transport: tuple[str, ...] = (), currency: str = "EUR") -> Leg:
    one, two = _city(a), _city(b)
    return plan_leg(
        (a, one.lat, one.lon, one.country),
        (b, two.lat, two.lon, two.country),
        "moderate",
        currency,
        transport,
    )


@pytest.mark.parametrize(
    ("a", "b", "minutes"),
    [
        ("Barcelona", "Madrid", 150),  # AVE, about 2 h 30
        ("Paris", "London", 140),  # Eurostar, about 2 h 20
        ("Rome", "Florence", 95),  # Frecciarossa, about 1 h 30
        ("Tokyo", "Osaka", 150),  # Nozomi, about 2 h 30
        ("Tokyo", "Kyoto", 135),  # Nozomi, about 2 h 15
        ("Beijing", "Shanghai", 270),  # Fuxing, about 4 h 30
        ("Lisbon", "Porto", 170),
    ],
)
def test_high_speed_corridors_take_their_real_time(a: str, b: str, minutes: int) -> None:
    for start, end in ((a, b), (b, a)):
        leg = _leg(start, end)
        assert leg.mode == "rail" and abs(leg.minutes - minutes) <= 15, leg
        assert leg.kind == "transfer" and "Train" in leg.name


def test_no_leg_between_our_destinations_goes_over_land_across_the_sea() -> None:
    cities = [_city(d.name) for d in destinations()]
    crossings = []
    for one, two in itertools.permutations(cities, 2):
        leg = plan_leg(
            (one.name, one.lat, one.lon, one.country), (two.name, two.lat, two.lon, two.country)
        )
        km = km_between(one.lat, one.lon, two.lat, two.lon)
        on_land = linked_by_land(
            (one.lat, one.lon, one.country), (two.lat, two.lon, two.country), km
        )
        curated = {c.mode for c in connections(one.name, two.name)}
        if leg.mode in ("rail", "coach") and not on_land and leg.mode not in curated:
            crossings.append((one.name, two.name, leg.mode))
    assert crossings == []


@pytest.mark.parametrize(
    ("a", "b"),
    [("Stockholm", "Helsinki"), ("Miami", "Havana"), ("Copenhagen", "Oslo"), ("Dublin", "London")],
)
def test_across_the_sea_people_fly_or_sail(a: str, b: str) -> None:
    assert _leg(a, b).mode in ("flight", "ferry")
    assert land_of(_city("Helsinki").lat, _city("Helsinki").lon, "FI").name == "finland"


def test_copenhagen_to_oslo_is_a_flight_or_without_flights_the_overnight_ferry() -> None:
    assert _leg("Copenhagen", "Oslo").mode == "flight"
    ferry = _leg("Copenhagen", "Oslo", ("no flight",))
    assert ferry.mode == "ferry" and ferry.departs == 16 * 60 + 30 and ferry.minutes > 12 * 60


def test_there_is_no_train_from_lima_to_cusco() -> None:
    assert _leg("Lima", "Cusco").mode == "flight"
    coach = _leg("Lima", "Cusco", ("no flight",))
    assert coach.mode == "coach" and coach.minutes >= 20 * 60  # the Andes: a long night
    train = _leg("Lima", "Cusco", ("train only",))
    assert train.mode == "flight" and "no train runs between them" in train.note


def test_a_wish_the_sea_forbids_is_explained() -> None:
    leg = _leg("Miami", "Havana", ("no flight",))
    assert leg.mode == "flight" and "across the sea" in leg.note


def test_islands_of_one_country_are_not_linked_by_road() -> None:
    auckland, queenstown = _city("Auckland"), _city("Queenstown")
    assert land_of(auckland.lat, auckland.lon, "NZ") != land_of(
        queenstown.lat, queenstown.lon, "NZ"
    )
    assert _leg("Auckland", "Queenstown", ("no flight",)).mode == "flight"


def test_prices_are_in_the_trips_currency() -> None:
    assert _leg("Tokyo", "Osaka", currency="EUR").currency == "EUR"
    euro = _leg("Tokyo", "Osaka", currency="EUR").price
    yen = _leg("Tokyo", "Osaka", currency="JPY").price
    assert yen == pytest.approx(14720, rel=0.01) and 60 < euro < 120  # converted, not copied


def _spec(
    stays: list[tuple[str, int]], origin: str | None = None, **kw: object
) -> planner.TripSpec:
    return planner.TripSpec(
        stays=[planner.Stay(_city(n), d) for n, d in stays],
        start=date(2027, 5, 3),
        origin=_city(origin) if origin else None,
        **kw,  # type: ignore[arg-type]
    )


def test_airport_time_is_its_own_step_around_the_flight() -> None:
    itinerary = planner.plan_trip(_spec([("Paris", 3)], origin="New York City", currency="EUR"))
    segments = {s.id: s for s in itinerary.segments}
    before, flight, after = segments["leg-0-before"], segments["leg-0"], segments["leg-0-after"]
    assert flight.type == "flight" and before.type == after.type == "transfer"
    assert before.end == flight.start and after.start == flight.end
    assert before.category == after.category == "airport"
    assert timedelta(hours=2) <= before.end - before.start <= timedelta(hours=4)
    assert flight.end - flight.start < timedelta(hours=9)  # the air time alone
    assert flight.price is not None and flight.price.currency == "EUR"
    assert flight.details["days_later"] == 1  # New York in the evening, Paris in the morning


@pytest.mark.parametrize("origin", ["New York City", "London", "Sydney", "Los Angeles", "Dubai"])
def test_flights_from_home_leave_and_land_at_sensible_local_hours(origin: str) -> None:
    early = []
    for destination in destinations()[::3]:
        if destination.name == origin:
            continue
        itinerary = planner.plan_trip(_spec([(destination.name, 4)], origin=origin))
        for segment in itinerary.segments:
            if segment.id in ("leg-0", "leg-home") and segment.type == "flight":
                minutes = segment.start.hour * 60 + segment.start.minute
                if not 7 * 60 <= minutes <= 22 * 60:
                    early.append((segment.name, segment.start.isoformat()))
    assert early == []


def test_the_person_s_times_and_wishes_win() -> None:
    spec = _spec(
        [("Copenhagen", 3), ("Oslo", 3)],
        origin="Stockholm",
        transport=["no flight"],
        arrival_time="15:00",  # the train from Stockholm takes 5 h 15
        departure_time="19:45",
    )
    itinerary = planner.plan_trip(spec)
    by_id = {s.id: s for s in itinerary.segments}
    assert by_id["leg-1"].category == "ferry"  # no train Copenhagen-Oslo, no flight wanted
    assert by_id["leg-0"].category == "rail"
    home = by_id["leg-home"]
    assert f"{home.start:%H:%M}" == "19:45"
    arrived = by_id["leg-0"].end
    assert abs((arrived.hour * 60 + arrived.minute) - 15 * 60) <= 15
    # Every wish was met; the 19:45 train home arrives after midnight, and the reply says so.
    assert journey_notes(itinerary) == [
        "Train Oslo → Stockholm (SJ) leaves Sat 08 May 19:45 and arrives Sun 09 May 01:25 "
        "(+1 day): you are home after the trip's last day."
    ]


def test_a_wish_no_route_allows_reaches_the_reply_notes() -> None:
    itinerary = planner.plan_trip(_spec([("Havana", 3)], origin="Miami", transport=["no flight"]))
    notes = journey_notes(itinerary)
    assert notes and "across the sea" in notes[0]


def test_a_departure_time_before_the_arrival_is_moved_and_explained() -> None:
    itinerary = planner.plan_trip(_spec([("Paris", 1)], origin="London", departure_time="08:00"))
    by_id = {s.id: s for s in itinerary.segments}
    assert by_id["leg-home"].start >= by_id["leg-0"].end + timedelta(hours=3)
    notes = journey_notes(itinerary)
    assert notes and "08:00" in notes[0] and "before you arrive in Paris" in notes[0]


def test_a_late_arrival_never_sends_the_way_home_off_in_the_night() -> None:
    itinerary = planner.plan_trip(_spec([("Paris", 1)], origin="London", arrival_time="23:30"))
    home = next(s for s in itinerary.segments if s.id == "leg-home")
    assert 7 * 60 <= home.start.hour * 60 + home.start.minute <= 22 * 60


def _town(name: str) -> tuple[str, float, float, str]:
    city = city_index().lookup(name, towns=True)
    assert city is not None, name
    return (city.name, city.lat, city.lon, city.country)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Bari", "Dubrovnik"),  # the Adriatic
        ("Gothenburg", "Aalborg"),  # the Kattegat
        ("Stockholm", "Riga"),  # the Baltic
        ("Dubai", "Doha"),  # the Persian Gulf
        ("Istanbul", "Odesa"),  # the Black Sea
        ("New Orleans", "Tampa"),  # the Gulf of Mexico
    ],
)
def test_a_sea_inside_one_landmass_is_not_crossed_by_road(a: str, b: str) -> None:
    start, end = _town(a), _town(b)
    km = km_between(start[1], start[2], end[1], end[2])
    assert not linked_by_land(start[1:], end[1:], km)
    assert plan_leg(start, end, transport=("no flight",)).mode in ("ferry", "flight")


@pytest.mark.parametrize(("a", "b"), [("Split", "Dubrovnik"), ("Istanbul", "Varna")])
def test_along_a_coast_the_road_is_still_a_road(a: str, b: str) -> None:
    start, end = _town(a), _town(b)
    km = km_between(start[1], start[2], end[1], end[2])
    assert linked_by_land(start[1:], end[1:], km)
    assert plan_leg(start, end).mode == "coach"


def test_a_corridor_is_never_matched_to_a_namesake_city_far_away() -> None:
    madrid = _town("Madrid")
    valencia_spain = ("Valencia", 39.47, -0.377, "ES")
    valencia_venezuela = ("Valencia", 10.16, -68.0, "VE")
    assert plan_leg(madrid, valencia_spain).mode == "rail"
    assert plan_leg(madrid, valencia_venezuela).mode == "flight"


def test_without_flights_a_chain_of_trains_goes_round_the_sea() -> None:
    leg = _leg("Oslo", "Berlin", ("no flight",))
    assert leg.mode == "rail" and "a night in Stockholm" in leg.note  # 19 hours
    assert leg.name.startswith("Train Oslo → Stockholm → Copenhagen → Berlin")
    table = 340 + 315 + 420  # the three services of connections.tsv
    assert leg.minutes == table + 2 * 45  # and two changes
    assert _leg("Oslo", "Berlin").mode == "flight"  # who does not mind flying, flies


def test_train_only_from_london_to_rome_goes_through_paris_and_milan() -> None:
    leg = _leg("London", "Rome", ("train only",))
    assert leg.mode == "rail" and "Paris" in leg.name and "Milan" in leg.name
    assert 12 * 60 <= leg.minutes <= 17 * 60
    assert leg.currency == "EUR" and 150 < leg.price < 600


def test_a_chain_of_trains_starts_in_the_morning_and_breaks_no_rule() -> None:
    from tripdesigner_kernel.trip import checks

    spec = _spec([("Rome", 3), ("Florence", 2)], origin="London", transport=["no flight"])
    itinerary = planner.plan_trip(spec)
    way_in = next(s for s in itinerary.segments if s.id == "leg-0")
    assert way_in.type == "transfer" and "Paris" in way_in.name
    assert 7 * 60 <= way_in.start.hour * 60 + way_in.start.minute <= 10 * 60
    assert checks.check_itinerary(itinerary, date(2026, 11, 24)) == []


def _chat(message: str) -> tuple[dict, str]:
    from tripdesigner_kernel.kernel import KernelState

    state = KernelState()
    state.settings.today = "2026-11-24"
    state.new_session()
    reply = state.chat(message)
    assert reply.itinerary is not None, str(reply)
    return reply.itinerary, str(reply)


def test_no_flights_said_in_the_chat_reaches_the_legs() -> None:
    itinerary, reply = _chat("3 days in Copenhagen then 3 days in Oslo in May, no flights please")
    leg = next(s for s in itinerary["segments"] if s["id"] == "leg-1")
    assert leg["category"] == "ferry" and "Ferry Copenhagen → Oslo" in reply
    assert itinerary["violations"] == []


def test_the_reply_says_why_a_wish_cannot_be_met() -> None:
    _, reply = _chat("3 days in Havana in May from Miami, we don't fly")
    assert "Miami → Havana: you asked for no flight, but they are across the sea" in reply


@pytest.mark.parametrize("origin", ["Dubai", "New Orleans"])
def test_the_way_home_leaves_on_the_last_day_after_the_last_visit(origin: str) -> None:
    from tripdesigner_kernel.trip import checks

    late = []
    for destination in destinations()[::4]:
        itinerary = planner.plan_trip(_spec([(destination.name, 5)], origin=origin))
        home = next(s for s in itinerary.segments if s.id == "leg-home-before")
        if home.start.date() != itinerary.end_date:
            late.append((destination.name, home.start.isoformat()))
        assert checks.check_itinerary(itinerary, date(2026, 11, 24)) == [], destination.name
    assert late == []
