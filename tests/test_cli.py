"""The command line, run as a person would: a real process, its stdout and exit code."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema

import tripdesigner_kernel

SCHEMA = Path(tripdesigner_kernel.__file__).parent / "trip" / "itinerary.schema.json"
PROFILE_SCHEMA = SCHEMA.with_name("profile.schema.json")


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tripdesigner_kernel", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_json_output_is_one_object_matching_the_shipped_schema() -> None:
    done = cli("chat", "--today", "2026-11-24", "--format", "json", "3 days in Rome in May for 2")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert set(result) == {"reply", "question", "itinerary", "profile"}
    assert result["question"] is None
    itinerary = result["itinerary"]
    jsonschema.validate(itinerary, json.loads(SCHEMA.read_text()))
    assert itinerary["schema"] == "tripdesigner.itinerary/1"
    # "in May": the 2nd, as 1 May is a holiday in Italy
    assert itinerary["start_date"] == "2027-05-02" and itinerary["travelers"] == 2
    segment = itinerary["segments"][0]
    assert {"id", "type", "name", "start", "end", "category", "tags", "location", "price"} <= set(
        segment
    )
    assert "+" in segment["start"] or "-" in segment["start"][19:]  # an offset


def test_a_question_comes_back_as_json() -> None:
    done = cli("chat", "--today", "2026-11-24", "--format", "json", "Somewhere warm in February?")
    result = json.loads(done.stdout)
    assert result["itinerary"] is None and len(result["question"]["choices"]) >= 2


def test_bad_arguments_give_a_clear_message_and_a_non_zero_exit() -> None:
    done = cli("chat", "--today", "tomorrow", "3 days in Rome")
    assert done.returncode != 0 and "YYYY-MM-DD" in done.stderr
    done = cli("chat", "--format", "pdf", "3 days in Rome")
    assert done.returncode != 0 and "invalid choice" in done.stderr
    done = cli("chat")
    assert done.returncode != 0 and "MESSAGE" in done.stderr


def test_the_shipped_schema_is_up_to_date() -> None:
    sys.path.insert(0, str(Path(__file__).parents[1] / "scripts"))
    from build_schema import profile_schema_text, schema_text

    assert SCHEMA.read_text() == schema_text(), "run python scripts/build_schema.py"
    assert PROFILE_SCHEMA.read_text() == profile_schema_text(), "run python scripts/build_schema.py"


def test_the_profile_comes_back_as_json_matching_the_shipped_schema() -> None:
    done = cli(
        "chat", "--today", "2026-11-24", "--format", "json",
        "5 days in Lisbon from May 10, 2027, museums, budget 900 EUR", "we're 3 now",
        "can we do Seville too?", "btw we fly from Denver", "push it all a week later",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    profile = result["profile"]
    jsonschema.validate(profile, json.loads(PROFILE_SCHEMA.read_text()))
    assert [(d["name"], d["days"]) for d in profile["destinations"]] == [  # names as planned
        ("Lisbon", 5), ("Seville", 2)
    ]  # fmt: skip
    assert (profile["origin"]["name"], profile["origin"]["country"]) == ("Denver", "US")
    assert profile["dates"] == {
        "start_date": "2027-05-17", "end_date": "2027-05-23", "days": 7, "given": "date"
    }  # fmt: skip
    assert profile["travelers"] == {"adults": 3, "children": []}
    assert profile["budget"] == {
        "amount": "900", "currency": "EUR", "scope": "total", "level": None
    }  # fmt: skip
    assert profile["interests"] == ["museums"] and profile["assumed"] == []
    assert "planner" not in profile  # the planner's working keys are not part of it
    assert result["reply"].startswith("Understood: Lisbon and Seville, from Denver, 7 days")


def test_a_number_answers_the_question_on_the_command_line() -> None:
    done = cli("chat", "--today", "2026-11-24", "--format", "json", "Somewhere warm?", "2")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["question"] is None and result["itinerary"] is not None
    assert [d["name"] for d in result["profile"]["destinations"]] == [
        d["name"] for d in result["itinerary"]["destinations"]
    ]
