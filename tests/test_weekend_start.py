"""A weekend with no date: the plan starts on the Saturday (a long weekend on the Friday)
the reply names (one source of truth for the default start), whatever the day today is."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest

from tripdesigner_kernel.kernel import KernelState


def _chat(today: str, *turns: str) -> list[str]:
    state = KernelState()
    state.settings.today = today
    state.new_session()
    return [str(state.chat(turn)) for turn in turns]


def _noted_and_planned(reply: str) -> tuple[date, str]:
    said = re.search(r"from (\w+day \d{1,2} \w+ \d{4})\.", reply)
    planned = re.search(r"\*\*, \w{3} (\d{2} \w{3} \d{4}) to", reply)
    assert said and planned, reply
    return datetime.strptime(said[1], "%A %d %B %Y").date(), planned[1]


@pytest.mark.parametrize("today", ["2026-11-24", "2026-11-30", "2026-12-28", "2027-03-05"])
@pytest.mark.parametrize(
    "message", ["a weekend in Paris", "weekend in Rome for 2", "a long weekend in Lisbon"]
)
def test_the_plan_starts_on_the_day_the_note_names(today: str, message: str) -> None:
    (reply,) = _chat(today, message)
    noted, planned = _noted_and_planned(reply)
    assert noted.weekday() == (4 if "long" in message else 5)  # a Friday, else a Saturday
    assert f"{noted:%d %b %Y}" == planned


def test_a_weekend_after_dates_said_keeps_their_week() -> None:
    replies = _chat("2026-11-24", "4 days in Rome from 9 March 2027", "make it a weekend")
    assert "Sat 13 Mar 2027 to Sun 14 Mar 2027" in replies[-1]
    assert "The weekend of your dates: from Saturday 13 March 2027." in replies[-1]
    assert "A weekend with no date" not in replies[-1]
