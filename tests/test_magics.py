"""`%tripchat` as a person types it: every sub-command, every mistake a clear message."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from IPython.core.error import UsageError
from IPython.core.interactiveshell import InteractiveShell

import tripdesigner_kernel


def run(
    shell: InteractiveShell, capsys: pytest.CaptureFixture[str], cell: str
) -> tuple[str, str, object]:
    result = shell.run_cell(cell)
    out, err = capsys.readouterr()
    return out, err, result.error_in_exec or result.error_before_exec


def test_message_creates_a_session_and_renders_the_reply(shell, capsys) -> None:
    out, err, error = run(
        shell, capsys, "%tripchat Plan 4 days in Kyoto in April for 2, temples and food"
    )
    assert error is None and not err
    assert "4 days in Kyoto" in out and "Thu 01 Apr 2027" in out
    state = tripdesigner_kernel.kernel_state()
    [summary] = state.sessions.list()
    assert summary.message_count == 2 and state.current_session_id == summary.id


def test_cell_magic_sends_the_body_with_dollars_and_braces_untouched(shell, capsys) -> None:
    _, _, error = run(
        shell, capsys, "%%tripchat -o trip\n3 days in Lisbon in May, budget ${x} $500 {y}"
    )
    assert error is None
    record = tripdesigner_kernel.kernel_state().sessions.list()[0]
    messages = tripdesigner_kernel.kernel_state().sessions.get(record.id).messages
    assert messages[0].content == "3 days in Lisbon in May, budget ${x} $500 {y}"
    assert shell.user_ns["trip"].title == "3 days in Lisbon"


def test_question_mark_is_a_message_and_a_number_answers(shell, capsys) -> None:
    out, _, error = run(shell, capsys, "%tripchat Somewhere warm in February?")
    assert error is None and "Where would you like to go?" in out
    assert "1. " in out
    out, _, error = run(shell, capsys, "%tripchat 2")
    assert error is None and "days in" in out
    state = tripdesigner_kernel.kernel_state()
    messages = state.sessions.get(state.current_session_id).messages
    assert messages[2].content != "2"  # the choice's text was sent


def test_help_of_the_magic_still_works(shell, capsys) -> None:
    out, _, _ = run(shell, capsys, "%tripchat?")
    assert "Chat with the trip designer" in out and "-o VAR" in out


def test_subcommands(shell, capsys) -> None:
    out, _, error = run(shell, capsys, "%tripchat new --title Kyoto in spring")
    assert error is None and "New session" in out
    state = tripdesigner_kernel.kernel_state()
    first = state.current_session_id
    assert state.sessions.get(first).title == "Kyoto in spring"
    run(shell, capsys, "%tripchat 4 days in Kyoto in April")
    out, _, _ = run(shell, capsys, "%tripchat list")
    assert first in out and "Kyoto in spring" in out
    out, _, _ = run(shell, capsys, "%tripchat show")
    assert "2027-04-01" in out
    out, _, _ = run(shell, capsys, "%tripchat history -n 1")
    assert out.startswith("[assistant]")
    out, _, _ = run(shell, capsys, "%tripchat rename Cherry blossoms")
    assert state.sessions.get(first).title == "Cherry blossoms"
    run(shell, capsys, "%tripchat new")
    second = state.current_session_id
    out, _, _ = run(shell, capsys, f"%tripchat use {first}")
    assert state.current_session_id == first
    out, _, _ = run(shell, capsys, "%tripchat status")
    for word in ("offline", "sessions", "cached services", "sqlite", "2026-11-24", "not set"):
        assert word in out
    out, _, _ = run(shell, capsys, f"%tripchat delete {second}")
    assert "Deleted" in out and len(state.sessions) == 1
    out, _, _ = run(shell, capsys, "%tripchat designer")
    assert "offline" in out
    out, _, _ = run(shell, capsys, "%tripchat help")
    assert "rename" in out and "designer" in out
    out, _, error = run(shell, capsys, "%tripchat -- list the best temples in Kyoto")
    assert error is None
    assert state.sessions.get(first).messages[-2].content == "list the best temples in Kyoto"


def test_key_from_prompt_and_env_is_never_shown(shell, capsys, monkeypatch) -> None:
    secret = "sk-very-secret-value-123"
    monkeypatch.setattr("getpass.getpass", lambda prompt="": secret)
    out, err, error = run(shell, capsys, "%tripchat key")
    assert error is None and "set" in out
    out2, err2, _ = run(shell, capsys, "%tripchat status")
    assert "API key" in out2 and secret not in out + err + out2 + err2
    monkeypatch.setenv("MY_KEY", secret)
    out, err, error = run(shell, capsys, "%tripchat key --env MY_KEY")
    assert error is None and secret not in out + err
    state = tripdesigner_kernel.kernel_state()
    assert state.api_key() == secret and secret not in repr(vars(state))
    run(shell, capsys, "%tripchat Plan 2 days in Rome")
    record = state.sessions.load_record(state.current_session_id)
    assert secret not in repr(record)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("%tripchat use nope", "No session 'nope'"),
        ("%tripchat delete nope", "No session 'nope'"),
        ("%tripchat --bogus hello", "Unknown option '--bogus'"),
        ("%tripchat", "Nothing to send"),
        ("%tripchat new --title", "expected at least one argument"),
        ("%tripchat history -n x", "invalid int value"),
        ("%tripchat use", "the following arguments are required: id"),
        ("%tripchat list extra", "unrecognized arguments"),
        ("%tripchat designer nope", "No designer 'nope'"),
        ("%tripchat designer offline --model", "needs a value"),
        ("%tripchat key --env NOT_SET_ANYWHERE", "not set"),
        ("%tripchat show", "No current session"),
        ("%tripchat new --title 'unbalanced", "check the quotes"),
        ("%tripchat -o 1bad hello", "valid Python variable name"),
        ("%tripchat watch not.a.module", "not imported"),
        ("%%tripchat\n   \n", "empty"),
        ("%tripchat " + "x" * 1_000_000, "limit"),
    ],
)
def test_bad_input_gives_a_usage_error_not_a_traceback(shell, capsys, line, expected) -> None:
    out, err, error = run(shell, capsys, line)
    assert isinstance(error, UsageError), (out, err)
    assert expected in str(error)
    assert "Traceback" not in out + err
    assert len(tripdesigner_kernel.kernel_state().sessions) == 0


def test_key_prompt_without_a_terminal_is_a_usage_error(shell, capsys, monkeypatch) -> None:
    def no_terminal(prompt: str = "") -> str:
        raise EOFError

    monkeypatch.setattr("getpass.getpass", no_terminal)
    _, _, error = run(shell, capsys, "%tripchat key")
    assert isinstance(error, UsageError) and "--env" in str(error)


_words = st.sampled_from(
    ["new", "list", "use", "show", "history", "rename", "delete", "status", "designer",
     "help", "watch", "--", "-o", "-s", "--title", "-n", "3", "'", '"', "$x", "{y}", "?",
     "Kyoto", "offline", "\\", "--env", "\x00", "é", "", " "]
)  # fmt: skip


@settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(words=st.lists(st.one_of(_words, st.text(max_size=12)), max_size=6))
def test_fuzzed_magic_lines_never_show_a_traceback(
    shell, capsys, words, tmp_path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)  # exports and session files land here
    # Characters that end a line make IPython split the cell: not one magic line any more.
    line = " ".join(" ".join(" ".join(words).splitlines()).split("\r"))
    if line.strip() == "key" or line.strip().startswith("key "):
        return  # would prompt for a key
    result = shell.run_cell("%tripchat " + line)
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err, line
    error = result.error_in_exec or result.error_before_exec
    assert error is None or isinstance(error, UsageError), (line, repr(error))
