"""When people eat, by country: the windows in which lunch and dinner start (data, with
sources: ``data/meal_windows.json``)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

Window = tuple[int, int]  # minutes after local midnight: the earliest and latest start

MEAL_MINUTES = {"lunch": 60, "dinner": 90}
CHILDREN_DINNER_SPAN = 60  # with young children, dinner starts in the window's first hour


def _minutes(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


@cache
def _table() -> dict[str, dict[str, Window]]:
    path = resources.files("tripdesigner_kernel.knowledge") / "data" / "meal_windows.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    default = {meal: (_minutes(a), _minutes(b)) for meal, (a, b) in data["default"].items()}
    table = {"": default}
    for country, meals in data["countries"].items():
        table[country] = {
            **default,
            **{meal: (_minutes(a), _minutes(b)) for meal, (a, b) in meals.items()},
        }
    return table


def meal_windows(country: str, children: bool = False) -> dict[str, Window]:
    """``{"lunch": (start, end), "dinner": (start, end)}`` for ``country`` (ISO 3166-1 alpha-2).

    Each window bounds when the meal starts. ``children``: dinner at the early end.
    """
    windows = dict(_table().get(country, _table()[""]))
    if children:
        opens = windows["dinner"][0]
        windows["dinner"] = (opens, min(windows["dinner"][1], opens + CHILDREN_DINNER_SPAN))
    return windows
