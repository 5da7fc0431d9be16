"""No key in any output: options that carry one are refused; tracebacks hold none.

Real IPython shells; the model is a real HTTP server on 127.0.0.1 (fake_openai.py).
"""

from __future__ import annotations

import pytest
from IPython.core.error import UsageError

KEY = "sk-proj-Zq81kLmN0pQ7rS2tUv9wXy4Ab6Cd"


def run(shell, capsys, line: str) -> tuple[str, BaseException | None]:
    result = shell.run_cell(line)
    out, err = capsys.readouterr()
    return out + err, result.error_in_exec or result.error_before_exec


@pytest.mark.parametrize(
    "options",
    [
        f"--api-key {KEY}",
        f"--apiKey {KEY}",
        "--token plain-words",
        "--authorization 'Bearer abc123def456'",
        "--password hunter2",
        f"--model {KEY}",
        f"--key-env {KEY}",
        "--base-url https://me:s3cret-pass@example.com/v1",
        f"--model gpt-4o --secret {KEY}",
    ],
)
def test_a_designer_option_that_carries_a_key_is_refused(shell, capsys, options: str) -> None:
    out, error = run(shell, capsys, f"%tripchat designer openai {options}")
    assert isinstance(error, UsageError), out
    assert "environment variable" in str(error)
    for secret in (KEY, "hunter2", "s3cret-pass", "abc123def456", "plain-words"):
        assert secret not in str(error) + out
    state = shell._tripdesigner_state
    assert state.settings.designer == "offline" and state.settings.designer_options == {}
    shown = "".join(
        run(shell, capsys, line)[0] for line in ("%tripchat status", "%config TripDesigner")
    )
    assert KEY not in shown and "hunter2" not in shown and "s3cret" not in shown


def test_config_and_the_api_refuse_a_key_in_options_too(shell, capsys) -> None:
    out, _ = run(shell, capsys, f"%config TripDesigner.designer_options = {{'api_key': {KEY!r}}}")
    assert KEY not in out
    state = shell._tripdesigner_state
    assert state.settings.designer_options == {}
    out, _ = run(shell, capsys, "%config TripDesigner")
    assert KEY not in out
    with pytest.raises(ValueError, match="environment variable") as caught:
        state.use_designer("openai", api_key=KEY)
    assert KEY not in str(caught.value) and state.settings.designer == "offline"


def test_ordinary_options_are_kept(shell, capsys, monkeypatch) -> None:
    monkeypatch.setenv("MY_PROVIDER_KEY", KEY)
    out, error = run(
        shell,
        capsys,
        "%tripchat designer openai --model gpt-4o-mini --max-retries 3 --timeout 30 "
        "--base-url http://127.0.0.1:9/v1 --key-env MY_PROVIDER_KEY --cost-limit-usd 1.5",
    )
    assert error is None, out
    options = shell._tripdesigner_state.settings.designer_options
    assert options == {
        "model": "gpt-4o-mini",
        "max_retries": 3,
        "timeout": 30,
        "base_url": "http://127.0.0.1:9/v1",
        "cost_limit_usd": 1.5,
    }
    out, _ = run(shell, capsys, "%tripchat status")
    assert KEY not in out and "set" in out


CHAT_IN_A_CELL = "import tripdesigner_kernel as td; td.kernel_state().chat('hello')"
ECHO = f"Incorrect API key provided: {KEY}. Authorization: Bearer {KEY}"


@pytest.mark.parametrize(
    "failure",
    [
        {"error_after": 3, "error_message": ECHO},  # an error event in the middle of the stream
        {"reset_after": 3},  # the connection reset mid-stream
        {"break_after": 3},  # the stream cut short
        {"status": 400, "error_message": ECHO},
        {"status": 401, "error_message": ECHO},
    ],
    ids=["error-event", "reset", "cut", "400", "401"],
)
def test_verbose_tracebacks_of_a_failed_stream_hold_no_key(shell, capsys, failure) -> None:
    from fake_openai import Answer, FakeOpenAI

    answers = [Answer(text="Hello there, traveller. " * 4, **failure) for _ in range(3)]
    with FakeOpenAI(answers) as server:
        state = shell._tripdesigner_state
        state.set_api_key(KEY)
        run(shell, capsys, "%xmode Verbose")
        run(shell, capsys, f"%tripchat designer openai --base-url {server.base_url} --model m")
        out, error = run(shell, capsys, CHAT_IN_A_CELL)
        assert error is not None and "Traceback" in out  # a real verbose traceback
        assert "tripdesigner_kernel/designers/llm" in out  # through our frames
        magic_out, _ = run(shell, capsys, "%tripchat hello again")
    assert server.authorizations[0] == f"Bearer {KEY}"  # the key was used...
    assert KEY not in out + magic_out  # ...and shown nowhere
    assert "zQ81kLmN0pQ7rS2tUv9wXy4" not in (out + magic_out).lower()


def test_a_designer_that_fails_to_build_shows_no_key_in_verbose(shell, capsys, tmp_path) -> None:
    state = shell._tripdesigner_state
    state.set_api_key(KEY)
    run(shell, capsys, "%xmode Verbose")
    state.use_designer("openai", replay=str(tmp_path / "missing.json"))
    out, error = run(shell, capsys, CHAT_IN_A_CELL)
    assert error is not None and "Cannot read the cassette" in out
    assert KEY not in out


def test_a_config_file_with_a_key_in_the_options_still_loads(capsys) -> None:
    from IPython.core.interactiveshell import InteractiveShell
    from traitlets.config import Config

    InteractiveShell.clear_instance()
    config = Config()
    config.HistoryManager.enabled = False
    config.TripDesigner.designer_options = {"model": "gpt-4o", "api_key": KEY}
    config.TripDesigner.today = "2027-01-10"
    shell = InteractiveShell.instance(config=config)
    try:
        out, error = run(shell, capsys, "%load_ext tripdesigner_kernel")
        assert error is None and "Those options were ignored" in out and KEY not in out
        state = shell._tripdesigner_state
        assert state.settings.designer_options == {} and state.settings.today == "2027-01-10"
        out, _ = run(shell, capsys, "%tripchat status")
        assert KEY not in out
    finally:
        shell.run_line_magic("unload_ext", "tripdesigner_kernel")
        InteractiveShell.clear_instance()
