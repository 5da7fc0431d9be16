"""Follow-up edits applied to the trip profile: days, dates, party, origin, level, places.

``understand_edit`` (``edits``) reads the edits from a message; ``apply_edits`` turns each
into slot operations (``understanding.state``) and says what it did, or why it could not.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from tripdesigner_kernel.designers.base import Question
from tripdesigner_kernel.designers.offline.city_order import reorder
from tripdesigner_kernel.designers.offline.day_edits import (
    DAY_ACTIONS,
    apply_day_edit,
    renumber_wishes,
)
from tripdesigner_kernel.designers.offline.edits import Edit
from tripdesigner_kernel.designers.offline.lodging import hotel_level_of, step_hotel_level
from tripdesigner_kernel.designers.offline.plan import LEVELS, split_days
from tripdesigner_kernel.designers.offline.plan_items import find_items
from tripdesigner_kernel.designers.offline.understanding import state
from tripdesigner_kernel.designers.offline.understanding.profile import TripProfile
from tripdesigner_kernel.designers.offline.understanding.request import CityStay
from tripdesigner_kernel.knowledge.cities import city_index
from tripdesigner_kernel.knowledge.text import fold
from tripdesigner_kernel.trip import model


def day_names(itinerary: Mapping[str, Any] | None) -> dict[int, list[str]]:
    """Names of each day's visits and meals in a plan, by day number (the planner keeps
    both where they still fit)."""
    days: dict[int, list[str]] = {}
    for segment in (itinerary or {}).get("segments", []):
        if segment["type"] in ("activity", "meal") and "day" in segment.get("details", {}):
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
    renumber_wishes(profile, {number: None, **{d: d - 1 for d in range(number + 1, 100)}})


def _drop_last_days(profile: TripProfile, count: int, current: dict[int, list[str]]) -> None:
    """The trip's last ``count`` days go; the days before keep their places."""
    total = sum(split_days(profile))
    for number in range(total, total - count, -1):
        _remove_day(profile, number, current)
        current = {d: n for d, n in current.items() if d != number}


def _add_days(
    profile: TripProfile, days: int, current: dict[int, list[str]], subject: str = ""
) -> str:
    """``days`` more in the city named ``subject`` (else the last); returns the note."""
    total = sum(_fix_days(profile))
    names = [c.name if c else "" for c in state.destination_cities(profile)]
    at = names.index(subject) if subject in names else len(names) - 1
    city = profile.destinations[at]
    profile.destinations[at] = city.model_copy(update={"days": (city.days or 0) + days})
    profile.dates.days = total + days
    state.said(profile, state.LENGTH)
    if at == len(names) - 1:  # days before the added ones keep their places
        _pin_all(profile, current)
    else:
        profile.planner.pinned = {}
    return f"Added {days} day{'s' if days > 1 else ''} in {city.name}."


def _move_end(profile: TripProfile, delta: int, current: dict[int, list[str]], today: date) -> str:
    """The trip ends ``delta`` days later (earlier when negative); its start stays."""
    total = sum(split_days(profile))
    start = profile.dates.start_date or today
    if total + delta < 1:
        return f"The trip has {total} days: it cannot end {-delta} days earlier."
    if total + delta > state.MAX_DAYS:
        return f"I plan trips of up to {state.MAX_DAYS} days: it can end at most " + (
            f"{state.MAX_DAYS - total} days later."
        )
    if delta < 0:
        _drop_last_days(profile, -delta, current)
    else:
        _add_days(profile, delta, current)
    end = start + timedelta(days=total + delta - 1)
    way = "later" if delta > 0 else "earlier"
    s = "s" if abs(delta) > 1 else ""
    return (
        f"The trip now ends {abs(delta)} day{s} {way}, on {end:%a %d %b}, and still starts "
        f"on {start:%a %d %b}: {total + delta} days. (To move the whole trip instead, say "
        f"*start {abs(delta)} day{s} {way}*.)"
    )


def _end_on_day(profile: TripProfile, day: int, current: dict[int, list[str]], today: date) -> str:
    """The trip's last day becomes the ``day``-th of the month it ends in (or the next)."""
    total = sum(split_days(profile))
    start = profile.dates.start_date or today
    end = start + timedelta(days=total - 1)
    month = date(end.year, end.month, 1)
    if day < end.day and date(start.year, start.month, 1) != month:
        month = date(start.year, start.month, 1)  # the 2nd of a trip from 28 Feb to 3 Mar
    for _ in range(2):
        try:
            wanted = month.replace(day=day)
        except ValueError:
            wanted = None
        if wanted is not None and wanted >= start:
            if wanted == end:
                return f"The trip already ends on {end:%a %d %b}."
            return _move_end(profile, (wanted - end).days, current, today)
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return f"The trip starts on {start:%a %d %b}, so it cannot end on the {day}th."


def _nearer_the_end(profile: TripProfile, day: int, today: date) -> bool:
    """Whether "we leave on the ``day``th" reads as the way home: that day falls after the
    trip's first day and at most a week after its last."""
    start = profile.dates.start_date or today
    end = start + timedelta(days=sum(split_days(profile)) - 1)
    return any(
        start < wanted <= end + timedelta(days=7)
        for wanted in (start + timedelta(days=n) for n in range(1, (end - start).days + 8))
        if wanted.day == day
    )


def apply_edits(
    profile: TripProfile, edits: list[Edit], itinerary: Mapping[str, Any] | None, today: date
) -> list[str]:
    """Change the profile for each edit; returns notes for the reply."""
    notes: list[str] = []
    current = day_names(itinerary)
    plan: model.Itinerary | None = None
    for edit in edits:
        total = sum(split_days(profile))
        if edit.action == "add_days":
            notes.append(_add_days(profile, edit.days, current, edit.subject))
        elif edit.action == "end_shift":
            notes.append(_move_end(profile, edit.days, current, today))
        elif edit.action == "end_day" or (
            edit.action == "leave_day" and _nearer_the_end(profile, edit.day, today)
        ):
            notes.append(_end_on_day(profile, edit.day, current, today))
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
                _drop_last_days(profile, count, current)
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
            renumber_wishes(profile, {a: b, b: a})
            notes.append(f"Swapped day {a} and day {b} (times re-checked against opening hours).")
        elif edit.action in ("cheaper_hotel", "pricier_hotel"):
            _pin_all(profile, current)  # the hotel changes, the days keep their places
            step = -1 if edit.action == "cheaper_hotel" else 1
            notes.append(step_hotel_level(profile, step, hotel_level_of(itinerary)))
        elif edit.action in ("cheaper", "pricier"):
            level = profile.budget.level or profile.planner.chosen_level or "moderate"
            step = -1 if edit.action == "cheaper" else 1
            index = max(0, min(len(LEVELS) - 1, LEVELS.index(level) + step))
            if edit.action == "cheaper" and LEVELS[index] == level:
                profile.planner.frugal = True
            profile.budget.level = LEVELS[index]
            profile.planner.hotel_level = None  # the hotel follows the trip's level again
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
        elif edit.action in DAY_ACTIONS:
            notes.append(apply_day_edit(profile, edit, current, itinerary))
        elif edit.action == "reorder":
            notes.append(reorder(profile, edit, current))
        elif edit.action in ("replace", "drop"):
            if plan is None and itinerary:
                plan = model.Itinerary.from_json(dict(itinerary))
            note = _replace(profile, edit, current, plan, today)
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
            if edit.action in ("shift", "start_day", "leave_day"):  # same days where still open
                _pin_all(profile, current)
            notes += _dates_party_origin(profile, edit, today)
    return notes


def _replace(
    profile: TripProfile,
    edit: Edit,
    current: dict[int, list[str]],
    plan: model.Itinerary | None,
    today: date,
) -> str:
    """ "Drop the museum on day 2", "replace the Louvre" (places of the plan: the other days
    keep theirs) or "drop Porto" (a city of the trip)."""
    subject = edit.subject
    city = next((d for d in profile.destinations if fold(d.name) == fold(subject)), None)
    if city is not None:
        return _drop_city(profile, city.name, edit.to)
    if edit.weak:
        return ""  # "no Mexican food": not a city of the trip, so no drop was meant
    found = find_items(fold(subject), plan, today) if plan else None
    if found is not None and found.choices:  # ``which_item`` asks which one first
        return f"There are several: {', '.join(found.choices)}. Name the one to change."
    if found is None or not found.items:
        return (found and found.problem) or f"I found no {subject!r} in the plan."
    names = [s.name for s in found.items]
    profile.planner.exclude = sorted({*profile.planner.exclude, *names})
    profile.planner.pinned = {
        str(d): [n for n in ns if n not in names] for d, ns in current.items()
    }
    days = sorted({s.details.get("day", 0) for s in found.items})
    where = f"day {days[0]}" if len(days) == 1 else "days " + ", ".join(map(str, days))
    done = "Replaced" if edit.action == "replace" else "Took out"
    told = f"{found.day_note} " if found.day_note else ""
    return f"{told}{done} {' and '.join(names)} ({where}); the other days stay as they were."


def _drop_city(profile: TripProfile, name: str, to: str) -> str:
    """ "Drop Porto"; "drop Leipzig, spend the extra time in Berlin": Berlin (``to``) takes
    Leipzig's days, so the trip keeps its length."""
    if len(profile.destinations) < 2:
        return f"{name} is the only city of the trip: name another to go to instead."
    days = dict(zip((d.name for d in profile.destinations), _fix_days(profile), strict=True))
    taker = next((d for d in profile.destinations if fold(d.name) == fold(to)), None)
    state.remove_destination(profile, name)
    freed = days[name]
    if to == "*":  # "keep the length": the cities left share its days
        return _share_days(profile, name, freed)
    if taker is None or taker.name == name:
        total = sum(split_days(profile))
        return f"Took {name} out of the trip: it is now {total} days."
    at = [d.name for d in profile.destinations].index(taker.name)
    longer = days[taker.name] + freed
    profile.destinations[at] = taker.model_copy(update={"days": longer})
    profile.dates.days = sum(d.days or 0 for d in profile.destinations)
    s = "s" if freed != 1 else ""
    return (
        f"Took {name} out of the trip; its {freed} day{s} go to {taker.name} "
        f"({longer} days there), so the trip stays {profile.dates.days} days."
    )


_WHICH = re.compile(r"which one should I (replace|take out)\?$")


def item_picked(question: Question | None, answer: str) -> Edit | None:
    """The edit an answer to ``which_item``'s question asks for: its choice, by number, by
    name or by a word of the name; None when the question was another or no choice fits."""
    asked = _WHICH.search(question.text) if question else None
    if question is None or asked is None:
        return None
    try:
        chosen = question.resolve(answer)
    except ValueError:
        return None
    folded = fold(answer)
    if chosen not in question.choices:
        said = set(re.findall(r"[a-z0-9]{4,}", folded))
        fits = [c for c in question.choices if fold(c) in folded or said & set(fold(c).split())]
        if len(fits) != 1:
            return None
        chosen = fits[0]
    return Edit("replace" if asked[1] == "replace" else "drop", subject=chosen)


def which_item(
    edits: list[Edit], itinerary: Mapping[str, Any] | None, today: date
) -> Question | None:
    """The question to ask when an edit names one place of a kind that a day has several of
    ("drop the museum on day 2"): which one, with their names as choices."""
    items = [e for e in edits if e.action in ("replace", "drop")]
    if not items or not itinerary:
        return None
    plan = model.Itinerary.from_json(dict(itinerary))
    for edit in items:
        found = find_items(fold(edit.subject), plan, today)
        if found.choices:
            verb = "replace" if edit.action == "replace" else "take out"
            return Question(
                f"{found.day_note} There are {found.what}: which one should I {verb}?".strip(),
                found.choices,
            )
    return None


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
    if edit.action in ("start_day", "leave_day"):
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
