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
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, unquote

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
            raise ValueError(f"The server address {self._shown()} names no database.")
        if self.host is not None and "," in self.host:
            raise ValueError(
                f"The server address names several hosts ({self.host}); "
                "Hero Desktop connects to one."
            )
        if self.port is not None and not 1 <= self.port <= 65535:
            raise ValueError(f"The port {self.port} is not a number from 1 to 65535.")
        if self.sslmode is not None and self.sslmode not in SSL_MODES:
            raise ValueError(
                f"The TLS mode (sslmode) {self.sslmode!r} is not one of: {', '.join(SSL_MODES)}."
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
        if host is None:
            where = "the local server" if port is None else f"the local server (port {port})"
        elif self.is_socket:
            where = host if port is None else f"{host} (port {port})"
        elif port is None:
            where = host
        else:
            where = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
        return f"{self.dbname} on {where}"

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

    def _shown(self) -> str:
        where = self.host or "the local server"
        return f"for {where}" if self.port is None else f"for {where} port {self.port}"


def parse_location(text: str) -> Path | ServerAddress:
    """A file path, or a server address from a libpq or SQLAlchemy URL.

    Raises ValueError with a sentence for the user when ``text`` is a URL
    that does not name one database on one server, or is empty.
    """
    if not text.strip():
        raise ValueError("No database file or server address was given.")
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
        user = _decode(raw_user, "user name") or None
        password = _decode(raw_password, "password") if colon else None
    host, port_text = _split_hostport(hostport)
    values: dict[str, str | None] = {
        "host": host,
        "port": port_text,
        "dbname": _decode(path, "database name") if slash else None,
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
        where = values["host"] or "the local server"
        raise ValueError(
            f"The server address for {where} names no database. "
            "Add one after the host, as in postgresql://host/heroes."
        )
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
        raise ValueError(
            f"The server address names several hosts ({hostport}); Hero Desktop connects to one."
        )
    if hostport.startswith("["):
        inside, bracket, after = hostport[1:].partition("]")
        if not bracket or (after and not after.startswith(":")):
            raise ValueError(
                f"The host {hostport} in the server address is not a valid IPv6 address "
                "in brackets, as in [::1]:5432."
            )
        return _decode(inside, "host") or None, after[1:] if after else None
    host, colon, port = hostport.partition(":")
    if ":" in port:
        raise ValueError(
            f"The host {hostport} in the server address looks like an IPv6 address: "
            "put it in brackets, as in [::1]:5432."
        )
    return _decode(host, "host") or None, port if colon else None


def _query_pairs(query: str) -> list[tuple[str, str]]:
    pairs = []
    for item in query.split("&") if query else ():
        raw_keyword, equals, raw_value = item.partition("=")
        if not equals:
            raise ValueError(
                f"The setting {raw_keyword!r} in the server address has no value "
                "(settings are written keyword=value)."
            )
        pairs.append((_decode(raw_keyword, "setting name"), _decode(raw_value, "setting value")))
    return pairs


def _check_option(keyword: str) -> None:
    if keyword == "password":
        raise ValueError("A password is held in ServerAddress.password, never in its options.")
    if keyword in SECRET_KEYWORDS:
        raise ValueError(
            f"The server address holds a secret ({keyword}) that Hero Desktop does not keep "
            "with an address; leave it out (a service in pg_service.conf can hold it)."
        )
    if keyword in FIELD_KEYWORDS:
        raise ValueError(f"The setting {keyword!r} has its own place in a server address.")
    if keyword not in OTHER_KEYWORDS:
        raise ValueError(f"The server address has a setting PostgreSQL does not know: {keyword!r}.")


def _port(text: str | None) -> int | None:
    if not text:
        return None
    if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= 65535:
        raise ValueError(
            f"The port {text!r} in the server address is not a number from 1 to 65535."
        )
    return int(text)


def _ssl_alias(value: str) -> str:
    # libpq reads ssl=true (a JDBC habit) as sslmode=require; asyncpg URLs write ssl=<mode>.
    return "require" if value.lower() == "true" else value


def _decode(text: str, what: str) -> str:
    """libpq's percent-decoding: strict, and "+" stays "+"."""
    if _BAD_PERCENT.search(text):
        raise ValueError(f"The {what} in the server address has a stray % (write %25 for %).")
    try:
        decoded = unquote(text, errors="strict")
    except UnicodeDecodeError:
        raise ValueError(f"The {what} in the server address is not valid UTF-8.") from None
    if "\0" in decoded:
        raise ValueError(f"The {what} in the server address holds a NUL character (%00).")
    return decoded


def _quote(text: str, safe: str = "") -> str:
    return quote(text, safe=safe)
