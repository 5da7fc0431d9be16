"""The itinerary as HTML for the widget: a section per day with its route drawn as SVG.

The SVG map is drawn from the coordinates alone, so it works offline (no tile server):
numbered, labelled stops, the hotel, the route and a scale. In the browser the widget
lays a real map over it (``ui/map.py``). Every field is escaped: an itinerary can come
from a model or a session file, and neither is trusted markup.
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass, field
from typing import Any, NamedTuple

MAP_WIDTH, MAP_HEIGHT, PAD = 360, 220, 28
KIND_COLOURS = {"activity": "#2563eb", "meal": "#d97706", "hotel": "#7c3aed"}
EARTH_METRES_PER_DEGREE = 111_320.0
SCALE_STEPS_M = (50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10_000, 20_000, 50_000)
LABEL_CHARS = 22


class Stop(NamedTuple):
    """A place on a day's map: coordinates in degrees (WGS 84), a label and a segment kind."""

    lat: float
    lon: float
    label: str
    kind: str


@dataclass
class DayView:
    """One day of an itinerary as the widget shows it."""

    title: str  # "Day 1"
    date: str  # ISO 8601
    table_html: str
    stops: list[Stop] = field(default_factory=list)
    hotel: Stop | None = None

    def heading_html(self) -> str:
        return f"<h4>{_e(self.title)} · {_e(self.date)}</h4>"

    def map_svg(self) -> str:
        return route_svg(self.stops, self.hotel)

    def html(self) -> str:
        """Heading, table and SVG map as one HTML fragment."""
        return self.heading_html() + self.table_html + self.map_svg()


def _e(value: Any) -> str:
    return html.escape(str(value), quote=True)


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1].rstrip() + "…"


def _scale_bar(metres_per_px: float) -> tuple[int, float, str]:
    """A round distance about a quarter of the map wide: (metres, pixels, label)."""
    target = metres_per_px * (MAP_WIDTH / 4)
    metres = min(SCALE_STEPS_M, key=lambda step: abs(step - target))
    label = f"{metres / 1000:g} km" if metres >= 1000 else f"{metres} m"
    return metres, metres / metres_per_px, label


def route_svg(points: list[Any], hotel: Stop | None = None) -> str:
    """An SVG of one day's stops (lat, lon, label, kind), numbered, labelled, joined in order.

    The hotel, when given, is drawn as a square marked "H". Shapes: width MAP_WIDTH and
    height MAP_HEIGHT in px; an equirectangular projection (fine at city scale).
    """
    stops = [Stop(*p) for p in points]
    if not stops:
        return ""
    everything = stops + ([hotel] if hotel is not None else [])
    lats = [p.lat for p in everything]
    lons = [p.lon for p in everything]
    shrink = math.cos(math.radians(sum(lats) / len(lats)))  # a degree of longitude is shorter
    span_lat = max(max(lats) - min(lats), 0.002)
    span_x = max((max(lons) - min(lons)) * shrink, 0.002)
    scale = min((MAP_WIDTH - 2 * PAD) / span_x, (MAP_HEIGHT - 2 * PAD) / span_lat)  # px/degree

    def xy(lat: float, lon: float) -> tuple[float, float]:
        x = PAD + (lon - min(lons)) * shrink * scale
        y = MAP_HEIGHT - PAD - (lat - min(lats)) * scale
        return round(x, 1), round(y, 1)

    coords = _spread([xy(p.lat, p.lon) for p in stops])
    line = " ".join(f"{x},{y}" for x, y in coords)
    parts = [
        f'<svg class="td-route" xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {MAP_WIDTH} {MAP_HEIGHT}" width="100%" '
        f'role="img" aria-label="Route of the day (map without tiles)">',
        f'<rect width="{MAP_WIDTH}" height="{MAP_HEIGHT}" fill="#f8fafc" stroke="#cbd5e1"/>',
        f'<polyline points="{line}" fill="none" stroke="#64748b" stroke-width="2" '
        'stroke-dasharray="4 3"/>',
    ]
    hotel_xy = xy(hotel.lat, hotel.lon) if hotel is not None else None
    labels = _Labels(coords + ([hotel_xy] if hotel_xy is not None else []))
    if hotel is not None and hotel_xy is not None:
        hx, hy = hotel_xy
        parts.append(
            f'<g class="td-hotel"><title>{_e(hotel.label)}</title>'
            f'<rect x="{hx - 8}" y="{hy - 8}" width="16" height="16" rx="3" '
            f'fill="{KIND_COLOURS["hotel"]}"/>'
            f'<text x="{hx}" y="{hy + 4}" font-size="11" text-anchor="middle" fill="white">H</text>'
            f"{labels.text(hx, hy, 'Hotel')}</g>"
        )
    for number, ((x, y), stop) in enumerate(zip(coords, stops, strict=True), 1):
        colour = KIND_COLOURS.get(stop.kind, "#0f766e")
        parts.append(
            f'<g class="td-stop"><title>{number}. {_e(stop.label)}</title>'
            f'<circle cx="{x}" cy="{y}" r="8" fill="{colour}"/>'
            f'<text x="{x}" y="{y + 3.5}" font-size="10" text-anchor="middle" fill="white">'
            f"{number}</text>{labels.text(x, y, _short(stop.label))}</g>"
        )
    parts.append(_scale_svg(_scale_bar(EARTH_METRES_PER_DEGREE / scale)))
    parts.append("</svg>")
    return "".join(parts)


def _outside(box: tuple[float, float, float, float]) -> float:
    """The area of ``box`` (x0, y0, x1, y1) that falls outside the map."""
    x0, y0, x1, y1 = box
    inside_w = max(0.0, min(x1, MAP_WIDTH) - max(x0, 0.0))
    inside_h = max(0.0, min(y1, MAP_HEIGHT) - max(y0, 0.0))
    return (x1 - x0) * (y1 - y0) - inside_w * inside_h


class _Labels:
    """Places labels beside markers where they overlap neither another label nor a marker."""

    CHAR_PX, HEIGHT_PX = 5.6, 11.0  # at font-size 10

    def __init__(self, markers: list[tuple[float, float]]) -> None:
        self.boxes = [(x - 9, y - 9, x + 9, y + 9) for x, y in markers]
        self.boxes.append((0.0, MAP_HEIGHT - 22.0, MAP_WIDTH / 3, float(MAP_HEIGHT)))  # the scale

    def text(self, x: float, y: float, label: str) -> str:
        width = self.CHAR_PX * len(label)
        candidates = [  # (text x, text y, anchor, box)
            (x + 11, y + 4, "start", (x + 11, y - 6, x + 11 + width, y + 5)),
            (x - 11, y + 4, "end", (x - 11 - width, y - 6, x - 11, y + 5)),
            (x + 7, y - 10, "start", (x + 7, y - 20, x + 7 + width, y - 9)),
            (x + 7, y + 18, "start", (x + 7, y + 8, x + 7 + width, y + 19)),
            (x - 7, y - 10, "end", (x - 7 - width, y - 20, x - 7, y - 9)),
            (x - 7, y + 18, "end", (x - 7 - width, y + 8, x - 7, y + 19)),
        ]
        tx, ty, anchor, box = self._least_covered(candidates)
        self.boxes.append(box)
        return (
            f'<text class="td-label" x="{tx:.1f}" y="{ty:.1f}" font-size="10" '
            f'text-anchor="{anchor}" fill="#0f172a" stroke="white" stroke-width="3" '
            f'paint-order="stroke">{_e(label)}</text>'
        )

    def _least_covered(self, candidates: list[Any]) -> Any:
        """The first candidate with the least cost: the area it covers of the boxes placed,
        plus three times its area outside the map.

        The same choice as ``min`` over every candidate's full cost, found sooner: the
        areas are never negative, so a sum already at the best so far is dropped, and a
        place that covers nothing ends the search (this ran for every label of every map).
        """
        best, best_cost = candidates[0], math.inf
        for candidate in candidates:
            x0, y0, x1, y1 = candidate[3]
            outside = 3 * _outside(candidate[3])
            covered = 0.0
            for b0, b1, b2, b3 in self.boxes:
                if b2 > x0 and b0 < x1 and b3 > y0 and b1 < y1:  # else it adds 0.0
                    covered += (min(x1, b2) - max(x0, b0)) * (min(y1, b3) - max(y0, b1))
                    if covered + outside >= best_cost:
                        break
            cost = covered + outside
            if cost < best_cost:
                best, best_cost = candidate, cost
                if cost == 0:
                    break
        return best


def _scale_svg(bar: tuple[int, float, str]) -> str:
    _, pixels, label = bar
    x0, y0 = 10, MAP_HEIGHT - 8
    return (
        f'<g class="td-scale"><line x1="{x0}" y1="{y0}" x2="{x0 + pixels:.1f}" y2="{y0}" '
        f'stroke="#334155" stroke-width="2"/><text x="{x0}" y="{y0 - 4}" font-size="9" '
        f'fill="#334155">{_e(label)}</text></g>'
    )


def _spread(coords: list[tuple[float, float]], gap: float = 14.0) -> list[tuple[float, float]]:
    """Nudge markers that would sit on top of each other onto a small ring around the first."""
    placed: list[tuple[float, float]] = []
    for x, y in coords:
        turn = 0
        nx, ny = x, y
        while any(math.hypot(nx - px, ny - py) < gap for px, py in placed) and turn < 12:
            turn += 1
            angle = turn * math.pi / 3
            nx = round(min(max(x + gap * math.cos(angle), 8), MAP_WIDTH - 8), 1)
            ny = round(min(max(y + gap * math.sin(angle), 8), MAP_HEIGHT - 8), 1)
        placed.append((nx, ny))
    return placed


def money(price: dict[str, Any] | None) -> str:
    """``{"amount": 12.5, "currency": "EUR"}`` as "13 EUR"; empty when free or absent."""
    if not price:
        return ""
    try:
        amount = float(price["amount"])
    except (KeyError, TypeError, ValueError):
        return ""
    return f"{amount:,.0f} {price.get('currency', '')}".rstrip() if amount else ""


def _hotel_for(day: str, stays: list[dict[str, Any]]) -> Stop | None:
    """The stay the person sleeps in (or leaves from) on ``day``."""
    covering = [s for s in stays if s["start"][:10] <= day <= s["end"][:10] and s.get("location")]
    if not covering:
        return None
    stay = max(covering, key=lambda s: s["end"][:10] > day)  # sleeping there beats leaving
    place = stay["location"]
    return Stop(float(place["lat"]), float(place["lon"]), stay["name"], "hotel")


def day_views(itinerary: dict[str, Any]) -> list[DayView]:
    """A ``DayView`` per day with activities or meals, in date order."""
    by_day: dict[str, list[dict[str, Any]]] = {}
    stays = []
    for segment in itinerary.get("segments", []):
        if segment["type"] == "hotel":
            stays.append(segment)
        else:
            by_day.setdefault(str(segment["start"])[:10], []).append(segment)
    views = []
    for number, day in enumerate(sorted(by_day), 1):
        rows, stops = [], []
        for s in by_day[day]:
            details = s.get("details") or {}
            label = s["name"]
            if s["type"] == "meal":
                label = f"{details.get('meal', 'meal')}: {label}"
            rows.append(
                f"<tr><td class='td-time'>{_e(s['start'][11:16])}–{_e(s['end'][11:16])}</td>"
                f"<td>{_e(label)}</td><td>{_e(s.get('category') or s['type'])}</td>"
                f"<td class='td-cost'>{_e(money(s.get('price')))}</td></tr>"
            )
            place = s.get("location")
            if place and s["type"] in ("activity", "meal"):
                stops.append(Stop(float(place["lat"]), float(place["lon"]), s["name"], s["type"]))
        table = (
            "<table class='td-day'><thead><tr><th>time</th><th>what</th><th>kind</th>"
            f"<th>cost</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
        )
        views.append(DayView(f"Day {number}", day, table, stops, _hotel_for(day, stays)))
    return views


def day_sections(itinerary: dict[str, Any]) -> list[tuple[str, str]]:
    """(title, HTML) for each day: "Day 1", "Day 2", ... with times, places, costs and map."""
    return [(view.title, view.html()) for view in day_views(itinerary)]


def summary_html(itinerary: dict[str, Any]) -> str:
    """Title, dates, party, stays, the total and the checks' findings."""
    budget = itinerary.get("budget") or {}
    parts = [
        f"<h3>{_e(itinerary.get('title', 'Trip'))}</h3>",
        f"<p>{_e(itinerary.get('start_date'))} to {_e(itinerary.get('end_date'))}, "
        f"{_e(itinerary.get('travelers'))} traveller(s), {_e(budget.get('level', 'any'))} level."
        "</p>",
    ]
    stays = [s for s in itinerary.get("segments", []) if s["type"] == "hotel"]
    if stays:
        items = "".join(
            f"<li>{_e(s['name'])}: {_e(s['start'][:10])} to {_e(s['end'][:10])}, "
            f"{_e(money(s.get('price')))}</li>"
            for s in stays
        )
        parts.append(f"<ul class='td-stays'>{items}</ul>")
    total = itinerary.get("estimated_total")
    if total:
        parts.append(f"<p class='td-total'><b>Estimated total: {_e(money(total))}</b></p>")
    violations = itinerary.get("violations") or []
    if violations:
        items = "".join(f"<li>{_e(v.get('message', v))}</li>" for v in violations)
        parts.append(f"<div class='td-problems'><b>Problems found</b><ul>{items}</ul></div>")
    else:
        parts.append("<p class='td-ok'>Checks: no problems found.</p>")
    return "".join(parts)
