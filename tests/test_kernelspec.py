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
