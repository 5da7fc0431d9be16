"""Calendar words and date ranges: months by name, "the next such day", ranges in any format.

"From Dec 27 to Jan 2", "13-15 March", "between the 3rd and 9th of May", ISO and numeric
("12/03 to 15/03"): the first day and the number of days.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from tripdesigner_kernel.designers.offline.understanding.request import TripRequest
from tripdesigner_kernel.knowledge.text import fold

MONTHS = {fold(name): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({fold(name): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS.pop("may", None)  # "may" is also a verb: only matched with a day or year
MONTH = (
    r"(january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)"
)


def future_month(month: int, today: date, year: int | None) -> tuple[int, int]:
    if year is not None:
        return year, month
    return (today.year, month) if month > today.month else (today.year + 1, month)


def next_date(month: int, day: int, year: int | None, today: date) -> date | None:
    """That day in ``year``, or without a year the next one after ``today``; None if no such day."""
    try:
        found = date(year or today.year, month, day)
        return found.replace(year=today.year + 1) if not year and found <= today else found
    except ValueError:  # "February 30", or February 29 of a common year
        return None


_TO = r"\s*(?:to|until|till|through|thru|and|-)\s*(?:the )?"
_DAY = r"(?:the )?(\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?:,? (\d{4}))?"
# (pattern, kind): the kind says which groups hold the first and last day and the year.
_RANGES = [
    (  # 2027-03-03 to 2027-03-09
        re.compile(r"\b(\d{4})-(\d{2})-(\d{2})" + _TO + r"(\d{4})-(\d{2})-(\d{2})\b"),
        "iso",
    ),
    (  # march 3 to march 9, dec 27 - jan 2, may 10-15, 2027
        re.compile(rf"\b{MONTH}\.? {_DAY}{_YEAR}{_TO}(?:{MONTH}\.? )?{_DAY}\b{_YEAR}"),
        "month_day",
    ),
    (  # 12/03 to 15/03, 03/12/2027 - 03/15/2027 (day or month first: see _day_first)
        re.compile(
            r"\b(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?"
            + _TO
            + r"(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?\b"
        ),
        "numeric",
    ),
    (  # 27 december to 2 january, 3 to 9 march, 3-9 march 2027
        re.compile(rf"\b{_DAY}(?: (?:of )?{MONTH})?{_TO}{_DAY} (?:of )?{MONTH}\b{_YEAR}"),
        "day_month",
    ),
]


def _full_year(text: str | None) -> int:
    if not text:
        return 0
    return int(text) + 2000 if len(text) == 2 else int(text)


def _day_first(groups: tuple[str | None, ...], request: TripRequest) -> bool:
    """ "12/03 to 15/03": day first when a first number passes 12, month first when a second
    one does; else day first (most of the world), and the reply says how it was read."""
    firsts, seconds = (
        (int(groups[0] or 0), int(groups[3] or 0)),
        (
            int(groups[1] or 0),
            int(groups[4] or 0),
        ),
    )
    if any(n > 12 for n in firsts):
        return True
    if any(n > 12 for n in seconds):
        return False
    day, month = firsts[0], seconds[0]
    request.notes.append(f"I read {groups[0]}/{groups[1]} as {day} {calendar.month_name[month]}.")
    return True


def parse_date_range(text: str, today: date, request: TripRequest) -> bool:
    """ "From Dec 27 to Jan 2": the first day and the number of days. True when found."""
    low = re.sub(r"[\u2013\u2014]", "-", text.lower())
    for pattern, kind in _RANGES:
        match = pattern.search(low)
        if not match:
            continue
        g = match.groups()
        if kind == "iso":
            first, last, year = (int(g[1]), int(g[2])), (int(g[4]), int(g[5])), int(g[0])
            end_year: int | None = int(g[3])
        elif kind == "month_day":
            first = (monthnumber(g[0]), int(g[1]))
            last = (monthnumber(g[3]) if g[3] else first[0], int(g[4]))
            year, end_year = int(g[2] or g[5] or 0), None
        elif kind == "numeric":
            day_first = _day_first(g, request)
            a, b, c, d = (int(x) for x in (g[0], g[1], g[3], g[4]))
            first, last = ((b, a), (d, c)) if day_first else ((a, b), (c, d))
            year, end_year = _full_year(g[2] or g[5]), None
        else:
            last = (monthnumber(g[3]), int(g[2]))
            first = (monthnumber(g[1]) if g[1] else last[0], int(g[0]))
            year, end_year = int(g[4] or 0), None
        if not all(1 <= m <= 12 for m, _ in (first, last)):
            return False
        start = next_date(*first, year or None, today)
        end = next_date(*last, end_year, start - timedelta(days=1)) if start else None
        if start is None or end is None or end < start:
            return False  # not a range of real days; the rest of the message still counts
        request.start_date = start
        request.days = (end - start).days + 1
        return True
    return False


def monthnumber(word: str) -> int:
    return 5 if word == "may" else MONTHS[word]
