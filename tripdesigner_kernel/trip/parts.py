"""Small builders the planner modules share: money, locations and local timestamps."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo

from tripdesigner_kernel.knowledge.places import CityPlaces
from tripdesigner_kernel.trip import model


def money(amount: float, currency: str) -> model.Money:
    """``amount`` rounded as a price is shown: whole units from 100 up, else cents."""
    value = Decimal(str(amount)).quantize(
        Decimal("1") if amount >= 100 else Decimal("0.01"), rounding=ROUND_HALF_UP
    )
    return model.Money(amount=value, currency=currency)


def in_currency(segments: list[model.Segment], currency: str) -> None:
    """Every price of ``segments`` in ``currency`` (ISO 4217), the trip's one display
    currency; the price as charged, in the local currency, is kept as ``details["local_price"]``.
    A price whose currency we cannot convert stays as it is."""
    from tripdesigner_kernel.knowledge.money import convert, known

    if not known(currency):
        return
    for segment in segments:
        price = segment.price
        if price is None or price.currency == currency or not known(price.currency):
            continue
        converted = convert(price.amount, price.currency, currency)
        segment.details["local_price"] = {"amount": str(price.amount), "currency": price.currency}
        segment.price = money(float(converted), currency)


def location(name: str, lat: float, lon: float, city: CityPlaces) -> model.Location:
    """A named point in ``city``."""
    return model.Location(name=name, lat=lat, lon=lon, city=city.city, country=city.country)


def stamp(day: date, minutes: int, zone: ZoneInfo) -> datetime:
    """``minutes`` after local midnight of ``day`` in ``zone`` (may run past midnight)."""
    return datetime.combine(day, time(0, 0), zone) + timedelta(minutes=minutes)
