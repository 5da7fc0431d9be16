"""Distances and travel times at city speeds, shared by the planner and the checks."""

from __future__ import annotations

import math

EARTH_RADIUS_KM = 6371.0
DETOUR = 1.3  # streets are not straight lines
WALK_KMH = 4.5
WALK_MAX_KM = 1.5  # beyond this, people take transit
TRANSIT_KMH = 20.0
TRANSIT_WAIT_MIN = 10
CITY_REACH_KM = 30.0  # a place "in" a city
DAY_TRIP_REACH_KM = 200.0


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return EARTH_RADIUS_KM * 2 * math.asin(math.sqrt(min(1.0, a)))


def travel_minutes(km: float) -> int:
    """Minutes to get somewhere ``km`` away in a city: walking when short, transit otherwise.

    Rounded up to five minutes, as a plan shows them.
    """
    street_km = km * DETOUR
    if street_km <= WALK_MAX_KM:
        minutes = street_km / WALK_KMH * 60
    else:
        minutes = TRANSIT_WAIT_MIN + street_km / TRANSIT_KMH * 60
    return max(5, math.ceil(minutes / 5.0) * 5) if km > 0.05 else 0


def travel_mode(km: float) -> str:
    return "walk" if km * DETOUR <= WALK_MAX_KM else "transit"
