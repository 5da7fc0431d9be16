"""Well-known annual events in our cities (Oktoberfest in Munich, Hogmanay in Edinburgh...):
where a visitor goes and on which dates, from ``data/events_in_cities.json``.

Dates are rules, resolved for any year: ``MM-DD``; ``MM-DD>sat``, that weekday on or after
the date; ``easter+N``/``easter-N``, days from Western Easter Sunday (``dateutil.easter``,
imported only for such an event). Event names follow ``understanding/events.py``. Sources:
``data/ATTRIBUTION.md``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from tripdesigner_kernel.knowledge.places import Place

DATA = Path(__file__).parent / "data" / "events_in_cities.json"
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class CityEvent:
    """One event in one city: the visit to plan (``place``) and its date rules."""

    event: str  # as understanding/events.py names it: "Oktoberfest", "Carnival"
    city: str
    country: str
    place: Place
    first: str
    last: str | None
    days: int
    main: str | None
    evening: bool  # a night event: planned after dinner
    source: str

    def dates(self, year: int) -> tuple[date, date]:
        """The first and last day of the event that starts in ``year``."""
        first = resolve(self.first, year)
        if self.last is None:
            return first, first + timedelta(days=self.days - 1)
        last = resolve(self.last, year)
        return first, last if last >= first else resolve(self.last, year + 1)

    def on(self, day: date) -> bool:
        """True when the event runs on ``day`` (an edition may start the year before)."""
        return any(a <= day <= b for a, b in map(self.dates, (day.year - 1, day.year)))

    def main_day(self, year: int) -> date | None:
        """The day to plan it when the stay covers it (Mardi Gras itself), if there is one."""
        return resolve(self.main, year) if self.main else None


def resolve(rule: str, year: int) -> date:
    """The date of ``rule`` in ``year`` (see the module docstring); ValueError if malformed."""
    if rule.startswith("easter"):
        from dateutil.easter import easter

        return easter(year) + timedelta(days=int(rule[len("easter") :] or 0))
    month_day, _, weekday = rule.partition(">")
    month, day = (int(part) for part in month_day.split("-"))
    found = date(year, month, day)
    if weekday:
        found += timedelta(days=(WEEKDAYS.index(weekday) - found.weekday()) % 7)
    return found


@cache
def all_events() -> tuple[CityEvent, ...]:
    """Every curated city event, in the data file's order."""
    rows = json.loads(DATA.read_text(encoding="utf-8"))["events"]
    return tuple(
        CityEvent(
            event=row["event"],
            city=row["city"],
            country=row["country"],
            place=Place(
                row["name"],
                row["category"],
                tuple(row["tags"]),
                row["lat"],
                row["lon"],
                row["minutes"],
                row["hours"],
                row["price_level"],
                float(row["price"]),
                row["neighbourhood"],
                row["description"],
                country=row["country"],
                after_dark=bool(row.get("evening")),
            ),
            first=row["from"],
            last=row.get("to"),
            days=int(row.get("days", 1)),
            main=row.get("main"),
            evening=bool(row.get("evening")),
            source=row["source"],
        )
        for row in rows
    )


def events_in(city: str, country: str, first: date, last: date) -> list[CityEvent]:
    """The events of ``city`` that run on some day from ``first`` to ``last`` (inclusive)."""
    span = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    return [
        e
        for e in all_events()
        if e.city == city and e.country == country and any(e.on(day) for day in span)
    ]
