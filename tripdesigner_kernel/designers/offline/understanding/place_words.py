"""Words around place names: what is not a place, and what says a place's role."""

from __future__ import annotations

import re

# fmt: off
# Capitalised words that are also names of small towns somewhere.
NOT_PLACES = {
    "i", "im", "we", "plan", "day", "days", "week", "weeks", "trip", "budget", "luxury",
    "family", "friends", "museums", "food", "art", "wine", "history", "temples", "nature",
    "please", "somewhere", "warm", "couple", "people", "adults", "kids", "solo", "nights",
    "moderate", "relaxed", "total", "two", "three", "four", "five", "add", "make", "swap",
    "remove", "love", "and", "in", "for", "the", "a", "with", "from", "to", "of", "on", "at",
    "beaches", "beach", "street", "coffee", "nightlife", "markets", "hiking", "beer", "castles",
    "anime", "architecture", "parks", "march", "may", "june", "july", "august", "april",
    "january", "february", "september", "october", "november", "december", "weekend", "long",
    "one", "hot", "springs", "viewpoints", "tour", "pace", "person", "backpacker", "next",
    "month", "year", "this", "our", "my", "me", "us", "it", "is", "be", "what", "how",
    # Words that open a request ("Can you plan...": Can is also Caen's other name).
    "can", "could", "would", "will", "hi", "hello", "hey", "where", "when", "help", "need",
    "want", "let", "lets", "show", "give", "find", "book", "visit", "going", "heading",
    "thinking", "looking", "maybe", "you", "also", "then", "now", "there", "honeymoon",
    "do", "ok", "okay", "yes", "no", "more", "tell", "surprise",
    # Weekdays, continents and the like: never one city.
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "africa", "asia", "europe", "oceania", "antarctica", "america", "north america",
    "south america", "latin america", "central america", "middle east", "caribbean",
    "scandinavia", "balkans", "mediterranean", "american", "mexican", "chinese", "indian",
    "italian", "french", "thai", "japanese", "greek", "spanish", "korean", "vietnamese",
    "ev", "suv", "round", "budget friendly", "hotel", "hotels", "room", "rooms", "entire",
    "private", "shared", "cuisine", "cuisines", "easter", "christmas", "new year",
    "origin", "destination", "destinations", "departure", "arrival", "dates", "date",
    # Months and weekdays as people shorten them ("Krakow Dec 18-20"): dates, not names.
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "itinerary", "itin", "pls", "plz", "thanks", "thx", "vacation", "holiday", "getaway",
}

# Country names that are also everyday words when written in lower case.
LOWERCASE_NOT_COUNTRIES = {"turkey", "china", "chad", "jordan", "georgia", "guinea", "us", "oman"}
# fmt: on

# Words right before a name that make it a place even in lower case or when small.
PLACE_CUE = re.compile(
    r"\b(?:in|to|from|visit|visiting|see|seeing|explore|exploring|via|then|around|near|"
    r"of|leave|leaving|and|or|at|towards?|into|between|out)\W*$",
    re.IGNORECASE,
)

# "itinerary for barcelona", "plan porto for me": a trip's word says a place follows.
TRIP_FOR = re.compile(
    r"\b(?:itinerary|itin|trip|plan|guide|tour|days?|nights?|week|weekend|holiday|"
    r"vacation|getaway|break|honeymoon|ideas|tips)\s+for\W*$|\b(?:plan|planning)\W*$",
    re.IGNORECASE,
)

# Words right before a name that make it where the trip starts.
ORIGIN_CUE = re.compile(
    r"\b(?:from|out of|leav(?:e|ing)|depart(?:s|ing|ure)?(?: (?:from|out of|in|at))?|"
    r"(?:start(?:s|ed|ing)?|begin(?:s|ning)?|initiat(?:es?|ed|ing)|originat(?:es?|ed|ing)|"
    r"commenc(?:es?|ed|ing)|set(?:ting)? off|kick(?:s|ing)? off|set(?:ting)? out)"
    r"(?: our| my| the)?(?: journey| trip| travels?)?(?: (?:in|from|at|out of))?|"
    r"(?:based|live|living|reside|residing|home|located|stay(?:ing)? put) (?:in|at|near)|"
    r"(?:back|return(?:ing)?)(?: home)? to|"
    r"(?:fly(?:ing)?|heading|head|going|go)(?: back home| back| home) to|"
    r"currently (?:in|at)|home (?:is|being)(?: in)?|"
    r"(?:origin|departure city|home city|home airport|starting point)\s*[:=-]?)\W*$",
    re.IGNORECASE,
)

# "2 cities in Ohio", "three different cities": how many cities of a state or country.
CITY_COUNT = re.compile(
    r"\b(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|a couple of|a few)\s+"
    r"(?:different |distinct |other |separate |unique |major |main |top )?cities\b",
    re.IGNORECASE,
)

# "stay at Cerro de la Cruz Garden Resort": the words after "stay at" name a lodging.
LODGING_BEFORE = re.compile(
    r"\bstay(?:ing)? at (?:(?:[A-Z][\w'’-]*|de|la|del|da|di|of|the|and|&) )*$"
)
# "visit Pyramids of Giza while in Cairo": the words before "while in" name a sight.
SIGHT_AFTER = re.compile(
    r"(?:[ -](?:[A-Z][\w'’-]*|de|la|del|da|di|of|the|and|&))* while (?:in|at) "
)
# What follows a place's name when it opens a sentence: "Berlin for 3 days", "Nice, France".
PLACE_AFTER = re.compile(
    r"\s*(?:$|[,.!?;:&\d]|(?:for|in|and|then|or|from|with|during|over|this|next|on|is a|"
    r"trip|vacation|holiday|getaway|weekend|week|days?|nights?|itinerary|itin|plan|guide|"
    r"tour|break|visit|stay|honeymoon|city break|pls|please|plz|asap|"
    r"jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec|january|february|march|april|june|"
    r"july|august|september|october|november|december)\b|(?-i:to\s+[A-Z]))",
    re.IGNORECASE,
)
# A run of capitalised words after a place cue: maybe an airport's name or code.
AIRPORT_RUN = re.compile(
    r"\b(?:from|to|out of|via|into|leaving)\s+"
    r"((?:[A-Z][a-z'’-]+|[A-Z]{3})(?:[ -](?:[A-Z][a-z'’-]+|al|de|del|la|di|du))*)"
)
# What follows a place in a list or with its stay: "Phoenix and Denver", "Lyon for 3 days".
LISTED_AFTER = re.compile(
    r"\s*(?:,|&|->|→|\d|\((?:\d|[a-z]+ days?)|(?:and|then|or|to)\s+(?-i:[A-Z])|"
    r"for (?:\d|a |an |one|two|three|four|five|six|seven|a few|\w+ (?:days|nights|weeks)))",
    re.IGNORECASE,
)

# Place names that are, first, a food or drink ("I love Champagne", "Calvados and cheese",
# "Cheddar cheese"): a place only when a word says so ("3 days in Champagne", "visit Cognac").
FOOD_FIRST = {
    "champagne", "calvados", "cheddar", "cognac", "armagnac", "sherry", "tequila", "marsala",
    "chianti", "prosecco", "roquefort", "camembert", "brie", "gouda", "edam", "stilton",
    "emmental", "gruyere", "parmesan", "cava", "rioja", "mezcal", "madeira", "port",
    "bourbon", "scotch", "pilsner", "jerez", "asti", "chablis", "sauternes", "beaujolais",
}  # fmt: skip
# Places that name a wine or a food besides ("I love Bordeaux, 3 days in Paris").
FOOD_NAMED = FOOD_FIRST | {
    "bordeaux", "burgundy", "bourgogne", "dijon", "parma", "porto", "rioja", "tokaj", "mosel",
    "sancerre", "bologna", "frankfurt", "hamburg", "napoli", "kobe", "sichuan", "szechuan",
}  # fmt: skip
# Places whose name also names a food or wine ("a Bordeaux wine tour", "Dijon mustard",
# "Parma ham"): the food when one of these words follows and another place is the trip's.
FOOD_AFTER = re.compile(
    r"\s+(?:wines?|cheeses?|tastings?|ham|hams|sausages?|mustard|brandy|sauces?|vinegar"
    r"|ciders?|bubbly|glass|bottles?|vineyards?|cellars?|houses?|grapes?|reds?|whites?|style"
    r"|salami|biscuits?|chocolates?|beers?)\b",
    re.IGNORECASE,
)
# Words before a name that say it is drunk or eaten, not visited.
FOOD_BEFORE = re.compile(
    r"\b(?:love|loves|like|likes|drink|drinking|drank|taste|tasting|sip|sipping|try|trying"
    r"|bottle of|glass of|some|enjoy|enjoying|fan of|into|with|and|of)\s+$",
    re.IGNORECASE,
)
# Words before a name that say it is a place.
VISIT_CUE = re.compile(
    r"\b(?:in|to|visit|visiting|explore|exploring|around|through|tour of|trip to|from|via"
    r"|near|region of|days? in|nights? in|weekend in|week in|go to|going to|head to)"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)
