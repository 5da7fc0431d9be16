"""Currency conversion offline: ECB reference rates (``currencyconverter``), plus a few pegs.

The ECB publishes no rate for some of our destinations' currencies; for those we
keep approximate rates per US dollar, dated, and say so in the plan.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from typing import Any

# Units per 1 USD, approximate, checked 2026-11. Used only where the ECB has no rate.
FALLBACK_PER_USD = {
    "AED": Decimal("3.6725"),
    "ARS": Decimal("1450"),
    "CLP": Decimal("940"),
    "CUP": Decimal("24"),
    "EGP": Decimal("48.5"),
    "KES": Decimal("129"),
    "MAD": Decimal("9.3"),
    "PEN": Decimal("3.4"),
    "TWD": Decimal("31.5"),
    "VND": Decimal("26000"),
    "QAR": Decimal("3.64"),
    "SAR": Decimal("3.75"),
    "COP": Decimal("3900"),
    "IDR": Decimal("16500"),
    "ISK": Decimal("138"),
}


class UnknownCurrencyError(ValueError):
    """A currency we have no rate for."""


@cache
def _converter() -> Any:
    from currency_converter import CurrencyConverter

    # fallback_on_missing_rate: weekends and holidays take the nearest rate.
    return CurrencyConverter(fallback_on_missing_rate=True, fallback_on_wrong_date=True)


def _usd_per_unit(currency: str) -> Decimal:
    if currency == "USD":
        return Decimal(1)
    converter = _converter()
    if currency in converter.currencies:
        return Decimal(str(converter.convert(1, currency, "USD")))
    if currency in FALLBACK_PER_USD:
        return Decimal(1) / FALLBACK_PER_USD[currency]
    raise UnknownCurrencyError(f"No exchange rate for {currency}.")


def convert(amount: Decimal, source: str, target: str) -> Decimal:
    """``amount`` of ``source`` in ``target``, rounded to whole cents."""
    if source == target:
        return amount
    usd = amount * _usd_per_unit(source)
    result = usd / _usd_per_unit(target)
    return result.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def known(currency: str) -> bool:
    try:
        _usd_per_unit(currency)
    except UnknownCurrencyError:
        return False
    return True
