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
from tripdesigner_kernel.designers.offline.understanding.date_words import read_date_words
from tripdesigner_kernel.designers.offline.understanding.dates import (
    read_dates,
    read_duration,
    read_events,
    read_season,
    read_weekend,
    start_date_for,
)
from tripdesigner_kernel.designers.offline.understanding.languages import to_english
from tripdesigner_kernel.designers.offline.understanding.numbers import NUM
from tripdesigner_kernel.designers.offline.understanding.own_days import read_own_days
from tripdesigner_kernel.designers.offline.understanding.party import read_party
from tripdesigner_kernel.designers.offline.understanding.party_phrases import (
    only_others_travel,
    party_text,
)
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


def _settle_stay_lengths(text: str, request: TripRequest) -> None:
    """The trip's length from its cities' own: "3 nights Prague 2 Vienna 3 Budapest" is 3, 2
    and 3 nights, 9 days (the last city's day of leaving added); a length said apart from
    the cities counts only for cities without one. A city's length that is the whole
    trip's ("Sydney and Melbourne, 8 days") is the trip's."""
    stays = request.stays
    per_city = [s for s in stays if s.days]
    if not per_city:
        return
    blanked = text
    for start, end in request.stay_length_spans:
        blanked = blanked[:start] + " " * (end - start) + blanked[end:]
    apart = TripRequest()
    read_duration(fold(blanked), apart, blanked)
    if len(stays) > 1 and len(per_city) == 1 and apart.days is None:
        lone = per_city[0]
        request.days = lone.nights + 1 if lone.nights else lone.days
        lone.days = lone.nights = None
        return
    if stays[-1].nights:
        stays[-1].days = stays[-1].nights + 1  # the day of leaving
    if len(per_city) < len(stays):
        request.days = apart.days
        return
    request.days = sum(s.days or 0 for s in stays)
    if apart.days and apart.days != request.days:
        request.notes.append(
            f"The stays you gave add up to {request.days} days, not {apart.days}: "
            f"I planned {request.days}."
        )


def _read_party(text: str, request: TripRequest) -> None:
    """The party, from the message with its party phrases put plainly ("me + gf": "me and
    my gf"); a trip for others alone ("my parents want to see Vienna") leaves the writer out."""
    words = party_text(text)
    folded = fold(words)
    read_party(folded, request, words)
    if (
        request.travelers
        and request.travelers > 1 + len(request.children)
        and only_others_travel(folded)
        and not re.search(r"\b(?:for|gift for|surprise for) (?:my|our) ", folded)
    ):
        request.travelers -= 1


# "Lisbon for 3, then Porto for 2", "Lisbon 3 days and Porto 2": a bare number after each
# city of a list is its days (one "Rome for 2" alone is the party).
_BARE_DAYS = re.compile(
    r"\b(([A-Z][\w'’-]+),? (for )?(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine"
    r"|ten))(?=\s*(?:$|[,;!?)&]|\.(?!\d)|and\b|then\b))"
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
    read_date_words(text, folded, today, request)
    said_start, said_days = request.start_date, request.days
    read_duration(folded, request, text)
    read_own_days(folded, request, said_start, said_days)
    _read_party(text, request)
    read_wishes(text, folded, sentences, request)
    read_transport(folded, sentences, request)
    read_lodging(folded, request)
    read_accessibility(folded, request)
    read_times(text, request)
    read_places(text, folded, request)
    read_unknown_places(text, request)
    read_budget(text, folded, request)  # after places: "pesos" are the destination's
    if request.month is None and request.start_date is None:
        read_season(folded, request, today)
    read_weekend(folded, request, today)
    read_events(folded, request, today)
    _settle_stay_lengths(text, request)
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
