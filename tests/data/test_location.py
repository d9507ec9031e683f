"""What the user gave: a file path, or a PostgreSQL server address, and what is kept of it.

A server address is written as a libpq URL (``postgresql://``, ``postgres://``)
or as SQLAlchemy writes one (``postgresql+psycopg://``...); anything else is
a file. A password in the URL is held in memory only: the address's key
(``url()``), name and repr never show it. libpq itself (through psycopg's
``conninfo_to_dict``, which parses without connecting) is the judge of what
a URL means.

Why one file of this length: one grammar (two URL forms and file paths), tested against
libpq's own reading of the same text; the cases are many and short.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from urllib.parse import quote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hero_desktop.data.location import (
    OTHER_KEYWORDS,
    SSL_MODES,
    ServerAddress,
    location_key,
    location_name,
    parse_location,
)


def server(text: str) -> ServerAddress:
    address = parse_location(text)
    assert isinstance(address, ServerAddress), f"{text!r} was read as a file"
    return address


def libpq_reads(url: str) -> dict[str, str]:
    """What libpq makes of a URL (it parses without connecting)."""
    conninfo = pytest.importorskip("psycopg.conninfo")
    parsed: dict[str, str] = conninfo.conninfo_to_dict(url)
    return parsed


def as_libpq_gets_it(address: ServerAddress) -> dict[str, str]:
    return {k: str(v) for k, v in address.connect_kwargs().items() if k != "password"}


# -- libpq URLs -----------------------------------------------------------------


def test_user_host_port_and_database() -> None:
    address = server("postgresql://user@host:5432/heroes")

    assert address == ServerAddress(host="host", port=5432, dbname="heroes", user="user")
    assert address.password is None
    assert address.url() == "postgresql://user@host:5432/heroes"
    assert address.connect_kwargs() == {
        "host": "host",
        "port": 5432,
        "dbname": "heroes",
        "user": "user",
    }


def test_a_password_is_held_in_memory_but_left_out_of_the_key() -> None:
    address = server("postgresql://user:secret@host/heroes?sslmode=require")

    assert address.password == "secret"
    assert address.sslmode == "require"
    assert address.url() == "postgresql://user@host/heroes?sslmode=require"
    assert address.connect_kwargs()["password"] == "secret"
    assert "secret" not in address.url()
    assert "secret" not in address.name
    assert "secret" not in repr(address)
    assert "secret" not in str(address)


def test_postgres_is_the_same_scheme_as_postgresql() -> None:
    assert server("postgres://user@host/heroes") == server("postgresql://user@host/heroes")


def test_a_socket_folder_and_port_in_the_query() -> None:
    address = server("postgresql:///heroes?host=/tmp/sock&port=5433")

    assert address == ServerAddress(host="/tmp/sock", port=5433, dbname="heroes")
    assert address.is_socket
    assert address.name == "heroes on /tmp/sock (port 5433)"
    assert address.url() == "postgresql:///heroes?host=/tmp/sock&port=5433"


def test_a_percent_encoded_socket_folder_as_the_host() -> None:
    address = server("postgresql://%2Frun%2Fpostgresql/heroes")

    assert address.host == "/run/postgresql"
    assert address.name == "heroes on /run/postgresql"
    assert address.url() == "postgresql:///heroes?host=/run/postgresql"


def test_query_parameters_override_the_parts_before_them_as_in_libpq() -> None:
    url = "postgresql://alice@db.example:5432/old?dbname=heroes&user=bob&port=6000&host=other"
    address = server(url)

    assert (address.host, address.port, address.dbname, address.user) == (
        "other",
        6000,
        "heroes",
        "bob",
    )
    assert as_libpq_gets_it(address) == libpq_reads(url)


def test_a_password_in_the_query_is_held_like_one_in_the_user_part() -> None:
    address = server("postgresql://user@host/heroes?password=hunter2")

    assert address.password == "hunter2"
    assert address.options == ()
    assert "hunter2" not in address.url()


def test_percent_encoded_user_password_and_database() -> None:
    address = server("postgresql://h%C3%A9ro%40work:p%40ss%3Aw%2Fo%25rd@host/my%20heroes")

    assert address.user == "héro@work"
    assert address.password == "p@ss:w/o%rd"
    assert address.dbname == "my heroes"
    assert address.url() == "postgresql://h%C3%A9ro%40work@host/my%20heroes"


def test_a_plus_stays_a_plus_as_libpq_reads_it() -> None:
    url = "postgresql://a+b@host/heroes?application_name=x+y"
    address = server(url)

    assert address.user == "a+b"
    assert address.options == (("application_name", "x+y"),)
    assert as_libpq_gets_it(address) == libpq_reads(url)


def test_an_unencoded_at_sign_in_the_password_is_read_as_meant() -> None:
    address = server("postgresql://user:p@ss@host/heroes")

    assert (address.user, address.password, address.host) == ("user", "p@ss", "host")


def test_ipv6_address_in_brackets() -> None:
    address = server("postgresql://[::1]:5433/heroes")

    assert (address.host, address.port) == ("::1", 5433)
    assert address.name == "heroes on [::1]:5433"
    assert address.url() == "postgresql://[::1]:5433/heroes"


def test_other_libpq_settings_are_kept_sorted_in_the_key() -> None:
    url = (
        "postgresql://host/heroes?sslrootcert=%2Fetc%2Fca.pem&service=team"
        "&connect_timeout=5&application_name=Hero%20Desktop"
    )
    address = server(url)

    assert address.options == (
        ("application_name", "Hero Desktop"),
        ("connect_timeout", "5"),
        ("service", "team"),
        ("sslrootcert", "/etc/ca.pem"),
    )
    assert address.url() == (
        "postgresql://host/heroes?application_name=Hero%20Desktop&connect_timeout=5"
        "&service=team&sslrootcert=/etc/ca.pem"
    )
    assert address.connect_kwargs()["connect_timeout"] == "5"
    assert as_libpq_gets_it(address) == libpq_reads(url)


def test_ssl_true_means_sslmode_require_as_in_libpq() -> None:
    assert server("postgresql://host/heroes?ssl=true").sslmode == "require"


def test_the_same_address_written_two_ways_has_one_key() -> None:
    one = server("postgres://user:pw@host/heroes?connect_timeout=5&sslmode=require")
    other = server("postgresql+psycopg://user@host/heroes?sslmode=require&connect_timeout=5")

    assert one == other
    assert location_key(one) == location_key(other)


# -- SQLAlchemy URLs ----------------------------------------------------------


@pytest.mark.parametrize("driver", ["psycopg", "psycopg2", "asyncpg", "pg8000"])
def test_a_sqlalchemy_url_names_the_same_address_without_its_driver(driver: str) -> None:
    address = server(f"postgresql+{driver}://u:p@localhost/heroes")

    assert address == ServerAddress(host="localhost", port=None, dbname="heroes", user="u")
    assert address.password == "p"
    assert address.url() == "postgresql://u@localhost/heroes"


def written_as_a_server(text: str) -> bool:
    """parse_location took ``text`` for a server address (valid or not), not a file path."""
    try:
        return not isinstance(parse_location(text), Path)
    except ValueError:
        return True  # refused as a URL: not taken for a file either


def test_urls_are_told_from_paths() -> None:
    assert written_as_a_server("postgresql://host/heroes")
    assert written_as_a_server("postgres://host/heroes")
    assert written_as_a_server("postgresql+asyncpg://host/heroes")
    assert written_as_a_server("PostgreSQL://host/heroes")
    assert written_as_a_server("  postgresql://host/heroes\n")  # as pasted
    assert written_as_a_server("postgresql://host")  # written as one, though it names no database
    assert not written_as_a_server("heroes.db")
    assert not written_as_a_server("~/postgresql/heroes.db")
    assert not written_as_a_server("/srv/postgresql://odd/name.db")
    assert not written_as_a_server("mysql://host/heroes")


# -- files ----------------------------------------------------------------------


def test_anything_else_is_a_file_path() -> None:
    assert parse_location("database.db") == Path("database.db")
    assert parse_location("rosters/team.db") == Path("rosters/team.db")
    assert parse_location("/srv/heroes.sqlite") == Path("/srv/heroes.sqlite")


def test_a_tilde_path_is_in_the_users_home() -> None:
    assert parse_location("~/heroes.db") == Path.home() / "heroes.db"


def test_a_file_is_named_by_its_file_name_and_keyed_by_its_full_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    location = parse_location("heroes.db")
    assert isinstance(location, Path)

    assert location_name(location) == "heroes.db"
    assert location_key(location) == str(tmp_path.resolve() / "heroes.db")


def test_a_server_is_named_briefly_and_keyed_by_its_url() -> None:
    address = server("postgresql://user:pw@db.example:5433/heroes")

    assert location_name(address) == "heroes on db.example:5433"
    assert location_key(address) == "postgresql://user@db.example:5433/heroes"


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("postgresql://db.example/heroes", "heroes on db.example"),
        ("postgresql://db.example:5432/heroes", "heroes on db.example"),
        ("postgresql://db.example:5433/heroes", "heroes on db.example:5433"),
        ("postgresql:///heroes?host=/run/postgresql", "heroes on /run/postgresql"),
        ("postgresql:///heroes", "heroes on the local server"),
        ("postgresql://:5433/heroes", "heroes on the local server (port 5433)"),
        ("postgresql:///heroes?hostaddr=10.0.0.7", "heroes on 10.0.0.7"),
        ("postgresql://[2001:db8::7]/heroes", "heroes on 2001:db8::7"),
    ],
)
def test_the_name_says_which_database_on_which_server(url: str, name: str) -> None:
    assert server(url).name == name


# -- what is refused, and why -----------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://user@host",
        "postgresql://user@host/",
        "postgresql:///?host=/tmp",
        "postgresql+psycopg://host:5432",
    ],
)
def test_an_address_without_a_database_is_refused(url: str) -> None:
    with pytest.raises(ValueError, match=r"^The server address .* names no database\."):
        parse_location(url)


@pytest.mark.parametrize("port", ["abc", "0", "65536", "99999", "-1", "\uff15\uff14\uff13\uff12"])
def test_a_port_that_is_not_a_tcp_port_is_refused(port: str) -> None:
    with pytest.raises(ValueError, match=r"not a number from 1 to 65535"):
        parse_location(f"postgresql://host:{port}/heroes")
    with pytest.raises(ValueError, match=r"not a number from 1 to 65535"):
        parse_location(f"postgresql://host/heroes?port={port}")


def test_an_unknown_tls_mode_is_refused_naming_the_valid_ones() -> None:
    with pytest.raises(ValueError, match="'required'") as refusal:
        parse_location("postgresql://host/heroes?sslmode=required")

    message = str(refusal.value)
    assert "'required'" in message
    for mode in ("disable", "allow", "prefer", "require", "verify-ca", "verify-full"):
        assert mode in message


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("postgresql://a,b/heroes", "several hosts"),
        ("postgresql:///heroes?host=a,b", "several hosts"),
        ("postgresql://::1/heroes", "in brackets"),
        ("postgresql://[::1/heroes", "IPv6"),
        ("postgresql://[::1]x/heroes", "IPv6"),
        ("postgresql://host/heroes?bogus=1", "does not know: 'bogus'"),
        ("postgresql://host/heroes?sslmode", "has no value"),
        ("postgresql://host/heroes?sslpassword=key", r"secret \(sslpassword\)"),
        ("postgresql://host/he%zzroes", "stray %"),
        ("postgresql://host/he%FFroes", "not valid UTF-8"),
        ("postgresql://host/he%00roes", "NUL"),
    ],
)
def test_a_malformed_address_is_refused_with_a_reason(url: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        parse_location(url)


def test_nothing_at_all_is_refused() -> None:
    with pytest.raises(ValueError, match="No database file or server address"):
        parse_location("  ")


def test_an_address_built_in_code_is_checked_too() -> None:
    with pytest.raises(ValueError, match="names no database"):
        ServerAddress(host="host", port=None, dbname="")
    with pytest.raises(ValueError, match="1 to 65535"):
        ServerAddress(host="host", port=70000, dbname="heroes")
    with pytest.raises(ValueError, match="verify-full"):
        ServerAddress(host="host", port=None, dbname="heroes", sslmode="on")
    with pytest.raises(ValueError, match="never in its options"):
        ServerAddress(host="host", port=None, dbname="heroes", options=(("password", "x"),))
    with pytest.raises(ValueError, match="its own place"):
        ServerAddress(host="host", port=None, dbname="heroes", options=(("port", "5"),))


# -- passwords --------------------------------------------------------------------


def test_an_address_holding_a_password_is_the_same_address() -> None:
    address = ServerAddress(host="host", port=None, dbname="heroes", user="ann")

    with_it = replace(address, password="hunter2")  # as the Connect dialog fills it in

    assert with_it == address  # the password is not part of what the address is
    assert with_it.password == "hunter2"
    assert address.password is None
    assert with_it.connect_kwargs()["password"] == "hunter2"
    assert "password" not in address.connect_kwargs()


def test_the_password_is_never_in_the_repr_even_among_other_fields() -> None:
    address = ServerAddress(
        host="host", port=5433, dbname="heroes", user="ann", password="s3cr3t-Pa55"
    )

    assert "s3cr3t-Pa55" not in repr(address)
    assert "s3cr3t-Pa55" not in address.url()
    assert "s3cr3t-Pa55" not in address.name


# -- every address, generated -------------------------------------------------------

no_nul = st.text(st.characters(codec="utf-8", exclude_characters="\0"), min_size=1, max_size=20)
hostnames = st.from_regex(r"[a-z][a-z0-9-]{0,15}(\.[a-z][a-z0-9-]{0,15}){0,3}", fullmatch=True)
socket_folders = st.lists(
    st.text(st.characters(codec="utf-8", exclude_characters="\0/,"), min_size=1, max_size=8),
    min_size=1,
    max_size=3,
).map(lambda parts: "/" + "/".join(parts))
hosts = st.one_of(
    st.none(),
    hostnames,
    st.ip_addresses().map(str),
    socket_folders,
    no_nul.filter(lambda h: "," not in h),
)
addresses = st.builds(
    ServerAddress,
    host=hosts,
    port=st.none() | st.integers(1, 65535),
    dbname=no_nul,
    user=st.none() | no_nul,
    sslmode=st.none() | st.sampled_from(SSL_MODES),
    options=st.dictionaries(st.sampled_from(sorted(OTHER_KEYWORDS)), no_nul, max_size=3).map(
        lambda options: tuple(options.items())
    ),
)


@given(address=addresses)
def test_url_reads_back_as_the_same_address(address: ServerAddress) -> None:
    assert server(address.url()) == address
    assert server(address.url()).url() == address.url()


@given(address=addresses)
def test_libpq_reads_url_as_the_address_connects(address: ServerAddress) -> None:
    assert libpq_reads(address.url()) == as_libpq_gets_it(address)


@given(address=addresses, password=no_nul)
def test_a_password_in_the_url_is_only_ever_in_the_password_field(
    address: ServerAddress, password: str
) -> None:
    user = "" if address.user is None else quote(address.user, safe="")
    after_user = address.url().removeprefix(f"postgresql://{user}@" if user else "postgresql://")
    with_password = f"postgresql://{user}:{quote(password, safe='')}@{after_user}"

    parsed = server(with_password)

    assert parsed.password == password
    assert parsed.connect_kwargs()["password"] == password
    assert parsed.url() == address.url()
    assert parsed.name == address.name
    assert repr(parsed) == repr(address)


# -- light to import ------------------------------------------------------------------


def test_deciding_file_or_server_imports_nothing_heavy() -> None:
    script = (
        "import sys\n"
        "from hero_desktop.data.location import parse_location\n"
        "parse_location('postgresql://u:p@host/heroes')\n"
        "heavy = ('psycopg', 'sqlalchemy', 'sqlmodel', 'pydantic', 'PySide6', 'shiboken6')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "[]"
