"""Weekly opening hours in a small subset of OpenStreetMap's ``opening_hours``.

Grammar (rules separated by ``;``, a later rule overrides earlier ones for its days)::

    24/7
    Mo-Fr 09:00-17:00; Sa,Su 10:00-18:00; We off
    Mo-Su 11:30-14:30,18:00-22:30
    Th-Sa 21:00-03:00        # past midnight: the end is on the next day

Times are minutes since local midnight of the opening day; an interval may
end after 24:00 (1440).
"""

from __future__ import annotations

import re
from functools import lru_cache

DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
MINUTES_PER_DAY = 24 * 60

Interval = tuple[int, int]
WeeklyHours = tuple[tuple[Interval, ...], ...]  # seven entries, Monday first

_TIME = re.compile(r"^(\d{1,2}):(\d{2})$")


class HoursError(ValueError):
    """An opening-hours string that does not follow the grammar."""


def _parse_time(text: str, source: str) -> int:
    match = _TIME.match(text.strip())
    if not match:
        raise HoursError(f"bad time {text!r} in {source!r}: use HH:MM")
    hours, minutes = int(match.group(1)), int(match.group(2))
    if hours > 24 or minutes > 59 or (hours == 24 and minutes):
        raise HoursError(f"bad time {text!r} in {source!r}")
    return hours * 60 + minutes


def _parse_days(spec: str, source: str) -> list[int]:
    days: list[int] = []
    for part in spec.split(","):
        part = part.strip()
        if "-" in part:
            first, last = (p.strip() for p in part.split("-", 1))
            if first not in DAYS or last not in DAYS:
                raise HoursError(f"bad day range {part!r} in {source!r}")
            start, end = DAYS.index(first), DAYS.index(last)
            span = (end - start) % 7
            days.extend((start + offset) % 7 for offset in range(span + 1))
        elif part in DAYS:
            days.append(DAYS.index(part))
        else:
            raise HoursError(f"bad day {part!r} in {source!r}: use Mo Tu We Th Fr Sa Su")
    return days


def _parse_intervals(spec: str, source: str) -> tuple[Interval, ...]:
    if spec.strip() == "off":
        return ()
    intervals = []
    for part in spec.split(","):
        if "-" not in part:
            raise HoursError(f"bad interval {part!r} in {source!r}: use HH:MM-HH:MM")
        opens_text, closes_text = part.split("-", 1)
        opens = _parse_time(opens_text, source)
        closes = _parse_time(closes_text, source)
        if closes <= opens:
            closes += MINUTES_PER_DAY  # open past midnight
        intervals.append((opens, closes))
    return tuple(sorted(intervals))


@lru_cache(maxsize=4096)
def parse_hours(text: str) -> WeeklyHours:
    """Parse an opening-hours string into seven tuples of (open, close) minutes."""
    text = text.strip()
    if text == "24/7":
        return tuple(((0, MINUTES_PER_DAY),) for _ in DAYS)
    week: list[tuple[Interval, ...]] = [() for _ in DAYS]
    if not text:
        raise HoursError("empty opening hours")
    for rule in text.split(";"):
        rule = rule.strip()
        if not rule:
            continue
        days_spec, _, times_spec = rule.partition(" ")
        if not times_spec:
            raise HoursError(f"rule {rule!r} needs days and times, e.g. 'Mo-Fr 09:00-17:00'")
        intervals = _parse_intervals(times_spec, text)
        for day in _parse_days(days_spec, text):
            week[day] = intervals
    return tuple(week)


def open_intervals(text: str, weekday: int) -> tuple[Interval, ...]:
    """Intervals (minutes from midnight) in which a place is open on ``weekday`` (Monday=0).

    Includes the tail of the previous day's past-midnight interval, as ``(0, end)``.
    """
    week = parse_hours(text)
    today = list(week[weekday])
    for _opens, closes in week[(weekday - 1) % 7]:
        if closes > MINUTES_PER_DAY:
            today.append((0, closes - MINUTES_PER_DAY))
    return tuple(sorted(today))
