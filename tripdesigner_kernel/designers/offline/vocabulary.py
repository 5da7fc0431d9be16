"""Words the rules understand: numbers, interests, budget and pace words, currencies."""

# fmt: off

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "twenty one": 21, "twenty two": 22,
    "twenty three": 23, "twenty four": 24, "twenty five": 25, "twenty six": 26,
    "twenty seven": 27, "twenty eight": 28, "twenty nine": 29, "thirty": 30,
    "thirty one": 31, "couple of": 2, "a couple of": 2, "a dozen": 12, "dozen": 12,
    "half a dozen": 6, "a pair of": 2,
}

# Who comes along, folded (singular and plural) -> how many people one mention adds.
COMPANIONS = {
    "wife": 1, "husband": 1, "bf": 1, "gf": 1, "hubby": 1, "wifey": 1, "partner": 1,
    "spouse": 1, "girlfriend": 1, "boyfriend": 1,
    "fiance": 1, "fiancee": 1, "sister": 1, "brother": 1, "sibling": 1, "mum": 1, "mom": 1,
    "mother": 1, "dad": 1, "father": 1, "friend": 1, "buddy": 1, "pal": 1, "mate": 1,
    "colleague": 1, "coworker": 1, "cousin": 1, "aunt": 1, "uncle": 1, "niece": 1,
    "nephew": 1, "grandma": 1, "grandpa": 1, "grandmother": 1, "grandfather": 1,
    "son": 1, "daughter": 1, "kid": 1, "child": 1, "boy": 1, "girl": 1, "baby": 1,
    "toddler": 1, "teenager": 1, "teen": 1, "parents": 2, "grandparents": 2, "in laws": 2,
    "folks": 2, "twins": 2, "grandson": 1, "granddaughter": 1, "grandchild": 1,
    "grandkid": 1,
}
# The companions who are children (ages are read from the text when given).
CHILD_WORDS = {
    "son", "daughter", "kid", "child", "boy", "girl", "baby", "toddler", "teenager", "teen",
    "twins", "infant", "grandson", "granddaughter", "grandchild", "grandkid",
}


# Words people use -> the interest tags of our taxonomy.
INTEREST_SYNONYMS = {
    "temple": "temples", "temples": "temples", "shrine": "temples", "shrines": "temples",
    "food": "food", "foodie": "food", "foodies": "food", "cuisine": "food", "eating": "food",
    "culinary": "food",
    "food tour": "food", "street food": "street food", "museum": "museums", "museums": "museums",
    "viewpoint": "viewpoints", "viewpoints": "viewpoints", "views": "viewpoints",
    "art": "art", "galleries": "art", "wine": "wine", "wineries": "wine", "vineyards": "wine",
    "history": "history", "historic": "history", "historical": "history", "ruins": "history",
    "architecture": "architecture", "beach": "beaches", "beaches": "beaches",
    "anime": "anime", "manga": "anime", "nature": "nature", "outdoors": "nature",
    "hot springs": "hot springs", "hot spring": "hot springs", "onsen": "hot springs",
    "thermal baths": "hot springs", "spa": "hot springs", "nightlife": "nightlife",
    "bars": "nightlife", "clubs": "nightlife", "clubbing": "nightlife", "partying": "nightlife",
    "party scene": "nightlife",
    "market": "markets", "markets": "markets", "bazaar": "markets", "bazaars": "markets",
    "coffee": "coffee", "cafes": "coffee", "hiking": "hiking", "hikes": "hiking",
    "trekking": "hiking", "beer": "beer", "breweries": "beer", "castle": "castles",
    "castles": "castles", "park": "parks", "parks": "parks", "gardens": "gardens",
    "shopping": "shopping", "churches": "churches", "cathedrals": "churches",
    "live music": "live music", "jazz": "live music", "design": "design",
    "science": "science", "photography": "photography", "seafood": "seafood",
    "kids": "kids", "children": "kids", "romantic": "romantic", "cycling": "cycling",
    # everyday words whose tag says it all
    "concerts": "live music", "concert": "live music", "jazz clubs": "live music",
    "coffee shops": "coffee", "cafe": "coffee", "cafe culture": "coffee", "dancing": "nightlife",
    "stadium": "sports", "kid friendly": "kids", "family friendly": "kids",
    # German, French, Spanish, Italian, Portuguese (folded: no accents)
    "museen": "museums", "musees": "museums", "musee": "museums", "museos": "museums",
    "musei": "museums", "museus": "museums", "strande": "beaches", "strand": "beaches",
    "plages": "beaches", "plage": "beaches", "playas": "beaches", "playa": "beaches",
    "spiagge": "beaches", "spiaggia": "beaches", "praias": "beaches", "praia": "beaches",
    "caffe": "coffee", "konzerte": "live music", "kunst": "art", "arte": "art",
    "geschichte": "history", "histoire": "history", "historia": "history", "storia": "history",
    "gastronomie": "food", "gastronomia": "food", "comida": "food", "cibo": "food", "wein": "wine",
    "vino": "wine", "vinho": "wine", "natur": "nature", "naturaleza": "nature", "natura": "nature",
    "natureza": "nature", "wandern": "hiking", "randonnee": "hiking", "randonnees": "hiking",
    "senderismo": "hiking", "escursioni": "hiking", "trilhas": "hiking", "nachtleben": "nightlife",
    "vie nocturne": "nightlife", "vida nocturna": "nightlife", "vita notturna": "nightlife",
    "vida noturna": "nightlife", "markte": "markets", "mercados": "markets", "mercati": "markets",
    "kirchen": "churches", "eglises": "churches", "iglesias": "churches", "chiese": "churches",
    "igrejas": "churches", "burgen": "castles", "schlosser": "castles", "chateaux": "castles",
    "castillos": "castles", "castelli": "castles", "castelos": "castles",
    "architektur": "architecture", "arquitectura": "architecture", "architettura": "architecture",
    "arquitetura": "architecture", "parques": "parks", "parchi": "parks", "jardins": "gardens",
    "jardines": "gardens", "giardini": "gardens", "bier": "beer", "cerveza": "beer",
    "birra": "beer", "cerveja": "beer", "kinder": "kids", "enfants": "kids", "ninos": "kids",
    "bambini": "kids", "criancas": "kids",
}

# Interests our tags only approximate: folded phrase -> (the tag planned, the person's
# word the reply repeats): "opera" is planned as live music and noted as opera.
APPROXIMATE_INTERESTS = {
    "classical music": ("live music", "classical music"),
    "classical concerts": ("live music", "classical music"),
    "klassische musik": ("live music", "classical music"),
    "musique classique": ("live music", "classical music"),
    "musica clasica": ("live music", "classical music"),
    "musica classica": ("live music", "classical music"), "opera": ("live music", "opera"),
    "operas": ("live music", "opera"), "oper": ("live music", "opera"),
    "symphony": ("live music", "classical music"),
    "philharmonic": ("live music", "classical music"),
    "coffee houses": ("coffee", "coffee houses"), "coffeehouses": ("coffee", "coffee houses"),
    "kaffeehauser": ("coffee", "coffee houses"), "kaffeehaus": ("coffee", "coffee houses"),
    "techno": ("nightlife", "techno"), "raves": ("nightlife", "techno"),
    "street art": ("art", "street art"), "graffiti": ("art", "street art"),
    "murals": ("art", "street art"), "cherry blossoms": ("gardens", "cherry blossoms"),
    "cherry blossom": ("gardens", "cherry blossoms"), "sakura": ("gardens", "cherry blossoms"),
    "hanami": ("gardens", "cherry blossoms"), "northern lights": ("nature", "northern lights"),
    "aurora": ("nature", "northern lights"), "aurora borealis": ("nature", "northern lights"),
    "whale watching": ("water", "whale watching"), "whales": ("water", "whale watching"),
    "snorkelling": ("water", "snorkelling"), "snorkeling": ("water", "snorkelling"),
    "snorkel": ("water", "snorkelling"), "diving": ("water", "diving"),
    "scuba": ("water", "diving"), "scuba diving": ("water", "diving"),
    "surfing": ("water", "surfing"), "surf": ("water", "surfing"),
    "kayaking": ("water", "kayaking"), "sailing": ("water", "sailing"),
    "skiing": ("sports", "skiing"), "ski": ("sports", "skiing"),
    "snowboarding": ("sports", "snowboarding"), "wine tasting": ("wine", "wine tasting"),
    "wine tastings": ("wine", "wine tasting"), "food markets": ("markets", "food markets"),
    "food market": ("markets", "food markets"), "flea markets": ("markets", "flea markets"),
    "flea market": ("markets", "flea markets"),
    "vintage shopping": ("shopping", "vintage shopping"),
    "vintage": ("shopping", "vintage shopping"),
    "thrift shopping": ("shopping", "vintage shopping"),
    "thrifting": ("shopping", "vintage shopping"),
    "football match": ("sports", "a football match"),
    "football game": ("sports", "a football match"), "soccer": ("sports", "a football match"),
    "soccer game": ("sports", "a football match"), "soccer match": ("sports", "a football match"),
    "football": ("sports", "a football match"),
    "museums for kids": ("museums", "museums for kids"), "theme parks": ("kids", "theme parks"),
    "theme park": ("kids", "theme parks"), "amusement park": ("kids", "theme parks"),
    "amusement parks": ("kids", "theme parks"), "water park": ("kids", "water parks"),
    "roller coasters": ("kids", "theme parks"), "zoo": ("kids", "zoos"),
    "aquarium": ("kids", "aquariums"), "jazz": ("live music", "jazz"),
}
INTEREST_WORDS = {phrase: word for phrase, (_tag, word) in APPROXIMATE_INTERESTS.items()}
INTEREST_SYNONYMS.update({phrase: tag for phrase, (tag, _word) in APPROXIMATE_INTERESTS.items()})


# What the stay should have ("hotel w/ pool"), folded phrase -> amenity.
AMENITY_WORDS = {
    "pool": "pool", "swimming pool": "pool", "gym": "gym", "fitness center": "gym",
    "parking": "parking", "free parking": "parking", "wifi": "wifi", "wi fi": "wifi",
    "breakfast included": "breakfast", "with breakfast": "breakfast", "kitchen": "kitchen",
    "kitchenette": "kitchen", "air conditioning": "air conditioning", "aircon": "air conditioning",
    "a c": "air conditioning", "sea view": "sea view", "ocean view": "sea view",
    "balcony": "balcony", "hot tub": "hot tub", "jacuzzi": "hot tub", "washer": "laundry",
    "laundry": "laundry", "elevator": "lift",
}

BUDGET_WORDS = {
    "backpacker": "budget", "cheap": "budget", "shoestring": "budget", "low budget": "budget",
    "budget": "budget", "affordable": "budget", "moderate": "moderate", "mid range": "moderate",
    "midrange": "moderate", "comfortable": "moderate", "luxury": "luxury", "luxurious": "luxury",
    "5 star": "luxury", "five star": "luxury", "high end": "luxury", "splurge": "luxury",
    "cheapish": "budget", "on the cheap": "budget", "tight budget": "budget",
    "small budget": "budget", "limited budget": "budget", "low cost": "budget",
    "inexpensive": "budget", "frugal": "budget", "penny pinching": "budget",
    "mid budget": "moderate", "medium budget": "moderate", "middle budget": "moderate",
    "mid level": "moderate", "mid priced": "moderate", "moderately priced": "moderate",
    "reasonably priced": "moderate", "reasonable prices": "moderate", "not too pricey": "moderate",
    "not too expensive": "moderate", "nothing too expensive": "moderate",
    "not too fancy": "moderate", "nothing fancy": "moderate",
    "nothing too fancy": "moderate", "not fancy": "moderate", "middle of the road": "moderate",
    "fancy": "luxury", "posh": "luxury", "upscale": "luxury", "lavish": "luxury",
    "treat ourselves": "luxury", "treat myself": "luxury", "no expense spared": "luxury",
    "spare no expense": "luxury", "money no object": "luxury", "top end": "luxury",
    "deluxe": "luxury", "go all out": "luxury", "4 star": "moderate", "four star": "moderate",
}  # "expensive" and "pricey" alone are left out: "nothing expensive" is a refusal


# Dietary needs, as a person says them -> the need. Text is folded (no accents, lower case).
DIETARY_WORDS = {
    "vegetarian": "vegetarian", "vegetarians": "vegetarian", "veggie": "vegetarian",
    "no meat": "vegetarian", "don t eat meat": "vegetarian", "do not eat meat": "vegetarian",
    "vegan": "vegan", "vegans": "vegan", "plant based": "vegan",
    "halal": "halal", "kosher": "kosher",
    "gluten free": "gluten-free", "coeliac": "gluten-free",
    "celiac": "gluten-free", "diabetic": "diabetic", "diabetes": "diabetic",
    "diabetics": "diabetic",
}  # fmt: skip

# The middle month of each season, in the northern hemisphere.
SEASON_MONTHS = {"spring": 4, "summer": 7, "autumn": 10, "fall": 10, "winter": 1}

PACE_WORDS = {
    "relaxed": "relaxed", "slow": "relaxed", "chill": "relaxed", "easy going": "relaxed",
    "leisurely": "relaxed", "packed": "packed", "busy": "packed", "intense": "packed",
    "fast paced": "packed", "action packed": "packed",
}


# Currency words several countries use -> their codes; the trip's countries choose, else the
# value in CURRENCY_WORDS (or Babel's) stands.
AMBIGUOUS_CURRENCY_WORDS = {
    "dollars": {"USD", "CAD", "AUD", "NZD", "SGD", "HKD", "TWD", "JMD", "BSD", "FJD", "NAD"},
    "pesos": {"MXN", "ARS", "CLP", "COP", "UYU", "DOP", "PHP", "CUP"},
    "francs": {"CHF", "XOF", "XAF", "XPF", "KMF", "DJF", "RWF", "BIF", "GNF"},
    "rupees": {"INR", "LKR", "NPR", "PKR", "MUR", "SCR"},
    "dinars": {"JOD", "KWD", "BHD", "TND", "DZD", "RSD", "IQD", "LYD", "MKD"},
    "crowns": {"SEK", "NOK", "DKK", "CZK", "ISK"},
    "krona": {"SEK", "ISK"}, "riyals": {"SAR", "QAR", "OMR", "YER"},
    "shillings": {"KES", "TZS", "UGX", "SOS"}, "pounds": {"GBP", "EGP", "LBP", "SYP"},
    "kr": {"SEK", "NOK", "DKK", "ISK"}, "kroner": {"NOK", "DKK"},
    "cfa francs": {"XOF", "XAF"}, "cfa": {"XOF", "XAF"}, "fcfa": {"XOF", "XAF"},
    "¥": {"JPY", "CNY"}, "yuan": {"CNY"},
}

# Cuisines people ask for (TravelPlanner's seven first), folded adjective -> name.
CUISINES = {
    "chinese": "Chinese", "american": "American", "italian": "Italian", "mexican": "Mexican",
    "indian": "Indian", "mediterranean": "Mediterranean", "french": "French",
    "japanese": "Japanese", "thai": "Thai", "vietnamese": "Vietnamese", "korean": "Korean",
    "spanish": "Spanish", "greek": "Greek", "turkish": "Turkish", "lebanese": "Lebanese",
    "middle eastern": "Middle Eastern", "ethiopian": "Ethiopian", "moroccan": "Moroccan",
    "caribbean": "Caribbean", "cajun": "Cajun", "creole": "Creole", "peruvian": "Peruvian",
    "brazilian": "Brazilian", "argentinian": "Argentinian", "german": "German",
    "british": "British", "irish": "Irish", "portuguese": "Portuguese", "indonesian": "Indonesian",
    "malaysian": "Malaysian", "filipino": "Filipino", "persian": "Persian", "georgian": "Georgian",
    "nepalese": "Nepalese", "pakistani": "Pakistani", "sichuan": "Sichuan",
    "cantonese": "Cantonese",
    "tex mex": "Tex-Mex", "southern": "Southern", "soul food": "Soul food", "nordic": "Nordic",
    "scandinavian": "Scandinavian", "polish": "Polish", "hungarian": "Hungarian",
    "austrian": "Austrian", "swiss": "Swiss", "belgian": "Belgian", "israeli": "Israeli",
    "african": "African", "asian": "Asian", "latin american": "Latin American",
}

# Dishes that name their cuisine wherever they are said ("love sushi and ramen").
DISHES = {
    "sushi": "Japanese", "ramen": "Japanese", "izakaya": "Japanese", "tapas": "Spanish",
    "paella": "Spanish", "dim sum": "Chinese", "tacos": "Mexican", "pho": "Vietnamese",
    "k bbq": "Korean", "korean bbq": "Korean", "bibimbap": "Korean", "pad thai": "Thai",
    "pasta": "Italian", "pizza": "Italian", "gelato": "Italian", "curry": "Indian",
    "mezze": "Middle Eastern", "falafel": "Middle Eastern",
}

# Words that make a sentence about food, so "Italian" there is a cuisine, not a place or people.
FOOD_CUES = (
    r"\b(?:cuisines?|food|foods|foodies?|meals?|dishes|dining|dine|restaurants?|eat|eating|culinary|"
    r"cooking|fare|dinners?|lunch(?:es)?|tast\w*|flavou?rs?|gastronom\w*)\b"
)

# (pattern on folded text, need): accessibility needs the planner should respect.
ACCESSIBILITY_WORDS = [
    (r"\bwheel ?chairs?\b|\bwheelchair (?:user|bound)\b", "wheelchair"),
    (r"\b(?:pushchairs?|strollers?|prams?|buggy|buggies)\b", "pushchair"),
    (
        r"\b(?:elderly|older (?:travell?ers|people|parents|adults|relatives)|seniors?|"
        r"aged parents|old parents|grandparents|grandma|grandpa|grandmother|grandfather)\b|"
        r"\b(?:mum|mom|mother|dad|father|parents?|grandparents?|wife|husband|partner|"
        r"he|she|they) (?:is|are|s|re) (?:[7-9]\d|6[5-9])\b|"
        r"\bin (?:their|his|her|our) (?:late )?(?:[7-9]0|sixties|seventies|eighties|nineties)s?\b|"
        r"\b(?:we|we both|both of us) (?:are|re) (?:both )?(?:aged )?(?:[7-9]\d|6[5-9])\b|"
        r"\b(?:i|i m|i am) (?:aged )?(?:[7-9]\d|6[5-9])(?: years old)?\b(?! (?:days|nights|km))|"
        r"\b(?:aged|ages) (?:[7-9]\d|6[5-9])(?: and (?:[7-9]\d|6[5-9]))?\b|"
        r"\b(?:[7-9]\d|6[5-9]) year old "
        r"(?:mum|mom|mother|dad|father|parents?|grandm\w+|grandf\w+)\b",
        "older travellers",
    ),
    (
        r"\b(?:limited|reduced|restricted|low) mobility\b|\b(?:low|little|minimal|limited|less|"
        r"not much|not a lot of|no long|not too much|easy on the) walking\b|\bwalking "
        r"(?:is hard|is difficult|kept short|to a minimum)\b|\bmobility (?:issues?|problems?|"
        r"needs?|aid|scooter)\b|\b(?:can t|cannot) walk (?:far|much|long)\b|\bbad knees?\b|"
        r"\bwalker\b|\bcrutches\b|\bstep free\b",
        "limited mobility",
    ),
    (r"\bdisab(?:led|ility|ilities)\b|\bhandicap\w*\b", "disabled"),
]

# Words that refuse what follows ("no museums", "not into nightlife", "skip the bars").
AVOID_CUES = (
    r"\b(?:no|not into|not a fan of|not big on|not keen on|not interested in|don t like|"
    r"do not like|don t want|do not want|dislike|hate|avoid|skip|without|none of|nothing|"
    r"not much|no more|less|fewer|not|isn t|aren t|never)\b"
)


CURRENCY_SYMBOLS = {
    "$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₩": "KRW", "₹": "INR",
    "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD", "NZ$": "NZD", "HK$": "HKD",
    "S$": "SGD", "R$": "BRL", "MX$": "MXN", "₽": "RUB", "₺": "TRY", "₴": "UAH", "₪": "ILS",
    "฿": "THB", "₫": "VND", "₱": "PHP", "₦": "NGN", "₲": "PYG", "₡": "CRC", "₸": "KZT",
    "₾": "GEL", "₼": "AZN", "৳": "BDT", "₮": "MNT", "₭": "LAK", "៛": "KHR", "zł": "PLN",
    "Kč": "CZK", "Fr.": "CHF", "CHF": "CHF", "Rs": "INR", "Rp": "IDR", "RM": "MYR",
    "NT$": "TWD", "元": "CNY", "円": "JPY", "원": "KRW",
}


# Everyday names of currencies (folded), beyond the ISO codes and Babel's English names.
CURRENCY_WORDS = {
    "dollars": "USD", "dollar": "USD", "bucks": "USD", "us dollars": "USD", "euros": "EUR",
    "euro": "EUR", "eur": "EUR", "pounds": "GBP", "pound": "GBP", "quid": "GBP",
    "pounds sterling": "GBP", "sterling": "GBP", "yen": "JPY", "yuan": "CNY", "rmb": "CNY",
    "renminbi": "CNY", "rupees": "INR", "rupee": "INR", "won": "KRW", "baht": "THB",
    "swiss francs": "CHF", "swiss franc": "CHF", "francs": "CHF", "canadian dollars": "CAD",
    "australian dollars": "AUD", "aussie dollars": "AUD", "kiwi dollars": "NZD",
    "new zealand dollars": "NZD", "singapore dollars": "SGD", "hong kong dollars": "HKD",
    "pesos": "MXN", "mexican pesos": "MXN", "reais": "BRL", "real": "BRL", "rand": "ZAR",
    "lira": "TRY", "liras": "TRY", "dirhams": "AED", "dirham": "AED", "riyals": "SAR",
    "riyal": "SAR", "dong": "VND", "ringgit": "MYR", "rupiah": "IDR", "zloty": "PLN",
    "zlotys": "PLN", "forint": "HUF", "koruna": "CZK", "crowns": "SEK", "krona": "SEK",
    "kronor": "SEK", "kroner": "NOK", "krone": "NOK", "shekels": "ILS", "shekel": "ILS",
    "dinars": "JOD", "soles": "PEN", "sol": "PEN", "rubles": "RUB", "roubles": "RUB",
    "hryvnia": "UAH", "lari": "GEL", "tenge": "KZT", "som": "UZS", "manat": "AZN",
    "taka": "BDT", "kip": "LAK", "riel": "KHR", "kyat": "MMK", "naira": "NGN",
    "shillings": "KES", "cedis": "GHS", "lempiras": "HNL", "lempira": "HNL",
    "quetzales": "GTQ", "quetzal": "GTQ", "colones": "CRC", "leva": "BGN", "lev": "BGN",
    "cfa francs": "XOF", "cfa": "XOF", "fcfa": "XOF", "kr": "SEK", "kronur": "ISK",
}

# fmt: on
