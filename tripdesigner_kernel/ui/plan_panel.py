"""The widget's plan side: the summary, then the days, one open at a time, each with its map.

The days are an accordion: every day's title shows, one day's table and map are open.
A day's map is the SVG map with, when ipyleaflet is installed, a tiled map laid over it
(``ui/map.py``), made only when its day is first opened: a plan costs the browser one
tiled map, not one a day. The panel's widgets are made once and kept: a new plan only
changes their values (a few small messages), and a tiled map is redrawn in place. The
panel redraws only when the itinerary changed, so a turn that leaves the plan alone
keeps the maps as the person panned and zoomed them.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Callable
from typing import Any

import ipywidgets as w

from tripdesigner_kernel.ui.itinerary_view import DayView, day_views, summary_html
from tripdesigner_kernel.ui.map import DayMap, day_map

NO_PLAN = "<p><i>No plan yet: describe your trip.</i></p>"
# The open day's tiled map is drawn this long after its plan: the browser draws the plan
# first instead of building the map's markers before its next frame (measured in
# bench_widget.py). A day the person opens gets its map at once.
MAP_DELAY_S = 0.15
PREPARED_DAYS = 4  # days whose widgets a new panel makes while the person types
STALE = "td-stale"  # on a day's map box while its tiled map still shows another day


def finished(thread: threading.Thread | None, timeout: float | None) -> bool:
    """Wait up to ``timeout`` seconds for ``thread`` (None: none started); False if it runs on."""
    if thread is None:
        return True
    thread.join(timeout)
    return not thread.is_alive()


class _DaySlot:
    """The widgets that show one day: heading and table, SVG map, the tiled map once opened."""

    def __init__(self) -> None:
        self.table = w.HTML()
        self.svg = w.HTML()
        self.svg.add_class("td-svg-map")
        self.map_box = w.Box([self.svg], layout=w.Layout(display="block"))
        self.map_box.add_class("td-map")
        self.box = w.VBox([self.table, self.map_box])
        self.view: DayView | None = None
        self.real_map: DayMap | None = None
        self.drawn: DayView | None = None  # the day the tiled map shows

    def show(self, view: DayView, redraw: bool) -> None:
        """Show ``view``'s table and SVG map. A tiled map of another day is taken away, or
        with ``redraw`` (it is about to be redrawn in place) hidden until it is."""
        self.view = view
        self.table.value = view.heading_html() + view.table_html
        self.svg.value = view.map_svg()
        if self.real_map is None or self.drawn == view:
            return
        if redraw:
            self.map_box.add_class(STALE)  # the SVG map of this day shows meanwhile
        else:
            self.map_box.children = (self.svg,)
            self.drawn = None

    def draw_real_map(self) -> None:
        """Lay the tiled map of this slot's day over its SVG map (when ipyleaflet is there)."""
        view = self.view
        if view is None or self.drawn == view or not view.stops:
            return
        if self.real_map is None:
            self.real_map = day_map(view)
            if self.real_map is None:
                return
        else:
            self.real_map.show(view)
        self.drawn = view
        if len(self.map_box.children) == 1:
            self.map_box.children = (self.svg, self.real_map.widget)
        self.map_box.remove_class(STALE)

    def close(self) -> None:
        if self.real_map is not None:
            self.real_map.close()
        for widget in (self.box, self.map_box, self.svg, self.table):
            widget.close()


class PlanPanel(w.VBox):
    """Summary and days of one itinerary (its JSON form)."""

    def __init__(self) -> None:
        self.summary = w.HTML(NO_PLAN)
        self.days = w.Accordion(layout=w.Layout(display="none"))
        self.days.add_class("td-days")
        self._slots: list[_DaySlot] = []
        self._shown = 0  # slots in use
        self._key = ""
        self._lock = threading.RLock()  # a turn's thread and a click may both draw
        self._showing: int | None = None  # the thread setting the accordion itself
        self._map_timer: threading.Timer | None = None
        # A day opened in the browser: ``on_open(change)``, else its map is drawn.
        self.on_open: Callable[[dict[str, Any]], None] | None = None
        self.days.observe(self._selected, names="selected_index")
        super().__init__([self.summary, self.days])

    def show(self, itinerary: dict[str, Any] | None) -> None:
        """Draw ``itinerary`` (None: no plan yet), unless it is the one shown."""
        text = json.dumps(itinerary, sort_keys=True, default=str)
        key = hashlib.sha256(text.encode()).hexdigest()
        with self._lock:
            if key == self._key:
                return
            self._key = key
            views = day_views(itinerary) if itinerary else []
            # The day open stays open (a follow-up about it); else the first day opens.
            opened = self.days.selected_index
            if opened is None or opened >= len(views):
                opened = 0
            self.summary.value = summary_html(itinerary) if itinerary else NO_PLAN
            self.prepare(len(views))
            for index, (slot, view) in enumerate(zip(self._slots, views, strict=False)):
                slot.show(view, redraw=index == opened)
            self._shown = len(views)
            self._showing = threading.get_ident()
            try:
                with self.days.hold_sync():
                    if not views:
                        self.days.selected_index = None
                        self.days.layout.display = "none"
                        return
                    self.days.children = tuple(slot.box for slot in self._slots[: len(views)])
                    self.days.titles = tuple(f"{v.title} · {v.date}" for v in views)
                    self.days.selected_index = opened
                    self.days.layout.display = "flex"
            finally:
                self._showing = None
            self._draw_map_soon()

    def _selected(self, change: dict[str, Any]) -> None:
        if self._showing == threading.get_ident():
            return  # the panel's own change: ``show`` draws the map itself
        if self.on_open is not None:
            self.on_open(change)
        else:
            self.open_day(change["new"])

    def open_day(self, index: int | None) -> None:
        """Draw the tiled map of day ``index`` (0-based) if it has none yet; None: no day."""
        with self._lock:
            if index is not None and 0 <= index < self._shown:
                self._slots[index].draw_real_map()

    def prepare(self, days: int = PREPARED_DAYS) -> None:
        """Make the widgets for ``days`` days now (each a model the browser builds), so a
        plan that long only changes their values."""
        with self._lock:
            while len(self._slots) < days:
                self._slots.append(_DaySlot())

    def _draw_map_soon(self) -> None:
        if self._map_timer is not None:
            self._map_timer.cancel()
        self._map_timer = threading.Timer(MAP_DELAY_S, self._draw_open_map)
        self._map_timer.daemon = True
        self._map_timer.start()

    def _draw_open_map(self) -> None:
        self.open_day(self.days.selected_index)

    def wait_for_map(self, timeout: float | None = 30) -> bool:
        """Block until the open day's tiled map is drawn (for code and tests); False on timeout."""
        return finished(self._map_timer, timeout)

    def day_html(self) -> list[str]:
        """Each day as shown: heading, table and the SVG map (not the tiled map)."""
        return [slot.table.value + slot.svg.value for slot in self._slots[: self._shown]]

    def real_maps(self) -> list[Any]:
        """Each shown day's tiled map widget, or None where its day was never opened."""
        return [
            slot.real_map.widget if slot.real_map is not None and slot.drawn == slot.view else None
            for slot in self._slots[: self._shown]
        ]

    def close(self) -> None:
        if self._map_timer is not None:
            self._map_timer.cancel()
        for slot in self._slots:
            slot.close()
        for widget in (self.summary, self.days):
            widget.close()
        super().close()
