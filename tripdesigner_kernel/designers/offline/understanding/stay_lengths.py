"""How long each city of a trip is stayed in: "3 nights prague 2 vienna 3 budapest",
"3 days in Rome then 2 in Florence then Venice 2", "den haag + amsterdam, 2 nights each".

A length may come before its city ("3 nights Prague", "2 in Florence") or after it
("Rome 3 days", "Venice: 2", "Lisbon (a night)"). A number between two cities could
belong to either; the message's own habit decides, taken from the lengths that can only
belong to one city. A bare number counts only next to a city, in the unit of the nearest
length said with one ("3 nights prague 2 vienna": 2 nights).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tripdesigner_kernel.designers.offline.understanding.date_ranges import MONTH
from tripdesigner_kernel.designers.offline.understanding.numbers import NUM, number

MAX_STAY = 30
_COUNT = rf"(?:{NUM[1:-1]})"
_UNIT = r"(?:nights?|nts?|days?|weeks?|wks?)"
# "3 nights", "3-night", "a week", "3n", "2d"
_WITH_UNIT = (
    rf"(?:(?P<count>{_COUNT})[ -]?(?P<unit>{_UNIT})\b|(?P<digits>\d{{1,2}})(?P<short>[nd])\b)"
)
_ANY_LENGTH = rf"(?:{_COUNT}[ -]?{_UNIT}\b|\d{{1,2}}[nd]\b)"
_BARE = r"(?P<bare>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\b"
# What a number next to a city must not be: a party, money, a time, a date, a rating...
_NOT_A_STAY_AFTER = re.compile(
    rf"\s*(?:-\s*\d|(?:(?:st|nd|rd|th)\b)?\s*(?:of\s+)?{MONTH}\b|[%:/.,]\d|[$€£¥₹]|k\b|st\b|nd\b|rd\b|th\b|(?:adults?|people|persons?|ppl|pax|"
    r"kids?|child|children|travell?ers?|guests?|of us|eur\w*|usd|gbp|dollars?|pounds?|"
    r"bucks|grand|am|pm|h|hours?|hrs?|mins?|minutes?|stars?|rooms?|years?|yrs?|"
    r"from (?:now|today)|time|later|ago|away|before|after|ahead|prior|notice|"
    rf"{MONTH[1:-1]})\b)",
    re.IGNORECASE,
)
_NOT_A_STAY_BEFORE = re.compile(
    rf"(?:[$€£¥₹:/.\d]|\b{MONTH}\.?\s|\b(?:at|by|until|till|from|on|the)\s)$",
    re.IGNORECASE,
)
# "2 nights each", "3 days in each", "two nights per city", "each for 2 nights"
_EACH = re.compile(
    rf"\b{_ANY_LENGTH}\s*(?:each|apiece|a piece|(?:in |at )?(?:each|every)(?: city| place| stop"
    rf"| one)?|per (?:city|place|stop|destination))\b"
    rf"|\beach (?:for |with )?{_ANY_LENGTH}",
    re.IGNORECASE,
)
# A length before its city: "3 nights prague", "2 in Florence", "3 days at Lake Bled".
_BEFORE = re.compile(
    rf"(?:\b{_WITH_UNIT}|\b{_BARE})\s*(?:(?:in|at|of|for)\s+)?(?:the city of\s+)?$",
    re.IGNORECASE,
)
# A length after its city: "Rome 3 days", "Venice: 2", "Lisbon (a night)", "Porto for 2n".
_AFTER = re.compile(
    rf"^\s*(?:(?:[,:(\-=x]\s*|for\s+)?\b{_WITH_UNIT}|(?:[,:(\-=x]\s*)?{_BARE})",
    re.IGNORECASE,
)  # "Porto for 2" is a party, "Porto for 2 nights" a stay


# A trip's length right after a name says the name is a place ("Barcelona long weekend",
# "Porto three days", "Nice, a week"), as "in" before it does.
LENGTH_AFTER = re.compile(
    rf"\s*,?\s*(?:(?:a |one |the )?(?:long|short|quick|extended|lazy|mini|city)[ -]"
    rf"(?:weekend|break|trip|getaway|stay|visit|holiday|vacation)|fortnight|"
    rf"(?:a |an )?(?:few|couple of|several) (?:days|nights)|{_ANY_LENGTH})",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class StayLength:
    """A length said for one city: ``count`` days or nights (``nights`` True), and the
    span of the text that said it."""

    count: int
    nights: bool
    start: int
    end: int


def _length(match: re.Match[str], offset: int, unit: str | None) -> StayLength | None:
    """The length a match says; a bare number takes ``unit`` ("nights" or "days")."""
    word = match["count"] or match["digits"] or match["bare"]
    if word is None:
        return None
    said = (match["unit"] or match["short"] or "").lower()
    count = number(word)
    if said.startswith("w"):
        count, said = 7 * count, "days"
    if not said and match["bare"] and unit is None:
        return None
    nights = said.startswith("n") if said else unit == "nights"
    if not 1 <= count <= MAX_STAY:
        return None
    group = "count" if match["count"] else "digits" if match["digits"] else "bare"
    start = match.start(group)
    return StayLength(count, nights, offset + start, offset + match.end())


def each_length(text: str) -> StayLength | None:
    """A length said for every city: "2 nights each", "3 days in each city"."""
    match = _EACH.search(text)
    if not match:
        return None
    said = re.search(_WITH_UNIT, match[0], re.IGNORECASE)
    assert said is not None
    count = number(said["count"] or said["digits"])
    unit = (said["unit"] or said["short"]).lower()
    if unit.startswith("w"):
        count, unit = 7 * count, "d"
    if not 1 <= count <= MAX_STAY:
        return None
    return StayLength(count, unit.startswith("n"), match.start(), match.end())


def _unit_near(text: str, at: int) -> str:
    """The unit of the length said with one nearest before ``at`` (else after): a bare
    number is counted in it. Days when the message says none."""
    units = [
        (m.start(), (m["unit"] or m["short"]).lower())
        for m in re.finditer(rf"\b{_WITH_UNIT}", text, re.IGNORECASE)
        if m["unit"] or m["short"]
    ]
    before = [u for s, u in units if s < at]
    after = [u for s, u in units if s >= at]
    unit = (before[-1] if before else after[0]) if units else "d"
    return "nights" if unit.startswith("n") else "days"


def _candidates(
    text: str, spans: list[tuple[int, int]], at: int
) -> tuple[StayLength | None, StayLength | None]:
    """The length just before and just after the city at ``spans[at]``, within its gaps."""
    start, end = spans[at]
    floor = spans[at - 1][1] if at else 0
    ceiling = spans[at + 1][0] if at + 1 < len(spans) else len(text)
    before_text = text[floor:start]
    found_before = _BEFORE.search(before_text)
    before = None
    if found_before and not _NOT_A_STAY_BEFORE.search(text[: floor + found_before.start()]):
        unit = _unit_near(text, floor + found_before.start())
        before = _length(found_before, floor, unit)
    found_after = _AFTER.match(text[end:ceiling])
    after = None
    if found_after and not _NOT_A_STAY_AFTER.match(text[end + found_after.end() :]):
        after = _length(found_after, end, _unit_near(text, end + found_after.start()))
    if after is not None and re.match(
        r"\s*(?:in )?(?:total|overall|altogether|in all)\b", text[after.end :], re.IGNORECASE
    ):
        after = None  # "Sydney and Melbourne, 8 days in total": the trip's, not one city's
    return before, after


def stay_lengths(text: str, spans: list[tuple[int, int]]) -> list[StayLength | None]:
    """The length said for each city named at ``spans`` (character offsets, in order)."""
    text = re.sub(r"[\u2013\u2014]", "-", text)
    each = each_length(text)
    if each is not None:  # its words are no one city's length
        text = text[: each.start] + " " * (each.end - each.start) + text[each.end :]
    candidates = [_candidates(text, spans, at) for at in range(len(spans))]
    spans_after = [(c.start, c.end) for _, c in candidates if c is not None]
    shared = {(c.start, c.end) for c, _ in candidates if c is not None} & set(spans_after)
    chosen: list[StayLength | None] = [None] * len(spans)
    habit: str | None = None
    for at, (before, after) in enumerate(candidates):
        sure = [
            (side, c)
            for side, c in (("before", before), ("after", after))
            if c is not None and (c.start, c.end) not in shared
        ]
        if len(sure) == 1:
            chosen[at] = sure[0][1]
            habit = habit or sure[0][0]
    taken = {(c.start, c.end) for c in chosen if c is not None}
    for at, (before, after) in enumerate(candidates):
        if chosen[at] is not None:
            continue
        order = (before, after) if habit != "after" else (after, before)
        for candidate in order:
            if candidate is not None and (candidate.start, candidate.end) not in taken:
                chosen[at] = candidate
                taken.add((candidate.start, candidate.end))
                break
    if each is not None:
        chosen = [c or each for c in chosen]
    return chosen
