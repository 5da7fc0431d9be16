"""A budget kept as amount and currency however it is written ("400e", "€400", "400EUR",
"1.5k", "£1,200"), and a plan over it said so in the reply. Run through whole turns."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from tripdesigner_kernel.kernel import KernelState, Reply


def _chat(*turns: str) -> tuple[list[Reply], dict[str, Any]]:
    state = KernelState()
    state.settings.today = "2026-11-24"
    state.new_session()
    replies = [state.chat(turn) for turn in turns]
    assert state.current_session_id is not None
    return replies, state.sessions.get(state.current_session_id).profile


@pytest.mark.parametrize(
    ("message", "amount", "currency", "scope"),
    [
        ("4 days in Vienna, budget 400e", 400, "EUR", "total"),
        ("€400 for 4 days in Vienna", 400, "EUR", "total"),
        ("vienna 4 days 400 eur", 400, "EUR", "total"),
        ("4 days in Vienna, max 400EUR", 400, "EUR", "total"),
        ("Vienna for 4 days, 400 euros pp", 400, "EUR", "per_person"),
        ("4 days in Vienna, 1.5k", 1500, "EUR", "total"),
        ("4 days in Vienna with 2k usd", 2000, "USD", "total"),
        ("4 days in Vienna, £1,200 all in", 1200, "GBP", "total"),
        ("4 days in Vienna, 250usd per day", 250, "USD", "per_day"),
    ],
)
def test_the_budget_is_kept_as_amount_and_currency(
    message: str, amount: int, currency: str, scope: str
) -> None:
    replies, profile = _chat(message)
    budget = profile["budget"]
    assert (Decimal(budget["amount"]), budget["currency"], budget["scope"]) == (
        amount,
        currency,
        scope,
    )
    itinerary = replies[0].itinerary
    assert itinerary is not None
    # the plan's budget is the whole trip's: 2 travellers (assumed), 4 days
    whole = amount * {"total": 1, "per_person": 2, "per_day": 4}[scope]
    assert itinerary["budget"]["amount"] == whole
    assert itinerary["budget"]["currency"] == currency
    assert f"up to {amount:,} {currency}" in str(replies[0]).split("\n")[0]


def test_a_budget_without_a_currency_is_said_as_assumed() -> None:
    replies, profile = _chat("4 days in Vienna, 1.5k")
    assert "currency" in profile["assumed"]
    assert "assumed: budget in EUR" in str(replies[0]).split("\n")[0]
    replies, profile = _chat("from Boston, 4 days in Vienna, budget 1500")
    assert profile["budget"]["currency"] == "USD"  # the person's own money, we guess


@pytest.mark.parametrize(
    "message",
    ["4 days in Vienna for 2, budget 400e", "3 nights in Rome, 300EUR", "Paris 4 days 200€"],
)
def test_a_plan_over_the_budget_says_so(message: str) -> None:
    replies, _ = _chat(message)
    itinerary = replies[0].itinerary
    assert itinerary is not None
    total, budget = itinerary["estimated_total"], itinerary["budget"]
    assert total["currency"] == budget["currency"] and total["amount"] > budget["amount"]
    text = str(replies[0])
    assert "Even at the budget level the estimate" in text
    assert f"{total['amount'] - budget['amount']:.0f} {budget['currency']} over the budget" in text
