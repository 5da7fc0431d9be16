"""Questions about the plan ("how much is day 2?", "where do we stay?"), answered from it.

Nothing is re-planned: the answer reads the itinerary as it is.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from tripdesigner_kernel.designers.offline.journey_answers import answer_when_and_how, hotels_named
from tripdesigner_kernel.designers.offline.plan_items import DAY_WORDS, day_named
from tripdesigner_kernel.knowledge.text import fold
from tripdesigner_kernel.trip import model

ASK_ABOUT = (
    "You can ask me about the plan: *what's on day 2?*, *what's on tomorrow?*, *how much is "
    "day 2?*, *where do we stay in Porto?*, *how much is the hotel?*, *when do we check out?*, "
    "*what time do we leave on the last day?*, *how do we get from Lisbon to Porto?* or *how "
    "much is it in total?*"
)


def _money(amount: Decimal, currency: str) -> str:
    return f"{amount:,.0f} {currency}"


def _days(itinerary: model.Itinerary) -> list[date]:
    assert itinerary.start_date is not None and itinerary.end_date is not None
    count = (itinerary.end_date - itinerary.start_date).days + 1
    return [date.fromordinal(itinerary.start_date.toordinal() + i) for i in range(count)]


def _segments_on(itinerary: model.Itinerary, day: date) -> list[model.Segment]:
    return [s for s in itinerary.segments if s.type != "hotel" and s.start.date() == day]


def _cost_of_day(itinerary: model.Itinerary, day: date, currency: str) -> Decimal:
    """Everything priced that day, plus that night's share of the hotel, in ``currency``."""
    from tripdesigner_kernel.knowledge.money import convert

    total = Decimal(0)
    for segment in _segments_on(itinerary, day):
        if segment.price is not None:
            total += convert(segment.price.amount, segment.price.currency, currency)
    for hotel in (s for s in itinerary.segments if s.type == "hotel" and s.price is not None):
        nights = max(1, (hotel.end.date() - hotel.start.date()).days)
        if hotel.start.date() <= day < hotel.end.date():
            assert hotel.price is not None
            total += convert(hotel.price.amount, hotel.price.currency, currency) / nights
    return total


def _hotel_costs(itinerary: model.Itinerary, folded: str) -> str:
    """What each hotel costs: in all, a night, and for how many rooms."""
    hotels = hotels_named(itinerary, folded)
    if not hotels:
        return "The plan has no hotel: it is a day trip."
    lines = []
    for h in hotels:
        nights, rooms = h.details.get("nights", 1), h.details.get("rooms", 1)
        if h.price is None:
            lines.append(f"- {h.name}: no price in our data")
            continue
        a_night = h.price.amount / max(1, nights)
        lines.append(
            f"- {h.name}, {h.start:%a %d %b} to {h.end:%a %d %b}: "
            f"**{_money(h.price.amount, h.price.currency)}** for {nights} night"
            f"{'s' if nights != 1 else ''} ({_money(a_night, h.price.currency)} a night, "
            f"{rooms} room{'s' if rooms != 1 else ''})"
        )
    return "The hotel" + ("s" if len(hotels) > 1 else "") + ":\n" + "\n".join(lines)


def places_named(folded: str, segments: list[model.Segment]) -> list[model.Segment]:
    """The visits and meals a (folded) message names: by the whole name, or by a word of
    five letters or more that only one of them has ("Roscioli")."""
    places = [s for s in segments if s.type in ("activity", "meal")]
    words = {s.id: set(re.findall(r"[a-z0-9]{5,}", fold(s.name))) for s in places}
    counts: dict[str, int] = {}
    for found in words.values():
        for word in found:
            counts[word] = counts.get(word, 0) + 1
    said = set(re.findall(r"[a-z0-9]{5,}", folded))
    return [
        s
        for s in places
        if (len(fold(s.name)) > 3 and fold(s.name) in folded)
        or any(counts[w] == 1 for w in words[s.id] & said)
    ]


def answer_about_plan(folded: str, itinerary: model.Itinerary, today: date | None = None) -> str:
    """The answer to a (folded) question about ``itinerary``, from its segments.

    ``today`` (default: the trip's first day) places "today" and "tomorrow".
    """
    return _answer(folded, itinerary, today or itinerary.start_date or date.today())


def _answer(folded: str, itinerary: model.Itinerary, today: date) -> str:
    from tripdesigner_kernel.knowledge.money import UnknownCurrencyError

    days = _days(itinerary)
    asked = day_named(folded, itinerary, today)
    number = asked.number
    total = itinerary.estimated_total
    currency = total.currency if total else itinerary.budget.currency
    if number is not None and not 1 <= number <= len(days):
        return f"The trip has {len(days)} days, so there is no day {number}. {ASK_ABOUT}"
    when = answer_when_and_how(folded, itinerary, today)
    if when is not None:
        return when
    if asked.note:
        return (
            f"{asked.note}\n\n{_answer(DAY_WORDS.sub(f'day {number}', folded), itinerary, today)}"
        )
    hotel_words = re.search(
        r"\b(stay|staying|sleep|hotels?|accommodation|lodging|rooms?)\b", folded
    )
    if hotel_words and re.search(r"\b(how much|cost|costs|price|expensive|pay)\b", folded):
        return _hotel_costs(itinerary, folded)
    if re.search(r"\b(how much|cost|costs|price|expensive|spend|total)\b", folded):
        if number is None:
            if total is None:
                return "I could not add up this plan's costs."
            return (
                f"The whole trip comes to about **{_money(total.amount, total.currency)}** "
                f"for {itinerary.travelers}, hotels, meals, visits and journeys included."
            )
        day = days[number - 1]
        try:
            cost = _cost_of_day(itinerary, day, currency)
        except UnknownCurrencyError as error:
            return f"I could not add up day {number}: {error}"
        return (
            f"Day {number} ({day:%a %d %b}) comes to about **{_money(cost, currency)}** for "
            f"{itinerary.travelers}: its visits, meals and journeys, and that night's hotel."
        )
    if hotel_words:
        hotels = hotels_named(itinerary, folded)
        if not hotels:
            return "The plan has no hotel: it is a day trip."
        return "You stay at:\n" + "\n".join(
            f"- {h.name}, {h.start:%a %d %b} to {h.end:%a %d %b}"
            + (f", {_money(h.price.amount, h.price.currency)}" if h.price else "")
            for h in hotels
        )
    if re.search(r"\b(fly|flights?|leave|depart|arrive|land|train|journey|transfer)\b", folded):
        legs = [s for s in itinerary.segments if s.type in ("flight", "transfer")]
        if not legs:
            return "The plan has no flights or transfers: you are already there on day 1."
        return "Your journeys:\n" + "\n".join(
            f"- {s.name}: {s.start:%a %d %b %H:%M} to {s.end:%H:%M}" for s in legs
        )
    named = places_named(folded, itinerary.segments)
    if named:  # "which day is the Colosseum?"
        return "\n".join(
            f"{s.name} is on day {days.index(s.start.date()) + 1}, {s.start:%a %d %b} at "
            f"{s.start:%H:%M}."
            for s in named
        )
    if re.search(r"\b(how long|how many days|when)\b", folded) and number is None:
        return f"The trip runs {len(days)} days, {days[0]:%a %d %b %Y} to {days[-1]:%a %d %b %Y}."
    if number is not None:
        day = days[number - 1]
        wanted = _segments_on(itinerary, day)
        if re.search(r"\b(eat|lunch|dinner|breakfast|restaurants?|food)\b", folded):
            wanted = [s for s in wanted if s.type == "meal"]
        if not wanted:
            return f"Day {number} ({day:%a %d %b}) has nothing planned."
        return f"Day {number}, {day:%a %d %b}:\n" + "\n".join(
            f"- {s.start:%H:%M} {s.name}" for s in wanted
        )
    return ASK_ABOUT
