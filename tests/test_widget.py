"""The chat widget driven headless: set the input, click Send, read what a person would see."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

import tripdesigner_kernel
from tripdesigner_kernel.designers.registry import registry
from tripdesigner_kernel.ui.widget import ChatWidget


def texts(widget: ChatWidget) -> list[str]:
    """The transcript, oldest first."""
    return widget.transcript_html()


def send(widget: ChatWidget, text: str) -> None:
    """Type, click Send, and wait for the turn's worker thread to finish."""
    widget.input.value = text
    widget.send_button.click()
    assert widget.wait(60)


def test_send_shows_the_plan_by_day_with_route_maps(shell) -> None:
    widget = ChatWidget()
    assert widget.send_button.description == "Send"
    send(widget, "Plan 3 days in Lisbon in May for 2, museums")
    assert widget.input.value == "" and not widget.send_button.disabled
    transcript = texts(widget)
    assert "Plan 3 days in Lisbon" in transcript[0] and "3 days in Lisbon" in transcript[1]
    assert widget.day_titles() == ["Day 1", "Day 2", "Day 3"]
    day_one = widget.day_html()[0]
    assert "Day 1" in day_one and "<svg" in day_one and "<polyline" in day_one and "EUR" in day_one
    assert "Estimated total" in widget.summary.value
    assert "offline" in widget.status.value
    assert repr(widget) == "ChatWidget()"


def test_an_empty_message_does_nothing(shell) -> None:
    widget = ChatWidget()
    send(widget, "   ")
    assert texts(widget) == []
    assert tripdesigner_kernel.kernel_state().sessions.get(widget.session_id).message_count == 0


def test_questions_become_buttons(shell) -> None:
    widget = ChatWidget()
    send(widget, "Somewhere warm in February?")
    buttons = widget.questions.children
    assert len(buttons) >= 2
    choice = buttons[1].description
    buttons[1].click()
    assert widget.wait(60)
    record = tripdesigner_kernel.kernel_state().sessions.get(widget.session_id)
    assert record.messages[2].content == choice
    assert widget.day_titles()[:1] == ["Day 1"] and widget.questions.children == ()


def test_widgets_and_magics_stay_in_sync(shell, capsys) -> None:
    first = ChatWidget()
    second = ChatWidget(first.session_id)
    send(first, "2 days in Rome in June")
    assert texts(second) == texts(first) and len(texts(second)) == 2
    shell.run_cell(f"%tripchat -s {first.session_id} add a day")
    assert len(texts(first)) == len(texts(second)) == 4
    assert second.day_titles() == ["Day 1", "Day 2", "Day 3"]


def test_a_failed_turn_is_shown_and_changes_nothing(shell) -> None:
    class Broken:
        name = "broken"

        def __init__(self, settings=None, api_key=None) -> None:
            pass

        def respond(self, request):
            raise RuntimeError("the designer fell over")

        def close(self) -> None:
            pass

    widget = ChatWidget()
    send(widget, "2 days in Porto in May")
    before = tripdesigner_kernel.kernel_state().sessions.load_record(widget.session_id)
    registry.register("broken", Broken)
    tripdesigner_kernel.kernel_state().use_designer("broken")
    send(widget, "add a day")
    assert "fell over" in widget.notice.value and "unchanged" in widget.notice.value
    assert tripdesigner_kernel.kernel_state().sessions.load_record(widget.session_id) == before
    assert len(texts(widget)) == 2 and not widget.send_button.disabled


def test_an_edit_to_service_code_between_clicks_is_picked_up(tmp_path: Path, monkeypatch) -> None:
    """In a fresh process with autoreload 2: click, edit the service file on disk, click."""
    import shutil
    import subprocess

    package = Path(tripdesigner_kernel.__file__).parent
    shutil.copytree(
        package, tmp_path / "tripdesigner_kernel", ignore=shutil.ignore_patterns("__pycache__")
    )
    script = r"""
import os, sys
sys.path.insert(0, sys.argv[1])
from IPython.core.interactiveshell import InteractiveShell
shell = InteractiveShell.instance()
shell.run_line_magic("load_ext", "autoreload")
shell.run_line_magic("autoreload", "2")
shell.run_line_magic("load_ext", "tripdesigner_kernel")
# As in a notebook: a cell shows the widget (autoreload notes the modules' times after it).
shell.run_cell("from tripdesigner_kernel.ui.widget import ChatWidget; widget = ChatWidget()")
widget = shell.user_ns["widget"]
widget.input.value = "2 days in Rome in June"; widget.send_button.click(); widget.wait()
path = os.path.join(sys.argv[1], "tripdesigner_kernel", "service.py")
old = '"assistant",\n                result.reply,'
text = open(path).read().replace(old, old[:-1] + ' + " [edited]",')
assert "[edited]" in text
before = os.stat(path).st_mtime_ns
open(path, "w").write(text)
os.utime(path, ns=(before + 2_000_000_000,) * 2)
widget.input.value = "add a day"; widget.send_button.click(); widget.wait()  # no cell between
record = widget.state.sessions.get(widget.session_id)
print("MESSAGES", record.message_count, "EDITED", record.messages[-1].content.endswith("[edited]"))
print("STATUS", widget.status.value)
"""
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "MESSAGES 4 EDITED True" in done.stdout
    status = done.stdout.split("STATUS", 1)[1]  # the notice shows in the widget's status line
    assert "service code changed: cleared 1 cached service(s), 1 session(s) preserved" in status


def test_session_bar(shell, tmp_path: Path) -> None:
    widget = ChatWidget()
    send(widget, "2 days in Lisbon in May")
    first = widget.session_id
    widget.new_button.click()
    assert widget.session_id != first and len(widget.sessions.options) == 2
    widget.sessions.value = first
    assert widget.session_id == first and len(texts(widget)) == 2
    widget.rename_text.value = "Lisbon weekend"
    widget.rename_button.click()
    assert tripdesigner_kernel.kernel_state().sessions.get(first).title == "Lisbon weekend"
    widget.export_format.value = "geojson"
    widget.export_path.value = str(tmp_path / "trip.geojson")
    widget.export_button.click()
    assert (tmp_path / "trip.geojson").exists() and "Wrote" in widget.notice.value
    widget.delete_button.click()
    assert widget.confirm_box.layout.display == "flex"
    widget.cancel_button.click()
    assert len(widget.sessions.options) == 2
    widget.delete_button.click()
    widget.confirm_button.click()
    assert len(widget.sessions.options) == 1 and widget.session_id != first


def test_widget_magic_and_unknown_session(shell, capsys) -> None:
    from IPython.core.error import UsageError

    result = shell.run_cell("%tripchat widget")
    assert result.error_in_exec is None and "ChatWidget()" in capsys.readouterr().out
    result = shell.run_cell("%tripchat widget nope")
    assert isinstance(result.error_in_exec, UsageError)


@pytest.mark.parametrize("points", [0, 1, 5])
def test_route_svg_handles_any_number_of_stops(points: int) -> None:
    from tripdesigner_kernel.ui.itinerary_view import route_svg

    svg = route_svg(
        [(38.7 + i / 100, -9.1 - i / 100, f"stop {i}", "activity") for i in range(points)]
    )
    assert (svg == "") == (points == 0)
    assert svg.count("<circle") == points
