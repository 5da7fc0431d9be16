"""The model designer against a real HTTP server on 127.0.0.1, through the real openai client."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from fake_openai import Answer, FakeOpenAI

from tripdesigner_kernel.kernel import KernelState
from tripdesigner_kernel.service import TurnError

SECRET = "sk-test-NEVER-SHOW-THIS-1234567890"
PLAN = json.dumps(
    {
        "cities": ["Lisbon"],
        "days": [3],
        "start_date": "2027-05-10",
        "travelers": 2,
        "interests": ["museums"],
    }
)


def state_for(server: FakeOpenAI, **options: object) -> KernelState:
    state = KernelState()
    state.settings.today = "2026-11-24"
    state.set_api_key(SECRET)
    settings = {
        "base_url": server.base_url,
        "model": "test-model",
        "timeout": 5,
        "max_retries": 2,
        "price_input": 1.0,
        "price_output": 2.0,
        **options,
    }
    state.use_designer("openai", **settings)
    state.new_session()
    return state


def snapshot(state: KernelState) -> dict:
    assert state.current_session_id
    return state.sessions.load_record(state.current_session_id)


def test_a_tool_using_turn(tmp_path: Path) -> None:
    events: list[dict] = []
    with FakeOpenAI(
        [Answer(tool_calls=[("plan_days", PLAN)]), Answer(text="Your **Lisbon** plan.")]
    ) as server:
        state = state_for(server)
        reply = state.chat("3 days in Lisbon from May 10 2027 for 2", emit=events.append)
    assert str(reply) == "Your **Lisbon** plan."
    assert reply.itinerary is not None and reply.itinerary["title"] == "3 days in Lisbon"
    assert reply.itinerary["violations"] == []
    assert len(server.requests) == 2  # one call per tool step, plus the answer
    first, second = server.requests
    assert first["stream"] is True and first["stream_options"] == {"include_usage": True}
    assert {t["function"]["name"] for t in first["tools"]} >= {
        "plan_days",
        "ask_user",
        "add_activity",
    }
    assert "2026-11-24" in first["messages"][0]["content"]
    assert (
        second["messages"][-1]["role"] == "tool"
        and '"ok": true' in second["messages"][-1]["content"]
    )
    record = snapshot(state)
    assert [m["role"] for m in record["messages"]] == ["user", "assistant"]
    assert record["metadata"]["total_tokens"] == 300
    assert record["metadata"]["cost_usd"] == pytest.approx((240 * 1.0 + 60 * 2.0) / 1e6)
    assert [e["type"] for e in events].count("text") >= 3  # streamed in pieces
    assert {"tool_call", "tool_result", "itinerary_changed", "done"} <= {e["type"] for e in events}
    assert server.authorizations[0] == f"Bearer {SECRET}"
    assert SECRET not in json.dumps(record)
    # The next turn sends the tool exchange back as history.
    with FakeOpenAI([Answer(text="Done.")]) as server2:
        state.use_designer("openai", base_url=server2.base_url, model="test-model", timeout=5)
        state.chat("thanks")
    roles = [m["role"] for m in server2.requests[0]["messages"]]
    assert roles == ["system", "user", "assistant", "tool", "assistant", "user"]


@pytest.mark.parametrize("status", [429, 500])
def test_retried_errors_then_success(status: int) -> None:
    answers = [Answer(status=status, headers={"Retry-After": "0"}), Answer(text="Recovered.")]
    with FakeOpenAI(answers) as server:
        state = state_for(server)
        assert str(state.chat("hello")) == "Recovered."
    assert len(server.requests) == 2


def test_errors_leave_the_session_exactly_as_it_was() -> None:
    with FakeOpenAI([Answer(text="fine")]) as server:
        state = state_for(server)
        state.chat("first")
        before = snapshot(state)
    cases = [
        (Answer(text="Hello there, traveller", break_after=3), "broke off"),
        (Answer(status=401), "refused the API key"),
        (Answer(status=400), "answered 400"),
    ]
    for answer, message in cases:
        with FakeOpenAI([answer, answer, answer]) as server:
            state.use_designer(
                "openai", base_url=server.base_url, model="test-model", timeout=5, max_retries=0
            )
            with pytest.raises(TurnError, match=message) as caught:
                state.chat("second")
        assert "unchanged" in str(caught.value) and SECRET not in str(caught.value)
        assert snapshot(state) == before


def test_a_server_that_never_answers_is_bounded_by_the_timeout() -> None:
    with FakeOpenAI([Answer(hang=8, text="late")]) as server:
        state = state_for(server, timeout=1, max_retries=0)
        before = snapshot(state)
        started = time.monotonic()
        with pytest.raises(TurnError, match="did not answer within 1 s"):
            state.chat("hello")
        assert time.monotonic() - started < 5
        assert snapshot(state) == before


def test_invalid_tool_arguments_go_back_to_the_model() -> None:
    answers = [Answer(tool_calls=[("plan_days", "{not json")]), Answer(text="Let me fix that.")]
    with FakeOpenAI(answers) as server:
        state = state_for(server)
        assert str(state.chat("plan it")) == "Let me fix that."
    tool_message = server.requests[1]["messages"][-1]
    assert tool_message["role"] == "tool" and "not valid JSON" in tool_message["content"]


def test_the_cost_limit_refuses_turns() -> None:
    with FakeOpenAI([Answer(text="pricey", usage=(2000, 1000))]) as server:
        state = state_for(server, price_input=1000.0, price_output=1000.0, cost_limit_usd=2.0)
        before = snapshot(state)
        with pytest.raises(TurnError, match="cost limit"):
            state.chat("hello")
        assert snapshot(state) == before
    with FakeOpenAI([Answer(text="one", usage=(1000, 0)), Answer(text="two")]) as server:
        state = state_for(server, price_input=2000.0, price_output=0.0, cost_limit_usd=2.5)
        state.chat("first")  # costs $2.00
        state.use_designer(
            "openai",
            base_url=server.base_url,
            model="test-model",
            price_input=2000.0,
            price_output=0.0,
            cost_limit_usd=1.5,
        )
        with pytest.raises(TurnError, match=r"used \$2.00 of its \$1.50 limit"):
            state.chat("second")
        assert len(server.requests) == 1  # refused before any model call


def test_ask_user_ends_the_turn_with_a_question(shell, capsys) -> None:
    question = json.dumps({"question": "Which month?", "choices": ["April", "May"]})
    answers = [Answer(tool_calls=[("ask_user", question)]), Answer(text="May it is.")]
    with FakeOpenAI(answers) as server:
        state = shell._tripdesigner_state
        state.set_api_key(SECRET)
        shell.run_cell(f"%tripchat designer openai --base-url {server.base_url} --model test-model")
        shell.run_cell("%tripchat Kyoto for 4 days")
        out = capsys.readouterr().out
        assert "Which month?" in out and "1. April" in out and "2. May" in out
        shell.run_cell("%tripchat 2")
        out = capsys.readouterr().out
    assert "May it is." in out
    assert server.requests[1]["messages"][-1] == {"role": "user", "content": "May"}
    assert SECRET not in out


def test_record_then_replay_offline_without_a_key(tmp_path: Path) -> None:
    cassette = tmp_path / "lisbon.cassette.json"
    with FakeOpenAI([Answer(tool_calls=[("plan_days", PLAN)]), Answer(text="Planned.")]) as server:
        state = state_for(server, record=str(cassette))
        recorded = state.chat("3 days in Lisbon from May 10 2027")
    text = cassette.read_text()
    assert SECRET not in text and "Authorization" not in text
    assert json.loads(text)["format"] == "tripdesigner.cassette/1"
    replay = KernelState()
    replay.settings.today = "2026-11-24"
    replay.use_designer(
        "openai", model="test-model", replay=str(cassette), price_input=1.0, price_output=2.0
    )
    replay.new_session()
    again = replay.chat("3 days in Lisbon from May 10 2027")
    assert str(again) == str(recorded) and again.itinerary == recorded.itinerary
    other = KernelState()
    other.settings.today = "2026-11-24"
    other.use_designer("openai", model="test-model", replay=str(cassette))
    with pytest.raises(TurnError, match=r"differs from the recording at request\.messages"):
        other.chat("5 days in Rome")


def test_a_cancel_changes_nothing() -> None:
    def cancel(event: dict) -> None:
        if event["type"] == "text":
            raise KeyboardInterrupt

    with FakeOpenAI([Answer(text="a long answer")]) as server:
        state = state_for(server)
        before = snapshot(state)
        with pytest.raises(KeyboardInterrupt):
            state.chat("hello", emit=cancel)
        assert snapshot(state) == before


def test_long_histories_are_compacted() -> None:
    with FakeOpenAI([Answer(text=f"answer {n}") for n in range(7)]) as server:
        state = state_for(server, context_tokens=400)
        for n in range(7):
            state.chat(f"message number {n} " + "x" * 40)
        last_prompt = server.requests[-1]["messages"]
    record = snapshot(state)
    # The transcript is kept whole (messages are append-only); only the model's view shrinks.
    assert len(record["messages"]) == 14 and record["messages"][-1]["content"] == "answer 6"
    assert record["messages"][0]["content"].startswith("message number 0")
    summary = record["metadata"]["context"]["summary"]
    assert summary[0]["role"] == "system" and "Summary" in summary[0]["content"]
    assert "last_compaction_at" in record["metadata"]
    sent = " ".join(str(m.get("content")) for m in last_prompt)
    assert "Summary of the earlier conversation" in sent and len(last_prompt) < 14


def test_no_key_no_replay_is_a_clear_error() -> None:
    state = KernelState()
    state.use_designer("openai", model="m")
    with pytest.raises(TurnError, match="needs an API key"):
        state.chat("hello")


def test_record_and_replay_magics(shell, capsys, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("MY_TEST_KEY", SECRET)
    cassette = tmp_path / "c.json"
    with FakeOpenAI([Answer(text="Recorded answer.")]) as server:
        url = server.base_url
        shell.run_cell(
            f"%tripchat designer openai --base-url {url} --model m --key-env MY_TEST_KEY"
        )
        shell.run_cell(f"%tripchat record {cassette}")
        shell.run_cell("%tripchat Hello there")
    out = capsys.readouterr().out
    assert "Recorded answer." in out and cassette.exists() and SECRET not in out
    state = shell._tripdesigner_state
    state.set_api_key(None)
    state.settings.key_env = ""
    shell.run_cell("%tripchat new")
    shell.run_cell(f"%tripchat replay {cassette}")
    shell.run_cell("%tripchat Hello there")
    assert "Recorded answer." in capsys.readouterr().out
    shell.run_cell("%tripchat replay off")
    assert "replay" not in state.settings.designer_options


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("%tripchat designer openai --preset nowhere", "Unknown preset"),
        ("%tripchat designer openai --key-env NOT_SET_FOR_SURE", "not set"),
        ("%tripchat record", "required: path"),
    ],
)
def test_designer_option_mistakes(shell, capsys, line: str, message: str) -> None:
    from IPython.core.error import UsageError

    result = shell.run_cell(line)
    assert isinstance(result.error_in_exec, UsageError) and message in str(result.error_in_exec)


def test_a_failed_turn_in_the_magic_is_one_clear_line(shell, capsys) -> None:
    with FakeOpenAI([Answer(status=400)]) as server:
        shell._tripdesigner_state.set_api_key(SECRET)
        shell.run_cell(f"%tripchat designer openai --base-url {server.base_url} --max-retries 0")
        result = shell.run_cell("%tripchat Hello")
    out, err = capsys.readouterr()
    assert result.error_in_exec is None and "Traceback" not in out + err
    assert err.strip().startswith("[tripdesigner] The provider answered 400")
    assert SECRET not in out + err
