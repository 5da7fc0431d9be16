"""Planner follow-ups a traveller noticed: rests that make sense, events the dates cover,
interests named and kept, late starters."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

import pytest
from plans import plan

from tripdesigner_kernel.knowledge.cities import city_index
from tripdesigner_kernel.knowledge.city_events import all_events, resolve
from tripdesigner_kernel.knowledge.taxonomy import matches_interest
from tripdesigner_kernel.trip import model
from tripdesigner_kernel.trip.notes import plan_notes
from tripdesigner_kernel.trip.scheduler import fits_hours

REST = "Rest at the hotel"


def minutes(stamp: object) -> int:
    return stamp.hour * 60 + stamp.minute  # type: ignore[attr-defined]


def by_day(itinerary: model.Itinerary) -> dict[int, list[model.Segment]]:
    days: dict[int, list[model.Segment]] = defaultdict(list)
    for segment in itinerary.segments:
        if segment.type != "hotel" and "day" in segment.details:
            days[segment.details["day"]].append(segment)
    for items in days.values():
        items.sort(key=lambda s: s.start)
    return days


# Kind 1: rests ----------------------------------------------------------------------------

REST_CASES = [
    ("Madrid", 6, "moderate", None),
    ("Kyoto", 5, "relaxed", "London"),
    ("Paris", 7, "relaxed", None),
    ("Buenos Aires", 4, "moderate", "New York"),
    ("Seville", 5, "relaxed", None),
    ("Reykjavik", 4, "relaxed", None),
    ("Hanoi", 6, "relaxed", "Paris"),
    ("Athens", 3, "moderate", None),
]


@pytest.mark.parametrize(("city", "days", "pace", "home"), REST_CASES)
def test_a_rest_is_one_mid_afternoon_break_never_after_checkout(
    city: str, days: int, pace: str, home: str | None
) -> None:
    origin = city_index().lookup(home) if home else None
    itinerary = plan(city, days, pace=pace, origin=origin)
    last = max(by_day(itinerary))
    for number, items in by_day(itinerary).items():
        rests = [s for s in items if s.name == REST]
        assert len(rests) <= 1, (city, number, [s.name for s in items])
        if number == last:
            assert not rests, (city, "a rest after the 11:00 check-out")
        for rest in rests:
            began = min(minutes(s.start) for s in items)
            assert 13 * 60 + 30 <= minutes(rest.start) <= 18 * 60 + 30, (city, rest.start)
            assert minutes(rest.start) - began >= 180, (city, number, "rest soon after the start")


def test_the_last_day_offers_a_wander_with_bags_stored_not_a_rest() -> None:
    """Over many cities the last day's notes are free time, and they say where the bags are."""
    seen = 0
    for city in ("Madrid", "Rome", "Lisbon", "Tokyo", "Mexico City", "Vienna", "Seville"):
        itinerary = plan(city, 3, pace="relaxed")
        last = by_day(itinerary)[max(by_day(itinerary))]
        assert all(s.name != REST for s in last), city
        for note in (s for s in last if s.type == "note"):
            assert note.name.startswith("Free time around"), note.name
            assert "check-out" in note.details["description"]
            seen += 1
    assert seen > 0


# Kind 4: late starters and stairs ---------------------------------------------------------

LATE_CASES = [("Kyoto", 6), ("Lisbon", 5), ("Cusco", 5), ("Rome", 4), ("Paris", 8)]


@pytest.mark.parametrize(("city", "days"), LATE_CASES)
def test_a_late_starter_begins_every_day_and_every_day_trip_at_their_hour(
    city: str, days: int
) -> None:
    itinerary = plan(city, days, day_start="10:30")
    for number, items in by_day(itinerary).items():
        first = min(minutes(s.start) for s in items)
        assert first >= 10 * 60 + 30, (city, number, items[0].name, items[0].start)
    early = plan(city, days)
    assert min(minutes(s.start) for s in early.segments if s.type != "hotel") < 10 * 60 + 30


def test_day_trips_still_happen_for_a_late_starter_and_leave_after_their_hour() -> None:
    legs = [
        s
        for city in ("Kyoto", "Lisbon", "Cusco")
        for s in plan(city, 6, day_start="10:00").segments
        if s.id.endswith("trip-out")
    ]
    assert legs, "late starters keep their day trips"
    assert all(minutes(s.start) >= 10 * 60 for s in legs), [(s.name, s.start) for s in legs]


@pytest.mark.parametrize("need", ["stairs", "older travellers", "disabled", "wheelchair"])
def test_cant_do_stairs_keeps_places_with_many_steps_out(need: str) -> None:
    for city in ("Lisbon", "Kyoto", "Dubrovnik"):
        itinerary = plan(city, 4, accessibility=[need])
        stepped = [s.name for s in itinerary.segments if "stairs" in s.details.get("access", [])]
        assert not stepped, (need, city, stepped)


# Kind 2: events the dates cover ----------------------------------------------------------

EVENTS = [(e.city, e.event, e.place.name) for e in all_events()]


@pytest.mark.parametrize(("city", "event", "visit"), EVENTS)
@pytest.mark.parametrize(("before", "days"), [(0, 3), (2, 5)])
def test_an_event_the_dates_cover_is_planned_on_its_day_and_no_day_trip_takes_it(
    city: str, event: str, visit: str, before: int, days: int
) -> None:
    found = next(e for e in all_events() if e.place.name == visit)
    main = found.main_day(2027) or found.dates(2027)[0]
    itinerary = plan(city, days, start=main - timedelta(days=before))
    at = [s for s in itinerary.segments if s.name == visit]
    assert len(at) == 1, (city, event, [s.name for s in itinerary.segments])
    assert at[0].start.date() == main, (city, event, at[0].start)
    start = minutes(at[0].start)
    assert fits_hours(found.place, main, start, start + found.place.minutes), at[0].start
    trips = [s for s in itinerary.segments if s.id.endswith("trip-out")]
    assert all(s.start.date() != main for s in trips), (city, event)
    assert any(
        n.startswith(f"{event} in {city}") and "planned on" in n for n in plan_notes(itinerary)
    )


def test_dates_outside_the_event_plan_no_event_and_say_nothing() -> None:
    for city, start in (("Munich", date(2027, 6, 1)), ("Edinburgh", date(2027, 7, 1))):
        itinerary = plan(city, 4, start=start)
        assert not [s for s in itinerary.segments if s.category == "event"]
        assert not [n for n in plan_notes(itinerary) if " in " + city + " (" in n]


def test_a_long_munich_stay_at_oktoberfest_keeps_the_day_trips_off_the_festival_day() -> None:
    start = resolve("09-16>sat", 2027)
    assert start == date(2027, 9, 18) and start.weekday() == 5
    itinerary = plan("Munich", 8, start=start, events=["Oktoberfest"])
    festival = [s.start.date() for s in itinerary.segments if s.category == "event"]
    trips = [s.start.date() for s in itinerary.segments if s.id.endswith("trip-out")]
    assert festival and trips and not set(festival) & set(trips)


@pytest.mark.parametrize(
    ("rule", "year", "expected"),
    [
        ("easter-47", 2027, date(2027, 2, 9)),  # Mardi Gras 2027
        ("easter-47", 2028, date(2028, 2, 29)),
        ("11-22>thu", 2027, date(2027, 11, 25)),  # Thanksgiving
        ("09-16>sat", 2026, date(2026, 9, 19)),  # Oktoberfest 2026 opens 19 September
        ("12-31", 2027, date(2027, 12, 31)),
    ],
)
def test_event_date_rules(rule: str, year: int, expected: date) -> None:
    assert resolve(rule, year) == expected


# Kind 3: interests named and kept ---------------------------------------------------------

INTEREST_CASES = [
    ("Vienna", "classical music", date(2027, 5, 3), "Musikverein"),
    ("Vienna", "opera", date(2027, 10, 4), "Staatsoper"),
    ("Vienna", "coffee houses", date(2027, 5, 3), "Café"),
    ("Berlin", "classical music", date(2027, 5, 3), "Philharmonie|Staatsoper"),
    ("Reykjavik", "northern lights", date(2027, 10, 4), "Northern lights"),
    ("Reykjavik", "northern lights", date(2028, 2, 7), "Northern lights"),
    ("Berlin", "street art", date(2027, 5, 3), "East Side Gallery"),
    ("Berlin", "techno", date(2027, 6, 4), "Club der Visionäre"),
    ("London", "street art", date(2027, 5, 3), "Shoreditch"),
    ("Paris", "jazz", date(2027, 5, 3), "Caveau"),
    ("New York City", "jazz", date(2027, 5, 3), "Village Vanguard"),
    ("Kyoto", "cherry blossoms", date(2027, 4, 1), "Cherry blossoms"),
    ("Tokyo", "cherry blossoms", date(2027, 10, 4), ""),  # the spots, out of bloom
]


def answering(itinerary: model.Itinerary, interest: str) -> list[model.Segment]:
    return [
        s
        for s in itinerary.segments
        if s.type in ("activity", "meal") and matches_interest(s.category or "", s.tags, [interest])
    ]


@pytest.mark.parametrize(("city", "interest", "start", "expected"), INTEREST_CASES)
def test_an_interest_named_gets_a_fitting_visit(
    city: str, interest: str, start: date, expected: str
) -> None:
    itinerary = plan(city, 4, start=start, interests=[interest])
    found = answering(itinerary, interest)
    names = expected.split("|")
    assert found and any(n in s.name for s in found for n in names), (city, interest, found)
    assert not [n for n in plan_notes(itinerary) if f"for {interest}" in n]


def test_evening_interests_are_planned_after_dinner_in_their_hours() -> None:
    for city, interest, start in (
        ("Vienna", "opera", date(2027, 5, 3)),
        ("Reykjavik", "northern lights", date(2027, 11, 8)),
    ):
        itinerary = plan(city, 3, start=start, interests=[interest])
        nights = [s for s in answering(itinerary, interest) if s.start.hour >= 17]
        assert nights, (city, interest)
        for visit in nights:
            same_day = [
                s for s in itinerary.segments if s.details.get("day") == visit.details["day"]
            ]
            dinner = [s for s in same_day if s.details.get("meal") == "dinner"]
            assert dinner and dinner[0].end <= visit.start, (city, visit.name)
            assert visit.start.hour >= 19


@pytest.mark.parametrize(
    ("city", "interest", "start", "said"),
    [
        ("Reykjavik", "northern lights", date(2027, 6, 7), "none fitted"),  # no dark nights
        ("Lima", "jazz", date(2027, 5, 3), "has no places for jazz"),
        ("Kyoto", "techno", date(2027, 5, 3), "has no places for techno"),
    ],
)
def test_the_reply_says_when_an_interest_has_no_visit(
    city: str, interest: str, start: date, said: str
) -> None:
    itinerary = plan(city, 3, start=start, interests=[interest])
    assert not answering(itinerary, interest)
    assert any(said in n and city in n for n in plan_notes(itinerary)), plan_notes(itinerary)
