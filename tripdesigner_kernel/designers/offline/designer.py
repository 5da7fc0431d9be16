"""The offline designer: rules over our own data, no key, no network."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from tripdesigner_kernel.designers.base import DesignRequest, DesignResult, Question
from tripdesigner_kernel.designers.offline.understanding import (
    TripRequest,
    start_date_for,
    understand,
)
from tripdesigner_kernel.knowledge.cities import City, city_index, currency_of, destinations
from tripdesigner_kernel.knowledge.text import fold

# Models are looked up on their module at call time, never imported by name: after a
# reload of the model module, names bound here would mix old and new classes.
from tripdesigner_kernel.trip import model

DEFAULT_DAYS_ONE_CITY = 4
DEFAULT_DAYS_PER_CITY = 3
DEFAULT_TRAVELERS = 2
MAX_DAYS = 60


class OfflineDesigner:
    """Understands requests with rules and lays out the dated days of the trip."""

    name = "offline"

    def __init__(self, settings: Mapping[str, Any] | None = None, api_key: str | None = None):
        # No key is needed; it is deliberately not kept.
        self.settings = dict(settings or {})

    def respond(self, request: DesignRequest) -> DesignResult:
        asked = understand(request.text, request.today)
        profile = _merge_profile(request.profile, asked, request.today)
        if not profile.get("cities"):
            question = _where_question(asked, request.text, request.today)
            return DesignResult(
                reply=question.text, itinerary=request.itinerary, profile=profile, question=question
            )
        itinerary = build_outline(profile, request.itinerary, request.today)
        return DesignResult(
            reply=describe(itinerary, profile), itinerary=itinerary.to_json(), profile=profile
        )

    def close(self) -> None:
        """Nothing to release."""


def _merge_profile(old: Mapping[str, Any], asked: TripRequest, today: date) -> dict[str, Any]:
    """The trip profile after this message: what was asked overrides what was known."""
    profile = dict(old)
    if asked.stays:
        profile["cities"] = [
            {"name": s.city.name, "country": s.city.country, "days": s.days} for s in asked.stays
        ]
    if asked.days:
        profile["days"] = min(asked.days, MAX_DAYS)
        if not asked.stays and profile.get("cities"):  # "make it 4 days": a new total
            profile["cities"] = [{**c, "days": None} for c in profile["cities"]]
    if asked.start_date or asked.month or "start_date" not in profile:
        profile["start_date"] = start_date_for(asked, today).isoformat()
    if asked.travelers:
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
    if asked.pace:
        profile["pace"] = asked.pace
    if asked.origin:
        profile["origin"] = {"name": asked.origin.name, "country": asked.origin.country}
    return profile


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
    if warm_wanted:
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
    seed = repr(sorted((k, repr(v)) for k, v in profile.items())).encode()
    return "it-" + hashlib.sha256(seed).hexdigest()[:10]


def build_outline(
    profile: Mapping[str, Any], previous: Mapping[str, Any] | None, today: date
) -> model.Itinerary:
    """The dated day-by-day outline of the trip: one note a day, in each day's city."""
    index = city_index()
    cities = [index.lookup(c["name"]) for c in profile["cities"]]
    found = [c for c in cities if c is not None]
    days_per_city = _split_days(profile)
    start = date.fromisoformat(profile["start_date"])
    if start <= today:
        start = today + timedelta(days=1)
    total_days = sum(days_per_city)
    first_country = found[0].country
    currency = profile.get("budget_currency") or currency_of(first_country)
    budget = model.Budget(
        level=profile.get("budget_level") or "moderate",
        amount=Decimal(profile["budget_amount"]) if profile.get("budget_amount") else None,
        currency=currency,
    )
    segments: list[model.Segment] = []
    day_number = 0
    for city, days in zip(found, days_per_city, strict=False):
        zone = ZoneInfo(city.timezone)
        for _ in range(days):
            day = start + timedelta(days=day_number)
            day_number += 1
            segments.append(
                model.Segment(
                    id=f"day{day_number}-note",
                    type="note",
                    name=f"Day {day_number}: {city.name}",
                    start=datetime.combine(day, time(9, 0), zone),
                    end=datetime.combine(day, time(21, 0), zone),
                    location=model.Location(
                        name=city.name,
                        lat=city.lat,
                        lon=city.lon,
                        city=city.name,
                        country=city.country,
                    ),
                )
            )
    origin = None
    if profile.get("origin"):
        home = index.lookup(profile["origin"]["name"])
        if home:
            origin = model.Location(
                name=home.name, lat=home.lat, lon=home.lon, city=home.name, country=home.country
            )
    names = " & ".join(c.name for c in found)
    return model.Itinerary(
        id=_itinerary_id(profile, previous),
        title=f"{total_days} day{'s' if total_days != 1 else ''} in {names}",
        start_date=start,
        end_date=start + timedelta(days=total_days - 1),
        origin=origin,
        destinations=[
            model.Destination(
                name=c.name,
                country=c.country,
                lat=c.lat,
                lon=c.lon,
                timezone=c.timezone,
                coverage="generic",
            )
            for c in found
        ],
        travelers=int(profile.get("travelers") or DEFAULT_TRAVELERS),
        budget=budget,
        preferences=model.Preferences(
            interests=list(profile.get("interests", [])), pace=profile.get("pace") or "moderate"
        ),
        segments=segments,
    )


def describe(itinerary: model.Itinerary, profile: Mapping[str, Any]) -> str:
    """The reply: what was planned and what was assumed, in Markdown."""
    assert itinerary.start_date is not None and itinerary.end_date is not None
    span = f"{itinerary.start_date:%a %d %b %Y} to {itinerary.end_date:%a %d %b %Y}"
    who = f"{itinerary.travelers} traveller{'s' if itinerary.travelers != 1 else ''}"
    lines = [f"**{itinerary.title}**, {span}, for {who}."]
    assumed = []
    if not profile.get("travelers"):
        assumed.append(f"{DEFAULT_TRAVELERS} travellers")
    if not profile.get("days"):
        assumed.append(f"{itinerary.days} days")
    if assumed:
        lines.append(f"I assumed {' and '.join(assumed)}; tell me if that is wrong.")
    if itinerary.preferences.interests:
        lines.append(f"Interests: {', '.join(itinerary.preferences.interests)}.")
    lines.append("")
    for segment in itinerary.segments:
        lines.append(f"- {segment.start:%a %d %b}: {segment.name}")
    return "\n".join(lines)
