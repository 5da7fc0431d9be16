"""Party reading: a stated count with the children's ages in brackets or after commas,
and asides about some of the party ("for one of us") that are not its size."""

from __future__ import annotations

from datetime import date

import pytest
from test_dialogue_state import chat, profile_of

from tripdesigner_kernel.designers.offline.understanding import understand

TODAY = date(2026, 11, 24)


@pytest.mark.parametrize(
    ("message", "travelers", "children"),
    [
        ("family of 4 (kids 4 and 7), 5 days in Rome", 4, [4, 7]),
        ("Family of four (children 2 and 5) to Lisbon", 4, [2, 5]),
        ("family of 5, kids 3, 6 and 9, a week in Crete", 5, [3, 6, 9]),
        ("family of 4, kids are 10 and 12", 4, [10, 12]),
        ("family of 6 (4 kids: 2, 5, 7, 9)", 6, [2, 5, 7, 9]),
        ("2 adults and 2 kids (5, 8), Paris 4 days", 4, [5, 8]),
        ("family of 4 with kids aged 4 and 7", 4, [4, 7]),
        ("3 of us, kid 6, Vienna", 3, [6]),
    ],
)
def test_families_with_ages(message: str, travelers: int, children: list[int]) -> None:
    asked = understand(message, TODAY)
    assert (asked.travelers, asked.children) == (travelers, children)


@pytest.mark.parametrize(
    ("message", "travelers"),
    [
        ("4 adults, 3 days in Paris, no seafood for one of us", 4),
        ("we are 4 adults, one of us is vegetarian", 4),
        ("4 of us, two of us are vegan", 4),
        ("group of 6, one of us uses a wheelchair", 6),
        ("5 people to Rome, but one of us can't walk far", 5),
        ("the 3 of us, 4 days in Rome", 3),
    ],
)
def test_an_aside_about_some_of_us_is_not_the_party(message: str, travelers: int) -> None:
    assert understand(message, TODAY).travelers == travelers


def test_a_family_with_ages_is_planned_for_two_adults_and_the_children() -> None:
    replies, state = chat("family of 4 (kids 4 and 7), 5 days in Rome")
    assert profile_of(state)["travelers"] == {"adults": 2, "children": [4, 7]}
    assert replies[0].itinerary is not None and replies[0].itinerary["travelers"] == 4
    assert "2 adults and 2 children (aged 4 and 7)" in str(replies[0])
