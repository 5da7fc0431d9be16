"""Gateway airports: a curated table first (the nearest airport is often the wrong one),
then ``airportsdata`` by city name."""

from __future__ import annotations

from functools import cache

from tripdesigner_kernel.knowledge.text import fold

# The airport most travellers to the city fly into (IATA).
GATEWAYS = {
    "paris": "CDG",
    "london": "LHR",
    "rome": "FCO",
    "barcelona": "BCN",
    "madrid": "MAD",
    "lisbon": "LIS",
    "porto": "OPO",
    "amsterdam": "AMS",
    "berlin": "BER",
    "munich": "MUC",
    "prague": "PRG",
    "vienna": "VIE",
    "budapest": "BUD",
    "copenhagen": "CPH",
    "stockholm": "ARN",
    "oslo": "OSL",
    "helsinki": "HEL",
    "reykjavik": "KEF",
    "dublin": "DUB",
    "edinburgh": "EDI",
    "florence": "FLR",
    "venice": "VCE",
    "milan": "MXP",
    "naples": "NAP",
    "athens": "ATH",
    "istanbul": "IST",
    "seville": "SVQ",
    "brussels": "BRU",
    "zurich": "ZRH",
    "krakow": "KRK",
    "dubrovnik": "DBV",
    "nice": "NCE",
    "tokyo": "HND",
    "kyoto": "KIX",
    "osaka": "KIX",
    "seoul": "ICN",
    "beijing": "PEK",
    "shanghai": "PVG",
    "hong kong": "HKG",
    "taipei": "TPE",
    "singapore": "SIN",
    "bangkok": "BKK",
    "chiang mai": "CNX",
    "hanoi": "HAN",
    "ho chi minh city": "SGN",
    "ubud": "DPS",
    "kuala lumpur": "KUL",
    "mumbai": "BOM",
    "delhi": "DEL",
    "jaipur": "JAI",
    "dubai": "DXB",
    "new york city": "JFK",
    "san francisco": "SFO",
    "los angeles": "LAX",
    "chicago": "ORD",
    "washington": "IAD",
    "boston": "BOS",
    "new orleans": "MSY",
    "miami": "MIA",
    "las vegas": "LAS",
    "seattle": "SEA",
    "honolulu": "HNL",
    "vancouver": "YVR",
    "toronto": "YYZ",
    "montreal": "YUL",
    "mexico city": "MEX",
    "cancun": "CUN",
    "havana": "HAV",
    "cusco": "CUZ",
    "lima": "LIM",
    "buenos aires": "EZE",
    "rio de janeiro": "GIG",
    "santiago": "SCL",
    "marrakesh": "RAK",
    "cairo": "CAI",
    "cape town": "CPT",
    "nairobi": "NBO",
    "sydney": "SYD",
    "melbourne": "MEL",
    "auckland": "AKL",
    "queenstown": "ZQN",
}


@cache
def _by_city() -> dict[str, str]:
    import airportsdata

    table: dict[str, str] = {}
    for code, airport in sorted(airportsdata.load("IATA").items()):
        table.setdefault(fold(airport["city"]), code)
    return table


def gateway(city: str) -> str | None:
    """The IATA code travellers to ``city`` usually fly into, or None."""
    key = fold(city)
    return GATEWAYS.get(key) or _by_city().get(key)
