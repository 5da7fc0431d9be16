"""The party as people type it ("me + gf", "my 70 yo mum and me", "our baby (1 yr)", "my
parents want to see Vienna"), checked in the session's profile and the plan after a turn."""

from __future__ import annotations

from typing import Any

import pytest

from tripdesigner_kernel.kernel import KernelState, Reply


def _chat(message: str) -> tuple[Reply, dict[str, Any]]:
    state = KernelState()
    state.settings.today = "2026-11-24"
    state.new_session()
    reply = state.chat(message)
    assert state.current_session_id is not None
    return reply, state.sessions.get(state.current_session_id).profile


@pytest.mark.parametrize(
    ("message", "adults", "children"),
    [
        ("3 days in Rome, me + gf", 2, []),
        ("me and the bf, Paris 4 days", 2, []),
        ("Lisbon for 4 days, me & hubby", 2, []),
        ("my 70 yo mum and me, Lisbon", 2, []),
        ("me and my 80yo dad, 3 days in Vienna", 2, []),
        ("my parents want to see Vienna", 2, []),
        ("My parents would love 4 days in Vienna in May", 2, []),
        ("my mum (72) wants to see Paris", 1, []),
        ("Vienna with my parents", 3, []),
        ("my parents and I, Vienna", 3, []),
        ("we're taking our baby (1 yr) to Rome", 2, [1]),
        ("me + wife + our 4 yr old daughter, London", 2, [4]),
        ("the 4 of us, Rome 3 days", 4, []),
        ("me + 2 friends, Berlin for a weekend", 3, []),
        ("3 days in Rome for me and my 8 y/o son", 1, [8]),
    ],
)
def test_the_party_as_typed(message: str, adults: int, children: list[int]) -> None:
    reply, profile = _chat(message)
    assert profile["travelers"] == {"adults": adults, "children": children}
    assert reply.itinerary is not None, str(reply)
    assert reply.itinerary["travelers"] == adults + len(children)
