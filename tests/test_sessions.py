"""Session storage and manager: plain records, newest first, clear errors."""

from __future__ import annotations

import json

import pytest

from tripdesigner_kernel.sessions.manager import SessionManager, SessionNotFoundError
from tripdesigner_kernel.sessions.storage import InMemorySessionStorage, SessionStorage


@pytest.fixture
def manager() -> SessionManager:
    return SessionManager(InMemorySessionStorage())


def test_in_memory_storage_meets_the_protocol() -> None:
    assert isinstance(InMemorySessionStorage(), SessionStorage)


def test_create_get_and_append(manager: SessionManager) -> None:
    session_id = manager.create("Kyoto in spring")
    assert len(session_id) == 8
    manager.append_message(session_id, "user", "hello")
    record = manager.get(session_id)
    assert record.title == "Kyoto in spring"
    assert [(m.role, m.content) for m in record.messages] == [("user", "hello")]
    assert record.metadata["message_count"] == 1


def test_records_are_plain_json_and_never_aliased(manager: SessionManager) -> None:
    session_id = manager.create()
    record = manager.load_record(session_id)
    json.dumps(record)  # plain JSON-compatible
    record["messages"].append({"role": "user", "content": "not saved"})
    assert manager.get(session_id).messages == ()


def test_list_is_newest_first_and_filters_by_itinerary(manager: SessionManager) -> None:
    first, second = manager.create("one"), manager.create("two")
    manager.append_message(first, "user", "touch")  # first becomes the most recent
    assert [s.id for s in manager.list()] == [first, second]
    record = manager.load_record(second)
    record["itinerary_id"] = "it-1"
    manager.save_record(record)
    assert [s.id for s in manager.list("it-1")] == [second]
    assert manager.delete_by_itinerary("it-1") == 1
    assert [s.id for s in manager.list()] == [first]


def test_rename_and_delete(manager: SessionManager) -> None:
    session_id = manager.create()
    manager.rename(session_id, "  Lisbon   week ")
    assert manager.get(session_id).title == "Lisbon week"
    with pytest.raises(ValueError, match="empty"):
        manager.rename(session_id, "   ")
    manager.delete(session_id)
    assert not manager.exists(session_id)


def test_missing_id_lists_sessions_and_suggests_close_ones(manager: SessionManager) -> None:
    with pytest.raises(SessionNotFoundError, match="no sessions yet"):
        manager.get("abc")
    session_id = manager.create()
    typo = session_id[:-1] + ("0" if session_id[-1] != "0" else "1")
    with pytest.raises(SessionNotFoundError) as caught:
        manager.get(typo)
    message = str(caught.value)
    assert f"Did you mean {session_id}" in message
    assert session_id in message
