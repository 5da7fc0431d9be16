"""Which items of a plan a phrase names: "the museum on day 2", "the second museum", "the
last thing on day 3", "the dinner on day 1", "lunch tomorrow", "the Rijksmuseum".

Read against the itinerary as it is: a day (by number, first/last, today or tomorrow), a kind
(museum, church, park, lunch, dinner...), a position (first, second, last) or a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from tripdesigner_kernel.knowledge.text import fold
from tripdesigner_kernel.trip import model

ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}
_ORDINAL = "|".join(ORDINALS)
# Kind words -> the categories they name (activities); "any" is every visit.
KINDS: dict[str, tuple[str, ...]] = {
    "museum": ("museum",),
    "gallery": ("museum",),
    "church": ("religious",),
    "cathedral": ("religious",),
    "temple": ("religious",),
    "mosque": ("religious",),
    "shrine": ("religious",),
    "synagogue": ("religious",),
    "park": ("park", "nature"),
    "garden": ("park", "nature"),
    "market": ("market", "food_street"),
    "viewpoint": ("viewpoint",),
    "view": ("viewpoint",),
    "beach": ("beach",),
    "shop": ("shopping",),
    "shopping": ("shopping",),
    "show": ("entertainment",),
    "day trip": ("day_trip",),
    "excursion": ("day_trip",),
    "walk": ("neighbourhood",),
    "neighbourhood": ("neighbourhood",),
    "neighborhood": ("neighbourhood",),
    "bar": ("nightlife",),
    "club": ("nightlife",),
    "sight": ("any",),
    "thing": ("any",),
    "place": ("any",),
    "activity": ("any",),
    "visit": ("any",),
    "stop": ("any",),
    "attraction": ("any",),
}
MEALS = ("breakfast", "lunch", "dinner")
_MEAL_WORDS = {"meal": None, "restaurant": None, **{m: m for m in MEALS}}
_PLURAL = {"gallery": "galleries", "activity": "activities", "church": "churches"}
_PLURAL.update({"beach": "beaches", "synagogue": "synagogues", "excursion": "excursions"})


def _plural(word: str) -> str:
    return _PLURAL.get(word, word + "s")


_KIND_RE = re.compile(
    r"\b("
    + "|".join(sorted({*KINDS, *_MEAL_WORDS, *map(_plural, [*KINDS, *_MEAL_WORDS])}, key=len)[::-1])
    + r")\b"
)
DAY_WORDS = re.compile(
    rf"\bday (\d{{1,2}})\b|\b(?:the )?({_ORDINAL}|last|final) day\b|\b(tomorrow|today|tonight)\b"
)


def names_an_item(folded: str) -> bool:
    """Whether a (folded) phrase names a kind of plan item ("museum", "dinner")."""
    return bool(_KIND_RE.search(folded))


@dataclass
class DayRef:
    """A day of the trip a message names: its number, and how "tomorrow" was read."""

    number: int | None = None
    note: str = ""


def day_named(folded: str, itinerary: model.Itinerary, today: date) -> DayRef:
    """The day of ``itinerary`` a (folded) message names, if any.

    "Today" and "tomorrow" count from ``today`` during the trip; before it starts, day 1 is
    taken as today, and the note says which day was meant.
    """
    match = DAY_WORDS.search(folded)
    if match is None or itinerary.start_date is None or itinerary.end_date is None:
        return DayRef()
    count = (itinerary.end_date - itinerary.start_date).days + 1
    if match[1]:
        return DayRef(int(match[1]))
    if match[2]:
        return DayRef(count if match[2] in ("last", "final") else ORDINALS[match[2]])
    word = match[3]
    offset = 1 if word == "tomorrow" else 0
    if itinerary.start_date <= today <= itinerary.end_date:
        return DayRef((today - itinerary.start_date).days + 1 + offset)
    number = 1 + offset
    when = "before the trip starts" if today < itinerary.start_date else "after the trip"
    day = itinerary.start_date.toordinal() + number - 1
    return DayRef(
        number,
        f"Today is {when}, so I took {word} as day {number} of the trip "
        f"({date.fromordinal(day):%a %d %b}).",
    )


@dataclass
class Found:
    """What a phrase picked out: ``items`` to act on, else ``choices`` to ask between
    (names), else ``problem`` saying why nothing matched."""

    items: list[model.Segment] = field(default_factory=list)
    choices: list[str] = field(default_factory=list)
    what: str = ""  # "museum on day 2", for the question
    problem: str = ""
    day_note: str = ""


def _kind_of(word: str) -> tuple[str, bool]:
    """The kind key a (maybe plural) word names, and whether it was plural."""
    for key in [*KINDS, *_MEAL_WORDS]:
        if word == key:
            return key, False
        if word == _plural(key):
            return key, True
    return word, False


def _is_kind(segment: model.Segment, kind: str) -> bool:
    if kind in _MEAL_WORDS:
        meal = _MEAL_WORDS[kind]
        return segment.type == "meal" and (meal is None or segment.details.get("meal") == meal)
    categories = KINDS[kind]
    if segment.type != "activity":
        return False
    return "any" in categories or segment.category in categories or f"{kind}s" in segment.tags


def find_items(phrase: str, itinerary: model.Itinerary, today: date) -> Found:
    """The plan items ``phrase`` (folded) names: by name first, else by day, kind, position."""
    from tripdesigner_kernel.designers.offline.plan_answers import places_named

    visits = [s for s in itinerary.segments if s.type in ("activity", "meal")]
    whole = [s for s in visits if len(fold(s.name)) > 3 and fold(s.name) in phrase]
    # A kind word ("museum") names a kind, not the one place whose name has it.
    bare = _KIND_RE.sub(" ", DAY_WORDS.sub(" ", phrase))
    return _items_named(phrase, itinerary, today, whole or places_named(bare, visits))


def _items_named(
    phrase: str, itinerary: model.Itinerary, today: date, places: list[model.Segment]
) -> Found:
    """The plan items ``phrase`` (folded) names; ``places``: those it names by name."""
    assert itinerary.start_date is not None
    day = day_named(phrase, itinerary, today)
    days = (itinerary.end_date - itinerary.start_date).days + 1 if itinerary.end_date else 0
    if day.number is not None and not 1 <= day.number <= days:
        return Found(problem=f"The trip has {days} days, so there is no day {day.number}.")

    def day_of(segment: model.Segment) -> int:
        return (segment.start.date() - itinerary.start_date).days + 1  # type: ignore[operator]

    visits = sorted(
        (s for s in itinerary.segments if s.type in ("activity", "meal")), key=lambda s: s.start
    )
    on_day = [s for s in visits if day.number is None or day_of(s) == day.number]
    where = f" on day {day.number}" if day.number else ""
    if places:
        named = [s for s in places if day.number is None or day_of(s) == day.number]
        if not named:
            return Found(problem=f"{places[0].name} is not on day {day.number}.")
        return Found(items=named, day_note=day.note)
    kind_word = _KIND_RE.search(phrase)
    kind, plural = _kind_of(kind_word[1]) if kind_word else ("thing", False)
    if not kind_word and day.number is None:
        return Found(problem="")
    wanted = [s for s in on_day if _is_kind(s, kind)]
    if not wanted:
        listed = ", ".join(s.name for s in on_day) or "nothing"
        return Found(problem=f"I found no {kind}{where} in the plan{where and f' ({listed})'}.")
    position = re.search(rf"\b({_ORDINAL}|last|final)\b(?! day)", phrase)
    if position:
        at = -1 if position[1] in ("last", "final") else ORDINALS[position[1]] - 1
        if at >= len(wanted):
            return Found(problem=f"There are only {len(wanted)} {_plural(kind)}{where}.")
        return Found(items=[wanted[at]], day_note=day.note)
    if plural or re.search(rf"\b(?:all|both|every) (?:the )?{kind}", phrase):
        return Found(items=wanted, day_note=day.note)
    if len(wanted) == 1:
        return Found(items=wanted, day_note=day.note)
    what = f"{len(wanted)} {_plural(kind)}{where}"
    return Found(choices=[s.name for s in wanted], what=what, day_note=day.note)
