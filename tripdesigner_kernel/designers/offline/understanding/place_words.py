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

# Words right before a name that make it where the trip starts.
ORIGIN_CUE = re.compile(
    r"\b(?:from|out of|leav(?:e|ing)|depart(?:s|ing|ure)?(?: (?:from|out of|in|at))?|"
    r"(?:start(?:s|ed|ing)?|begin(?:s|ning)?|initiat(?:es?|ed|ing)|originat(?:es?|ed|ing)|"
    r"commenc(?:es?|ed|ing)|set(?:ting)? off|kick(?:s|ing)? off|set(?:ting)? out)"
    r"(?: our| my| the)?(?: journey| trip| travels?)?(?: (?:in|from|at|out of))?|"
    r"(?:based|live|living|reside|residing|home|located|stay(?:ing)? put) (?:in|at|near)|"
    r"(?:back|return(?:ing)?|fly(?:ing)? home|heading home|head home|going home) to|"
    r"home (?:is|being)(?: in)?)\W*$",
    re.IGNORECASE,
)

# "2 cities in Ohio", "three different cities": how many cities of a state or country.
CITY_COUNT = re.compile(
    r"\b(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|a couple of|a few)\s+"
    r"(?:different |distinct |other |separate |unique |major |main |top )?cities\b",
    re.IGNORECASE,
)
