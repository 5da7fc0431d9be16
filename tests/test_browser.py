"""What a person sees: JupyterLab on 127.0.0.1, headless Chromium, the widget, real clicks.

Needs Debian's ``chromium`` and the ``browser`` extra (jupyterlab, playwright, ipyleaflet);
where they are missing the test says so and skips. ``.ci/run`` installs them. Only
127.0.0.1 is reachable from the page: map tiles are blocked (the SVG map shows), or
served by the test itself when it checks the tiled map. Screenshots go to
``test-artifacts/``.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fake_openai import Answer, FakeOpenAI

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(
    os.environ.get("TRIPDESIGNER_ARTIFACTS", Path(__file__).parents[1] / "test-artifacts")
)
SETUP = '%load_ext tripdesigner_kernel\n%config TripDesigner.today = "2026-11-24"\n'
# A 1x1 PNG: what a tile server answers, without the internet.
TILE_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)
SIZES = {"laptop": (1280, 800), "desktop": (1920, 1080)}

pytestmark = pytest.mark.skipif(
    not os.path.exists(CHROMIUM), reason="Chromium is not installed (apt-get install chromium)"
)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def start_lab(tmp_path: Path) -> Iterator[Callable[..., str]]:
    """``start_lab(source, **env)``: JupyterLab on a notebook with one cell; its URL."""
    pytest.importorskip("jupyterlab", reason="the browser extra is not installed")
    servers: list[subprocess.Popen[bytes]] = []

    def start(source: str, **extra_env: str) -> str:
        port, token = _free_port(), secrets.token_hex(16)
        notebook = {
            "cells": [{"cell_type": "code", "metadata": {}, "outputs": [],
                       "execution_count": None, "source": source}],
            "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                        "language": "python"}},
            "nbformat": 4, "nbformat_minor": 5,
        }  # fmt: skip
        (tmp_path / "trip.ipynb").write_text(json.dumps(notebook))
        # No "get news?" prompt over the widget in the screenshot.
        notification = tmp_path / "lab-settings" / "@jupyterlab" / "apputils-extension"
        notification.mkdir(parents=True, exist_ok=True)
        (notification / "notification.jupyterlab-settings").write_text('{"fetchNews": "false"}')
        env = {**os.environ, "TRIPDESIGNER_HOME": str(tmp_path / "home"),
               "JUPYTER_CONFIG_DIR": str(tmp_path / "cfg"),
               "JUPYTERLAB_SETTINGS_DIR": str(tmp_path / "lab-settings"), **extra_env}  # fmt: skip
        server = subprocess.Popen(
            [sys.executable, "-m", "jupyter", "lab", "--no-browser", f"--ServerApp.port={port}",
             "--ServerApp.ip=127.0.0.1", f"--IdentityProvider.token={token}",
             f"--ServerApp.root_dir={tmp_path}", "--ServerApp.allow_root=True",
             "--LabApp.news_url=",
             "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        servers.append(server)
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:  # wait until the server answers, bounded
            try:
                urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    pytest.fail("JupyterLab did not start on 127.0.0.1")
                time.sleep(0.2)
        return f"{base}/lab/tree/trip.ipynb?token={token}"

    yield start
    for server in servers:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()


@pytest.fixture
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="the browser extra is not installed"
    )
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as playwright:
        quiet = ["--disable-background-networking", "--disable-component-update", "--disable-sync"]
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", *quiet],
        )
        yield chromium
        chromium.close()


def open_page(browser: Any, url: str, size: tuple[int, int], tiles: bytes | None = None) -> Any:
    """A page on ``url``: only 127.0.0.1 is reachable; tile requests get ``tiles`` or fail."""
    width, height = size
    page = browser.new_page(viewport={"width": width, "height": height})

    def route(request_route: Any) -> None:
        url = request_route.request.url
        if url.startswith("http://127.0.0.1"):
            request_route.continue_()
        elif tiles is not None and "tile.openstreetmap.org" in url:
            request_route.fulfill(status=200, content_type="image/png", body=tiles)
        else:
            request_route.abort()

    page.route("**/*", route)
    page.goto(url)
    page.locator(".jp-Cell .cm-content").first.wait_for(timeout=60_000)
    # The kernel must be connected and idle, or the run request is dropped.
    page.get_by_text("Python 3 (ipykernel) | Idle").wait_for(timeout=60_000)
    return page


def run_cell(page: Any) -> Any:
    """Run the notebook's cell until the widget's Send button shows; the button."""
    sync_api = pytest.importorskip("playwright.sync_api")
    send = page.get_by_role("button", name="Send", exact=True)
    cell = page.locator(".jp-Cell .cm-content").first
    for attempt in range(3):
        cell.click()
        page.keyboard.press("Control+Enter")  # run the cell, stay on it
        try:
            send.wait_for(timeout=20_000)
            return send
        except sync_api.TimeoutError:
            if attempt == 2:
                page.screenshot(path=str(ARTIFACTS / "widget-missing.png"), full_page=True)
                raise
    return send


def open_file_browser(page: Any) -> None:
    browser_panel = page.locator("#filebrowser")
    if not browser_panel.is_visible():
        page.locator(".jp-SideBar [data-id='filebrowser']").first.click()
    browser_panel.wait_for(state="visible", timeout=10_000)


TRUNCATED = """() => [...document.querySelectorAll('.td-chat button')]
  .filter(b => b.offsetParent !== null && b.scrollWidth > b.clientWidth + 1)
  .map(b => b.textContent)"""
WRAPPED_TIMES = """() => [...document.querySelectorAll('.td-chat td.td-time, .td-chat td.td-cost')]
  .filter(td => { const r = document.createRange(); r.selectNodeContents(td);
                  const tops = new Set([...r.getClientRects()].map(b => Math.round(b.top)));
                  return tops.size > 1; })
  .map(td => td.textContent)"""
PANES = """() => {
  const c = document.querySelector('.td-chat .td-pane-chat').getBoundingClientRect();
  const p = document.querySelector('.td-chat .td-pane-plan').getBoundingClientRect();
  const m = document.querySelector('.td-chat .td-main').getBoundingClientRect();
  return {side: p.left >= c.right - 1 && p.top < c.bottom, width: m.width}; }"""


@pytest.mark.parametrize("size_name", list(SIZES))
def test_send_shows_the_plan_that_fits_with_labelled_maps(
    start_lab: Callable[..., str], browser: Any, size_name: str
) -> None:
    page = open_page(browser, start_lab(SETUP + "%tripchat widget"), SIZES[size_name])
    if size_name == "laptop":
        open_file_browser(page)
    send = run_cell(page)
    timings = []
    for attempt in range(5):  # the first turn loads the designer; the median is the figure
        page.locator(".widget-textarea textarea").first.fill(
            "Plan 3 days in Lisbon in May for 2, museums"
        )
        started = time.perf_counter()
        send.click()
        page.locator(".td-pane-plan h3", has_text="3 days in Lisbon").first.wait_for(timeout=30_000)
        page.locator(".td-pane-plan h4", has_text="Day 3").first.wait_for(timeout=30_000)
        timings.append(time.perf_counter() - started)
        if attempt < 4:  # a new session each time: the same work, a fresh plan shown
            page.get_by_role("button", name="New", exact=True).click()
            page.locator(".td-pane-plan", has_text="No plan yet").first.wait_for(timeout=30_000)
    page.locator(".td-map svg .td-label").first.wait_for(timeout=10_000)
    page.screenshot(path=str(ARTIFACTS / f"widget-{size_name}.png"), full_page=False)
    page.locator(".td-map").first.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / f"widget-{size_name}-map.png"), full_page=False)

    assert page.evaluate(TRUNCATED) == []
    assert page.evaluate(WRAPPED_TIMES) == []
    panes = page.evaluate(PANES)
    assert panes["side"] == (panes["width"] >= 860), panes  # side by side only with room
    # Tiles blocked: the SVG map shows, with labelled stops and the hotel.
    svg_maps = page.locator(".td-map .td-svg-map svg")
    assert svg_maps.count() == 3 and svg_maps.first.is_visible()
    assert page.locator(".td-map .td-svg-map svg").first.locator(".td-label").count() >= 4
    assert page.locator(".td-map .td-svg-map svg .td-hotel").count() == 3
    assert page.locator(".td-map .td-svg-map svg .td-scale").count() == 3
    label = page.locator(".td-map .td-svg-map svg .td-label").first
    assert label.is_visible() and label.text_content()
    assert not page.locator(".td-map .leaflet-container").first.is_visible()
    median = sorted(timings)[len(timings) // 2]
    report = f"{size_name}: Send click to a 3-day plan shown: median {median:.3f} s " + (
        f"(each: {', '.join(f'{t:.3f}' for t in timings)})\n"
    )
    with (ARTIFACTS / "widget-timing.txt").open("a") as timing:
        timing.write(report)
    print(report)


def test_with_tiles_the_real_map_shows_numbered_labelled_stops(
    start_lab: Callable[..., str], browser: Any
) -> None:
    page = open_page(browser, start_lab(SETUP + "%tripchat widget"), SIZES["desktop"], TILE_PNG)
    send = run_cell(page)
    page.locator(".widget-textarea textarea").first.fill("Plan 2 days in Lisbon in May")
    send.click()
    leaflet = page.locator(".td-map .leaflet-container").first
    leaflet.wait_for(state="visible", timeout=30_000)  # shown once a tile loaded
    page.screenshot(path=str(ARTIFACTS / "widget-tiled-map.png"), full_page=False)
    pins = page.locator(".td-map").first.locator(".td-pin")
    assert pins.first.text_content() == "H" and pins.nth(1).text_content() == "1"
    assert page.locator(".td-map").first.locator(".td-pin-label").nth(1).text_content()
    assert "OpenStreetMap" in page.locator(".leaflet-control-attribution").first.inner_text()
    assert not page.locator(".td-map .td-svg-map").first.is_visible()


def test_stop_cancels_a_slow_turn_and_a_restart_shows_the_last_session(
    start_lab: Callable[..., str], browser: Any, tmp_path: Path
) -> None:
    slow = Answer(text="Let me think about Lisbon. " * 60, chunk_delay=0.2)
    quick = Answer(text="Lisbon it is: three days of viewpoints.")
    with FakeOpenAI([slow, quick]) as server:
        source = (
            SETUP + f"%tripchat storage sqlite {tmp_path / 'sessions.db'}\n"
            "%tripchat key --env TRIPDESIGNER_TEST_KEY\n"
            f"%tripchat designer openai --base-url {server.base_url} --model test-model "
            "--max-retries 0\n%tripchat widget"
        )
        url = start_lab(source, TRIPDESIGNER_TEST_KEY="sk-test-not-a-real-key-000000")
        page = open_page(browser, url, SIZES["laptop"])
        open_file_browser(page)
        send = run_cell(page)
        box = page.locator(".widget-textarea textarea").first
        box.fill("Three days in Lisbon, slowly")
        send.click()
        page.locator(".td-transcript", has_text="Let me think").first.wait_for(timeout=30_000)
        stop = page.get_by_role("button", name="Stop", exact=True)
        started = time.perf_counter()
        stop.click()
        page.get_by_text("Stopped; your session is unchanged.").wait_for(timeout=5_000)
        stopped_in = time.perf_counter() - started
        page.screenshot(path=str(ARTIFACTS / "widget-stopped.png"), full_page=False)
        assert send.is_enabled() and not stop.is_enabled()
        assert page.locator(".td-transcript", has_text="Let me think").count() == 0
        box.fill("Lisbon please")
        send.click()
        page.locator(".td-transcript", has_text="Lisbon it is").first.wait_for(timeout=30_000)

        # A new kernel process, and the old widget's output gone: only the SQLite file is left.
        page.locator(".lm-MenuBar-itemLabel", has_text="Kernel").first.click()
        page.get_by_text("Restart Kernel and Clear Outputs of All Cells…").first.click()
        page.locator(".jp-Dialog-footer button", has_text="Restart").first.click()
        page.locator(".td-chat").first.wait_for(state="detached", timeout=30_000)
        page.get_by_text("Python 3 (ipykernel) | Idle").wait_for(timeout=60_000)
        run_cell(page)
        page.locator(".td-transcript", has_text="Lisbon it is").first.wait_for(timeout=30_000)
        page.screenshot(path=str(ARTIFACTS / "widget-after-restart.png"), full_page=False)
        assert page.locator(".td-transcript", has_text="Lisbon please").count() >= 1
    print(f"Stop click to 'Stopped' shown: {stopped_in:.3f} s")
