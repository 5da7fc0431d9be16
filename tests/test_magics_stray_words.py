"""A lone word that is no sub-command and nothing the designer can read is caught, not sent.

``%tripchat frobnicate`` is more likely a mistyped command than a trip request: it gets a
``UsageError`` saying how to send it anyway and listing the sub-commands, and nothing is
sent or saved. One word that names a place or something of a trip still goes through.
"""

from __future__ import annotations

import pytest
from IPython.core.error import UsageError

import tripdesigner_kernel
from tripdesigner_kernel.ui.subcommands import SUBCOMMANDS


def sent(shell, line: str) -> int:
    """Run ``line``; the messages the current session then holds (0: no session)."""
    result = shell.run_cell(line)
    assert result.error_in_exec is None, result.error_in_exec
    state = tripdesigner_kernel.kernel_state()
    return state.sessions.get(state.current_session_id).message_count


# "shop": the designer reads "shopping", not "shop" (it would answer "I found nothing").
@pytest.mark.parametrize("word", ["frobnicate", "xyzzy", "blorp", "Qwerty", "banana", "shop"])
def test_a_stray_word_is_caught_with_the_way_to_send_it(shell, word: str) -> None:
    result = shell.run_cell(f"%tripchat {word}")
    error = result.error_in_exec
    assert isinstance(error, UsageError)
    message = str(error)
    assert f'%tripchat "{word}"' in message and f"%tripchat -- {word}" in message
    assert all(name in message for name in SUBCOMMANDS)
    assert len(tripdesigner_kernel.kernel_state().sessions) == 0  # nothing sent, nothing saved


def test_a_stray_word_after_options_is_caught_and_nothing_is_saved(shell) -> None:
    assert sent(shell, "%tripchat Plan 3 days in Lisbon in May") == 2
    state = tripdesigner_kernel.kernel_state()
    before = state.sessions.load_record(state.current_session_id)
    result = shell.run_cell(f"%tripchat -s {state.current_session_id} frobnicate")
    assert isinstance(result.error_in_exec, UsageError)
    assert state.sessions.load_record(state.current_session_id) == before


@pytest.mark.parametrize("line", ['%tripchat "frobnicate"', "%tripchat -- frobnicate"])
def test_a_quoted_or_escaped_word_is_sent_as_written(shell, line: str) -> None:
    assert sent(shell, line) == 2
    state = tripdesigner_kernel.kernel_state()
    assert state.sessions.get(state.current_session_id).messages[0].content == "frobnicate"


@pytest.mark.parametrize(
    "word",
    ["Kyoto", "lisboa", "Wien", "München", "Barcelonna", "Japan", "Tuscany", "beach",
     "weekend", "museums", "relaxed", "luxury", "thanks"],
)  # fmt: skip
def test_a_word_that_names_a_place_or_a_wish_goes_to_the_designer(shell, word: str) -> None:
    assert sent(shell, f"%tripchat {word}") == 2


def test_a_word_that_answers_the_designers_question_goes_through(shell) -> None:
    assert sent(shell, "%tripchat Somewhere warm in February?") == 2
    state = tripdesigner_kernel.kernel_state()
    question = state.sessions.get(state.current_session_id).messages[-1].extra["question"]
    choice = next(c for c in question["choices"] if " " not in c)  # a one-word choice
    assert sent(shell, f"%tripchat {choice.lower()}") == 4
    assert sent(shell, "%tripchat 1") >= 4  # a number picks a choice (or is refused by it)
