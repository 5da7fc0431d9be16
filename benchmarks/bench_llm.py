"""Figures for the model designer, against a local OpenAI-compatible server (tests/fake_openai.py).

Run: ``python benchmarks/bench_llm.py``. Prints figures; asserts nothing.

1. Time per streamed chunk: our designer's model call against the bare ``openai``
   client consuming the same stream, alternated in one run (median of rounds).
2. Model calls per turn: a turn with two tool-using steps and a final answer.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from fake_openai import Answer, FakeOpenAI

from tripdesigner_kernel.designers.base import DesignRequest, DesignResult
from tripdesigner_kernel.designers.llm import OpenAIDesigner

TEXT = "A day of temples, tea houses and a kaiseki dinner in Gion. " * 60  # ~3,600 chars
ROUNDS = 15


def main() -> None:
    import openai

    answers = [Answer(text=TEXT) for _ in range(2 * ROUNDS + 2)]
    with FakeOpenAI(answers) as server:
        bare = openai.OpenAI(api_key="bench", base_url=server.base_url, max_retries=0)
        designer = OpenAIDesigner({"base_url": server.base_url, "model": "bench"}, "bench")
        request = DesignRequest("hi", [], None, {}, date(2026, 11, 24), lambda event: None)
        messages = [{"role": "user", "content": "hi"}]
        chunk_count = 0
        ours_times, bare_times = [], []
        for _ in range(ROUNDS):
            started = time.perf_counter()
            parts, chunk_count = [], 0
            stream = bare.chat.completions.create(
                model="bench",
                messages=messages,
                stream=True,
                stream_options={"include_usage": True},
            )
            for chunk in stream:
                chunk_count += 1
                if chunk.choices and chunk.choices[0].delta.content:
                    parts.append(chunk.choices[0].delta.content)
            bare_times.append(time.perf_counter() - started)
            started = time.perf_counter()
            designer._call(messages, request, DesignResult("", None), 0.0)
            ours_times.append(time.perf_counter() - started)
        ours, plain = statistics.median(ours_times), statistics.median(bare_times)
        print(f"chunks per stream: {chunk_count}")
        print(f"bare openai client: {plain / chunk_count * 1e6:7.1f} us per chunk")
        print(f"our designer:       {ours / chunk_count * 1e6:7.1f} us per chunk")
        print(f"ratio:              {ours / plain:7.3f}x   (target <= 1.1x)")
        designer.close()

    plan = json.dumps({"cities": ["Kyoto"], "days": [3], "start_date": "2027-04-01"})
    check = "{}"
    script = [
        Answer(tool_calls=[("plan_days", plan)]),
        Answer(tool_calls=[("check_itinerary", check)]),
        Answer(text="Done."),
    ]
    with FakeOpenAI(script) as server:
        designer = OpenAIDesigner({"base_url": server.base_url, "model": "bench"}, "bench")
        result = designer.respond(
            DesignRequest("Plan 3 days in Kyoto", [], None, {}, date(2026, 11, 24), lambda e: None)
        )
        steps = len({call["step"] for call in result.tool_calls})
        print(
            f"tool-using steps: {steps}; model calls: {len(server.requests)} "
            f"(target: steps + 1 = {steps + 1}; the reference app makes two per message)"
        )
        designer.close()


if __name__ == "__main__":
    main()
