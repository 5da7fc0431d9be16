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
    }
)

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


def matches_interest(
    category: str, tags: tuple[str, ...] | list[str], interests: list[str]
) -> bool:
    """True when a place with this category and these tags answers one of ``interests``."""
    for interest in interests:
        if interest in tags or category in INTEREST_CATEGORIES.get(interest, ()):
            return True
    return False
