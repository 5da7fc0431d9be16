"""The offline designer: rules over our own data, no key, no network.

The conversation is kept as a trip profile, the dialogue state (plain JSON in the session).
Each message is read into an intent and slot operations on the profile; the planner then
re-plans from the profile, so the same conversation always gives the same plan.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from typing import Any

from tripdesigner_kernel.designers.base import (
    DesignRequest,
    DesignResult,
    pending_question,
)
from tripdesigner_kernel.designers.offline.city_lengths import resize_cities, resize_said
from tripdesigner_kernel.designers.offline.city_order import reorder_edit
from tripdesigner_kernel.designers.offline.day_edits import (
    DAY_ACTIONS,
    KEPT_WITH_DAY_EDITS,
    read_day_edits,
)
from tripdesigner_kernel.designers.offline.edits import Edit, understand_edit
from tripdesigner_kernel.designers.offline.followups import (
    apply_edits,
    day_names,
    item_picked,
    which_item,
)
from tripdesigner_kernel.designers.offline.journey_answers import SURE_QUESTION
from tripdesigner_kernel.designers.offline.lodging import per_room_said
from tripdesigner_kernel.designers.offline.plan import plan_from_profile
from tripdesigner_kernel.designers.offline.plan_answers import (
    ASK_ABOUT,
    answer_about_plan,
    places_named,
)
from tripdesigner_kernel.designers.offline.questions import where_question
from tripdesigner_kernel.designers.offline.reply import describe_plan, understood_line
from tripdesigner_kernel.designers.offline.travel_answers import answer_travel_question
from tripdesigner_kernel.designers.offline.understanding import CityStay, TripRequest, understand
from tripdesigner_kernel.designers.offline.understanding import state as slots
from tripdesigner_kernel.designers.offline.understanding.intents import (
    Intent,
    read_intent,
    says_something,
)
from tripdesigner_kernel.designers.offline.understanding.profile import (
    TripProfile,
    load_profile,
)
from tripdesigner_kernel.knowledge.text import fold
from tripdesigner_kernel.trip import model

UNDO_DEPTH = 10
DAY_EDITS = {
    "add_days",
    "remove_day",
    "shift",
    "start_day",
    "add_city",
    "end_shift",
    "end_day",
    "leave_day",
    "reorder",
    *DAY_ACTIONS,  # a day's shape: the trip's length stays
}

CAPABILITIES = (
    "I can plan trips to any city (with curated places for about 80 of them), and change a "
    "plan: *add a day*, *remove day 3*, *swap day 1 and day 2*, *make it cheaper*, "
    "*a cheaper hotel*, *hotel under 150 a night*, *more museums*, *less nightlife*, "
    "*drop the museum on day 2*, *replace <place>*, *we're 4 now*, *from June 3*, "
    "*start a day later*, *leave a day early*, *push it a week later*, *add Porto for 2 days*, "
    "or *undo*."
)
OFF_TOPIC = (
    "I can only help with trips, so I will leave that question to someone else. "
    "I design day-by-day itineraries: tell me where and when, e.g. *4 days in Kyoto in April "
    "for 2, temples and food*."
)


class OfflineDesigner:
    """Understands requests with rules and plans with the scheduler over curated places."""

    name = "offline"

    def __init__(self, settings: Mapping[str, Any] | None = None, api_key: str | None = None):
        # No key is needed; it is deliberately not kept.
        self.settings = dict(settings or {})

    @staticmethod
    def reads(text: str, today: date) -> bool:
        """Whether ``text`` names a place or anything of a trip this designer can act on.

        Optional for a designer (a model reads anything): the magics refuse a lone word
        that its designer cannot read (``readable.py``).
        """
        from tripdesigner_kernel.designers.offline.readable import reads_as_travel

        return reads_as_travel(text, today)

    def respond(self, request: DesignRequest) -> DesignResult:
        profile = load_profile(request.profile)
        stored = request.profile
        folded = fold(request.text)
        question = pending_question(request.history)
        edits = understand_edit(request.text) if profile.destinations else []
        order = reorder_edit(request.text, profile) if request.itinerary else None
        if order is not None:  # "Melbourne first": the cities named are the trip's own
            edits = [order, *(e for e in edits if e.action not in ("replace", "drop"))]
        day_edits, text = read_day_edits(request.text, request.itinerary, request.today)
        if day_edits:  # "I'll just rest on day 4": that day's shape, not the trip's
            edits = [*day_edits, *(e for e in edits if e.action in KEPT_WITH_DAY_EDITS)]
        if any(e.action == "undo" for e in edits):
            return self._undo(profile, request)
        picked = item_picked(question, request.text) if request.itinerary else None
        if picked is not None:  # the answer to "which museum should I take out?"
            edits = [picked]
        asked = understand(_without_items(text, edits, profile), request.today)
        if asked.missing_sized:  # "add 2 days in Lofoten": no days for a place we do not know
            edits = [e for e in edits if e.action != "add_days"]
        if asked.lodging_per_night is not None and asked.days:
            # "rooms under 150 each a night": the night is the price's, not the trip's length
            priceless = re.sub(r"\b(?:a|per|each) night\b", " ", request.text, flags=re.I)
            asked.days = understand(priceless, request.today).days
        if any(e.action in ("cheaper_hotel", "pricier_hotel") for e in edits):
            asked.budget_level = None  # "sleep somewhere affordable": the hotel's, not the trip's
        ask_which = which_item(edits, request.itinerary, request.today)
        if ask_which is not None:
            return DesignResult(ask_which.text, request.itinerary, stored, ask_which)
        plan = model.Itinerary.from_json(request.itinerary) if request.itinerary else None
        if plan is not None and not edits and SURE_QUESTION.search(folded) and not _more(request):
            answer = answer_about_plan(folded, plan, request.today)
            return DesignResult(answer, request.itinerary, stored)
        intent = read_intent(
            folded,
            asked,
            has_trip=bool(profile.destinations and request.itinerary),
            has_edits=bool(edits),
            destinations=slots.destination_cities(profile),
            answered=picked is not None
            or (question is not None and request.text in question.choices),
            names_a_plan_place=bool(plan and places_named(folded, plan.segments)),
        )
        if intent.kind == "off_topic":
            return DesignResult(OFF_TOPIC, request.itinerary, stored)
        if intent.kind == "thanks":
            return DesignResult(f"Glad it helps! {CAPABILITIES}", request.itinerary, stored)
        if intent.kind == "travel_question":
            answer = answer_travel_question(folded, asked, profile)
            return DesignResult(answer, request.itinerary, stored)
        if intent.kind == "plan_question" and plan is not None:
            answer = answer_about_plan(folded, plan, request.today)
            return DesignResult(answer, request.itinerary, stored)
        before = profile.model_copy(deep=True)
        if intent.kind == "new_trip" and not intent.keep:
            profile = TripProfile()
        notes, edits = _read_into(profile, asked, intent, edits, request.today)
        notes = [*asked.notes, *notes]
        notes += apply_edits(profile, edits, request.itinerary, request.today)
        missing = [m for m in asked.missing_places if not any(m in note for note in notes)]
        if missing and profile.destinations:  # never dropped without a word
            notes.append(missing_note(missing, profile))
        if asked.lodging_per_night is not None:
            profile.accommodation.per_room = per_room_said(folded)
            if request.itinerary:  # a new nightly price: the hotel changes, not the days
                current = day_names(request.itinerary)
                profile.planner.pinned = {str(d): names for d, names in current.items()}
        if not profile.destinations:
            ask = where_question(asked, profile, request.text, request.today)
            line = understood_line(profile)
            text = f"{line}\n\n{ask.text}" if line else ask.text
            return DesignResult(text, request.itinerary, profile.to_json(), ask)
        if request.itinerary and _same(before, profile):
            # Saying what was assumed ("we are 2") confirms it: kept, nothing to re-plan.
            return DesignResult(
                _unchanged(profile, model.Itinerary.from_json(request.itinerary), asked, notes),
                request.itinerary,
                profile.to_json(),
            )
        if before.destinations and request.itinerary:
            undo = before.model_copy(deep=True)
            undo.planner.undo = []
            profile.planner.undo = [*before.planner.undo, undo.to_json()][-UNDO_DEPTH:]
        alternatives = [*asked.alternatives, *([f"no data for {_and(missing)}"] if missing else [])]
        return self._plan(profile, request, notes, alternatives)

    def _plan(
        self,
        profile: TripProfile,
        request: DesignRequest,
        notes: list[str],
        alternatives: list[str] | None = None,
    ) -> DesignResult:
        slots.fill_assumptions(profile, request.today)
        itinerary, extra = plan_from_profile(profile, request.itinerary, request.today)
        line = understood_line(profile, itinerary, alternatives)
        reply = f"{line}\n\n{describe_plan(itinerary, profile, [*notes, *extra])}"
        return DesignResult(reply, itinerary.to_json(), profile.to_json())

    def _undo(self, profile: TripProfile, request: DesignRequest) -> DesignResult:
        stack = list(profile.planner.undo)
        if not stack:
            return DesignResult("There is nothing to undo.", request.itinerary, request.profile)
        previous = load_profile(stack.pop())
        previous.planner.undo = stack
        return self._plan(previous, request, ["Undone: back to the plan before."])

    def close(self) -> None:
        """Nothing to release."""


def _read_into(
    profile: TripProfile,
    asked: TripRequest,
    intent: Intent,
    edits: list[Edit],
    today: date,
) -> tuple[list[str], list[Edit]]:
    """Apply what the message asked to the profile, as its intent says.

    Returns notes for the reply and the edits still to apply (those the places took over).
    """
    notes: list[str] = []
    origin = asked.origin or (slots.find_city(profile.origin) if profile.origin else None)
    stays = [s for s in asked.stays if s.city != origin]  # the origin is never a stay
    day_edits = any(e.action in DAY_EDITS for e in edits)
    fresh = not profile.destinations
    length = not day_edits
    # "a day more in Lisbon" adds to its days (an edit); "2 days in Lisbon" sets them.
    relative = intent.additive or any(e.action in ("add_days", "remove_day") for e in edits)
    if not relative and resize_said(profile, stays, intent.kind == "new_trip" or asked.days_total):
        notes.append(resize_cities(profile, stays))  # "only 1 night in Boston"
        stays, length = [], False
    if stays and intent.additive:
        single = len(stays) == 1 and not stays[0].days and not asked.days_total
        share = asked.days_total  # "make it 6 days and add Brussels": 6 in all
        notes += slots.add_destinations(profile, stays, asked.days if single else None, share=share)
        added = {fold(s.city.name) for s in stays}
        # "add 2 days in Porto": the days are the added city's, not more days at the end.
        edits = [
            e
            for e in edits
            if not (e.action == "add_city" and fold(e.subject) in added) and e.action != "add_days"
        ]
        length = share
    elif stays and intent.keep and not fresh:
        replaced = _replaced_destination(profile, edits)
        if replaced is not None:  # "Seville instead of Lisbon": in Lisbon's place
            names = [d.name for d in profile.destinations]
            at = names.index(replaced)
            cities = slots.destination_cities(profile)
            pairs = zip(cities, profile.destinations, strict=True)
            kept = [CityStay(city, d.days) for city, d in pairs if city]
            new = [s for s in stays if s.city not in cities]
            slots.set_destinations(profile, [*kept[:at], *new, *kept[at + 1 :]])
            edits = [e for e in edits if e.action != "replace"]
        else:
            slots.set_destinations(profile, stays, asked.region)
    elif stays and (fresh or intent.kind == "new_trip"):
        slots.set_destinations(profile, stays, asked.region)
    notes += slots.apply_request(profile, asked, today, fresh=fresh, length=length)
    if stays and length:  # a new total keeps the days said per city ("3 nights Prague...")
        said_days = {s.city.name: s.days for s in stays if s.days}
        profile.destinations = [
            d.model_copy(update={"days": said_days.get(d.name, d.days)})
            for d in profile.destinations
        ]
    known = [s.city.name for s in stays if s.city in slots.destination_cities(profile)]
    if len(known) == 1:  # "a day more in Lisbon": that city's days
        edits = [replace(e, subject=known[0]) if e.action == "add_days" else e for e in edits]
    return notes, edits


def _more(request: DesignRequest) -> bool:
    """Whether a message goes on after its first sentence ("What time do we leave? Also,
    make it 5 days."): then it is read whole, not answered as a question only."""
    return bool(re.search(r"[.?!;]\s+\w", request.text.strip()))


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def missing_note(missing: list[str], profile: TripProfile) -> str:
    """What the reply says of places named that we hold no data for, and what was planned."""
    cities = _and([d.name for d in profile.destinations])
    it = "it" if len(missing) == 1 else "them"
    return (
        f"I have no data for {_and(missing)}, so {it} is not in this plan, which covers "
        f"{cities} only. To go there too, name a town near {it} (*add <town> for 2 days*) "
        "and I will plan it from the map."
    ).replace(" them is ", " them are ")


def _without_items(text: str, edits: list[Edit], profile: TripProfile) -> str:
    """``text`` without the places of the plan its edits name: "drop the museums on day 2"
    asks for no museums (an interest) and no trip of 2 days."""
    cities = {fold(d.name) for d in profile.destinations}
    for edit in edits:
        if edit.action in ("replace", "drop") and fold(edit.subject) not in cities:
            text = text.replace(edit.subject, " ")
        for name in edit.subject.split("|") if edit.action == "reorder" else ():
            text = re.sub(rf"\b{re.escape(name)}\b", " ", text, flags=re.IGNORECASE)
    return text


def _replaced_destination(profile: TripProfile, edits: list[Edit]) -> str | None:
    names = {fold(d.name): d.name for d in profile.destinations}
    for edit in edits:
        if edit.action == "replace" and fold(edit.subject) in names:
            return names[fold(edit.subject)]
    return None


def _same(before: TripProfile, after: TripProfile) -> bool:
    """Whether a message changed nothing a plan depends on."""
    ignored = {"assumed"}
    return (
        before.model_dump(exclude=ignored) == after.model_dump(exclude=ignored)
        and before.planner == after.planner
    )


def _unchanged(
    profile: TripProfile, itinerary: model.Itinerary, asked: TripRequest, notes: list[str]
) -> str:
    """Why a follow-up changed nothing."""
    line = understood_line(profile, itinerary)
    if notes:
        why = " ".join(notes)
    elif asked.stays or says_something(asked):
        why = "The plan already has what you asked for."
    else:
        why = "I found nothing in your message to change."
    return f"{line}\n\nI did not change the plan. {why}\n\n{CAPABILITIES}\n\n{ASK_ABOUT}"
