"""Hearing other kernels' commits: a background thread on PostgreSQL's LISTEN/NOTIFY.

Every committed write to a session is announced on the schema's channel (a trigger, see
``pg_schema``) as ``"<session id> <revision>"``. The watcher holds one connection of its own,
listens, and calls back for each announcement; when the connection drops it reconnects (an
announcement missed meanwhile is only a late refresh: the data itself is in the tables).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

POLL_S = 0.2  # how often the thread looks at its stop flag between notifications
RECONNECT_S = 1.0


class SessionWatcher(threading.Thread):
    """Calls ``callback(session_id, revision)`` for each announcement on ``channel``."""

    def __init__(self, conninfo: str, channel: str, callback: Callable[[str, int], None]) -> None:
        super().__init__(name="tripdesigner-listen", daemon=True)
        self._conninfo = conninfo
        self._channel = channel
        self._callback = callback
        self._stopping = threading.Event()
        self.listening = threading.Event()  # set while LISTEN is in effect

    def stop(self) -> None:
        """Stop listening; returns once the thread has ended."""
        self._stopping.set()
        if self.is_alive() and threading.current_thread() is not self:
            self.join(timeout=5)

    def run(self) -> None:
        import psycopg
        from psycopg import sql

        while not self._stopping.is_set():
            try:
                with psycopg.connect(self._conninfo, autocommit=True, connect_timeout=5) as conn:
                    conn.execute(sql.SQL("LISTEN {}").format(sql.Identifier(self._channel)))
                    self.listening.set()
                    while not self._stopping.is_set():
                        for notice in conn.notifies(timeout=POLL_S):
                            self._deliver(notice.payload)
            except psycopg.Error:
                self.listening.clear()
                self._stopping.wait(RECONNECT_S)
        self.listening.clear()

    def _deliver(self, payload: str) -> None:
        session_id, _, revision = payload.rpartition(" ")
        try:
            self._callback(session_id, int(revision))
        except Exception:  # a broken listener must not end the watch
            return
