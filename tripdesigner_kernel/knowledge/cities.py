"""World cities (GeoNames, >= 5,000 people), countries and our destination list.

Names are found by any GeoNames name of a place ("Wien", "東京"), accents and case
ignored; the extract is built by ``scripts/build_cities.py``.

Loaded on first use, never at import: the extension must load fast.
"""

from __future__ import annotations

import gzip
from array import array
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources

from tripdesigner_kernel.knowledge.text import fold

# What people type that GeoNames does not list as a name of the city.
ALIASES = {
    "nyc": "New York City",
    "new york": "New York City",
    "manhattan": "New York City",
    "la": "Los Angeles",
    "sf": "San Francisco",
    "san fran": "San Francisco",
    "dc": "Washington",
    "washington dc": "Washington",
    "washington d c": "Washington",
    "rio": "Rio de Janeiro",
    "saigon": "Ho Chi Minh City",
    "hcmc": "Ho Chi Minh City",
    "marrakech": "Marrakesh",
    "bombay": "Mumbai",
    "new delhi": "Delhi",
    "cdmx": "Mexico City",
    "ciudad de mexico": "Mexico City",
    "kl": "Kuala Lumpur",
    "cancún": "Cancun",
    "krakow": "Krakow",
    "kraków": "Krakow",
    "hk": "Hong Kong",
    "vegas": "Las Vegas",
    "nola": "New Orleans",
    "dallas fort worth": "Dallas",
    "dfw": "Dallas",
}


ALTERNATE_NAME_SHARE = 50
VISITED_NAMES_POWER = 4


@dataclass(frozen=True)
class City:
    """One city: where it is, its country and time zone."""

    name: str
    country: str
    lat: float
    lon: float
    population: int
    timezone: str
    admin1: str = ""  # the first-level division: the state's code for US places ("OR")
    everyday_word: bool = False  # the name is also an English word ("Reading", "Split")
    known_names: int = 0  # names GeoNames has for it, in many languages: how well known

    @property
    def key(self) -> str:
        return f"{self.name}, {self.country}"


@dataclass(frozen=True)
class Destination:
    """A city we curate places for."""

    name: str
    country: str
    tier: int


def data_text(name: str) -> str:
    path = resources.files("tripdesigner_kernel.knowledge") / "data" / name
    raw = path.read_bytes()
    if name.endswith(".gz"):
        raw = gzip.decompress(raw)
    return raw.decode("utf-8")


class _NameTable:
    """Folded names to rows of one extract file; a row is parsed only when found."""

    def __init__(self, file_name: str) -> None:
        self.rows: list[str] = []
        self.by_name: dict[str, int | list[int]] = {}  # one int for the common unique name
        by_name = self.by_name
        get = by_name.get
        rows = self.rows
        lines = data_text(file_name).split("\n")[1:]
        for index, line in enumerate(filter(None, lines)):
            keys, _, row = line.partition("\t")
            rows.append(row)
            for key in keys.split("|"):
                found = get(key)
                if found is None:
                    by_name[key] = index
                elif isinstance(found, int):
                    by_name[key] = [found, index]
                else:
                    found.append(index)

    @cached_property
    def positions(self) -> tuple[array[float], array[float]]:
        """Latitudes and longitudes of every row, in row order, parsed once for nearby
        searches; packed arrays, as a tuple per row would cost tens of bytes each."""
        lats, lons = array("d"), array("d")
        for row in self.rows:
            _, lat, lon, _ = row.split("\t", 3)
            lats.append(float(lat))
            lons.append(float(lon))
        return lats, lons

    def find(self, folded: str) -> list[City]:
        found = self.by_name.get(folded)
        if found is None:
            return []
        indexes = [found] if isinstance(found, int) else found
        return [self.city(index) for index in indexes]

    def city(self, index: int) -> City:
        name, lat, lon, country, admin1, population, tz, word, names = self.rows[index].split("\t")
        return City(
            name,
            country,
            float(lat),
            float(lon),
            int(population),
            tz,
            admin1,
            word == "w",
            int(names),
        )


class CityIndex:
    """Name lookup over the GeoNames extract: cities first, small towns on request."""

    def __init__(self) -> None:
        self._cities = _NameTable("cities.tsv.gz")
        self._towns: _NameTable | None = None
        self._small_towns: _NameTable | None = None  # the bases of touristic areas
        self._by_division: dict[str, list[int]] | None = None

    def _tables(self, towns: bool) -> list[_NameTable]:
        if not towns:
            return [self._cities]
        if self._towns is None or self._small_towns is None:
            self._towns = _NameTable("towns.tsv.gz")
            self._small_towns = _NameTable("small_towns.tsv")
        return [self._cities, self._towns, self._small_towns]

    def candidates(self, name: str, towns: bool = False) -> list[City]:
        """Cities called ``name`` (accents and case ignored), best first.

        Our destinations by their name come first, then larger cities; a city found by
        one of its other names ("Falmouth" was Portland's) counts as a fiftieth of its
        size. ``towns`` adds places of 5,000 to 15,000 people.
        """
        folded = fold(ALIASES.get(fold(name), name))
        tables = self._tables(towns)
        if folded.startswith("greater ") and not any(folded in t.by_name for t in tables):
            folded = folded.removeprefix("greater ")  # "Greater Manchester": the city's area
        preferred = destination_keys()
        # A few destinations are small towns (Queenstown, NZ: 10,000 people); without
        # the towns table a bare name would find a bigger namesake elsewhere.
        towns = towns or any(key_name == folded for key_name, _ in preferred)
        found = [city for table in self._tables(towns) for city in table.find(folded)]
        if not found and not towns:  # a town a stay was planned in: "Interlaken", "Fira"
            found = [city for table in self._tables(True) for city in table.find(folded)]
        found.sort(
            key=lambda c: (
                (folded, c.country) not in preferred or fold(c.name) != folded,
                -weight(c, folded),
            )
        )
        return found

    def nearby(self, lat: float, lon: float, km: float) -> list[City]:
        """Cities (not small towns) within ``km`` of a point, in no particular order."""
        from tripdesigner_kernel.knowledge.geo import km_between

        table = self._cities
        span = km / 111.0
        lats, lons = table.positions
        return [
            table.city(index)
            for index, (lat2, lon2) in enumerate(zip(lats, lons, strict=True))
            if abs(lat2 - lat) <= span and km_between(lat, lon, lat2, lon2) <= km
        ]

    def in_division(self, country: str, admin1: str | None = None) -> list[City]:
        """Cities of a country (or of one of its states), largest first."""
        if self._by_division is None:
            self._by_division = {}
            for index, row in enumerate(self._cities.rows):
                where = row.split("\t", 5)
                self._by_division.setdefault(where[3], []).append(index)
                self._by_division.setdefault(f"{where[3]}-{where[4]}", []).append(index)
        key = f"{country}-{admin1}" if admin1 else country
        return [self._cities.city(i) for i in self._by_division.get(key, [])]

    def lookup(self, name: str, towns: bool = False) -> City | None:
        """The best city called ``name``, or None."""
        found = self.candidates(name, towns)
        return found[0] if found else None

    def has_name(self, folded: str, towns: bool = False) -> bool:
        if folded in ALIASES:
            return True
        if any(folded in table.by_name for table in self._tables(towns)):
            return True
        return folded.startswith("greater ") and self.has_name(folded.removeprefix("greater "))


def weight(city: City, folded_name: str) -> float:
    """How likely a person naming ``folded_name`` means ``city``.

    Its population times the square of how many names it has (a city named in many
    languages is one people travel to: Valencia, Spain before Valencia, Venezuela,
    which has twice the people); a fiftieth of that when the name is only one of its
    other names (Victoria, BC before Hong Kong's old Victoria).
    """
    known = city.population * (1 + city.known_names) ** 2
    return known if fold(city.name) == folded_name else known / ALTERNATE_NAME_SHARE


def visited(city: City) -> float:
    """How much people travel to ``city``, to rank the cities of one state or country.

    Its population times the fourth power of how many languages name it: the number of
    names grows with how often a place is written about abroad, so it outranks size
    among places of one country (Austin before San Antonio, twice its size; Heraklion,
    Crete's main town, before Patras). ``weight``'s square only settles namesakes.
    """
    return city.population * (1 + city.known_names) ** VISITED_NAMES_POWER


@cache
def city_index() -> CityIndex:
    """The shared city index, built on first use."""
    return CityIndex()


@cache
def destinations() -> tuple[Destination, ...]:
    """Our curated destination list, in file order."""
    rows = []
    for line in data_text("destinations.tsv").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        name, country, tier = line.split("\t")
        rows.append(Destination(name, country, int(tier)))
    return tuple(rows)


@cache
def destination_cities() -> tuple[tuple[Destination, City], ...]:
    """Each of our destinations with its GeoNames city, in file order; looked up once, as
    several notes and questions walk the whole list on every turn."""
    index = city_index()
    pairs = ((d, index.lookup(d.name)) for d in destinations())
    return tuple((d, city) for d, city in pairs if city is not None)


@cache
def destination_keys() -> frozenset[tuple[str, str]]:
    return frozenset((fold(d.name), d.country) for d in destinations())


@cache
def countries() -> dict[str, dict[str, str]]:
    """Countries by ISO code: name, currency, capital, continent."""
    table = {}
    for line in data_text("countries.tsv").splitlines():
        if line.startswith("#"):
            continue
        iso, name, currency, capital, continent = line.split("\t")
        table[iso] = {
            "name": name,
            "currency": currency,
            "capital": capital,
            "continent": continent,
        }
    return table


@cache
def country_codes_by_name() -> dict[str, str]:
    """Folded country name -> ISO code, with common short names."""
    names = {fold(info["name"]): iso for iso, info in countries().items()}
    names.update(
        {
            "usa": "US",
            "us": "US",
            "america": "US",
            "united states": "US",
            "uk": "GB",
            "england": "GB",
            "scotland": "GB",
            "britain": "GB",
            "great britain": "GB",
            "holland": "NL",
            "czechia": "CZ",
            "czech republic": "CZ",
            "turkey": "TR",
            "turkiye": "TR",
            "uae": "AE",
            "emirates": "AE",
            "korea": "KR",
            "south korea": "KR",
        }
    )
    return names


def destinations_in_country(iso: str) -> list[Destination]:
    """Our destinations in one country, first-tier first."""
    return sorted((d for d in destinations() if d.country == iso), key=lambda d: d.tier)


@cache
def _well_known_names() -> tuple[str, ...]:
    """Folded names of our destinations and of cities of a million people or more."""
    big = [fold(row.split("\t")[0]) for row in city_index()._cities.rows[:600]]
    return tuple(dict.fromkeys([fold(d.name) for d in destinations()] + big))


def close_city(word: str) -> str | None:
    """The name of a well-known city that ``word`` misspells ("Barcelonna"), or None.

    rapidfuzz rather than difflib: the same edit ratio, a hundred times faster, so the
    near-miss search can cover the world's large cities, not only our destinations.
    """
    from rapidfuzz import fuzz, process

    match = process.extractOne(fold(word), _well_known_names(), scorer=fuzz.ratio, score_cutoff=85)
    return match[0] if match else None


def currency_of(iso: str) -> str:
    """The currency code of a country (USD when unknown)."""
    return countries().get(iso, {}).get("currency") or "USD"
