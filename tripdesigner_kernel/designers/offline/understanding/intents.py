"""The intent of a message: what the person wants done with the trip profile.

``new_trip`` starts a fresh profile (unless the person says to keep things: "same but in
Rome"); ``change`` edits the current one; ``answer`` answers the designer's question;
``plan_question`` asks about the plan ("how much is day 2?"), answered without re-planning;
``travel_question`` asks about travel without changing anything ("do I need a visa for
Canada?"), answered without re-planning; ``thanks``; ``off_topic``, a question that is not
about travel.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from tripdesigner_kernel.designers.offline.understanding.request import TripRequest
from tripdesigner_kernel.knowledge.cities import City

IntentKind = Literal[
    "new_trip", "change", "answer", "plan_question", "travel_question", "thanks", "off_topic"
]

THANKS = re.compile(
    r"\s*(?:ok(?:ay)?\W+)?(thanks|thank you|thx|ty|cheers|great|perfect|lovely|looks good"
    r"|awesome|brilliant|nice|cool|wonderful|fantastic|excellent|amazing)\b"
)
# "Seville too": the cities named join the trip.
ADDITIVE = re.compile(
    r"\b(too|also|as well|add|adding|plus|include|including|in addition|on top|extend|squeeze"
    r"|tack(?:ing)? on|tag(?:ging)? on|throw(?:ing)? in|bolt(?:ing)? on|fit(?:ting)? in|append)\b"
    r"|^(?:and|then|and then|after that|afterwards|followed by|on to|next)\b"
)
# "same but in Rome", "Rome instead": the cities named replace the trip's, the rest stays.
KEEP = re.compile(
    r"\b(same|instead|rather|switch|change|swap|replace|make it|make that|how about|what about"
    r"|keep|actually|let s do|let s go to|go with)\b"
)
NEW_TRIP = re.compile(
    r"\b(new trip|another trip|different trip|start (?:over|again|afresh)|from scratch"
    r"|forget (?:that|it|this|the (?:plan|trip))|a new plan|next trip)\b"
)
# Words only a trip request uses: with one of them, a message is about travel.
TRAVEL_WORDS = re.compile(
    r"\b(trip|travel\w*|visit\w*|holiday\w*|vacation\w*|itinerar\w+|plan\w*|go|going|fly"
    r"|flying|flights?|stay\w*|hotels?|tour\w*|explore|weekend|getaway|honeymoon|city break"
    r"|backpack\w*|somewhere|where should|destinations?|days?|nights?|weeks?|abroad)\b"
)
QUESTION = re.compile(
    r"^(what|what s|whats|who|whom|whose|which|why|how|when|where|is|are|was|were|do|does"
    r"|did|can|could|will|would|should|tell me|explain|define)\b|\?\s*$"
)
# A question whose answer is a fact, not a trip ("What's the tallest mountain in Africa?").
FACT = re.compile(
    r"\b(tallest|highest|longest|largest|biggest|smallest|deepest|oldest|fastest|richest"
    r"|capital of|population|president|prime minister|invented|discovered|wrote|written"
    r"|meaning of|definition|recipe|how do (?:i|you) (?:cook|make|fix)|square root|plus|minus"
    r"|times|divided|who won|who is|who was|what year|how old is|joke|poem|weather today)\b"
)
# Travel questions that change nothing, by topic: topic -> the words that ask about it.
TOPICS = {
    "entry": r"visas?|passports?|entry (?:requirements?|rules)|esta|etias",
    "weather": r"weather|climate|temperatures?|how (?:hot|cold|warm|rainy|wet)"
    r"|is it (?:hot|cold|warm|rainy|sunny)|does it (?:rain|snow)|rainy season",
    "safety": r"safe|safety|dangerous|crime|scams?",
    "health": r"tap water|drink the water|vaccin\w*|jabs|malaria|health",
    "money": r"currency|what money|cash|cards? accepted|tipping|tip",
    "power": r"plugs?|adapters?|voltage|sockets?",
    "language": r"language|speak english|do they speak",
    "opinion": r"nice|worth (?:it|visiting|a visit|going|seeing)|good (?:place|destination)"
    r"|best time",
}
TRAVEL_FACT = re.compile(r"\b(?:" + "|".join(TOPICS.values()) + r")\b")
# Questions about the plan itself, answered from the itinerary.
PLAN_QUESTION = re.compile(
    r"\b(how much|cost|costs|price|expensive|total|where do we (?:stay|sleep|eat)"
    r"|where are we staying|which hotel|hotels?|accommodation|what s on|whats on|what is on"
    r"|what do we do|when do we|what time|flights?|how long|how many days|day \d{1,2}\b"
    r"|first day|last day|lunch|dinner|breakfast|restaurants?|which day|what day|when is"
    r"|when are|when s)"
)


@dataclass
class Intent:
    """What a message asks for."""

    kind: IntentKind
    keep: bool = False  # "same but in Rome": keep the profile, change the places
    additive: bool = False  # "Seville too": add the places named


def says_something(request: TripRequest) -> bool:
    """Whether the message names any slot besides places."""
    return bool(
        request.days
        or request.start_date
        or request.month
        or (request.travelers and not request.travelers_guessed)
        or request.children
        or request.budget_amount is not None
        or request.budget_level
        or request.interests
        or request.avoid
        or request.dietary
        or request.cuisines
        or request.pace
        or request.day_start
        or request.travelers_delta
        or request.events
        or request.lodging_per_night is not None
        or request.amenities
        or request.accessibility
        or request.transport
        or request.arrival_time
        or request.departure_time
        or request.accommodation_type
        or request.lodging_kind
        or request.house_rules
        or request.origin
    )


def about_travel(folded: str, request: TripRequest) -> bool:
    """Whether a message reads as about travel at all."""
    return bool(TRAVEL_WORDS.search(folded) or says_something(request))


def is_travel_question(folded: str, request: TripRequest) -> bool:
    """A question about travel (visa, weather, safety...) that asks for no change: no
    length, no words that add, replace or start a trip ("is it safe to add Bogota?" adds)."""
    return bool(
        TRAVEL_FACT.search(folded)
        and not request.days
        and not (ADDITIVE.search(folded) or KEEP.search(folded) or NEW_TRIP.search(folded))
        and not re.search(r"\b(?:plan|book|let s|we ll|go to|going to)\b", folded)
    )


def read_intent(
    folded: str,
    request: TripRequest,
    *,
    has_trip: bool,
    has_edits: bool,
    destinations: list[City | None],
    answered: bool = False,
    names_a_plan_place: bool = False,
) -> Intent:
    """The intent of a (folded) message, given what is known of the trip so far.

    ``destinations``: the trip's current cities; ``answered``: the message is the answer
    to the designer's last question (one of its choices); ``names_a_plan_place``: it names
    a place of the current plan ("when is the Pantheon?").
    """
    if answered:
        return Intent("answer", keep=True)
    asks = bool(QUESTION.search(folded))
    if asks and is_travel_question(folded, request):
        return Intent("travel_question")
    travel = about_travel(folded, request)
    if asks and not travel and FACT.search(folded):
        return Intent("off_topic")
    if not has_trip:
        if asks and not travel and not request.stays:
            return Intent("off_topic")
        if THANKS.match(folded) and not request.stays and not travel:
            return Intent("thanks")
        return Intent("new_trip", keep=True)  # a trip under way: build on what was said
    new_places = [s for s in request.stays if s.city not in destinations]
    if has_edits:  # "replace Lisbon with Seville", "add Porto": places join the edit
        return Intent(
            "change",
            keep=bool(new_places and KEEP.search(folded)),
            additive=bool(new_places and ADDITIVE.search(folded)),
        )
    if NEW_TRIP.search(folded):
        return Intent("new_trip")
    plan_words = asks and not says_something(request) and PLAN_QUESTION.search(folded)
    if plan_words and (names_a_plan_place or not new_places):
        return Intent("plan_question")
    if new_places:
        if ADDITIVE.search(folded):
            return Intent("change", additive=True)
        if KEEP.search(folded) or not says_something(request):
            return Intent("change", keep=True)  # "Vienna, then": only the places change
        return Intent("new_trip")
    if says_something(request):
        return Intent("change")
    if THANKS.match(folded):
        return Intent("thanks")
    if asks and not travel:
        return Intent("off_topic")
    return Intent("change")
