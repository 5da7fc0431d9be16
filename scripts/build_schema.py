"""Write the itinerary JSON Schema shipped in the package (``trip/itinerary.schema.json``).

Run after changing ``trip/model.py``; a test fails when the file is out of date.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tripdesigner_kernel.trip.model import SCHEMA_ID, Itinerary  # noqa: E402

OUT = ROOT / "tripdesigner_kernel" / "trip" / "itinerary.schema.json"


def schema_text() -> str:
    schema = Itinerary.model_json_schema(by_alias=True, mode="serialization")
    schema["$id"] = SCHEMA_ID
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, indent=2, sort_keys=True) + "\n"


if __name__ == "__main__":
    OUT.write_text(schema_text(), encoding="utf-8")
    print(f"wrote {OUT}")
