"""Validate curated places files: ``python scripts/check_places.py [FILE...]``.

With no arguments, checks every file in ``tripdesigner_kernel/knowledge/data/places``.
Prints one line per problem and exits 1 if there is any.
"""

from __future__ import annotations

import json
import math
import sys
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tripdesigner_kernel.knowledge.closures import validate_table  # noqa: E402
from tripdesigner_kernel.knowledge.hours import HoursError, open_intervals  # noqa: E402
from tripdesigner_kernel.knowledge.meal_times import MEAL_MINUTES, meal_windows  # noqa: E402
from tripdesigner_kernel.knowledge.taxonomy import (  # noqa: E402
    ACCESS_NEEDS,
    BUDGET_LEVELS,
    CATEGORIES,
    DINING_CATEGORIES,
    MEALS,
    TAGS,
)

PLACES_DIR = ROOT / "tripdesigner_kernel" / "knowledge" / "data" / "places"
BREAKFAST = (7 * 60, 10 * 60, 45)
REFERENCE_WEEK = [date(2027, 5, 3) + timedelta(days=n) for n in range(7)]  # Monday first
PLACE_KEYS = {"name", "category", "tags", "lat", "lon", "minutes", "hours", "price_level",
              "price", "neighbourhood", "description", "meals"}  # fmt: skip
OPTIONAL_KEYS = {"meals", "access", "after_dark", "leg", "closed", "source"}
LEG_MODES = {"train", "bus", "boat", "car", "tram"}


def meal_window(country: str, meal: str) -> tuple[int, int, int]:
    """(earliest start, latest start, minutes) of ``meal`` in ``country``, as planned."""
    if meal == "breakfast":
        return BREAKFAST
    first, last = meal_windows(country)[meal]
    return first, last, MEAL_MINUTES[meal]


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def _serves(hours: str, window: tuple[int, int, int]) -> bool:
    """True when a meal fits the place's hours, on at least five days of the week."""
    first, last, length = window
    days = 0
    for day in REFERENCE_WEEK:
        intervals = open_intervals(hours, day)
        starts = range(first, last + 1, 15)
        if any(o <= t and t + length <= c for t in starts for o, c in intervals):
            days += 1
    return days >= 5


def check_city(data: dict) -> list[str]:
    """Return the problems of one city file, as readable lines."""
    problems: list[str] = []
    for key in ("city", "country", "currency", "timezone", "center", "stay_areas", "places"):
        if key not in data:
            problems.append(f"missing top-level key {key!r}")
    if problems:
        return problems
    clat, clon = data["center"]["lat"], data["center"]["lon"]
    names: set[str] = set()
    counts: dict[str, int] = {}
    meal_counts = {meal: 0 for meal in MEALS}
    meal_places = 0
    activities = 0
    for place in data["places"]:
        name = place.get("name", "?")
        where = f"{name!r}"
        extra = set(place) - PLACE_KEYS - OPTIONAL_KEYS
        missing = PLACE_KEYS - OPTIONAL_KEYS - set(place)
        if extra:
            problems.append(f"{where}: unknown keys {sorted(extra)}")
        if missing:
            problems.append(f"{where}: missing keys {sorted(missing)}")
            continue
        if name.casefold() in names:
            problems.append(f"{where}: duplicate name")
        names.add(name.casefold())
        category = place["category"]
        if category not in CATEGORIES:
            problems.append(f"{where}: category {category!r} not in the taxonomy")
        counts[category] = counts.get(category, 0) + 1
        bad_tags = [t for t in place["tags"] if t not in TAGS]
        if bad_tags or not 1 <= len(place["tags"]) <= 5:
            problems.append(f"{where}: tags {bad_tags or place['tags']} (1-5 from TAGS)")
        limit = 200 if category == "day_trip" else 30
        distance = km_between(clat, clon, place["lat"], place["lon"])
        if distance > limit:
            problems.append(f"{where}: {distance:.0f} km from the centre (limit {limit})")
        if not isinstance(place["minutes"], int) or not 15 <= place["minutes"] <= 600:
            problems.append(f"{where}: minutes {place['minutes']!r} (15-600)")
        if place["price_level"] not in (0, 1, 2, 3, 4) or place["price"] < 0:
            problems.append(f"{where}: bad price")
        closed = place.get("closed")
        if closed is not None and (
            set(closed) != {"from", "until", "why"}
            or not date.fromisoformat(closed["from"]) <= date.fromisoformat(closed["until"])
        ):
            problems.append(f"{where}: closed needs from <= until (ISO dates) and why")
        bad_access = [a for a in place.get("access", []) if a not in ACCESS_NEEDS]
        if bad_access:
            problems.append(f"{where}: access {bad_access} (use {sorted(ACCESS_NEEDS)})")
        leg = place.get("leg")
        if leg is not None and (
            category != "day_trip"
            or leg.get("mode") not in LEG_MODES
            or not 10 <= leg.get("minutes", 0) <= 300
        ):
            problems.append(f"{where}: leg {leg} (day trips only; mode in {sorted(LEG_MODES)})")
        try:
            open_intervals(place["hours"], REFERENCE_WEEK[0])
        except HoursError as error:
            problems.append(f"{where}: {error}")
            continue
        meals = place.get("meals") or []
        if category in DINING_CATEGORIES and not meals:
            problems.append(f"{where}: a {category} needs 'meals'")
        if category not in DINING_CATEGORIES:
            activities += 1
        if meals:
            meal_places += 1
        for meal in meals:
            if meal not in MEALS:
                problems.append(f"{where}: unknown meal {meal!r}")
            elif not _serves(place["hours"], meal_window(data["country"], meal)):
                problems.append(f"{where}: hours {place['hours']!r} do not cover {meal}")
            else:
                meal_counts[meal] += 1
    wanted = {"day_trip": 2, "viewpoint": 2, "nightlife": 2, "market": 1, "museum": 3}
    for category, least in wanted.items():
        if counts.get(category, 0) < least:
            problems.append(f"needs at least {least} {category} (has {counts.get(category, 0)})")
    if activities < 26:
        problems.append(f"needs at least 26 non-dining places (has {activities})")
    if meal_places < 18 or meal_counts["lunch"] < 10 or meal_counts["dinner"] < 10:
        problems.append(
            f"needs 18 meal places, 10 lunch, 10 dinner (has {meal_places}, {meal_counts})"
        )
    if len(data["stay_areas"]) < 3:
        problems.append("needs at least 3 stay areas")
    for area in data["stay_areas"]:
        if set(area.get("nightly", {})) != set(BUDGET_LEVELS):
            problems.append(f"stay area {area.get('name')!r}: nightly needs {BUDGET_LEVELS}")
        if km_between(clat, clon, area["lat"], area["lon"]) > 30:
            problems.append(f"stay area {area.get('name')!r}: too far from the centre")
    return problems


def main(argv: list[str]) -> int:
    files = [Path(a) for a in argv] or sorted(PLACES_DIR.glob("*.json"))
    failed = False
    for problem in validate_table():
        print(f"holiday_closures.json: {problem}")
        failed = True
    for path in files:
        problems = check_city(json.loads(path.read_text(encoding="utf-8")))
        for problem in problems:
            print(f"{path.name}: {problem}")
        failed = failed or bool(problems)
        if not problems:
            print(f"{path.name}: ok")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
