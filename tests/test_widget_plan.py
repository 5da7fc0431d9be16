"""The widget's plan side headless: days as an accordion, tiled maps drawn lazily, widgets kept.

A plan shows every day's title and opens the first day; only an opened day gets a tiled
map, and a new plan redraws the widgets already made instead of making new ones (each a
model the browser must build). Needs ipyleaflet (the ``lab``/``browser`` extras).
"""

from __future__ import annotations

import ipywidgets as w
import pytest
from ipywidgets.widgets.widget import _instances  # every open widget, by model id

from tripdesigner_kernel.ui import plan_panel
from tripdesigner_kernel.ui.widget import ChatWidget

leaflet = pytest.importorskip("ipyleaflet", reason="the browser extra is not installed")


def send(widget: ChatWidget, text: str) -> None:
    widget.input.value = text
    widget.send_button.click()
    assert widget.wait(60)
    assert widget.plan.wait_for_map(30)


def pins(real_map: leaflet.Map) -> list[str]:
    """The pins' titles on a tiled map ("H" for the hotel, then "1. name", ...)."""
    (group,) = [layer for layer in real_map.layers if isinstance(layer, leaflet.LayerGroup)]
    return [layer.title for layer in group.layers if isinstance(layer, leaflet.Marker)]


def test_only_an_opened_day_gets_a_tiled_map(shell) -> None:
    widget = ChatWidget()
    opened, click = [], widget.plan.on_open  # the widget's click handler (reload check first)
    assert click is not None
    widget.plan.on_open = lambda change: (opened.append(change["new"]), click(change))
    send(widget, "Plan 3 days in Lisbon from May 3 for 2, museums")
    assert opened == []  # the panel opening its first day is no click: no reload check
    assert widget.days.titles == ("Day 1 · 2027-05-03", "Day 2 · 2027-05-04", "Day 3 · 2027-05-05")
    assert widget.days.selected_index == 0
    maps = widget.plan.real_maps()
    assert maps[0] is not None and maps[1:] == [None, None]
    day_one = pins(maps[0])
    assert day_one[0].startswith("Hotel: ") and day_one[1].startswith("1. ")

    widget.days.selected_index = 2  # as when the person opens "Day 3"
    assert opened == [2]
    maps = widget.plan.real_maps()
    assert maps[1] is None and maps[2] is not None
    day_three = pins(maps[2])
    assert day_three[1] != day_one[1]
    assert day_three[1][3:] in widget.day_html()[2]  # the map shows that day's stops
    assert all("<svg" in day for day in widget.day_html())  # the SVG maps are all there


def test_a_new_plan_redraws_the_same_widgets(shell, monkeypatch) -> None:
    widget = ChatWidget()
    send(widget, "Plan 3 days in Lisbon in May for 2, museums")
    first_map = widget.plan.real_maps()[0]
    lisbon = pins(first_map)
    tables = [slot.table.model_id for slot in widget.plan._slots]
    live = widget.live.model_id
    before = set(_instances)

    widget.new_button.click()
    assert "No plan yet" in widget.summary.value
    monkeypatch.setattr(plan_panel, "MAP_DELAY_S", 600)  # the map waits: look before
    widget.input.value = "Plan 3 days in Rome in May for 2, museums"
    widget.send_button.click()
    assert widget.wait(60)
    # Until the map is redrawn, the Lisbon pins are hidden and the Rome SVG map shows.
    map_box = widget.plan._slots[0].map_box
    assert "td-stale" in map_box._dom_classes and pins(first_map) == lisbon
    widget.plan.open_day(0)  # what the delayed draw does
    assert "td-stale" not in map_box._dom_classes and pins(first_map) != lisbon

    assert "Rome" in widget.summary.value
    assert widget.plan.real_maps()[0] is first_map  # redrawn in place
    assert [slot.table.model_id for slot in widget.plan._slots] == tables
    assert widget.live.model_id == live
    assert widget.days.selected_index == 0
    day_one = pins(first_map)
    assert day_one[1][3:] in widget.day_html()[0]
    # All a new plan made is the open day's pins (a marker and its icon each) and route;
    # the Lisbon ones they replaced were closed (else every turn would leak models).
    made, gone = set(_instances) - before, before - set(_instances)
    print(f"made {len(made)}, closed {len(gone)}")
    assert 0 < len(made) <= 2 * len(day_one) + 1
    assert len(gone) >= 2 * 3 + 1  # at least the route, the hotel and two stops


def test_a_follow_up_keeps_the_day_that_is_open(shell) -> None:
    widget = ChatWidget()
    send(widget, "Plan 3 days in Lisbon in May for 2, museums")
    widget.days.selected_index = 1
    send(widget, "add a day")
    assert len(widget.days.children) == 4
    assert widget.days.selected_index == 1
    assert widget.plan.real_maps()[1] is not None


def test_a_first_plan_fills_in_the_days_made_while_the_person_typed(shell) -> None:
    widget = ChatWidget()
    widget.plan.prepare(4)  # what the widget's warm-up does in the background
    tables = [slot.table.model_id for slot in widget.plan._slots]
    before = set(_instances)
    send(widget, "Plan 3 days in Lisbon in May for 2, museums")
    assert [slot.table.model_id for slot in widget.plan._slots] == tables
    made = [_instances[model_id] for model_id in set(_instances) - before]
    # Only the first day's tiled map and its pins are new: no table, box or day widget.
    assert any(isinstance(widget, leaflet.Map) for widget in made)
    assert not any(isinstance(widget, (w.HTML, w.Box)) for widget in made)
