"""A city named first and its trip's length after it ("Barcelona long weekend", "porto
three days"): the name is the destination, whatever its case and whether it is also a
word elsewhere. Run through whole turns."""

from __future__ import annotations

import pytest

from tripdesigner_kernel.kernel import KernelState


@pytest.mark.parametrize(
    ("message", "city", "days"),
    [
        ("Barcelona long weekend", "Barcelona", 3),
        ("barcelona long weekend in may", "Barcelona", 3),
        ("Porto long weekend please", "Porto", 3),
        ("porto, a long weekend in June", "Porto", 3),
        ("Nice three days", "Nice", 3),
        ("Barcelona a week in July", "Barcelona", 7),
        ("Barcelona 5 nights", "Barcelona", 6),
        ("Barcelona, a few days", "Barcelona", 3),
    ],
)
def test_a_city_named_before_the_length_is_the_destination(
    message: str, city: str, days: int
) -> None:
    state = KernelState()
    state.settings.today = "2026-11-24"
    state.new_session()
    reply = state.chat(message)
    assert reply.itinerary is not None, str(reply)
    assert [d["name"] for d in reply.itinerary["destinations"]] == [city]
    assert state.current_session_id is not None
    profile = state.sessions.get(state.current_session_id).profile
    assert [(d["name"], d["days"]) for d in profile["destinations"]] == [(city, days)]
    assert profile["dates"]["days"] == days


@pytest.mark.parametrize("message", ["Nice to meet you", "Split the bill please"])
def test_a_name_that_opens_a_sentence_of_other_words_is_the_word(message: str) -> None:
    state = KernelState()
    state.settings.today = "2026-11-24"
    state.new_session()
    assert state.chat(message).itinerary is None
