"""A throwaway PostgreSQL cluster for tests: initdb and pg_ctl in a temporary folder, on
127.0.0.1 and a free port, with password authentication. Never a system cluster.

Run as root (as CI does), the cluster's processes run as the ``postgres`` user that Debian's
package creates, since PostgreSQL refuses to run as root.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

USER = "tripdesigner_test"
PASSWORD = "s3cret-" + uuid.uuid4().hex[:12]  # unique, so a test can grep all output for it


def binaries() -> Path | None:
    """The folder holding initdb and pg_ctl, or None when PostgreSQL is not installed."""
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)  # Debian's
    if versions:
        return Path(versions[0]).parent
    found = shutil.which("initdb")
    return Path(found).resolve().parent if found else None


def missing_reason() -> str | None:
    """Why no cluster can be started here, or None."""
    if binaries() is None:
        return "PostgreSQL is not installed (no initdb): apt-get install postgresql"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no 'postgres' user to run the cluster"
    return None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Cluster:
    """One cluster: ``start``, ``stop`` (immediate), ``kill`` (SIGKILL)."""

    def __init__(self) -> None:
        bin_dir = binaries()
        assert bin_dir is not None
        self.bin = bin_dir
        self.folder = Path(tempfile.mkdtemp(prefix="tripdesigner-pg-"))
        self.data = self.folder / "data"
        self.port = free_port()
        self._as_postgres = os.geteuid() == 0
        self.process: subprocess.Popen[bytes] | None = None
        if self._as_postgres:
            entry = pwd.getpwnam("postgres")
            os.chown(self.folder, entry.pw_uid, entry.pw_gid)
        password_file = self.folder / "pw"
        password_file.write_text(PASSWORD)
        if self._as_postgres:
            os.chown(password_file, entry.pw_uid, entry.pw_gid)
        self._run(
            "initdb", "-D", str(self.data), "-U", USER, "--pwfile", str(password_file),
            "--auth=scram-sha-256", "-E", "UTF8", "--no-instructions", "--no-sync",
        )  # fmt: skip
        password_file.unlink()

    def url(self, schema: str | None = None, password: bool = True) -> str:
        secret = f":{PASSWORD}" if password else ""
        query = f"?schema={schema}" if schema else ""
        return f"postgresql://{USER}{secret}@127.0.0.1:{self.port}/postgres{query}"

    def start(self, durable: bool = False) -> None:
        """Start the server as a child of this process (so it is reaped when killed: pg_ctl
        would leave it to PID 1, which in a container may never reap it). Tests run it
        without flushing to disk (fsync off); ``durable`` keeps PostgreSQL's defaults."""
        command = [
            str(self.bin / "postgres"), "-D", str(self.data), "-c", "listen_addresses=127.0.0.1",
            "-c", f"port={self.port}", "-c", "unix_socket_directories=",
            "-c", "max_connections=100",
        ]  # fmt: skip
        if not durable:  # commits still reach the OS before they return: a killed server
            # (the tests kill it) keeps them; only a crash of the machine could lose them
            command += ["-c", "fsync=off", "-c", "full_page_writes=off"]
        if self._as_postgres:
            command = ["setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups",
                       *command]  # fmt: skip
        with (self.folder / "log").open("ab") as log:
            self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while not self._ready():
            if self.process.poll() is not None or time.monotonic() > deadline:
                log_tail = (self.folder / "log").read_text(errors="replace")[-2000:]
                raise RuntimeError(f"PostgreSQL did not start: {log_tail}")
            time.sleep(0.05)  # polling readiness: the server offers no signal to wait on

    def _ready(self) -> bool:
        done = subprocess.run(
            [str(self.bin / "pg_isready"), "-q", "-h", "127.0.0.1", "-p", str(self.port)],
            check=False,
        )
        return done.returncode == 0

    def stop(self) -> None:
        """Immediate shutdown (SIGQUIT), waited for."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGQUIT)
            self.process.wait(timeout=60)

    def kill(self) -> None:
        """The server dies at once: SIGKILL to its backends and to the postmaster."""
        assert self.process is not None
        subprocess.run(["pkill", "-KILL", "-P", str(self.process.pid)], check=False)
        self.process.kill()
        self.process.wait(timeout=60)

    def remove(self) -> None:
        with contextlib.suppress(Exception):
            self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _run(self, tool: str, *args: str, check: bool = True) -> None:
        command = [str(self.bin / tool), *args]
        if self._as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=120)
        if check and done.returncode != 0:
            raise RuntimeError(f"{tool} failed: {done.stderr or done.stdout}")


def new_schema() -> str:
    """A schema name of its own for one test."""
    return "t_" + uuid.uuid4().hex[:16]
