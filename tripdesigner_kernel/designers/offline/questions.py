"""The designer's own question when the trip has no destination yet: where to?"""

from __future__ import annotations

import re
from datetime import date, timedelta

from tripdesigner_kernel.designers.base import Question
from tripdesigner_kernel.designers.offline.understanding.profile import TripProfile
from tripdesigner_kernel.designers.offline.understanding.request import TripRequest
from tripdesigner_kernel.knowledge.cities import City, destination_cities
from tripdesigner_kernel.knowledge.text import fold


def _warm_in(city: City, month: int) -> bool:
    """A rough rule: the tropics always, each hemisphere in its summer."""
    if abs(city.lat) < 23.5:
        return True
    northern_summer = month in (5, 6, 7, 8, 9)
    southern_summer = month in (11, 12, 1, 2, 3)
    return (city.lat > 0 and northern_summer) or (city.lat < 0 and southern_summer)


def where_question(asked: TripRequest, profile: TripProfile, text: str, today: date) -> Question:
    """One question with choices: our destinations, warm ones in that month when asked."""
    start = profile.dates.start_date
    month = start.month if start and profile.dates.given != "assumed" else asked.month
    month = month or (today + timedelta(days=30)).month
    warm_wanted = bool(re.search(r"\b(warm|hot|sun|sunny|beach)", fold(text)))
    choices: list[str] = []
    for destination, city in destination_cities():
        if destination.tier == 1 and (not warm_wanted or _warm_in(city, month)):
            choices.append(destination.name)
    month_name = date(2000, month, 1).strftime("%B")
    unknown = [w for w in asked.unknown_places if w.casefold() not in ("warm", "somewhere")]
    if unknown and not warm_wanted:
        text = (
            f"I could not find {unknown[0]} among the places I know. "
            f"Where would you like to go in {month_name}? A few ideas, or name a nearby city:"
        )
    elif warm_wanted:
        text = f"Where would you like to go? A few places that are warm in {month_name}:"
    else:
        text = f"Where would you like to go in {month_name}? A few ideas, or name any city:"
    return Question(text=text, choices=_spread(choices, 6))


def _spread(items: list[str], count: int) -> list[str]:
    """``count`` items taken evenly across the list, so choices span regions."""
    if len(items) <= count:
        return items
    step = len(items) / count
    return [items[int(i * step)] for i in range(count)]
