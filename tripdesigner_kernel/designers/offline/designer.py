"""The offline designer: rules over our own data, no key, no network.

The conversation is kept as a trip profile, the dialogue state (plain JSON in the session).
Each message is read into an intent and slot operations on the profile; the planner then
re-plans from the profile, so the same conversation always gives the same plan.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from typing import Any

from tripdesigner_kernel.designers.base import (
    DesignRequest,
    DesignResult,
    pending_question,
)
from tripdesigner_kernel.designers.offline.edits import Edit, understand_edit
from tripdesigner_kernel.designers.offline.followups import apply_edits
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
DAY_EDITS = {"add_days", "remove_day", "shift", "start_day", "add_city"}

CAPABILITIES = (
    "I can plan trips to any city (with curated places for about 80 of them), and change a "
    "plan: *add a day*, *remove day 3*, *swap day 1 and day 2*, *make it cheaper*, "
    "*more museums*, *less nightlife*, *replace <place>*, *we're 4 now*, *from June 3*, "
    "*push it a week later*, *add Porto for 2 days*, or *undo*."
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
        asked = understand(request.text, request.today)
        edits = understand_edit(request.text) if profile.destinations else []
        if any(e.action == "undo" for e in edits):
            return self._undo(profile, request)
        question = pending_question(request.history)
        plan = model.Itinerary.from_json(request.itinerary) if request.itinerary else None
        intent = read_intent(
            folded,
            asked,
            has_trip=bool(profile.destinations and request.itinerary),
            has_edits=bool(edits),
            destinations=slots.destination_cities(profile),
            answered=question is not None and request.text in question.choices,
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
            return DesignResult(answer_about_plan(folded, plan), request.itinerary, stored)
        before = profile.model_copy(deep=True)
        if intent.kind == "new_trip" and not intent.keep:
            profile = TripProfile()
        notes, edits = _read_into(profile, asked, intent, edits, request.today)
        notes = [*asked.notes, *notes]
        notes += apply_edits(profile, edits, request.itinerary, request.today)
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
        return self._plan(profile, request, notes, asked.alternatives)

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
    if stays and intent.additive and length:  # the new total kept the days said per city
        said_days = {s.city.name: s.days for s in stays if s.days}
        profile.destinations = [
            d.model_copy(update={"days": said_days.get(d.name, d.days)})
            for d in profile.destinations
        ]
    known = [s.city.name for s in stays if s.city in slots.destination_cities(profile)]
    if len(known) == 1:  # "a day more in Lisbon": that city's days
        edits = [replace(e, subject=known[0]) if e.action == "add_days" else e for e in edits]
    return notes, edits


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
