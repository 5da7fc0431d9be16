"""The widget's transcript redraws only what a turn added, and reads the same as a full draw."""

from __future__ import annotations

import tripdesigner_kernel
from tripdesigner_kernel.sessions.records import Message
from tripdesigner_kernel.ui import transcript as tx
from tripdesigner_kernel.ui.transcript_view import RECENT_MAX
from tripdesigner_kernel.ui.widget import ChatWidget


def send(widget: ChatWidget, text: str) -> None:
    widget.input.value = text
    widget.send_button.click()
    assert widget.wait(60)


def drawn_whole(widget: ChatWidget) -> list[str]:
    """The bubbles a full draw of the session would show (all of it: it is short)."""
    record = tripdesigner_kernel.kernel_state().sessions.load_record(widget.session_id)
    messages = [Message.from_dict(m) for m in record["messages"]]
    return tx.split_bubbles(tx.history_html(messages))


def test_a_turn_redraws_only_its_own_bubbles(shell) -> None:
    widget = ChatWidget()  # a new session: the page drawn is empty, every turn is recent
    send(widget, "Plan 3 days in Lisbon in May for 2")
    page = widget.history.value
    assert page == "" and len(widget.transcript_html()) == 2
    follow_ups = ["add a day", "make it cheaper", "more museums", "remove day 4", "undo"]
    for number, text in enumerate(follow_ups, 2):
        send(widget, text)
        assert widget.history.value == page  # the page drawn before is not sent again
        assert widget.transcript_html() == drawn_whole(widget)
        assert len(tx.split_bubbles(widget.chat_view.recent.value)) == 2 * number
        assert widget.live.value == ""
    state = tripdesigner_kernel.kernel_state()
    while state.sessions.get(widget.session_id).message_count + 2 <= RECENT_MAX:
        send(widget, "thanks")
    assert widget.history.value == page
    send(widget, "thanks")  # past RECENT_MAX since the page was drawn: drawn whole again
    assert widget.history.value != page and widget.chat_view.recent.value == ""
    assert widget.transcript_html() == drawn_whole(widget)


def test_another_session_or_older_messages_draw_the_page_whole(shell) -> None:
    widget = ChatWidget()
    send(widget, "Plan 2 days in Rome in June")
    first = widget.session_id
    widget.new_button.click()
    assert widget.transcript_html() == [] and widget.chat_view.recent.value == ""
    send(widget, "Plan 2 days in Porto in May")
    widget.sessions.value = first
    assert widget.transcript_html() == drawn_whole(widget)
    assert "Rome" in widget.transcript_html()[1] and "Porto" not in widget.history.value
