"""Follow-ups that swap one item of the plan for a kind of place: "swap the museum for
something outdoorsy", "replace the tower with a park", "swap the desert trip for a cooking
class", "instead of the Louvre, a market".

The item named (by name, kind or day: ``plan_items.find_items``) gives way to the nearest
place of the kind asked for (our taxonomy's categories and tags) that is open that day and
not yet in the plan; everything else stays. When our places for that city have none, the
plan is kept and the reply says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from tripdesigner_kernel.designers.offline.edits import Edit
from tripdesigner_kernel.designers.offline.plan_items import find_items
from tripdesigner_kernel.designers.offline.understanding.state import find_city
from tripdesigner_kernel.knowledge.geo import km_between
from tripdesigner_kernel.knowledge.opening import open_on
from tripdesigner_kernel.knowledge.places import Place, places_for
from tripdesigner_kernel.knowledge.text import fold
from tripdesigner_kernel.trip import model


@dataclass(frozen=True)
class Kind:
    """A kind of place asked for: its words, its name in replies, what our data calls it."""

    words: str
    label: str
    categories: frozenset[str]
    tags: frozenset[str] = frozenset()
    literal: str = ""  # a word a place must have to be this exactly ("cooking" class)


def _kind(words: str, label: str, categories: str, tags: str = "", literal: str = "") -> Kind:
    return Kind(words, label, frozenset(categories.split()), frozenset(tags.split(",")), literal)


# First match wins: the narrower words come first.
KINDS = (
    _kind(
        r"cooking class\w*|cookery|cooking", "cooking class", "market food_street", "food", "cook"
    ),
    _kind(
        r"food tours?|tastings?|street food|food\w*|eat\w*",
        "food place",
        "market food_street",
        "food,street food",
    ),
    _kind(r"markets?|bazaars?|souks?|food halls?", "market", "market", "markets"),
    _kind(r"beach\w*|swim\w*|seaside", "beach", "beach", "beaches"),
    _kind(r"parks?|gardens?|botanic\w*", "park or garden", "park", "parks,gardens"),
    _kind(
        r"views?|viewpoints?|lookouts?|panoram\w*|observation deck",
        "viewpoint",
        "viewpoint",
        "viewpoints",
    ),
    _kind(
        r"outdoor\w*|outside|open air|fresh air|nature|green\w*|hik\w+",
        "outdoor place",
        "park nature beach viewpoint",
        "parks,gardens,nature,hiking",
    ),
    _kind(r"museums?|galler\w+|art", "museum", "museum", "museums"),
    _kind(
        r"church\w*|temples?|cathedrals?|mosques?|shrines?|religious",
        "religious site",
        "religious",
        "churches,temples,religion",
    ),
    _kind(r"shopping|shops?|boutiques?|malls?", "shopping", "shopping", "shopping"),
    _kind(
        r"shows?|zoos?|aquariums?|theme parks?|for (?:the )?kids",
        "show or attraction",
        "entertainment",
        "kids",
    ),
    _kind(
        r"histor\w*|landmarks?|monuments?|castles?|ruins",
        "historic sight",
        "sight",
        "history,castles",
    ),
    _kind(r"neighbo\w*hoods?|strolls?|wander\w*", "neighbourhood stroll", "neighbourhood"),
    _kind(r"indoors?|inside", "indoor place", "museum shopping entertainment religious"),
)
_VERB = re.compile(
    r"\b(?:swap|replace|switch|change|trade|exchange|substitute|sub)(?: out)?\b|\binstead of\b"
)
_CONNECTOR = re.compile(r" (?:for|with|to|into|by|in favou?r of) ")
_FILLER = re.compile(
    r"(?:\s|\b(?:a|an|some|do|have|go to|visit|see|get|try|can we|could we|let s|we d like"
    r"|i d like|maybe|please|something))+$"
)


def _last_kind(folded: str) -> int | None:
    """Where the last kind of place named in ``folded`` starts, if any."""
    starts = [m.start() for k in KINDS for m in re.finditer(rf"\b(?:{k.words})\b", folded)]
    return max(starts, default=None)


def _old_and_new(folded: str) -> tuple[str, str] | None:
    """The item to take out and the kind asked for, as said: "swap <old> for <new>",
    "instead of <old>, <new>", "<new> instead of <old>"."""
    verb = _VERB.search(folded)
    if verb is None:
        return None
    before, after = folded[: verb.start()], folded[verb.end() :]
    if verb[0] == "instead of":
        if kind_asked(before):
            return after, before
        at = _last_kind(after)
        if at is None:
            return None
        return _FILLER.sub("", after[:at]), after[at:]
    links = list(_CONNECTOR.finditer(after))
    if not links:
        return None
    return after[: links[-1].start()], after[links[-1].end() :]


def kind_asked(folded: str) -> Kind | None:
    """The kind of place a (folded) phrase asks for, if it names one."""
    return next((k for k in KINDS if re.search(rf"\b(?:{k.words})\b", folded)), None)


def kind_swap_edit(text: str, itinerary: Any, today: date) -> Edit | None:
    """The swap ``text`` asks for: a ``swap_kind`` edit (``subject``: the names taken out,
    ``|``-joined; ``to``: the place put in; ``day``), or a ``swap_none`` edit whose
    ``subject`` says why nothing fits; None when ``text`` asks for no such swap."""
    if not itinerary:
        return None
    said = _old_and_new(fold(text))
    if said is None:
        return None
    old, wanted = said[0].strip(), said[1].strip()
    kind = kind_asked(wanted)
    if kind is None or not old:
        return None
    plan = model.Itinerary.from_json(dict(itinerary))
    if re.sub(r"^the ", "", old) in {fold(d.name) for d in plan.destinations}:
        return None  # "replace Lisbon with a beach town": a city of the trip, not a visit
    found = find_items(old, plan, today)
    if found.choices:
        names = ", ".join(found.choices)
        return Edit(
            "swap_none",
            note=f"There are several: {names}. Name the one to swap, e.g. *swap the "
            f"{found.choices[0]} for {wanted}*.",
        )
    items = [s for s in found.items if s.type == "activity"] or _by_word(plan, old)
    if not items:
        return None
    first = items[0]
    day = int(first.details.get("day", 0))
    gone = _whole_item(plan, first)
    place, city = _nearest_of_kind(plan, first, kind, {*gone, *(s.name for s in plan.segments)})
    if place is None:
        return Edit(
            "swap_none",
            note=f"Our places for {city} have no {kind.label} open on day {day} that is not "
            f"in the plan yet, so I kept {first.name}.",
        )
    note = ""
    if kind.literal and kind.literal not in fold(place.name):
        note = f"Our places for {city} hold no {kind.label}: {place.name} is the nearest for food."
    return Edit("swap_kind", day=day, subject="|".join(gone), to=place.name, note=note)


_VAGUE = {"trip", "tour", "visit", "thing", "place", "that", "this", "with", "stop", "one"}


def _by_word(plan: model.Itinerary, old: str) -> list[model.Segment]:
    """The visit a phrase names by a word of its name ("the desert trip": Desert Safari),
    when all the visits with that word are one item on one day."""
    words = set(re.findall(r"[a-z]{4,}", old)) - _VAGUE
    hits = [
        s
        for s in plan.segments
        if s.type == "activity" and words & set(re.findall(r"[a-z]{4,}", fold(s.name)))
    ]
    return hits[:1] if len({s.details.get("day") for s in hits}) == 1 else []


def _whole_item(plan: model.Itinerary, item: model.Segment) -> list[str]:
    """The names of an item's segments: a day trip's leg there, its lunch, its afternoon."""
    day = item.details.get("day")
    return [
        s.name
        for s in plan.segments
        if s.details.get("day") == day
        and (s.name == item.name or item.name in s.name)
        and s.type != "meal"
    ] or [item.name]


def _nearest_of_kind(
    plan: model.Itinerary, item: model.Segment, kind: Kind, taken: set[str]
) -> tuple[Place | None, str]:
    """The place of ``kind`` nearest ``item``, open on its day, not in ``taken``; and the
    name of the city searched."""
    city_name = item.location.city if item.location and item.location.city else ""
    destination = next((d for d in plan.destinations if d.name == city_name), plan.destinations[0])
    city = find_city(destination)  # type: ignore[arg-type]
    if city is None:
        return None, destination.name
    places = places_for(city)
    day = item.start.date()
    lat = item.location.lat if item.location and item.location.lat is not None else city.lat
    lon = item.location.lon if item.location and item.location.lon is not None else city.lon
    fits = [
        p
        for p in places.activities
        if p.name not in taken
        and p.category not in ("day_trip", "event")
        and (p.category in kind.categories or kind.tags & set(p.tags))
        and any(close - opens >= p.minutes for opens, close in open_on(p, day))
    ]
    if kind.literal:  # a cooking class itself, when our data has one
        fits = [p for p in fits if kind.literal in fold(p.name)] or fits
    best = min(fits, key=lambda p: km_between(lat, lon, p.lat, p.lon), default=None)
    return best, places.city


def swap_for_kind(profile: Any, edit: Edit, current: dict[int, list[str]]) -> str:
    """Take ``edit``'s items out, put its place on their day; the other days are pinned."""
    gone = edit.subject.split("|")
    profile.planner.exclude = sorted({*profile.planner.exclude, *gone})
    profile.planner.pinned = {str(d): names for d, names in current.items()}
    day = current.get(edit.day, [])
    at = next((i for i, n in enumerate(day) if n in gone), len(day))
    kept = [n for n in day if n not in gone]
    profile.planner.pinned[str(edit.day)] = [*kept[:at], edit.to, *kept[at:]]
    done = f"Swapped {gone[0]} for {edit.to} on day {edit.day}; the other days stay as they were."
    return f"{done} {edit.note}".strip()
