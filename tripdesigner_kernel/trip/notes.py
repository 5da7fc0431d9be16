"""What the reply should say about a plan beyond its segments: days when most of a city
closes, places left out for the party, dietary needs our data cannot vouch for.

``plan_notes`` is called by a designer after planning; each note is one plain sentence.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from tripdesigner_kernel.knowledge.cities import city_index
from tripdesigner_kernel.knowledge.opening import closure_reason
from tripdesigner_kernel.knowledge.places import CityPlaces, places_for
from tripdesigner_kernel.trip import model
from tripdesigner_kernel.trip.checks import day_cities
from tripdesigner_kernel.trip.party import access_avoided, unsuitable_reason

# The share of a city's sights closed that makes a day worth a warning: on a holiday, and
# on an ordinary day (a weekly closing day such as museums' Mondays is common enough).
MOST_CLOSED_ON_HOLIDAY = 0.3
MOST_CLOSED = 0.5
NOTABLE = 12  # the best-known places of a city: leaving one out is worth saying
NAMED_AT_MOST = 4
CATEGORY_WORDS = {
    "museum": "museums",
    "market": "markets",
    "sight": "monuments",
    "religious": "places of worship",
    "food_street": "food streets",
    "shopping": "shops",
    "park": "parks",
    "viewpoint": "viewpoints",
    "entertainment": "shows and attractions",
    "neighbourhood": "walks",
    "nature": "outdoor places",
    "beach": "beaches",
}


def _places(destination: model.Destination) -> CityPlaces | None:
    for city in city_index().candidates(destination.name):
        if city.country == destination.country:
            return places_for(city)
    return None


def closure_notes(itinerary: model.Itinerary) -> list[str]:
    """One note per day on which most of the day's city is closed (a holiday, a weekly day)."""
    notes = []
    by_city: dict[str, list[date]] = defaultdict(list)
    for day, city in sorted(day_cities(itinerary).items()):
        by_city[city.name].append(day)
    for destination in itinerary.destinations:
        places = _places(destination)
        if places is None or places.coverage != "curated":
            continue
        sights = [p for p in places.activities if p.category not in ("day_trip", "nightlife")]
        for day in by_city.get(destination.name, []):
            closed = [(p, why) for p in sights if (why := closure_reason(p, day))]
            holiday = next((r for _, r in closed if not r.startswith("closed on")), None)
            share = len(closed) / len(sights) if sights else 0.0
            if share >= MOST_CLOSED_ON_HOLIDAY if holiday else share >= MOST_CLOSED:
                why = f" ({holiday})" if holiday else ""
                kinds = sorted({CATEGORY_WORDS.get(p.category, p.category) for p, _ in closed})
                notes.append(
                    f"{day:%a %d %b}{why}: {len(closed)} of {len(sights)} of our sights in "
                    f"{destination.name} are closed ({', '.join(kinds)}); the day keeps to "
                    "what is open."
                )
    return notes


def party_notes(itinerary: model.Itinerary) -> list[str]:
    """What was done for who travels, and which well-known places were left out and why."""
    prefs = itinerary.preferences
    avoided = access_avoided(prefs.accessibility)
    children = bool(prefs.children)
    notes = []
    if children:
        notes.append(
            "With children: no bars or nightlife, kid-friendly places first, dinner early."
        )
    if not (children or avoided):
        return notes
    for destination in itinerary.destinations:
        places = _places(destination)
        if places is None:
            continue
        left = [
            (p.name, why)
            for p in places.activities[:NOTABLE]
            if (why := unsuitable_reason(p.category, p.tags, p.access, children, avoided))
            and not why.startswith("a bar")
        ]
        if left:
            named = "; ".join(f"{name} ({why})" for name, why in left[:NAMED_AT_MOST])
            more = f" and {len(left) - NAMED_AT_MOST} more" if len(left) > NAMED_AT_MOST else ""
            notes.append(f"Left out in {destination.name} for step-free travel: {named}{more}.")
    return notes


def vegan_notes(itinerary: model.Itinerary) -> list[str]:
    """Vegan is not vegetarian: say what the data can and cannot vouch for."""
    if "vegan" not in itinerary.preferences.dietary:
        return []
    return [
        "Vegan: our places data marks vegetarian kitchens, not vegan ones; the meals chosen "
        "lean vegetarian, so ask each place for its vegan dishes."
    ]


def plan_notes(itinerary: model.Itinerary) -> list[str]:
    """Every note about closures, the party and diet for the reply, in that order."""
    return [*closure_notes(itinerary), *party_notes(itinerary), *vegan_notes(itinerary)]
