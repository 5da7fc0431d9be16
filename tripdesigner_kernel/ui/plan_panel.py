"""The widget's plan side: the summary, then each day's table and map.

A day's map is the SVG map with, when ipyleaflet is installed, a tiled map laid over it
(``ui/map.py``). The panel redraws only when the itinerary changed, so a turn that
leaves the plan alone keeps the maps as the person panned and zoomed them; the
widgets of a replaced plan are closed (each holds a comm).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

import ipywidgets as w

from tripdesigner_kernel.ui.itinerary_view import DayView, day_views, summary_html

NO_PLAN = "<p><i>No plan yet: describe your trip.</i></p>"


class PlanPanel(w.VBox):
    """Summary and days of one itinerary (its JSON form)."""

    def __init__(self) -> None:
        self.summary = w.HTML(NO_PLAN)
        self.days = w.VBox()
        self._key = ""
        super().__init__([self.summary, self.days])

    def show(self, itinerary: dict[str, Any] | None) -> None:
        """Draw ``itinerary`` (None: no plan yet), unless it is the one shown."""
        text = json.dumps(itinerary, sort_keys=True, default=str)
        key = hashlib.sha256(text.encode()).hexdigest()
        if key == self._key:
            return
        self._key = key
        old = self.days.children
        if not itinerary:
            self.summary.value = NO_PLAN
            self.days.children = ()
        else:
            self.summary.value = summary_html(itinerary)
            views = day_views(itinerary)
            self.days.children = tuple(_day_box(view) for view in views)
            # The tiled maps come after the plan is on screen: they are many small widgets.
            for box, view in zip(self.days.children, views, strict=True):
                _add_real_map(box, view)
        for widget in old:
            _close_tree(widget)

    def day_html(self) -> list[str]:
        """Each day as shown: heading, table and the SVG map (not the tiled map)."""
        return [
            box.children[0].value + box.children[1].children[0].value for box in self.days.children
        ]


def _day_box(view: DayView) -> w.VBox:
    """A day: heading and table, then the SVG map (a tiled map is laid over it later)."""
    table = w.HTML(view.heading_html() + view.table_html)
    svg = w.HTML(view.map_svg())
    svg.add_class("td-svg-map")
    box = w.Box([svg], layout=w.Layout(display="block"))
    box.add_class("td-map")
    return w.VBox([table, box])


def _add_real_map(day_box: w.VBox, view: DayView) -> None:
    """Lay an ipyleaflet map over the day's SVG map (when ipyleaflet is installed)."""
    from tripdesigner_kernel.ui.map import day_map

    real_map = day_map(view)
    if real_map is not None:
        map_box = day_box.children[1]
        map_box.children = (*map_box.children, real_map)


def _close_tree(widget: Any) -> None:
    """Close a widget and every widget under it (children, map layers and their icons)."""
    for attribute in ("children", "layers", "controls"):
        for child in getattr(widget, attribute, ()) or ():
            _close_tree(child)
    icon = getattr(widget, "icon", None)
    if isinstance(icon, w.Widget):
        icon.close()
    widget.close()
