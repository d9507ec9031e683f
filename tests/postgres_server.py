"""A throwaway PostgreSQL server for the tests: made, started, stopped and removed here.

The team-mode tests need a real PostgreSQL, never a mock, and must not depend
on a server someone left running. ``PostgresServer`` makes a new cluster with
the distribution's ``initdb`` in a short folder under /tmp, starts it with
``pg_ctl`` and removes it afterwards::

    server = PostgresServer()
    server.start()
    try:
        server.create_database("heroes")
        with psycopg.connect(server.url("heroes")) as conn:
            ...
    finally:
        server.cleanup()

The cluster answers in two ways: on a Unix socket in its own folder, where
every role is trusted (the tests connect as the superuser ``postgres``
without a password), and on TCP at 127.0.0.1 on a free port, where a password
is checked (scram-sha-256), so that a wrong password can be tested.

``initdb`` and ``pg_ctl`` refuse to run as root. As root (as in CI) they run
as the ``postgres`` system user that Debian's ``postgresql`` package creates,
through ``runuser``; otherwise they run as the current user. Either way the
superuser role is called ``postgres``.

Durability is switched off (fsync, full-page writes, synchronous commit): the
data lives only as long as the test session.

Why one file of this length: one class owns the cluster's whole life (finding the
binaries and a UTF-8 locale, initdb, start, roles and databases, stop, removal), and each
step that can fail says what was missing.
"""

from __future__ import annotations

import glob
import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any, LiteralString
from urllib.parse import quote

import psycopg
from psycopg import sql

SUPERUSER = "postgres"
# The system user that runs the server when the tests run as root.
SYSTEM_USER = "postgres"
INSTALL_HINT = (
    "PostgreSQL's server programs (initdb, pg_ctl) were not found: the tests start "
    "their own throwaway PostgreSQL server. Install Debian's `postgresql` package "
    "(`sudo apt-get install postgresql`, or `make system-deps`)."
)
# How many lines of the server log an error message shows.
LOG_TAIL_LINES = 30
PG_CTL_TIMEOUT_SECONDS = 30


class PostgresNotInstalledError(RuntimeError):
    """The PostgreSQL server programs (or the user to run them as root) are missing."""


class PostgresServerError(RuntimeError):
    """initdb or pg_ctl failed; the message carries their output and the server log."""


def find_bindir() -> Path:
    """The folder holding initdb, pg_ctl and postgres.

    ``pg_config --bindir`` first; Debian's pg_config wrapper fails, or names a
    folder without the server, when only the client is installed, so the newest
    ``/usr/lib/postgresql/<version>/bin`` is the fallback.
    """
    candidates: list[Path] = []
    pg_config = shutil.which("pg_config")
    if pg_config is not None:
        try:
            result = subprocess.run(
                [pg_config, "--bindir"], capture_output=True, text=True, check=False, timeout=10
            )
        except (OSError, subprocess.TimeoutExpired):
            result = None
        if result is not None and result.returncode == 0 and result.stdout.strip():
            candidates.append(Path(result.stdout.strip()))
    versioned = glob.glob("/usr/lib/postgresql/*/bin")
    candidates.extend(
        Path(folder)
        for folder in sorted(versioned, key=_version_key, reverse=True)
        # Only numbered versions: a stray folder must not win the sort.
        if _version_key(folder) != (-1,)
    )
    for folder in candidates:
        if all((folder / program).is_file() for program in ("initdb", "pg_ctl", "postgres")):
            return folder
    raise PostgresNotInstalledError(INSTALL_HINT)


def _version_key(folder: str) -> tuple[int, ...]:
    match = re.search(r"/postgresql/(\d+(?:\.\d+)*)/bin$", folder)
    return tuple(int(part) for part in match.group(1).split(".")) if match else (-1,)


def find_utf8_locale() -> str | None:
    """A UTF-8 locale the system has, C.UTF-8 first; None when it has none.

    A cluster in the C locale makes lower(), ILIKE and pg_trgm blind to
    non-ASCII letters, so any UTF-8 locale is better than none.
    """
    try:
        result = subprocess.run(
            ["locale", "-a"], capture_output=True, text=True, check=False, timeout=10
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    utf8 = [
        name for name in result.stdout.split() if name.lower().replace("-", "").endswith(".utf8")
    ]
    for name in utf8:
        if name.lower().replace("-", "") == "c.utf8":
            return "C.UTF-8"
    return utf8[0] if utf8 else None


def find_free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class PostgresServer:
    """One throwaway PostgreSQL cluster: ``start()``, use, ``cleanup()``.

    Attributes, set by ``start()``: ``folder`` (everything lives under it),
    ``data_dir``, ``socket_dir``, ``port`` (TCP and the socket's number),
    ``log_path`` (the server log); ``superuser`` is always ``postgres``;
    ``locale`` is the cluster's locale (None for the C locale).
    """

    def __init__(self, bindir: Path | None = None) -> None:
        self.bindir = bindir if bindir is not None else find_bindir()
        self.superuser = SUPERUSER
        self._run_as: list[str] = []
        self._owner: pwd.struct_passwd | None = None
        if os.geteuid() == 0:
            runuser = shutil.which("runuser")
            if runuser is None:
                raise PostgresNotInstalledError("Running as root needs `runuser` (util-linux).")
            try:
                self._owner = pwd.getpwnam(SYSTEM_USER)
            except KeyError:
                raise PostgresNotInstalledError(
                    f"Running as root needs the `{SYSTEM_USER}` system user. " + INSTALL_HINT
                ) from None
            self._run_as = [runuser, "-u", SYSTEM_USER, "--"]
        self.folder: Path | None = None
        self.data_dir: Path | None = None
        self.socket_dir: Path | None = None
        self.log_path: Path | None = None
        self.port: int | None = None
        self.locale: str | None = None

    # Life cycle

    def start(self) -> None:
        """Make a new cluster in a new folder and start it on a free port."""
        if self.folder is not None:
            raise PostgresServerError(f"This server already has a cluster in {self.folder}")
        # Short on purpose: a Unix socket path must fit in about 107 bytes.
        base = "/tmp" if os.path.isdir("/tmp") else None
        self.folder = Path(tempfile.mkdtemp(prefix="hdpg-", dir=base))
        if self._owner is not None:
            os.chown(self.folder, self._owner.pw_uid, self._owner.pw_gid)
        self.data_dir = self.folder / "data"
        self.socket_dir = self.folder
        self.log_path = self.folder / "server.log"
        self.locale = find_utf8_locale()
        locale_options = [f"--locale={self.locale}"] if self.locale else ["--no-locale"]
        self._run(
            "initdb",
            *("-D", str(self.data_dir), "-U", self.superuser),
            *("--encoding=UTF8", *locale_options),
            *("--auth-local=trust", "--auth-host=scram-sha-256"),
            # No fsync of the new files: the cluster dies with the session anyway.
            *("--no-sync", "--no-instructions"),
        )
        # Another program may take the port between the probe and the start.
        for attempt in range(3):
            self.port = find_free_port()
            self._write_settings()
            try:
                self.start_again()
                return
            except PostgresServerError as error:
                if attempt == 2 or "could not bind" not in str(error):
                    raise

    def start_again(self) -> None:
        """Start the existing cluster after ``stop()``: same data, socket and port."""
        if self.data_dir is None:
            raise PostgresServerError("start() has not made a cluster yet")
        if self.is_running():
            return
        self._run(
            "pg_ctl",
            *("-D", str(self.data_dir), "-l", str(self.log_path)),
            *("-w", "-t", str(PG_CTL_TIMEOUT_SECONDS), "start"),
        )

    def stop(self) -> None:
        """Stop the server at once (fast shutdown: open connections are cut).

        Does nothing when it is not running or was never started.
        """
        if not self.is_running():
            return
        self._run(
            "pg_ctl",
            *("-D", str(self.data_dir), "-m", "fast"),
            *("-w", "-t", str(PG_CTL_TIMEOUT_SECONDS), "stop"),
        )

    def restart(self) -> None:
        """Stop and start again, keeping the data, socket and port."""
        self.stop()
        self.start_again()

    def cleanup(self) -> None:
        """Stop the server and remove its folder. Safe to call more than once."""
        try:
            self.stop()
        finally:
            if self.folder is not None:
                shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = self.data_dir = self.socket_dir = self.log_path = None
            self.port = None

    def is_running(self) -> bool:
        if self.data_dir is None or not self.data_dir.is_dir():
            return False
        # pg_ctl status: 0 running, 3 not running, 4 no data folder.
        result = self._run("pg_ctl", "-D", str(self.data_dir), "status", check=False)
        return result.returncode == 0

    # Connecting

    def url(
        self, dbname: str, user: str = SUPERUSER, *, tcp: bool = False, password: str | None = None
    ) -> str:
        """A libpq URL for ``dbname``: on the Unix socket (trusted), or with ``tcp=True``
        on 127.0.0.1, where the server asks for ``password``."""
        if self.socket_dir is None or self.port is None:
            raise PostgresServerError("start() has not been called")
        userinfo = quote(user, safe="")
        if password is not None:
            userinfo += ":" + quote(password, safe="")
        database = quote(dbname, safe="")
        if tcp:
            return f"postgresql://{userinfo}@127.0.0.1:{self.port}/{database}"
        host = quote(str(self.socket_dir), safe="/")
        return f"postgresql://{userinfo}@/{database}?host={host}&port={self.port}"

    def execute(
        self,
        query: LiteralString | sql.SQL | sql.Composed,
        params: Sequence[Any] | None = None,
        dbname: str = "postgres",
    ) -> list[tuple[Any, ...]]:
        """Run one statement as the superuser, in autocommit; its rows, if it has any."""
        with psycopg.connect(self.url(dbname), autocommit=True) as conn:
            cursor = conn.execute(query, params)
            return cursor.fetchall() if cursor.description is not None else []

    # Setting up

    def create_database(self, name: str, owner: str = SUPERUSER) -> None:
        """A new, empty UTF-8 database (from template0) in the cluster's locale.

        An existing database of that name is dropped first, cutting its connections.
        """
        self.drop_database(name)
        self.execute(
            sql.SQL("CREATE DATABASE {} OWNER {} TEMPLATE template0 ENCODING 'UTF8'").format(
                sql.Identifier(name), sql.Identifier(owner)
            )
        )

    def drop_database(self, name: str) -> None:
        """Drop the database if it exists, cutting any connection to it."""
        self.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )

    def create_role(self, name: str, *, password: str | None = None, login: bool = True) -> None:
        """A new role (dropping one of that name first), with a password if given."""
        self.drop_role(name)
        self.execute(
            sql.SQL("CREATE ROLE {} {} PASSWORD {}").format(
                sql.Identifier(name),
                sql.SQL("LOGIN" if login else "NOLOGIN"),
                sql.Literal(password),  # NULL: no password, so TCP logins fail
            )
        )

    def drop_role(self, name: str) -> None:
        """Drop the role if it exists; what it owns goes to the superuser first.

        A role that owns objects or holds privileges cannot be dropped, and
        REASSIGN/DROP OWNED only act on the database they run in, so they run
        in every database that accepts connections.
        """
        if not self.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [name]):
            return
        databases = self.execute("SELECT datname FROM pg_database WHERE datallowconn")
        role = sql.Identifier(name)
        for (dbname,) in databases:
            self.execute(
                sql.SQL("REASSIGN OWNED BY {} TO {}").format(role, sql.Identifier(self.superuser)),
                dbname=dbname,
            )
            self.execute(sql.SQL("DROP OWNED BY {}").format(role), dbname=dbname)
        self.execute(sql.SQL("DROP ROLE {}").format(role))

    # Inside

    def _write_settings(self) -> None:
        assert self.data_dir is not None
        settings = {
            "listen_addresses": "'127.0.0.1'",
            "port": str(self.port),
            "unix_socket_directories": f"'{self.socket_dir}'",
            # Speed over durability: nothing here outlives the session.
            "fsync": "off",
            "full_page_writes": "off",
            "synchronous_commit": "off",
            "shared_buffers": "32MB",
            # No background transactions: a test can tell which ones ended (name_keys.py's
            # OwnWrites), and what it analyzes it asks for.
            "autovacuum": "off",
        }
        lines = "".join(f"{key} = {value}\n" for key, value in settings.items())
        # postgresql.auto.conf is read last, so these win over postgresql.conf;
        # rewriting it (not appending) lets a new port replace the old one.
        path = self.data_dir / "postgresql.auto.conf"
        path.write_text("# Written by tests/postgres_server.py\n" + lines, encoding="utf-8")
        if self._owner is not None:
            os.chown(path, self._owner.pw_uid, self._owner.pw_gid)

    def _run(
        self, program: str, *arguments: str, check: bool = True
    ) -> subprocess.CompletedProcess[str]:
        command = [*self._run_as, str(self.bindir / program), *arguments]
        # The server user may not be allowed into the caller's working folder.
        result = subprocess.run(
            command, cwd=self.folder, capture_output=True, text=True, check=False
        )
        if check and result.returncode != 0:
            raise PostgresServerError(
                f"{' '.join(command)} failed with status {result.returncode}:\n"
                f"{result.stdout}{result.stderr}{self._log_tail()}"
            )
        return result

    def _log_tail(self) -> str:
        if self.log_path is None or not self.log_path.is_file():
            return ""
        lines = self.log_path.read_text(encoding="utf-8", errors="replace").splitlines()
        tail = "\n".join(lines[-LOG_TAIL_LINES:])
        return f"\nServer log ({self.log_path}), last lines:\n{tail}"
