"""Session files and exports on real files: bad paths, links, and files with wrong shapes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from IPython.core.error import UsageError

import tripdesigner_kernel


def run(shell, capsys, line: str) -> tuple[str, BaseException | None]:
    result = shell.run_cell(line)
    out, err = capsys.readouterr()
    return out + err, result.error_in_exec or result.error_before_exec


@pytest.fixture
def planned(shell, capsys):
    run(shell, capsys, "%tripchat 3 days in Lisbon in May")
    return tripdesigner_kernel.kernel_state().current_session_id


@pytest.mark.parametrize("command", ["export md {path}", "export-session {sid} {path}"])
def test_unwritable_paths_are_one_clear_line(shell, capsys, tmp_path: Path, planned, command):
    regular = tmp_path / "FILE"
    regular.write_text("keep me")
    cases = {
        str(regular / "x.json"): "Not a directory",
        str(tmp_path / ("n" * 300 + ".json")): "File name too long",
        str(tmp_path / "missing" / "x.json"): "No such file or directory",
        str(tmp_path): "it is a folder",
    }
    for path, reason in cases.items():
        out, error = run(shell, capsys, "%tripchat " + command.format(sid=planned, path=path))
        assert isinstance(error, UsageError), out
        assert reason in str(error) and "Traceback" not in out
    assert regular.read_text() == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["FILE"]  # no partial file left


@pytest.mark.parametrize("command", ["export md {path}", "export-session {sid} {path}"])
def test_a_link_is_written_through_and_stays_a_link(
    shell, capsys, tmp_path: Path, planned, command
) -> None:
    real = tmp_path / "real.txt"
    real.write_text("old")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    out, error = run(shell, capsys, "%tripchat " + command.format(sid=planned, path=link))
    assert error is None, out
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert "Lisbon" in real.read_text()


def test_a_superscript_digit_while_a_question_is_pending(shell, capsys) -> None:
    out, error = run(shell, capsys, "%tripchat Somewhere warm in February?")
    assert error is None and "1. " in out
    for answer in ("²", "³", "9" * 5000, "0"):
        out, error = run(shell, capsys, f"%tripchat {answer}")
        assert isinstance(error, UsageError), (answer[:10], out)
        assert "Choose a number from 1 to" in str(error)
    out, error = run(shell, capsys, "%tripchat 2")
    assert error is None and "days in" in out


def test_the_cli_into_a_closed_pipe_exits_quietly() -> None:
    """``python -m tripdesigner_kernel chat ... | head -c 1``: the reader is gone."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader has already stopped: every write gets EPIPE
    try:
        done = subprocess.run(
            [sys.executable, "-m", "tripdesigner_kernel", "chat", "--today", "2026-11-24",
             "5 days in Rome in May"],
            stdout=write_end, stderr=subprocess.PIPE, text=True, timeout=120, check=False,
        )  # fmt: skip
    finally:
        os.close(write_end)
    assert done.stderr == "" and done.returncode == 1


def _session_file(tmp_path: Path, shell, capsys, planned) -> dict:
    path = tmp_path / "s.json"
    run(shell, capsys, f"%tripchat export-session {planned} {path}")
    return json.loads(path.read_text())


def _nested(depth: int) -> dict:
    value: dict = {}
    for _ in range(depth):
        value = {"a": value}
    return value


def _set(document: dict, path: str, value: object) -> None:
    *parents, last = path.split(".")
    node = document["session"]
    for part in parents:
        node = node[int(part)] if part.isdigit() else node[part]
    node[int(last) if last.isdigit() else last] = value


BAD_FIELDS = [
    ("messages.0.timestamp", 12, "session.messages[0].timestamp"),
    ("created_at", 1732406400, "session.created_at"),
    ("last_active_at", "yesterday", "session.last_active_at"),
    ("id", ["a", "b"], "session.id"),
    ("id", "../../etc", "session.id"),
    ("title", 5, "session.title"),
    ("itinerary", "a string", "session.itinerary"),
    ("itinerary.segments.0.start", 5, "session.itinerary.segments[0].start"),
    ("itinerary.travelers", "two", "session.itinerary.travelers"),
    ("messages", {"0": "hi"}, "session.messages"),
    ("messages.0.role", "hacker", "session.messages[0].role"),
    ("messages.0.content", None, "session.messages[0].content"),
    ("messages.1.question", "which?", "session.messages[1].question"),
    ("messages.1.tool_calls", [{"name": 1}], "session.messages[1].tool_calls[0]"),
    ("metadata.cost_usd", "free", "session.metadata.cost_usd"),
    ("metadata.total_tokens", -5, "session.metadata.total_tokens"),
    ("profile", ["museums"], "session.profile"),
    ("profile", _nested(500), "nests deeper than"),
    ("mode", {"a": 1}, "session.mode"),
]


@pytest.mark.parametrize(("field", "value", "named"), BAD_FIELDS, ids=[f[0] for f in BAD_FIELDS])
def test_a_session_file_with_a_wrong_type_is_refused_and_breaks_nothing(
    shell, capsys, tmp_path: Path, planned, field: str, value: object, named: str
) -> None:
    document = _session_file(tmp_path, shell, capsys, planned)
    _set(document, field, value)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document))
    state = tripdesigner_kernel.kernel_state()
    before = {s.id: s.message_count for s in state.sessions.list()}
    out, error = run(shell, capsys, f"%tripchat import-session {bad}")
    assert isinstance(error, UsageError), out
    message = str(error)
    assert named in message and "\n" not in message and len(message) < 400, message
    assert {s.id: s.message_count for s in state.sessions.list()} == before
    for line in ("%tripchat list", "%tripchat show", "%tripchat fork", "%tripchat widget"):
        out, error = run(shell, capsys, line)
        assert error is None and "Traceback" not in out, (line, out)


def test_deeper_than_python_can_parse_is_refused(tmp_path: Path, shell, capsys, planned) -> None:
    path = tmp_path / "deep.json"
    path.write_text('{"format": "tripdesigner.session/1", "session": ' + "[" * 100_000)
    out, error = run(shell, capsys, f"%tripchat import-session {path}")
    assert isinstance(error, UsageError) and "Traceback" not in out


def test_a_session_file_round_trips_exactly(shell, capsys, tmp_path: Path, planned) -> None:
    run(shell, capsys, "%tripchat make it 4 days")
    state = tripdesigner_kernel.kernel_state()
    path = tmp_path / "s.json"
    run(shell, capsys, f"%tripchat export-session {planned} {path}")
    state.delete_session(planned)
    out, error = run(shell, capsys, f"%tripchat import-session {path}")
    assert error is None, out
    assert (
        state.sessions.load_record(planned)["messages"]
        == json.loads(path.read_text())["session"]["messages"]
    )


KEY = "sk-proj-Zq81kLmN0pQ7rS2tUv9wXy4Ab6Cd"
SECRETS = {
    "api-key": "plain-words-but-named-as-a-key",
    "Authorization": "Bearer abc123def456ghi789",
    "token": "opaque-token-value",
    "bearer": "bearer-field-value",
    "X-API-Key": "header-key-value",
    "accessToken": "camel-case-token-value",
    "password": "hunter2",
}


def test_secrets_are_filtered_by_name_and_by_value_both_ways(
    shell, capsys, tmp_path: Path, planned
) -> None:
    state = tripdesigner_kernel.kernel_state()
    record = state.sessions.load_record(planned)
    record["profile"] = {**record["profile"], **SECRETS, "notes": f"my key is {KEY}"}
    record["metadata"]["Api_Key"] = KEY
    record["messages"][0]["content"] += f" (Authorization: Bearer {KEY})"
    record["messages"][1]["headers"] = {"authorization": "Basic dXNlcjpwYXNzd29yZA=="}
    record["messages"][1]["base_url"] = "https://me:s3cret-pass@example.com/v1"
    state.storage.save(record)
    path = tmp_path / "s.json"
    out, error = run(shell, capsys, f"%tripchat export-session {planned} {path}")
    assert error is None, out
    text = path.read_text()
    for needle in [KEY, "s3cret-pass", "dXNlcjpwYXNzd29yZA", "hunter2", *SECRETS.values()]:
        assert needle not in text, needle
    session = json.loads(text)["session"]
    assert session["metadata"]["total_tokens"] == 0  # counts of tokens are no secret
    assert "tokens" in session["messages"][1]
    # A file written by someone else, with the secrets in it, stores none of them.
    document = json.loads(text)
    document["session"]["profile"].update(SECRETS, notes=f"key {KEY}")
    document["session"]["messages"][0]["content"] = f"use {KEY} please"
    path.write_text(json.dumps(document))
    out, error = run(shell, capsys, f"%tripchat import-session {path}")
    assert error is None, out
    imported = out.split("Imported session ")[1].split(".")[0]
    stored = json.dumps(state.sessions.load_record(imported))
    for needle in [KEY, *SECRETS.values()]:
        assert needle not in stored, needle
    assert "[redacted]" in stored
