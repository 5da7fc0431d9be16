"""What a person sees: JupyterLab on 127.0.0.1, headless Chromium, the widget, real clicks.

Needs Debian's ``chromium`` and the ``browser`` extra (jupyterlab, playwright, ipyleaflet);
where they are missing the test says so and skips. ``.ci/run`` installs them. Only
127.0.0.1 is reachable from the page: map tiles are blocked (the SVG map shows), or
served by the test itself when it checks the tiled map. Screenshots go to
``test-artifacts/``.
"""

from __future__ import annotations

import base64
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_lab import (
    ARTIFACTS,
    CHROMIUM,
    SETUP,
    chromium,
    lab_server,
    open_file_browser,
    open_page,
    run_cell,
    time_plans,
)
from fake_openai import Answer, FakeOpenAI

# A 1x1 PNG: what a tile server answers, without the internet.
TILE_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)
SIZES = {"laptop": (1280, 800), "desktop": (1920, 1080)}

pytestmark = pytest.mark.skipif(
    not os.path.exists(CHROMIUM), reason="Chromium is not installed (apt-get install chromium)"
)


@pytest.fixture
def start_lab(tmp_path: Path) -> Iterator[Callable[..., str]]:
    """``start_lab(source, **env)``: JupyterLab on a notebook with one cell; its URL."""
    pytest.importorskip("jupyterlab", reason="the browser extra is not installed")
    from contextlib import ExitStack

    with ExitStack() as stack:

        def start(source: str, **extra_env: str) -> str:
            return stack.enter_context(lab_server(tmp_path, source, **extra_env))

        yield start


@pytest.fixture
def browser() -> Iterator[Any]:
    pytest.importorskip("playwright.sync_api", reason="the browser extra is not installed")
    with chromium() as chromium_browser:
        yield chromium_browser


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
    timings = time_plans(page, send, rounds=3)  # bench_widget.py gives the figure
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
    print(f"{size_name}: Send click to a 3-day plan shown: {timings}")


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
    attribution = page.locator(".td-map").first.locator(".leaflet-control-attribution")
    assert attribution.count() == 1 and "OpenStreetMap" in attribution.inner_text()
    assert not page.locator(".td-map .td-svg-map").first.is_visible()

    # Day 2's tiled map is made only when the person opens Day 2.
    day_two = page.locator(".td-days .jupyter-widget-Collapse").nth(1)
    assert day_two.locator(".leaflet-container").count() == 0
    day_two.locator(".jupyter-widget-Collapse-header").click()
    day_two.locator(".leaflet-container").wait_for(state="visible", timeout=30_000)
    page.screenshot(path=str(ARTIFACTS / "widget-tiled-map-day-2.png"), full_page=False)
    day_two_pins = day_two.locator(".td-pin")
    assert day_two_pins.first.text_content() == "H" and day_two_pins.nth(1).text_content() == "1"
    assert day_two.locator(".td-pin-label").nth(1).text_content() not in ("", None)
    day_one = page.locator(".td-days .jupyter-widget-Collapse").first
    assert not day_one.locator(".td-map").is_visible()  # one day open at a time


def test_stop_cancels_a_slow_turn_and_a_restart_shows_the_last_session(
    start_lab: Callable[..., str], browser: Any, tmp_path: Path
) -> None:
    slow = Answer(text="Let me think about Lisbon. " * 60, trickle=0.2)
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
