"""Words the rules understand: numbers, interests, budget and pace words, currencies."""

# fmt: off

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "twenty": 20, "couple of": 2,
}


# Words people use -> the interest tags of our taxonomy.
INTEREST_SYNONYMS = {
    "temple": "temples", "temples": "temples", "shrine": "temples", "shrines": "temples",
    "food": "food", "foodie": "food", "cuisine": "food", "eating": "food", "culinary": "food",
    "food tour": "food", "street food": "street food", "museum": "museums", "museums": "museums",
    "viewpoint": "viewpoints", "viewpoints": "viewpoints", "views": "viewpoints",
    "art": "art", "galleries": "art", "wine": "wine", "wineries": "wine", "vineyards": "wine",
    "history": "history", "historic": "history", "historical": "history", "ruins": "history",
    "architecture": "architecture", "beach": "beaches", "beaches": "beaches",
    "anime": "anime", "manga": "anime", "nature": "nature", "outdoors": "nature",
    "hot springs": "hot springs", "hot spring": "hot springs", "onsen": "hot springs",
    "thermal baths": "hot springs", "spa": "hot springs", "nightlife": "nightlife",
    "bars": "nightlife", "clubs": "nightlife", "clubbing": "nightlife", "party": "nightlife",
    "market": "markets", "markets": "markets", "bazaar": "markets", "bazaars": "markets",
    "coffee": "coffee", "cafes": "coffee", "hiking": "hiking", "hikes": "hiking",
    "trekking": "hiking", "beer": "beer", "breweries": "beer", "castle": "castles",
    "castles": "castles", "park": "parks", "parks": "parks", "gardens": "gardens",
    "shopping": "shopping", "churches": "churches", "cathedrals": "churches",
    "live music": "live music", "jazz": "live music", "design": "design",
    "science": "science", "photography": "photography", "seafood": "seafood",
    "kids": "kids", "children": "kids", "romantic": "romantic", "cycling": "cycling",
}


BUDGET_WORDS = {
    "backpacker": "budget", "cheap": "budget", "shoestring": "budget", "low budget": "budget",
    "budget": "budget", "affordable": "budget", "moderate": "moderate", "mid range": "moderate",
    "midrange": "moderate", "comfortable": "moderate", "luxury": "luxury", "luxurious": "luxury",
    "5 star": "luxury", "five star": "luxury", "high end": "luxury", "splurge": "luxury",
}


# Dietary needs, as a person says them -> the need. Text is folded (no accents, lower case).
DIETARY_WORDS = {
    "vegetarian": "vegetarian", "vegetarians": "vegetarian", "veggie": "vegetarian",
    "no meat": "vegetarian", "don t eat meat": "vegetarian", "do not eat meat": "vegetarian",
    "vegan": "vegan", "vegans": "vegan", "plant based": "vegan",
    "halal": "halal", "kosher": "kosher",
    "gluten free": "gluten-free", "coeliac": "gluten-free",
    "celiac": "gluten-free",
}  # fmt: skip

# The middle month of each season, in the northern hemisphere.
SEASON_MONTHS = {"spring": 4, "summer": 7, "autumn": 10, "fall": 10, "winter": 1}

PACE_WORDS = {
    "relaxed": "relaxed", "slow": "relaxed", "chill": "relaxed", "easy going": "relaxed",
    "leisurely": "relaxed", "packed": "packed", "busy": "packed", "intense": "packed",
    "fast paced": "packed", "action packed": "packed",
}


CURRENCY_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₩": "KRW", "₹": "INR"}


CURRENCY_WORDS = {"usd": "USD", "dollars": "USD", "eur": "EUR", "euros": "EUR", "euro": "EUR",
                  "gbp": "GBP", "pounds": "GBP", "jpy": "JPY", "yen": "JPY", "aud": "AUD",
                  "cad": "CAD", "chf": "CHF", "mxn": "MXN", "krw": "KRW", "inr": "INR",
                  "thb": "THB", "sgd": "SGD", "nzd": "NZD", "brl": "BRL", "zar": "ZAR"}
# fmt: on
