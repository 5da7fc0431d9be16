"""A travel question that is not a change is answered and changes nothing: same plan,
same profile (a visa question once replaced a Canada trip with a UK one)."""

from __future__ import annotations

import pytest
from test_dialogue_state import chat, profile_of


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("do I need a visa for Canada?", "no visa or entry-rules data"),
        ("Do we need passports to go there?", "no visa or entry-rules data"),
        ("is it safe to drink tap water in Mexico?", "travel health"),
        ("Is it safe to travel to Colombia?", "foreign ministry's travel advice"),
        ("what's the weather like in May?", "no weather or climate data for Toronto"),
        ("how cold is it in June?", "no weather or climate data"),
        ("Is Lisbon nice?", "I can't judge Lisbon for you"),
        ("is it worth visiting Porto?", "I can't judge Porto for you"),
        ("what currency do they use in Japan?", "Japan uses JPY"),
        ("what plugs do they use in the UK?", "no data on plugs"),
    ],
)
def test_a_travel_question_changes_nothing(question: str, said: str) -> None:
    replies, state = chat("5 days in Toronto in June for 2")
    before = profile_of(state)
    answer = state.chat(question)
    assert said in str(answer), str(answer)
    assert "Your plan is unchanged." in str(answer)
    assert answer.itinerary == replies[0].itinerary
    assert profile_of(state) == before


def test_a_travel_question_before_any_trip_plans_nothing() -> None:
    replies, state = chat("do I need a visa for Canada?")
    assert "no visa or entry-rules data" in str(replies[0])
    assert replies[0].itinerary is None
    assert not profile_of(state).get("destinations")


@pytest.mark.parametrize(
    ("message", "cities"),
    [
        ("Can we add Porto too? Is it nice?", ["Toronto", "Porto"]),
        ("is it safe? if so let's do Montreal instead", ["Montreal"]),
        ("what about 3 days in Vancouver instead, is the weather better?", ["Vancouver"]),
    ],
)
def test_a_question_with_a_change_still_changes(message: str, cities: list[str]) -> None:
    _, state = chat("5 days in Toronto in June for 2")
    reply = state.chat(message)
    assert reply.itinerary is not None
    assert [d["name"] for d in reply.itinerary["destinations"]] == cities
