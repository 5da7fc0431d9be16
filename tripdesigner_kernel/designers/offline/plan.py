"""From the trip profile to a plan: the planner's spec, the budget as a trip total, notes.

``plan_from_profile`` is deterministic: the same profile always gives the same plan.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Mapping
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from tripdesigner_kernel.designers.base import DesignerError
from tripdesigner_kernel.designers.offline.lodging import lodging_cap, lodging_notes
from tripdesigner_kernel.designers.offline.understanding.profile import TripProfile
from tripdesigner_kernel.designers.offline.understanding.state import MAX_DAYS, find_city
from tripdesigner_kernel.knowledge.cities import City, destination_cities
from tripdesigner_kernel.knowledge.geo import km_between

# Models are looked up on their module at call time, never imported by name: after a
# reload of the model module, names bound here would mix old and new classes.
from tripdesigner_kernel.trip import checks, model, planner
from tripdesigner_kernel.trip.journeys import journey_notes
from tripdesigner_kernel.trip.notes import (
    closure_notes,
    event_notes,
    interest_notes,
    party_notes,
    vegan_notes,
)

DEFAULT_DAYS_ONE_CITY = 4
DEFAULT_DAYS_PER_CITY = 3
DEFAULT_TRAVELERS = 2
LONG_STAY_DAYS = 7  # from here on, a stay can run out of our places
LEVELS = ("budget", "moderate", "luxury")
# Spend per person per day (USD, without flights) that fits each level.
LEVEL_CEILING_USD = {"budget": 120, "moderate": 350}


def split_days(profile: TripProfile) -> list[int]:
    """Days in each destination: as given, else the trip's length shared out."""
    given = [d.days for d in profile.destinations]
    if all(given):
        days = [int(d or 0) for d in given]
        while sum(days) > MAX_DAYS:  # the reply says the trip was cut to MAX_DAYS
            days[days.index(max(days))] -= 1
        return days
    cities = len(given)
    default = DEFAULT_DAYS_ONE_CITY if cities == 1 else DEFAULT_DAYS_PER_CITY * cities
    total = int(profile.dates.days or default)
    known = sum(int(d) for d in given if d)
    free = [i for i, d in enumerate(given) if not d]
    left = max(total - known, len(free))
    days = [int(d) if d else 0 for d in given]
    for n, i in enumerate(free):
        days[i] = left // len(free) + (1 if n < left % len(free) else 0)
    return days


def budget_total(profile: TripProfile, travelers: int, days: int) -> Decimal | None:
    """The budget for the whole trip and party, whatever its scope; None without an amount."""
    amount = profile.budget.amount
    if amount is None:
        return None
    scope = profile.budget.scope
    if scope in ("per_person", "per_person_per_day"):
        amount *= travelers
    if scope in ("per_day", "per_person_per_day"):
        amount *= days
    return amount


def _meals_served(previous: Mapping[str, Any] | None) -> dict[str, str]:
    """The meal each eatery of the plan being edited served: kept, it serves the same."""
    return {
        s["name"]: s["details"]["meal"]
        for s in (previous or {}).get("segments", [])
        if s["type"] == "meal" and "meal" in s.get("details", {})
    }


def _itinerary_id(profile: TripProfile, previous: Mapping[str, Any] | None) -> str:
    if previous and previous.get("id"):
        return str(previous["id"])
    seed = repr(sorted(profile.slots().items())).encode()
    return "it-" + hashlib.sha256(seed).hexdigest()[:10]


def _level_for_amount(amount_usd: Decimal, travelers: int, days: int) -> str:
    per_day = float(amount_usd) / max(1, travelers) / max(1, days)
    for level, ceiling in LEVEL_CEILING_USD.items():
        if per_day < ceiling:
            return level
    return "luxury"


def _currencies(profile: TripProfile, city: City) -> tuple[str, list[str]]:
    """The currency for totals (the budget's when we can convert it) and notes."""
    from tripdesigner_kernel.knowledge.money import known

    local = _currency_of(city)
    wanted = profile.budget.currency
    if not wanted or wanted == local:
        return local, []
    missing = wanted if not known(wanted) else local if not known(local) else None
    if missing is None:
        return wanted, []
    return local, [
        f"I have no exchange rate for {missing}, so I could not check the plan against your "
        f"budget in {wanted}; totals are in {local}."
    ]


def plan_from_profile(
    profile: TripProfile, previous: Mapping[str, Any] | None, today: date
) -> tuple[model.Itinerary, list[str]]:
    """Plan the trip the profile describes; within budget when one is given.

    Writes back to the profile what the plan settled: each city's days, the dates and the
    level chosen. Never fails for want of an exchange rate: it says so in the notes.
    """
    from tripdesigner_kernel.knowledge.money import UnknownCurrencyError, convert

    stays, left_out = [], []
    for destination, days in zip(profile.destinations, split_days(profile), strict=True):
        city = find_city(destination)
        if city is not None and days > 0:
            stays.append(planner.Stay(city, days))
        else:
            why = "no days were left for it" if city else "I could not find it on our map"
            left_out.append(f"{destination.name} ({why})")
    start = profile.dates.start_date or today + timedelta(days=30)
    if start < today:  # a trip may start today ("this weekend", said on a Saturday)
        start = today + timedelta(days=1)
    travelers = profile.travelers_count() or DEFAULT_TRAVELERS
    if not stays:
        names = ", ".join(d.name for d in profile.destinations)
        raise DesignerError(f"I could not find {names} on our map any more: name the city again.")
    origin = find_city(profile.origin) if profile.origin else None
    total_days = sum(s.days for s in stays)
    currency, notes = _currencies(profile, stays[0].city)
    if left_out:  # never a shorter trip without a word
        notes.append(f"I left out {', '.join(left_out)}.")
    amount = budget_total(profile, travelers, total_days)
    if amount is not None and currency != profile.budget.currency:
        amount = None  # no rate: the amount cannot be compared with the plan's costs
    level: Any = profile.budget.level
    if level is None and amount is not None:
        level = _level_for_amount(convert(amount, currency, "USD"), travelers, total_days)
    level = level or "moderate"
    avoid = set(profile.avoid)
    interests = [i for i in profile.interests if i not in avoid]
    while True:
        spec = planner.TripSpec(
            stays=stays,
            start=start,
            travelers=travelers,
            level=level,
            interests=interests,
            pace=profile.pace or slower_pace(profile),  # type: ignore[arg-type]
            origin=origin,
            exclude=frozenset(profile.planner.exclude),
            currency=currency,
            budget_amount=amount,
            itinerary_id=_itinerary_id(profile, previous),
            pinned={int(d): names for d, names in profile.planner.pinned.items()},
            meal_of=_meals_served(previous),
            frugal=profile.planner.frugal,
            hotel_level=profile.planner.hotel_level,  # type: ignore[arg-type]
            lodging_cap=lodging_cap(profile, travelers, currency),
            dietary=list(profile.dietary),
            avoid=sorted(avoid),
            children=list(profile.travelers.children),
            accessibility=list(profile.accessibility),
            transport=list(profile.transport),
            cuisines=list(profile.cuisines),
            arrival_time=profile.arrival_time,
            departure_time=profile.departure_time,
            day_start=profile.day_start,
            bedtime=profile.bedtime,
            events=list(profile.events),
            lodging=profile.accommodation.kind,
            day_wishes={int(d): w for d, w in profile.planner.day_wishes.items()},
        )
        itinerary = planner.plan_trip(spec)
        try:
            itinerary.estimated_total = checks.estimate_total(itinerary, currency)
        except UnknownCurrencyError as error:  # a price in a currency we cannot convert
            notes.append(f"I could not add up the costs: {error}")
            break
        over = amount is not None and itinerary.estimated_total.amount > amount
        if not over or level == "budget":
            break
        cheaper = LEVELS[LEVELS.index(level) - 1]
        notes.append(f"The {level} plan was over your budget, so I planned at the {cheaper} level.")
        level = cheaper
    total = itinerary.estimated_total
    if amount is not None and total is not None and total.amount > amount:
        notes.append(
            f"Even at the {level} level the estimate, {total.amount:,.0f} {currency}, is over "
            f"your budget of {amount:,.0f} {currency}: fewer days or a larger budget would fit."
        )
    profile.planner.chosen_level = level
    _settle(profile, stays, itinerary)
    itinerary.violations = checks.check_itinerary(itinerary, today)
    notes += event_notes(itinerary) + interest_notes(itinerary)
    notes += holiday_notes(itinerary, closure_notes(itinerary))
    notes += party_notes(itinerary)
    notes += open_days_notes(itinerary, stays)
    notes += dietary_notes(itinerary) + vegan_notes(itinerary)
    notes += journey_notes(itinerary)
    notes += lodging_notes(itinerary, profile)
    return itinerary, notes


def slower_pace(profile: TripProfile) -> str:
    """The pace when none was said: relaxed for a party that cannot walk far (fewer visits,
    a rest each day), else moderate."""
    from tripdesigner_kernel.trip.walking import needs_short_walks

    return "relaxed" if needs_short_walks(profile.accessibility) else "moderate"


def _settle(profile: TripProfile, stays: list[planner.Stay], itinerary: model.Itinerary) -> None:
    """Write what the plan settled back into the slots: days, dates, names as planned."""
    by_city = {s.city: (s, d) for s, d in zip(stays, itinerary.destinations, strict=False)}
    settled = []
    for destination in profile.destinations:
        city = find_city(destination)
        if city in by_city:
            stay, planned_as = by_city[city]
            destination = destination.model_copy(
                update={"name": planned_as.name, "days": stay.days}
            )
        settled.append(destination)
    profile.destinations = settled
    profile.dates.days = sum(s.days for s in stays)
    profile.dates.start_date = itinerary.start_date
    profile.dates.end_date = itinerary.end_date


def dietary_notes(itinerary: model.Itinerary) -> list[str]:
    """What the plan did for dietary needs, and what the person must still check."""
    from tripdesigner_kernel.knowledge.diet import diets_fit, known_needs

    needs = itinerary.preferences.dietary
    if not needs:
        return []
    meals = [s for s in itinerary.segments if s.type == "meal"]
    covered = tuple(n for n in needs if n in known_needs() and n != "diabetic")
    notes = []
    if covered:
        said = " and ".join(covered)
        picked = [
            s
            for s in meals
            if s.details.get("diet_pick")
            or str(s.details.get("description", "")).startswith("Your pick")
        ]
        suits = sum(
            diets_fit(s.name, str(s.details.get("description", "")), tuple(s.tags), covered)
            == "suits"
            or bool({"vegetarian", "vegan"} & set(covered) and "vegetarian" in s.tags)
            for s in meals
            if s not in picked
        )
        picks = len(picked)
        parts = [f"{suits} of {len(meals)} meals are at places that say they cater for it"]
        if picks:
            parts.append(
                f"{picks} {'is' if picks == 1 else 'are'} your pick of a {said} place near the "
                "route, where none of ours fits"
            )
        notes.append(
            f"{said.capitalize()}: " + "; ".join(parts) + "; no meal is at a place whose "
            "signature dishes rule it out. Check the menu at the others."
        )
    if "diabetic" in needs:
        notes.append(_diabetic_note(meals))
    other = [n for n in needs if n not in covered and n != "diabetic"]
    if other:
        notes.append(
            f"Our places data does not say which restaurants are {' or '.join(other)}: "
            "ask each one before you go."
        )
    return notes


def _diabetic_note(meals: list[model.Segment]) -> str:
    """Diabetic: when lunch and dinner start across the plan, every full day."""

    def span(meal: str) -> str:
        starts = sorted(f"{s.start:%H:%M}" for s in meals if s.details.get("meal") == meal)
        if not starts:
            return ""
        return f"{meal} {starts[0]}" + (f"-{starts[-1]}" if starts[-1] != starts[0] else "")

    times = " and ".join(t for t in (span("lunch"), span("dinner")) if t)
    return (
        f"Diabetic: meals at regular times ({times}), lunch on day trips too, and no pastry "
        "or dessert shop as a meal; carry a snack for the journeys and long visits."
    )


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
    best, best_km = None, math.inf
    for destination, other in destination_cities():
        if other.name in taken or destination.name in taken:
            continue
        km = km_between(city.lat, city.lon, other.lat, other.lon)
        if km < best_km:
            best, best_km = destination.name, km
    return best


def _currency_of(city: City) -> str:
    from tripdesigner_kernel.knowledge.places import places_for

    return places_for(city).currency


def holiday_notes(itinerary: model.Itinerary, closures: list[str]) -> list[str]:
    """One note per run of public holidays on the trip's days, folding in ``closures``
    (``trip.notes.closure_notes``, one per day, each starting with the day as "Sat 06 Feb")
    that fall in the run; the closures of days outside every run follow, as they were."""
    runs = _holiday_runs(itinerary)
    notes: list[str] = []
    taken: set[str] = set()
    for country, days in runs:
        labels = {f"{day:%a %d %b}" for day, _ in days}
        closed = [c for c in closures if c[:10] in labels]
        taken.update(closed)
        first, last = days[0][0], days[-1][0]
        names = [name for _, name in days]
        # "Lunar New Year" over "Second Day of Lunar New Year"; else the run's first name
        name = max(names, key=lambda n: sum(n in other for other in names))
        when = f"{first:%a %d %b}" if first == last else f"{first:%a %d %b} - {last:%a %d %b}"
        where = _and_names([d.name for d in itinerary.destinations if d.country == country])
        on = "that day" if first == last else f"on {len(closed)} of these days"
        what = (
            f"many of our sights in {where} close {on}; the plan avoids closed places"
            if closed
            else f"a public holiday in {where}; the plan avoids places known to close, but "
            "check opening hours"
        )
        notes.append(f"{name}, {when}: {what}.")
    return [*notes, *(c for c in closures if c not in taken)]


def _and_names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _holiday_runs(itinerary: model.Itinerary) -> list[tuple[str, list[tuple[date, str]]]]:
    """(country, [(day, holiday name)]) for each run of consecutive public holidays."""
    try:
        import holidays as holiday_calendars
    except ImportError:  # an optional nicety
        return []
    if itinerary.start_date is None or itinerary.end_date is None:
        return []
    years = list(range(itinerary.start_date.year, itinerary.end_date.year + 1))
    runs: list[tuple[str, list[tuple[date, str]]]] = []
    for country in sorted({d.country for d in itinerary.destinations}):
        try:
            calendar = holiday_calendars.country_holidays(country, years=years)
        except NotImplementedError:
            continue
        day, run = itinerary.start_date, []
        while day <= itinerary.end_date + timedelta(days=1):
            if day in calendar and day <= itinerary.end_date:
                run.append((day, str(calendar[day]).split(";")[0].strip()))
            elif run:
                runs.append((country, run))
                run = []
            day += timedelta(days=1)
    return runs
