"""The installed "Trip Designer (Python 3)" kernel starts with the extension loaded."""

from __future__ import annotations

import pytest

jupyter_client = pytest.importorskip("jupyter_client")


def test_kernelspec_is_installed_and_preloads_the_extension(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("TRIPDESIGNER_HOME", str(tmp_path))
    from jupyter_client.kernelspec import KernelSpecManager

    spec = KernelSpecManager().get_kernel_spec("tripdesigner")
    assert spec.display_name == "Trip Designer (Python 3)"
    assert spec.argv[-2:] == ["--ext", "tripdesigner_kernel"]

    from jupyter_client.manager import start_new_kernel

    manager, client = start_new_kernel(kernel_name="tripdesigner")
    try:
        outputs: list[str] = []

        def keep(message: dict) -> None:
            content = message["content"]
            outputs.append(content.get("text") or content.get("data", {}).get("text/plain", ""))

        reply = client.execute_interactive(
            "%tripchat status", timeout=60, output_hook=keep, store_history=False
        )
        assert reply["content"]["status"] == "ok"
        assert "offline" in "".join(outputs)
        assert "sqlite" in "".join(outputs)  # the kernel keeps sessions across restarts
        assert (tmp_path / "sessions.sqlite3").exists()
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def test_model_replies_stream_into_one_display_in_a_real_kernel(tmp_path, monkeypatch) -> None:
    from fake_openai import Answer, FakeOpenAI
    from jupyter_client.manager import start_new_kernel

    monkeypatch.setenv("TRIPDESIGNER_HOME", str(tmp_path))
    monkeypatch.setenv("STREAM_TEST_KEY", "sk-stream-test-key-000000")
    with FakeOpenAI([Answer(text="Kyoto in spring: temples at dawn, tofu at noon.")]) as server:
        manager, client = start_new_kernel(kernel_name="tripdesigner")
        try:
            kinds: list[str] = []
            client.execute_interactive(
                f"%tripchat designer openai --base-url {server.base_url} --key-env STREAM_TEST_KEY",
                timeout=60, store_history=False,
            )  # fmt: skip
            reply = client.execute_interactive(
                "%tripchat Kyoto in spring", timeout=60, store_history=False,
                output_hook=lambda message: kinds.append(message["msg_type"]),
            )  # fmt: skip
            assert reply["content"]["status"] == "ok"
        finally:
            client.stop_channels()
            manager.shutdown_kernel(now=True)
    assert kinds.count("display_data") == 1  # one display...
    assert kinds.count("update_display_data") >= 3  # ...updated as the text streams in
