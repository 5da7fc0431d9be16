"""The model designer reads and writes the session's trip profile through tools, over real
HTTP to the scripted OpenAI-compatible server on 127.0.0.1 (fake_openai.py): what it sets is
saved with the turn and read back by the next one; a bad update changes nothing."""

from __future__ import annotations

import json

from fake_openai import Answer, FakeOpenAI
from test_llm import snapshot, state_for

SLOTS = {
    "destinations": [{"name": "Lisbon", "country": "PT", "days": 3}],
    "travelers": {"adults": 2, "children": [4, 7]},
    "accommodation": {"kind": "B&B", "rules": ["children under 10"]},
}


def test_the_model_sets_slots_of_the_profile_and_reads_them_back() -> None:
    answers = [
        Answer(tool_calls=[("update_trip_profile", json.dumps(SLOTS))]),
        Answer(text="Noted: Lisbon for 3 days, two adults and two children."),
        Answer(tool_calls=[("get_trip_profile", "{}")]),
        Answer(text="You are four."),
    ]
    with FakeOpenAI(answers) as server:
        state = state_for(server)
        state.chat("Lisbon for 3 days, me and my wife and our kids aged 4 and 7, a B&B")
        profile = snapshot(state)["profile"]
        state.chat("who is coming again?")
        read_back = json.loads(server.requests[3]["messages"][-1]["content"])
    assert profile["travelers"] == {"adults": 2, "children": [4, 7]}
    assert profile["destinations"][0]["name"] == "Lisbon"
    assert profile["accommodation"]["kind"] == "B&B"
    assert "travellers" not in profile["assumed"]
    assert read_back["ok"] and read_back["data"]["travelers"]["children"] == [4, 7]
    tools = {t["function"]["name"] for t in server.requests[0]["tools"]}
    assert {"get_trip_profile", "update_trip_profile"} <= tools


def test_an_invalid_update_changes_nothing_and_tells_the_model_why() -> None:
    bad = json.dumps({"travelers": {"adults": 0}, "planner": {}})
    answers = [
        Answer(tool_calls=[("update_trip_profile", bad)]),
        Answer(tool_calls=[("update_trip_profile", json.dumps({"travelers": {"adults": 0}}))]),
        Answer(text="Sorry, how many are you?"),
    ]
    with FakeOpenAI(answers) as server:
        state = state_for(server)
        state.chat("plan something")
        profile = snapshot(state)["profile"]
        refused = json.loads(server.requests[1]["messages"][-1]["content"])
        invalid = json.loads(server.requests[2]["messages"][-1]["content"])
    assert not refused["ok"] and "cannot set planner" in refused["message"]
    assert not invalid["ok"] and "travelers.adults" in invalid["message"]
    assert profile == {}
