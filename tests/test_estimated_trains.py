"""Trains where the rail network runs but our table lists no service: an estimated train,
said to be estimated, never "no train runs" (through whole turns)."""

from __future__ import annotations

import pytest
from plans import chat_plan


def vehicles(itinerary: dict) -> list[dict]:
    return [
        s
        for s in itinerary["segments"]
        if s["type"] in ("flight", "transfer") and s["category"] in ("rail", "coach", "flight")
    ]


@pytest.mark.parametrize(
    "message",
    [
        "The Hague 2 days then Amsterdam 3 days, train only",
        "3 days in Utrecht and 3 in Brussels, by train only please",
        "Kanazawa 2 days, Kyoto 3 days, only trains",
        "Bordeaux then Toulouse, 5 days, we only take trains",
        "Ghent and Bruges 4 days, train only",
    ],
)
def test_train_only_within_a_rail_network_is_a_train_said_to_be_estimated(message: str) -> None:
    itinerary, reply = chat_plan(message)
    legs = [v for v in vehicles(itinerary) if v["details"].get("leg", "").startswith("leg-")]
    between = [v for v in legs if v["category"] != "flight"] or legs
    assert between, message
    for leg in between:
        assert leg["category"] == "rail", (message, leg["name"])
    assert "no train runs" not in reply
    estimated = [v for v in between if "estimated" in v["name"]]
    assert estimated, message  # none of these pairs is in our table
    for leg in estimated:
        assert "estimated time and fare" in leg["name"]
        assert leg["price"]["currency"] == itinerary["budget"]["currency"]


def test_across_the_sea_or_off_the_network_no_train_is_still_said() -> None:
    _, reply = chat_plan("Lima 3 days then Cusco 3 days, train only")
    assert "no train runs between them" in reply
    _, reply = chat_plan("Dublin 3 days and Edinburgh 3 days, train only")
    assert "across the sea" in reply


def test_a_town_without_a_station_is_not_reached_by_an_estimated_train() -> None:
    itinerary, _ = chat_plan("Split 3 days then Dubrovnik 3 days")
    assert all("estimated time and fare" not in v["name"] for v in vehicles(itinerary))
