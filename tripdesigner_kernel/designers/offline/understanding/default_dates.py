"""When a trip starts if the person did not say: some weeks ahead, on days with no public
holiday where the trip goes, and never over Christmas and New Year, when much is closed.

Public holidays come from the ``holidays`` package (national ones, for the countries it
knows; imported only when a default is needed). A month said alone starts early in that
month on such a day; a weekend on its Saturday, a long weekend on its Friday.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from functools import cache

WEEKS_AHEAD = 4  # far enough to book, near enough to be the trip meant
SEARCH_DAYS = 70  # how far past the first candidate a quieter start is looked for
EARLY_IN_MONTH = 14  # a month said alone starts within its first two weeks
SATURDAY, FRIDAY = 5, 4


@cache
def _holidays(country: str, year: int) -> frozenset[date]:
    try:
        import holidays
    except ImportError:  # an optional nicety: without it, only the year's end is avoided
        return frozenset()
    try:
        return frozenset(holidays.country_holidays(country, years=year))
    except NotImplementedError:  # a country the package does not know
        return frozenset()


def _year_end(day: date) -> bool:
    """24 December to 2 January: closures everywhere, whatever the calendar says."""
    return (day.month, day.day) >= (12, 24) or (day.month, day.day) <= (1, 2)


def quiet(day: date, countries: Iterable[str]) -> bool:
    """Whether ``day`` is an ordinary day in every country: no public holiday there, and
    not in the days around the year's end."""
    return not _year_end(day) and all(day not in _holidays(c, day.year) for c in countries)


def _first_quiet(
    first: date, countries: list[str], days: int, step: int, last: date
) -> date | None:
    """The first start from ``first`` (every ``step`` days, up to ``last``) whose whole
    span of ``days`` is quiet."""
    start = first
    while start <= last:
        if all(quiet(start + timedelta(days=i), countries) for i in range(days)):
            return start
        start += timedelta(days=step)
    return None


def _weekday_on_or_after(day: date, weekday: int) -> date:
    return day + timedelta(days=(weekday - day.weekday()) % 7)


def default_start(
    today: date,
    countries: Iterable[str],
    days: int,
    *,
    month: tuple[int, int] | None = None,
    weekend: str | None = None,
) -> date:
    """The first day of a trip of ``days`` days to ``countries`` (ISO 3166-1) when no day
    was said.

    ``month``: (year, month) said alone: early in it. ``weekend``: "weekend" (starts on a
    Saturday) or "long" (on a Friday). Else about four weeks after ``today``. Each is the
    first such day whose span has no public holiday and misses the year's end; when none
    is near, the first candidate that does not itself fall on a holiday.
    """
    places = sorted(set(countries))
    days = max(1, days)
    if month is not None:
        first = max(date(month[0], month[1], 1), today + timedelta(days=1))
        last = first + timedelta(days=EARLY_IN_MONTH - 1)
    else:
        first = today + timedelta(weeks=WEEKS_AHEAD)
        last = first + timedelta(days=SEARCH_DAYS)
    step = 1
    if weekend:
        first = _weekday_on_or_after(first, FRIDAY if weekend == "long" else SATURDAY)
        step = 7
        if month is not None:
            last = max(last, first)
    found = _first_quiet(first, places, days, step, last)
    if found is not None:
        return found
    fallback = first
    while not quiet(fallback, places) and fallback < last:
        fallback += timedelta(days=step)
    return fallback if quiet(fallback, places) else first
