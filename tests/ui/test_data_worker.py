"""The data worker: answers by signal, newer views replace older ones, closing loses nothing."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from pytestqt.qtbot import QtBot

from hero_desktop.data.errors import StatementInterruptedError
from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.models import validate_create
from hero_desktop.data.operations import AddHero
from hero_desktop.ui.data_worker import DataClient

from .support import TUTORIAL_HEROES, rows_in_file, write_heroes

# A read that runs until it is interrupted (a few seconds at least otherwise).
ENDLESS = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n"


def opened_client(qtbot: QtBot, path: Path) -> DataClient:
    client = DataClient(path, read_only=False)
    with qtbot.waitSignal(client.opened, timeout=10_000):
        pass
    return client


def test_a_newer_view_request_drops_the_older_answer_and_interrupts_its_read(
    qtbot: QtBot, db_path: Path
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    client = opened_client(qtbot, db_path)
    started = threading.Event()
    seen: dict[str, object] = {}

    def endless(repository: HeroRepository) -> int:
        store = repository.store
        assert hasattr(store, "connection")
        started.set()
        try:
            return int(store.connection.execute(ENDLESS).fetchone()[0])
        except sqlite3.OperationalError as error:
            seen["older read stopped by"] = str(error)
            raise

    answers: list[str] = []
    try:
        client.ask(
            endless,
            lambda _: answers.append("older"),
            lambda error: answers.append(f"older failed: {error}"),
            view=True,
        )
        qtbot.waitUntil(started.is_set)
        client.ask(lambda r: r.count(), lambda n: answers.append(f"newer: {n}"), view=True)

        qtbot.waitUntil(client.is_idle, timeout=10_000)
    finally:
        client.close()

    assert answers == ["newer: 3"]
    assert seen == {"older read stopped by": "interrupted"}


def test_closing_finishes_the_change_in_hand_so_the_file_has_it(
    qtbot: QtBot, db_path: Path
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    client = opened_client(qtbot, db_path)
    operation = AddHero(validate_create({"name": "Tarantula", "secret_name": "Natalia"}))

    client.ask(lambda repository: operation.apply(repository, False))
    client.close()  # at once, before the answer could come back
    qtbot.waitUntil(client.thread_finished)

    assert (4, "Tarantula", None, "Natalia") in rows_in_file(db_path)


def test_work_pending_for_a_while_shows_as_busy_and_then_not(qtbot: QtBot, db_path: Path) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    client = opened_client(qtbot, db_path)
    go_on = threading.Event()
    try:
        with qtbot.waitSignal(client.busyChanged, check_params_cb=lambda busy: busy is True):
            client.ask(lambda _repository: go_on.wait(10))
        assert client.busy
        with qtbot.waitSignal(client.busyChanged, check_params_cb=lambda busy: busy is False):
            go_on.set()
    finally:
        go_on.set()
        client.close()
    assert not client.busy


def test_a_request_stopped_by_a_cancel_meant_for_an_older_one_runs_once_more(
    qtbot: QtBot, db_path: Path
) -> None:
    """A server gets the cancel a moment late: it may stop the request after the one meant."""
    write_heroes(db_path, TUTORIAL_HEROES)
    client = opened_client(qtbot, db_path)
    runs: list[int] = []

    def stopped_the_first_time(repository: HeroRepository) -> int:
        runs.append(1)
        if len(runs) == 1:
            raise StatementInterruptedError("Cancelled: nothing was changed.")
        return repository.count()

    answers: list[object] = []
    try:
        client.ask(stopped_the_first_time, answers.append, answers.append, view=True)
        qtbot.waitUntil(client.is_idle, timeout=10_000)
    finally:
        client.close()
    assert answers == [3]
    assert len(runs) == 2
