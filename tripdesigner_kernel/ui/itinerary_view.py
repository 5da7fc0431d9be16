"""The itinerary as HTML for the widget: a section per day with its route drawn as SVG.

The maps are plain SVG from the coordinates, so they work offline (no tile server).
"""

from __future__ import annotations

import html
from collections import defaultdict
from typing import Any

MAP_WIDTH, MAP_HEIGHT, PAD = 320, 200, 18
KIND_COLOURS = {"activity": "#2563eb", "meal": "#d97706", "hotel": "#7c3aed"}


def route_svg(points: list[tuple[float, float, str, str]]) -> str:
    """An SVG of one day's stops (lat, lon, label, kind), numbered and joined in order."""
    if not points:
        return ""
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    span_lat = max(max(lats) - min(lats), 0.002)
    span_lon = max(max(lons) - min(lons), 0.002)
    scale = min((MAP_WIDTH - 2 * PAD) / span_lon, (MAP_HEIGHT - 2 * PAD) / span_lat)

    def xy(lat: float, lon: float) -> tuple[float, float]:
        x = PAD + (lon - min(lons)) * scale
        y = MAP_HEIGHT - PAD - (lat - min(lats)) * scale
        return round(x, 1), round(y, 1)

    coords = [xy(lat, lon) for lat, lon, _, _ in points]
    line = " ".join(f"{x},{y}" for x, y in coords)
    parts = [
        f'<svg class="td-route" xmlns="http://www.w3.org/2000/svg" width="{MAP_WIDTH}" '
        f'height="{MAP_HEIGHT}" viewBox="0 0 {MAP_WIDTH} {MAP_HEIGHT}" role="img" '
        f'aria-label="Route of the day">',
        f'<rect width="{MAP_WIDTH}" height="{MAP_HEIGHT}" fill="#f8fafc" stroke="#cbd5e1"/>',
        f'<polyline points="{line}" fill="none" stroke="#64748b" stroke-width="2" '
        'stroke-dasharray="4 3"/>',
    ]
    for number, ((x, y), (_, _, label, kind)) in enumerate(zip(coords, points, strict=True), 1):
        colour = KIND_COLOURS.get(kind, "#0f766e")
        parts.append(
            f"<g><title>{html.escape(label)}</title>"
            f'<circle cx="{x}" cy="{y}" r="8" fill="{colour}"/>'
            f'<text x="{x}" y="{y + 3.5}" font-size="10" text-anchor="middle" fill="white">'
            f"{number}</text></g>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _money(price: dict[str, Any] | None) -> str:
    if not price or not float(price["amount"]):
        return ""
    return f"{float(price['amount']):,.0f} {price['currency']}"


def day_sections(itinerary: dict[str, Any]) -> list[tuple[str, str]]:
    """(title, HTML) for each day: "Day 1", "Day 2", ... with times, places, costs and map."""
    by_day: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for segment in itinerary.get("segments", []):
        if segment["type"] != "hotel":
            by_day[segment["start"][:10]].append(segment)
    sections = []
    for number, day in enumerate(sorted(by_day), 1):
        rows, points = [], []
        for s in by_day[day]:
            label = (
                s["name"]
                if s["type"] != "meal"
                else f"{s['details'].get('meal', 'meal')}: {s['name']}"
            )
            rows.append(
                f"<tr><td>{s['start'][11:16]}-{s['end'][11:16]}</td><td>{html.escape(label)}</td>"
                f"<td>{html.escape(s.get('category') or s['type'])}</td>"
                f"<td style='text-align:right'>{_money(s.get('price'))}</td></tr>"
            )
            place = s.get("location")
            if place and s["type"] in ("activity", "meal"):
                points.append((place["lat"], place["lon"], s["name"], s["type"]))
        table = (
            "<table class='td-day'><thead><tr><th>time</th><th>what</th><th>kind</th><th>cost</th>"
            f"</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        )
        title = f"Day {number}"
        body = f"<h4>{title} · {day}</h4>{table}{route_svg(points)}"
        sections.append((title, body))
    return sections


def summary_html(itinerary: dict[str, Any]) -> str:
    """Title, dates, party, stays, the total and the checks' findings."""
    parts = [
        f"<h3>{html.escape(itinerary['title'])}</h3>",
        f"<p>{itinerary.get('start_date')} to {itinerary.get('end_date')}, "
        f"{itinerary.get('travelers')} traveller(s), {itinerary['budget']['level']} level.</p>",
    ]
    stays = [s for s in itinerary.get("segments", []) if s["type"] == "hotel"]
    if stays:
        items = "".join(
            f"<li>{html.escape(s['name'])}: {s['start'][:10]} to {s['end'][:10]}, "
            f"{_money(s.get('price'))}</li>"
            for s in stays
        )
        parts.append(f"<ul class='td-stays'>{items}</ul>")
    total = itinerary.get("estimated_total")
    if total:
        parts.append(f"<p class='td-total'><b>Estimated total: {_money(total)}</b></p>")
    violations = itinerary.get("violations") or []
    if violations:
        items = "".join(f"<li>{html.escape(v['message'])}</li>" for v in violations)
        parts.append(f"<div class='td-problems'><b>Problems found</b><ul>{items}</ul></div>")
    else:
        parts.append("<p class='td-ok'>Checks: no problems found.</p>")
    return "".join(parts)
