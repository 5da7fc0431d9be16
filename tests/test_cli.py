"""The command line, run as a person would: a real process, its stdout and exit code."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema

import tripdesigner_kernel

SCHEMA = Path(tripdesigner_kernel.__file__).parent / "trip" / "itinerary.schema.json"


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
    assert set(result) == {"reply", "question", "itinerary"}
    assert result["question"] is None
    itinerary = result["itinerary"]
    jsonschema.validate(itinerary, json.loads(SCHEMA.read_text()))
    assert itinerary["schema"] == "tripdesigner.itinerary/1"
    assert itinerary["start_date"] == "2027-05-01" and itinerary["travelers"] == 2
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
    from build_schema import schema_text

    assert SCHEMA.read_text() == schema_text(), "run python scripts/build_schema.py"
