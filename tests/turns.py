"""Whole turns as a person has them: a fresh kernel state with a fixed today, the messages
sent through ``KernelState.chat``, and the session's trip profile after them."""

from __future__ import annotations

from typing import Any

from tripdesigner_kernel.kernel import KernelState, Reply


def chat_turns(*turns: str, today: str = "2026-11-24") -> tuple[Reply, dict[str, Any]]:
    """The last reply to ``turns`` and the session's profile (plain JSON) after them."""
    state = KernelState()
    state.settings.today = today
    state.new_session()
    replies = [state.chat(turn) for turn in turns]
    assert state.current_session_id is not None
    return replies[-1], state.sessions.get(state.current_session_id).profile
