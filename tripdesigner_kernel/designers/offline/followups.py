"""Follow-up edits applied to the trip profile: days, dates, party, origin, level, places.

``understand_edit`` (``edits``) reads the edits from a message; ``apply_edits`` turns each
into slot operations (``understanding.state``) and says what it did, or why it could not.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from tripdesigner_kernel.designers.offline.edits import Edit
from tripdesigner_kernel.designers.offline.plan import LEVELS, split_days
from tripdesigner_kernel.designers.offline.understanding import state
from tripdesigner_kernel.designers.offline.understanding.profile import TripProfile
from tripdesigner_kernel.designers.offline.understanding.request import CityStay
from tripdesigner_kernel.knowledge.cities import city_index
from tripdesigner_kernel.knowledge.text import fold


def day_names(itinerary: Mapping[str, Any] | None) -> dict[int, list[str]]:
    """Activity names of each day of a plan, by day number."""
    days: dict[int, list[str]] = {}
    for segment in (itinerary or {}).get("segments", []):
        if segment["type"] == "activity" and "day" in segment.get("details", {}):
            days.setdefault(segment["details"]["day"], []).append(segment["name"])
    return days


def _pin_all(profile: TripProfile, current: dict[int, list[str]]) -> None:
    profile.planner.pinned = {str(d): names for d, names in current.items()}


def _fix_days(profile: TripProfile) -> list[int]:
    """Each city's days made explicit, so a change to one leaves the others."""
    days = split_days(profile)
    profile.destinations = [
        d.model_copy(update={"days": n}) for d, n in zip(profile.destinations, days, strict=True)
    ]
    return days


def _remove_day(profile: TripProfile, number: int, current: dict[int, list[str]]) -> None:
    days = _fix_days(profile)
    seen = 0
    for i, count in enumerate(days):
        seen += count
        if number <= seen:
            days[i] -= 1
            break
    kept = [
        d.model_copy(update={"days": n})
        for d, n in zip(profile.destinations, days, strict=True)
        if n > 0
    ]
    profile.destinations = kept or profile.destinations[:1]
    profile.planner.exclude = sorted({*profile.planner.exclude, *current.get(number, [])})
    profile.planner.pinned = {
        str(day if day < number else day - 1): names
        for day, names in current.items()
        if day != number
    }
    profile.dates.days = sum(d.days or 0 for d in profile.destinations)
    state.said(profile, state.LENGTH)


def apply_edits(
    profile: TripProfile, edits: list[Edit], itinerary: Mapping[str, Any] | None, today: date
) -> list[str]:
    """Change the profile for each edit; returns notes for the reply."""
    notes: list[str] = []
    current = day_names(itinerary)
    for edit in edits:
        total = sum(split_days(profile))
        if edit.action == "add_days":
            days = _fix_days(profile)
            names = [c.name if c else "" for c in state.destination_cities(profile)]
            at = names.index(edit.subject) if edit.subject in names else len(names) - 1
            city = profile.destinations[at]
            profile.destinations[at] = city.model_copy(update={"days": days[at] + edit.days})
            profile.dates.days = total + edit.days
            state.said(profile, state.LENGTH)
            if at == len(names) - 1:  # days before the added ones keep their places
                _pin_all(profile, current)
            else:
                profile.planner.pinned = {}
            notes.append(f"Added {edit.days} day{'s' if edit.days > 1 else ''} in {city.name}.")
        elif edit.action == "remove_day":
            count = max(1, edit.days)
            if edit.day != -1:
                number = edit.day
                if not 1 <= number <= total or total <= 1:
                    notes.append(f"There is no day {number} to remove (the trip has {total} days).")
                    continue
                _remove_day(profile, number, current)
                notes.append(f"Removed day {number}; the days after it move one day earlier.")
            elif count >= total:
                notes.append(f"The trip has {total} days: I can remove at most {total - 1}.")
            else:
                for number in range(total, total - count, -1):
                    _remove_day(profile, number, current)
                    current = {d: n for d, n in current.items() if d != number}
                s = "s" if count > 1 else ""
                notes.append(
                    f"Removed the last {count} day{s}: the trip is now {total - count} days."
                )
        elif edit.action == "swap_days":
            a, b = edit.day, edit.other_day
            if not (1 <= a <= total and 1 <= b <= total) or a == b:
                notes.append(f"I can only swap two different days between 1 and {total}.")
                continue
            _pin_all(profile, current)
            pinned = profile.planner.pinned
            pinned[str(a)], pinned[str(b)] = current.get(b, []), current.get(a, [])
            notes.append(f"Swapped day {a} and day {b} (times re-checked against opening hours).")
        elif edit.action in ("cheaper", "pricier"):
            level = profile.budget.level or profile.planner.chosen_level or "moderate"
            step = -1 if edit.action == "cheaper" else 1
            index = max(0, min(len(LEVELS) - 1, LEVELS.index(level) + step))
            if edit.action == "cheaper" and LEVELS[index] == level:
                profile.planner.frugal = True
            profile.budget.level = LEVELS[index]
            state.said(profile, state.LEVEL)
            profile.planner.pinned = {}
            notes.append(
                f"Planned at the {LEVELS[index]} level"
                + (", favouring free places." if profile.planner.frugal else ".")
            )
        elif edit.action == "more":
            profile.interests = [edit.subject, *(i for i in profile.interests if i != edit.subject)]
            state.remove_from(profile, "avoid", [edit.subject])
            profile.planner.pinned = {}
        elif edit.action == "less":
            state.remove_from(profile, "interests", [edit.subject])
            state.add_to(profile, "avoid", [edit.subject])
            profile.avoid.sort()
            profile.planner.pinned = {}
            notes.append(f"Less {edit.subject}.")
        elif edit.action == "replace":
            note = _replace(profile, edit, current)
            notes += [note] if note else []
        elif edit.action == "add_city":
            found = city_index().lookup(edit.subject)
            if found is None:
                notes.append(f"I do not know a city called {edit.subject!r}.")
                continue
            _fix_days(profile)
            _pin_all(profile, current)
            notes += state.add_destinations(profile, [CityStay(found, edit.days or None)], None)
        else:
            notes += _dates_party_origin(profile, edit, today)
    return notes


def _replace(profile: TripProfile, edit: Edit, current: dict[int, list[str]]) -> str:
    """ "Replace the Louvre" (a place of the plan) or "drop Porto" (a city of the trip);
    "drop Leipzig, spend the extra time in Berlin": Berlin takes Leipzig's days."""
    subject = edit.subject
    city = next((d for d in profile.destinations if fold(d.name) == fold(subject)), None)
    if city is not None:
        if len(profile.destinations) < 2:
            return f"{city.name} is the only city of the trip: name another to go to instead."
        days = dict(zip((d.name for d in profile.destinations), _fix_days(profile), strict=True))
        taker = next((d for d in profile.destinations if fold(d.name) == fold(edit.to)), None)
        state.remove_destination(profile, city.name)
        freed = days[city.name]
        if edit.to == "*":  # "keep the length": the cities left share its days
            return _share_days(profile, city.name, freed)
        if taker is None or taker.name == city.name:
            total = sum(split_days(profile))
            return f"Took {city.name} out of the trip: it is now {total} days."
        at = [d.name for d in profile.destinations].index(taker.name)
        longer = days[taker.name] + freed
        profile.destinations[at] = taker.model_copy(update={"days": longer})
        profile.dates.days = sum(d.days or 0 for d in profile.destinations)
        s = "s" if freed != 1 else ""
        return (
            f"Took {city.name} out of the trip; its {freed} day{s} go to {taker.name} "
            f"({longer} days there), so the trip stays {profile.dates.days} days."
        )
    if edit.weak:
        return ""  # "no Mexican food": not a city of the trip, so no drop was meant
    names = [n for day in current.values() for n in day]
    match = next((n for n in names if fold(subject) in fold(n)), None)
    if match is None:
        return f"I found no {subject!r} in the plan to replace."
    profile.planner.exclude = sorted({*profile.planner.exclude, match})
    profile.planner.pinned = {str(d): [n for n in ns if n != match] for d, ns in current.items()}
    return f"Replaced {match}."


def _share_days(profile: TripProfile, dropped: str, freed: int) -> str:
    """The days of a city taken out go to the cities left, one by one from the first."""
    days = _fix_days(profile)
    for i in range(freed):
        days[i % len(days)] += 1
    profile.destinations = [
        d.model_copy(update={"days": n}) for d, n in zip(profile.destinations, days, strict=True)
    ]
    profile.dates.days = sum(days)
    spread = ", ".join(f"{d.name} {n}" for d, n in zip(profile.destinations, days, strict=True))
    return f"Took {dropped} out of the trip; the trip stays {sum(days)} days ({spread})."


def _dates_party_origin(profile: TripProfile, edit: Edit, today: date) -> list[str]:
    if edit.action == "shift":
        start = state.shift_dates(profile, days=edit.days, months=edit.months)
        if start is not None and start <= today:
            start = state.shift_dates(profile, days=(today - start).days + 1)
            return [f"That would start in the past: the trip now starts on {start:%a %d %b %Y}."]
        return [f"Moved the whole trip: it now starts on {start:%a %d %b %Y}."] if start else []
    if edit.action == "start_day":
        begin = profile.dates.start_date or today
        month = date(begin.year, begin.month, 1)
        for _ in range(3):  # that day in the trip's month, else the next month that has it
            try:
                start = month.replace(day=edit.day)
            except ValueError:
                start = None
            if start is not None and start > today:
                state.set_start(profile, start, "date")
                return [f"The trip now starts on {start:%a %d %b %Y}, same length."]
            month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
        return [f"I found no {edit.day}th to start on in the next months."]
    if edit.action == "party":
        if not 1 <= edit.count <= state.MAX_TRAVELERS:
            return [f"I can plan for 1 to {state.MAX_TRAVELERS} travellers, not {edit.count}."]
        state.set_travelers(profile, edit.count, [])
        return []
    if edit.action == "origin":
        city = city_index().lookup(edit.subject)
        if city is None:
            return [f"I do not know a city called {edit.subject!r} to start from."]
        state.set_origin(profile, city)
        return [f"The trip now starts from {city.name}."]
    return []
