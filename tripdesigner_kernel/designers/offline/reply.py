"""The offline designer's reply: the plan in a few readable Markdown lines."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from tripdesigner_kernel.trip import model
from tripdesigner_kernel.trip.exports import day_heading


def _money(money: model.Money | None) -> str:
    if money is None:
        return ""
    return f"{money.amount:,.0f} {money.currency}"


def describe_plan(itinerary: model.Itinerary, profile: Mapping[str, Any], notes: list[str]) -> str:
    """What was planned, what was assumed, the days, the total and any problems."""
    assert itinerary.start_date is not None and itinerary.end_date is not None
    span = f"{itinerary.start_date:%a %d %b %Y} to {itinerary.end_date:%a %d %b %Y}"
    who = f"{itinerary.travelers} traveller{'s' if itinerary.travelers != 1 else ''}"
    lines = [f"**{itinerary.title}**, {span}, for {who}, {itinerary.budget.level} level."]
    assumed = []
    if not profile.get("travelers"):
        assumed.append(f"{itinerary.travelers} travellers")
    if not profile.get("days") and not all(c.get("days") for c in profile.get("cities", [])):
        assumed.append(f"{itinerary.days} days")
    if assumed:
        lines.append(f"I assumed {' and '.join(assumed)}; tell me if that is wrong.")
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
            f"Stay: {h.name}, {h.details.get('nights')} night(s), {_money(h.price)}" for h in hotels
        ]
    if itinerary.estimated_total:
        lines.append(f"\nEstimated total: **{_money(itinerary.estimated_total)}**")
    if itinerary.violations:
        lines.append("\nProblems found:")
        lines += [f"- {v.message}" for v in itinerary.violations]
    return "\n".join(lines)
