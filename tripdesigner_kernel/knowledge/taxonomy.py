"""The fixed place taxonomy and the tag vocabulary shared by data, parser and planner."""

from __future__ import annotations

CATEGORIES: dict[str, str] = {
    "sight": "landmarks, monuments, historic buildings, castles, squares",
    "museum": "museums and galleries",
    "religious": "temples, shrines, churches, mosques",
    "park": "parks and gardens",
    "nature": "outdoors: hikes, mountains, lakes, hot springs",
    "beach": "beaches",
    "neighbourhood": "districts worth a stroll",
    "viewpoint": "viewpoints and observation decks",
    "market": "markets and food halls",
    "food_street": "street-food streets and areas",
    "restaurant": "restaurants",
    "cafe": "cafes, coffee houses, bakeries",
    "nightlife": "bars, clubs, live music",
    "entertainment": "shows, theme parks, zoos, aquariums, stadiums",
    "shopping": "shopping streets and malls",
    "day_trip": "excursions out of town",
    "event": "festivals, parades, seasonal markets (data/events_in_cities.json)",
}

# Categories whose places are eaten at, not visited as activities.
DINING_CATEGORIES = frozenset({"restaurant", "cafe"})

TAGS: frozenset[str] = frozenset(
    {
        "history",
        "art",
        "architecture",
        "religion",
        "temples",
        "churches",
        "castles",
        "museums",
        "science",
        "food",
        "street food",
        "local cuisine",
        "fine dining",
        "seafood",
        "vegetarian",
        "wine",
        "beer",
        "coffee",
        "cocktails",
        "nightlife",
        "live music",
        "markets",
        "shopping",
        "design",
        "parks",
        "gardens",
        "nature",
        "hiking",
        "beaches",
        "hot springs",
        "viewpoints",
        "photography",
        "anime",
        "pop culture",
        "kids",
        "romantic",
        "local life",
        "modern",
        "sports",
        "water",
        "cycling",
        "luxury",
        "cherry blossoms",
        "northern lights",
        "classical music",
        "opera",
        "jazz",
        "techno",
        "street art",
        "coffee houses",
        "festivals",
    }
)

# Outdoor places are visited in daylight unless the place says it is worth seeing at night.
OUTDOOR_CATEGORIES = frozenset({"park", "nature", "beach", "viewpoint"})
# Not for a party with children: bars, clubs, cocktail lounges.
ADULT_CATEGORIES = frozenset({"nightlife"})
ADULT_TAGS = frozenset({"nightlife", "cocktails"})
# A visit about drink (a brewery tour, a wine estate's tasting) is for adults too (the
# Heineken Experience admits adults only); a day trip with it is more than the drink.
TASTING_TAGS = frozenset({"beer", "wine"})
# What a place asks of a visitor's legs: many steps and no lift; a steep or rough walk.
ACCESS_NEEDS: dict[str, str] = {
    "stairs": "many steps and no lift",
    "steep": "a steep or rough walk",
}
# Which needs keep which traveller out (wheelchair users, pushchairs, older travellers).
ACCESS_AVOIDS: dict[str, frozenset[str]] = {
    "wheelchair": frozenset({"stairs", "steep"}),
    "pushchair": frozenset({"stairs", "steep"}),
    "limited mobility": frozenset({"stairs", "steep"}),
    "older": frozenset({"stairs", "steep"}),
    "older travellers": frozenset({"stairs", "steep"}),
    "disabled": frozenset({"stairs", "steep"}),
    "stairs": frozenset({"stairs"}),  # "can't do many stairs"
}

BUDGET_LEVELS = ("budget", "moderate", "luxury")
MEALS = ("breakfast", "lunch", "dinner")

# Interests that a place's category answers, beyond its tags.
INTEREST_CATEGORIES: dict[str, frozenset[str]] = {
    "museums": frozenset({"museum"}),
    "art": frozenset({"museum"}),
    "temples": frozenset({"religious"}),
    "churches": frozenset({"religious"}),
    "religion": frozenset({"religious"}),
    "markets": frozenset({"market"}),
    "viewpoints": frozenset({"viewpoint"}),
    "nightlife": frozenset({"nightlife"}),
    "beaches": frozenset({"beach"}),
    "parks": frozenset({"park"}),
    "gardens": frozenset({"park"}),
    "street food": frozenset({"food_street", "market"}),
    "food": frozenset({"market", "food_street"}),
    "nature": frozenset({"nature", "park", "beach"}),
    "shopping": frozenset({"shopping"}),
    "kids": frozenset({"entertainment"}),
    "history": frozenset({"sight"}),
}


# Interests a narrower tag answers too: "coffee" is met by a Viennese coffee house.
INTEREST_ALSO: dict[str, frozenset[str]] = {
    "coffee": frozenset({"coffee houses"}),
    "art": frozenset({"street art"}),
    "classical music": frozenset({"opera"}),
    "live music": frozenset({"jazz", "classical music", "opera"}),
    "nightlife": frozenset({"techno"}),
    "nature": frozenset({"northern lights", "cherry blossoms"}),
}
# Interests mostly met after dark: a concert, a club, an aurora tour (see trip/days.py).
EVENING_INTERESTS = frozenset(
    {
        "nightlife",
        "beer",
        "wine",
        "cocktails",
        "live music",
        "jazz",
        "techno",
        "opera",
        "classical music",
        "northern lights",
    }
)


def matches_interest(
    category: str, tags: tuple[str, ...] | list[str], interests: list[str]
) -> bool:
    """True when a place with this category and these tags answers one of ``interests``."""
    for interest in interests:
        if interest in tags or category in INTEREST_CATEGORIES.get(interest, ()):
            return True
        if INTEREST_ALSO.get(interest, frozenset()) & set(tags):
            return True
    return False
