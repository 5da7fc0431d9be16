"""Whole turns as a person has them: a fresh kernel state with a fixed today, the messages
sent through ``KernelState.chat``, and the session's trip profile after them."""

from __future__ import annotations

from datetime import date
from typing import Any

from tripdesigner_kernel.kernel import KernelState, Reply


def replies_to(*turns: str, today: str = "2026-11-24") -> tuple[list[Reply], dict[str, Any]]:
    """The replies to ``turns``, said one after another in a new session, and the session's
    profile (plain JSON) after them."""
    state = KernelState()
    state.settings.today = today
    state.new_session()
    replies = [state.chat(turn) for turn in turns]
    assert state.current_session_id is not None
    return replies, state.sessions.get(state.current_session_id).profile


def chat_turns(*turns: str, today: str = "2026-11-24") -> tuple[Reply, dict[str, Any]]:
    """The last reply to ``turns`` and the session's profile (plain JSON) after them."""
    replies, profile = replies_to(*turns, today=today)
    return replies[-1], profile


def span(reply: Reply) -> tuple[date, date]:
    """The first and last day of the reply's itinerary, asserted planned."""
    assert reply.itinerary is not None, str(reply)
    return (
        date.fromisoformat(reply.itinerary["start_date"]),
        date.fromisoformat(reply.itinerary["end_date"]),
    )
