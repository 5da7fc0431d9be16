"""How a traveller gets from one stop of a day to the next: on foot when it is short, else
transit, or a taxi for a party that cannot walk far (a wheelchair, older travellers)."""

from __future__ import annotations

import itertools

from tripdesigner_kernel.knowledge.geo import DETOUR, WALK_MAX_KM, km_between
from tripdesigner_kernel.trip import model

SHORT_WALK_KM = 0.5  # the longest walk planned for a party with a mobility need
MOBILITY_NEEDS = frozenset(
    {"wheelchair", "limited mobility", "older", "older travellers", "disabled", "stairs"}
)


def needs_short_walks(accessibility: list[str]) -> bool:
    """True when the party's needs keep its walks short."""
    return bool(MOBILITY_NEEDS & {need.strip().lower() for need in accessibility})


def mark_getting_there(segments: list[model.Segment], short_walks: bool) -> int:
    """Set ``details["getting_there"]`` on each visit and meal from the stop before it that
    day ("walk", "transit", "taxi or transit"); returns how many hops are not walked."""
    limit = SHORT_WALK_KM if short_walks else WALK_MAX_KM
    ridden = 0
    stops = sorted(
        (s for s in segments if s.type in ("activity", "meal") and s.location is not None),
        key=lambda s: s.start,
    )
    for before, after in itertools.pairwise(stops):
        if before.start.date() != after.start.date():
            continue
        assert before.location is not None and after.location is not None
        street_km = DETOUR * km_between(
            before.location.lat, before.location.lon, after.location.lat, after.location.lon
        )
        if street_km <= limit:
            after.details["getting_there"] = f"walk, {street_km * 1000:.0f} m"
        else:
            ridden += 1
            after.details["getting_there"] = "taxi or transit" if short_walks else "transit"
    return ridden
