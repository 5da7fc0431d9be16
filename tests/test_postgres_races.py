"""Eight kernel processes x 50 turns on shared PostgreSQL sessions: nothing lost, every
itinerary the one its last committed reply describes."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any


def _team_race() -> Any:
    path = Path(__file__).parents[1] / "benchmarks" / "team_race.py"
    spec = importlib.util.spec_from_file_location("team_race", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_eight_kernels_fifty_turns_each_lose_nothing(pg_url: str) -> None:
    race = _team_race()
    figures = race.race(pg_url, kernels=8, turns=50, sessions=4)
    print(race.report(figures, "postgresql"))
    assert figures["problems"] == [] and figures["lost"] == 0
    assert figures["committed"] == 400
    assert figures["retries"] > 0  # they really raced
