"""Administrative areas and islands named as destinations or origins: a French
department is seen from its prefecture, an English county from its county town or main
city, an island from its main town; an exact area name wins over a typo correction."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from test_understanding_places import read, stays

from tripdesigner_kernel.knowledge.touristic_areas import touristic_area


@pytest.mark.parametrize(
    ("text", "destinations"),
    [
        # French departments: their prefecture
        ("3 days in Alpes-Maritimes", [("Nice", "FR")]),
        ("from Oslo to Bouches-du-Rhône for 4 days", [("Marseille", "FR")]),
        ("a week in Rhône", [("Lyon", "FR")]),
        ("5 days in Finistère", [("Quimper", "FR")]),
        ("Dublin, Haute-Savoie, 6 days", [("Dublin", "IE"), ("Annecy", "FR")]),
        ("4 days in Dordogne", [("Sarlat-la-Canéda", "FR")]),
        # English counties: their county town or main city
        ("from Belfast to Bedfordshire for 3 days", [("Bedford", "GB")]),
        ("4 days in the West Midlands", [("Birmingham", "GB")]),
        ("a weekend in Greater Manchester", [("Manchester", "GB")]),
        ("3 days in Merseyside", [("Liverpool", "GB")]),
        (
            "Düsseldorf, Tyne and Wear, 6 days",
            [("Düsseldorf", "DE"), ("Newcastle upon Tyne", "GB")],
        ),
        ("5 days in Oxfordshire", [("Oxford", "GB")]),
        # islands: their main town
        ("Mahe Island for 5 days", [("Victoria", "SC")]),
        ("from Dubai to Mahé, 6 days", [("Victoria", "SC")]),
        ("Narita, Oahu for 6 days", [("Narita", "JP"), ("Honolulu", "US")]),
        ("4 days on Tahiti", [("Papeete", "PF")]),
        ("3 days on Langkawi", [("Kuah", "MY")]),
        ("a week on the island of Kauai", [("Lihue", "US")]),
    ],
)
def test_an_area_is_seen_from_its_base_town(text: str, destinations: list[tuple[str, str]]) -> None:
    assert stays(read(text)) == destinations


def test_an_area_is_an_origin_too() -> None:
    request = read("from West Midlands to Dublin for 3 days")
    assert request.origin is not None and request.origin.name == "Birmingham"
    assert stays(request) == [("Dublin", "IE")]
    request = read("from Alpes-Maritimes to Geneva for 3 days")
    assert request.origin is not None and request.origin.name == "Nice"


@pytest.mark.parametrize(
    ("text", "destinations"),
    [
        ("from Shenzhen to Badung, Singapore for 6 days", [("Kuta", "ID"), ("Singapore", "SG")]),
        ("3 days in Bandung", [("Bandung", "ID")]),  # the city itself, not the regency
        ("3 days in Vienne", [("Vienna", "AT")]),  # a town's name: the department is left out
    ],
)
def test_an_exact_name_wins_over_a_typo_correction(
    text: str, destinations: list[tuple[str, str]]
) -> None:
    assert stays(read(text)) == destinations


def test_every_metropolitan_department_has_its_prefecture() -> None:
    if importlib.util.find_spec("pycountry") is None:
        pytest.skip("pycountry is in the dev extra")
    import pycountry

    clashing = {"FR-53", "FR-86"}  # Mayenne and Vienne: towns of those names win
    for sub in pycountry.subdivisions.get(country_code="FR"):
        if sub.type == "Metropolitan department" and sub.code not in clashing:
            area = touristic_area(sub.name)
            assert area is not None and area.code == sub.code, sub.name
            assert area.bases and area.bases[0].country == "FR", sub.name


def test_the_generated_rows_are_what_the_script_writes() -> None:
    script = Path(__file__).resolve().parents[1] / "scripts" / "build_regions.py"
    spec = importlib.util.spec_from_file_location("build_regions", script)
    if spec is None or spec.loader is None or importlib.util.find_spec("pycountry") is None:
        pytest.skip("pycountry is in the dev extra")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    import pycountry

    table = module.AREAS.read_text(encoding="utf-8")
    assert table.split(module.AREAS_MARK)[1].split("\n")[1:-1] == module.administrative_areas(
        pycountry
    )


def test_the_benchmark_scores_an_areas_base_town_as_the_area() -> None:
    script = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_understanding.py"
    spec = importlib.util.spec_from_file_location("bench_understanding", script)
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    assert bench.same_place("Honolulu", "Oahu")
    assert bench.same_place("Nice", "Alpes-Maritimes")
    assert bench.same_place("Birmingham", "West Midlands")
    assert not bench.same_place("Lyon", "Alpes-Maritimes")
    assert not bench.same_place("Bandung", "Badung")
