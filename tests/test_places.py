"""The curated places data: every file valid, and the loader reads what the planner needs."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from tripdesigner_kernel.knowledge.cities import city_index, destinations
from tripdesigner_kernel.knowledge.places import curated_slugs, places_for
from tripdesigner_kernel.knowledge.text import slug

sys.path.insert(0, str(Path(__file__).parents[1] / "scripts"))
from check_places import PLACES_DIR, check_city

FILES = sorted(PLACES_DIR.glob("*.json"))


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_city_file_is_valid(path: Path) -> None:
    """Taxonomy, tags, hours that parse, meals that fit, reach, counts, no duplicates."""
    assert check_city(json.loads(path.read_text(encoding="utf-8"))) == []


def test_every_curated_city_is_one_of_our_destinations_and_found_by_name() -> None:
    ours = {slug(d.name): d for d in destinations()}
    for city_slug in curated_slugs():
        assert city_slug in ours, f"{city_slug}.json is not in destinations.tsv"
        destination = ours[city_slug]
        city = city_index().lookup(destination.name)
        assert city is not None and city.country == destination.country
        assert places_for(city).coverage == "curated"


def test_a_city_we_have_not_curated_gets_a_generic_plan_on_its_real_coordinates() -> None:
    tallinn = city_index().lookup("Tallinn")
    assert tallinn is not None
    places = places_for(tallinn)
    assert places.coverage == "generic" and places.currency == "EUR"
    assert all(
        abs(p.lat - tallinn.lat) < 0.1 and abs(p.lon - tallinn.lon) < 0.2 for p in places.places
    )


def test_the_checker_finds_mistakes() -> None:
    """The validator can fail: a broken city is reported, not waved through."""
    data = json.loads(FILES[0].read_text(encoding="utf-8"))
    broken = dict(data, places=[dict(p) for p in data["places"]])
    broken["places"][0]["category"] = "spaceport"
    broken["places"][1]["hours"] = "Mo-Fr 9 to 5"
    broken["places"][2]["lat"] += 5
    broken["places"].append(dict(broken["places"][3]))
    problems = "\n".join(check_city(broken))
    for expected in ("not in the taxonomy", "bad", "km from the centre", "duplicate name"):
        assert expected in problems


def test_every_destination_is_curated() -> None:
    missing = [d.name for d in destinations() if slug(d.name) not in curated_slugs()]
    assert missing == []
