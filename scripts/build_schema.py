"""Write the JSON Schemas shipped in the package: the itinerary
(``trip/itinerary.schema.json``) and the trip profile (``trip/profile.schema.json``, the
``profile`` of the CLI's JSON output).

Run after changing ``trip/model.py`` or the profile's model; a test fails when a file is
out of date.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tripdesigner_kernel.designers.offline.understanding.profile import (  # noqa: E402
    profile_schema,
)
from tripdesigner_kernel.trip.model import SCHEMA_ID, Itinerary  # noqa: E402

OUT = ROOT / "tripdesigner_kernel" / "trip" / "itinerary.schema.json"
PROFILE_OUT = ROOT / "tripdesigner_kernel" / "trip" / "profile.schema.json"


def schema_text() -> str:
    schema = Itinerary.model_json_schema(by_alias=True, mode="serialization")
    schema["$id"] = SCHEMA_ID
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, indent=2, sort_keys=True) + "\n"


def profile_schema_text() -> str:
    return json.dumps(profile_schema(), indent=2, sort_keys=True) + "\n"


if __name__ == "__main__":
    OUT.write_text(schema_text(), encoding="utf-8")
    PROFILE_OUT.write_text(profile_schema_text(), encoding="utf-8")
    print(f"wrote {OUT} and {PROFILE_OUT}")
