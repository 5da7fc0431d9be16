"""Diet through whole turns: places whose signature food the diet rules out are never
picked; places that cater for it come first; else an honest 'your pick' slot."""

from __future__ import annotations

import re

import pytest
from plans import chat_plan

# Independent of the planner's word lists: dishes no one with the diet would go for.
WRONG = {
    "vegetarian": r"tonkatsu|tonkotsu|steak|beef|yakitori|sushi|burger|pork|bbq|barbecue|"
    r"kebab|schnitzel|sausage|wurst|seafood|fish|oyster|ramen|duck|chicken|tempura|ham\b",
    "gluten-free": r"bagel|pizza|pasta|dumpling|ramen|noodle|bakery|burger|sandwich|pie\b|"
    r"doughnut|pretzel|beer hall|schnitzel|cake",
    "halal": r"pork|ham\b|bacon|sausage|wurst|beer|pub\b|wine bar|brewery|tonkotsu|bierhalle",
}


def meals(itinerary: dict) -> list[dict]:
    return [s for s in itinerary["segments"] if s["type"] == "meal"]


def wrong_meals(itinerary: dict, need: str) -> list[str]:
    return [
        s["name"]
        for s in meals(itinerary)
        if re.search(
            WRONG[need], f"{s['name']} {s['details'].get('description', '')}", re.IGNORECASE
        )
        or (need == "vegetarian" and "seafood" in s["tags"])
        or (need == "halal" and {"beer", "cocktails", "nightlife"} & set(s["tags"]))
    ]


@pytest.mark.parametrize(
    ("without", "with_diet", "need"),
    [
        ("5 days in Tokyo", "5 days in Tokyo, im vegetarian", "vegetarian"),
        ("Kyoto for 4 days", "Kyoto for 4 days. I don't eat meat", "vegetarian"),
        ("4 days in Buenos Aires", "4 days in Buenos Aires, we are veggie", "vegetarian"),
        ("New York 4 days", "New York 4 days, gluten free please", "gluten-free"),
        ("5 days in Naples", "5 days in Naples, my wife is coeliac", "gluten-free"),
        ("Chicago, 3 days", "Chicago, 3 days, celiac here", "gluten-free"),
        ("4 days in Munich", "4 days in Munich, we eat halal", "halal"),
        ("Prague for 4 days", "Prague for 4 days, halal food only", "halal"),
    ],
)
def test_the_diet_rules_out_places_whose_signature_food_it_forbids(
    without: str, with_diet: str, need: str
) -> None:
    plain, _ = chat_plan(without)
    assert wrong_meals(plain, need)  # the city has such places: the test can fail
    itinerary, reply = chat_plan(with_diet)
    assert need in itinerary["preferences"]["dietary"]
    assert wrong_meals(itinerary, need) == []
    assert len(meals(itinerary)) >= len(meals(plain)) - 1  # no meal dropped for it
    assert "no meal is at a place whose signature dishes rule it out" in reply


def test_places_that_cater_for_the_diet_come_first_and_gaps_are_an_honest_pick() -> None:
    itinerary, reply = chat_plan("6 days in Tokyo, vegan")
    names = [s["name"] for s in meals(itinerary)]
    assert "Ain Soph. Journey" in names and "T's TanTan Tokyo Station" in names
    picks = [s for s in meals(itinerary) if s["details"]["description"].startswith("Your pick")]
    assert picks  # Tokyo has too few vegan kitchens for six days
    for pick in picks:
        assert "vegan-friendly" in pick["name"].lower()
        assert "vegan-friendly restaurant" in pick["details"]["description"]
    assert re.search(r"\d+ (?:is|are) your pick of a vegan place near the route", reply)


def test_a_vegan_plan_skips_cheese_and_pastry_places_a_vegetarian_one_may_keep() -> None:
    itinerary, _ = chat_plan("Zurich 4 days, we're vegan")
    for meal in meals(itinerary):
        text = f"{meal['name']} {meal['details']['description']}".lower()
        banned = r"fondue|raclette|cheese|cake|patisserie|\bburger|sausage|confection"
        assert not re.search(banned, text), text
