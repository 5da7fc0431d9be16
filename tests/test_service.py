"""The service cache and one turn: keys hashed, failed turns change nothing."""

from __future__ import annotations

from typing import Any

import pytest

import tripdesigner_kernel
from tripdesigner_kernel.designers.base import DesignRequest, DesignResult
from tripdesigner_kernel.designers.registry import registry
from tripdesigner_kernel.service import TurnError, service_key

SECRET = "sk-test-0123456789abcdef-SECRET"


class ExplodingDesigner:
    name = "exploding"

    def __init__(self, settings: Any = None, api_key: str | None = None) -> None:
        pass

    def respond(self, request: DesignRequest) -> DesignResult:
        request.profile["poisoned"] = True  # even a designer that scribbles on its input
        if request.itinerary:
            request.itinerary["title"] = "scribbled"
        raise RuntimeError("boom")

    def close(self) -> None:
        pass


def test_service_key_is_a_sha256_that_hides_the_key() -> None:
    key = service_key("openai", {"model": "m"}, SECRET)
    assert len(key) == 64 and SECRET not in key
    assert key != service_key("openai", {"model": "m"}, SECRET + "x")
    assert key != service_key("openai", {"model": "other"}, SECRET)
    assert key == service_key("openai", {"model": "m"}, SECRET)


def test_service_is_cached_and_a_key_switch_builds_a_new_one_keeping_sessions() -> None:
    state = tripdesigner_kernel.kernel_state()
    state.chat("3 days in Lisbon in May")
    first = state.service()
    assert state.service() is first and len(state.services) == 1
    state.set_api_key(SECRET)
    assert state.service() is not first and len(state.services) == 2
    assert all(SECRET not in key for key in state.services._entries)
    assert SECRET not in repr(state.__dict__)
    state.chat("make it 4 days")
    [summary] = state.sessions.list()
    assert summary.message_count == 4


def test_a_failing_turn_leaves_the_session_exactly_as_it_was() -> None:
    state = tripdesigner_kernel.kernel_state()
    session_id = state.new_session()
    state.chat("4 days in Kyoto in April for 2")
    before = state.sessions.load_record(session_id)
    registry.register("exploding", ExplodingDesigner)
    state.use_designer("exploding")
    with pytest.raises(TurnError, match=r"boom.*unchanged"):
        state.chat("add a day")
    assert state.sessions.load_record(session_id) == before
    state.use_designer("offline")
    state.chat("add a day")
    assert state.sessions.get(session_id).message_count == 4


def test_unknown_designer_names_the_available_ones() -> None:
    state = tripdesigner_kernel.kernel_state()
    with pytest.raises(LookupError, match=r"Available: .*offline"):
        state.use_designer("nope")


def test_empty_and_huge_messages_are_refused_clearly() -> None:
    state = tripdesigner_kernel.kernel_state()
    with pytest.raises(ValueError, match="empty"):
        state.chat("   ")
    with pytest.raises(ValueError, match="limit"):
        state.chat("x" * 1_000_000)
    assert len(state.sessions) == 0
