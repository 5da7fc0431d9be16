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
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta


def _weekday_on_or_after(day: date, weekday: int) -> date:
    return day + timedelta(days=(weekday - day.weekday()) % 7)


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


_ANY_EVENT = re.compile(r"\b(?:" + "|".join(pattern for pattern, _, _ in EVENTS) + r")\b")


def event_start(folded: str, today: date, year: int | None = None) -> tuple[str, date] | None:
    """The event named in ``folded`` and the first day of a visit for it, after ``today``."""
    if not _ANY_EVENT.search(folded):
        return None
    for pattern, name, first_day in EVENTS:
        if not re.search(rf"\b(?:{pattern})\b", folded):
            continue
        for candidate in (year,) if year else (today.year, today.year + 1):
            assert candidate is not None
            start = first_day(candidate)
            if start > today:
                return name, start
        return None
    return None
