"""The name index's life cycle, one for both engines: its states, their meaning, its figures.

Each engine keeps the search and name-order keys of ``names.py`` in
structures of its own (SQLite: sqlite/name_index.py; PostgreSQL:
postgres/schema.py), with a change log that triggers fill when any program
writes ``hero``. The SQL stays there; what the structures mean for the
window, and when Hero Desktop builds them or keys the log, is decided here,
the same way for both.

States (``NameIndexStatus``; each engine's ``status()`` reads it from the database):

* FOREIGN: none of Hero Desktop's structures (another program's database).
  Search and name order scan. The structures are offered (``offer``) and
  added only with the user's consent: never built on their own.
* REBUILD: Hero Desktop's structures, but missing a part, computed under
  other rules, or (SQLite) with counts that disagree. Search and name order
  scan. Rebuilt without asking: while opening when ``SYNC_BUILD_ROWS`` heroes
  or fewer, else in the background (``needs_build``).
* READY: current structures. Search and name order read them once the change
  log is keyed (``names_ready``).

Transitions:

* FOREIGN -> READY: a build after consent (Add Index, ``allow_changes``, or a
  database Hero Desktop creates itself).
* REBUILD -> READY: a build, while opening or in the background.
* READY -> REBUILD: a look finds the structures stale or damaged; or, on an
  engine whose ``long_log`` is ``LongLog.REBUILD`` (SQLite), the change log
  grew past its limit (another program imported many heroes).
* READY, unfinished -> READY: a part added since (the pairs index, both
  engines) is added in the background by whoever may install (SQLite: while
  opening when ``SYNC_BUILD_ROWS`` heroes or fewer); the structures are read
  meanwhile.
* READY -> READY with a backlog: on an engine whose ``long_log`` is
  ``LongLog.BATCHES`` (PostgreSQL), a long log is keyed in committed batches
  in the background (``needs_build``); search scans meanwhile.
* any -> any: a look (``seen``: opening, ``recheck``, another program's
  commit) finds what the database holds; another program may even drop
  everything (FOREIGN).

The change log: Hero Desktop keys it in the same transaction as its own
writes (in the engines), after another program's commit (``catch_up``), and
before a read that needs the names (``names_ready``), but never waits for a
lock to do so, and leaves a log longer than ``BACKLOG_ROWS`` to the
background. Neither a driver nor Qt is imported here.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

BATCH = 20_000
"""Heroes keyed per batch (a build, a background catch-up)."""
SYNC_BUILD_ROWS = 20_000
"""Up to this many heroes, stale structures are rebuilt while opening (well under 1 s)."""
BACKLOG_ROWS = 20_000
"""More heroes than this waiting in the change log are keyed in the background."""
# Each engine binds the figures it uses to a name of its own module (tests shrink them there).


class NameIndexStatus(StrEnum):
    READY = "ready"  # structures present and current: use them
    REBUILD = "rebuild"  # Hero Desktop's structures, missing, stale or damaged
    FOREIGN = "foreign"  # none of Hero Desktop's structures: not without consent


class LongLog(StrEnum):
    """What an engine does with a change log longer than it keys while reading."""

    REBUILD = "rebuild"  # rebuild everything (SQLite: one FTS rebuild beats row by row)
    BATCHES = "batches"  # key it in committed batches (PostgreSQL: others key beside it)


class NameIndexWork(StrEnum):
    """What a background build is asked to do (``needs_build``)."""

    BUILD = "build"
    """(Re)build the structures, or key a backlog."""
    FINISH = "finish"
    """Add only the part current structures lack (``unfinished``); nothing when another
    build added it meanwhile (never a rebuild for it)."""


class NameIndexOffer(StrEnum):
    """What Hero Desktop would add with the user's consent (the window says it in words)."""

    FILE = "file"
    """In a SQLite file: a name table, an FTS index and three triggers that use only
    SQLite built-ins; the file is switched to WAL mode."""
    SERVER = "server"
    """On a server: two tables, an index on age and triggers on ``hero`` (which also
    tell every open window of changes at once); ``hero`` itself does not change."""


@dataclass
class NameIndexState:
    """One store's name index: its status, the role's rights, a backlog.

    Threads: belongs to its store, so to the data worker's thread. The
    store's ``read_only`` is passed in rather than copied: it may change
    after opening (a damaged file turns the window read-only).
    """

    long_log: LongLog
    offers: NameIndexOffer
    """What this engine would add (the offer, when there is one)."""
    status: NameIndexStatus = NameIndexStatus.FOREIGN
    may_install: bool = True
    """The structures may be added or rebuilt here (PostgreSQL: the role owns ``hero``)."""
    may_read: bool = True
    """The name rows may be read (else search and name order scan)."""
    may_key: bool = True
    """The name rows and the change log may be written (else others key this role's heroes)."""
    backlog: bool = False
    """A long change log waits to be keyed in batches (``LongLog.BATCHES``)."""
    unfinished: bool = False
    """Current structures lack a part added since, which this role may add (the pairs
    index of structures an earlier Hero Desktop built; on SQLite also one a big import
    left to the background). They are read meanwhile, and the part is added in the
    background (``needs_build``)."""

    # -- what the state means ----------------------------------------------------------

    def reads_names(self) -> bool:
        """Search and name order may use the name rows (once the log is keyed)."""
        return self.status is NameIndexStatus.READY and self.may_read

    def keys_names(self, read_only: bool) -> bool:
        """This store turns the change log into name rows (structures ready, role allowed)."""
        return not read_only and self.may_key and self.status is NameIndexStatus.READY

    def offer(self, read_only: bool) -> NameIndexOffer | None:
        """What would be added with the user's consent, or None (nothing to offer)."""
        if read_only or not self.may_install or self.status is not NameIndexStatus.FOREIGN:
            return None
        return self.offers

    def needs_build(self, read_only: bool) -> NameIndexWork | None:
        """Structures to rebuild or finish, or a backlog to key, in the background (no consent
        asked); None: nothing to do."""
        if read_only:
            return None
        if self.status is NameIndexStatus.REBUILD:
            return NameIndexWork.BUILD if self.may_install else None
        if self.backlog and self.keys_names(read_only):
            return NameIndexWork.BUILD
        if self.unfinished and self.status is NameIndexStatus.READY and self.may_install:
            return NameIndexWork.FINISH
        return None

    # -- transitions -------------------------------------------------------------------

    def seen(self, status: NameIndexStatus) -> None:
        """A look at the database found ``status`` (any state may follow any)."""
        self.status = status

    def log_too_long(self) -> None:
        """The change log is past the limit: rebuild, or key it in batches (``long_log``)."""
        if self.long_log is LongLog.REBUILD:
            self.status = NameIndexStatus.REBUILD
        else:
            self.backlog = True

    def log_short(self) -> None:
        """The change log is within the limit: no backlog."""
        self.backlog = False


class NameCacheState(StrEnum):
    """What the name keys of a database opened as found are doing (SQLite: a cache file,
    sqlite/name_cache.py; PostgreSQL: a copy in a file too, postgres/name_keys_keeper.py)."""

    STARTING = "starting"
    BUILDING = "building"
    FOLLOWING = "following"  # comparing with the database after a change
    READY = "ready"
    INDEXING = "indexing"  # in use, and adding its trigram index (searches scan till then)
    NOT_NEEDED = "not needed"  # a small database: scanning is quick
    FAILED = "failed"  # the cache cannot be had: search and name order scan
    CLOSED = "closed"


@dataclass(frozen=True)
class NameCacheProgress:
    """The name cache's state and, while it is built, how far: a value any thread may read."""

    state: NameCacheState
    done: int = 0
    total: int = 0


class NameCacheBoard:
    """Where the name cache's keeper posts its progress and the window reads it.

    Threads: the keeper's thread writes (``post``); any thread reads
    (``progress``), the GUI's on a timer, so the status bar says how far the
    cache is even while the data worker waits for it. The lock guards only
    ``_progress``, a frozen value.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._progress: NameCacheProgress | None = None

    def post(self, progress: NameCacheProgress) -> None:
        with self._lock:
            self._progress = progress

    def progress(self) -> NameCacheProgress | None:
        """The latest progress, or None (no cache started)."""
        with self._lock:
            return self._progress


@dataclass(frozen=True)
class PendingLog:
    """An engine's change log as the rules below ask about it, on the store's connection.

    Their errors are the caller's (it then scans, and tries again later).
    """

    has_pending: Callable[[], bool]
    """Anything is logged."""
    too_long: Callable[[], bool]
    """More is logged than the engine keys while reading (its limit)."""
    key_now: Callable[[], bool]
    """Key what is logged unless another program holds the lock (never waits); True when done."""
    busy: Callable[[], bool] = lambda: False
    """Keying now would end something that must go on (a snapshot's transaction)."""


def names_ready(state: NameIndexState, read_only: bool, log: PendingLog) -> bool:
    """Whether search and name order may read the name rows now, keying a short log first."""
    if not state.reads_names():
        return False
    if not log.has_pending():
        state.log_short()
        return True
    if not state.keys_names(read_only) or log.busy():
        return False
    return _key_short_log(state, log)


def catch_up(state: NameIndexState, read_only: bool, log: PendingLog) -> None:
    """After another program's commit: key what it logged, or leave a long log for later."""
    if not state.keys_names(read_only):
        return
    if not log.has_pending():
        state.log_short()
        return
    _key_short_log(state, log)


def _key_short_log(state: NameIndexState, log: PendingLog) -> bool:
    if log.too_long():
        state.log_too_long()
        return False
    state.log_short()
    return log.key_now()
