"""Exports of journeys between cities: overnight flights, day numbers, calendar UIDs."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from icalendar import Calendar

import tripdesigner_kernel
from tripdesigner_kernel.kernel import KernelState
from tripdesigner_kernel.trip import exports, model


def _plan(*turns: str) -> model.Itinerary:
    state = KernelState()
    state.settings.today = "2026-11-24"
    state.new_session()
    reply = None
    for turn in turns:
        reply = state.chat(turn)
    assert reply is not None and reply.itinerary is not None
    return model.Itinerary.from_json(reply.itinerary)


def _overnight_flight(itinerary: model.Itinerary) -> model.Segment:
    flights = [s for s in itinerary.segments if s.type == "flight"]
    overnight = [s for s in flights if s.end.date() > s.start.date()]
    assert overnight, [(s.start, s.end) for s in flights]
    return overnight[0]


def test_markdown_shows_an_overnight_flight_landing_the_next_day() -> None:
    itinerary = _plan("Plan 3 days in Munich in May, flying from Toronto")
    flight = _overnight_flight(itinerary)
    text = exports.to_markdown(itinerary)
    assert "Day ?" not in text
    line = next(line for line in text.splitlines() if flight.name in line)
    assert f"{flight.start:%H:%M}-{flight.end:%H:%M} (+1 day)" in line
    # The day it leaves Toronto is the day before day 1, or day 1 itself: named either way.
    heading = exports.day_heading(itinerary, flight.start.date())
    assert heading in ("Before the trip", "Day 1")
    assert f"## {heading}: {flight.start:%A %d %B}" in text


def test_day_numbers_count_from_the_trip_start_outside_it_too() -> None:
    itinerary = _plan("Plan 3 days in Munich in May, flying from Toronto")
    assert itinerary.start_date is not None and itinerary.end_date is not None
    first, last = itinerary.start_date, itinerary.end_date
    assert exports.day_number(itinerary, first) == 1
    assert exports.day_number(itinerary, last) == 3
    assert exports.day_heading(itinerary, first - timedelta(days=1)) == "Before the trip"
    assert exports.day_heading(itinerary, last + timedelta(days=1)) == "After the trip"


def test_geojson_draws_each_journey_with_the_day_it_lands() -> None:
    itinerary = _plan("Plan 3 days in Munich in May, flying from Toronto")
    flight = _overnight_flight(itinerary)
    data = exports.to_geojson(itinerary)
    journey = next(f for f in data["features"] if f["properties"]["id"] == flight.id)
    assert journey["geometry"]["type"] == "LineString"
    assert journey["properties"]["days_later"] == 1
    assert journey["properties"]["day"] == exports.day_number(itinerary, flight.start.date())
    (lon0, lat0), (lon1, lat1) = journey["geometry"]["coordinates"]
    assert 40 < lat0 < 47 and -82 < lon0 < -76  # Toronto
    assert 47 < lat1 < 50 and 10 < lon1 < 13  # Munich


def test_ics_events_say_when_a_journey_lands() -> None:
    itinerary = _plan("Plan 3 days in Munich in May, flying from Toronto")
    flight = _overnight_flight(itinerary)
    calendar = Calendar.from_ical(exports.to_ics(itinerary, "abc12345"))
    event = next(e for e in calendar.walk("VEVENT") if str(e["SUMMARY"]) == flight.name)
    assert str(event["DTSTART"].dt.tzinfo) == "America/Toronto"
    assert str(event["DTEND"].dt.tzinfo) == "Europe/Berlin"
    assert event["DTEND"].dt.date() > event["DTSTART"].dt.date()
    assert "(+1 day)" in str(event["DESCRIPTION"])


def _uids(path: Path) -> list[str]:
    calendar = Calendar.from_ical(path.read_text(encoding="utf-8"))
    return [str(e["UID"]) for e in calendar.walk("VEVENT")]


def test_ics_uids_are_unique_per_copy_and_stable_across_edits(shell, tmp_path: Path) -> None:
    shell.run_cell("%tripchat 4 days in Lisbon in May")
    state = tripdesigner_kernel.kernel_state()
    first = state.current_session_id
    shell.run_cell(f"%tripchat export ics {tmp_path / 'a.ics'}")
    shell.run_cell("%tripchat new")
    shell.run_cell("%tripchat 4 days in Lisbon in May")  # the same first message
    assert state.current_session_id != first
    shell.run_cell(f"%tripchat export ics {tmp_path / 'b.ics'}")
    shell.run_cell(f"%tripchat fork {first}")
    shell.run_cell(f"%tripchat export ics {tmp_path / 'fork.ics'}")
    a, b, fork = (set(_uids(tmp_path / n)) for n in ("a.ics", "b.ics", "fork.ics"))
    assert a and b and fork
    assert not a & b and not a & fork and not b & fork
    # Editing the fork keeps the UIDs of the events that stay.
    shell.run_cell("%tripchat make it 5 days")
    shell.run_cell(f"%tripchat export ics {tmp_path / 'fork2.ics'}")
    edited = _uids(tmp_path / "fork2.ics")
    assert len(set(edited)) == len(edited) and len(fork & set(edited)) >= len(fork) // 2


def test_the_json_export_carries_the_journey_times_with_their_offsets() -> None:
    itinerary = _plan("Plan 3 days in Munich in May, flying from Toronto")
    flight = _overnight_flight(itinerary)
    data = json.loads(exports.to_json(itinerary))
    stored = next(s for s in data["segments"] if s["id"] == flight.id)
    again = model.Segment.model_validate(stored)
    assert exports.days_later(again) == 1


def test_the_reply_numbers_days_from_the_trip_start_not_from_the_flight() -> None:
    state = KernelState()
    state.settings.today = "2026-11-24"
    state.new_session()
    reply = str(state.chat("Plan 3 days in Munich in May, flying from Toronto"))
    assert "- **Day 1, Sun 02 May**" in reply  # 1 May is a holiday in Germany
    assert "- **Before the trip, Sat 01 May**" in reply  # the evening flight from Toronto
    assert "Day 4" not in reply
