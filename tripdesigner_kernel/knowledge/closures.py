"""Holiday closures: which kinds of place close on which days, by country.

The table is data (``data/holiday_closures.json``: categories to day keys, a country's entry
replacing the default); the days come from the ``holidays`` package's public calendars.
"""

from __future__ import annotations

import json
from datetime import date
from functools import cache, lru_cache
from importlib import resources
from typing import Any

LUNAR_NEW_YEAR_NAMES = ("Lunar New Year", "Chinese New Year (Spring Festival)", "Korean New Year")
LUNAR_NEW_YEAR_DAYS = 3  # the days most businesses stay shut


@cache
def _table() -> dict[str, Any]:
    path = resources.files("tripdesigner_kernel.knowledge") / "data" / "holiday_closures.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@lru_cache(maxsize=512)
def _calendar(country: str, year: int) -> dict[date, str]:
    import holidays

    try:
        return dict(holidays.country_holidays(country, years=year).items())
    except NotImplementedError:  # a country the package has no calendar for
        return {}


def _lunar_new_year(country: str, year: int) -> date | None:
    for calendar in (_calendar(country, year), _calendar("CN", year)):
        for day, name in sorted(calendar.items()):
            if name in LUNAR_NEW_YEAR_NAMES:
                return day
    return None


def _key_names(key: str, country: str, day: date) -> str | None:
    """The name of the holiday ``key`` stands for when it falls on ``day``, else None."""
    from dateutil.easter import EASTER_ORTHODOX, EASTER_WESTERN, easter

    calendar = _calendar(country, day.year)
    if len(key) == 5 and key[2] == "-":
        if day.strftime("%m-%d") == key:
            return calendar.get(day) or f"{day:%d %B}"
        return None
    if key in ("easter", "orthodox_easter"):
        method = EASTER_ORTHODOX if key == "orthodox_easter" else EASTER_WESTERN
        return "Easter Sunday" if easter(day.year, method) == day else None
    if key == "lunar_new_year":
        first = _lunar_new_year(country, day.year)
        if first is not None and 0 <= (day - first).days < LUNAR_NEW_YEAR_DAYS:
            return "Lunar New Year"
        return None
    if key.startswith("holiday:"):
        name = calendar.get(day, "")
        return name if key[8:].lower() in name.lower() else None
    if key == "public_holiday":
        return calendar.get(day)
    raise ValueError(f"unknown closure key {key!r} in holiday_closures.json")


def closure_keys(category: str, country: str) -> tuple[str, ...]:
    """The day keys on which places of ``category`` close in ``country``."""
    table = _table()
    keys = table["countries"].get(country, {}).get(category)
    if keys is None:
        keys = table["default"].get(category, [])
    return tuple(keys)


@lru_cache(maxsize=16384)
def closed_for(category: str, country: str, day: date) -> str | None:
    """The holiday that closes places of ``category`` in ``country`` on ``day``, or None.

    Parameters
    ----------
    category : str
        A taxonomy category (``museum``, ``market``...).
    country : str
        ISO 3166-1 alpha-2 code; an empty string means unknown (nothing closes).
    """
    if not country:
        return None
    for key in closure_keys(category, country):
        name = _key_names(key, country, day)
        if name:
            return name
    return None


def validate_table() -> list[str]:
    """Problems in the closure table (unknown keys), for scripts/check_places.py."""
    problems = []
    table = _table()
    entries = [("default", table["default"]), *table["countries"].items()]
    for where, categories in entries:
        for category, keys in categories.items():
            for key in keys:
                try:
                    _key_names(key, "FR" if where == "default" else where, date(2027, 1, 1))
                except ValueError as error:
                    problems.append(f"{where}/{category}: {error}")
    return problems
