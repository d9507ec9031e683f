"""The name index's life cycle, shared by both engines (name_index_state.py), on its own.

What each state means for search, the offer and a background build, how a
long change log is handled per engine, and the values a store gives instead
of sentences. The engines' own tests (test_name_index*.py,
test_postgres_*.py) hold the same rules against real databases.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hero_desktop.data.facts import facts_of
from hero_desktop.data.name_index_state import (
    LongLog,
    NameIndexOffer,
    NameIndexState,
    NameIndexStatus,
    NameIndexWork,
    PendingLog,
    catch_up,
    names_ready,
)
from hero_desktop.data.sqlite.database import open_database
from hero_desktop.data.store import LiveUpdates, ReadOnlyReason

from .name_index_support import ROSTER, tutorial_file

READY, REBUILD, FOREIGN = NameIndexStatus.READY, NameIndexStatus.REBUILD, NameIndexStatus.FOREIGN


def file_state(status: NameIndexStatus) -> NameIndexState:
    return NameIndexState(LongLog.REBUILD, NameIndexOffer.FILE, status=status)


def server_state(status: NameIndexStatus, **rights: bool) -> NameIndexState:
    return NameIndexState(LongLog.BATCHES, NameIndexOffer.SERVER, status=status, **rights)


class Log:
    """A change log to answer the rules' questions, and to record what was keyed."""

    def __init__(self, pending: int, limit: int = 3, free: bool = True, busy: bool = False):
        self.pending, self.limit, self.free, self.is_busy = pending, limit, free, busy
        self.keyed = 0

    def key_now(self) -> bool:
        if not self.free:
            return False
        self.keyed, self.pending = self.pending, 0
        return True

    def hooks(self) -> PendingLog:
        return PendingLog(
            has_pending=lambda: self.pending > 0,
            too_long=lambda: self.pending > self.limit,
            key_now=self.key_now,
            busy=lambda: self.is_busy,
        )


@pytest.mark.parametrize(
    ("status", "reads", "offer", "build"),
    [
        (READY, True, None, None),
        (REBUILD, False, None, NameIndexWork.BUILD),
        (FOREIGN, False, "file", None),
    ],
)
def test_what_each_state_means(
    status: NameIndexStatus, reads: bool, offer: str | None, build: NameIndexWork | None
) -> None:
    state = file_state(status)
    assert state.reads_names() is reads
    assert state.offer(read_only=False) == offer
    assert state.needs_build(read_only=False) is build
    # Read-only: nothing is offered, built or keyed.
    assert state.offer(read_only=True) is None
    assert not state.needs_build(read_only=True)
    assert not state.keys_names(read_only=True)


def test_a_role_without_rights_is_offered_nothing_and_scans() -> None:
    assert server_state(FOREIGN, may_install=False).offer(read_only=False) is None
    assert server_state(FOREIGN).offer(read_only=False) is NameIndexOffer.SERVER
    assert not server_state(REBUILD, may_install=False).needs_build(read_only=False)
    assert not server_state(READY, may_read=False).reads_names()
    assert not server_state(READY, may_key=False).keys_names(read_only=False)


def test_structures_that_lack_a_part_are_only_finished_and_a_backlog_comes_first() -> None:
    """A build asked to finish adds the part alone, and nothing if another build did."""
    state = server_state(READY)
    state.unfinished = True
    assert state.reads_names()
    assert state.needs_build(read_only=False) is NameIndexWork.FINISH
    state.backlog = True
    assert state.needs_build(read_only=False) is NameIndexWork.BUILD
    assert state.needs_build(read_only=True) is None
    state.backlog, state.may_install = False, False
    assert state.needs_build(read_only=False) is None


def test_a_short_log_is_keyed_before_reading() -> None:
    state, log = file_state(READY), Log(pending=2)
    assert names_ready(state, False, log.hooks())
    assert log.keyed == 2
    assert state.status is READY


def test_a_log_held_by_another_program_leaves_the_read_to_scan() -> None:
    state, log = file_state(READY), Log(pending=2, free=False)
    assert not names_ready(state, False, log.hooks())
    assert state.status is READY  # tried again at the next read


def test_inside_a_snapshot_nothing_is_keyed() -> None:
    state, log = server_state(READY), Log(pending=2, busy=True)
    assert not names_ready(state, False, log.hooks())
    assert log.keyed == 0


def test_a_long_log_goes_to_the_background_as_each_engine_does_it() -> None:
    sqlite, server = file_state(READY), server_state(READY)
    assert not names_ready(sqlite, False, Log(pending=5).hooks())
    assert sqlite.status is REBUILD  # SQLite rebuilds everything
    assert sqlite.needs_build(read_only=False)
    assert not names_ready(server, False, Log(pending=5).hooks())
    assert server.status is READY  # the server keys it in batches
    assert server.backlog
    assert server.needs_build(read_only=False)
    # Once the log is empty (keyed in the background), no backlog is left.
    assert names_ready(server, False, Log(pending=0).hooks())
    assert not server.backlog
    assert not server.needs_build(read_only=False)


def test_after_another_programs_commit_its_heroes_are_keyed_unless_read_only() -> None:
    state, log = file_state(READY), Log(pending=2)
    catch_up(state, True, log.hooks())
    assert log.keyed == 0
    catch_up(state, False, log.hooks())
    assert log.keyed == 2


def test_a_store_gives_values_not_sentences(db_path: Path, tmp_path: Path) -> None:
    database = open_database(db_path)
    try:
        facts = facts_of(database, db_path)
        assert facts.display_name == "database.db"
        assert facts.read_only_reason is None
        assert facts.live_updates is LiveUpdates.AT_ONCE
        assert facts.name_index_offer is None  # Hero Desktop's own file
    finally:
        database.close()
    asked = open_database(db_path, read_only=True)
    try:
        assert asked.read_only_reason is ReadOnlyReason.ASKED
    finally:
        asked.close()
    theirs = tutorial_file(tmp_path / "tutorial.db", ROSTER)
    database = open_database(theirs)
    try:
        assert facts_of(database, theirs).name_index_offer is NameIndexOffer.FILE
    finally:
        database.close()
