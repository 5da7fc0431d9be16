"""Money: a budget's amount, currency (ISO 4217) and scope, in any order; budget levels.

A message may name several sums ("a Sedan, about 72 USD per day ... keep it under 6666");
each is scored by what surrounds it and the likeliest budget wins: a budget word before
it, a currency, and no hotel or car price around it.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import cache

from tripdesigner_kernel.designers.offline.understanding.numbers import find_phrases
from tripdesigner_kernel.designers.offline.understanding.request import TripRequest
from tripdesigner_kernel.designers.offline.vocabulary import (
    AMBIGUOUS_CURRENCY_WORDS,
    BUDGET_WORDS,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
)
from tripdesigner_kernel.knowledge.text import fold

_AMOUNT = r"(\d{1,3}(?:[,.' \u00a0\u202f]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)"
_SCALE = r"(?:\s?(k|m|mn|thousand|grand|million|lakh|lakhs|lac|crore|crores)\b)?"
# Words before a budget: strong ones name it, weak ones ("about") only when no price is near.
_BUDGET_CUE = (
    r"\b(?:budget\w*|spend\w*|afford|under|below|within|max\w*|at most|up to|not (?:to )?"
    r"exceed|exceeding|cap\w*|limit\w*|total|less than|no more than|allocat\w*|set aside|"
    r"keep (?:it|the \w+|costs?|expenses) (?:\w+ )?(?:under|below|within|to))\b"
)
_WEAK_CUE = r"\b(?:around|about|approx\w*|roughly|have|got|with|fits?|costs?|expenses|over)\b"
# "1.5k budget", "1000 each", "300 a day", "2000 to spend", "2000 in total"
_CUE_AFTER = (
    r"\s?(?:[a-z]{3} )?(?:budget|total|in total|all in|each|per person|pp|a day|per day|"
    r"a head|per head|a person|per traveller|per traveler|per adult|to spend|max|maximum|tops|"
    r"or less|or under)\b"
)
_PRICE_CONTEXT = (
    r"\b(?:rent\w*|seats|hotel|inn|resort|suites?|stay at|per night|a night|nightly|"
    r"star|ticket price)\b"
)
_YEAR_BEFORE = (
    r"(?:\b(?:in|jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|"
    r"dec\w*|\d{1,2}(?:st|nd|rd|th)?),?\s)$"
)
_NOT_MONEY_AFTER = (
    r"\s?(?:days?|nights?|weeks?|months?|years?|hours?|h\b|minutes?|km|miles?|people|"
    r"persons?|adults?|kids|children|travell?ers|stars?|cities|rooms?|hotel|pm|am|"
    r"st|nd|rd|th|%|percent|of us|feet|ft|m\b|s\b)"  # "in their 70s"
)


@cache
def _currency_words() -> dict[str, str]:
    """Folded names -> code: Babel's English names of current currencies, then ours."""
    from tripdesigner_kernel.knowledge.money import currency_names, current_currencies

    words = {fold(name): code for name, code in currency_names().items()}
    words.update({code.lower(): code for code in current_currencies()})
    words.update({"bgn": "BGN", "hrk": "HRK"})  # retired, still named
    words.update(CURRENCY_WORDS)
    return words


@cache
def _symbol_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    from tripdesigner_kernel.knowledge.money import currency_symbols

    symbols = {**currency_symbols(), **CURRENCY_SYMBOLS}
    symbols.pop("Rs", None)  # matched as a word, below
    alternatives = "|".join(re.escape(s) for s in sorted(symbols, key=len, reverse=True))
    return re.compile(rf"(?<![A-Za-z])({alternatives})"), symbols


@cache
def _word_pattern() -> re.Pattern[str]:
    words = sorted(_currency_words(), key=len, reverse=True)
    return re.compile(r"(" + "|".join(re.escape(w) for w in words) + r")\b")


def _value(amount: str, scale: str | None) -> Decimal | None:
    """ "1,400" -> 1400; "1.500" (European thousands) -> 1500; "56.14" -> 56.14."""
    text = re.sub(r"[' \u00a0\u202f]", "", amount)
    if re.fullmatch(r"\d{1,3}(?:[,.]\d{3})+", text):
        text = re.sub(r"[,.]", "", text)
    elif re.fullmatch(r"\d{1,3}(?:,\d{3})+\.\d{1,2}|\d+\.\d{1,2}", text):
        text = text.replace(",", "")
    elif re.fullmatch(r"\d{1,3}(?:\.\d{3})+,\d{1,2}|\d+,\d{1,2}", text):
        text = text.replace(".", "").replace(",", ".")
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    factor = {"k": 10**3, "thousand": 10**3, "grand": 10**3, "m": 10**6, "mn": 10**6}
    factor.update({"million": 10**6, "lakh": 10**5, "lakhs": 10**5, "lac": 10**5})
    factor.update({"crore": 10**7, "crores": 10**7})
    value *= factor.get(scale or "", 1)
    return value.to_integral_value() if value == value.to_integral_value() else value


def _sums(text: str) -> list[tuple[int, int, Decimal, str | None, str]]:
    """Every sum in ``text``: (start, end, amount, ISO 4217 code or None, the currency as
    written: symbol or folded word)."""
    lowered = text.lower()
    symbol_re, symbols = _symbol_pattern()
    words, word_re = _currency_words(), _word_pattern()
    found = []
    for match in re.finditer(_AMOUNT + _SCALE, lowered):
        start, end = match.span()
        value = _value(match[1], match[2])
        if value is None:
            continue
        currency, token = None, ""
        before = symbol_re.search(text[max(0, start - 4) : start].rstrip())
        if before and text[max(0, start - 4) : start].rstrip().endswith(before[1]):
            currency, token = symbols[before[1]], before[1]
        code_before = re.search(r"\b([a-z]{3}|rs\.?|rp)\s?$", lowered[max(0, start - 5) : start])
        if currency is None and code_before:
            word = code_before[1].rstrip(".")
            currency = {"rs": "INR", "rp": "IDR"}.get(word) or words.get(word)
        after = lowered[end : end + 30]
        symbol_after = symbol_re.match(text[end : end + 30].lstrip())
        word_after = word_re.match(fold(after)) if not re.match(r"\s?\w", after) else None
        word_after = (
            word_after or word_re.match(fold(after[1:])) if after[:1] == " " else word_after
        )
        # "400EUR", "250usd", "400e": a code or an "e" written onto the number
        attached = re.match(r"([a-z]{3}|euros?|e)\b", after)
        if currency is None and symbol_after:
            currency, token = symbols[symbol_after[1]], symbol_after[1]
        elif currency is None and word_after:
            currency, token = words[word_after[1]], word_after[1]
        elif currency is None and attached and (attached[1] in words or attached[1] == "e"):
            currency, token = words.get(attached[1], "EUR"), attached[1]
        if currency is None and re.match(_NOT_MONEY_AFTER + r"\b", after):
            continue
        if currency is None and (re.search(r"[\d:./-]$", lowered[:start]) or value < 20):
            continue  # part of a date or time ("2022-03-13", "10:30"), or a count
        if (
            currency is None
            and re.fullmatch(r"(?:19|20)\d\d", match[1])
            and re.search(_YEAR_BEFORE, lowered[max(0, start - 16) : start])
        ):
            continue  # "in November 2027"
        found.append((start, end, value, currency, token))
    return found


def _score(text: str, start: int, end: int, currency: str | None) -> int:
    """How likely the sum at ``start:end`` is the budget: a currency, a budget word before
    (nearer than any hotel or car word) or after, and no price per night after."""
    lowered = text.lower()
    sentence_start = max(lowered.rfind(c, 0, start) for c in ".?!;") + 1
    before = lowered[sentence_start:start]
    after = re.split(r"[.?!;](?:\s|$)", lowered[end : end + 30])[0]
    # "1.5k", "2 grand": thousands are money more often than anything else in a trip request
    thousands = re.search(r"\d\s?(?:k|grand)$", lowered[start:end])
    score = 2 if currency or thousands else 0
    near = r"[^.?!\d]{0,40}$"
    strong = [m.end() for m in re.finditer(_BUDGET_CUE, before)]
    # a hotel price in an earlier clause ("rooms at 110 EUR a night, 2000 EUR in total")
    # says nothing of this sum
    total_after = re.match(r"\s?(?:[a-z]{3} )?(?:in total|total|all in|budget)\b", after)
    clause_start = before.rfind(", ") + 1 if total_after else 0
    price = [clause_start + m.end() for m in re.finditer(_PRICE_CONTEXT, before[clause_start:])]
    priced = bool(price) and (not strong or price[-1] > strong[-1])
    if (
        (strong and re.match(near, before[strong[-1] :]))
        or (not priced and re.search(_WEAK_CUE + near, before))
        or re.match(_CUE_AFTER, after)
    ):
        score += 3
    if priced or re.search(_PRICE_CONTEXT, after[:25]) or re.match(r"\s?\S*/\s?night", after):
        score -= 4
    return score


def _scope(text: str, end: int) -> str:
    after = fold(text[end : end + 40])
    before = text[max(0, end - 60) : end]
    lowered_before = fold(re.split(r"[.?!;]", before)[-1])
    per_day = re.match(
        r"(?:[a-z]{3} |[a-z]+ )?(?:a|per|each|every|/)\s?day\b|(?:[a-z]+ )?daily\b", after
    ) or re.search(r"\b(?:daily|per day|a day) budget", lowered_before)
    per_person = re.match(
        r"(?:[a-z]{3} |[a-z]+ )?(?:(?:a|per|each|for each) (?:person|head|traveller|traveler|"
        r"pax)|each|pp|apiece|per person|a piece)\b",
        after,
    ) or re.search(r"\b(?:per person|each) (?:budget|of)\b", lowered_before)
    per_day = per_day or re.match(r"\s?(?:[a-z]{3}\s?)?/\s?day\b", text[end : end + 12].lower())
    if per_day and per_person:
        return "per_person_per_day"
    return "per_day" if per_day else "per_person" if per_person else "total"


def _settle(currency: str, token: str, request: TripRequest) -> str:
    """ "Pesos" for a trip to Colombia are Colombian pesos: the currency of the origin (the
    person's own money), else of the destination, that bears the name. "$" alone stays the
    US dollar: "A$", "C$" and the like name the others."""
    candidates = AMBIGUOUS_CURRENCY_WORDS.get(token)
    if not candidates:
        return currency
    from tripdesigner_kernel.knowledge.cities import currency_of

    countries = [request.origin.country] if request.origin else []
    countries += [request.country] if request.country else []
    countries += [s.city.country for s in request.stays]
    for country in countries:
        if country and currency_of(country) in candidates:
            return currency_of(country)
    return currency


# "€80 a night", "150 euros/night", "150 per room (a night)": a room's or the rooms' nightly.
_PER_NIGHT = re.compile(
    r"\s?(?:[a-z]{3,7}\s?)?(?:(?:each|apiece|per room|a room|each room) )?"
    r"(?:/\s?night|(?:a|per|each) night|nightly"
    r"|(?:/\s?|a |per |each )room\b)"
)


def _lodging_per_night(
    text: str, sums: list[tuple[int, int, Decimal, str | None, str]]
) -> tuple[Decimal, str | None] | None:
    """A price a night for the room ("€80 a night for the hotel", "hotels under $150/night")."""
    lowered = text.lower()
    for _start, end, amount, currency, _token in sums:
        if _PER_NIGHT.match(lowered[end : end + 26]):
            return amount, currency
    return None


def _assume_currency(request: TripRequest) -> None:
    """A sum with no currency is in the person's own money, we guess: the origin's, else
    the destination's; the reply says which (``budget_currency_guessed``)."""
    from tripdesigner_kernel.knowledge.cities import currency_of

    country = (
        request.origin.country
        if request.origin
        else request.stays[0].city.country
        if request.stays
        else request.country
    )
    if country:
        request.budget_currency = currency_of(country)
        request.budget_currency_guessed = True


def read_budget(text: str, folded: str, request: TripRequest) -> None:
    """The budget's amount, currency, scope, and level words ("cheap", "luxury"); a nightly
    lodging price apart."""
    found = _sums(text)
    nightly = _lodging_per_night(text, found)
    if nightly:
        request.lodging_per_night, currency = nightly
        request.lodging_currency = _settle(currency, "", request) if currency else None
    lowered = text.lower()
    sums = [
        s
        for s in found
        if _score(text, s[0], s[1], s[3]) >= 2 and not _PER_NIGHT.match(lowered[s[1] : s[1] + 26])
    ]
    if sums:
        best = max(sums, key=lambda s: (_score(text, s[0], s[1], s[3]), -s[0]))
        _start, end, amount, currency, token = best
        request.budget_amount = amount
        request.budget_currency = _settle(currency, token, request) if currency else None
        request.budget_scope = _scope(text, end)
        if currency is None:
            _assume_currency(request)
    levels = find_phrases(folded, BUDGET_WORDS)
    if re.search(
        r"\b(?:no|unlimited|without a|any) budget(?: limit| cap)?\b"
        r"|\b(?:money|price) is no (?:object|issue)\b",
        folded,
    ):
        levels = ["luxury"]
    if sums and levels == ["budget"] and not re.search(r"\bbudget (trip|travel)", folded):
        levels = []  # "budget $6000": the noun, not the level
    if levels:
        request.budget_level = levels[0]
