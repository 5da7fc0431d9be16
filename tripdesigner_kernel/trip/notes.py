"""What the reply should say about a plan beyond its segments: days when most of a city
closes, the city's events the dates cover, places left out for the party, dietary needs
our data cannot vouch for.

``plan_notes`` is called by a designer after planning; each note is one plain sentence.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from tripdesigner_kernel.knowledge.cities import city_index
from tripdesigner_kernel.knowledge.city_events import events_in
from tripdesigner_kernel.knowledge.opening import closure_reason, long_closure
from tripdesigner_kernel.knowledge.places import CityPlaces, places_for
from tripdesigner_kernel.knowledge.taxonomy import matches_interest
from tripdesigner_kernel.trip import model
from tripdesigner_kernel.trip.checks import day_cities
from tripdesigner_kernel.trip.party import access_avoided, unsuitable_reason
from tripdesigner_kernel.trip.walking import SHORT_WALK_KM, needs_short_walks

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
        days = by_city.get(destination.name, [])
        # A closure of months (a renovation) is said once, not counted day by day.
        shut = {
            p.name: why
            for p in places.places
            if days and (why := long_closure(p, days[0]) or long_closure(p, days[-1]))
        }
        notes += [f"{name} is {why}: it is not planned." for name, why in shut.items()]
        sights = [
            p
            for p in places.activities
            if p.category not in ("day_trip", "nightlife") and p.name not in shut
        ]
        for day in days:
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
    short_walks = needs_short_walks(prefs.accessibility)
    if short_walks:
        ridden = sum(
            str(s.details.get("getting_there", "")).startswith("taxi") for s in itinerary.segments
        )
        notes.append(
            f"For {' and '.join(prefs.accessibility)}: a relaxed pace unless you said otherwise "
            "(fewer visits, a rest at the hotel), step-free places, and walks of at most "
            f"{SHORT_WALK_KM * 1000:.0f} m: {ridden} longer hop{'s are' if ridden != 1 else ' is'}"
            " by taxi or transit (marked on each stop)."
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


def event_notes(itinerary: model.Itinerary) -> list[str]:
    """One note per well-known event the stay's dates cover: the day it is planned, or that
    it did not fit."""
    notes = []
    by_city: dict[str, list[date]] = defaultdict(list)
    for day, city in sorted(day_cities(itinerary).items()):
        by_city[city.name].append(day)
    planned = {s.name: s.start for s in itinerary.segments if s.type == "activity"}
    for destination in itinerary.destinations:
        days = by_city.get(destination.name)
        if not days:
            continue
        for event in events_in(destination.name, destination.country, days[0], days[-1]):
            first, last = event.dates(days[0].year if event.on(days[0]) else days[-1].year)
            when = f"{first:%d %b}" if first == last else f"{first:%d %b} - {last:%d %b}"
            at = planned.get(event.place.name)
            done = f"planned on {at:%a %d %b} at {at:%H:%M}" if at else "it did not fit the days"
            notes.append(f"{event.event} in {destination.name} ({when}): {done}.")
    return notes


def interest_notes(itinerary: model.Itinerary) -> list[str]:
    """For each interest named that no visit or meal of a city answers: that our data has
    none there, or which of ours did not fit the dates (closed, out of season)."""
    notes = []
    interests = itinerary.preferences.interests
    for destination in itinerary.destinations:
        places = _places(destination)
        if places is None or places.coverage != "curated":
            continue
        here = [
            s
            for s in itinerary.segments
            if s.type in ("activity", "meal") and s.location and s.location.city == destination.name
        ]
        for interest in interests:
            if any(matches_interest(s.category or "", s.tags, [interest]) for s in here):
                continue
            ours = [
                p.name for p in places.places if matches_interest(p.category, p.tags, [interest])
            ]
            if not ours:
                notes.append(f"Our data for {destination.name} has no places for {interest}.")
            else:
                named = ", ".join(ours[:NAMED_AT_MOST])
                notes.append(
                    f"For {interest} in {destination.name} we know {named}, but none fitted "
                    "these dates (closed, out of season or the days were full)."
                )
    return notes


def plan_notes(itinerary: model.Itinerary) -> list[str]:
    """Every note about events, interests, closures, the party and diet for the reply, in
    that order."""
    return [
        *event_notes(itinerary),
        *interest_notes(itinerary),
        *closure_notes(itinerary),
        *party_notes(itinerary),
        *vegan_notes(itinerary),
    ]
