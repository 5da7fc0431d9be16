"""The kind of stay people ask for ("hostels are fine", "a B&B", "Airbnb") is kept in the
session's profile and booked in the plan: the stay's name and price level, and the reply's
Understood line. A kind refused ("no hostels") is not booked."""

from __future__ import annotations

from typing import Any

import pytest
from turns import chat_turns

from tripdesigner_kernel.kernel import Reply


def _stays(reply: Reply) -> list[dict[str, Any]]:
    assert reply.itinerary is not None, str(reply)
    return [s for s in reply.itinerary["segments"] if s["type"] == "hotel"]


@pytest.mark.parametrize(
    ("turns", "kind", "name"),
    [
        (["4 days in Prague, a cheap hostel is ok"], "hostel", "Hostel in "),
        (["Amsterdam for 3 days, hostels are fine by us"], "hostel", "Hostel in "),
        (["we'd like a B&B, 3 days in Edinburgh"], "B&B", "B&B in "),
        (["Dublin 4 days, bed and breakfast please"], "B&B", "B&B in "),
        (["an Airbnb in Barcelona for 5 days"], "apartment", "Apartment in "),
        (["3 days in Kyoto staying in a ryokan"], "ryokan", "Ryokan in "),
        (["4 days in Lisbon", "a guesthouse instead?"], "guesthouse", "Guesthouse in "),
        (["5 days in Rome", "we'd rather rent an apartment"], "apartment", "Apartment in "),
    ],
)
def test_the_kind_of_stay_is_booked_and_said(turns: list[str], kind: str, name: str) -> None:
    reply, profile = chat_turns(*turns)
    assert profile["accommodation"]["kind"] == kind
    stays = _stays(reply)
    assert stays and all(s["name"].startswith(name) for s in stays)
    assert all(s["details"]["kind"] == kind for s in stays)
    assert f"{kind} stays" in reply.splitlines()[0]  # the Understood line


def test_a_hostel_is_priced_at_our_budget_rate_whatever_the_trips_level() -> None:
    hostel, _ = chat_turns("4 days in Berlin, hostels are fine, luxury dinners")
    hotel, _ = chat_turns("4 days in Berlin, luxury dinners")
    assert _stays(hostel)[0]["tags"][0] == "budget"
    assert _stays(hostel)[0]["price"]["amount"] < _stays(hotel)[0]["price"]["amount"]


def test_a_kind_refused_is_not_booked() -> None:
    reply, profile = chat_turns("4 days in Lisbon, no hostels please")
    assert profile["accommodation"]["kind"] is None
    assert all("hotel" in s["name"] for s in _stays(reply))
