"""The chat exported as Markdown (magic and widget), typo-catching magics, and the help."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from IPython.core.error import UsageError

import tripdesigner_kernel
from tripdesigner_kernel.ui.subcommands import SUBCOMMANDS
from tripdesigner_kernel.ui.widget import ChatWidget


def test_export_chat_from_the_magic_has_every_message_and_the_plan(shell, tmp_path) -> None:
    shell.run_cell("%tripchat 3 days in Lisbon in May for 2")
    shell.run_cell("%tripchat add a day")
    path = tmp_path / "chat.md"
    result = shell.run_cell(f"%tripchat export chat {path}")
    assert result.error_in_exec is None
    text = path.read_text()
    assert text.count("## You") == 2 and text.count("## Designer") == 2
    assert "3 days in Lisbon in May for 2" in text and "add a day" in text
    assert "## The plan" in text and "| day | time | item |" in text
    assert "Estimated total" in text


def test_export_chat_without_a_session_is_a_clear_error(shell, tmp_path) -> None:
    result = shell.run_cell(f"%tripchat export chat {tmp_path / 'x.md'}")
    assert isinstance(result.error_in_exec, UsageError)
    assert "No current session" in str(result.error_in_exec)


def test_export_chat_from_the_widget_menu(shell, tmp_path: Path) -> None:
    widget = ChatWidget()
    widget.input.value = "Somewhere warm in February?"
    widget.send_button.click()
    assert widget.wait(60)
    widget.export_format.value = "chat"
    assert widget.export_path.value.endswith("-chat.md")
    widget.export_path.value = str(tmp_path / "chat.md")
    widget.export_button.click()
    assert "Wrote" in widget.notice.value
    text = (tmp_path / "chat.md").read_text()
    question = tripdesigner_kernel.kernel_state().sessions.get(widget.session_id).messages[-1]
    for number, choice in enumerate(question.extra["question"]["choices"], 1):
        assert f"{number}. {choice}" in text  # the choices are in the file, not only buttons


@pytest.mark.parametrize(
    ("typo", "meant"),
    [("lisst", "list"), ("hsitory", "history"), ("delte", "delete"), ("stauts", "status"),
     ("wdget", "widget"), ("Lst", "list"), ("exprot", "export")],
)  # fmt: skip
def test_a_typo_of_a_subcommand_is_caught_not_sent(shell, typo: str, meant: str) -> None:
    state = tripdesigner_kernel.kernel_state()
    result = shell.run_cell(f"%tripchat {typo}")
    assert isinstance(result.error_in_exec, UsageError)
    assert f"did you mean `{meant}`?" in str(result.error_in_exec)
    assert f"%tripchat -- {typo}" in str(result.error_in_exec)
    assert len(state.sessions) == 0  # nothing sent, nothing saved


@pytest.mark.parametrize(
    "message", ["Lisbon", "York", "slow", "shopping", "Plan lisst of museums in Rome", "cheaper"]
)
def test_real_requests_still_go_through(shell, message: str) -> None:
    result = shell.run_cell(f"%tripchat {message}")
    assert result.error_in_exec is None
    state = tripdesigner_kernel.kernel_state()
    assert state.sessions.get(state.current_session_id).message_count == 2


def test_an_unknown_flag_is_caught(shell) -> None:
    result = shell.run_cell("%tripchat --frobnicate Lisbon")
    assert isinstance(result.error_in_exec, UsageError)
    assert len(tripdesigner_kernel.kernel_state().sessions) == 0


def test_help_lists_every_subcommand(shell, capsys) -> None:
    shell.run_cell("%tripchat?")
    question_help = capsys.readouterr().out
    shell.run_cell("%tripchat help")
    help_text = capsys.readouterr().out
    for name in SUBCOMMANDS:  # a line of the table starts with each
        assert re.search(rf"^\s*{name}\b", question_help, re.MULTILINE), name
        assert re.search(rf"^\s*{name}\b", help_text, re.MULTILINE), name


def test_history_keeps_a_questions_choices(shell, capsys) -> None:
    shell.run_cell("%tripchat Somewhere warm in February?")
    capsys.readouterr()
    shell.run_cell("%tripchat 1")
    shell.run_cell("%tripchat history -n 4")
    out = capsys.readouterr().out
    state = tripdesigner_kernel.kernel_state()
    question = state.sessions.get(state.current_session_id).messages[1].extra["question"]
    assert f"  1. {question['choices'][0]}" in out and f"  2. {question['choices'][1]}" in out
