"""Our destinations are found whatever surrounds them, and lists of places keep every one."""

from __future__ import annotations

from datetime import date

import pytest

from tripdesigner_kernel.designers.offline.understanding import TripRequest, understand
from tripdesigner_kernel.knowledge.cities import city_index, destinations

TODAY = date(2026, 11, 24)

# Sentence frames around a destination, as people write them in chats and search boxes.
FRAMES = [
    "3 day itinerary for {} Dec 18-20",
    "itinerary for {}",
    "{} itinerary",
    "{} trip",
    "trip to {} pls",
    "{}!!!",
    "{}?",
    "{} in Dec",
    "{} Dec 18-20",
    "{}, 3 days",
    "{} jan 3-7 for two",
    "weekend in {} Sat-Sun",
    "{} city break in Feb",
    "plan {} for me",
    "{} guide please",
]


def stays(request: TripRequest) -> list[tuple[str, str]]:
    return [(stay.city.name, stay.city.country) for stay in request.stays]


@pytest.mark.parametrize("frame", FRAMES)
def test_every_destination_is_found_in_any_frame_and_case(frame: str) -> None:
    missed = []
    for destination in destinations():
        city = city_index().lookup(destination.name)
        assert city is not None
        for name in (destination.name, destination.name.lower(), destination.name.upper()):
            found = stays(understand(frame.format(name), TODAY))
            if found != [(city.name, city.country)]:
                missed.append((name, found))
    assert not missed
