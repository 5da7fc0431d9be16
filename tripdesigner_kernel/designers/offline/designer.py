"""The offline designer: rules over our own data, no key, no network.

The conversation is kept as a trip profile (plain data in the session); every
turn turns the profile into a plan with the deterministic planner, so the same
conversation always gives the same plan.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Mapping
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from tripdesigner_kernel.designers.base import DesignRequest, DesignResult, Question
from tripdesigner_kernel.designers.offline.edits import Edit, understand_edit
from tripdesigner_kernel.designers.offline.reply import describe_plan
from tripdesigner_kernel.designers.offline.understanding import (
    TripRequest,
    start_date_for,
    understand,
)
from tripdesigner_kernel.knowledge.cities import City, city_index, destinations
from tripdesigner_kernel.knowledge.geo import km_between
from tripdesigner_kernel.knowledge.text import fold

# Models are looked up on their module at call time, never imported by name: after a
# reload of the model module, names bound here would mix old and new classes.
from tripdesigner_kernel.trip import checks, model, planner
from tripdesigner_kernel.trip.journeys import journey_notes

DEFAULT_DAYS_ONE_CITY = 4
DEFAULT_DAYS_PER_CITY = 3
DEFAULT_TRAVELERS = 2
MAX_DAYS = 30
UNDO_DEPTH = 10
LONG_STAY_DAYS = 7  # from here on, a stay can run out of our places
THANKS = re.compile(r"\s*(thanks|thank you|cheers|great|perfect|lovely|looks good)\b")
LEVELS = ("budget", "moderate", "luxury")
# Spend per person per day (USD, without flights) that fits each level.
LEVEL_CEILING_USD = {"budget": 120, "moderate": 350}

CAPABILITIES = (
    "I can plan trips to any city (with curated places for about 80 of them), and change a "
    "plan: *add a day*, *remove day 3*, *swap day 1 and day 2*, *make it cheaper*, "
    "*more museums*, *less nightlife*, *replace <place>*, *for 4 people*, *from June 3*, "
    "*add Porto for 2 days*, or *undo*."
)


class OfflineDesigner:
    """Understands requests with rules and plans with the scheduler over curated places."""

    name = "offline"

    def __init__(self, settings: Mapping[str, Any] | None = None, api_key: str | None = None):
        # No key is needed; it is deliberately not kept.
        self.settings = dict(settings or {})

    def respond(self, request: DesignRequest) -> DesignResult:
        profile = dict(request.profile)
        asked = understand(request.text, request.today)
        edits = understand_edit(request.text) if profile.get("cities") else []
        if any(e.action in ("add_days", "remove_day") for e in edits):
            asked.days = None  # "add a day" names a change, not a trip length
        if any(e.action == "add_city" for e in edits):
            asked.stays, asked.days = [], None  # "add Porto for 2 days" extends the trip
        if any(e.action == "undo" for e in edits):
            return self._undo(profile, request)
        new_profile = _merge_profile(profile, asked, request.today)
        notes = _apply_edits(new_profile, edits, request.itinerary)
        if not new_profile.get("cities"):
            question = _where_question(asked, request.text, request.today)
            return DesignResult(question.text, request.itinerary, new_profile, question)
        if profile.get("cities") and _same(profile, new_profile) and not notes:
            thanked = THANKS.match(fold(request.text))
            opening = "Glad it helps!" if thanked else "I did not change the plan."
            return DesignResult(f"{opening} {CAPABILITIES}", request.itinerary, profile)
        if profile.get("cities"):
            new_profile["undo"] = [*profile.get("undo", []), _without_undo(profile)][-UNDO_DEPTH:]
        itinerary, extra = plan_from_profile(new_profile, request.itinerary, request.today)
        reply = describe_plan(itinerary, new_profile, [*notes, *extra])
        return DesignResult(reply, itinerary.to_json(), new_profile)

    def _undo(self, profile: dict[str, Any], request: DesignRequest) -> DesignResult:
        stack = list(profile.get("undo", []))
        if not stack:
            return DesignResult("There is nothing to undo.", request.itinerary, profile)
        previous = dict(stack.pop())
        previous["undo"] = stack
        itinerary, extra = plan_from_profile(previous, request.itinerary, request.today)
        reply = describe_plan(itinerary, previous, ["Undone: back to the plan before.", *extra])
        return DesignResult(reply, itinerary.to_json(), previous)

    def close(self) -> None:
        """Nothing to release."""


def _without_undo(profile: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in profile.items() if k != "undo"}


def _same(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    return _without_undo(a) == _without_undo(b)


def _merge_profile(old: Mapping[str, Any], asked: TripRequest, today: date) -> dict[str, Any]:
    """The trip profile after this message: what was asked overrides what was known."""
    profile = dict(old)
    if asked.stays:
        profile["cities"] = [
            {"name": s.city.name, "country": s.city.country, "days": s.days} for s in asked.stays
        ]
        profile.pop("pinned", None)
        profile.pop("exclude", None)
    if asked.days:
        profile["days"] = min(asked.days, MAX_DAYS)
        if not asked.stays and profile.get("cities"):  # "make it 4 days": a new total
            profile["cities"] = [{**c, "days": None} for c in profile["cities"]]
            profile.pop("pinned", None)
    if asked.start_date or asked.month or "start_date" not in profile:
        profile["start_date"] = start_date_for(asked, today).isoformat()
    # "I don't like museums" about a plan for two is not a trip for one.
    if asked.travelers and not (asked.travelers_guessed and old.get("cities")):
        profile["travelers"] = asked.travelers
    if asked.budget_level:
        profile["budget_level"] = asked.budget_level
    if asked.budget_amount is not None:
        profile["budget_amount"] = str(asked.budget_amount)
        profile["budget_currency"] = asked.budget_currency
    if asked.interests:
        profile["interests"] = list(
            dict.fromkeys([*profile.get("interests", []), *asked.interests])
        )
    if asked.dietary:
        profile["dietary"] = list(dict.fromkeys([*profile.get("dietary", []), *asked.dietary]))
    if asked.pace:
        profile["pace"] = asked.pace
    if asked.origin:
        profile["origin"] = {"name": asked.origin.name, "country": asked.origin.country}
    # How the person travels between cities, and when they land and leave (the legs).
    if asked.transport:
        profile["transport"] = list(
            dict.fromkeys([*profile.get("transport", []), *asked.transport])
        )
    if asked.arrival_time:
        profile["arrival_time"] = asked.arrival_time
    if asked.departure_time:
        profile["departure_time"] = asked.departure_time
    return profile


def _day_names(itinerary: Mapping[str, Any] | None) -> dict[int, list[str]]:
    """Activity names of each day of a plan, by day number."""
    days: dict[int, list[str]] = {}
    for segment in (itinerary or {}).get("segments", []):
        if segment["type"] == "activity" and "day" in segment.get("details", {}):
            days.setdefault(segment["details"]["day"], []).append(segment["name"])
    return days


def _total_days(profile: Mapping[str, Any]) -> int:
    return sum(_split_days(profile))


def _apply_edits(
    profile: dict[str, Any], edits: list[Edit], itinerary: Mapping[str, Any] | None
) -> list[str]:
    """Change the profile for each edit; returns notes for the reply."""
    notes: list[str] = []
    current = _day_names(itinerary)
    total = _total_days(profile) if profile.get("cities") else 0
    for edit in edits:
        if edit.action == "add_days":
            cities = profile["cities"]
            days = _split_days(profile)
            cities[-1] = {**cities[-1], "days": days[-1] + edit.days}
            for i in range(len(cities) - 1):
                cities[i] = {**cities[i], "days": days[i]}
            profile["days"] = total + edit.days
            profile["pinned"] = {str(d): names for d, names in current.items()}
            notes.append(
                f"Added {edit.days} day{'s' if edit.days > 1 else ''} in {cities[-1]['name']}."
            )
        elif edit.action == "remove_day":
            number = total if edit.day == -1 else edit.day
            if not 1 <= number <= total or total <= 1:
                notes.append(f"There is no day {number} to remove (the trip has {total} days).")
                continue
            _shrink_city_of_day(profile, number)
            profile["exclude"] = sorted({*profile.get("exclude", []), *current.get(number, [])})
            pinned = {}
            for day, names in current.items():
                if day != number:
                    pinned[str(day if day < number else day - 1)] = names
            profile["pinned"] = pinned
            profile["days"] = total - 1
            notes.append(f"Removed day {number}; the days after it move one day earlier.")
        elif edit.action == "swap_days":
            a, b = edit.day, edit.other_day
            if not (1 <= a <= total and 1 <= b <= total) or a == b:
                notes.append(f"I can only swap two different days between 1 and {total}.")
                continue
            pinned = {str(d): names for d, names in current.items()}
            pinned[str(a)], pinned[str(b)] = current.get(b, []), current.get(a, [])
            profile["pinned"] = pinned
            notes.append(f"Swapped day {a} and day {b} (times re-checked against opening hours).")
        elif edit.action in ("cheaper", "pricier"):
            level = profile.get("budget_level") or profile.get("chosen_level") or "moderate"
            step = -1 if edit.action == "cheaper" else 1
            index = max(0, min(len(LEVELS) - 1, LEVELS.index(level) + step))
            if edit.action == "cheaper" and LEVELS[index] == level:
                profile["frugal"] = True
            profile["budget_level"] = LEVELS[index]
            profile.pop("pinned", None)
            notes.append(
                f"Planned at the {LEVELS[index]} level"
                + (", favouring free places." if profile.get("frugal") else ".")
            )
        elif edit.action == "more":
            interests = [i for i in profile.get("interests", []) if i != edit.subject]
            profile["interests"] = [edit.subject, *interests]
            profile.pop("pinned", None)
        elif edit.action == "less":
            profile["interests"] = [i for i in profile.get("interests", []) if i != edit.subject]
            profile["avoid"] = sorted({*profile.get("avoid", []), edit.subject})
            profile.pop("pinned", None)
            notes.append(f"Less {edit.subject}.")
        elif edit.action == "replace":
            names = [n for day in current.values() for n in day]
            match = next((n for n in names if fold(edit.subject) in fold(n)), None)
            if match is None:
                notes.append(f"I found no {edit.subject!r} in the plan to replace.")
                continue
            profile["exclude"] = sorted({*profile.get("exclude", []), match})
            profile["pinned"] = {str(d): [n for n in ns if n != match] for d, ns in current.items()}
            notes.append(f"Replaced {match}.")
        elif edit.action == "add_city":
            city = city_index().lookup(edit.subject)
            if city is None:
                notes.append(f"I do not know a city called {edit.subject!r}.")
                continue
            days = _split_days(profile)
            cities = [{**c, "days": d} for c, d in zip(profile["cities"], days, strict=True)]
            cities.append({"name": city.name, "country": city.country, "days": edit.days or 2})
            profile["cities"] = cities
            profile["days"] = sum(c["days"] for c in cities)
            profile["pinned"] = {str(d): names for d, names in current.items()}
            notes.append(f"Added {city.name} for {edit.days or 2} days at the end.")
    return notes


def _shrink_city_of_day(profile: dict[str, Any], number: int) -> None:
    days = _split_days(profile)
    cities = [{**c, "days": d} for c, d in zip(profile["cities"], days, strict=True)]
    seen = 0
    for city in cities:
        seen += city["days"]
        if number <= seen:
            city["days"] -= 1
            break
    profile["cities"] = [c for c in cities if c["days"] > 0] or cities[:1]


def _warm_in(city: City, month: int) -> bool:
    """A rough rule: the tropics always, each hemisphere in its summer."""
    if abs(city.lat) < 23.5:
        return True
    northern_summer = month in (5, 6, 7, 8, 9)
    southern_summer = month in (11, 12, 1, 2, 3)
    return (city.lat > 0 and northern_summer) or (city.lat < 0 and southern_summer)


def _where_question(asked: TripRequest, text: str, today: date) -> Question:
    """One question with choices: our destinations, warm ones in that month when asked."""
    month = asked.month or start_date_for(asked, today).month
    warm_wanted = bool(re.search(r"\b(warm|hot|sun|sunny|beach)", fold(text)))
    index = city_index()
    choices: list[str] = []
    for destination in destinations():
        city = index.lookup(destination.name)
        if city and destination.tier == 1 and (not warm_wanted or _warm_in(city, month)):
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


def _split_days(profile: Mapping[str, Any]) -> list[int]:
    cities = profile["cities"]
    given = [c.get("days") for c in cities]
    if all(given):
        return [int(d) for d in given]
    default = DEFAULT_DAYS_ONE_CITY if len(cities) == 1 else DEFAULT_DAYS_PER_CITY * len(cities)
    total = int(profile.get("days") or default)
    known = sum(int(d) for d in given if d)
    free = [i for i, d in enumerate(given) if not d]
    left = max(total - known, len(free))
    days = [int(d) if d else 0 for d in given]
    for n, i in enumerate(free):
        days[i] = left // len(free) + (1 if n < left % len(free) else 0)
    return days


def _itinerary_id(profile: Mapping[str, Any], previous: Mapping[str, Any] | None) -> str:
    if previous and previous.get("id"):
        return str(previous["id"])
    seed = repr(sorted((k, repr(v)) for k, v in _without_undo(profile).items())).encode()
    return "it-" + hashlib.sha256(seed).hexdigest()[:10]


def _level_for_amount(amount_usd: Decimal, travelers: int, days: int) -> str:
    per_day = float(amount_usd) / max(1, travelers) / max(1, days)
    for level, ceiling in LEVEL_CEILING_USD.items():
        if per_day < ceiling:
            return level
    return "luxury"


def plan_from_profile(
    profile: dict[str, Any], previous: Mapping[str, Any] | None, today: date
) -> tuple[model.Itinerary, list[str]]:
    """Plan the trip the profile describes; within budget when one is given."""
    from tripdesigner_kernel.knowledge.money import convert

    index = city_index()
    stays = []
    for city_info, days in zip(profile["cities"], _split_days(profile), strict=True):
        city = index.lookup(city_info["name"])
        if city is not None and days > 0:
            stays.append(planner.Stay(city, days))
    start = date.fromisoformat(profile["start_date"])
    if start <= today:
        start = today + timedelta(days=1)
    travelers = int(profile.get("travelers") or DEFAULT_TRAVELERS)
    origin = index.lookup(profile["origin"]["name"]) if profile.get("origin") else None
    amount = Decimal(profile["budget_amount"]) if profile.get("budget_amount") else None
    total_days = sum(s.days for s in stays)
    first_currency = _currency_of(stays[0].city)
    currency = profile.get("budget_currency") or first_currency
    level: Any = profile.get("budget_level")
    if level is None and amount is not None:
        level = _level_for_amount(convert(amount, currency, "USD"), travelers, total_days)
    level = level or "moderate"
    avoid = set(profile.get("avoid", []))
    interests = [i for i in profile.get("interests", []) if i not in avoid]
    notes: list[str] = []
    while True:
        spec = planner.TripSpec(
            stays=stays,
            start=start,
            travelers=travelers,
            level=level,
            interests=interests,
            pace=profile.get("pace") or "moderate",
            origin=origin,
            exclude=frozenset(profile.get("exclude", [])),
            currency=currency,
            budget_amount=amount,
            itinerary_id=_itinerary_id(profile, previous),
            pinned={int(d): names for d, names in profile.get("pinned", {}).items()},
            frugal=bool(profile.get("frugal")),
            dietary=list(profile.get("dietary", [])),
            avoid=sorted(avoid),
            transport=list(profile.get("transport", [])),
            arrival_time=profile.get("arrival_time"),
            departure_time=profile.get("departure_time"),
        )
        itinerary = planner.plan_trip(spec)
        itinerary.estimated_total = checks.estimate_total(itinerary, currency)
        over = amount is not None and itinerary.estimated_total.amount > amount
        if not over or level == "budget":
            break
        cheaper = LEVELS[LEVELS.index(level) - 1]
        notes.append(f"The {level} plan was over your budget, so I planned at the {cheaper} level.")
        level = cheaper
    profile["chosen_level"] = level
    itinerary.violations = checks.check_itinerary(itinerary, today)
    notes += holiday_notes(itinerary)
    notes += open_days_notes(itinerary, stays)
    notes += dietary_notes(itinerary)
    notes += journey_notes(itinerary)
    return itinerary, notes


def dietary_notes(itinerary: model.Itinerary) -> list[str]:
    """What the plan did for dietary needs, and what the person must still check."""
    needs = itinerary.preferences.dietary
    if not needs:
        return []
    meals = [s for s in itinerary.segments if s.type == "meal"]
    notes = []
    if {"vegetarian", "vegan"} & set(needs):
        known = sum("vegetarian" in s.tags for s in meals)
        notes.append(
            f"{known} of {len(meals)} meals {'is' if known == 1 else 'are'} at places known "
            "for vegetarian dishes; "
            "for the others, check the menu."
            if known
            else "Our places data marks no vegetarian places here: check each menu."
        )
    other = [n for n in needs if n not in ("vegetarian", "vegan")]
    if other:
        notes.append(
            f"Our places data does not say which restaurants are {' or '.join(other)}: "
            "ask each one before you go."
        )
    return notes


def open_days_notes(itinerary: model.Itinerary, stays: list[planner.Stay]) -> list[str]:
    """When a long stay runs out of places: say so, and how to split it."""
    short = sum(1 for v in itinerary.violations if v.code == "day_incomplete")
    longest = max(stays, key=lambda s: s.days, default=None)
    if not short or longest is None or longest.days < LONG_STAY_DAYS:
        return []  # on a short stay, closed days or a late arrival are the likelier cause
    note = (
        f"Our places for {longest.city.name} run short on a {longest.days}-day stay: "
        f"{short} day{'s are' if short > 1 else ' is'} not full."
    )
    nearby = nearest_destination(longest.city, {s.city.name for s in stays})
    if nearby is not None:
        note += (
            f" To fill {'them' if short > 1 else 'it'}, split the trip: say "
            f"*make it {sum(s.days for s in stays) - short} days*, then "
            f"*add {nearby} for {short} day{'s' if short > 1 else ''}*."
        )
    return [note]


def nearest_destination(city: City, taken: set[str]) -> str | None:
    """The closest of our destinations to ``city`` that the trip does not visit yet."""
    index = city_index()
    best, best_km = None, math.inf
    for destination in destinations():
        other = index.lookup(destination.name)
        if other is None or other.name in taken or destination.name in taken:
            continue
        km = km_between(city.lat, city.lon, other.lat, other.lon)
        if km < best_km:
            best, best_km = destination.name, km
    return best


def _currency_of(city: City) -> str:
    from tripdesigner_kernel.knowledge.places import places_for

    return places_for(city).currency


def holiday_notes(itinerary: model.Itinerary) -> list[str]:
    """Public holidays on the trip's days, where places may close or be crowded."""
    try:
        import holidays as holiday_calendars
    except ImportError:  # an optional nicety
        return []
    notes: list[str] = []
    if itinerary.start_date is None or itinerary.end_date is None:
        return notes
    countries = {d.country for d in itinerary.destinations}
    years = list(range(itinerary.start_date.year, itinerary.end_date.year + 1))
    for country in sorted(countries):
        try:
            calendar = holiday_calendars.country_holidays(country, years=years)
        except NotImplementedError:
            continue
        day = itinerary.start_date
        while day <= itinerary.end_date:
            if day in calendar:
                notes.append(
                    f"{day:%a %d %b} is a public holiday in {country} ({calendar[day]}): "
                    "check opening hours."
                )
            day += timedelta(days=1)
    return notes
