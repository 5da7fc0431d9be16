"""Dates and lengths: ranges, single days, months, seasons, nights, weeks, weekends."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from tripdesigner_kernel.designers.offline.understanding.events import event_start
from tripdesigner_kernel.designers.offline.understanding.numbers import NUM, number
from tripdesigner_kernel.designers.offline.understanding.request import TripRequest
from tripdesigner_kernel.designers.offline.vocabulary import SEASON_MONTHS
from tripdesigner_kernel.knowledge.text import fold

MONTHS = {fold(name): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({fold(name): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS.pop("may", None)  # "may" is also a verb: only matched with a day or year
_MONTH = (
    r"(january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)"
)


def _future_month(month: int, today: date, year: int | None) -> tuple[int, int]:
    if year is not None:
        return year, month
    return (today.year, month) if month > today.month else (today.year + 1, month)


def _next_date(month: int, day: int, year: int | None, today: date) -> date | None:
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
        re.compile(rf"\b{_MONTH}\.? {_DAY}{_YEAR}{_TO}(?:{_MONTH}\.? )?{_DAY}\b{_YEAR}"),
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
        re.compile(rf"\b{_DAY}(?: (?:of )?{_MONTH})?{_TO}{_DAY} (?:of )?{_MONTH}\b{_YEAR}"),
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


def _parse_date_range(text: str, today: date, request: TripRequest) -> bool:
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
            first = (_monthnumber(g[0]), int(g[1]))
            last = (_monthnumber(g[3]) if g[3] else first[0], int(g[4]))
            year, end_year = int(g[2] or g[5] or 0), None
        elif kind == "numeric":
            day_first = _day_first(g, request)
            a, b, c, d = (int(x) for x in (g[0], g[1], g[3], g[4]))
            first, last = ((b, a), (d, c)) if day_first else ((a, b), (c, d))
            year, end_year = _full_year(g[2] or g[5]), None
        else:
            last = (_monthnumber(g[3]), int(g[2]))
            first = (_monthnumber(g[1]) if g[1] else last[0], int(g[0]))
            year, end_year = int(g[4] or 0), None
        if not all(1 <= m <= 12 for m, _ in (first, last)):
            return False
        start = _next_date(*first, year or None, today)
        end = _next_date(*last, end_year, start - timedelta(days=1)) if start else None
        if start is None or end is None or end < start:
            return False  # not a range of real days; the rest of the message still counts
        request.start_date = start
        request.days = (end - start).days + 1
        return True
    return False


_PARTS = {
    "early": 1, "beginning of": 1, "start of": 1, "first week of": 1, "first half of": 1,
    "mid": 11, "middle of": 11, "second week of": 8, "third week of": 15,
    "second half of": 16, "late": 21, "fourth week of": 22,
}  # fmt: skip
_PART = (
    r"\b(early|beginning of|start of|first week of|first half of|mid|middle of|second week of|"
    r"third week of|second half of|late|fourth week of|end of|last week of)(?: the month of)? "
)


def _impossible_day(month: int, day: int, year: int | None, today: date, request: TripRequest):
    """ "Starting February 29" in a common year: start on the next real day, and say so."""
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return
    start_year = year or (today.year if (month, day) > (today.month, today.day) else today.year + 1)
    first_of_next = date(start_year + (month == 12), month % 12 + 1, 1)
    request.start_date = first_of_next
    request.notes.append(
        f"There is no {day} {calendar.month_name[month]} in {start_year}; "
        f"I started on {first_of_next.day} {calendar.month_name[first_of_next.month]}."
    )


_WEEKDAYS = {fold(name): i for i, name in enumerate(calendar.day_name)}


def _weekday_date(folded: str, today: date, request: TripRequest) -> bool:
    """ "Next Friday", "leaving Thursday", "this weekend": the day. True when found."""
    names = "|".join(_WEEKDAYS)
    match = re.search(
        rf"\b(this|next|on|coming|leaving|starting|from|arriving|depart\w*|fly\w*)"
        rf"(?: this| next| coming)? ({names}|weekend)\b",
        folded,
    )
    if not match:
        return False
    weekday = 4 if match[2] == "weekend" else _WEEKDAYS[match[2]]
    ahead = (weekday - today.weekday()) % 7 or 7
    start = today + timedelta(days=ahead)
    if "next" in match[0] and (
        match[2] == "weekend" or start.isocalendar()[1] == today.isocalendar()[1]
    ):
        start += timedelta(days=7)
    request.start_date = start
    return True


def read_dates(text: str, folded: str, today: date, request: TripRequest) -> None:
    """The first day (and, for a range, the length), or the month; notes for impossible days."""
    if _parse_date_range(text, today, request):
        return
    iso = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", text)
    if iso:
        try:
            request.start_date = date(int(iso[1]), int(iso[2]), int(iso[3]))
        except ValueError:
            _impossible_day(int(iso[2]), int(iso[3]), int(iso[1]), today, request)
        return
    month_day = re.search(rf"\b{_MONTH}\.? (\d{{1,2}})(?:st|nd|rd|th)?(?:,? (\d{{4}}))?\b", folded)
    day_month = re.search(
        rf"\b(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?{_MONTH}(?:,? (\d{{4}}))?\b", folded
    )
    if month_day or day_month:
        if month_day:
            month, day, year = _monthnumber(month_day[1]), int(month_day[2]), month_day[3]
        else:
            assert day_month is not None
            month, day, year = _monthnumber(day_month[2]), int(day_month[1]), day_month[3]
        request.start_date = _next_date(month, day, int(year) if year else None, today)
        if request.start_date is None:
            _impossible_day(month, day, int(year) if year else None, today, request)
        return
    part = re.search(_PART + rf"{_MONTH}(?:,? (\d{{4}}))?\b", folded)
    if part:
        month = _monthnumber(part[2])
        year_said = int(part[3]) if part[3] else None
        year, month = _future_month(month, today, year_said)
        last = calendar.monthrange(year, month)[1]
        day = last - 6 if part[1] in ("end of", "last week of") else _PARTS[part[1]]
        request.start_date, request.year, request.month = date(year, month, day), year, month
        return
    event = event_start(folded, today, _said_year(folded))
    if event:
        name, request.start_date = event
        request.notes.append(f"For {name} I started on {request.start_date:%-d %B %Y}.")
        return
    if _weekday_date(folded, today, request):
        return
    if re.search(r"\bnext month\b", folded):
        request.year, request.month = (
            (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
        )
        return
    month_year = re.search(rf"\b{_MONTH} (\d{{4}})\b", folded)
    if month_year:
        request.month, request.year = _monthnumber(month_year[1]), int(month_year[2])
        return
    for word in re.findall(r"[a-z]+", folded):
        if word in MONTHS:
            request.year, request.month = _future_month(MONTHS[word], today, None)
            return
    if re.search(r"\b(in|during|for|to|into|until|till|early|mid|late|this|next) may\b", folded):
        request.year, request.month = _future_month(5, today, None)


def _said_year(folded: str) -> int | None:
    year = re.search(r"\b(20\d\d)\b", folded)
    return int(year[1]) if year else None


def _monthnumber(word: str) -> int:
    return 5 if word == "may" else MONTHS[word]


# A price per day or night ("$40/day", "90 EUR/night") is no length of trip.
_PRICE_PER_DAY = re.compile(
    r"(?:[$€£¥₹]\s?\d[\d,.]*k?|\d[\d,.]*k?\s?(?:[a-zA-Z]{3}|[$€£¥₹]))\s?/\s?(?:day|night)"
)


def read_duration(folded: str, request: TripRequest, text: str = "") -> None:
    """The length: days, nights (+1), weeks, a fortnight, a (long) weekend, a few days."""
    if "/" in text:
        folded = fold(_PRICE_PER_DAY.sub(" ", text))
    nights = re.search(rf"\b{NUM} nights?\b", folded)
    days = re.search(rf"\b{NUM}[ -]days?\b", folded)
    weeks = re.search(rf"\b{NUM} weeks?\b", folded)
    if days:
        request.days = number(days[1])
    elif nights:
        request.days = number(nights[1]) + 1
    elif weeks:
        request.days = 7 * number(weeks[1])
    elif re.search(r"\bfortnight\b", folded):
        request.days = 14
    elif re.search(r"\blong weekend\b", folded):
        request.days, request.weekend = 3, True
    elif re.search(r"\bweekend\b", folded):
        request.days, request.weekend = 2, True
    elif re.search(r"\b(a|one) day\b", folded):
        request.days = 1
    elif re.search(r"\b(?:a few|few|some|several|a couple) days\b", folded):
        request.days = 4 if "several" in folded else 3
        request.notes.append(f"I took that as {request.days} days.")
    if re.search(r"\bweekend\b", folded):
        request.weekend = True


def read_season(folded: str, request: TripRequest, today: date) -> None:
    """ "In spring": the season's middle month, where the trip goes (south of the equator
    the seasons turn round)."""
    match = re.search(
        r"\b(?:in|this|next|during|over|for)(?: the)? (spring|summer|autumn|fall|winter)\b",
        folded,
    )
    if not match:
        return
    month = SEASON_MONTHS[match[1]]
    if request.stays and request.stays[0].city.lat < 0:
        month = (month + 5) % 12 + 1
    request.year, request.month = _future_month(month, today, None)


def start_date_for(request: TripRequest, today: date) -> date:
    """The first day of the trip: the date given, else a sensible day of the month given."""
    if request.start_date:
        return request.start_date
    if request.month:
        year = request.year or _future_month(request.month, today, None)[0]
        first = date(year, request.month, 1)
        if request.weekend:  # weekends start on a Friday
            first += timedelta(days=(4 - first.weekday()) % 7)
        return max(first, today + timedelta(days=1))
    # No date given: a month from now, so bookings are still possible.
    return today + timedelta(days=30)
