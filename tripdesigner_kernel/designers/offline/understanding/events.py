"""Holidays and well-known annual events: when "for Oktoberfest" or "over Easter" begins.

Each event gives the first day of a visit in a given year. Moving feasts come from
libraries: Easter from ``dateutil.easter`` (Western), lunar new year, Diwali and Holi from
the ``holidays`` package (imported only when such an event is named). Fixed and rule-based
dates, with their sources:

- Oktoberfest: opens the Saturday after 15 September (oktoberfest.de).
- Hogmanay, New Year's Eve, New Year: 31 December - 1 January; a visit starts on the 30th
  (edinburghshogmanay.com). Lunar New Year is matched first ("Chinese New Year").
- Christmas: 24-26 December; a visit starts on the 23rd.
- Carnival (Rio, Venice, Cologne's street carnival), Mardi Gras: the Saturday before Ash
  Wednesday, i.e. Easter Sunday minus 50 days.
- Thanksgiving (US): the fourth Thursday of November (5 U.S.C. 6103).
- Day of the Dead: 31 October - 2 November (UNESCO intangible heritage listing).
- Cherry blossom season (Japan): about 25 March - 10 April in Tokyo and Kyoto, the Japan
  Meteorological Agency's normal full-bloom dates; a visit starts on 27 March.
- San Fermín: 6-14 July (Pamplona city council). St Patrick's Day: 17 March.
- Golden Week (Japan): 29 April - 5 May. Songkran: 13-15 April. King's Day (NL): 27 April.
- Fourth of July, Halloween (31 October), Valentine's Day (14 February).
- Long weekends, from the Saturday: Memorial Day (US, last Monday of May) and Labor Day
  (US, first Monday of September), 5 U.S.C. 6103; the UK's early May and spring bank
  holidays (first and last Monday of May, gov.uk/bank-holidays).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta


def _weekday_on_or_after(day: date, weekday: int) -> date:
    return day + timedelta(days=(weekday - day.weekday()) % 7)


def _monday_weekend(year: int, month: int, last: bool) -> date:
    """The Saturday before the first (or last) Monday of ``month``: a long weekend's start."""
    if last:
        end = date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
        monday = end - timedelta(days=end.weekday())
    else:
        monday = _weekday_on_or_after(date(year, month, 1), 0)
    return monday - timedelta(days=2)


def _easter(year: int) -> date:
    from dateutil.easter import easter

    return easter(year)


def _holiday(country: str, name: str) -> Callable[[int], date]:
    def first_day(year: int) -> date:
        import holidays

        days = holidays.country_holidays(country, years=year)
        return min(d for d, n in days.items() if name in n)

    return first_day


# (pattern on folded text, name as said in notes, year -> first day of the visit)
EVENTS: list[tuple[str, str, Callable[[int], date]]] = [
    (r"memorial day(?: weekend)?", "Memorial Day weekend", lambda y: _monday_weekend(y, 5, True)),
    (
        r"labou?r day(?: weekend)?",
        "Labor Day weekend",
        lambda y: _monday_weekend(y, 9, False),
    ),
    (
        r"may day(?: weekend| bank holiday)?|early may bank holiday",
        "the early May bank holiday weekend",
        lambda y: _monday_weekend(y, 5, False),
    ),
    (
        r"spring bank holiday",
        "the spring bank holiday weekend",
        lambda y: _monday_weekend(y, 5, True),
    ),
    (
        r"oktoberfest|octoberfest",
        "Oktoberfest",
        lambda y: _weekday_on_or_after(date(y, 9, 16), 5),
    ),
    (
        r"chinese new year|lunar new year|spring festival|tet",
        "Lunar New Year",
        _holiday("CN", "Spring Festival"),
    ),
    (r"hogmanay", "Hogmanay", lambda y: date(y, 12, 30)),
    (r"new year s eve|nye", "New Year's Eve", lambda y: date(y, 12, 30)),
    (r"new year|new years", "New Year", lambda y: date(y, 12, 30)),
    (r"christmas|xmas", "Christmas", lambda y: date(y, 12, 23)),
    (r"easter", "Easter", lambda y: _easter(y) - timedelta(days=2)),
    (
        r"carnival|carnaval|mardi gras|fasching|karneval",
        "Carnival",
        lambda y: _easter(y) - timedelta(days=50),
    ),
    (
        r"thanksgiving",
        "Thanksgiving",
        lambda y: _weekday_on_or_after(date(y, 11, 22), 3) - timedelta(days=1),
    ),
    (r"diwali|deepavali", "Diwali", _holiday("IN", "Diwali")),
    (r"holi", "Holi", _holiday("IN", "Holi")),
    (r"day of the dead|dia de (?:los )?muertos", "Day of the Dead", lambda y: date(y, 10, 31)),
    (
        r"cherry blossoms?(?: season)?|sakura(?: season)?|hanami",
        "cherry blossom season",
        lambda y: date(y, 3, 27),
    ),
    (r"san fermin|running of the bulls", "San Fermín", lambda y: date(y, 7, 6)),
    (
        r"st patrick s day|saint patrick s day|paddy s day",
        "St Patrick's Day",
        lambda y: date(y, 3, 16),
    ),
    (r"golden week", "Golden Week", lambda y: date(y, 4, 29)),
    (r"songkran", "Songkran", lambda y: date(y, 4, 12)),
    (r"king s day|koningsdag", "King's Day", lambda y: date(y, 4, 26)),
    (r"fourth of july|4th of july|independence day", "the Fourth of July", lambda y: date(y, 7, 3)),
    (r"halloween", "Halloween", lambda y: date(y, 10, 30)),
    (r"valentine s(?: day)?", "Valentine's Day", lambda y: date(y, 2, 13)),
]


# Days from a visit's first day (above) to the event's last day: "the week after
# Christmas" starts the day after that (26 December), clear of the event.
_LAST_DAY = {
    "Memorial Day weekend": 2, "Labor Day weekend": 2, "the early May bank holiday weekend": 2,
    "the spring bank holiday weekend": 2, "Oktoberfest": 15, "Lunar New Year": 2,
    "Hogmanay": 2, "New Year's Eve": 1, "New Year": 2, "Christmas": 2, "Easter": 3,
    "Carnival": 3, "Thanksgiving": 1, "Day of the Dead": 2, "cherry blossom season": 14,
    "San Fermín": 8, "St Patrick's Day": 1, "Golden Week": 6, "Songkran": 3, "King's Day": 1,
    "the Fourth of July": 1, "Halloween": 1, "Valentine's Day": 1,
}  # fmt: skip
_AROUND = r"\b(after|before) (?:the )?"


def around_event(folded: str, today: date, year: int | None = None) -> tuple[str, str, date] | None:
    """ "The week after Christmas", "before Easter": (event, "after" or "before", day):
    the first day after the event, or the event's first day (a trip before it ends the
    day before). None when no event is named so."""
    if not re.search(_AROUND, folded):
        return None
    for pattern, name, first_day in EVENTS:
        match = re.search(rf"{_AROUND}(?:{pattern})\b", folded)
        if not match:
            continue
        for candidate in (year,) if year else (today.year, today.year + 1):
            assert candidate is not None
            visit = first_day(candidate)
            if match[1] == "after":
                day = visit + timedelta(days=_LAST_DAY.get(name, 0) + 1)
            else:
                day = visit + timedelta(days=1 if _LAST_DAY.get(name, 0) else 0)
            if day > today + timedelta(days=1):
                return name, match[1], day
    return None


def without_around_events(folded: str) -> str:
    """``folded`` without "after Christmas" and the like: those events are not the trip's."""
    if not re.search(_AROUND, folded):
        return folded
    for pattern, _, _ in EVENTS:
        folded = re.sub(rf"{_AROUND}(?:{pattern})\b", " ", folded)
    return folded


_ANY_EVENT = re.compile(r"\b(?:" + "|".join(pattern for pattern, _, _ in EVENTS) + r")\b")


def events_named(folded: str, today: date, year: int | None = None) -> list[tuple[str, date]]:
    """Every event named in ``folded``, in table order, with the first day of a visit for
    it after ``today`` (in ``year`` when given); an event with no such day is left out."""
    if not _ANY_EVENT.search(folded):
        return []
    found = []
    for pattern, name, first_day in EVENTS:
        if not re.search(rf"\b(?:{pattern})\b", folded):
            continue
        for candidate in (year,) if year else (today.year, today.year + 1):
            assert candidate is not None
            start = first_day(candidate)
            if start > today:
                found.append((name, start))
                break
        folded = re.sub(rf"\b(?:{pattern})\b", " ", folded)  # "New Year's Eve" is not "New Year"
    return found


def event_start(folded: str, today: date, year: int | None = None) -> tuple[str, date] | None:
    """The first event named in ``folded`` and the first day of a visit for it."""
    found = events_named(folded, today, year)
    return found[0] if found else None


def long_weekend(month: int, countries: list[str], today: date) -> tuple[str, date] | None:
    """ "The long weekend in May": the one the trip's country keeps (the US: Memorial Day;
    elsewhere the UK's early May bank holiday), or Labor Day in September in the US."""
    american = "US" in countries
    if month == 5:
        name = "Memorial Day weekend" if american else "the early May bank holiday weekend"
    elif month == 9 and american:
        name = "Labor Day weekend"
    else:
        return None
    first_day = next(rule for _, event, rule in EVENTS if event == name)
    for year in (today.year, today.year + 1):
        if first_day(year) > today:
            return name, first_day(year)
    return None
