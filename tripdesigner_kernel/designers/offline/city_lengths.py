"""Follow-ups that give cities of the trip a new length ("only 1 night in Boston", "make
Florence 2 days", "4 nights in Rome and 2 in Venice"): those cities change, the others
keep their days, and the trip's length is their sum."""

from __future__ import annotations

from tripdesigner_kernel.designers.offline.plan import split_days
from tripdesigner_kernel.designers.offline.understanding.profile import TripProfile
from tripdesigner_kernel.designers.offline.understanding.request import CityStay
from tripdesigner_kernel.knowledge.text import fold


def resize_said(profile: TripProfile, stays: list[CityStay], whole_trip: bool) -> bool:
    """Whether the message only gives new lengths to cities the trip already has."""
    names = {fold(d.name) for d in profile.destinations}
    return (
        bool(stays)
        and bool(profile.destinations)
        and not whole_trip
        and all(s.days for s in stays)
        and all(fold(s.city.name) in names for s in stays)
    )


def resize_cities(profile: TripProfile, stays: list[CityStay]) -> str:
    """Set each named city's days (nights said: a night is a day there, and the trip's
    last city keeps its day of leaving); the other cities keep theirs. Returns the note."""
    days = split_days(profile)
    names = [fold(d.name) for d in profile.destinations]
    said = []
    for stay in stays:
        at = names.index(fold(stay.city.name))
        last = at == len(names) - 1
        wanted = stay.nights + (1 if last else 0) if stay.nights else stay.days or days[at]
        days[at] = max(1, wanted)
        unit = (
            f"{stay.nights} night{'s' if stay.nights != 1 else ''}"
            if stay.nights
            else (f"{days[at]} day{'s' if days[at] != 1 else ''}")
        )
        said.append(f"{profile.destinations[at].name} {unit}")
    profile.destinations = [
        d.model_copy(update={"days": n}) for d, n in zip(profile.destinations, days, strict=True)
    ]
    profile.dates.days = sum(days)
    profile.planner.pinned = {}
    return f"Now {', '.join(said)}; the other cities keep their days: {sum(days)} days in all."
