"""The throwaway PostgreSQL server the team-mode tests run against (tests/postgres_server.py).

These pin down what the other tests rely on: a real server that a database
URL reaches on its Unix socket without a password, and on TCP with one; that
keeps its data across a stop and a start; and that logs where it says.
"""

from __future__ import annotations

import socket
from pathlib import Path

import psycopg
import pytest
from postgres_server import PostgresServer, PostgresServerError


def test_the_server_is_running_with_utf8_and_a_utf8_locale(postgres_server: PostgresServer) -> None:
    assert postgres_server.is_running()
    [(encoding, ctype)] = postgres_server.execute(
        "SELECT pg_encoding_to_char(encoding), datctype FROM pg_database"
        " WHERE datname = current_database()"
    )
    assert encoding == "UTF8"
    assert ctype.lower().replace("-", "").endswith(".utf8")


def test_a_test_database_is_reached_through_the_socket_url(postgres_database: str) -> None:
    with psycopg.connect(postgres_database) as conn:
        conn.execute("CREATE TABLE hero (id serial PRIMARY KEY, name text NOT NULL)")
        conn.execute("INSERT INTO hero (name) VALUES ('Déadpond')")
        [(name, upper, user)] = conn.execute(
            "SELECT name, upper(name), current_user FROM hero"
        ).fetchall()
    assert (name, upper, user) == ("Déadpond", "DÉADPOND", "postgres")


def test_each_test_gets_a_new_empty_database(postgres_database: str) -> None:
    with psycopg.connect(postgres_database) as conn:
        tables = conn.execute(
            "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
        ).fetchone()
    assert tables == (0,)


def test_the_test_database_is_dropped_afterwards(postgres_server: PostgresServer) -> None:
    postgres_server.create_database("short_lived")
    postgres_server.drop_database("short_lived")
    assert postgres_server.execute("SELECT 1 FROM pg_database WHERE datname = 'short_lived'") == []


def test_a_role_with_a_password_connects_over_tcp(postgres_server: PostgresServer) -> None:
    postgres_server.create_role("team_member", password="right horse")
    postgres_server.create_database("team", owner="team_member")
    url = postgres_server.url("team", "team_member", tcp=True, password="right horse")
    with psycopg.connect(url) as conn:
        assert conn.execute("SELECT current_user").fetchone() == ("team_member",)


def test_a_wrong_password_is_refused_over_tcp(postgres_server: PostgresServer) -> None:
    postgres_server.create_role("team_member", password="right horse")
    url = postgres_server.url("postgres", "team_member", tcp=True, password="wrong horse")
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        psycopg.connect(url, connect_timeout=5)


def test_a_role_that_owns_things_can_be_made_again(postgres_server: PostgresServer) -> None:
    postgres_server.create_role("owner_of_things")
    postgres_server.create_database("things", owner="owner_of_things")
    postgres_server.execute(
        "CREATE TABLE owned (id int); ALTER TABLE owned OWNER TO owner_of_things",
        dbname="things",
    )

    postgres_server.create_role("owner_of_things")

    [(owner,)] = postgres_server.execute(
        "SELECT tableowner FROM pg_tables WHERE tablename = 'owned'", dbname="things"
    )
    assert owner == "postgres"
    postgres_server.drop_database("things")


def test_data_survives_a_stop_and_a_start(postgres_server: PostgresServer) -> None:
    postgres_server.create_database("kept")
    postgres_server.execute(
        "CREATE TABLE hero (name text); INSERT INTO hero VALUES ('Rusty-Man')", dbname="kept"
    )
    url_before = postgres_server.url("kept")

    postgres_server.stop()
    assert not postgres_server.is_running()
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(url_before, connect_timeout=5)
    postgres_server.stop()  # a second stop does nothing
    postgres_server.start_again()

    assert postgres_server.url("kept") == url_before
    assert postgres_server.execute("SELECT name FROM hero", dbname="kept") == [("Rusty-Man",)]
    postgres_server.drop_database("kept")


def test_an_open_connection_is_cut_by_a_restart(
    postgres_database: str, postgres_server: PostgresServer
) -> None:
    with psycopg.connect(postgres_database, autocommit=True) as conn:
        postgres_server.restart()
        with pytest.raises(psycopg.OperationalError):
            conn.execute("SELECT 1")
    with psycopg.connect(postgres_database) as conn:
        assert conn.execute("SELECT 1").fetchone() == (1,)


def test_the_server_writes_its_log(postgres_server: PostgresServer) -> None:
    assert postgres_server.log_path is not None
    assert "database system is ready to accept connections" in postgres_server.log_path.read_text()


def test_a_failed_start_shows_the_server_log(postgres_server: PostgresServer) -> None:
    assert postgres_server.port is not None
    postgres_server.stop()
    try:
        with socket.socket() as squatter:
            # Like the server itself: ignore the port's connections in TIME_WAIT.
            squatter.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            squatter.bind(("127.0.0.1", postgres_server.port))
            squatter.listen()
            with pytest.raises(PostgresServerError) as failure:
                postgres_server.start_again()
    finally:
        postgres_server.start_again()

    assert str(postgres_server.log_path) in str(failure.value)
    assert "could not bind" in str(failure.value)


def test_cleanup_stops_the_server_and_removes_its_folder() -> None:
    server = PostgresServer()
    try:
        server.start()
        folder = server.folder
        assert folder is not None
        postmaster_pid = int((folder / "data" / "postmaster.pid").read_text().split()[0])
    finally:
        server.cleanup()
    server.cleanup()  # a second cleanup does nothing

    assert not server.is_running()
    assert not folder.exists()
    assert not _is_alive(postmaster_pid)


def _is_alive(pid: int) -> bool:
    """Whether the process runs; an exited server may linger as a zombie until reaped."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"
