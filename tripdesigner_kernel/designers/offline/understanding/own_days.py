"""Days of the person's own around the trip: "conference 8-10 December, add 2 days of
sightseeing after" plans the 2 days after the conference, and the conference days are
left to the person; "Rome 8-10 May plus 2 days after" makes the trip 2 days longer."""

from __future__ import annotations

import re
from datetime import date, timedelta

from tripdesigner_kernel.designers.offline.understanding.numbers import NUM, number
from tripdesigner_kernel.designers.offline.understanding.request import TripRequest

# What the person is there for already, on the dates said.
_ENGAGEMENT = re.compile(
    r"\b(conference|congress|summit|meetings?|work trip|business trip|work|business|"
    r"wedding|trade (?:fair|show)|expo|convention|course|training|seminar|workshop|exam|"
    r"interview|hackathon|offsite|off site)\b"
)
# "add 2 days of sightseeing after", "3 days after to explore", "plus 2 days before"
_EXTRA = re.compile(
    r"\b(?:(add|plus|adding|extend(?: it)? by|stay(?:ing)? on(?: for)?|and|then|with) )?"
    rf"{NUM} (?:extra |more |additional |free |spare )?days?"
    r"(?: of [a-z ]{1,30}?| to (?:explore|look around|sightsee|see the city|relax))?"
    r"(?: extra)?(?: (after(?:wards)?|before(?:hand)?|at the end|at the start|later|"
    r"earlier|on top|extra))?\b"
)


def _span(start: date, days: int) -> str:
    end = start + timedelta(days=days - 1)
    if start == end:
        return f"{start:%-d %B}"
    if start.month == end.month:
        return f"{start.day}-{end:%-d %B}"
    return f"{start:%-d %B} - {end:%-d %B}"


def read_own_days(
    folded: str, request: TripRequest, said_start: date | None, said_days: int | None
) -> None:
    """Days added before or after the dates said (``said_start``, ``said_days`` as the dates
    recogniser read them): the trip's dates and a note saying what was planned."""
    if said_start is None:
        return
    extra = next(
        (m for m in _EXTRA.finditer(folded) if m[3] or (m[1] and m[1] not in ("and", "with"))),
        None,
    )
    if extra is None:
        return
    added = number(extra[2])
    if not 1 <= added <= 30:
        return
    before = (extra[3] or "").startswith(("before", "at the start", "earlier"))
    said = said_days or 1
    engagement = _ENGAGEMENT.search(folded)
    if engagement:
        what = engagement[1]
        start = said_start - timedelta(days=added) if before else said_start + timedelta(days=said)
        request.start_date, request.days = start, added
        request.notes.append(
            f"Your {what}, {_span(said_start, said)}, is yours to plan: I planned the "
            f"{added} day{'s' if added > 1 else ''} {'before' if before else 'after'} it, "
            f"{_span(start, added)}."
        )
        return
    if said_days is None:
        return  # one day said, and no reason for it: the added days are the trip's length
    start = said_start - timedelta(days=added) if before else said_start
    request.start_date, request.days = start, said + added
    request.notes.append(
        f"With the {added} day{'s' if added > 1 else ''} {'before' if before else 'after'} "
        f"your dates: {_span(start, said + added)}."
    )
