"""Places for a city we have not curated: kinds of places a person can act on, each in a
real district of the city (GeoNames places of 15,000+ people within a few kilometres of
the centre) or a named side of the centre, with what to look for there.

Nothing here pretends to be a pick: names say what kind of place and where, descriptions
say how to find a good one. Plans built on them are marked ``coverage = "generic"``.
"""

from __future__ import annotations

import math
from functools import cache

from tripdesigner_kernel.knowledge.cities import City, city_index, currency_of
from tripdesigner_kernel.knowledge.geo import km_between
from tripdesigner_kernel.knowledge.places import CityPlaces, Place, StayArea

DISTRICT_REACH_KM = 8.0
SIDES = (  # where no district is known: a side of the centre, (name, north km, east km)
    ("north", 1.6, 0.0),
    ("east", 0.0, 1.8),
    ("south", -1.6, 0.0),
    ("west", 0.0, -1.8),
)
ALL_DAY, SHOP_HOURS, MUSEUM_HOURS = "Mo-Su 09:00-19:00", "Mo-Sa 10:00-19:00", "Tu-Su 10:00-18:00"

# (name, where: "centre" or a district slot, category, tags, minutes, hours, level, USD,
#  what to look for). "{city}" and "{where}" are filled in.
ACTIVITIES = (
    ("Old centre of {city} on foot", "centre", "neighbourhood", ("history", "architecture"),
     120, ALL_DAY, 0, 0,
     "Start at the main square or town hall; look for the oldest church, the market hall "
     "and the lanes around them."),
    ("Free walking tour from the main square of {city}", "centre", "neighbourhood",
     ("history", "local life"), 150, "Mo-Su 10:00-13:00", 0, 0,
     "Most cities have tip-based walking tours leaving mid-morning from the main square: "
     "search 'free walking tour {city}' the day before."),
    ("Museum of the country's history in central {city}", "centre", "museum",
     ("museums", "history"), 120, MUSEUM_HOURS, 2, 12,
     "Ask at the hotel for the national or city museum; most close one day a week, often "
     "Monday."),
    ("Market in {where}", 0, "market", ("markets", "food"), 75, "Mo-Sa 08:00-14:00", 1, 0,
     "Look for the covered market or the busiest street market: produce, street food; best "
     "in the morning."),
    ("Highest viewpoint over {city}", "centre", "viewpoint", ("viewpoints", "photography"), 60,
     "Mo-Su 09:00-20:00", 1, 5,
     "A church tower, a hill park or a rooftop open to visitors; best in the late afternoon."),
    ("Park in {where}", 1, "park", ("parks", "nature"), 90, "Mo-Su 07:00-20:00", 0, 0,
     "The largest green space there: paths, a lake or playground, local families."),
    ("Oldest church or temple of {city}", "centre", "religious", ("religion", "architecture"),
     60, "Mo-Su 09:00-17:00", 0, 0,
     "Usually on or near the main square; cover shoulders and knees, free or a small fee."),
    ("Art gallery in central {city}", "centre", "museum", ("art", "museums"), 90,
     MUSEUM_HOURS, 2, 12,
     "The city or national gallery: look for local painters of the last two centuries."),
    ("Side streets of {where}", 2, "neighbourhood", ("local life", "photography"), 90,
     ALL_DAY, 0, 0,
     "Leave the main roads: small shops, bakeries and cafés where people live."),
    ("Shopping street of {where}", 3, "shopping", ("shopping", "design"), 90, SHOP_HOURS, 1, 0,
     "The main high street there: local designers and markets rather than chains."),
    ("Botanical or city garden of {city}", "centre", "park", ("gardens", "nature"), 75,
     "Mo-Su 09:00-18:00", 1, 5,
     "Search 'botanical garden {city}'; many are run by the university, with a small fee."),
    ("New architecture in {where}", 4, "neighbourhood", ("modern", "architecture"), 75,
     ALL_DAY, 0, 0,
     "Look for the newest public buildings: library, concert hall, station."),
    ("Science museum or planetarium of {city}", "centre", "museum", ("science", "kids"), 120,
     MUSEUM_HOURS, 2, 14,
     "Good with children; check the show times at the entrance."),
    ("Evening out in {where}", 5, "nightlife", ("nightlife", "cocktails"), 90,
     "Mo-Su 18:00-01:00", 2, 15,
     "The streets with the most bars and live music; busiest from 21:00 at weekends."),
)  # fmt: skip

EATERIES = (  # (kind, what to look for, price level)
    ("Busy local restaurant", "where locals queue; a short daily menu is a good sign", 1),
    ("Traditional kitchen", "the region's classic dishes; ask for the house speciality", 2),
    ("Family-run bistro", "a small menu that changes with the market", 2),
    ("Street-food stalls", "the longest queue, cooked to order", 1),
    ("Restaurant with a chef's menu", "a set menu of the region's produce; book ahead", 3),
)
# A stay area is named as a place ("central Dallas, north side"): the plan reads
# "Moderate hotel in <area>", so the name must not say "hotels" itself.
STAYS = (  # (where: district slot or "centre", nightly USD by level, description)
    ("centre", (60, 140, 380), "Walk to the old centre and the main sights."),
    (0, (50, 120, 320), "A lived-in district near the centre."),
    (1, (45, 110, 300), "Quieter and cheaper, a short ride from the centre."),
)  # fmt: skip


@cache
def districts(city: City) -> tuple[tuple[str, float, float], ...]:
    """Named places of the same country within ``DISTRICT_REACH_KM`` of ``city``, nearest
    first (GeoNames: city districts and suburbs of 15,000+ people), else sides of the centre.
    """
    found = []
    for other in city_index().nearby(city.lat, city.lon, DISTRICT_REACH_KM):
        if other.country == city.country and other.name != city.name:
            found.append((km_between(city.lat, city.lon, other.lat, other.lon), other))
    found.sort(key=lambda pair: (pair[0], pair[1].name))
    named = [(f"{o.name}, {city.name}", o.lat, o.lon) for _, o in found[: len(SIDES)]]
    north = 1 / 111.0
    east = 1 / (111.0 * max(0.2, math.cos(math.radians(city.lat))))
    sides = [
        (f"central {city.name}, {side} side", city.lat + n * north, city.lon + e * east)
        for side, n, e in SIDES
    ]
    return tuple(named + sides[: max(0, len(SIDES) - len(named))])


def _where(city: City, slot: int | str) -> tuple[str, float, float]:
    if slot == "centre":
        return (f"central {city.name}", city.lat, city.lon)
    areas = districts(city)
    return areas[int(slot) % len(areas)]


def generic_city(city: City, usd_to_local: float) -> CityPlaces:
    """Kinds of places to look for in ``city``, each in a real district or side of the
    centre, priced in the local currency at ``usd_to_local`` per US dollar."""
    places = []
    for index, (name, slot, category, tags, minutes, hours, level, usd, hint) in enumerate(
        ACTIVITIES
    ):
        where, lat, lon = _where(city, slot)  # type: ignore[arg-type]
        nudge = 0.0008 * (index % 5)  # two kinds in one district are not in one spot
        places.append(
            Place(
                name.format(city=city.name, where=where),
                category,
                tags,
                round(lat + nudge, 5),
                round(lon - nudge, 5),
                minutes,
                hours,
                level,
                round(usd * usd_to_local),
                where,
                hint.format(city=city.name),
                country=city.country,
                timezone=city.timezone,
            )
        )
    areas = [(f"central {city.name}", city.lat, city.lon), *districts(city)]
    for number, ((kind, hint, level), (where, lat, lon)) in enumerate(
        pair for area in areas for pair in ((e, area) for e in EATERIES)
    ):
        nudge = 0.0012 * (number % 5)
        places.append(
            Place(
                f"{kind} in {where}",
                "restaurant",
                ("local cuisine", "food"),
                round(lat - nudge, 5),
                round(lon + nudge, 5),
                75,
                "Mo-Su 11:30-15:00,18:00-23:00",
                level,
                round((12 + 12 * level) * usd_to_local),
                where,
                f"Look for {hint}.",
                ("lunch", "dinner"),
                country=city.country,
                timezone=city.timezone,
            )
        )
    stays = tuple(
        StayArea(
            _where(city, slot)[0],
            round(_where(city, slot)[1], 5),
            round(_where(city, slot)[2], 5),
            tuple(
                sorted(
                    zip(
                        ("budget", "moderate", "luxury"),
                        (round(p * usd_to_local) for p in prices),
                        strict=True,
                    )
                )
            ),
            description,
        )
        for slot, prices, description in STAYS
    )
    return CityPlaces(
        city=city.name,
        country=city.country,
        currency=currency_of(city.country),
        timezone=city.timezone,
        lat=city.lat,
        lon=city.lon,
        coverage="generic",
        places=tuple(places),
        stay_areas=stays,
    )
