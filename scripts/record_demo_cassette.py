"""Record ``notebooks/cassettes/kyoto.cassette.json`` for notebook 03.

No model can be reached from where the tests run, so the "model" here is the
scripted OpenAI-compatible server of the tests (tests/fake_openai.py): real HTTP,
the real openai client, our real tools. Re-run after changing the tools, the
prompt or the places data: replay fails loudly when requests no longer match.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from fake_openai import Answer, FakeOpenAI  # noqa: E402

from tripdesigner_kernel.kernel import KernelState  # noqa: E402

CASSETTE = ROOT / "notebooks" / "cassettes" / "kyoto.cassette.json"
TURNS = [
    "Plan 3 days in Kyoto from April 5 2027 for 2, temples and food",
    "Add a tea ceremony on day 2 at 17:00",
]


def main() -> None:
    plan = {"cities": ["Kyoto"], "days": [3], "start_date": "2027-04-05", "travelers": 2,
            "interests": ["temples", "food"], "pace": "moderate", "level": "moderate"}  # fmt: skip
    tea = {"name": "Tea ceremony at Camellia Garden", "day": "2027-04-06", "start": "17:00",
           "minutes": 60, "city": "Kyoto", "lat": 34.9965, "lon": 135.7806,
           "category": "sight", "price": 5000, "currency": "JPY"}  # fmt: skip
    script = [
        Answer(tool_calls=[("plan_days", json.dumps(plan))], usage=(2900, 80)),
        Answer(text="Here is **3 days in Kyoto** (5 to 7 April 2027) for two, built around temples "
                    "and food, with lunch and dinner near each day's route.", usage=(4800, 60)),
        Answer(tool_calls=[("add_activity", json.dumps(tea))], usage=(5200, 90)),
        Answer(tool_calls=[("check_itinerary", "{}")], usage=(5400, 20)),
        Answer(text="Added a **tea ceremony** on day 2 at 17:00 and ran the checks.",
               usage=(5600, 40)),
    ]  # fmt: skip
    with FakeOpenAI(script) as server:
        state = KernelState()
        state.settings.today = "2026-11-24"
        state.set_api_key("recording-key-not-saved")
        state.use_designer("openai", model="gpt-4o-mini", base_url=server.base_url,
                           record=str(CASSETTE))  # fmt: skip
        state.new_session("Kyoto with a model")
        for turn in TURNS:
            print(state.chat(turn))
    print(f"recorded {CASSETTE}")


if __name__ == "__main__":
    main()
