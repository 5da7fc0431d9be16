"""Display safety: a session file or a model cannot inject markup, and dollars stay money.

Every itinerary field and every reply reaches HTML or Markdown escaped; a reply's
``$120 ... $180`` is not read as math (issue 12, item 9).
"""

from __future__ import annotations

import re

import pytest

import tripdesigner_kernel
from tripdesigner_kernel.designers.base import DesignResult, Question
from tripdesigner_kernel.designers.registry import registry
from tripdesigner_kernel.ui import render
from tripdesigner_kernel.ui.itinerary_view import day_views, summary_html
from tripdesigner_kernel.ui.widget import ChatWidget

ATTACK = "<img src=x onerror=alert(1)>"
RAW_TAG = re.compile(r"<img|<script|onerror=alert\(1\)>", re.IGNORECASE)


def poisoned(itinerary: dict) -> dict:
    """An itinerary as a hostile session file could carry it: markup in every field."""
    bad = dict(itinerary)
    bad["title"] = "Trip " + ATTACK
    bad["start_date"] = ATTACK
    bad["end_date"] = ATTACK
    bad["travelers"] = ATTACK
    bad["budget"] = {**itinerary["budget"], "level": ATTACK}
    bad["estimated_total"] = {"amount": 10, "currency": ATTACK}
    bad["violations"] = [{"message": ATTACK}]
    segments = []
    for segment in itinerary["segments"]:
        segment = {**segment, "name": segment["name"] + ATTACK, "category": ATTACK}
        segment["price"] = {"amount": 5, "currency": ATTACK}
        segment["location"] = {**segment["location"], "name": ATTACK}
        segments.append(segment)
    bad["segments"] = segments
    return bad


@pytest.fixture
def plan(shell) -> dict:
    reply = tripdesigner_kernel.kernel_state().chat("2 days in Lisbon in May")
    assert reply.itinerary is not None
    return reply.itinerary


def test_every_itinerary_field_is_escaped_in_html(plan: dict) -> None:
    bad = poisoned(plan)
    html_out = summary_html(bad) + "".join(view.html() for view in day_views(bad))
    assert not RAW_TAG.search(html_out)
    assert html_out.count("&lt;img src=x onerror=alert(1)&gt;") >= 8


def test_every_itinerary_field_is_escaped_in_markdown(plan: dict) -> None:
    markdown = render.itinerary_bundle(poisoned(plan))["text/markdown"]
    assert not RAW_TAG.search(markdown)
    assert "&lt;img" in markdown


def test_a_poisoned_session_shows_as_text_in_the_widget(shell, plan: dict) -> None:
    state = tripdesigner_kernel.kernel_state()
    messages = state.sessions.load_record(state.current_session_id)["messages"]
    record = state.sessions.load_record(state.new_session())  # as a session file would bring
    record["itinerary"] = poisoned(plan)
    record["messages"] = [{**messages[0], "content": "hello " + ATTACK}, messages[1]]
    state.storage.save(record)
    widget = ChatWidget(record["id"])
    shown = widget.summary.value + "".join(widget.day_html()) + "".join(widget.transcript_html())
    assert not RAW_TAG.search(shown)
    assert "&lt;img src=x onerror=alert(1)&gt;" in shown


class Hostile:
    """A model that answers with markup and prices in dollars."""

    name = "hostile"
    reply = f"Hotels cost $120 to $180 a night. {ATTACK} <script>alert(2)</script> `a $ b`"

    def __init__(self, settings=None, api_key=None) -> None:
        pass

    def respond(self, request):
        return DesignResult(
            reply=self.reply,
            itinerary=request.itinerary,
            question=Question("Which $ range?", [f"$100 {ATTACK}", "$200"]),
        )

    def close(self) -> None:
        pass


def test_model_replies_are_sanitized_everywhere(shell, monkeypatch) -> None:
    registry.register("hostile", Hostile)
    tripdesigner_kernel.kernel_state().use_designer("hostile")
    reply = tripdesigner_kernel.kernel_state().chat("anything")
    markdown = render.reply_bundle(str(reply), reply.question)["text/markdown"]
    assert not RAW_TAG.search(markdown) and "<script" not in markdown
    assert "\\$120 to \\$180" in markdown  # not math
    assert "`a $ b`" in markdown  # code stays as written
    widget = ChatWidget()
    bubble = widget.transcript_html()[-1]
    assert not RAW_TAG.search(bubble) and "<script" not in bubble
    assert "&#36;120 to &#36;180" in bubble and "tex2jax_ignore" in bubble
    assert [b.description for b in widget.questions.children] == [f"$100 {ATTACK}", "$200"]
    # The magic's own output: the Markdown a notebook renders.
    shown: list[dict] = []
    monkeypatch.setattr(render, "show", shown.append)
    shell.run_cell("%tripchat again")
    assert shown and not RAW_TAG.search(shown[0]["text/markdown"])


def test_markdown_escape_keeps_code_and_escapes_the_rest() -> None:
    text = "Use `<b>` and\n```\n<i>$5</i>\n```\nthen <b>$5</b>"
    escaped = render.escape_markdown(text)
    assert "`<b>`" in escaped and "```\n<i>$5</i>\n```" in escaped
    assert "&lt;b&gt;\\$5&lt;/b&gt;" in escaped
