"""Opening hours in OpenStreetMap's ``opening_hours`` grammar, evaluated for a date.

Parsed and evaluated by opening-hours-py (a maintained parser of the full grammar), so the
data can say what OpenStreetMap says::

    24/7
    Mo-Fr 09:00-17:00; Sa,Su 10:00-18:00; We off
    Mo-Su 11:30-14:30,18:00-22:30
    Th-Sa 21:00-03:00                      # past midnight: the end is on the next day
    Mo-Su 08:30-19:15; Nov-Feb 08:30-16:30  # a later rule wins for its months
    Tu-Su 10:00-18:00; Dec 25 off

Public holidays (``PH``) are not used here: which places close on which holiday is our
closure table (knowledge/closures.py), read with the ``holidays`` calendars.
Times are minutes since local midnight of the date; an interval may end after 24:00.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import Any

MINUTES_PER_DAY = 24 * 60
NEXT_MORNING = 6 * 60  # an interval open at midnight may run on until this, next day

Interval = tuple[int, int]


class HoursError(ValueError):
    """An opening-hours string that does not follow the grammar."""


@lru_cache(maxsize=8192)
def _parsed(text: str) -> Any:
    import opening_hours

    # ParserError is raised by the library but missing from its type stubs.
    parser_error: type[Exception] = getattr(opening_hours, "ParserError", SyntaxError)

    if not text.strip():
        raise HoursError("empty opening hours")
    if "PH" in text or "SH" in text:
        raise HoursError(f"{text!r}: holiday closures come from the closure table, not PH/SH rules")
    try:
        return opening_hours.OpeningHours(text)
    except (parser_error, SyntaxError) as error:
        where = str(error).split("\n")[0]
        raise HoursError(
            f"bad opening hours {text!r} ({where}): see OpenStreetMap's opening_hours"
        ) from None


def validate_hours(text: str) -> None:
    """Raise ``HoursError`` with a readable message unless ``text`` parses."""
    _parsed(text)


def _minutes(moment: datetime, day: date) -> int:
    return (moment.date() - day).days * MINUTES_PER_DAY + moment.hour * 60 + moment.minute


@lru_cache(maxsize=65536)
def open_intervals(text: str, day: date) -> tuple[Interval, ...]:
    """Intervals (minutes from midnight of ``day``) in which a place is open that date.

    Includes the tail of the previous evening's opening as ``(0, end)``; an interval still
    open at midnight runs on to its end the next morning (at most 06:00).

    Raises
    ------
    HoursError
        When ``text`` does not parse.
    """
    hours = _parsed(text)
    start = datetime.combine(day, time(0, 0))
    end = start + timedelta(minutes=MINUTES_PER_DAY + NEXT_MORNING)
    found: list[Interval] = []
    for opens, closes, state, _comment in hours.intervals(start, end):
        if str(state).rsplit(".", 1)[-1].lower() != "open":
            continue
        first = _minutes(opens, day)
        if first >= MINUTES_PER_DAY:
            continue  # tomorrow's opening
        last = _minutes(closes, day) if closes is not None else MINUTES_PER_DAY + NEXT_MORNING
        if found and found[-1][1] == first:  # split at midnight by the evaluator
            found[-1] = (found[-1][0], last)
        else:
            found.append((first, last))
    return tuple(found)
