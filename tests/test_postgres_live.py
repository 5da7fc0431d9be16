"""Team sessions live and under faults: another kernel's turn is heard within a second (and
shown by a widget without a click), and a server killed mid-turn loses nothing."""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Iterator
from typing import Any

import pg_server
import pytest
from IPython.core.interactiveshell import InteractiveShell

from tripdesigner_kernel.designers.base import DesignRequest, DesignResult
from tripdesigner_kernel.designers.offline.designer import OfflineDesigner
from tripdesigner_kernel.designers.registry import registry
from tripdesigner_kernel.kernel import KernelState
from tripdesigner_kernel.trip.model import Itinerary


def listening(state: KernelState) -> None:
    watcher = state.storage._watcher  # type: ignore[attr-defined]
    assert watcher is not None and watcher.listening.wait(10)


def test_a_turn_committed_by_another_kernel_is_heard_within_a_second(pg_url: str) -> None:
    a, b = KernelState(), KernelState()
    a.use_storage(pg_url)
    b.use_storage(pg_url)
    heard_by_a: queue.Queue[dict[str, Any]] = queue.Queue()
    heard_by_b: queue.Queue[tuple[float, dict[str, Any]]] = queue.Queue()
    committed: list[float] = []  # when a's own turn was saved (a hears its commit at once)
    a.listeners.append(lambda event: event.get("remote") and heard_by_a.put(event))
    a.listeners.append(
        lambda event: (
            event["type"] == "turn_saved"
            and not event.get("remote")
            and committed.append(time.perf_counter())
        )
    )
    b.listeners.append(
        lambda event: event.get("remote") and heard_by_b.put((time.perf_counter(), event))
    )
    listening(a)
    listening(b)
    for days in (3, 4, 5):
        session_id = a.current_session_id or a.new_session()
        a.chat(f"Plan {days} days in Lisbon in May", session_id)
        heard_at, event = heard_by_b.get(timeout=1)  # raises queue.Empty after a second
        assert heard_at - committed[-1] < 1.0
        assert event == {"type": "turn_saved", "session_id": session_id, "remote": True}
    b.delete_session(session_id)
    assert heard_by_a.get(timeout=1)["type"] == "session_deleted"
    assert heard_by_a.empty() and heard_by_b.empty()  # nobody hears their own writes
    a.storage.close()
    b.storage.close()


def test_a_widget_shows_the_other_kernels_turn_without_a_click(
    shell: InteractiveShell, pg_url: str
) -> None:
    from tripdesigner_kernel.ui.widget import ChatWidget

    other = KernelState()
    other.use_storage(pg_url)
    session_id = other.new_session()
    other.chat("Plan 2 days in Porto in June", session_id)
    state = shell._tripdesigner_state  # type: ignore[attr-defined]
    state.use_storage(pg_url)
    widget = ChatWidget(session_id)
    listening(state)
    refreshed = threading.Event()
    state.listeners.append(lambda event: event.get("remote") and refreshed.set())  # after it
    other.chat("add a day", session_id)
    assert refreshed.wait(1)
    shown = widget.transcript_html()
    assert len(shown) == 4 and "add a day" in shown[2]
    assert widget.day_titles() == ["Day 1", "Day 2", "Day 3"]
    other.storage.close()


def test_the_listener_ends_with_the_extension(shell: InteractiveShell, pg_url: str) -> None:
    state = shell._tripdesigner_state  # type: ignore[attr-defined]
    state.use_storage(pg_url)
    watcher = state.storage._watcher
    assert watcher.is_alive()
    shell.run_line_magic("unload_ext", "tripdesigner_kernel")
    assert not watcher.is_alive() and state.storage._watcher is None
    shell.run_line_magic("load_ext", "tripdesigner_kernel")
    assert state.storage._watcher.is_alive()


@pytest.fixture
def own_cluster() -> Iterator[pg_server.Cluster]:
    """A cluster of its own: this test kills it."""
    reason = pg_server.missing_reason()
    if reason:
        pytest.skip(reason)
    cluster = pg_server.Cluster()
    cluster.start()
    yield cluster
    cluster.remove()


class KillsTheServer(OfflineDesigner):
    """The offline designer, with the database server dying while it thinks."""

    name = "kills-the-server"
    cluster: pg_server.Cluster | None = None

    def respond(self, request: DesignRequest) -> DesignResult:
        result = super().respond(request)
        if KillsTheServer.cluster is not None:
            KillsTheServer.cluster.kill()
        return result


def test_a_server_killed_mid_turn_loses_nothing_and_the_next_turn_works(
    shell: InteractiveShell, own_cluster: pg_server.Cluster, capsys: Any
) -> None:
    registry.register("kills-the-server", lambda settings, key: KillsTheServer(settings, key))
    shell.run_line_magic("tripchat", f"storage {own_cluster.url()}")
    shell.run_line_magic("tripchat", "Plan 3 days in Lisbon in May")
    state = shell._tripdesigner_state  # type: ignore[attr-defined]
    session_id = state.current_session_id
    before = state.sessions.load_record(session_id)
    capsys.readouterr()
    KillsTheServer.cluster = own_cluster
    state.use_designer("kills-the-server")
    try:
        shell.run_line_magic("tripchat", "make it 5 days")
    finally:
        KillsTheServer.cluster = None
    failed = capsys.readouterr()
    lines = failed.err.strip().splitlines()
    assert len(lines) == 1 and "cannot be reached" in lines[0] and "nothing was saved" in lines[0]
    assert "Traceback" not in failed.out + failed.err
    assert pg_server.PASSWORD not in failed.out + failed.err

    own_cluster.start()
    state.use_designer("offline")
    after = state.sessions.load_record(session_id)
    assert after["messages"] == before["messages"] and after["itinerary"] == before["itinerary"]
    shell.run_line_magic("tripchat", "make it 5 days")
    record = state.sessions.load_record(session_id)
    assert len(record["messages"]) == 4
    assert Itinerary.from_json(record["itinerary"]).days == 5
