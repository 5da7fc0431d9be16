"""Daylight: sunrise and civil dusk for a place and a date (the ``astral`` package)."""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache

MINUTES_PER_DAY = 24 * 60


def _minutes(moment: datetime, day: date) -> int:
    return (moment.date() - day).days * MINUTES_PER_DAY + moment.hour * 60 + moment.minute


@lru_cache(maxsize=16384)
def daylight(lat: float, lon: float, day: date, timezone: str) -> tuple[int, int]:
    """(sunrise, dusk) in minutes after local midnight of ``day`` in ``timezone``.

    Dusk is the end of civil twilight: a park or viewpoint is still fine to walk until then.
    In polar day the whole day, in polar night ``(720, 720)`` (no daylight).
    """
    from zoneinfo import ZoneInfo

    from astral import Observer
    from astral.sun import dusk, sunrise

    zone = ZoneInfo(timezone)
    where = Observer(latitude=lat, longitude=lon)
    try:
        rise = _minutes(sunrise(where, day, tzinfo=zone), day)
        dark = _minutes(dusk(where, day, tzinfo=zone), day)
    except ValueError:  # the sun never rises or never sets that day
        summer = (lat > 0) == (4 <= day.month <= 9)
        return (0, MINUTES_PER_DAY) if summer else (720, 720)
    return rise, dark
