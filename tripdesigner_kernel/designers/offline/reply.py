"""The offline designer's reply: what was understood, then the plan in readable Markdown."""

from __future__ import annotations

from datetime import date

from tripdesigner_kernel.designers.offline.understanding.profile import TripProfile
from tripdesigner_kernel.trip import model
from tripdesigner_kernel.trip.exports import day_heading, price_text

# Slots the planner does not act on yet: kept, and said back so nothing is lost silently.
NOT_PLANNED_YET = "I can't plan around these yet"


def _money(money: model.Money | None) -> str:
    if money is None:
        return ""
    return f"{money.amount:,.0f} {money.currency}"


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def _party(profile: TripProfile) -> str:
    adults = profile.travelers.adults or 2
    children = profile.travelers.children
    if not children:
        return f"{adults} traveller{'s' if adults != 1 else ''}"
    ages = [str(a) for a in children if a is not None]
    kids = f"{len(children)} child{'ren' if len(children) > 1 else ''}"
    return f"{adults} adult{'s' if adults != 1 else ''} and {kids}" + (
        f" (aged {_and(ages)})" if ages else ""
    )


def _budget(profile: TripProfile, level: str | None) -> list[str]:
    budget = profile.budget
    parts = []
    if budget.amount is not None:
        scope = "" if budget.scope == "total" else " " + budget.scope.replace("_", " ")
        parts.append(f"up to {budget.amount:,.0f} {budget.currency or ''}".rstrip() + scope)
    if budget.level or level:
        parts.append(str(budget.level or level))
    return parts


def _assumed(profile: TripProfile, itinerary: model.Itinerary | None) -> list[str]:
    """The assumed slots in words, with their values where the line alone would not say."""
    words = {
        "travellers": _party(profile),
        "length": f"{profile.dates.days} days" if profile.dates.days else "length",
        "level": itinerary.budget.level if itinerary else "level",
        "currency": f"budget in {profile.budget.currency}",
    }
    return [words.get(slot, slot) for slot in profile.assumed]


def understood_line(
    profile: TripProfile,
    itinerary: model.Itinerary | None = None,
    alternatives: list[str] | None = None,
) -> str:
    """One line of what the profile says, marking what was assumed rather than said.

    ``itinerary``: the plan made from it (for the level chosen and the cities' names as
    planned); ``alternatives``: other readings of a place's name, in one phrase each.
    """
    parts = []
    planned = [d.name for d in itinerary.destinations] if itinerary else []
    if len(planned) == len(profile.destinations) and planned:
        parts.append(_and(planned))
    elif profile.destinations:
        parts.append(_and([d.name for d in profile.destinations]))
    if profile.origin:
        parts.append(f"from {profile.origin.name}")
    dates = profile.dates
    if dates.days and dates.start_date:
        parts.append(
            f"{dates.days} day{'s' if dates.days != 1 else ''} from {dates.start_date:%a %d %b %Y}"
        )
    elif dates.start_date and dates.given == "month":
        parts.append(f"{dates.start_date:%B %Y}")
    elif dates.start_date and dates.given == "date":
        parts.append(f"from {dates.start_date:%a %d %b %Y}")
    if profile.travelers.adults or profile.destinations:
        parts.append(_party(profile))
    parts += _budget(profile, itinerary.budget.level if itinerary else None)
    if profile.pace:
        parts.append(f"{profile.pace} pace")
    if profile.day_start:
        parts.append(f"days start at {profile.day_start}")
    if profile.events:
        parts.append("for " + _and(profile.events))
    if profile.interests:
        words = f" (your words: {_and(profile.interest_words)})" if profile.interest_words else ""
        parts.append(_and(profile.interests) + words)
    if profile.avoid:
        parts.append("less " + _and(profile.avoid))
    if profile.dietary:
        parts.append(_and(profile.dietary))
    if profile.transport:
        parts.append(_and(profile.transport))
    if profile.accommodation.kind:  # the plan books this kind of stay
        parts.append(f"{profile.accommodation.kind} stays")
    if profile.accessibility:  # the planner avoids places with stairs or steep walks
        parts.append(_and(profile.accessibility) + " (step-free places)")
    if not parts:
        return ""
    line = "Understood: " + ", ".join(parts)
    if profile.assumed and profile.destinations:
        line += " · assumed: " + ", ".join(_assumed(profile, itinerary))
    if alternatives:
        line += " · " + "; ".join(alternatives)
    return line


def noted_line(profile: TripProfile) -> str:
    """The wishes kept in the profile that the planner cannot act on yet, or ''.

    Transport wishes, arrival and departure times (the legs use them), children and
    accessibility (the planner chooses places for them) are not among them.
    """
    noted: list[str] = []
    if profile.accommodation.type:
        noted.append(profile.accommodation.type)
    noted += [f"{rule} allowed" for rule in profile.accommodation.rules]
    stay = profile.accommodation
    if stay.amenities:
        noted.append("a stay with " + _and(stay.amenities))
    if profile.cuisines:
        noted.append(_and(profile.cuisines) + " food")
    if not noted:
        return ""
    return f"Noted: {', '.join(noted)} ({NOT_PLANNED_YET}: check them when you book)."


def describe_plan(itinerary: model.Itinerary, profile: TripProfile, notes: list[str]) -> str:
    """What was planned, the days, the total and any problems."""
    assert itinerary.start_date is not None and itinerary.end_date is not None
    span = f"{itinerary.start_date:%a %d %b %Y} to {itinerary.end_date:%a %d %b %Y}"
    who = f"{itinerary.travelers} traveller{'s' if itinerary.travelers != 1 else ''}"
    lines = [f"**{itinerary.title}**, {span}, for {who}, {itinerary.budget.level} level."]
    noted = noted_line(profile)
    if noted:
        lines.append(noted)
    generic = [d.name for d in itinerary.destinations if d.coverage == "generic"]
    if generic:
        lines.append(
            f"I have no curated places for {', '.join(generic)} yet: the plan suggests "
            "kinds of places to look for, on the real map."
        )
    lines += [f"- {note}" for note in notes] if notes else []
    lines.append("")
    by_day: dict[date, list[str]] = {}
    for segment in itinerary.segments:
        if segment.type == "hotel":
            continue
        label = (
            segment.name
            if segment.type != "meal"
            else f"{segment.details.get('meal', 'meal')}: {segment.name}"
        )
        by_day.setdefault(segment.start.date(), []).append(f"{segment.start:%H:%M} {label}")
    for day, items in by_day.items():
        # Numbered from the trip's first day: a flight leaving the evening before is not day 1.
        heading = day_heading(itinerary, day)
        lines.append(f"- **{heading}, {day:%a %d %b}**: " + "; ".join(items))
    hotels = [s for s in itinerary.segments if s.type == "hotel"]
    if hotels:
        lines.append("")
        lines += [
            f"Stay: {h.name}, {h.details.get('nights')} night(s)"
            + (f", {price_text(h.price, h.details)}" if h.price else "")
            for h in hotels
        ]
    if itinerary.estimated_total:
        lines.append(f"\nEstimated total: **{_money(itinerary.estimated_total)}**")
    if itinerary.violations:
        lines.append("\nProblems found:")
        lines += [f"- {v.message}" for v in itinerary.violations]
    return "\n".join(lines)
