"""Widget turns off the main thread: Stop, streaming, clicks that see edited code, long sessions."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

from fake_openai import Answer, FakeOpenAI

import tripdesigner_kernel
from tripdesigner_kernel.ui.widget import ChatWidget


def use_fake_model(server: FakeOpenAI) -> None:
    state = tripdesigner_kernel.kernel_state()
    state.set_api_key("sk-test-not-a-real-key-000000")
    state.use_designer("openai", base_url=server.base_url, model="test-model", timeout=30,
                       max_retries=0)  # fmt: skip


def test_stop_cancels_a_slow_streaming_turn_and_changes_nothing(shell) -> None:
    slow = Answer(text="Thinking about your trip " * 40, trickle=0.05)
    with FakeOpenAI([slow]) as server:
        use_fake_model(server)
        widget = ChatWidget()
        before = tripdesigner_kernel.kernel_state().sessions.load_record(widget.session_id)
        streamed = threading.Event()

        def on_event(event: dict) -> None:
            if event.get("type") == "text":
                streamed.set()

        tripdesigner_kernel.kernel_state().listeners.append(on_event)
        widget.input.value = "Plan 3 days in Lisbon"
        widget.send_button.click()
        # The click returned while the model streams: the widget is free for the next click.
        assert widget.running and widget.send_button.disabled and not widget.stop_button.disabled
        assert streamed.wait(20), "no text streamed"
        assert "Thinkin" in widget.transcript_html()[-1]  # streaming shows in the live bubble
        started = time.perf_counter()
        widget.stop_button.click()
        assert not widget.running and not widget.send_button.disabled
        assert "Stopped; your session is unchanged." in widget.notice.value
        assert widget.wait(20) and time.perf_counter() - started < 5
    after = tripdesigner_kernel.kernel_state().sessions.load_record(widget.session_id)
    assert after == before and widget.transcript_html() == []


def test_a_failed_model_turn_in_the_widget_is_shown(shell) -> None:
    with FakeOpenAI([Answer(status=400)]) as server:
        use_fake_model(server)
        widget = ChatWidget()
        widget.input.value = "Plan 3 days in Lisbon"
        widget.send_button.click()
        assert widget.wait(30)
    assert "unchanged" in widget.notice.value and not widget.running


def test_tool_calls_are_folded_with_arguments_and_results(shell) -> None:
    plan = Answer(tool_calls=[("update_itinerary", '{"title": "Lisbon weekend"}')])
    done = Answer(text="Done.")
    with FakeOpenAI([plan, done]) as server:
        use_fake_model(server)
        widget = ChatWidget()
        widget.input.value = "Call it Lisbon weekend"
        widget.send_button.click()
        assert widget.wait(30), widget.notice.value
    bubble = widget.transcript_html()[-1]
    assert "<details" in bubble and "update_itinerary" in bubble
    assert "Lisbon weekend" in bubble.split("</details>")[0]  # the arguments, folded
    assert "tokens" in widget.status.value  # a model's turn has a token count


def test_offline_status_has_no_token_count_and_answered_questions_keep_choices(shell) -> None:
    widget = ChatWidget()
    widget.input.value = "Somewhere warm in February?"
    widget.send_button.click()
    assert widget.wait(60)
    assert "token" not in widget.status.value and "$0" not in widget.status.value
    choices = [b.description for b in widget.questions.children]
    widget.questions.children[0].click()
    assert widget.wait(60)
    question = widget.transcript_html()[1]
    assert all(choice in question for choice in choices) and "<ol class='td-choices'>" in question


def test_a_long_session_opens_fast_and_pages_older_messages(shell) -> None:
    state = tripdesigner_kernel.kernel_state()
    session_id = state.new_session("Long chat")
    record = state.sessions.load_record(session_id)
    record["messages"] = [
        {"role": "user" if n % 2 == 0 else "assistant", "content": f"message {n} **bold**",
         "timestamp": "2026-11-24T10:00:00Z"}
        for n in range(20_000)
    ]  # fmt: skip
    state.storage.save(record)
    started = time.perf_counter()
    widget = ChatWidget(session_id)
    elapsed = time.perf_counter() - started
    assert elapsed < 1.0, f"opening took {elapsed:.2f} s"
    shown = widget.transcript_html()
    assert "message 19999" in shown[-1] and len(shown) < 100
    assert "19,960 more" in widget.older_button.description
    widget.older_button.click()
    assert len(widget.transcript_html()) == 2 * len(shown)


def test_every_click_sees_edited_code(tmp_path: Path) -> None:
    """In a fresh process with autoreload 2: edit the widget's own module, click Export."""
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
shell.run_cell("from tripdesigner_kernel.ui.widget import ChatWidget; widget = ChatWidget()")
widget = shell.user_ns["widget"]
widget.input.value = "2 days in Rome in June"; widget.send_button.click(); widget.wait()
path = os.path.join(sys.argv[1], "tripdesigner_kernel", "ui", "widget.py")
text = open(path).read().replace('f"<small>Wrote {', 'f"<small>[edited] Wrote {')
assert "[edited]" in text
before = os.stat(path).st_mtime_ns
open(path, "w").write(text)
os.utime(path, ns=(before + 2_000_000_000,) * 2)
widget.export_path.value = os.path.join(sys.argv[1], "trip.ics")
widget.export_button.click()   # no cell runs in between
print("NOTICE", widget.notice.value)
"""
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "[edited] Wrote" in done.stdout


def test_after_a_restart_the_widget_shows_the_last_active_session(shell, tmp_path) -> None:
    from IPython.core.interactiveshell import InteractiveShell
    from traitlets.config import Config

    database = tmp_path / "sessions.db"
    shell.run_cell(f"%tripchat storage sqlite {database}")
    shell.run_cell("%tripchat 2 days in Porto in May")
    shell.run_cell("%tripchat new")
    shell.run_cell("%tripchat 3 days in Rome in June")
    last = tripdesigner_kernel.kernel_state().current_session_id
    shell.run_line_magic("unload_ext", "tripdesigner_kernel")
    InteractiveShell.clear_instance()  # as a new kernel: no state but the SQLite file
    config = Config()
    config.HistoryManager.enabled = False
    restarted = InteractiveShell.instance(config=config)
    restarted.run_line_magic("load_ext", "tripdesigner_kernel")
    restarted.run_cell(f"%tripchat storage sqlite {database}")
    widget = ChatWidget()
    assert widget.session_id == last and "3 days in Rome" in widget.transcript_html()[0]
    assert len(tripdesigner_kernel.kernel_state().sessions) == 2  # no empty session added
