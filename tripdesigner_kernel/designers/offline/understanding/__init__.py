"""Understanding a trip request with rules: one recogniser family per module.

``understand(text, today)`` reads one message into a ``TripRequest``: places and their
roles (``places``), dates and lengths (``dates``), the party (``party``), money
(``budget``), wishes and constraints (``wishes``).
"""

from __future__ import annotations

import re
from datetime import date

from tripdesigner_kernel.designers.offline.understanding.budget import read_budget
from tripdesigner_kernel.designers.offline.understanding.constraints import (
    read_accessibility,
    read_lodging,
    read_times,
    read_transport,
)
from tripdesigner_kernel.designers.offline.understanding.dates import (
    is_day_of_month,
    read_dates,
    read_duration,
    read_events,
    read_season,
    read_weekend,
    start_date_for,
)
from tripdesigner_kernel.designers.offline.understanding.languages import to_english
from tripdesigner_kernel.designers.offline.understanding.numbers import NUM, said_as_number
from tripdesigner_kernel.designers.offline.understanding.party import read_party
from tripdesigner_kernel.designers.offline.understanding.place_words import NOT_PLACES
from tripdesigner_kernel.designers.offline.understanding.places import read_places
from tripdesigner_kernel.designers.offline.understanding.request import CityStay, TripRequest
from tripdesigner_kernel.designers.offline.understanding.unknown_places import read_unknown_places
from tripdesigner_kernel.designers.offline.understanding.wishes import read_wishes
from tripdesigner_kernel.knowledge.cities import city_index
from tripdesigner_kernel.knowledge.text import fold

__all__ = ["CityStay", "TripRequest", "start_date_for", "understand"]

# The length said is the whole trip's, not an added city's ("make it 6 days and add Brussels").
_TOTAL_LENGTH = re.compile(
    rf"\bmake (?:it|that|the (?:trip|whole (?:trip|thing)|holiday)) (?:\w+ )?{NUM} days?\b"
    rf"|\b{NUM} days? (?:in total|total|overall|altogether|in all|all in all|all together)\b"
    rf"|\b(?:a )?total of {NUM} days?\b|\b(?:whole|entire) trip (?:is |of |to be )?{NUM} days?\b"
)


# "add Porto for 2", "tack on Seville for a couple": after a verb that adds a city, a bare
# number is that city's days, not the party's size ("add Porto for 2 people" is the party).
_ADDED_FOR = re.compile(
    r"(\b(?:add|adding|plus|also|tack(?:ing)? on|tag(?:ging)? on|throw(?:ing)? in"
    r"|squeez(?:e|ing) in|fit(?:ting)? in|bolt(?:ing)? on|includ(?:e|ing))\b[^.;!?\n]*?"
    r"\bfor (?:another |an extra )?"
    rf"{NUM})(?=\s*(?:$|[,.;!?)]|(?:and|then|too|as well|at the end|please|instead)\b))",
    re.IGNORECASE,
)


# "Lisbon for 3, then Porto for 2", "Lisbon 3 days and Porto 2": a bare number after each
# city of a list is its days (one "Rome for 2" alone is the party).
_BARE_DAYS = re.compile(
    r"\b(([A-Z][\w'’-]+),? (for )?(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine"
    r"|ten))(?=\s*(?:$|[,.;!?)&]|and\b|then\b))"
)


def _days_after_cities(text: str) -> str:
    """``text`` with "days" after each bare number that sizes a city of a list."""
    found = [  # "May 10", "USD 6,500": no city
        m
        for m in _BARE_DAYS.finditer(text)
        if fold(m[2]) not in NOT_PLACES and city_index().has_name(fold(m[2]))
    ]
    sized = re.search(r"\b\d{1,2}[ -](?:days?|nights?)\b", text)
    if len(found) >= 2 or (len(found) == 1 and sized and not found[0][3]):
        for match in reversed(found):
            text = f"{text[: match.end(1)]} days{text[match.end(1) :]}"
    return text


def understand(text: str, today: date) -> TripRequest:
    """Read one message into a ``TripRequest``; dates are never before ``today``."""
    text = _days_after_cities(_ADDED_FOR.sub(r"\1 days", to_english(text)))
    folded = fold(text)
    sentences = [fold(s) for s in re.split(r"(?<=[.!?;])\s+|\n", text)]
    request = TripRequest()
    read_dates(text, folded, today, request)
    read_duration(folded, request, text)
    read_party(folded, request, text)
    read_wishes(text, folded, sentences, request)
    read_transport(folded, sentences, request)
    read_lodging(folded, request)
    read_accessibility(folded, request)
    read_times(text, request)
    read_places(text, folded, request)
    read_unknown_places(text, request)
    read_budget(text, folded, request)  # after places: "pesos" are the destination's
    for stay in request.stays:  # "Nov 3 to Nov 9 in Oslo", "2027 in Vienna", "14:20 in Rome"
        if stay.days and (
            is_day_of_month(folded, stay.days) or not said_as_number(text, stay.days)
        ):
            stay.days = None
    if request.stays and request.stays[-1].nights and request.stays[-1].days:
        request.stays[-1].days += 1  # "2 nights in Porto" at the end: the day home too
    if request.month is None and request.start_date is None:
        read_season(folded, request, today)
    read_weekend(folded, request, today)
    read_events(folded, request, today)
    per_city = [s.days for s in request.stays if s.days]
    if len(request.stays) > 1 and request.days and request.days in per_city and len(per_city) == 1:
        for stay in request.stays:  # "Sydney and Melbourne, 8 days": the total, not one city's
            stay.days = None
    elif request.stays and all(s.days for s in request.stays):
        request.days = sum(s.days or 0 for s in request.stays)
    if (
        request.travelers is None
        and request.travelers_delta is None
        and re.search(r"\b(i m|i am|i|me|my)\b", folded)
        and not re.search(r"\b(we|us|our)\b", folded)
    ):
        request.travelers, request.travelers_guessed = 1, True
    request.days_total = bool(request.days and _TOTAL_LENGTH.search(folded))
    if request.start_date is not None and request.start_date < today:
        request.start_date = None  # a date in the past is not a plan; fall back to defaults
    return request
