"""Dates as people type them in a chat, read when no written-out date was found:
numeric dates ("leaving 1/15", "from 15.01."), a day of the month alone ("3 nights from
the 16th"), weekday spans ("fri-sun next weekend") and school half terms ("over half
term", England's: they vary a little by council, so the reply says which week was taken).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from tripdesigner_kernel.designers.offline.understanding.date_ranges import next_date
from tripdesigner_kernel.designers.offline.understanding.request import TripRequest

_CUE = r"(?:leaving|leave|from|on|starting|start|arriving|arrive|depart\w*|fly\w*|between)"
# "1/15", "15/1", "15.01.", "1/15/27", "15.01.2027": month and day in either order.
_NUMERIC = re.compile(
    rf"\b{_CUE}\s+(?:the\s+)?(\d{{1,2}})[/.](\d{{1,2}})(?:[/.](\d{{4}}|\d{{2}})\b|\.|\b)"
    r"(?:\s*(?:-|to|until|till)\s*(\d{1,2})[/.](\d{1,2})\b)?",
    re.IGNORECASE,
)
# "from the 16th", "on the 3rd", "the 3rd to the 7th" (of the month said, else the next).
_DAY_OF_MONTH = re.compile(
    r"\b(?:from|on|starting|start|arriving|arrive|leaving)\s+the\s+(\d{1,2})(?:st|nd|rd|th)\b"
    r"(?:\s*(?:-|to|until|till|through)\s*(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\b)?",
    re.IGNORECASE,
)
_WEEKDAYS = {
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4,
    "sat": 5, "sun": 6, "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
    "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
_DAY_NAME = "|".join(sorted(_WEEKDAYS, key=len, reverse=True))
_WEEKDAY_SPAN = re.compile(
    rf"\b({_DAY_NAME})(?:\s*(?:-|–|to|till|until|through|thru)\s*|\s+)({_DAY_NAME})\b"
)
_HALF_TERM = re.compile(r"\b(?:(feb\w*|may|oct\w*) )?half[ -]?term\b")
# England's half terms: the week of the third Monday of February, of the last Monday of
# May (the spring bank holiday) and of the last Monday of October.
_HALF_TERM_WEEKS = {"feb": (2, 3), "may": (5, -1), "oct": (10, -1)}


def read_date_words(text: str, folded: str, today: date, request: TripRequest) -> None:
    """The start (and length, for a span) from chat-style dates; nothing when the
    request already has a start date."""
    if request.start_date is None and (
        _numeric(text, today, request)
        or _day_of_month(text, today, request)
        or _half_term(folded, today, request)
    ):
        return
    _weekday_span(folded, today, request)


def _numeric(text: str, today: date, request: TripRequest) -> bool:
    found = _NUMERIC.search(text)
    if not found:
        return False
    first, second = int(found[1]), int(found[2])
    # Month first only when the day cannot be first, or dollars say an American wrote it.
    american = bool(re.search(r"\$|\busd\b|\bdollars?\b", text, re.IGNORECASE))
    month_first = second > 12 or (first <= 12 and american)
    month, day = (first, second) if month_first else (second, first)
    if month > 12 or day > 31:
        return False
    year = int(found[3]) if found[3] else None
    if year is not None and year < 100:
        year += 2000
    start = next_date(month, day, year, today)
    if start is None:
        return False
    request.start_date = start
    if found[4] and found[5]:
        end_first, end_second = int(found[4]), int(found[5])
        end_month, end_day = (end_first, end_second) if month_first else (end_second, end_first)
        end = next_date(end_month, end_day, start.year, start - timedelta(days=1))
        if end is not None and end > start:
            request.days = (end - start).days + 1
    if first <= 12 and second <= 12:
        request.notes.append(f"I read {found[1]}/{found[2]} as {start:%-d %B %Y}.")
    return True


# A trip's length said with it: "3 nights from the 16th" plans a trip; "start on the 12th
# instead" alone moves one already planned (a follow-up, read against the trip's dates).
_LENGTH_SAID = re.compile(
    r"\b(?:\d{1,2}|a|one|two|three|four|five|six|seven) (?:nights?|days?)\b"
    r"|\b(?:a|one) week\b|\bweekend\b",
    re.IGNORECASE,
)


def _day_of_month(text: str, today: date, request: TripRequest) -> bool:
    found = _DAY_OF_MONTH.search(text)
    if not found or not (request.month or _LENGTH_SAID.search(text)):
        return False
    day = int(found[1])
    if request.month:  # "in December ... from the 16th"
        year = request.year or (today.year if request.month >= today.month else today.year + 1)
        start = next_date(request.month, day, year, today) or next_date(
            request.month, day, None, today
        )
    else:  # the next 16th: this month's when still ahead, else next month's
        month_start = today.replace(day=1)
        start = None
        for ahead in range(3):
            year = month_start.year + (month_start.month - 1 + ahead) // 12
            month = (month_start.month - 1 + ahead) % 12 + 1
            if day <= calendar.monthrange(year, month)[1] and date(year, month, day) > today:
                start = date(year, month, day)
                break
    if start is None:
        return False
    request.start_date = start
    if found[2] and int(found[2]) > day:
        request.days = int(found[2]) - day + 1
    return True


def _half_term(folded: str, today: date, request: TripRequest) -> bool:
    found = _HALF_TERM.search(folded)
    if not found:
        return False
    which = (found[1] or "")[:3]
    starts = []
    for year in (today.year, today.year + 1):
        for key, (month, nth) in _HALF_TERM_WEEKS.items():
            if which and key != which:
                continue
            mondays = [week[0] for week in calendar.monthcalendar(year, month) if week[0] != 0]
            monday = date(year, month, mondays[nth - 1] if nth > 0 else mondays[nth])
            if monday > today:
                starts.append(monday)
    if not starts:
        return False
    monday = min(starts)
    request.start_date = monday
    request.notes.append(
        f"I took half term as the week of Mon {monday:%-d %B %Y} (England's; it varies a "
        "little by school: say the dates if yours differ)."
    )
    return True


def _weekday_span(folded: str, today: date, request: TripRequest) -> bool:
    """ "Fri-sun", "thursday to monday": those days, of the weekend already read ("fri-sun
    next weekend") or else the coming ones."""
    found = _WEEKDAY_SPAN.search(folded)
    if not found:
        return False
    first, last = _WEEKDAYS[found[1]], _WEEKDAYS[found[2]]
    days = (last - first) % 7 + 1
    if request.start_date is not None:
        if request.start_date.weekday() != calendar.SATURDAY or first not in (
            calendar.THURSDAY,
            calendar.FRIDAY,
            calendar.SATURDAY,
        ):
            return False  # a date was said: the span only names its weekdays
        start = request.start_date - timedelta(days=calendar.SATURDAY - first)
        request.notes[:] = [n for n in request.notes if not n.startswith("I took ")]
    elif request.month:  # "thu-mon in march": the first of those in the month
        year = request.year or (today.year if request.month > today.month else today.year + 1)
        first_of_month = date(year, request.month, 1)
        start = first_of_month + timedelta(days=(first - first_of_month.weekday()) % 7)
    else:
        start = today + timedelta(days=(first - today.weekday()) % 7 or 7)
    request.start_date, request.days = start, days
    end = start + timedelta(days=days - 1)
    request.notes.append(f"I took {start:%A} to {end:%A} as {start:%a %-d} to {end:%a %-d %b}.")
    return True
