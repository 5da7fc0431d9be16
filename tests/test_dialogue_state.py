"""The dialogue state: one trip profile per session, changed turn by turn as people write.

Each follow-up kind is run as a person would (``KernelState.chat``) with the right value.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest

from tripdesigner_kernel.designers.offline.understanding import TripRequest, understand
from tripdesigner_kernel.designers.offline.understanding import state as slots
from tripdesigner_kernel.designers.offline.understanding.intents import read_intent
from tripdesigner_kernel.designers.offline.understanding.profile import (
    TripProfile,
    load_profile,
    upgrade_profile,
)
from tripdesigner_kernel.kernel import KernelState, Reply
from tripdesigner_kernel.knowledge.text import fold

TODAY = date(2026, 11, 24)


def chat(*turns: str) -> tuple[list[Reply], KernelState]:
    state = KernelState()
    state.settings.today = TODAY.isoformat()
    state.new_session()
    return [state.chat(turn) for turn in turns], state


def profile_of(state: KernelState) -> dict[str, Any]:
    assert state.current_session_id is not None
    return state.sessions.get(state.current_session_id).profile


def span(itinerary: dict[str, Any] | None) -> tuple[str, str, int]:
    assert itinerary is not None
    start, end = (
        date.fromisoformat(itinerary["start_date"]),
        date.fromisoformat(itinerary["end_date"]),
    )
    return start.isoformat(), end.isoformat(), (end - start).days + 1


def cities(reply: Reply) -> list[str]:
    assert reply.itinerary is not None, str(reply)
    return [d["name"] for d in reply.itinerary["destinations"]]


# Follow-ups -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "days"),
    [("remove a day", 4), ("drop a day", 4), ("one day less", 4), ("cut 2 days", 3)],
)
def test_removing_days_shortens_the_trip_by_that_many(message: str, days: int) -> None:
    replies, state = chat("5 days in Lisbon in May", message)
    assert span(replies[1].itinerary)[2] == days
    assert span(replies[1].itinerary)[0] == "2027-05-02"  # 1 May is a holiday in Portugal
    assert profile_of(state)["dates"]["days"] == days


@pytest.mark.parametrize(
    ("message", "start"),
    [
        ("push it all a week later", "2027-05-17"),
        ("move it 3 days earlier", "2027-05-07"),
        ("postpone it by two weeks", "2027-05-24"),
        ("start on the 12th instead", "2027-05-12"),
        ("bring it forward a month", "2027-04-10"),
    ],
)
def test_moving_the_dates_keeps_the_length(message: str, start: str) -> None:
    replies, state = chat("5 days in Lisbon from May 10, 2027, museums", message)
    first, moved = replies[0].itinerary, replies[1].itinerary
    assert span(first) == ("2027-05-10", "2027-05-14", 5)
    assert span(moved)[0] == start and span(moved)[2] == 5
    expected_end = (date.fromisoformat(start) + timedelta(days=4)).isoformat()
    assert profile_of(state)["dates"] | {"given": None} == {
        "start_date": start, "end_date": expected_end, "days": 5, "given": None
    }  # fmt: skip
    assert profile_of(state)["interests"] == ["museums"]


def test_a_move_into_the_past_starts_tomorrow_and_says_so() -> None:
    replies, _ = chat("3 days in Rome from 2026-12-01", "move it 2 weeks earlier")
    assert span(replies[1].itinerary)[0] == "2026-11-25"
    assert "would start in the past" in replies[1]


@pytest.mark.parametrize("message", ["we're 5 now", "we are 5 now", "there will be 5 of us"])
def test_a_new_party_size_is_planned(message: str) -> None:
    replies, state = chat("5 days in Lisbon in May", message)
    assert replies[1].itinerary["travelers"] == 5
    assert profile_of(state)["travelers"] == {"adults": 5, "children": []}
    assert span(replies[1].itinerary) == span(replies[0].itinerary)


@pytest.mark.parametrize("message", ["we're 0 now", "for 100 people"])
def test_a_party_size_out_of_range_is_said_and_changes_nothing(message: str) -> None:
    replies, state = chat("5 days in Lisbon in May for 2", message)
    assert "I did not change the plan. I can plan for 1 to 50 travellers" in replies[1]
    assert replies[1].itinerary == replies[0].itinerary
    assert profile_of(state)["travelers"]["adults"] == 2


@pytest.mark.parametrize(
    "message", ["can we do Seville too?", "Seville as well", "also Seville", "add Seville"]
)
def test_a_city_named_too_joins_the_trip(message: str) -> None:
    replies, state = chat("5 days in Lisbon in May", message)
    assert cities(replies[1]) == ["Lisbon", "Seville"]
    assert span(replies[1].itinerary)[0] == "2027-05-02"
    assert [d["days"] for d in profile_of(state)["destinations"]] == [5, 2]


@pytest.mark.parametrize(
    ("first", "message", "expected"),
    [
        ("4 days in Tokyo in May", "and then 3 days in Kyoto", [("Tokyo", 4), ("Kyoto", 3)]),
        ("5 days in Lisbon in May", "let's add 2 days in Porto", [("Lisbon", 5), ("Porto", 2)]),
        ("Lisbon and Porto, 6 days in May", "add a day in Lisbon", [("Lisbon", 4), ("Porto", 3)]),
        ("Lisbon and Porto, 6 days in May", "drop Porto", [("Lisbon", 3)]),
    ],
)
def test_cities_and_their_days_change_where_the_person_says(
    first: str, message: str, expected: list[tuple[str, int]]
) -> None:
    replies, state = chat(first, message)
    destinations = profile_of(state)["destinations"]
    assert [(d["name"], d["days"]) for d in destinations] == expected
    start = date.fromisoformat(span(replies[0].itinerary)[0])  # the change keeps the start
    assert span(replies[1].itinerary) == (
        start.isoformat(),
        (start + timedelta(days=sum(d for _, d in expected) - 1)).isoformat(),
        sum(d for _, d in expected),
    )


@pytest.mark.parametrize(
    ("first", "lat"), [("4 days in Portland, Maine", 44), ("4 days in Portland, Oregon", 46)]
)
def test_a_city_of_a_shared_name_stays_the_one_meant_across_turns(first: str, lat: int) -> None:
    replies, state = chat(first, "add a day", "we're 3 now")
    [destination] = replies[-1].itinerary["destinations"]
    assert round(destination["lat"]) == lat and span(replies[-1].itinerary)[2] == 5
    assert round(profile_of(state)["destinations"][0]["lat"]) == lat


def test_a_small_town_as_destination_is_planned_and_kept() -> None:
    replies, _ = chat("A week from London to Plaine Magnien for 2", "we're 3 now")
    assert cities(replies[1]) == ["Plaine Magnien"]
    assert replies[1].itinerary["travelers"] == 3


def test_a_city_instead_of_another_takes_its_place() -> None:
    replies, _ = chat("Lisbon and Porto, 6 days in May", "Seville instead of Lisbon")
    assert cities(replies[1]) == ["Seville", "Porto"]
    assert span(replies[1].itinerary)[2] == 6


@pytest.mark.parametrize("message", ["btw we fly from Denver", "we're flying from Denver"])
def test_an_origin_in_a_follow_up_is_only_the_origin(message: str) -> None:
    replies, state = chat("5 days in Lisbon in May", message)
    assert cities(replies[1]) == ["Lisbon"]
    flight = next(s for s in replies[1].itinerary["segments"] if s["type"] == "flight")
    assert flight["from"]["city"] == "Denver" and flight["to"]["city"] == "Lisbon"
    origin = profile_of(state)["origin"]
    assert (origin["name"], origin["country"], round(origin["lat"])) == ("Denver", "US", 40)


def test_a_new_trip_starts_a_fresh_profile() -> None:
    replies, state = chat(
        "4 days in Paris, luxury, museums and wine, we're vegetarian, 3 people", "3 days in Rome"
    )
    rome = replies[1].itinerary
    assert cities(replies[1]) == ["Rome"] and rome["budget"]["level"] == "moderate"
    assert rome["travelers"] == 2 and rome["preferences"]["interests"] == []
    profile = profile_of(state)
    assert profile["interests"] == [] and profile["dietary"] == []
    assert profile["budget"]["level"] is None and "travellers" in profile["assumed"]


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("same but in Rome", ["Rome"]),
        ("Rome instead", ["Rome"]),
        ("same trip but for 4", ["Paris"]),
        ("Actually, Vienna", ["Vienna"]),
        ("Vienna then", ["Vienna"]),
    ],
)
def test_saying_to_keep_things_keeps_the_profile(message: str, expected: list[str]) -> None:
    replies, _state = chat("4 days in Paris in May, luxury, museums, for 2", message)
    itinerary = replies[1].itinerary
    assert cities(replies[1]) == expected
    assert itinerary["budget"]["level"] == "luxury"
    assert itinerary["preferences"]["interests"] == ["museums"]
    assert span(itinerary) == ("2027-05-02", "2027-05-05", 4)  # 1 May: a holiday in France
    assert itinerary["travelers"] == (4 if "4" in message else 2)


@pytest.mark.parametrize("answer", ["2", "option 2", "{choice}", "{choice_lower}", "{typo}"])
def test_answering_the_question_works_through_chat(answer: str) -> None:
    replies, state = chat("Somewhere warm in February?")
    question = replies[0].question
    assert question is not None
    choice = question.choices[1]
    text = answer.format(choice=choice, choice_lower=choice.lower(), typo=choice + choice[-1])
    reply = state.chat(text)
    assert cities(reply) == [choice]
    assert span(reply.itinerary)[0] == "2027-02-01"  # the month asked before the question
    messages = state.sessions.get(state.current_session_id).messages
    assert messages[2].content == choice


def test_a_number_that_is_no_choice_is_a_clear_error_and_changes_nothing() -> None:
    _replies, state = chat("Somewhere warm in February?")
    before = state.sessions.get(state.current_session_id)
    with pytest.raises(ValueError, match="Choose a number from 1 to"):
        state.chat("9")
    assert state.sessions.get(state.current_session_id).messages == before.messages


def test_thanks_gets_a_friendly_answer_and_no_new_plan() -> None:
    replies, _state = chat("4 days in Paris", "thank you!")
    assert replies[1].startswith("Glad it helps!")
    assert replies[1].itinerary == replies[0].itinerary


@pytest.mark.parametrize("first", [[], ["4 days in Paris"]])
def test_a_question_not_about_travel_gets_a_polite_answer_and_no_plan(first: list[str]) -> None:
    replies, _state = chat(*first, "What's the tallest mountain in Africa?")
    reply = replies[-1]
    assert "only help with trips" in reply and "itineraries" in reply
    assert reply.question is None
    assert reply.itinerary == (replies[0].itinerary if first else None)


def test_questions_about_the_plan_are_answered_from_it_without_re_planning() -> None:
    replies, state = chat("4 days in Paris in May", "how much is day 2?", "where do we stay?")
    plan = replies[0].itinerary
    assert replies[1].itinerary == plan and replies[2].itinerary == plan
    day2 = date.fromisoformat(plan["start_date"]) + timedelta(days=1)
    hotel = next(s for s in plan["segments"] if s["type"] == "hotel")
    nights = (date.fromisoformat(hotel["end"][:10]) - date.fromisoformat(hotel["start"][:10])).days
    expected = Decimal(hotel["price"]["amount"]) / nights + sum(
        Decimal(s["price"]["amount"])
        for s in plan["segments"]
        if s["type"] != "hotel" and s.get("price") and s["start"][:10] == day2.isoformat()
    )
    assert f"**{expected:,.0f} {plan['estimated_total']['currency']}**" in replies[1]
    assert f"{day2:%a %d %b}" in replies[1]
    assert hotel["name"] in replies[2]
    assert len(state.sessions.get(state.current_session_id).profile["planner"]["undo"]) == 0


def test_a_question_naming_a_place_of_the_plan_says_its_day() -> None:
    replies, state = chat("4 days in Rome in May")
    plan = replies[0].itinerary
    visits = [s for s in plan["segments"] if s["type"] in ("activity", "meal")]
    for segment in (visits[0], visits[-1]):
        day = date.fromisoformat(segment["start"][:10])
        number = (day - date.fromisoformat(plan["start_date"])).days + 1
        reply = state.chat(f"which day is {segment['name']}?")
        assert f"{segment['name']} is on day {number}, {day:%a %d %b}" in reply
        assert f"at {segment['start'][11:16]}" in reply
        assert reply.itinerary == plan
    assert state.chat("when is the Pantheon?").itinerary == plan  # a sight, not a district


@pytest.mark.parametrize(
    ("message", "why"),
    [
        ("remove day 9", "There is no day 9 to remove (the trip has 4 days)."),
        ("for 2 people", "The plan already has what you asked for."),
        ("hmm", "I found nothing in your message to change."),
    ],
)
def test_a_follow_up_that_changes_nothing_says_so_and_why(message: str, why: str) -> None:
    replies, _ = chat("4 days in Paris for 2", message)
    assert f"I did not change the plan. {why}" in replies[1]
    assert replies[1].itinerary == replies[0].itinerary


# What was understood ----------------------------------------------------------------


def test_the_reply_opens_with_one_line_of_what_was_understood() -> None:
    replies, _ = chat("Plan 4 days in Kyoto in April for 2 people. Temples and food, moderate.")
    assert str(replies[0]).split("\n")[0] == (
        "Understood: Kyoto, 4 days from Thu 01 Apr 2027, 2 travellers, moderate, temples and food"
    )
    replies, _ = chat("3 days in Rome")
    assert str(replies[0]).split("\n")[0] == (
        "Understood: Rome, 3 days from Sun 03 Jan 2027, 2 travellers, moderate"
        " · assumed: dates, 2 travellers, moderate"
    )
    replies, _ = chat("Rome for 2 in May, budget 900 EUR")
    line = str(replies[0]).split("\n")[0]
    assert "4 days from Sun 02 May 2027" in line and "up to 900 EUR" in line
    assert line.endswith("· assumed: 4 days")


def test_a_party_read_from_i_is_said_back_and_corrected_by_a_follow_up() -> None:
    replies, state = chat("I want to go to Paris in June", "with my wife")
    assert ", 1 traveller, " in str(replies[0]).split("\n")[0]
    assert replies[1].itinerary["travelers"] == 2
    assert "travellers" not in profile_of(state)["assumed"]


def test_wishes_the_planner_cannot_act_on_yet_are_kept_and_said() -> None:
    profile = TripProfile()
    asked = TripRequest(
        transport=["no flight"],
        accommodation_type="entire room",
        house_rules=["pets"],
        cuisines=["Mexican", "Indian"],
        accessibility=["wheelchair"],
        children=[5, 8],
        travelers=4,
    )
    slots.apply_request(profile, asked, TODAY, fresh=True)
    kept = profile.slots()
    assert kept["transport"] == ["no flight"] and kept["cuisines"] == ["Mexican", "Indian"]
    assert kept["accommodation"] == {
        "kind": None,
        "type": "entire room",
        "rules": ["pets"],
        "amenities": [],
        "per_night": None,
        "currency": None,
        "per_room": False,
    }
    assert kept["travelers"] == {"adults": 2, "children": [5, 8]}
    from tripdesigner_kernel.designers.offline.reply import noted_line, understood_line

    # children and accessibility are acted on by the planner: Understood, not Noted
    assert noted_line(profile) == (
        "Noted: entire room, pets allowed, Mexican and Indian food "
        "(I can't plan around these yet: check them when you book)."
    )
    assert "2 adults and 2 children (aged 5 and 8)" in understood_line(profile)
    assert "wheelchair (step-free places)" in understood_line(profile)


def test_a_budget_per_person_per_day_becomes_a_trip_total() -> None:
    from tripdesigner_kernel.designers.offline.plan import budget_total

    profile = TripProfile()
    profile.budget.amount, profile.budget.currency = Decimal(100), "EUR"
    for scope, total in [
        ("total", 100), ("per_person", 300), ("per_day", 500), ("per_person_per_day", 1500)
    ]:  # fmt: skip
        profile.budget.scope = scope  # type: ignore[assignment]
        assert budget_total(profile, travelers=3, days=5) == total


def test_a_budget_in_a_currency_without_a_rate_never_fails_the_turn(monkeypatch) -> None:
    from tripdesigner_kernel.knowledge import money

    rates = dict(money._per_eur())
    rates.pop("GBP")
    monkeypatch.setattr(money, "_per_eur", lambda: rates)
    replies, _state = chat("3 days in Rome in May, budget 900 GBP")
    assert replies[0].itinerary is not None
    assert "no exchange rate for GBP" in replies[0]
    assert replies[0].itinerary["estimated_total"]["currency"] == "EUR"


# The profile as stored ----------------------------------------------------------------

OLD_PROFILE = {
    "cities": [{"name": "Lisbon", "country": "PT", "days": None}],
    "days": 5,
    "start_date": "2027-05-01",
    "travelers": 3,
    "budget_level": "luxury",
    "budget_amount": None,
    "budget_currency": None,
    "interests": ["museums"],
    "dietary": ["vegetarian"],
    "pace": "relaxed",
    "origin": {"name": "Boston", "country": "US"},
    "avoid": ["nightlife"],
    "pinned": {"1": ["Belém Tower"]},
    "exclude": ["Oceanário de Lisboa"],
    "frugal": False,
    "chosen_level": "luxury",
    "undo": [
        {"cities": [{"name": "Lisbon", "country": "PT", "days": 4}], "start_date": "2027-05-01"}
    ],
}


def test_an_old_profile_is_upgraded_and_keeps_working() -> None:
    upgraded = load_profile(upgrade_profile(OLD_PROFILE))
    assert upgraded.destinations[0].name == "Lisbon" and upgraded.dates.days == 5
    assert upgraded.travelers.adults == 3 and upgraded.budget.level == "luxury"
    assert upgraded.origin is not None and upgraded.origin.name == "Boston"
    assert upgraded.planner.exclude == ["Oceanário de Lisboa"]
    assert upgraded.planner.undo[0]["destinations"][0]["days"] == 4
    assert load_profile(upgraded.to_json()) == upgraded  # the new shape loads as it is

    _replies, state = chat("5 days in Lisbon in May")
    record = state.sessions.load_record(state.current_session_id)
    record["profile"] = json.loads(json.dumps(OLD_PROFILE))
    state.sessions.save_record(record)
    reply = state.chat("add a day")
    assert span(reply.itinerary) == ("2027-05-01", "2027-05-06", 6)
    assert reply.itinerary["travelers"] == 3 and reply.itinerary["budget"]["level"] == "luxury"
    profile = profile_of(state)
    assert profile["version"] == 2 and profile["avoid"] == ["nightlife"]
    undone = state.chat("undo")
    assert span(undone.itinerary)[2] == 5
    undone = state.chat("undo")
    assert span(undone.itinerary)[2] == 4


def test_the_profile_is_plain_json_in_the_record() -> None:
    _, state = chat("5 days in Lisbon in May, museums", "we're 3 now", "add Porto for 2 days")
    profile = profile_of(state)
    assert json.loads(json.dumps(profile)) == profile
    assert [d["name"] for d in profile["destinations"]] == ["Lisbon", "Porto"]
    assert set(profile["planner"]) == {
        "pinned",
        "exclude",
        "frugal",
        "chosen_level",
        "hotel_level",
        "undo",
        "day_wishes",
    }
    assert len(profile["planner"]["undo"]) == 2


# Intents ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "has_trip", "kind"),
    [
        ("4 days in Rome", False, "new_trip"),
        ("4 days in Rome", True, "new_trip"),
        ("Rome in June for 3", True, "new_trip"),
        ("same but in Rome", True, "change"),
        ("we love beer", True, "change"),
        ("thanks!", True, "thanks"),
        ("Cheers, looks good", True, "thanks"),
        ("how much is it in total?", True, "plan_question"),
        ("what's on day 3?", True, "plan_question"),
        ("Who wrote Hamlet?", True, "off_topic"),
        ("What's the capital of Peru?", False, "off_topic"),
        ("Somewhere warm in February?", False, "new_trip"),
        ("let's plan a new trip", True, "new_trip"),
    ],
)
def test_intents(message: str, has_trip: bool, kind: str) -> None:
    asked = understand(message, TODAY)
    intent = read_intent(
        fold(message),
        asked,
        has_trip=has_trip,
        has_edits=False,
        destinations=["Paris"] if has_trip else [],
    )
    assert intent.kind == kind


def test_resolving_an_answer_to_a_question() -> None:
    from tripdesigner_kernel.designers.base import Question

    question = Question("Where?", ["Hanoi", "Cape Town", "Rio de Janeiro"])
    assert question.resolve("2") == "Cape Town"
    assert question.resolve("Hanoy") == "Hanoi"
    assert question.resolve("cape town") == "Cape Town"
    assert question.resolve("Paris") == "Paris"  # not a choice: a message of its own
    assert question.resolve("5 days in Rome for 2") == "5 days in Rome for 2"
    assert Question("Anything else?", []).resolve("2") == "2"
    with pytest.raises(ValueError, match="from 1 to 3"):
        question.resolve("4")


def test_constraints_from_a_message_are_kept_across_turns_and_said() -> None:
    replies, state = chat(
        "4 days in Rome in May for 2 adults and 2 kids aged 5 and 8, no flights, entire room, "
        "pets allowed, we love Mexican and Indian food",
        "add a day",
    )
    profile = profile_of(state)
    assert profile["travelers"] == {"adults": 2, "children": [5, 8]}
    assert profile["transport"] == ["no flight"]
    assert profile["accommodation"]["type"] == "entire room"
    assert "pets" in profile["accommodation"]["rules"]
    assert sorted(profile["cuisines"]) == ["Indian", "Mexican"]
    assert replies[1].itinerary["travelers"] == 4
    noted = next(line for line in str(replies[1]).split("\n") if line.startswith("Noted:"))
    assert "pets allowed" in noted and "Mexican and Indian food" in noted
    assert "no flight" in str(replies[1]).split("\n")[0]  # the legs act on it: understood


FIRSTS = [
    "5 days in Lisbon in May",
    "Lisbon and Porto, 6 days in May for 3, budget 900 EUR",
    "Somewhere warm in February?",
    "What's the capital of France?",
    "A week from London to Plaine Magnien for 2",
]
FOLLOW_UPS = [
    "remove a day", "drop 5 days", "push it a week later", "move it 60 days earlier",
    "start on the 31st instead", "we're 0 now", "we are 50", "can we do Seville too?",
    "btw we fly from Denver", "we fly from Lisbon", "2", "Porto", "thanks", "how much is day 2?",
    "how much is day 99?", "what's on the last day?", "where do we stay?", "when do we fly?",
    "undo", "same but in Rome", "new trip", "add 40 days", "swap day 1 and day 9",
    "drop Porto", "remove Lisbon", "make it cheaper", "fancier", "less nightlife",
    "make it 40 days", "What's the tallest mountain in Africa?", "?", "budget 5 per person",
    "and then Kyoto", "instead of Lisbon, Madrid", "for 100 people",
]  # fmt: skip


@pytest.mark.parametrize("first", FIRSTS)
def test_any_sequence_of_follow_ups_never_fails_a_turn(first: str) -> None:
    import random

    chooser = random.Random(first)  # the same sequences on every run
    for _ in range(2):
        _, state = chat(first)
        for message in chooser.sample(FOLLOW_UPS, 12):
            try:
                state.chat(message)
            except ValueError as error:  # only a number that is no choice is the person's
                assert "Choose a number" in str(error), message
            profile = profile_of(state)
            assert load_profile(profile).to_json() == profile
