"""Wishes and constraints: interests, things to avoid, diet, pace, transport, lodging."""

from __future__ import annotations

import re

from tripdesigner_kernel.designers.offline.understanding.numbers import find_phrases
from tripdesigner_kernel.designers.offline.understanding.request import TripRequest
from tripdesigner_kernel.designers.offline.vocabulary import (
    DIETARY_WORDS,
    INTEREST_SYNONYMS,
    PACE_WORDS,
)


def read_wishes(folded: str, request: TripRequest) -> None:
    """Interests, dietary needs and pace named in the (folded) message."""
    request.interests = find_phrases(folded, INTEREST_SYNONYMS)
    if "street food" in request.interests and "food" in request.interests:
        request.interests.remove("food")
    if re.search(r"\b(kids|children)\b", folded) and "kids" not in request.interests:
        request.interests.append("kids")
    request.dietary = find_phrases(folded, DIETARY_WORDS)
    if "vegan" in request.dietary and "vegetarian" in request.dietary:
        request.dietary.remove("vegetarian")
    paces = find_phrases(folded, PACE_WORDS)
    request.pace = paces[0] if paces else None
