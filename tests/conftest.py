"""Shared fixtures: a fresh IPython shell per test, with history off and 'today' fixed."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest
from IPython.core.interactiveshell import InteractiveShell
from traitlets.config import Config

TODAY = "2026-11-24"


def make_shell() -> InteractiveShell:
    """A new InteractiveShell (the singleton is reset), history off."""
    InteractiveShell.clear_instance()
    config = Config()
    config.HistoryManager.enabled = False
    return InteractiveShell.instance(config=config)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Fixed 'today'; the default SQLite file in a temporary home, never the user's."""
    monkeypatch.setenv("TRIPDESIGNER_TODAY", TODAY)
    monkeypatch.setenv("TRIPDESIGNER_HOME", str(tmp_path_factory.mktemp("home")))
    monkeypatch.delenv("TRIPDESIGNER_STORAGE", raising=False)


@pytest.fixture
def shell() -> Iterator[InteractiveShell]:
    """A fresh shell with the extension loaded."""
    sh = make_shell()
    sh.run_line_magic("load_ext", "tripdesigner_kernel")
    yield sh
    sh.run_line_magic("unload_ext", "tripdesigner_kernel")
    InteractiveShell.clear_instance()


@pytest.fixture
def bare_shell() -> Iterator[InteractiveShell]:
    """A fresh shell without the extension."""
    sh = make_shell()
    yield sh
    if "tripdesigner_kernel" in sh.extension_manager.loaded:
        sh.run_line_magic("unload_ext", "tripdesigner_kernel")
    InteractiveShell.clear_instance()


@pytest.fixture(autouse=True)
def _forget_process_state() -> Iterator[None]:
    yield
    if hasattr(sys, "_tripdesigner_state"):
        delattr(sys, "_tripdesigner_state")


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[object]:
    """A throwaway PostgreSQL cluster for the whole run (see tests/pg_server.py)."""
    import pg_server

    reason = pg_server.missing_reason()
    if reason:
        pytest.skip(reason)
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.skip("psycopg is not installed: pip install -e '.[postgres]'")
    cluster = pg_server.Cluster()
    cluster.start()
    yield cluster
    cluster.remove()


@pytest.fixture
def pg_url(pg_cluster: object) -> str:
    """The address of a fresh schema of its own on the test cluster, password included."""
    import pg_server

    assert isinstance(pg_cluster, pg_server.Cluster)
    return pg_cluster.url(pg_server.new_schema())
