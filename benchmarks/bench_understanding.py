"""How well the offline designer understands public, annotated travel requests.

Run: ``python benchmarks/bench_understanding.py [--show FIELD]``. Prints, for each
external set in ``../shared/bench/external/`` (see its README), the share of queries whose
field is read right, and the crash count; asserts nothing. ``--show origin`` lists
the misses of one field (at most 15 per set).

Every query is read through ``read(query, today)`` alone: one small function from our
reading to the benchmark's fields, so the reading it measures can change (the trip
profile of a session) without touching the scoring.
"""

from __future__ import annotations

import json
import re
import sys
import traceback
from collections import Counter
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tripdesigner_kernel.kernel import KernelState
from tripdesigner_kernel.knowledge.airport_names import airport_city
from tripdesigner_kernel.knowledge.cities import city_index, country_codes_by_name
from tripdesigner_kernel.knowledge.regions import cities_in_region, region_by_name
from tripdesigner_kernel.knowledge.text import fold
from tripdesigner_kernel.knowledge.touristic_areas import touristic_area

EXTERNAL = Path(__file__).resolve().parents[2] / "shared" / "bench" / "external"
if not EXTERNAL.exists():
    EXTERNAL = Path("/work/shared/bench/external")
TRAVELPLANNER_TODAY = date(2022, 1, 15)  # the queries are set in March 2022
TRAVELBENCH_TODAY = date(2026, 1, 15)  # no dates in these queries


_STATE = KernelState()  # sessions in memory; one fresh session per query


def read(query: str, today: date) -> dict[str, Any]:
    """Our reading of one query, in the benchmarks' terms: the trip profile the session
    holds after one turn (a whole turn: understanding, planning, checks). A slot the
    designer assumed rather than read counts as not read."""
    _STATE.settings.today = today.isoformat()
    session = _STATE.new_session()
    _STATE.chat(query, session_id=session)
    profile = _STATE.sessions.get(session).profile
    _STATE.delete_session(session)
    assumed = set(profile["assumed"])
    dates, travelers, budget = profile["dates"], profile["travelers"], profile["budget"]
    return {
        "origin": profile["origin"]["name"] if profile["origin"] else None,
        "destinations": [d["name"] for d in profile["destinations"]],
        "region": profile["region"],
        "start_date": None
        if "dates" in assumed or not dates["start_date"]
        else date.fromisoformat(dates["start_date"]),
        "days": None if "length" in assumed else dates["days"],
        "party": None
        if "travellers" in assumed or travelers["adults"] is None
        else travelers["adults"] + len(travelers["children"]),
        "budget": int(Decimal(budget["amount"])) if budget["amount"] is not None else None,
        "budget_currency": budget["currency"],
        "transport": sorted(profile["transport"]),
        "cuisine": sorted(fold(c) for c in profile["cuisines"]),
        "room_type": profile["accommodation"]["type"],
        "house_rule": sorted(profile["accommodation"]["rules"]),
    }


def same_place(ours: str | None, theirs: str | None) -> bool:
    """True when our city is the one the annotation names (any of its names)."""
    if ours is None or theirs is None:
        return ours is theirs
    if fold(ours) == fold(theirs):
        return True
    region = region_by_name(theirs)  # "from Kansas": any city of Kansas is a right reading
    if region is not None:
        return any(fold(city.name) == fold(ours) for city in cities_in_region(region))
    area = touristic_area(theirs)  # "Oahu", "Alpes-Maritimes": the town it is seen from
    if area is not None and any(fold(base.name) == fold(ours) for base in area.bases):
        return True
    country = country_codes_by_name().get(fold(theirs))  # "Guatemala": Guatemala City
    if country is not None:
        return any(fold(city.name) == fold(ours) for city in city_index().in_division(country))
    if re.search(rf"\b{re.escape(fold(theirs))}\b", fold(ours)):
        return True  # "Tenerife": Santa Cruz de Tenerife
    if "-" in theirs and fold(theirs.split("-")[0]) == fold(ours):
        return True  # "Spata-Artemida", a municipality: Spata
    served = airport_city(theirs)  # "Orio al Serio" (Bergamo's airport): Bergamo
    if served is not None and fold(served.name) == fold(ours):
        return True
    return any(fold(city.name) == fold(ours) for city in city_index().candidates(theirs))


def travelplanner_fields(row: dict[str, Any], got: dict[str, Any]) -> dict[str, bool]:
    rules = row["local_constraint"]
    if row["visiting_city_number"] > 1:  # a US state: that many cities in it
        region = region_by_name(row["dest"])
        destinations_right = (
            region is not None
            and got["region"] == region.code
            and len(got["destinations"]) == row["visiting_city_number"]
        )
    else:
        destinations_right = len(got["destinations"]) == 1 and same_place(
            got["destinations"][0], row["dest"]
        )
    first_day, last_day = date.fromisoformat(row["date"][0]), date.fromisoformat(row["date"][-1])
    transport = [rules["transportation"]] if rules["transportation"] else []
    return {
        "origin": same_place(got["origin"], row["org"]),
        "destinations": destinations_right,
        "dates": got["start_date"] == first_day
        and first_day + timedelta(days=(got["days"] or 0) - 1) == last_day,
        "days": got["days"] == row["days"],
        "party": got["party"] == row["people_number"],
        "budget": got["budget"] == row["budget"] and got["budget_currency"] in (None, "USD"),
        "transport rule": got["transport"] == transport,
        "cuisine": got["cuisine"] == sorted(fold(c) for c in rules["cuisine"] or []),
        "room type": got["room_type"] == rules["room_type"],
        "house rule": got["house_rule"] == ([rules["house_rule"]] if rules["house_rule"] else []),
    }


def travelbench_fields(row: dict[str, Any], got: dict[str, Any]) -> dict[str, bool]:
    wanted = row["dest_cities"]
    return {
        "origin": same_place(got["origin"], row["org"]),
        "destinations": len(got["destinations"]) == len(wanted)
        and all(same_place(o, t) for o, t in zip(got["destinations"], wanted, strict=True)),
        "days": got["days"] == row["days"],
        "party": got["party"] == row["people_number"],
        "budget": got["budget"] == row["budget"],
    }


def run(name: str, file: str, today: date, score: Any, show: str | None) -> None:
    rows = [json.loads(line) for line in (EXTERNAL / file).read_text().splitlines()]
    right: Counter[str] = Counter()
    crashes, all_right, shown = 0, 0, 0
    for row in rows:
        try:
            got = read(row["query"], today)
        except Exception:
            crashes += 1
            if show == "crash" and shown < 15:
                shown += 1
                print(row["query"], traceback.format_exc(limit=-3), sep="\n")
            continue
        fields = score(row, got)
        right.update(field for field, ok in fields.items() if ok)
        all_right += all(fields.values())
        if show in fields and not fields[show] and shown < 15:
            shown += 1
            print(f"  MISS {row['query'][:240]}\n    got {got}")
    print(f"{name}: {len(rows)} queries, {crashes} crashes, every field right in {all_right}")
    for field in score(rows[0], read(rows[0]["query"], today)):
        print(f"  {field:<15} {100 * right[field] / len(rows):5.1f}%")


def main() -> int:
    show = sys.argv[sys.argv.index("--show") + 1] if "--show" in sys.argv else None
    run(
        "TravelPlanner validation",
        "travelplanner_validation.jsonl",
        TRAVELPLANNER_TODAY,
        travelplanner_fields,
        show,
    )
    run("TravelBench", "travelbench_queries.jsonl", TRAVELBENCH_TODAY, travelbench_fields, show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
