"""The party: how many travel, children and their ages."""

from __future__ import annotations

import re

from tripdesigner_kernel.designers.offline.understanding.numbers import NUM, number
from tripdesigner_kernel.designers.offline.understanding.request import TripRequest


def read_party(folded: str, request: TripRequest) -> None:
    if re.search(
        r"\b(a couple|honeymoon|my (?:wife|husband|partner|girlfriend|boyfriend))\b", folded
    ):
        request.travelers = 2
        return
    patterns = [
        rf"\bfamily of {NUM}\b",
        rf"\b{NUM} (?:people|persons|adults|travell?ers|friends|of us|guests)\b",
        rf"\bfor {NUM}\b(?! (?:days?|nights?|weeks?))",
        rf"\b{NUM} person\b",
    ]
    for pattern in patterns:
        match = re.search(pattern, folded)
        if match and match[1] not in ("a", "an"):  # "for a week" is no party size
            request.travelers = number(match[1])
            return
    if re.search(r"\bcouple\b", folded):
        request.travelers = 2
    elif re.search(r"\b(solo|alone|by myself|on my own|1 person)\b", folded):
        request.travelers = 1
