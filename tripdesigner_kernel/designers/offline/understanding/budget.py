"""Money: a budget amount and currency in any order, a budget level."""

from __future__ import annotations

import re
from decimal import Decimal

from tripdesigner_kernel.designers.offline.understanding.numbers import find_phrases
from tripdesigner_kernel.designers.offline.understanding.request import TripRequest
from tripdesigner_kernel.designers.offline.vocabulary import (
    BUDGET_WORDS,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
)


def read_budget(text: str, folded: str, request: TripRequest) -> None:
    symbol = re.search(r"([$€£¥₩₹])\s?(\d[\d,. ]*\d|\d)(k?)\b", text)
    code_after = re.search(r"\b(\d[\d,]*)(k?) ?([a-z]{3}|dollars|euros?|pounds|yen)\b", folded)
    code_before = re.search(r"\b([a-z]{3}) ?(\d[\d,]*)(k?)\b", folded)
    amount = currency = None
    if symbol:
        amount, currency = symbol[2], CURRENCY_SYMBOLS[symbol[1]]
        thousands = symbol[3]
    elif code_after and code_after[3] in CURRENCY_WORDS:
        amount, thousands, currency = code_after[1], code_after[2], CURRENCY_WORDS[code_after[3]]
    elif code_before and code_before[1] in CURRENCY_WORDS:
        amount, thousands, currency = code_before[2], code_before[3], CURRENCY_WORDS[code_before[1]]
    if amount is not None:
        value = Decimal(re.sub(r"[,. ]", "", amount))
        request.budget_amount = value * 1000 if thousands else value
        request.budget_currency = currency
    levels = find_phrases(folded, BUDGET_WORDS)
    if (
        amount is not None
        and levels == ["budget"]
        and not re.search(r"\bbudget (trip|travel)", folded)
    ):
        levels = []  # "budget $6000": the noun, not the level
    if levels:
        request.budget_level = levels[0]
