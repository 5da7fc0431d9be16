"""Travel questions that change nothing ("do I need a visa for Canada?", "is Lisbon nice?"),
answered briefly and honestly; the plan and the profile stay exactly as they were.

We hold no visa, weather, safety or health data: the answer says so and where to look.
What we do know (a country's currency, our curated places for a city) is said.
"""

from __future__ import annotations

import re

from tripdesigner_kernel.designers.offline.understanding.intents import TOPICS, TRAVEL_FACT
from tripdesigner_kernel.designers.offline.understanding.profile import TripProfile
from tripdesigner_kernel.designers.offline.understanding.request import TripRequest
from tripdesigner_kernel.designers.offline.understanding.state import find_city
from tripdesigner_kernel.knowledge.cities import City, countries

_TOPIC = {topic: re.compile(rf"\b(?:{words})\b") for topic, words in TOPICS.items()}
NO_CHANGE = "Your plan is unchanged."
CURATED_NAMED = 4


def _where(
    request: TripRequest, profile: TripProfile, fact_words: set[str]
) -> tuple[list[City], str | None]:
    """The cities the question is about (else the trip's), and the country's ISO code."""
    cities = [s.city for s in request.stays if s.city.name.lower() not in fact_words]
    if not cities and not request.country:
        cities = [c for c in (find_city(d) for d in profile.destinations) if c is not None]
    country = request.country or (cities[0].country if cities else None)
    return cities, country


def answer_travel_question(folded: str, request: TripRequest, profile: TripProfile) -> str:
    """A short, honest answer to a travel question; nothing in the trip changes."""
    fact_words = {m[0] for m in TRAVEL_FACT.finditer(folded)}
    cities, country = _where(request, profile, fact_words)
    info = countries().get(country or "", {})
    land = info.get("name") or (cities[0].name if cities else "your destination")
    place = cities[0].name if cities else land
    answers = []
    for topic, pattern in _TOPIC.items():
        if not pattern.search(folded):
            continue
        if topic == "entry":
            answers.append(
                f"I have no visa or entry-rules data, so I can't say what {land} asks of you: "
                f"check {land}'s official government immigration site, your own foreign "
                "ministry's travel advice, or the IATA Travel Centre (what airlines check)."
            )
        elif topic == "weather":
            answers.append(
                f"I have no weather or climate data for {place}: look at its climate table "
                "(the national weather service, or the climate box on its Wikipedia page) "
                "and check the forecast a few days before you go."
            )
        elif topic in ("safety", "health"):
            answers.append(
                f"I have no safety or health data for {land}: check your foreign ministry's "
                "travel advice (e.g. travel.state.gov, gov.uk/foreign-travel-advice) and, for "
                "water and vaccines, the CDC or WHO travel health pages."
            )
        elif topic == "money":
            currency = info.get("currency")
            answers.append(
                f"{land} uses {currency}; for tipping and card use, check a current guide."
                if currency
                else "I don't know which currency is used there: check a current guide."
            )
        elif topic in ("power", "language"):
            answers.append(
                f"I have no data on {'plugs and voltage' if topic == 'power' else 'languages'}"
                f" for {land}: check a current travel guide."
            )
        elif topic == "opinion":
            answers.append(_opinion(cities, place))
    return " ".join([*dict.fromkeys(answers), NO_CHANGE if profile.destinations else ""]).strip()


def _opinion(cities: list[City], place: str) -> str:
    """What we know of a place, instead of an opinion we cannot give."""
    from tripdesigner_kernel.knowledge.places import places_for

    if not cities:
        return "That is for you to judge; tell me where and I can show what a plan there holds."
    known = places_for(cities[0])
    if known.coverage != "curated":
        return (
            f"I can't judge {place} for you, and I have no curated places there; "
            f"a plan would suggest kinds of places to look for."
        )
    named = ", ".join(p.name for p in known.activities[:CURATED_NAMED])
    return (
        f"I can't judge {place} for you, but I know {len(known.activities)} places there, "
        f"such as {named}. Say *3 days in {place}* to see a plan."
    )
