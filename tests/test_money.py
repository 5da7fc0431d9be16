"""Currency conversion offline: every ISO 4217 currency in current use, pegs exact."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal

import pytest

from tripdesigner_kernel.knowledge import money
from tripdesigner_kernel.knowledge.cities import countries


def test_every_current_currency_converts() -> None:
    current = money.current_currencies()
    assert len(current) > 140
    for code in current:
        assert money.convert(Decimal(10**7), code, "USD") > 0, code
        assert money.convert(Decimal(100), "EUR", code) > 0, code


def test_every_country_currency_converts() -> None:
    for iso, info in countries().items():
        if info["currency"]:  # Antarctica has none
            assert money.known(info["currency"]), (iso, info["currency"])


@pytest.mark.parametrize(
    ("amount", "source", "target", "expected"),
    [
        (Decimal("3.6725"), "AED", "USD", Decimal("1.00")),  # peg
        (Decimal("375"), "SAR", "USD", Decimal("100.00")),
        (Decimal("655.957"), "XOF", "EUR", Decimal("1.00")),
        (Decimal("195.583"), "BGN", "EUR", Decimal("100.00")),  # the euro since 2026
        (Decimal("100"), "BND", "SGD", Decimal("100.00")),  # pegged to another peg's base
    ],
)
def test_pegs(amount: Decimal, source: str, target: str, expected: Decimal) -> None:
    assert money.convert(amount, source, target) == expected


@pytest.mark.parametrize("code", ["UZS", "JOD", "OMR", "HNL", "BGN"])
def test_currencies_that_once_failed_a_turn(code: str) -> None:
    assert money.convert(Decimal(1000), code, "USD") > 0


def test_estimates_are_marked_and_unknown_codes_raise() -> None:
    assert money.estimated("UZS") and not money.estimated("AED") and not money.estimated("JPY")
    with pytest.raises(money.UnknownCurrencyError, match="XYZ"):
        money.convert(Decimal(1), "XYZ", "USD")


def test_bulgaria_uses_the_euro() -> None:
    assert countries()["BG"]["currency"] == "EUR"


@pytest.mark.parametrize(
    "message",
    [
        "5 days in Tashkent, budget 5,000,000 UZS",
        "4 days in Amman for 2, 800 JOD",
        "3 days in Muscat, 300 OMR",
        "Tegucigalpa 3 days with 10000 lempiras",
        "Sofia 3 days, 500 leva",
        "Dakar 4 days, 500000 CFA francs",
    ],
)
def test_a_turn_never_fails_for_want_of_a_rate(message: str) -> None:
    """Through the command line, as a person would: once 'No exchange rate for BGN'."""
    command = ["chat", "--today", "2026-11-24", "--format", "json", message]
    done = subprocess.run(
        [sys.executable, "-m", "tripdesigner_kernel", *command],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    itinerary = json.loads(done.stdout)["itinerary"]
    assert itinerary["segments"] and itinerary["budget"]["amount"]
