"""Closures in the places data through whole turns: weekly days, fixed dates, Easter, the
New Year, seasonal beer gardens and a renovation of years are never planned."""

from __future__ import annotations

from datetime import date

from plans import chat_plan, plan


def visits(itinerary: dict, name: str) -> list[date]:
    return [date.fromisoformat(s["start"][:10]) for s in itinerary["segments"] if s["name"] == name]


def test_jeronimos_is_never_planned_on_its_closing_days() -> None:
    easter, _ = chat_plan("Lisbon from 26 to 29 March 2027, history and churches")  # Easter 28
    june, _ = chat_plan("Lisbon 11-15 June 2027, we love history")  # Sun 13 Jun, Mon 14 Jun
    new_year, _ = chat_plan("Lisbon from 30 December 2026 to 2 January, history")
    closed = {date(2027, 3, 28), date(2027, 6, 13), date(2027, 1, 1), date(2027, 12, 25)}
    seen = []
    for itinerary in (easter, june, new_year):
        for name in ("Jerónimos Monastery", "Belém Tower"):
            for day in visits(itinerary, name):
                seen.append(day)
                assert day not in closed and day.weekday() != 0, (name, day)
    assert seen  # still planned on open days: the test can fail


def test_kyoto_imperial_palace_is_closed_at_new_year_and_on_mondays() -> None:
    winter, _ = chat_plan("Kyoto from Dec 28 to Jan 3, history and gardens")
    assert visits(winter, "Kyoto Imperial Palace") == []
    spring, _ = chat_plan("Kyoto 5 days from 5 April 2027, history and gardens")
    days = visits(spring, "Kyoto Imperial Palace")
    assert days and all(d.weekday() != 0 for d in days)


def test_tokyo_imperial_east_gardens_close_at_new_year() -> None:
    itinerary, _ = chat_plan("Tokyo from 28 December to 3 January, gardens and history")
    assert visits(itinerary, "Imperial Palace East Gardens") == []


def test_centre_pompidou_is_not_planned_while_it_is_closed_for_renovation() -> None:
    itinerary, reply = chat_plan("6 days in Paris, modern art and museums, packed")
    assert visits(itinerary, "Centre Pompidou") == []
    assert "Centre Pompidou is closed for renovation until December 2030" in reply
    assert "(closed for renovation" not in reply  # not a day's reason
    after = plan("Paris", 6, start=date(2031, 5, 5), interests=["art", "modern"], pace="packed")
    assert any(s.name == "Centre Pompidou" for s in after.segments)  # open again then


def test_seasonal_beer_gardens_are_planned_only_in_their_season() -> None:
    for message in ("Vienna 5 days in January, beer", "Berlin 5 days in February, beer"):
        itinerary, _ = chat_plan(message)
        names = {s["name"] for s in itinerary["segments"]}
        assert not {"Schweizerhaus", "Prater Garten"} & names, message
    summer = plan("Vienna", 5, start=date(2027, 6, 7), interests=["beer"])
    assert any(s.name == "Schweizerhaus" for s in summer.segments)


def test_versailles_is_not_a_new_year_day_trip() -> None:
    itinerary, _ = chat_plan("Paris from 29 December to 3 January, history")
    for day in visits(itinerary, "Château de Versailles"):
        assert day != date(2027, 1, 1) and day.weekday() != 0
