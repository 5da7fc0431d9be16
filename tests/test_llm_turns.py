"""Model turns end clean: a total deadline, forgiving tool calls, a cost that never reads free.

A real HTTP server on 127.0.0.1 (fake_openai.py) through the real openai client.
"""

from __future__ import annotations

import json
import time

import pytest
from fake_openai import Answer, FakeOpenAI
from test_llm import snapshot, state_for

from tripdesigner_kernel.service import TurnError

PLAN = json.dumps({"cities": ["Lisbon"], "days": [3], "start_date": "2027-05-10"})


def test_a_trickling_stream_ends_at_the_turn_deadline() -> None:
    """A chunk a second keeps every read alive; the turn must still end at --timeout."""
    with FakeOpenAI([Answer(text="Slowly, slowly. " * 8, trickle=1.0)]) as server:
        state = state_for(server, timeout=2.5, max_retries=0)
        state.service()  # built (the openai package imported) before the clock starts
        before = snapshot(state)
        started = time.monotonic()
        with pytest.raises(TurnError, match=r"did not answer within 2.5 s") as caught:
            state.chat("hello")
        elapsed = time.monotonic() - started
    assert 2.3 < elapsed < 3.5, elapsed
    assert snapshot(state) == before and "unchanged" in str(caught.value)


def test_the_deadline_spans_every_model_call_and_retry() -> None:
    answers = [
        Answer(tool_calls=[("plan_days", PLAN)], trickle=0.3),  # about 2 s of the budget
        Answer(hang=30),  # then silence: the retries get only what is left
        Answer(hang=30),
        Answer(hang=30),
    ]
    with FakeOpenAI(answers) as server:
        state = state_for(server, timeout=3, max_retries=2)
        state.service()
        before = snapshot(state)
        started = time.monotonic()
        with pytest.raises(TurnError, match="did not answer within 3 s"):
            state.chat("3 days in Lisbon")
        elapsed = time.monotonic() - started
    assert elapsed < 4.5, elapsed
    assert snapshot(state) == before


@pytest.mark.parametrize("arguments", ["", "  \n "])
def test_empty_tool_arguments_mean_none(arguments: str) -> None:
    answers = [Answer(tool_calls=[("check_itinerary", arguments)]), Answer(text="All good.")]
    with FakeOpenAI(answers) as server:
        reply = state_for(server).chat("check it")
    sent_back = server.requests[1]["messages"]
    assert str(reply) == "All good." and "not valid JSON" not in sent_back[-1]["content"]
    assert sent_back[-2]["tool_calls"][0]["function"]["arguments"] == "{}"


@pytest.mark.parametrize(
    "arguments",
    [
        '{"question": ""}',
        '{"question": "Which month?", "choices": ["May"]}',
        "{not json",
        "",
    ],
)
def test_a_malformed_question_goes_back_to_the_model(arguments: str) -> None:
    answers = [Answer(tool_calls=[("ask_user", arguments)]), Answer(text="Let me ask properly.")]
    with FakeOpenAI(answers) as server:
        state = state_for(server)
        reply = state.chat("Kyoto for 4 days")
    assert str(reply) == "Let me ask properly." and reply.question is None
    tool_message = server.requests[1]["messages"][-1]
    assert (
        tool_message["role"] == "tool"
        and "Invalid arguments for ask_user" in tool_message["content"]
    )
    calls = snapshot(state)["messages"][-1]["tool_calls"]
    assert calls[0]["name"] == "ask_user" and '"ok": false' in calls[0]["result"]


def test_a_megabyte_of_tool_arguments_is_refused_not_stored() -> None:
    huge = json.dumps({"cities": ["Lisbon"], "days": [3], "note": "x" * 1_000_000})
    answers = [
        Answer(tool_calls=[("plan_days", huge)], argument_chunk=65_536),
        Answer(text="I will send a smaller plan."),
        Answer(text="Fine."),
    ]
    with FakeOpenAI(answers) as server:
        state = state_for(server)
        assert str(state.chat("plan it")) == "I will send a smaller plan."
        state.chat("thanks")
    tool_message = server.requests[1]["messages"][-1]
    assert "1,000,0" in tool_message["content"] and "limit is 32,000" in tool_message["content"]
    assert len(json.dumps(snapshot(state))) < 100_000
    assert all(len(json.dumps(request)) < 100_000 for request in server.requests[1:])


def test_a_stream_without_usage_still_costs_and_trips_the_limit() -> None:
    with FakeOpenAI([Answer(text="A free answer? " * 50, usage=None)]) as server:
        state = state_for(server, price_input=1000.0, price_output=1000.0, cost_limit_usd=2.0)
        before = snapshot(state)
        with pytest.raises(TurnError, match="cost limit"):
            state.chat("hello")
        assert snapshot(state) == before
    with FakeOpenAI([Answer(text="Cheap but not free.", usage=None)]) as server:
        state = state_for(server, price_input=1.0, price_output=1.0)
        state.chat("hello")
    metadata = snapshot(state)["metadata"]
    prompt = len(json.dumps(server.requests[0], ensure_ascii=False)) // 4
    assert metadata["total_tokens"] >= prompt * 0.8 and metadata["cost_usd"] > 0


def test_a_chunk_that_is_not_json_is_one_clear_error() -> None:
    with FakeOpenAI([Answer(text="Hello there, traveller.", garbage_after=2)]) as server:
        state = state_for(server, max_retries=0)
        before = snapshot(state)
        with pytest.raises(TurnError, match=r"could not be read \(JSONDecodeError\)") as caught:
            state.chat("hello")
    assert caught.value.__cause__ is not None and caught.value.__cause__.__context__ is None
    assert snapshot(state) == before


@pytest.mark.parametrize("timeout", ["0", "-5", "nan", "inf", "1e12"])
def test_a_timeout_that_is_no_turn_length_is_refused(timeout: str) -> None:
    with FakeOpenAI([]) as server:
        state = state_for(server)
        state.use_designer("openai", base_url=server.base_url, timeout=float(timeout))
        with pytest.raises(TurnError, match="--timeout is the seconds a whole turn may take"):
            state.chat("hello")
    assert server.requests == []
