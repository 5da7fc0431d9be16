"""Follow-ups about one day's shape, or every day's: a free day ("I'll just rest on day 4"),
a lighter day ("less walking on day 2"), a later or earlier start, meals at other times
("dinner around 6 every day", "lunch at 1pm tomorrow").

The day stays in the trip (its hotel night too); only what is named changes, and the other
days keep their places. The wishes go to the planner as ``planner.day_wishes``
(``trip.day_wishes``).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from tripdesigner_kernel.designers.offline.edits import Edit
from tripdesigner_kernel.designers.offline.kind_swaps import kind_swap_edit, swap_for_kind
from tripdesigner_kernel.designers.offline.plan_items import DAY_WORDS, day_named
from tripdesigner_kernel.knowledge.text import fold
from tripdesigner_kernel.trip import model

EVERY_DAY = re.compile(
    r"\b(?:every|each|all (?:the )?|all our) (?:day|days|night|nights|evening|evenings)\b"
    r"|\bdaily\b|\bthroughout\b|\bthe whole trip\b|\balways\b"
)
_FREE = re.compile(
    r"\b(?:just |only )?(?:rest(?! of)|resting|relax|chill|chilling|recover|recovering)\b"
    r"|\b(?:free|lazy|rest|off|empty|quiet) day\b|\bday off\b|\bfree time\b"
    r"|\bnothing (?:planned|scheduled|booked|on)\b|\bno (?:plans|activities|sightseeing|visits)\b"
    r"|\bdo nothing\b|\b(?:keep|leave) (?:[a-z0-9]+ ){0,3}?(?:free|empty|open|clear)\b"
    r"|\bclear (?:out )?(?:day \d{1,2}|the (?:\w+ )?day)\b"
)
_LIGHTER = re.compile(
    r"\b(?:lighter|less (?:walking|packed|busy|hectic|rushed|full|intense|tiring|on)"
    r"|fewer (?:stops|things|sights|visits|activities|places)|not so (?:packed|busy|full|much)"
    r"|too (?:much|packed|busy|full|many|tiring|long)|take it easy|easier|slower|calmer"
    r"|quieter|more relaxed|more relaxing|less (?:to do|stuff)|cut (?:it |that )?down|lighten)\b"
)
# A meal to move: its name, then a time ("at 1pm", "around 6", "by 7") or a way (earlier).
_MEAL = r"(breakfast|lunch|dinner|supper|brunch)"
_TIME = (
    r"(?:(at|around|about|by|before|after|@|~|circa|ca) ?)?"
    r"(?<!day )(\d{1,2})(?:[:.h ](\d{2})(?!\d))? ?(am|pm|h|o ?clock)?"
)
_WAY = r"(earlier|later|sooner|early|late)"
_MEAL_TIME = re.compile(
    rf"\b{_MEAL}\b(?: [a-z]+){{0,4}}? {_TIME}(?!\d| ?(?:days?|people|of us|nights?))"
    rf"|\b{_WAY} {_MEAL}\b|\b{_MEAL}\b(?: (?!and\b)[a-z]+){{0,4}}? {_WAY}\b"
)
_START = re.compile(
    rf"\b{_WAY} start\b|\bstart(?:ing)?(?: the day| (?:on )?day \d{{1,2}}| it)?(?: a bit| an hour)?"
    rf" {_WAY}\b|\b(sleep in|lie in|lay in)\b|\bstart(?:ing)? (?:the day |(?:on )?day \d{{1,2}} )?"
    rf"(?:at|around|about|from) (\d{{1,2}})(?:[:.h ](\d{{2}})(?!\d))? ?(am|pm|h)?\b"
    r"|\bnot (?:too )?early\b"
)
# Edits of the trip as a whole that may come with a day edit ("we're 3 now, and dinner at 7").
KEPT_WITH_DAY_EDITS = frozenset(
    {"party", "origin", "shift", "start_day", "end_shift", "end_day", "leave_day", "add_city"}
    | {"cheaper", "pricier", "cheaper_hotel", "pricier_hotel", "reorder", "undo"}
)
DAY_ACTIONS = frozenset({"free_day", "lighter", "meal_time", "day_start", "swap_kind", "swap_none"})
_LEFT_DAY = re.compile(r"\b(?:a|an|one|the|this|that|1) (?:\w+ )?day\b|\bdays?\b")
_QUESTION = re.compile(r"(?:what|when|where|which|how|is|are|does|do|did|will|why)\b")
_WAYS = {"earlier": "earlier", "sooner": "earlier", "early": "earlier"}
_WAYS.update({"later": "later", "late": "later"})
MOVE_MINUTES = 60  # minutes a day's meal or start moves when only a way was said
MIN_MEAL, MAX_MEAL = 6 * 60, 23 * 60


def _clock(total: int) -> str:
    total = max(0, min(total, 24 * 60 - 1))
    return f"{total // 60:02d}:{total % 60:02d}"


def _hour(hour: str, minute: str | None, suffix: str | None, meal: str) -> int:
    """Minutes from a said hour; "dinner at 6" is 18:00, "lunch at 1" 13:00."""
    value = int(hour) % 24
    if suffix == "pm" and value < 12:
        value += 12
    elif suffix == "am" and value == 12:
        value = 0
    elif suffix not in ("am", "h") and value < 11 and meal != "breakfast":
        value += 12
    return value * 60 + int(minute or 0)


def _window(how: str | None, at: int) -> str:
    """The meal's start window for "at 1", "around 6", "by 7", "after 8"."""
    first, last = {
        "around": (at - 15, at + 15),
        "about": (at - 15, at + 15),
        "~": (at - 15, at + 15),
        "circa": (at - 15, at + 15),
        "ca": (at - 15, at + 15),
        "by": (at - 60, at - 30),
        "before": (at - 75, at - 30),
        "after": (at, at + 45),
    }.get(how or "", (at, at + 10))
    return f"{_clock(max(MIN_MEAL, first))}-{_clock(min(MAX_MEAL, last))}"


def _days_of(folded: str, plan: model.Itinerary, today: date) -> tuple[int | None, str]:
    """The day a message names (0: every day, None: none) and a note on how it was read."""
    if EVERY_DAY.search(folded):
        return 0, ""
    ref = day_named(folded, plan, today)
    return ref.number, ref.note


def read_day_edits(text: str, itinerary: Any, today: date) -> tuple[list[Edit], str]:
    """The day edits ``text`` asks for, and the text left for the other readers (without the
    words these edits took: "make day 3 lighter" asks for no relaxed pace, no 3-day trip)."""
    if not itinerary:
        return [], text
    if _QUESTION.match(fold(text)):  # "is dinner late on day 2?" asks, changes nothing
        return [], text
    swap = kind_swap_edit(text, itinerary, today)
    if swap is not None:  # "swap the museum for something outdoorsy": the whole message
        return [swap], ""
    folded = fold(text)
    plan = model.Itinerary.from_json(dict(itinerary))
    day, _ = _days_of(folded, plan, today)
    edits: list[Edit] = []
    meal = _MEAL_TIME.search(folded)
    if meal and (not meal[1] or meal[2] or meal[4] or meal[5]):  # "dinner at 6", not "dinner 6"
        name = next(g for g in (meal[1], meal[7], meal[8]) if g)
        name = {"supper": "dinner", "brunch": "lunch"}.get(name, name)
        if meal[1]:
            window = _window(meal[2], _hour(meal[3], meal[4], meal[5], name))
        else:
            window = _WAYS.get(meal[6] or meal[9], "later")
        edits.append(Edit("meal_time", day=day or 0, subject=name, to=window))
    start = _START.search(folded)
    if start and not (meal and start.start() >= meal.start() and start.end() <= meal.end()):
        if start[4]:
            way = _clock(_hour(start[4], start[5], start[6] or "am", "breakfast"))
        else:
            way = _WAYS.get(start[1] or start[2], "later")
        edits.append(Edit("day_start", day=day or 0, to=way))
    if day:  # a free or lighter day needs its day named
        if _FREE.search(folded) and not re.search(r"\b(?:remove|delete) (?:the )?day\b", folded):
            edits.append(Edit("free_day", day=day))
        elif _LIGHTER.search(folded):
            edits.append(Edit("lighter", day=day))
    if not edits:
        return [], text
    rest = DAY_WORDS.sub(" ", folded)
    for pattern in (_MEAL_TIME, _START, _FREE, _LIGHTER, EVERY_DAY, _LEFT_DAY):
        rest = pattern.sub(" ", rest)
    return edits, rest


def _times(itinerary: Any, day: int, kind: str) -> list[tuple[int, int]]:
    """(day, minutes) when each day's ``kind`` (a meal, or "start": the first item) begins."""
    found: dict[int, int] = {}
    for segment in (itinerary or {}).get("segments", []):
        details = segment.get("details", {})
        number = details.get("day")
        if number is None or (day and number != day):
            continue
        if kind == "start" and segment["type"] not in ("activity", "meal"):
            continue
        if kind != "start" and details.get("meal") != kind:
            continue
        at = int(segment["start"][11:13]) * 60 + int(segment["start"][14:16])
        found[number] = min(found.get(number, at), at)
    return sorted(found.items())


def apply_day_edit(profile: Any, edit: Edit, current: dict[int, list[str]], itinerary: Any) -> str:
    """Write ``edit`` into ``profile.planner.day_wishes`` and pin the days' places (so the
    places stay where they still fit); returns the note for the reply."""
    if edit.action == "swap_none":
        return edit.note
    if edit.action == "swap_kind":
        return swap_for_kind(profile, edit, current)
    wishes: dict[str, dict[str, Any]] = profile.planner.day_wishes
    profile.planner.pinned = {str(d): names for d, names in current.items()}
    which = "every day" if edit.day == 0 else f"day {edit.day}"
    total = _day_count(itinerary)
    if not 0 <= edit.day <= total:
        return f"There is no day {edit.day}: the trip has {total} days."
    if edit.action == "free_day":
        wishes[str(edit.day)] = {"free": True}
        meals = [n for n in current.get(edit.day, []) if _is_meal(itinerary, edit.day, n)]
        profile.planner.pinned[str(edit.day)] = meals
        return (
            f"Day {edit.day} is now a free day: no visits planned, meals kept, the hotel night "
            "stays. (To take the day out of the trip instead, say *remove day "
            f"{edit.day}*.)"
        )
    if edit.action == "lighter":
        visits = [n for n in current.get(edit.day, []) if not _is_meal(itinerary, edit.day, n)]
        if len(visits) <= 1:
            return f"Day {edit.day} has {len(visits)} visit: it cannot be lighter but free."
        kept = visits[:-1]
        wishes.setdefault(str(edit.day), {})["visits"] = len(kept)
        meals = [n for n in current.get(edit.day, []) if n not in visits]
        profile.planner.pinned[str(edit.day)] = [*kept, *meals]
        return (
            f"Day {edit.day} is lighter: {len(kept)} visits instead of {len(visits)} "
            f"({visits[-1]} left out), so less walking; the other days stay as they were."
        )
    key = "start" if edit.action == "day_start" else edit.subject
    times = _times(itinerary, edit.day, key)
    if not times:
        return f"I found no {key} on {which} to move."
    if edit.to not in ("earlier", "later"):
        if edit.day == 0:  # every day: what single days said before gives way
            for wish in wishes.values():
                wish.pop(key, None)
        wishes.setdefault(str(edit.day), {})[key] = edit.to
    for number, at in times if edit.to in ("earlier", "later") else ():
        step = MOVE_MINUTES if edit.to == "later" else -MOVE_MINUTES
        if key == "start":
            value = _clock(max(7 * 60, min(12 * 60, at + step)))
        else:
            value = _window("around", at + step)
        wishes.setdefault(str(number), {})[key] = value
    if edit.to in ("earlier", "later"):
        way = f"{edit.to} (about an hour)"
    else:
        way = f"at {edit.to.replace('-', ' to ')}" if key != "start" else f"at {edit.to}"
    what = "The day starts" if key == "start" else key.capitalize()
    return f"{what} {way} on {which}; the places stay where they still fit."


def _is_meal(itinerary: Any, day: int, name: str) -> bool:
    return any(
        s["name"] == name and s["type"] == "meal" and s.get("details", {}).get("day") == day
        for s in (itinerary or {}).get("segments", [])
    )


def _day_count(itinerary: Any) -> int:
    first = date.fromisoformat(str(itinerary["start_date"]))
    return (date.fromisoformat(str(itinerary["end_date"])) - first).days + 1


def renumber_wishes(profile: Any, moved: dict[int, int | None]) -> None:
    """Day wishes follow their days when days are removed or swapped: ``moved`` maps old
    day numbers to new ones (None: the day is gone); days not in it keep their number."""
    profile.planner.day_wishes = {
        str(new): wish
        for day, wish in profile.planner.day_wishes.items()
        if (new := moved.get(int(day), int(day)) if day != "0" else 0) is not None
    }
