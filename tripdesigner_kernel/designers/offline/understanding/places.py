"""Places and their roles: destinations in order with their days, the origin, a country."""

from __future__ import annotations

import re

from tripdesigner_kernel.designers.offline.understanding.numbers import NUM, number
from tripdesigner_kernel.designers.offline.understanding.request import CityStay, TripRequest
from tripdesigner_kernel.designers.offline.vocabulary import LOWERCASE_NOT_COUNTRIES, NOT_PLACES
from tripdesigner_kernel.knowledge.cities import (
    city_index,
    close_destination,
    country_codes_by_name,
    destination_keys,
    destinations_in_country,
)
from tripdesigner_kernel.knowledge.text import fold


def read_places(text: str, folded: str, request: TripRequest, towns: bool = False) -> None:
    """Cities (and an origin, and a country) named in the message.

    With ``towns``, small places count too: the second pass, when no city was found.
    """
    index = city_index()
    words = re.findall(r"[\w'’.-]+", text)
    taken: set[int] = set()
    found: list[tuple[int, CityStay]] = []
    origin_at = None
    origin_match = re.search(
        r"\b(?:flying|coming|travell?ing|departing|leaving|starting|driving) from ([\w .'-]+?)"
        r"(?= to | for | in |,|\.|$)",
        text,
        re.IGNORECASE,
    )
    if origin_match:
        origin_at = fold(origin_match[1])
        request.origin = index.lookup(origin_match[1])
    for size in (4, 3, 2, 1):
        for start in range(len(words) - size + 1):
            span = range(start, start + size)
            if taken.intersection(span):
                continue
            phrase = " ".join(words[start : start + size]).strip(".'’-")
            key = fold(phrase)
            if not key or key in NOT_PLACES or key.isdigit():
                continue
            if origin_at and key == origin_at:
                taken.update(span)
                continue
            if key in country_codes_by_name() and (
                phrase[:1].isupper() or key not in LOWERCASE_NOT_COUNTRIES
            ):
                iso = country_codes_by_name()[key]
                request.country = iso
                taken.update(span)
                continue
            capitalised = phrase[:1].isupper() or key in ("nyc", "la", "sf", "dc", "hcmc")
            if not capitalised:
                continue
            city = index.lookup(phrase, towns) if index.has_name(key, towns) else None
            if city is None and size == 1 and len(key) > 4:
                near = close_destination(phrase)
                city = index.lookup(near.name) if near else None
            if city is None:
                if size == 1 and start > 0 and not towns and phrase not in request.unknown_places:
                    request.unknown_places.append(phrase)
                continue
            # A capitalised first word is just a sentence start; our own destinations
            # (Ubud, Queenstown) count whatever their size.
            small_ok = (towns and start > 0) or (
                fold(city.name),
                city.country,
            ) in destination_keys()
            if size == 1 and city.population < 50_000 and not small_ok:
                if phrase not in request.unknown_places:
                    request.unknown_places.append(phrase)
                continue
            taken.update(span)
            if all(stay.city != city for _, stay in found):
                days_after = re.search(
                    rf"{re.escape(phrase)}\W+(?:for )?{NUM}[ -]days?", text, re.IGNORECASE
                )
                days_before = re.search(
                    rf"{NUM}[ -]?(?:days? )?(?:in|at) {re.escape(phrase)}\b", text, re.IGNORECASE
                )
                stay_days = None
                if days_before:
                    stay_days = number(days_before[1])
                elif days_after and not re.match(
                    r"\W*(?:in )?total", text[days_after.end() :], re.IGNORECASE
                ):
                    stay_days = number(days_after[1])
                found.append((start, CityStay(city, stay_days)))
    request.stays = [stay for _, stay in sorted(found, key=lambda pair: pair[0])]
    if not request.stays and request.country:
        for destination in destinations_in_country(request.country)[:3]:
            city = index.lookup(destination.name)
            if city:
                request.stays.append(CityStay(city))
