"""Dates and lengths: ranges, single days, months, seasons, nights, weeks, weekends."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from tripdesigner_kernel.designers.offline.understanding.date_ranges import (
    MONTH,
    MONTHS,
    future_month,
    monthnumber,
    next_date,
    parse_date_range,
)
from tripdesigner_kernel.designers.offline.understanding.events import (
    event_start,
    events_named,
    long_weekend,
)
from tripdesigner_kernel.designers.offline.understanding.numbers import NUM, number
from tripdesigner_kernel.designers.offline.understanding.request import TripRequest
from tripdesigner_kernel.designers.offline.vocabulary import SEASON_MONTHS
from tripdesigner_kernel.knowledge.text import fold

_PARTS = {
    "early": 1, "beginning of": 1, "start of": 1, "first week of": 1, "first half of": 1,
    "mid": 11, "middle of": 11, "second week of": 8, "third week of": 15,
    "second half of": 16, "late": 21, "fourth week of": 22,
}  # fmt: skip
_PART = (
    r"\b(early|beginning of|start of|first week of|first half of|mid|middle of|second week of|"
    r"third week of|second half of|late|fourth week of|end of|last week of)(?: the month of)? "
)


def _impossible_day(
    month: int, day: int, year: int | None, today: date, request: TripRequest
) -> None:
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


# "In October, 2 adults": a count, not the 2nd.
_NOT_A_DAY_AFTER = (
    r"(?! (?:adults?|people|persons?|ppl|pax|kids?|children|travell?ers?|guests?|of us|days?|"
    r"nights?|weeks?|cities|stops)\b)"
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
    if match[2] == "weekend":
        _relative_weekend("next" in match[0], folded, today, request)
        return True
    weekday = _WEEKDAYS[match[2]]
    ahead = (weekday - today.weekday()) % 7 or 7
    start = today + timedelta(days=ahead)
    if "next" in match[0] and (
        match[2] == "weekend" or start.isocalendar()[1] == today.isocalendar()[1]
    ):
        start += timedelta(days=7)
    request.start_date = start
    until = re.match(rf" (?:to|till|until|through|thru|-) ({names})\b", folded[match.end() :])
    if until:
        request.days = (_WEEKDAYS[until[1]] - weekday) % 7 + 1
    return True


SATURDAY, SUNDAY = 5, 6


def _relative_weekend(next_one: bool, folded: str, today: date, request: TripRequest) -> None:
    """ "This weekend": the coming Saturday and Sunday, today when it is one of them. "Next
    weekend" said early in the week (Monday to Wednesday) is that same coming weekend; from
    Thursday on, the one after. A long weekend starts on the Friday before. The reply says
    which days were taken, and the other reading when there is one."""
    weekday = today.weekday()
    saturday = today + timedelta(days=(SATURDAY - weekday) % 7)
    if weekday == SUNDAY and not next_one:
        request.start_date, request.days = today, 1
        request.notes.append(
            f"This weekend has only today left: a one-day plan for {today:%A %-d %B}; "
            "say *next weekend* for the one after."
        )
        return
    if next_one and weekday in (3, 4, SATURDAY):  # Thursday, Friday, Saturday
        saturday += timedelta(days=7)
    start = saturday
    if re.search(r"\blong weekend\b", folded):
        start = max(today, saturday - timedelta(days=1))
        request.days = (saturday - start).days + 2
    request.start_date = start
    last = saturday + timedelta(days=1)
    note = f"I took {'next' if next_one else 'this'} weekend as {start:%a %-d} to {last:%a %-d %b}"
    if next_one and weekday in (2, 3, 4):  # midweek: either weekend may be meant
        other = saturday + timedelta(days=-7 if weekday > 2 else 7)
        note += f"; for the weekend of {other:%a %-d %b}, say *the weekend of {other:%-d %B}*"
    request.notes.append(note + ".")


# "Two weeks from now", "leaving in 10 days": when, not how long.
_RELATIVE = re.compile(
    rf"\b{NUM} (days?|weeks?|months?)(?: s)? (?:from (?:now|today)|time)\b|"
    rf"\b(?:starting|leaving|departing|going|flying|off) in {NUM} (days?|weeks?|months?)\b"
)


def _relative_date(folded: str, today: date, request: TripRequest) -> bool:
    """ "Tomorrow", "next week" (its Monday), "two weeks from now", "leaving in 10 days"."""
    if re.search(r"\b(?:the )?day after tomorrow\b", folded):
        request.start_date = today + timedelta(days=2)
    elif re.search(r"\b(?:from |starting |leaving |from )?tomorrow\b", folded):
        request.start_date = today + timedelta(days=1)
    elif re.search(r"\b(?:next|the coming) week\b", folded):
        request.start_date = today + timedelta(days=7 - today.weekday())
    else:
        match = _RELATIVE.search(folded)
        if not match:
            return False
        count = number(match[1] or match[3])
        unit = (match[2] or match[4]).rstrip("s")
        days = {"day": 1, "week": 7, "month": 30}[unit] * count
        request.start_date = today + timedelta(days=days)
    return True


def is_day_of_month(folded: str, number: int) -> bool:
    """True when ``number`` is said as a day of a month ("May 10 in Rome"), not a length."""
    return bool(re.search(rf"\b{MONTH}\.? (?:the )?{number}(?:st|nd|rd|th)?\b", folded))


def read_dates(text: str, folded: str, today: date, request: TripRequest) -> None:
    """The first day (and, for a range, the length), or the month; notes for impossible days."""
    if parse_date_range(text, today, request):
        return
    iso = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", text)
    if iso:
        try:
            request.start_date = date(int(iso[1]), int(iso[2]), int(iso[3]))
        except ValueError:
            _impossible_day(int(iso[2]), int(iso[3]), int(iso[1]), today, request)
        return
    month_day = re.search(
        rf"\b{MONTH}\.? (\d{{1,2}})(?:st|nd|rd|th)?(?:,? (\d{{4}}))?\b{_NOT_A_DAY_AFTER}", folded
    )
    day_month = re.search(
        rf"\b(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?{MONTH}(?:,? (\d{{4}}))?\b", folded
    )
    if month_day or day_month:
        if month_day:
            month, day, year = monthnumber(month_day[1]), int(month_day[2]), month_day[3]
        else:
            assert day_month is not None
            month, day, year = monthnumber(day_month[2]), int(day_month[1]), day_month[3]
        request.start_date = next_date(month, day, int(year) if year else None, today)
        if request.start_date is None:
            _impossible_day(month, day, int(year) if year else None, today, request)
        return
    part = re.search(_PART + rf"{MONTH}(?:,? (\d{{4}}))?\b", folded)
    if part:
        month = monthnumber(part[2])
        year_said = int(part[3]) if part[3] else None
        year, month = future_month(month, today, year_said)
        last = calendar.monthrange(year, month)[1]
        day = last - 6 if part[1] in ("end of", "last week of") else _PARTS[part[1]]
        request.start_date, request.year, request.month = date(year, month, day), year, month
        return
    event = event_start(folded, today, _said_year(folded))
    if event:
        name, request.start_date = event
        request.notes.append(f"For {name} I started on {request.start_date:%-d %B %Y}.")
        return
    if _weekday_date(folded, today, request) or _relative_date(folded, today, request):
        return
    if re.search(r"\bnext month\b", folded):
        request.year, request.month = (
            (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
        )
        return
    month_year = re.search(rf"\b{MONTH} (\d{{4}})\b", folded)
    if month_year:
        request.month, request.year = monthnumber(month_year[1]), int(month_year[2])
        return
    for word in re.findall(r"[a-z]+", folded):
        if word in MONTHS:
            request.year, request.month = future_month(MONTHS[word], today, None)
            return
    if re.search(r"\b(in|during|for|to|into|until|till|early|mid|late|this|next) may\b", folded):
        request.year, request.month = future_month(5, today, None)


def read_events(folded: str, request: TripRequest, today: date) -> None:
    """The events named, for the planner to plan a visit: in the year of the trip's date
    when one is said ("20 September 2027 for Oktoberfest")."""
    year = request.start_date.year if request.start_date else request.year or _said_year(folded)
    request.events = events_named(folded, today, year)


def _said_year(folded: str) -> int | None:
    year = re.search(r"\b(20\d\d)\b", folded)
    return int(year[1]) if year else None


# A price per day or night ("$40/day", "90 EUR/night") is no length of trip.
_PRICE_PER_DAY = re.compile(
    r"(?:[$€£¥₹]\s?\d[\d,.]*k?|\d[\d,.]*k?\s?(?:[a-zA-Z]{3}|[$€£¥₹]))\s?"
    r"(?:/\s?|a |per |each )(?:day|night)\b"
)


def read_duration(folded: str, request: TripRequest, text: str = "") -> None:
    """The length: days, nights (+1), weeks, a fortnight, a (long) weekend, a few days."""
    if text and _PRICE_PER_DAY.search(text):
        folded = fold(_PRICE_PER_DAY.sub(" ", text))
    folded = _RELATIVE.sub(" ", folded)
    nights = re.search(rf"\b{NUM} nights?\b", folded)
    days = re.search(rf"\b{NUM}[ -]days?\b", folded)
    weeks = re.search(rf"\b{NUM} weeks?\b", folded)
    if days:
        request.days = number(days[1])
    elif nights:
        request.days = number(nights[1]) + 1
    elif weeks:
        request.days = 7 * number(weeks[1])
    elif re.search(r"\bthe week (?:of|from|starting|beginning)\b", folded):
        request.days = 7
    elif re.search(r"\bfortnight\b", folded):
        request.days = 14
    elif re.search(r"\b(?:long|bank holiday|memorial day|labou?r day|may day) weekend\b", folded):
        request.days, request.weekend = request.days or 3, True  # or what is left of it
    elif re.search(r"\bweekend\b", folded):
        request.days, request.weekend = request.days or 2, True
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
    request.year, request.month = future_month(month, today, None)


WEEKEND_NOTE = "A weekend with no date: I took the one from {:%A %-d %B %Y}."


def read_weekend(folded: str, request: TripRequest, today: date) -> None:
    """A weekend with no day said starts on a Friday, and the reply says which: the long
    weekend of the month named (Memorial Day, the May bank holiday), else the first
    Friday a month or so ahead. The date stays unsaid (None), so it is marked assumed."""
    if not request.weekend or request.start_date is not None:
        return
    if request.month and re.search(r"\blong weekend\b", folded):
        countries = [s.city.country for s in request.stays]
        countries += [c for c in (request.country,) if c]
        countries += [request.origin.country] if request.origin else []
        holiday = long_weekend(request.month, countries, today)
        if holiday:
            name, request.start_date = holiday
            request.days = 3
            request.notes.append(
                f"I took the long weekend as {name}, from {request.start_date:%A %-d %B %Y}."
            )
            return
    start = start_date_for(request, today)
    request.notes.append(WEEKEND_NOTE.format(start))


def start_date_for(request: TripRequest, today: date) -> date:
    """The first day of the trip: the date given, else a sensible day of the month given."""
    if request.start_date:
        return request.start_date
    if request.month:
        year = request.year or future_month(request.month, today, None)[0]
        first = date(year, request.month, 1)
        if request.weekend:  # weekends start on a Friday
            first += timedelta(days=(4 - first.weekday()) % 7)
        return max(first, today + timedelta(days=1))
    # No date given: a month from now, so bookings are still possible; a weekend then
    # starts on the Friday on or after that day.
    start = today + timedelta(days=30)
    if request.weekend:
        start += timedelta(days=(4 - start.weekday()) % 7)
    return start
