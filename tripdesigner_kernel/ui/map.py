"""A real map per day in the browser: ipyleaflet over OpenStreetMap, the SVG map beneath.

ipyleaflet (with jupyter-leaflet, which bundles Leaflet into the JupyterLab extension:
no CDN) draws the day's numbered, labelled stops, the hotel and the route. The person's
browser loads the tiles; the kernel never fetches one. The SVG map stays underneath and
is what shows until a tile has loaded (offline, blocked, tests): a CSS rule in the
widget's style swaps them on ``.leaflet-tile-loaded``, so no round trip to the kernel
decides it. ipyleaflet is imported only when a map is drawn, and is optional.
"""

from __future__ import annotations

import html
import math
from typing import Any

from tripdesigner_kernel.ui.itinerary_view import DayView, Stop

TILE_SIZE_PX = 256
MAP_WIDTH_PX, MAP_HEIGHT_PX = 420, 256  # the box the zoom is chosen for
MAX_ZOOM = 16


def leaflet_available() -> bool:
    """True when ipyleaflet can be imported (the ``lab`` and ``browser`` extras)."""
    try:
        import ipyleaflet  # noqa: F401
    except ImportError:
        return False
    return True


def _centre_and_zoom(points: list[Stop]) -> tuple[tuple[float, float], int]:
    """The centre and the highest zoom level at which every point fits the map's box."""
    lats = [p.lat for p in points]
    lons = [p.lon for p in points]
    centre = ((max(lats) + min(lats)) / 2, (max(lons) + min(lons)) / 2)
    shrink = max(math.cos(math.radians(centre[0])), 0.1)
    span_x = max(max(lons) - min(lons), 0.002)
    span_y = max((max(lats) - min(lats)) / shrink, 0.002)  # in degrees of longitude at the equator
    fit = 0.8  # leave a margin for the pins
    zoom_x = math.log2(360 * MAP_WIDTH_PX * fit / (TILE_SIZE_PX * span_x))
    zoom_y = math.log2(360 * MAP_HEIGHT_PX * fit / (TILE_SIZE_PX * span_y))
    return centre, max(2, min(MAX_ZOOM, math.floor(min(zoom_x, zoom_y))))


def _pin(number: str, label: str, kind: str) -> str:
    return (
        f"<span class='td-pin td-pin-{kind}'>{html.escape(number)}</span>"
        f"<span class='td-pin-label'>{html.escape(label)}</span>"
    )


def _everything(view: DayView) -> list[Stop]:
    return view.stops + ([view.hotel] if view.hotel is not None else [])


def _layers(leaflet: Any, view: DayView) -> list[Any]:
    """The day's route, then a numbered, labelled pin per stop (the hotel's marked "H")."""
    layers: list[Any] = [
        leaflet.Polyline(
            locations=[(p.lat, p.lon) for p in view.stops], color="#334155", weight=3, fill=False
        )
    ]
    pins = [(str(n), stop) for n, stop in enumerate(view.stops, 1)]
    if view.hotel is not None:
        pins.insert(0, ("H", view.hotel))
    for number, stop in pins:
        icon = leaflet.DivIcon(
            html=_pin(number, stop.label, stop.kind), icon_size=[22, 22], icon_anchor=[11, 11]
        )
        title = f"{number}. {stop.label}" if number != "H" else f"Hotel: {stop.label}"
        layers.append(leaflet.Marker(location=(stop.lat, stop.lon), icon=icon, title=title,
                                     draggable=False))  # fmt: skip
    return layers


def close_layers(layers: Any) -> None:
    """Close map layers and their icons (each holds a comm)."""
    for layer in layers:
        icon = getattr(layer, "icon", None)
        if icon is not None:
            icon.close()
        layer.close()


class DayMap:
    """One ipyleaflet ``Map`` (``.widget``), redrawn for day after day.

    The map, its tile layer and its controls are made once; a new day replaces only the
    route and the pins, so a new plan costs the browser a few small models, not a map.
    """

    def __init__(self, leaflet: Any, view: DayView) -> None:
        self._leaflet = leaflet
        self.pins = leaflet.LayerGroup(layers=_layers(leaflet, view))
        centre, zoom = _centre_and_zoom(_everything(view))
        self.widget = leaflet.Map(
            center=centre,
            zoom=zoom,
            basemap=leaflet.basemaps.OpenStreetMap.Mapnik,  # its attribution comes with it
            scroll_wheel_zoom=False,  # attribution_control is on by default; passing it adds two
            layout={"height": "100%", "width": "100%"},
        )
        self.widget.add(self.pins)
        self.widget.add(leaflet.ScaleControl(position="bottomleft", imperial=False))
        self.widget.add_class("td-leaflet")

    def show(self, view: DayView) -> None:
        """Centre and zoom on ``view``'s stops and hotel; draw its route and pins."""
        centre, zoom = _centre_and_zoom(_everything(view))
        old = self.pins.layers
        with self.widget.hold_sync():
            self.widget.center, self.widget.zoom = centre, zoom
        self.pins.layers = tuple(_layers(self._leaflet, view))
        close_layers(old)

    def close(self) -> None:
        """Close the map and everything drawn on it."""
        close_layers(self.pins.layers)
        for control in self.widget.controls:
            control.close()
        for layer in self.widget.layers:
            layer.close()
        self.widget.close()


def day_map(view: DayView) -> DayMap | None:
    """A ``DayMap`` showing one day, or None when ipyleaflet is missing or there are no stops."""
    if not view.stops:
        return None
    try:
        import ipyleaflet as leaflet
    except ImportError:
        return None
    return DayMap(leaflet, view)
