"""Follow-ups that change the order of the trip's cities: "actually Melbourne first", "do
Kyoto before Tokyo", "start in Porto instead", "end in Rome", "reverse the order".

Each city keeps its days and the trip keeps its dates; the legs between the cities are
planned again, and each city's days keep their places where they still fit.
"""

from __future__ import annotations

import re

from tripdesigner_kernel.designers.offline.edits import Edit
from tripdesigner_kernel.designers.offline.plan import split_days
from tripdesigner_kernel.designers.offline.understanding.profile import TripProfile
from tripdesigner_kernel.knowledge.text import fold

_REVERSE = re.compile(
    r"\b(?:reverse|invert|flip|swap|switch|turn around) (?:the |our )?(?:order|route|cities"
    r"|way round|itinerary)\b|\b(?:the )?other way (?:round|around)\b|\bbackwards\b"
    r"|\bin (?:the )?(?:reverse|opposite) order\b|\breverse it\b|\bflip it\b"
)
_FIRST = r"(?:start|starting|begin|beginning|kick off|open|fly into|land in|arrive in)"
_LAST = r"(?:end|ending|finish|finishing|wrap up|close|fly home from|fly out of|leave from)"


def _mentions(folded: str, names: list[str]) -> list[tuple[int, str]]:
    """(position, name) of each trip city the (folded) message names, in message order."""
    found = []
    for name in names:
        hit = re.search(rf"\b{re.escape(fold(name))}\b", folded)
        if hit:
            found.append((hit.start(), name))
    return sorted(found)


def _moved(order: list[str], name: str, at: int) -> list[str]:
    rest = [n for n in order if n != name]
    at = len(rest) if at < 0 else min(at, len(rest))
    return [*rest[:at], name, *rest[at:]]


def new_order(text: str, names: list[str]) -> list[str] | None:
    """The order of the trip's cities (``names``, as they are) that ``text`` asks for, or
    None when it asks for no other order."""
    if len(names) < 2:
        return None
    folded = fold(text)
    named = _mentions(folded, names)
    order = list(names)
    if _REVERSE.search(folded) and len(named) != 1:
        if len(named) == 2 and len(names) > 2:  # "swap the order of Rome and Venice"
            i, j = names.index(named[0][1]), names.index(named[1][1])
            order[i], order[j] = order[j], order[i]
        else:
            order.reverse()
    elif len(named) == 1:
        name = fold(named[0][1])
        if re.search(
            rf"\b(?:{_FIRST}) (?:off |the trip |it )?(?:in|with|at|from) {name}\b"
            rf"|\b{name}(?: [a-z]+){{0,2}}? (?:first|to start|at the start|at the beginning)\b",
            folded,
        ):
            order = _moved(order, named[0][1], 0)
        elif re.search(
            rf"\b(?:{_LAST}) (?:the trip |it )?(?:in|with|at|from|of) {name}\b"
            rf"|\b{name}(?: [a-z]+){{0,2}}? (?:last|to finish|at the end|to end)\b"
            rf"|\b(?:save|leave|keep) {name} (?:for|until|till|to) (?:the )?(?:last|end)\b",
            folded,
        ):
            order = _moved(order, named[0][1], -1)
    elif len(named) >= 2:
        (_, a), (_, b) = named[0], named[1]
        between = folded[named[0][0] : named[1][0]]
        if re.search(r"\b(?:before|then|and then|followed by|first then)\b|->|>", between):
            order = _moved(order, a, order.index(b)) if names.index(a) > names.index(b) else order
            if len(named) > 2:  # "Osaka, then Kyoto, then Tokyo": all in the order said
                slots = sorted(names.index(n) for _, n in named)
                for slot, (_, name) in zip(slots, named, strict=True):
                    order[slot] = name
        elif re.search(r"\bafter\b", between) and names.index(a) < names.index(b):
            order = _moved(order, a, order.index(b) + 1)  # "Kyoto after Osaka"
    return order if order != names else None


def reorder_edit(text: str, profile: TripProfile) -> Edit | None:
    """The ``reorder`` edit ``text`` asks for (its ``subject``: the names, ``|``-joined)."""
    order = new_order(text, [d.name for d in profile.destinations])
    return Edit("reorder", subject="|".join(order)) if order else None


def reorder(profile: TripProfile, edit: Edit, current: dict[int, list[str]]) -> str:
    """Put the cities in ``edit``'s order, each with its days; each city's places move with
    it (pinned to its new days)."""
    days = split_days(profile)
    by_name = {
        d.name: (d.model_copy(update={"days": n}), first)
        for d, n, first in zip(profile.destinations, days, _firsts(days), strict=True)
    }
    order = edit.subject.split("|")
    profile.destinations = [by_name[n][0] for n in order]
    pinned: dict[str, list[str]] = {}
    new_first = 1
    for name in order:
        destination, old_first = by_name[name]
        # A city's first day is now an arrival day (or no longer one): planned afresh,
        # as its visits rarely fit the hours the journey leaves.
        for offset in range(1, destination.days or 0):
            pinned[str(new_first + offset)] = current.get(old_first + offset, [])
        new_first += destination.days or 0
    profile.planner.pinned = pinned
    profile.planner.day_wishes = {}  # wishes for day numbers that now belong to other cities
    route = " → ".join(order)
    return f"New order: {route}; each city keeps its days and the trip its dates."


def _firsts(days: list[int]) -> list[int]:
    """The first day number of each city, for its days in order."""
    firsts, at = [], 1
    for count in days:
        firsts.append(at)
        at += count
    return firsts
