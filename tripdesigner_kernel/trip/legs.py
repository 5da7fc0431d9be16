"""Legs between cities: ground or flight by distance, with estimated duration and price."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from tripdesigner_kernel.knowledge.airports import gateway
from tripdesigner_kernel.knowledge.geo import km_between

GROUND_MAX_KM = 600  # beyond this, people fly
RAIL_KMH = 110
FLIGHT_KMH = 750
PRICE_FACTOR = {"budget": 0.8, "moderate": 1.0, "luxury": 2.5}


@dataclass(frozen=True)
class Leg:
    """An estimated journey; prices are per person, in US dollars."""

    kind: Literal["flight", "transfer"]
    mode: str  # "flight", "rail"
    name: str
    from_name: str
    from_pos: tuple[float, float]
    to_name: str
    to_pos: tuple[float, float]
    km: float
    minutes: int
    price_usd: float


def _round5(minutes: float) -> int:
    return int(-(-minutes // 5) * 5)


def estimate_leg(
    from_city: str,
    from_pos: tuple[float, float],
    to_city: str,
    to_pos: tuple[float, float],
    level: str = "moderate",
) -> Leg:
    """Rail up to GROUND_MAX_KM, else a flight between the cities' gateway airports."""
    km = km_between(*from_pos, *to_pos)
    factor = PRICE_FACTOR.get(level, 1.0)
    if km <= GROUND_MAX_KM:
        minutes = _round5(40 + km * 1.15 / RAIL_KMH * 60)  # to the station, then the line
        price = round((12 + 0.14 * km) * factor, 2)
        return Leg(
            "transfer",
            "rail",
            f"Train {from_city} → {to_city}",
            f"{from_city} station",
            from_pos,
            f"{to_city} station",
            to_pos,
            km,
            minutes,
            price,
        )
    minutes = _round5(150 + km / FLIGHT_KMH * 60)  # airports at both ends, then the air time
    price = round((70 + 0.085 * km) * factor, 2)
    start, end = gateway(from_city), gateway(to_city)
    codes = f" ({start} → {end})" if start and end else ""
    return Leg(
        "flight",
        "flight",
        f"Flight {from_city} → {to_city}{codes}",
        f"{from_city} airport" + (f" {start}" if start else ""),
        from_pos,
        f"{to_city} airport" + (f" {end}" if end else ""),
        to_pos,
        km,
        minutes,
        price,
    )
