"""One trip, one display currency (whole turns): the budget's, else the first city's; every
price in it, the local price in brackets; the reply and the exports agree."""

from __future__ import annotations

import re

import pytest
from plans import chat_plan

from tripdesigner_kernel.trip import exports, model


@pytest.mark.parametrize(
    ("message", "currency", "local"),
    [
        ("New York 4 days, budget 3000 euros", "EUR", "USD"),
        ("Prague, Vienna and Budapest, 9 days", "CZK", "EUR"),
        ("London 3 days and Paris 3 days", "GBP", "EUR"),
        ("Tokyo for 5 days, our budget is $4000", "USD", "JPY"),
        ("Zurich then Milan, 6 days, budget 5000 CHF", "CHF", "EUR"),
    ],
)
def test_every_price_is_in_the_trip_currency_with_the_local_price_in_brackets(
    message: str, currency: str, local: str
) -> None:
    itinerary, reply = chat_plan(message)
    assert itinerary["budget"]["currency"] == currency
    assert itinerary["estimated_total"]["currency"] == currency
    priced = [s for s in itinerary["segments"] if s.get("price")]
    assert priced and all(s["price"]["currency"] == currency for s in priced)
    converted = [s for s in priced if "local_price" in s["details"]]
    assert any(s["details"]["local_price"]["currency"] == local for s in converted)
    # The reply: every amount it shows outside brackets is in the trip's currency.
    for line in reply.splitlines():
        if line.startswith(("Stay:", "\nEstimated", "Estimated")):
            outside = re.sub(r"\([^)]*\)", "", line)
            codes = set(re.findall(r"\d[\d,.]* ([A-Z]{3})\b", outside))
            assert codes <= {currency}, line
    stays = [line for line in reply.splitlines() if line.startswith("Stay:")]
    if any(s["type"] == "hotel" and "local_price" in s["details"] for s in priced):
        assert any(f"{currency} (" in line and local in line for line in stays), stays
    markdown = exports.export(model.Itinerary.from_json(itinerary), "md")
    for line in markdown.splitlines():
        outside = re.sub(r"\([^)]*\([^)]*\)[^)]*\)|\([^)]*\)", "", line)
        assert set(re.findall(r"\d[\d,.]* ([A-Z]{3})\b", outside)) <= {currency}, line
    ics = exports.export(model.Itinerary.from_json(itinerary), "ics")
    for price in re.findall(r"Estimated price: [\d,.]+ ([A-Z]{3})", ics):
        assert price == currency
