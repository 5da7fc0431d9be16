"""Islands, coasts, parks and famous regions named as destinations ("the Amalfi coast",
"Santorini", "Yosemite", "Bali"), and administrative areas people name as one
("Alpes-Maritimes", "West Midlands"), with the towns travellers stay in to see them.

Data: ``data/touristic_areas.tsv`` (Wikivoyage's area articles; towns too small for our
GeoNames extract are in ``data/small_towns.tsv``; France's departments, based in their
prefecture, and England's ceremonial counties, in their county town or main city, are
written by ``scripts/build_regions.py``; see ``data/ATTRIBUTION.md``). States
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
        for name in names.split("|"):  # the curated rows, first, win over generated ones
            table.setdefault(fold(name), area)
    return table


def _keys(folded: str) -> tuple[str, ...]:
    """The ways a name may be written: "the Algarve", "Mahe Island", "the island of Oahu"."""
    bare = folded.removeprefix("the ").removeprefix("island of ")
    return (folded, bare, bare.removesuffix(" island"))


def touristic_area(name: str) -> TouristicArea | None:
    """The area called ``name`` ("amalfi coast", "the Highlands", "Mahe Island"), or None."""
    return next((_areas()[k] for k in _keys(fold(name)) if k in _areas()), None)


def area_code(folded: str) -> str:
    """The ISO 3166-2 code of the area called ``folded``, "" when it has none or is no area;
    without building the table's towns."""
    return next((_area_codes()[k] for k in _keys(folded) if k in _area_codes()), "")


def is_area_name(folded: str) -> bool:
    """Whether ``folded`` names an area, without building the table's towns."""
    return any(k in _area_names() for k in _keys(folded))


@cache
def _area_names() -> frozenset[str]:
    return frozenset(_area_codes())


@cache
def _area_codes() -> dict[str, str]:
    """Each folded area name -> its ISO 3166-2 code ("" for none); the first row wins."""
    codes: dict[str, str] = {}
    for line in data_text("touristic_areas.tsv").splitlines():
        if not line.startswith("#") and line.strip():
            names, _, code, _ = line.split("\t")
            for name in names.split("|"):
                codes.setdefault(fold(name), code)
    return codes
