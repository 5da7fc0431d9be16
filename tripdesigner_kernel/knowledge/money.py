"""Currency conversion offline: one day of ECB reference rates, plus a few dated fallbacks.

``data/rates.json`` is a snapshot made by ``scripts/build_rates.py``. The ECB
publishes no rate for some of our destinations' currencies; for those we keep
approximate rates per US dollar, dated, and plans say totals are estimates.
"""

from __future__ import annotations

import json
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from importlib import resources

# Units per 1 USD, approximate, checked 2026-11. Used only where the ECB has no rate.
FALLBACK_PER_USD = {
    "AED": Decimal("3.6725"), "ARS": Decimal("1450"), "CLP": Decimal("940"),
    "CUP": Decimal("24"), "EGP": Decimal("48.5"), "KES": Decimal("129"),
    "MAD": Decimal("9.3"), "PEN": Decimal("3.4"), "TWD": Decimal("31.5"),
    "VND": Decimal("26000"), "QAR": Decimal("3.64"), "SAR": Decimal("3.75"),
    "COP": Decimal("3900"),
}  # fmt: skip


class UnknownCurrencyError(ValueError):
    """A currency we have no rate for."""


@cache
def _per_eur() -> dict[str, Decimal]:
    path = resources.files("tripdesigner_kernel.knowledge") / "data" / "rates.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    rates = {code: Decimal(str(rate)) for code, rate in data["per_eur"].items()}
    rates["EUR"] = Decimal(1)
    usd = rates["USD"]
    for code, per_usd in FALLBACK_PER_USD.items():
        rates.setdefault(code, per_usd * usd)
    return rates


def rates_date() -> str:
    """The day of the ECB rates in use."""
    path = resources.files("tripdesigner_kernel.knowledge") / "data" / "rates.json"
    return str(json.loads(path.read_text(encoding="utf-8"))["date"])


def convert(amount: Decimal, source: str, target: str) -> Decimal:
    """``amount`` of ``source`` in ``target``, rounded to whole cents."""
    if source == target:
        return amount
    rates = _per_eur()
    for code in (source, target):
        if code not in rates:
            raise UnknownCurrencyError(f"No exchange rate for {code}.")
    result = amount / rates[source] * rates[target]
    return result.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def known(currency: str) -> bool:
    return currency in _per_eur()
