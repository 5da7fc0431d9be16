"""JupyterLab on 127.0.0.1 and headless Chromium, for the browser tests and bench_widget.

``lab_server(folder, source)`` starts JupyterLab on a one-cell notebook and yields its
URL; ``chromium()`` yields a Playwright browser; ``open_page`` lets the page reach only
127.0.0.1 (map tiles are refused, or answered with ``tiles``); ``run_cell`` runs the
cell until the widget's Send button shows.
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
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(
    os.environ.get("TRIPDESIGNER_ARTIFACTS", Path(__file__).parents[1] / "test-artifacts")
)
PLAN_CITIES = ("Lisbon", "Rome", "Barcelona")
SETUP = '%load_ext tripdesigner_kernel\n%config TripDesigner.today = "2026-11-24"\n'


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def lab_server(folder: Path, source: str, **extra_env: str) -> Iterator[str]:
    """JupyterLab serving ``folder`` with ``trip.ipynb`` holding one cell of ``source``."""
    port, token = _free_port(), secrets.token_hex(16)
    notebook = {
        "cells": [{"cell_type": "code", "metadata": {}, "outputs": [],
                   "execution_count": None, "source": source}],
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                    "language": "python"}},
        "nbformat": 4, "nbformat_minor": 5,
    }  # fmt: skip
    (folder / "trip.ipynb").write_text(json.dumps(notebook))
    # No "get news?" prompt over the widget in the screenshot.
    notification = folder / "lab-settings" / "@jupyterlab" / "apputils-extension"
    notification.mkdir(parents=True, exist_ok=True)
    (notification / "notification.jupyterlab-settings").write_text('{"fetchNews": "false"}')
    env = {**os.environ, "TRIPDESIGNER_HOME": str(folder / "home"),
           "JUPYTER_CONFIG_DIR": str(folder / "cfg"),
           "JUPYTERLAB_SETTINGS_DIR": str(folder / "lab-settings"), **extra_env}  # fmt: skip
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyter", "lab", "--no-browser", f"--ServerApp.port={port}",
         "--ServerApp.ip=127.0.0.1", f"--IdentityProvider.token={token}",
         f"--ServerApp.root_dir={folder}", "--ServerApp.allow_root=True", "--LabApp.news_url=",
         "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:  # wait until the server answers, bounded
            try:
                urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
                break
            except OSError as error:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("JupyterLab did not start on 127.0.0.1") from error
                time.sleep(0.2)
        yield f"{base}/lab/tree/trip.ipynb?token={token}"
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()


@contextmanager
def chromium() -> Iterator[Any]:
    """Debian's Chromium, headless, through Playwright."""
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        quiet = ["--disable-background-networking", "--disable-component-update", "--disable-sync"]
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", *quiet],
        )
        try:
            yield browser
        finally:
            browser.close()


def open_page(browser: Any, url: str, size: tuple[int, int], tiles: bytes | None = None) -> Any:
    """A page on ``url``: only 127.0.0.1 is reachable; tile requests get ``tiles`` or fail."""
    width, height = size
    page = browser.new_page(viewport={"width": width, "height": height})

    def route(request_route: Any) -> None:
        address = request_route.request.url
        if address.startswith("http://127.0.0.1"):
            request_route.continue_()
        elif tiles is not None and "tile.openstreetmap.org" in address:
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
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    send = page.get_by_role("button", name="Send", exact=True)
    cell = page.locator(".jp-Cell .cm-content").first
    for attempt in range(3):
        cell.click()
        page.keyboard.press("Control+Enter")  # run the cell, stay on it
        try:
            send.wait_for(timeout=20_000)
            break
        except PlaywrightTimeout:
            if attempt == 2:
                page.screenshot(path=str(ARTIFACTS / "widget-missing.png"), full_page=True)
                raise
    return send


def open_file_browser(page: Any) -> None:
    """Show JupyterLab's file browser in the left sidebar (as at a laptop, working)."""
    panel = page.locator("#filebrowser")
    if not panel.is_visible():
        page.locator(".jp-SideBar [data-id='filebrowser']").first.click()
    panel.wait_for(state="visible", timeout=10_000)


# The page's own clock: when the Send click reached it, and the frame that shows the plan.
CLICK_CLOCK = """() => document.addEventListener('click',
  e => { window.tdClickedAt = e.timeStamp; }, {capture: true, once: true})"""
PLAN_SHOWN = """([title, days]) => {
  const plan = document.querySelector('.td-pane-plan');
  if (!plan) return false;
  const shown = e => { const r = e.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden'; };
  const find = (selector, text) => [...plan.querySelectorAll(selector)]
    .filter(e => e.textContent.includes(text));
  const all = find('h3', title).some(shown) && find('h4', 'Day 1 ').some(shown)
    && find('.jupyter-widget-Collapse-header', `Day ${days} `).some(shown)
    && find('h4', `Day ${days} `).length > 0;
  return all && {sinceClick: performance.now() - (window.tdClickedAt ?? performance.now())}; }"""


class PlanTiming(NamedTuple):
    """Seconds from a Send click to the plan shown: by the test's clock (the click as
    Playwright sends it, with its checks and round trips) and by the page's own clock
    (from the click event to the frame that shows the plan)."""

    wall: float
    in_page: float


def plan_shown(page: Any, title: str, days: int) -> float:
    """Wait until the plan titled ``title`` shows: its summary, the first day's table open,
    every day's title, and the last day's table in the page (folded). Seconds since the
    page saw the last click (after ``CLICK_CLOCK``).

    One check run before each frame the browser draws (``requestAnimationFrame``), so it
    passes in the frame that first shows the plan, with no round trip per element.
    """
    shown = page.wait_for_function(PLAN_SHOWN, arg=[title, days], polling="raf", timeout=30_000)
    return float(shown.json_value()["sinceClick"]) / 1000


def time_plans(page: Any, send: Any, rounds: int = 7) -> list[PlanTiming]:
    """From a Send click to an offline 3-day plan shown, one per new session.

    The city changes every turn, so every table, SVG map and tiled map is drawn anew (the
    widget skips drawing what did not change: the same plan twice would cost nothing).
    """
    timings = []
    for attempt in range(rounds):
        city = PLAN_CITIES[attempt % len(PLAN_CITIES)]
        page.locator(".widget-textarea textarea").first.fill(
            f"Plan 3 days in {city} in May for 2, museums"
        )
        page.evaluate(CLICK_CLOCK)
        started = time.perf_counter()
        send.click()
        in_page = plan_shown(page, f"3 days in {city}", 3)
        timings.append(PlanTiming(time.perf_counter() - started, in_page))
        if attempt < rounds - 1:  # a new session each time: the same work, a fresh plan
            page.get_by_role("button", name="New", exact=True).click()
            page.locator(".td-pane-plan", has_text="No plan yet").first.wait_for(timeout=30_000)
    return timings
