"""States and regions of countries (ISO 3166-2): "Ohio" -> US-OH, and the cities in one.

Data: ``data/regions.tsv`` (US states and DC, Canadian provinces, Australian states, the
UK's nations, the regions of Italy, Spain, France, Germany and Japan people travel to;
GeoNames through ``scripts/build_regions.py``). A city's ``admin1`` is its
region's GeoNames code within the country ("OH", "08" for Ontario).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from tripdesigner_kernel.knowledge.cities import (
    City,
    city_index,
    data_text,
    destination_keys,
    weight,
)
from tripdesigner_kernel.knowledge.text import fold

# What people write for a state besides its name.
REGION_ALIASES = {"washington state": "US-WA", "dc": "US-DC", "d c": "US-DC"}


@dataclass(frozen=True)
class Region:
    """A state or region: ISO 3166-2 code ("US-OH"), name, GeoNames admin1 code."""

    code: str
    name: str
    admin1: str
    other_names: tuple[str, ...] = ()

    @property
    def country(self) -> str:
        return self.code.split("-")[0]


@cache
def regions() -> dict[str, Region]:
    """Regions by ISO 3166-2 code."""
    table = {}
    for line in data_text("regions.tsv").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        code, name, admin1, others = line.split("\t")
        table[code] = Region(code, name, admin1, tuple(filter(None, others.split("|"))))
    return table


@cache
def _by_name() -> dict[str, Region]:
    names = {fold(r.name): r for r in regions().values()}
    names.update({fold(n): r for r in regions().values() for n in r.other_names})
    names.update({fold(alias): regions()[code] for alias, code in REGION_ALIASES.items()})
    return names


def region_by_name(name: str) -> Region | None:
    """The region called ``name`` ("Ohio", "washington state"), or None."""
    return _by_name().get(fold(name))


def region_by_code(code: str, country: str = "US") -> Region | None:
    """The region with a postal code within ``country`` ("TX" -> US-TX), or None."""
    return regions().get(f"{country}-{code.upper()}")


@cache
def _by_admin1() -> dict[tuple[str, str], Region]:
    return {(r.country, r.admin1): r for r in regions().values()}


def region_of(city: City) -> Region | None:
    """The region a city lies in, where we know it."""
    return _by_admin1().get((city.country, city.admin1))


def cities_in_region(region: Region) -> list[City]:
    """Cities in a region, the likeliest to visit first: ours, then the best known."""
    found = city_index().in_division(region.country, region.admin1)
    ours = destination_keys()
    return sorted(
        found, key=lambda c: ((fold(c.name), c.country) not in ours, -weight(c, fold(c.name)))
    )
