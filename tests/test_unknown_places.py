"""A place we hold no data for is never dropped without a word: the reply names it, says
what was planned instead, and the Understood line shows it; with nothing else to plan, the
designer asks. Run through whole turns."""

from __future__ import annotations

import pytest
from turns import chat_turns


@pytest.mark.parametrize(
    ("text", "missing", "planned"),
    [
        ("Visit Giethoorn and Amsterdam, 4 days", "Giethoorn", ["Amsterdam"]),
        ("Reykjavik 3 days, then 2 nights in Landmannalaugar", "Landmannalaugar", ["Reykjavik"]),
        ("Cusco and Machu Picchu, 5 days", "Machu Picchu", ["Cusco"]),
        ("4 days in Cairo and 2 in the Siwa Oasis", "Siwa Oasis", ["Cairo"]),
    ],
)
def test_a_place_we_do_not_know_is_said_with_what_was_planned(
    text: str, missing: str, planned: list[str]
) -> None:
    reply, profile = chat_turns(text)
    assert reply.itinerary is not None, str(reply)
    assert [d["name"] for d in reply.itinerary["destinations"]] == planned
    understood = reply.splitlines()[0]
    assert understood.startswith("Understood:") and f"no data for {missing}" in understood
    assert f"I have no data for {missing}, so it is not in this plan, which covers" in reply
    assert missing not in [d["name"] for d in profile["destinations"]]


def test_a_follow_up_naming_only_an_unknown_place_says_so() -> None:
    reply, profile = chat_turns("4 days in Oslo", "then Lofoten too")
    assert "I have no data for Lofoten" in reply
    assert [d["name"] for d in profile["destinations"]] == ["Oslo"]


@pytest.mark.parametrize("text", ["a week in Svalbard", "5 days in the Sahara please"])
def test_only_an_unknown_place_asks_where_naming_it(text: str) -> None:
    reply, profile = chat_turns(text)
    assert reply.question is not None
    assert "I could not find " in reply and ("Svalbard" in reply or "Sahara" in reply)
    assert profile["destinations"] == []


@pytest.mark.parametrize(
    "text",
    [
        "5 days in Paris, see the Louvre and Eiffel Tower with Tom",
        "Rome 4 days with Maria and John",
        "Berlin 3 days, I love Bauhaus",
    ],
)
def test_sights_and_people_are_not_unknown_places(text: str) -> None:
    reply, _ = chat_turns(text)
    assert "no data for" not in reply
