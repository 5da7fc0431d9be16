"""What a person sees: JupyterLab on 127.0.0.1, headless Chromium, the widget, a click on Send.

Needs Debian's ``chromium`` and the ``browser`` extra (jupyterlab, playwright); where
they are missing the test says so and skips. ``.ci/run`` installs them.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(
    os.environ.get("TRIPDESIGNER_ARTIFACTS", Path(__file__).parents[1] / "test-artifacts")
)

pytestmark = pytest.mark.skipif(
    not os.path.exists(CHROMIUM), reason="Chromium is not installed (apt-get install chromium)"
)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def lab(tmp_path: Path) -> Iterator[str]:
    pytest.importorskip("jupyterlab", reason="the browser extra is not installed")
    port, token = _free_port(), secrets.token_hex(16)
    notebook = {
        "cells": [{
            "cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
            "source": '%load_ext tripdesigner_kernel\n%config TripDesigner.today = "2026-11-24"\n'
                      "%tripchat widget",
        }],
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                    "language": "python"}},
        "nbformat": 4, "nbformat_minor": 5,
    }  # fmt: skip
    (tmp_path / "trip.ipynb").write_text(json.dumps(notebook))
    # No "get news?" prompt over the widget in the screenshot.
    notification = tmp_path / "lab-settings" / "@jupyterlab" / "apputils-extension"
    notification.mkdir(parents=True)
    (notification / "notification.jupyterlab-settings").write_text('{"fetchNews": "false"}')
    env = {**os.environ, "TRIPDESIGNER_HOME": str(tmp_path / "home"),
           "JUPYTER_CONFIG_DIR": str(tmp_path / "cfg"),
           "JUPYTERLAB_SETTINGS_DIR": str(tmp_path / "lab-settings")}  # fmt: skip
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyter", "lab", "--no-browser", f"--ServerApp.port={port}",
         "--ServerApp.ip=127.0.0.1", f"--IdentityProvider.token={token}",
         f"--ServerApp.root_dir={tmp_path}", "--ServerApp.allow_root=True", "--LabApp.news_url=",
         "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:  # wait until the server answers, bounded
        try:
            urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                pytest.fail("JupyterLab did not start on 127.0.0.1")
            time.sleep(0.2)
    try:
        yield f"{base}/lab/tree/trip.ipynb?token={token}"
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()


def test_send_in_the_widget_shows_the_plan(lab: str) -> None:
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="the browser extra is not installed"
    )
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as playwright:
        quiet = ["--disable-background-networking", "--disable-component-update", "--disable-sync"]
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", *quiet],
        )
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(lab)
        cell = page.locator(".jp-Cell .cm-content").first
        cell.wait_for(timeout=60_000)
        # The kernel must be connected and idle, or the run request is dropped.
        page.get_by_text("Python 3 (ipykernel) | Idle").wait_for(timeout=60_000)
        send = page.get_by_role("button", name="Send", exact=True)
        for attempt in range(3):
            cell.click()
            page.keyboard.press("Control+Enter")  # run the cell, stay on it
            try:
                send.wait_for(timeout=20_000)
                break
            except sync_api.TimeoutError:
                if attempt == 2:
                    page.screenshot(path=str(ARTIFACTS / "widget-missing.png"), full_page=True)
                    raise
        page.locator(".widget-textarea textarea").first.fill(
            "Plan 3 days in Lisbon in May for 2, museums"
        )
        started = time.perf_counter()
        send.click()
        page.locator(".jp-OutputArea").get_by_text("Day 2", exact=False).first.wait_for(
            timeout=30_000
        )
        elapsed = time.perf_counter() - started
        page.screenshot(path=str(ARTIFACTS / "widget.png"), full_page=True)
        assert page.locator(".jp-OutputArea svg.td-route").count() >= 3
        assert page.locator(".jp-OutputArea h3", has_text="3 days in Lisbon").first.is_visible()
        assert page.locator(".jp-OutputArea .td-total").first.is_visible()
        page.locator(".widget-textarea textarea").first.fill("add a day")
        started = time.perf_counter()
        send.click()
        page.locator(".jp-OutputArea").get_by_text("Day 4", exact=False).first.wait_for(
            timeout=30_000
        )
        follow_up = time.perf_counter() - started
        browser.close()
    report = (f"Send click to a 3-day plan shown: {elapsed:.3f} s (first turn of the kernel)\n"
              f"Send click to the edited 4-day plan shown: {follow_up:.3f} s\n")  # fmt: skip
    (ARTIFACTS / "widget-timing.txt").write_text(report)
    print(report)
