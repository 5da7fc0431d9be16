"""Who travels: which places suit the party (children, step-free needs) and which come first."""

from __future__ import annotations

from tripdesigner_kernel.knowledge.places import Place
from tripdesigner_kernel.knowledge.taxonomy import (
    ACCESS_AVOIDS,
    ACCESS_NEEDS,
    ADULT_CATEGORIES,
    ADULT_TAGS,
    TASTING_TAGS,
)
from tripdesigner_kernel.trip.spec import TripSpec

KID_FRIENDLY_BONUS = 6.0  # below a matched interest (10), above the curators' order (3)
KID_FRIENDLY_CATEGORIES = frozenset({"entertainment", "park", "beach"})


def access_avoided(accessibility: list[str]) -> frozenset[str]:
    """The ``ACCESS_NEEDS`` a party with these ``accessibility`` needs cannot manage."""
    avoided: set[str] = set()
    for need in accessibility:
        avoided |= ACCESS_AVOIDS.get(need.strip().lower(), frozenset())
    return frozenset(avoided)


def unsuitable_reason(
    category: str,
    tags: tuple[str, ...] | list[str],
    access: tuple[str, ...] | list[str],
    children: bool,
    avoided: frozenset[str],
) -> str | None:
    """Why a place does not suit the party, in words, or None when it does."""
    if children and (category in ADULT_CATEGORIES or ADULT_TAGS & set(tags)):
        return "a bar or nightlife, not for children"
    if children and category != "day_trip" and TASTING_TAGS & set(tags):
        return "a beer or wine tasting, for adults"
    needs = [ACCESS_NEEDS[n] for n in access if n in avoided]
    if needs:
        return " and ".join(needs)
    return None


def unsuitable(place: Place, spec: TripSpec) -> str | None:
    """Why ``place`` does not suit the party of ``spec``, or None."""
    return unsuitable_reason(
        place.category,
        place.tags,
        place.access,
        bool(spec.children),
        access_avoided(spec.accessibility),
    )


def party_bonus(place: Place, spec: TripSpec) -> float:
    """A ranking bonus: kid-friendly places first when children travel."""
    if spec.children and ("kids" in place.tags or place.category in KID_FRIENDLY_CATEGORIES):
        return KID_FRIENDLY_BONUS
    return 0.0
