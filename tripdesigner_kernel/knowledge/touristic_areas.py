"""Islands, coasts, parks and famous regions named as destinations ("the Amalfi coast",
"Santorini", "Yosemite", "Bali") and the towns travellers stay in to see them.

Data: ``data/touristic_areas.tsv`` (Wikivoyage's area articles; towns too small for our
GeoNames extract are in ``data/small_towns.tsv``; see ``data/ATTRIBUTION.md``). States
and regions in ``regions.tsv`` (Tuscany, Sicily) are ``regions``' business.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from tripdesigner_kernel.knowledge.cities import City, city_index, data_text
from tripdesigner_kernel.knowledge.text import fold


@dataclass(frozen=True)
class TouristicArea:
    """An area named as a destination: its name, country (ISO 3166-1), ISO 3166-2 code
    when it is an administrative region, and base towns, best first."""

    name: str
    country: str
    code: str
    bases: tuple[City, ...]


def _base(name: str, country: str) -> City | None:
    """A base town by name, in ``country`` (towns under 5,000 people included)."""
    found = [c for c in city_index().candidates(name, True) if c.country == country]
    return found[0] if found else None


@cache
def _areas() -> dict[str, TouristicArea]:
    """Touristic areas by each of their folded names."""
    table: dict[str, TouristicArea] = {}
    for line in data_text("touristic_areas.tsv").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        names, country, code, bases = line.split("\t")
        found = tuple(c for c in (_base(s, country) for s in bases.split(";")) if c)
        area = TouristicArea(names.split("|")[0], country, code, found)
        table.update({fold(name): area for name in names.split("|")})
    return table


def touristic_area(name: str) -> TouristicArea | None:
    """The area called ``name`` ("amalfi coast", "the Highlands"), or None."""
    key = fold(name)
    return _areas().get(key) or _areas().get(key.removeprefix("the "))


def is_area_name(folded: str) -> bool:
    """Whether ``folded`` names an area, without building the table's towns."""
    return folded in _area_names() or folded.removeprefix("the ") in _area_names()


@cache
def _area_names() -> frozenset[str]:
    names: set[str] = set()
    for line in data_text("touristic_areas.tsv").splitlines():
        if not line.startswith("#") and line.strip():
            names.update(fold(n) for n in line.split("\t")[0].split("|"))
    return frozenset(names)
