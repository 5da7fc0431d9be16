"""Closures and seasons: holidays acted on, seasonal hours, outdoor places in daylight."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from plans import plan

from tripdesigner_kernel.knowledge.cities import city_index
from tripdesigner_kernel.knowledge.closures import closed_for
from tripdesigner_kernel.knowledge.daylight import daylight
from tripdesigner_kernel.knowledge.hours import HoursError, open_intervals
from tripdesigner_kernel.knowledge.opening import needs_daylight, open_on
from tripdesigner_kernel.knowledge.places import places_for
from tripdesigner_kernel.trip import checks, model, notes


def on(itinerary: model.Itinerary, day: date) -> list[model.Segment]:
    return [s for s in itinerary.segments if s.type == "activity" and s.start.date() == day]


def test_paris_on_new_years_day_visits_no_closed_museum() -> None:
    new_year = date(2027, 1, 1)
    itinerary = plan("Paris", 4, new_year, interests=["museums", "art"])
    first_day = on(itinerary, new_year)
    assert first_day, "the day is still planned, with places that are open"
    assert all(s.category != "museum" for s in first_day), [s.name for s in first_day]
    names = {s.name for s in itinerary.segments}
    # The museums are not lost: they move to days they are open.
    assert names & {"Musée de Cluny", "Musée Picasso", "Louvre Museum", "Musée d'Orsay"}
    assert checks.check_itinerary(itinerary, date(2026, 11, 24)) == []


@pytest.mark.parametrize(
    ("category", "country", "day", "holiday"),
    [
        ("museum", "FR", date(2027, 1, 1), "New Year's Day"),
        ("museum", "FR", date(2027, 12, 25), "Christmas Day"),
        ("museum", "JP", date(2027, 12, 30), "30 December"),
        ("market", "VN", date(2027, 2, 7), "Lunar New Year"),
        ("sight", "GR", date(2027, 5, 2), "Easter Sunday"),  # Orthodox Easter 2027
        ("museum", "US", date(2027, 11, 25), "Thanksgiving Day"),
    ],
)
def test_closure_table_days(category: str, country: str, day: date, holiday: str) -> None:
    assert closed_for(category, country, day) == holiday
    assert closed_for(category, country, day + timedelta(days=10)) is None
    assert closed_for("restaurant", country, day) is None


def test_hanoi_at_tet_sends_no_one_to_a_market() -> None:
    tet = date(2027, 2, 6)  # the first day of the Year of the Goat
    itinerary = plan("Hanoi", 5, tet - timedelta(days=1), interests=["markets", "food"])
    for segment in itinerary.segments:
        if segment.type == "activity" and tet <= segment.start.date() < tet + timedelta(days=3):
            assert segment.category not in ("market", "museum", "food_street"), segment.name
    assert checks.check_itinerary(itinerary, date(2026, 11, 24)) == []


def test_seasonal_hours_the_colosseum_closes_early_in_winter() -> None:
    colosseum = next(p for p in places_for(city_index().lookup("Rome")).places  # type: ignore[arg-type]
                     if p.name == "Colosseum")  # fmt: skip
    assert open_intervals(colosseum.hours, date(2027, 1, 12)) == ((8 * 60 + 30, 16 * 60 + 30),)
    assert open_intervals(colosseum.hours, date(2027, 7, 12)) == ((8 * 60 + 30, 19 * 60 + 15),)
    itinerary = plan("Rome", 4, date(2027, 1, 11), interests=["history"])
    visit = next(s for s in itinerary.segments if s.name == "Colosseum")
    assert visit.end.hour * 60 + visit.end.minute <= 16 * 60 + 30


def test_full_opening_hours_grammar_and_clear_errors() -> None:
    assert open_intervals("Tu-Su 10:00-18:00; Dec 25 off", date(2027, 12, 25)) == ()
    assert open_intervals("Th-Sa 21:00-03:00", date(2027, 5, 7)) == ((0, 180), (1260, 1620))
    with pytest.raises(HoursError, match="bad opening hours"):
        open_intervals("Mo-Fr 9 to 5", date(2027, 5, 7))
    with pytest.raises(HoursError, match="closure table"):
        open_intervals("Mo-Fr 09:00-17:00; PH off", date(2027, 5, 7))


def test_outdoor_places_only_in_daylight() -> None:
    rise, dusk = daylight(64.15, -21.94, date(2027, 12, 15), "Atlantic/Reykjavik")
    assert 11 * 60 <= rise <= 11 * 60 + 40 and 16 * 60 + 30 <= dusk <= 17 * 60  # civil dusk
    reykjavik = places_for(city_index().lookup("Reykjavik"))  # type: ignore[arg-type]
    outdoor = [p for p in reykjavik.activities if needs_daylight(p)]
    assert outdoor and any(p.after_dark for p in reykjavik.activities)  # lit pools, Perlan
    for place in outdoor:
        for opens, closes in open_on(place, date(2027, 12, 15)):
            assert opens >= rise and closes <= dusk
    itinerary = plan("Reykjavik", 4, date(2027, 12, 13))
    assert [v for v in checks.check_itinerary(itinerary, date(2026, 11, 24))] == []


def test_checks_catch_a_visit_on_a_closed_day_and_after_dark() -> None:
    itinerary = plan("Paris", 3, date(2027, 1, 4))
    museum = next(s for s in itinerary.segments if s.category == "museum")
    moved = museum.model_copy()
    shift = date(2027, 12, 25) - museum.start.date()
    moved.start, moved.end = museum.start + shift, museum.end + shift
    park = next(
        s
        for s in itinerary.segments
        if s.category in ("park", "viewpoint") and s.type == "activity"
    )
    night = park.model_copy(update={"details": {**park.details, "after_dark": False}})
    night.start = park.start.replace(hour=21, minute=0)
    night.end = night.start + timedelta(hours=1)
    probe = itinerary.model_copy(update={"segments": [moved, night]})
    codes = [v.code for v in checks.check_places(probe) + checks.check_daylight(probe)]
    assert "closed" in codes and "after_dark" in codes


def test_the_reply_notes_say_when_much_of_a_city_closes() -> None:
    renovation = "Centre Pompidou is closed for renovation until December 2030: it is not planned."
    new_year = notes.closure_notes(plan("Paris", 3, date(2027, 1, 1)))
    assert new_year.pop(0) == renovation  # said once, apart from the days' notes
    assert len(new_year) == 1 and new_year[0].startswith("Fri 01 Jan (New Year's Day): ")
    assert "(museums)" in new_year[0]
    tet = notes.closure_notes(plan("Hanoi", 5, date(2027, 2, 4)))
    assert [n[:10] for n in tet] == ["Sat 06 Feb", "Sun 07 Feb", "Mon 08 Feb"]
    assert all("Lunar New Year" in n and "markets" in n for n in tet)
    assert notes.closure_notes(plan("Paris", 3, date(2027, 5, 4))) == [renovation]  # ordinary
