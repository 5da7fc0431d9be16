"""Questions about when and how, answered from the itinerary: when we leave on the last day,
check-in and check-out, how we get from A to B, a day's first or last thing, tomorrow.

Each answerer returns None when the question is not its kind, so the next can try.
"""

from __future__ import annotations

import re
from datetime import date

from tripdesigner_kernel.designers.offline.plan_items import day_named
from tripdesigner_kernel.knowledge.text import fold
from tripdesigner_kernel.trip import model

# Questions that are about the plan whatever else they seem to say ("from Lisbon" is no
# origin in "how do we get from Lisbon to Porto?", "tomorrow" no start date in "what's on
# tomorrow?").
SURE_QUESTION = re.compile(
    r"^(?:so |and |ok |okay )?(?:how do we get|how are we getting|how do we travel|how do we go"
    r"|what s on|whats on|what is on|what are we doing|what do we do|what time|when do we"
    r"|when are we|where are we staying|where do we stay|how much is the hotel"
    r"|what ?s the (?:first|last)|what is the (?:first|last))\b"
)
_LEAVING = re.compile(
    r"\b(?:leave|leaving|depart|departing|go home|going home|fly home|flying home|head home"
    r"|heading home|fly back|flying back|head back|heading back|go back|going back|get home"
    r"|check out|checking out)\b"
)
_LEGS = ("flight", "transfer")


def _days(itinerary: model.Itinerary) -> list[date]:
    assert itinerary.start_date is not None and itinerary.end_date is not None
    first = itinerary.start_date.toordinal()
    return [date.fromordinal(d) for d in range(first, itinerary.end_date.toordinal() + 1)]


def _on(itinerary: model.Itinerary, day: date, types: tuple[str, ...]) -> list[model.Segment]:
    found = [s for s in itinerary.segments if s.type in types and s.start.date() == day]
    return sorted(found, key=lambda s: s.start)


def _journeys(itinerary: model.Itinerary) -> list[list[model.Segment]]:
    """The plan's journeys: legs grouped by their ``details.leg`` key, in time order."""
    groups: dict[str, list[model.Segment]] = {}
    for segment in sorted(itinerary.segments, key=lambda s: s.start):
        if segment.type in _LEGS:
            groups.setdefault(str(segment.details.get("leg", segment.id)), []).append(segment)
    return list(groups.values())


def _journey_lines(legs: list[model.Segment], indent: str = "") -> str:
    return "\n".join(f"{indent}- {s.start:%a %d %b %H:%M}–{s.end:%H:%M} {s.name}" for s in legs)


def _check_times(itinerary: model.Itinerary, folded: str) -> str | None:
    """ "When do we check out?", "what time is check-in in Porto?"."""
    out = re.search(r"\bcheck ?(?:ing )?out\b|\bcheckout\b", folded)
    if not (out or re.search(r"\bcheck ?(?:ing )?in\b|\bcheckin\b", folded)):
        return None
    hotels = hotels_named(itinerary, folded)
    if not hotels:
        return "The plan has no hotel: it is a day trip."
    if out:
        return "\n".join(
            f"You check out of {h.name} on {h.end:%a %d %b} by {h.end:%H:%M}." for h in hotels
        )
    return "\n".join(
        f"You check in at {h.name} on {h.start:%a %d %b} from {h.start:%H:%M}." for h in hotels
    )


def hotels_named(itinerary: model.Itinerary, folded: str) -> list[model.Segment]:
    """The plan's hotels, only those in a city the question names when it names one."""
    hotels = [s for s in itinerary.segments if s.type == "hotel"]
    named = [
        h for h in hotels if h.location and h.location.city and fold(h.location.city) in folded
    ]
    return named or hotels


def _last_day(itinerary: model.Itinerary, folded: str, number: int | None) -> str | None:
    """ "What time do we leave on the last day?": check-out, the last thing, the way home."""
    days = _days(itinerary)
    if not _LEAVING.search(folded) or (number is not None and number != len(days)):
        return None
    last = days[-1]
    lines = [f"On the last day, {last:%a %d %b}:"]
    hotels = [h for h in itinerary.segments if h.type == "hotel" and h.end.date() == last]
    lines += [f"- check out of {h.name} by {h.end:%H:%M}" for h in hotels]
    things = _on(itinerary, last, ("activity", "meal"))
    if things:
        final = things[-1]
        lines.append(
            f"- the last thing planned is {final.name}, {final.start:%H:%M}–{final.end:%H:%M}"
        )
    home = [j for j in _journeys(itinerary) if j[0].start.date() == last]
    if home:
        lines.append(f"- the way home leaves at {home[-1][0].start:%H:%M}:")
        lines.append(_journey_lines(home[-1], "  "))
    else:
        lines.append(
            "- the plan has no journey home (no starting city given): leave when you like "
            "after that"
        )
    return "\n".join(lines)


def _journey_between(itinerary: model.Itinerary, folded: str) -> str | None:
    """ "How do we get from Lisbon to Porto?", "how do we get to Porto?"."""
    asked = re.search(r"\bhow (?:do|will|are) we (?:get|getting|travel|go|going)\b(.*)", folded)
    if not asked:
        return None
    rest = asked[1]
    to = re.search(r"\bto ([a-z][a-z .'-]*?)(?: from\b|\?|$)", rest)
    source = re.search(r"\bfrom ([a-z][a-z .'-]*?)(?: to\b|\?|$)", rest)
    journeys = _journeys(itinerary)

    def city_of(location: model.Location | None) -> str:
        return fold(location.city or "") if location else ""

    fitting = [
        j
        for j in journeys
        if (not source or source[1].strip() in city_of(j[0].from_))
        and (not to or to[1].strip() in city_of(j[-1].to))
    ]
    if (source or to) and fitting:
        return "\n\n".join(
            f"From {j[0].from_.city if j[0].from_ else '?'} to "
            f"{j[-1].to.city if j[-1].to else '?'}, {j[0].start:%a %d %b}:\n{_journey_lines(j)}"
            for j in fitting
        )
    where = " ".join(
        p for p in (source and f"from {source[1].strip()}", to and f"to {to[1].strip()}") if p
    )
    if not journeys:
        return (
            "The plan has no journeys: it starts and ends in "
            f"{' and '.join(d.name for d in itinerary.destinations)} (say where you travel from "
            "to add the way there)."
        )
    return f"The plan has no journey {where}. Its journeys:\n" + "\n".join(
        f"- {j[0].start:%a %d %b}: " + next((s.name for s in j if "→" in s.name), j[0].name)
        for j in journeys
    )


def _first_or_last(itinerary: model.Itinerary, folded: str, number: int | None) -> str | None:
    """ "What's the first thing on day 3?", "the last thing on day 2?"."""
    which = re.search(r"\b(first|last) (?:thing|stop|visit|activity|place|item)\b", folded)
    if not which or number is None:
        return None
    day = _days(itinerary)[number - 1]
    things = _on(itinerary, day, ("activity", "meal"))
    legs = _on(itinerary, day, _LEGS)
    if not things and not legs:
        return f"Day {number} ({day:%a %d %b}) has nothing planned."
    first = which[1] == "first"
    lines = []
    if things:
        item = things[0] if first else things[-1]
        lines.append(
            f"The {which[1]} thing on day {number} ({day:%a %d %b}) is {item.name}, "
            f"{item.start:%H:%M}–{item.end:%H:%M}."
        )
    if legs and (
        not things
        or (legs[0].start < things[0].start if first else legs[-1].start > things[-1].start)
    ):
        leg = legs[0] if first else legs[-1]
        lines.append(f"{'Before' if first else 'After'} that: {leg.name} at {leg.start:%H:%M}.")
    return " ".join(lines)


def answer_when_and_how(folded: str, itinerary: model.Itinerary, today: date) -> str | None:
    """The answer to a (folded) question of when or how, or None when it is not one."""
    day = day_named(folded, itinerary, today)
    days = _days(itinerary)
    if day.number is not None and not 1 <= day.number <= len(days):
        return None  # the caller says there is no such day
    for answer in (
        _check_times(itinerary, folded),
        _last_day(itinerary, folded, day.number),
        _journey_between(itinerary, folded),
        _first_or_last(itinerary, folded, day.number),
    ):
        if answer is not None:
            return f"{day.note}\n\n{answer}" if day.note else answer
    return None
