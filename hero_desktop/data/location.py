"""Where a roster lives: a SQLite file, or a database on a PostgreSQL server.

What the user types, passes on the command line or picks from the recent
list is decided here, before anything heavy is imported: a server address is
written as a URL, anything else is a file path (``~`` is expanded).

Two URL forms are understood:

- libpq's own, as ``psql`` takes it:
  ``postgresql://user:password@host:5432/heroes?sslmode=require``
  (``postgres://`` too). A Unix socket folder goes in the query,
  ``postgresql:///heroes?host=/run/postgresql``, or percent-encoded as the
  host, ``postgresql://%2Frun%2Fpostgresql/heroes``; an IPv6 address in
  brackets, ``postgresql://[::1]/heroes``. Query parameters may give host,
  port, dbname, user and password as well, and any other libpq setting
  (``service``, ``connect_timeout``, ``sslrootcert``, ``application_name``...).
- SQLAlchemy's, as a Python program's settings hold it:
  ``postgresql+psycopg://user:password@host/heroes`` (or ``+psycopg2``,
  ``+asyncpg``, ``+pg8000``). The driver is dropped: the address is the same.

A password given in the URL is kept only in memory, in the returned
``ServerAddress.password``: ``url()`` (the key for recent lists and
per-database settings), ``name`` and ``repr()`` never show it, so it is
never written anywhere. Without one, libpq finds it in ``~/.pgpass`` or
``PGPASSWORD``. Secrets libpq has no safe home for in a saved address
(``sslpassword``, ``oauth_client_secret``) are refused.

Why one file of this length: parsing two URL forms the way libpq does
(query parameters overriding, percent-encoding, sockets, IPv6, refused
secrets) is one grammar; most lines are its checks and their messages.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, unquote

from hero_desktop.data.words import Words


class LocationWords(Words):
    """The translation context of server addresses: their names and why one is refused."""


DEFAULT_PORT = 5432
SSL_MODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")

# libpq's own keywords besides the ones ServerAddress has fields for (libpq
# refuses any other with "invalid URI query parameter"; refusing it here
# says so before a connection is tried).
OTHER_KEYWORDS = frozenset(
    {
        "application_name",
        "channel_binding",
        "client_encoding",
        "connect_timeout",
        "fallback_application_name",
        "gssdelegation",
        "gssencmode",
        "gsslib",
        "hostaddr",
        "keepalives",
        "keepalives_count",
        "keepalives_idle",
        "keepalives_interval",
        "krbsrvname",
        "load_balance_hosts",
        "max_protocol_version",
        "min_protocol_version",
        "oauth_client_id",
        "oauth_issuer",
        "oauth_scope",
        "options",
        "passfile",
        "replication",
        "require_auth",
        "requirepeer",
        "service",
        "ssl_max_protocol_version",
        "ssl_min_protocol_version",
        "sslcert",
        "sslcertmode",
        "sslcompression",
        "sslcrl",
        "sslcrldir",
        "sslkey",
        "sslkeylogfile",
        "sslnegotiation",
        "sslrootcert",
        "sslsni",
        "target_session_attrs",
        "tcp_user_timeout",
    }
)
# Secrets other than the password: an address holding one could not be saved.
SECRET_KEYWORDS = frozenset(
    {"sslpassword", "oauth_client_secret", "scram_client_key", "scram_server_key"}
)
FIELD_KEYWORDS = ("host", "port", "dbname", "user", "sslmode")

_SCHEME = re.compile(r"(?i)\s*postgres(?:ql)?(?:\+[a-z0-9_]+)?://")
_BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


@dataclass(frozen=True)
class ServerAddress:
    """A database on a PostgreSQL server; None leaves a setting to libpq's defaults.

    ``host`` is a name, an IP address or a Unix socket folder (starting with
    "/"). ``options`` are other libpq settings, sorted by keyword. The
    password is held in memory only: it takes no part in equality, repr or
    ``url()``.
    """

    host: str | None
    port: int | None
    dbname: str
    user: str | None = None
    sslmode: str | None = None
    options: tuple[tuple[str, str], ...] = ()
    password: str | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        if not self.dbname:
            raise ValueError(_names_no_database(self.host, self.port))
        if self.host is not None and "," in self.host:
            raise ValueError(_several_hosts(self.host))
        if self.port is not None and not 1 <= self.port <= 65535:
            raise ValueError(
                LocationWords.tr("The port {port} is not a number from 1 to 65535.").format(
                    port=self.port
                )
            )
        if self.sslmode is not None and self.sslmode not in SSL_MODES:
            raise ValueError(
                LocationWords.tr("The TLS mode (sslmode) {mode} is not one of: {modes}.").format(
                    mode=repr(self.sslmode), modes=", ".join(SSL_MODES)
                )
            )
        for keyword, _ in self.options:
            _check_option(keyword)
        # One order for one set of options: equal addresses have equal url()s.
        object.__setattr__(self, "options", tuple(sorted(dict(self.options).items())))

    @property
    def is_socket(self) -> bool:
        return self.host is not None and self.host.startswith("/")

    @property
    def name(self) -> str:
        """Short, for titles and messages: "heroes on db.example:5433"."""
        host = self.host or dict(self.options).get("hostaddr")
        port = self.port if self.port not in (None, DEFAULT_PORT) else None
        # Ports as written in addresses (5433, never 5,433).
        if host is None:
            if port is None:
                return LocationWords.tr("{database} on the local server").format(
                    database=self.dbname
                )
            return LocationWords.tr("{database} on the local server (port {port})").format(
                database=self.dbname, port=port
            )
        if self.is_socket and port is not None:
            return LocationWords.tr("{database} on {host} (port {port})").format(
                database=self.dbname, host=host, port=port
            )
        if port is not None:
            host = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
        return LocationWords.tr("{database} on {host}").format(database=self.dbname, host=host)

    def url(self) -> str:
        """The libpq URL without the password: one spelling for one address."""
        authority = "" if self.user is None else f"{_quote(self.user)}@"
        query: list[tuple[str, str]] = []
        if self.is_socket:
            query.append(("host", self.host or ""))
            if self.port is not None:
                query.append(("port", str(self.port)))
        else:
            if self.host is not None:
                # An IPv6 address goes in brackets, its colons as they are.
                ipv6 = ":" in self.host
                host = _quote(self.host, safe=":" if ipv6 else "")
                authority += f"[{host}]" if ipv6 else host
            if self.port is not None:
                authority += f":{self.port}"
        if self.sslmode is not None:
            query.append(("sslmode", self.sslmode))
        query.extend(self.options)
        url = f"postgresql://{authority}/{_quote(self.dbname)}"
        if query:
            url += "?" + "&".join(f"{k}={_quote(v, safe='/')}" for k, v in query)
        return url

    def connect_kwargs(self) -> dict[str, str | int]:
        """Keyword arguments for ``psycopg.connect``; unset ones are left to libpq."""
        kwargs: dict[str, str | int] = {
            keyword: value
            for keyword, value in (
                ("host", self.host),
                ("port", self.port),
                ("dbname", self.dbname),
                ("user", self.user),
                ("sslmode", self.sslmode),
            )
            if value is not None
        }
        kwargs.update(self.options)
        if self.password is not None:
            kwargs["password"] = self.password
        return kwargs


def parse_location(text: str) -> Path | ServerAddress:
    """A file path, or a server address from a libpq or SQLAlchemy URL.

    Raises ValueError with a sentence for the user when ``text`` is a URL
    that does not name one database on one server, or is empty.
    """
    if not text.strip():
        raise ValueError(LocationWords.tr("No database file or server address was given."))
    scheme = _SCHEME.match(text)
    if scheme is None:
        return Path(text).expanduser()
    return _parse_url(text[scheme.end() :].rstrip())


Location = Path | ServerAddress
"""Where heroes are: a SQLite file, or a database on a PostgreSQL server."""


def location_name(location: Path | ServerAddress) -> str:
    """How titles and messages name it: the file's name, or "heroes on db.example"."""
    return location.name


def location_key(location: Path | ServerAddress) -> str:
    """One string per database, for recent lists and per-database settings."""
    if isinstance(location, ServerAddress):
        return location.url()
    return str(location.resolve())


def _parse_url(rest: str) -> ServerAddress:
    rest, _, query = rest.partition("?")
    authority, slash, path = rest.partition("/")
    userinfo, at, hostport = authority.rpartition("@")
    user: str | None = None
    password: str | None = None
    if at:
        raw_user, colon, raw_password = userinfo.partition(":")
        user = _decode(raw_user, "user") or None
        password = _decode(raw_password, "password") if colon else None
    host, port_text = _split_hostport(hostport)
    values: dict[str, str | None] = {
        "host": host,
        "port": port_text,
        "dbname": _decode(path, "dbname") if slash else None,
        "user": user,
        "sslmode": None,
    }
    options: dict[str, str] = {}
    for keyword, value in _query_pairs(query):
        if keyword == "password":
            password = value
        elif keyword == "ssl":
            values["sslmode"] = _ssl_alias(value)
        elif keyword in FIELD_KEYWORDS:
            values[keyword] = value
        else:
            _check_option(keyword)
            options[keyword] = value
    dbname = values["dbname"]
    if not dbname:
        raise ValueError(_names_no_database(values["host"] or None, None, hint=True))
    return ServerAddress(
        host=values["host"] or None,
        port=_port(values["port"]),
        dbname=dbname,
        user=values["user"] or None,
        sslmode=values["sslmode"] or None,
        options=tuple(options.items()),
        password=password or None,
    )


def _split_hostport(hostport: str) -> tuple[str | None, str | None]:
    if "," in hostport:
        raise ValueError(_several_hosts(hostport))
    if hostport.startswith("["):
        inside, bracket, after = hostport[1:].partition("]")
        if not bracket or (after and not after.startswith(":")):
            raise ValueError(
                LocationWords.tr(
                    "The host {host} in the server address is not a valid IPv6 address "
                    "in brackets, as in [::1]:5432."
                ).format(host=hostport)
            )
        return _decode(inside, "host") or None, after[1:] if after else None
    host, colon, port = hostport.partition(":")
    if ":" in port:
        raise ValueError(
            LocationWords.tr(
                "The host {host} in the server address looks like an IPv6 address: "
                "put it in brackets, as in [::1]:5432."
            ).format(host=hostport)
        )
    return _decode(host, "host") or None, port if colon else None


def _query_pairs(query: str) -> list[tuple[str, str]]:
    pairs = []
    for item in query.split("&") if query else ():
        raw_keyword, equals, raw_value = item.partition("=")
        if not equals:
            raise ValueError(
                LocationWords.tr(
                    "The setting {setting} in the server address has no value "
                    "(settings are written keyword=value)."
                ).format(setting=repr(raw_keyword))
            )
        pairs.append((_decode(raw_keyword, "keyword"), _decode(raw_value, "value")))
    return pairs


def _check_option(keyword: str) -> None:
    if keyword == "password":
        raise ValueError("A password is held in ServerAddress.password, never in its options.")
    if keyword in SECRET_KEYWORDS:
        raise ValueError(
            LocationWords.tr(
                "The server address holds a secret ({setting}) that Hero Desktop does not keep "
                "with an address; leave it out (a service in pg_service.conf can hold it)."
            ).format(setting=keyword)
        )
    if keyword in FIELD_KEYWORDS:
        raise ValueError(
            LocationWords.tr("The setting {setting} has its own place in a server address.").format(
                setting=repr(keyword)
            )
        )
    if keyword not in OTHER_KEYWORDS:
        raise ValueError(
            LocationWords.tr(
                "The server address has a setting PostgreSQL does not know: {setting}."
            ).format(setting=repr(keyword))
        )


def _port(text: str | None) -> int | None:
    if not text:
        return None
    if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= 65535:
        raise ValueError(
            LocationWords.tr(
                "The port {port} in the server address is not a number from 1 to 65535."
            ).format(port=repr(text))
        )
    return int(text)


def _ssl_alias(value: str) -> str:
    # libpq reads ssl=true (a JDBC habit) as sslmode=require; asyncpg URLs write ssl=<mode>.
    return "require" if value.lower() == "true" else value


def _decode(text: str, part: str) -> str:
    """libpq's percent-decoding: strict, and "+" stays "+".

    ``part`` says which part of the address ``text`` is (a key of ``_DECODE_REFUSALS``).
    """
    if _BAD_PERCENT.search(text):
        raise ValueError(_DECODE_REFUSALS[part, "stray %"]())
    try:
        decoded = unquote(text, errors="strict")
    except UnicodeDecodeError:
        raise ValueError(_DECODE_REFUSALS[part, "not UTF-8"]()) from None
    if "\0" in decoded:
        raise ValueError(_DECODE_REFUSALS[part, "NUL"]())
    return decoded


# A whole sentence per part of an address and problem: a translation may need the
# part's name in another form in each. Made when an address is refused, never at
# import (the translator is installed after it).
_DECODE_REFUSALS: dict[tuple[str, str], Callable[[], str]] = {
    ("user", "stray %"): lambda: LocationWords.tr(
        "The user name in the server address has a stray % (write %25 for %)."
    ),
    ("user", "not UTF-8"): lambda: LocationWords.tr(
        "The user name in the server address is not valid UTF-8."
    ),
    ("user", "NUL"): lambda: LocationWords.tr(
        "The user name in the server address holds a NUL character (%00)."
    ),
    ("password", "stray %"): lambda: LocationWords.tr(
        "The password in the server address has a stray % (write %25 for %)."
    ),
    ("password", "not UTF-8"): lambda: LocationWords.tr(
        "The password in the server address is not valid UTF-8."
    ),
    ("password", "NUL"): lambda: LocationWords.tr(
        "The password in the server address holds a NUL character (%00)."
    ),
    ("host", "stray %"): lambda: LocationWords.tr(
        "The host in the server address has a stray % (write %25 for %)."
    ),
    ("host", "not UTF-8"): lambda: LocationWords.tr(
        "The host in the server address is not valid UTF-8."
    ),
    ("host", "NUL"): lambda: LocationWords.tr(
        "The host in the server address holds a NUL character (%00)."
    ),
    ("dbname", "stray %"): lambda: LocationWords.tr(
        "The database name in the server address has a stray % (write %25 for %)."
    ),
    ("dbname", "not UTF-8"): lambda: LocationWords.tr(
        "The database name in the server address is not valid UTF-8."
    ),
    ("dbname", "NUL"): lambda: LocationWords.tr(
        "The database name in the server address holds a NUL character (%00)."
    ),
    ("keyword", "stray %"): lambda: LocationWords.tr(
        "The setting name in the server address has a stray % (write %25 for %)."
    ),
    ("keyword", "not UTF-8"): lambda: LocationWords.tr(
        "The setting name in the server address is not valid UTF-8."
    ),
    ("keyword", "NUL"): lambda: LocationWords.tr(
        "The setting name in the server address holds a NUL character (%00)."
    ),
    ("value", "stray %"): lambda: LocationWords.tr(
        "The setting value in the server address has a stray % (write %25 for %)."
    ),
    ("value", "not UTF-8"): lambda: LocationWords.tr(
        "The setting value in the server address is not valid UTF-8."
    ),
    ("value", "NUL"): lambda: LocationWords.tr(
        "The setting value in the server address holds a NUL character (%00)."
    ),
}


def _several_hosts(hosts: str) -> str:
    return LocationWords.tr(
        "The server address names several hosts ({hosts}); Hero Desktop connects to one."
    ).format(hosts=hosts)


def _names_no_database(host: str | None, port: int | None, *, hint: bool = False) -> str:
    """Why an address without a database is refused; ``hint`` tells where one goes."""
    if hint:
        if host is None:
            return LocationWords.tr(
                "The server address for the local server names no database. "
                "Add one after the host, as in postgresql://host/heroes."
            )
        return LocationWords.tr(
            "The server address for {host} names no database. "
            "Add one after the host, as in postgresql://host/heroes."
        ).format(host=host)
    if host is None:
        if port is None:
            return LocationWords.tr("The server address for the local server names no database.")
        return LocationWords.tr(
            "The server address for the local server port {port} names no database."
        ).format(port=port)
    if port is None:
        return LocationWords.tr("The server address for {host} names no database.").format(
            host=host
        )
    return LocationWords.tr("The server address for {host} port {port} names no database.").format(
        host=host, port=port
    )


def _quote(text: str, safe: str = "") -> str:
    return quote(text, safe=safe)
