"""Other readings of a place's name, said in one phrase: where a city lies ("Portland,
Oregon"), and a town elsewhere named like a county or region ("Kent, United Kingdom; there
is also Kent, Washington")."""

from __future__ import annotations

from tripdesigner_kernel.knowledge.cities import City, city_index, countries
from tripdesigner_kernel.knowledge.regions import region_of
from tripdesigner_kernel.knowledge.text import fold
from tripdesigner_kernel.knowledge.touristic_areas import TouristicArea

NAMESAKE_CITY = 50_000  # a town elsewhere this big is a reading worth naming


def where(city: City) -> str:
    """The state or province (where we know it) or the country of a city, by name."""
    region = region_of(city)
    if region is not None:
        return region.name
    return countries().get(city.country, {}).get("name", city.country)


def area_namesake(area: TouristicArea) -> str | None:
    """The other reading of an area's name, when a city of that very name lies in another
    country ("Norfolk" and Norfolk, Virginia), as one phrase; else None."""
    index = city_index()
    if not index.has_name(fold(area.name)):
        return None
    other = next(
        (
            c
            for c in index.candidates(area.name, True)
            if c.country != area.country
            and c.population >= NAMESAKE_CITY
            and fold(c.name) == fold(area.name)
        ),
        None,
    )
    if other is None:
        return None
    country = countries().get(area.country, {}).get("name", area.country)
    return f"{area.name}, {country}; there is also {other.name}, {where(other)}"
