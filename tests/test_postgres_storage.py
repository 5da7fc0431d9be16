"""PostgreSQL as a user meets it: choosing it, its password kept secret, owners and sharing,
migrations run once, and a server that is down at load. On the tests' own cluster."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pg_server
import pytest
from IPython.core.error import UsageError
from IPython.core.interactiveshell import InteractiveShell

from tripdesigner_kernel.kernel import KernelState


def run_kernel(
    code: str, env: dict[str, str], folder: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Python in a new process with a real IPython shell ``sh`` and the extension loaded."""
    prelude = f"""
        import logging
        logging.basicConfig(level=logging.DEBUG)  # whatever psycopg and the pool log
        from IPython.core.interactiveshell import InteractiveShell
        sh = InteractiveShell.instance()
        sh.run_line_magic("load_ext", "tripdesigner_kernel")
        import tripdesigner_kernel
        state = tripdesigner_kernel.kernel_state()
        folder = {str(folder)!r}
    """
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(prelude) + textwrap.dedent(code)],
        capture_output=True, text=True, timeout=120, check=False,
        env={**os.environ, "TRIPDESIGNER_TODAY": "2026-11-24", **env},
    )  # fmt: skip


def test_chosen_by_environment_and_the_password_never_shows(pg_url: str, tmp_path: Path) -> None:
    done = run_kernel(
        """
        sh.run_cell("%tripchat Plan 3 days in Lisbon in May")
        sh.run_cell("%tripchat status")
        sh.run_cell("%tripchat storage")
        sh.run_cell("%config TripDesigner")
        sh.run_cell("%tripchat list")
        print(repr(state), repr(state.storage), state.storage.url, repr(state.storage.url))
        record = state.sessions.load_record(state.current_session_id)
        print(record)
        sh.run_cell(f"%tripchat export-session {state.current_session_id} {folder}/exported.json")
        sh.run_cell("%tripchat storage postgresql://nobody:wrong-" + "pw@127.0.0.1:1/x")
        print("TURNS", len(record["messages"]), state.storage.name)
        """,
        {"TRIPDESIGNER_STORAGE": pg_url, "HOME": str(tmp_path)},
        folder=tmp_path,
    )
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert "TURNS 2 postgresql" in done.stdout
    assert "PostgreSQL database postgresql://tripdesigner_test@127.0.0.1" in done.stdout
    assert pg_server.PASSWORD not in output and "wrong-pw" not in output
    assert pg_server.PASSWORD not in (tmp_path / "exported.json").read_text()
    with pytest.raises(TypeError):  # nor pickled into a file
        import pickle

        from tripdesigner_kernel.sessions.pg_url import PostgresURL

        pickle.dumps(PostgresURL(pg_url))


def test_the_password_may_come_from_pgpassword_or_pgpass(
    pg_cluster: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tripdesigner_kernel.sessions.postgres_storage import PostgresSessionStorage

    bare = pg_cluster.url(pg_server.new_schema(), password=False)
    monkeypatch.setenv("PGPASSWORD", pg_server.PASSWORD)
    PostgresSessionStorage(bare).close()
    monkeypatch.delenv("PGPASSWORD")
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"127.0.0.1:{pg_cluster.port}:*:{pg_server.USER}:{pg_server.PASSWORD}\n")
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    store = PostgresSessionStorage(bare)
    assert store.list() == []
    store.close()
    pgpass.unlink()
    with pytest.raises(Exception, match="password") as refused:
        PostgresSessionStorage(bare)
    assert pg_server.PASSWORD not in str(refused.value)


def test_chosen_with_the_magic_and_the_setting(shell: InteractiveShell, pg_url: str) -> None:
    shell.run_line_magic("tripchat", "Plan 2 days in Porto in June")
    shell.run_line_magic("tripchat", f"storage {pg_url} --copy")
    state = shell._tripdesigner_state  # type: ignore[attr-defined]
    assert state.storage.name == "postgresql" and len(state.sessions) == 1
    assert pg_server.PASSWORD not in state.settings.storage
    shell.run_line_magic("tripchat", "storage memory")
    shell.run_line_magic("config", f"TripDesigner.storage = {pg_url!r}")
    assert state.storage.name == "postgresql" and len(state.sessions) == 1
    with pytest.raises(UsageError, match="invalid choice"):
        shell.run_line_magic("tripchat", "storage mysql://x")


def test_a_server_down_at_load_leaves_the_kernel_in_memory(tmp_path: Path) -> None:
    url = f"postgresql://u:hidden-pw@127.0.0.1:{pg_server.free_port()}/db"
    done = run_kernel(
        """
        sh.run_cell("%tripchat Plan 3 days in Rome in May")
        print("STORE", state.storage.name, len(state.sessions))
        """,
        {"TRIPDESIGNER_STORAGE": url},
    )
    assert done.returncode == 0, done.stderr
    assert "STORE memory 1" in done.stdout
    assert "Sessions stay in memory" in done.stderr and "127.0.0.1" in done.stderr
    assert "hidden-pw" not in done.stdout + done.stderr


def test_two_kernels_starting_together_migrate_once(pg_cluster: Any) -> None:
    import psycopg

    from tripdesigner_kernel.sessions.pg_schema import SCHEMA_VERSION, channel_of

    schema = pg_server.new_schema()
    url = pg_cluster.url(schema)
    opener = f"""
        from tripdesigner_kernel.sessions.postgres_storage import PostgresSessionStorage
        print("MIGRATED", PostgresSessionStorage({url!r}).migrated)
    """
    with psycopg.connect(pg_cluster.url()) as holder:  # hold the lock: both must wait on it
        holder.execute("SELECT pg_advisory_lock(hashtext(%s))", (channel_of(schema),))
        kernels = [
            subprocess.Popen(
                [sys.executable, "-c", textwrap.dedent(opener)], stdout=subprocess.PIPE, text=True
            )
            for _ in range(2)
        ]
        waiting = 0
        while waiting < 2:  # both kernels are inside their migration, blocked on the lock
            waiting = holder.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'advisory'"
                " AND query LIKE '%%pg_advisory_xact_lock%%'"
            ).fetchone()[0]  # type: ignore[index]
            holder.commit()
        holder.execute("SELECT pg_advisory_unlock(hashtext(%s))", (channel_of(schema),))
        outputs = [kernel.communicate(timeout=60)[0] for kernel in kernels]
        rows = holder.execute(f"SELECT version FROM {schema}.schema_migrations").fetchall()
    assert sorted(out.split()[-1] for out in outputs) == ["0", str(SCHEMA_VERSION)]
    assert sorted(v for (v,) in rows) == list(range(1, SCHEMA_VERSION + 1))


def test_a_newer_schema_is_refused(pg_url: str, pg_cluster: Any) -> None:
    import psycopg

    from tripdesigner_kernel.sessions.postgres_storage import PostgresSessionStorage
    from tripdesigner_kernel.sessions.storage import StorageError

    PostgresSessionStorage(pg_url).close()
    schema = pg_url.rsplit("schema=", 1)[1]
    with psycopg.connect(pg_cluster.url()) as db:
        db.execute(f"INSERT INTO {schema}.schema_migrations (version) VALUES (99)")
    with pytest.raises(StorageError, match="newer tripdesigner_kernel"):
        PostgresSessionStorage(pg_url)


def kernel_as(user: str, url: str, monkeypatch: pytest.MonkeyPatch) -> KernelState:
    monkeypatch.setenv("JUPYTERHUB_USER", user)
    state = KernelState()
    state.use_storage(url)
    return state


def test_owners_and_sharing(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from tripdesigner_kernel.sessions.postgres_storage import ReadOnlySessionError

    alice = kernel_as("alice", pg_url, monkeypatch)
    bob = kernel_as("bob", pg_url, monkeypatch)
    trip = alice.new_session("Lisbon")
    alice.chat("Plan 3 days in Lisbon in May", trip)
    bobs = bob.new_session("Bob's own")
    bob.chat("Plan 2 days in Porto in June", bobs)
    assert [s.id for s in alice.sessions.list()] == [trip]  # one's own only
    assert [s.id for s in bob.sessions.list()] == [bobs]
    with pytest.raises(LookupError):
        bob.use_session(trip)

    alice.placement.share(trip, "bob", read_only=True)
    assert {s.id for s in bob.sessions.list()} == {trip, bobs}
    with pytest.raises(ReadOnlySessionError, match="belongs to alice: it is shared with you"):
        bob.chat("Plan 5 days in Lisbon in May", trip)
    with pytest.raises(ReadOnlySessionError, match="only its owner"):
        bob.placement.share(trip, "carol", read_only=False)
    with pytest.raises(ReadOnlySessionError, match="only its owner"):
        bob.delete_session(trip)
    assert len(alice.sessions.get(trip).messages) == 2  # unchanged
    fork = bob.fork_session(trip)
    bob.chat("add a day", fork)
    assert len(bob.sessions.get(fork).messages) == 4
    assert fork not in {s.id for s in alice.sessions.list()}

    alice.placement.share(trip, "bob", read_only=False)
    bob.chat("add a day", trip)
    assert len(alice.sessions.get(trip).messages) == 4
    assert alice.placement.share(trip, "bob", None) and not alice.placement.share(trip, "bob", None)
    assert trip not in {s.id for s in bob.sessions.list()}


def test_the_share_magics(shell: InteractiveShell, pg_url: str, capsys: Any) -> None:
    with pytest.raises(UsageError, match="PostgreSQL store"):
        shell.run_line_magic("tripchat", "share abc bob")
    shell.run_line_magic("tripchat", f"storage {pg_url}")
    shell.run_line_magic("tripchat", "Plan 2 days in Porto in June")
    session_id = shell._tripdesigner_state.current_session_id  # type: ignore[attr-defined]
    shell.run_line_magic("tripchat", f"share {session_id} bob --read-only")
    shell.run_line_magic("tripchat", f"unshare {session_id} bob")
    shell.run_line_magic("tripchat", f"unshare {session_id} bob")
    out = capsys.readouterr().out
    assert f"Session {session_id} is shared with bob read-only (they can fork it)." in out
    assert "is no longer shared with bob" in out and "is not shared with bob" in out
    with pytest.raises(UsageError, match="No session 'nope'"):
        shell.run_line_magic("tripchat", "share nope bob")


def test_loading_the_extension_never_imports_psycopg(tmp_path: Path) -> None:
    done = run_kernel(
        """
        import sys
        sh.run_cell("%tripchat Plan 2 days in Porto in June")
        print("PSYCOPG", sorted(m for m in sys.modules if m.startswith("psycopg")))
        """,
        {"TRIPDESIGNER_HOME": str(tmp_path)},
    )
    assert done.returncode == 0, done.stderr
    assert "PSYCOPG []" in done.stdout
