"""File → Import CSV (Ctrl+I) and Export CSV (Ctrl+E), through the real window.

The file dialogs are answered by the test (a Prompts subclass); the import
and export themselves run for real, in the worker thread, against the file.

Why one file of this length: one feature through the real window, with its own file
answers and CSV helpers; the last section checks the window stays usable while an import
runs, with the same helpers.
"""
# pytest-qt's keyClick and keyClicks are untyped wrappers of QTest's.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import csv
import multiprocessing
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog
from pytestqt.qtbot import QtBot

from hero_desktop.data import csv_io, csv_reading, csv_worker
from hero_desktop.data.csv_io import ImportResult, Progress
from hero_desktop.data.sqlite import name_index
from hero_desktop.data.store import HeroStore, KeyedBatch
from hero_desktop.ui.main_window import MainWindow

from .conftest import OpenWindow, SettlingQtBot
from .support import (
    CTRL,
    SHIFT,
    TUTORIAL_HEROES,
    Answers,
    Row,
    current_id,
    message,
    numbered_heroes,
    rows_in_file,
    shown_names,
    type_text,
    wait_for_table_focus,
    write_heroes,
)

GATE_TIMEOUT = 30.0
DIALOG_TIMEOUT_MS = 15_000


class FileAnswers(Answers):
    """The file dialogs answered with the test's paths; information() recorded, not shown."""

    def __init__(self, open_answer: Path | None = None, save_answer: Path | None = None) -> None:
        super().__init__()
        self.open_answer = open_answer
        self.save_answer = save_answer
        self.asked: list[tuple[str, str, bool]] = []
        self.informed: list[tuple[str, str]] = []
        self.confirm_answer = True
        self.confirmed: list[tuple[str, str]] = []

    def open_path(self, title: str, csv: bool = False) -> str | None:
        self.asked.append(("open", title, csv))
        return None if self.open_answer is None else str(self.open_answer)

    def save_path(self, title: str, csv: bool = False) -> str | None:
        self.asked.append(("save", title, csv))
        return None if self.save_answer is None else str(self.save_answer)

    def information(self, title: str, message: str) -> None:
        self.informed.append((title, message))

    def confirm(self, title: str, message: str) -> bool:
        self.confirmed.append((title, message))
        return self.confirm_answer


def write_csv(path: Path, rows: list[tuple[str, str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["name", "age", "secret_name"])
        writer.writerows(rows)
    return path


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def wait_until_idle(qtbot: QtBot, window: MainWindow) -> None:
    """The transfer is over and the window shows its outcome."""
    qtbot.waitUntil(lambda: not window.csv.busy() and window.is_idle())


def progress_dialog(window: MainWindow) -> QProgressDialog | None:
    progress = window.csv.progress
    return None if progress is None else progress.dialog


# -- import --------------------------------------------------------------------


def test_ctrl_i_imports_a_csv_and_shows_the_first_imported_hero(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path, tmp_path: Path
) -> None:
    before = numbered_heroes(150)  # the new heroes land on page 2
    write_heroes(db_path, before)
    new = [("Nova", "29", "Nora Vance"), ("Zéphyr Ünal", "", "Zed"), ("Anvil", "61", "Ann Vill")]
    answers = FileAnswers(open_answer=write_csv(tmp_path / "new.csv", new))
    window = open_window(prompts=answers)

    qtbot.keyClick(window.table, Qt.Key.Key_I, CTRL)

    qtbot.waitUntil(lambda: message(window) == "Imported 3 heroes.")
    assert answers.asked == [("open", "Import Heroes from CSV", True)]
    assert answers.informed == []
    imported: list[Row] = [
        (151, "Nova", 29, "Nora Vance"),
        (152, "Zéphyr Ünal", None, "Zed"),
        (153, "Anvil", 61, "Ann Vill"),
    ]
    assert rows_in_file(db_path) == before + imported
    assert current_id(window) == 151
    assert window.model.page == 1
    assert window.model.total == 153
    wait_for_table_focus(qtbot, window)


def test_a_csv_with_a_bad_row_imports_nothing_and_names_the_line(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path, tmp_path: Path
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    rows = [("Nova", "29", "Nora Vance"), ("Bad Age", "old", "Oldie"), ("Anvil", "61", "Ann")]
    answers = FileAnswers(open_answer=write_csv(tmp_path / "bad.csv", rows))
    window = open_window(prompts=answers)

    qtbot.keyClick(window.table, Qt.Key.Key_I, CTRL)

    qtbot.waitUntil(lambda: message(window).startswith("Nothing was imported"))
    wait_until_idle(qtbot, window)
    assert message(window) == "Nothing was imported: the file has 1 problem."
    assert rows_in_file(db_path) == TUTORIAL_HEROES
    assert len(answers.informed) == 1
    title, text = answers.informed[0]
    assert title == "Import Refused"
    assert "Line 3:" in text, text  # line 1 is the header
    assert "Line 2" not in text
    assert "Line 4" not in text
    assert window.model.total == len(TUTORIAL_HEROES)
    assert shown_names(window) == [name for _, name, _, _ in TUTORIAL_HEROES]


def spreadsheet_csv(path: Path) -> Path:
    """As a spreadsheet in a European locale saves the table with its id column."""
    path.write_text(
        "Name;Secret name;Age;id\r\nNova;Nora Vance;29;17\r\nZéphyr Ünal;Zed;;18\r\n",
        encoding="utf-8-sig",
    )
    return path


def test_a_semicolon_file_says_which_columns_it_ignores_and_imports_after_ok(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path, tmp_path: Path
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    answers = FileAnswers(open_answer=spreadsheet_csv(tmp_path / "roster.csv"))
    window = open_window(prompts=answers)

    qtbot.keyClick(window.table, Qt.Key.Key_I, CTRL)

    qtbot.waitUntil(lambda: message(window) == "Imported 2 heroes.")
    assert answers.confirmed == [("Import CSV", "The column id will be ignored. Import?")]
    assert rows_in_file(db_path) == [
        *TUTORIAL_HEROES,
        (4, "Nova", 29, "Nora Vance"),
        (5, "Zéphyr Ünal", None, "Zed"),
    ]
    assert current_id(window) == 4
    wait_for_table_focus(qtbot, window)


def test_cancel_on_the_ignored_columns_question_imports_nothing(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path, tmp_path: Path
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    answers = FileAnswers(open_answer=spreadsheet_csv(tmp_path / "roster.csv"))
    answers.confirm_answer = False
    window = open_window(prompts=answers)

    qtbot.keyClick(window.table, Qt.Key.Key_I, CTRL)

    assert answers.confirmed == [("Import CSV", "The column id will be ignored. Import?")]
    assert message(window) == "Cancelled: nothing was imported from roster.csv."
    assert window.csv.progress is None  # no import was started
    assert rows_in_file(db_path) == TUTORIAL_HEROES
    assert window.model.total == len(TUTORIAL_HEROES)
    wait_for_table_focus(qtbot, window)


def test_a_file_with_every_column_known_is_imported_without_a_question(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path, tmp_path: Path
) -> None:
    source = tmp_path / "tabs.txt"
    source.write_bytes("Name\tSecret name\tAge\r\nNova\tNora Vance\t29\r\n".encode("utf-16"))
    answers = FileAnswers(open_answer=source)
    window = open_window(prompts=answers)

    qtbot.keyClick(window.table, Qt.Key.Key_I, CTRL)

    qtbot.waitUntil(lambda: message(window) == "Imported 1 hero.")
    assert answers.confirmed == []
    assert rows_in_file(db_path) == [(1, "Nova", 29, "Nora Vance")]


def test_a_latin1_file_is_refused_naming_it_and_imports_nothing(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path, tmp_path: Path
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    source = tmp_path / "old.csv"
    source.write_bytes("name;age;secret_name\nNova;29;Nora\nJäger;40;J\n".encode("latin-1"))
    answers = FileAnswers(open_answer=source)
    window = open_window(prompts=answers)

    qtbot.keyClick(window.table, Qt.Key.Key_I, CTRL)

    qtbot.waitUntil(lambda: message(window).startswith("Nothing was imported"))
    wait_until_idle(qtbot, window)
    assert answers.informed == [
        (
            "Import Refused",
            "Nothing was imported: the file has 1 problem.\n"
            "old.csv is not UTF-8 or UTF-16 text (byte 0xE4 at line 3); "
            "save it as UTF-8 CSV and try again.",
        )
    ]
    assert rows_in_file(db_path) == TUTORIAL_HEROES


# -- export --------------------------------------------------------------------


def test_ctrl_e_exports_what_the_search_and_sort_show(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path, tmp_path: Path
) -> None:
    heroes: list[Row] = [
        *TUTORIAL_HEROES,  # Rusty-Man (48) matches "man"
        (4, "Iron Man", 45, "Tony Stark"),
        (5, "Batman", 35, "Bruce Wayne"),
        (6, "Man-Bat", 60, "Kirk Langstrom"),
        (7, "Hawkeye", 40, "Clint Barton"),
        (8, "Superwoman", 31, 'Lois, "Lane"'),  # a comma and quotes in the CSV
        *[(100 + i, name, age, secret) for i, name, age, secret in numbered_heroes(30)],
    ]
    write_heroes(db_path, heroes)
    target = tmp_path / "out" / "shown.csv"
    target.parent.mkdir()
    answers = FileAnswers(save_answer=target)
    window = open_window(prompts=answers)

    qtbot.keyClick(window.table, Qt.Key.Key_F, CTRL)
    type_text(qtbot, window.search_bar.name_edit, "man")
    qtbot.waitUntil(lambda: len(shown_names(window)) == 5)
    qtbot.keyClick(window.table, Qt.Key.Key_3, CTRL)  # sort by age
    qtbot.keyClick(window.table, Qt.Key.Key_D, CTRL | SHIFT)  # descending
    expected_names = ["Man-Bat", "Rusty-Man", "Iron Man", "Batman", "Superwoman"]
    qtbot.waitUntil(lambda: shown_names(window) == expected_names)

    qtbot.keyClick(window.table, Qt.Key.Key_E, CTRL)

    qtbot.waitUntil(lambda: message(window) == "Exported 5 heroes.")
    assert answers.asked == [("save", "Export Heroes to CSV", True)]
    assert read_csv(target) == [
        ["name", "age", "secret_name"],
        ["Man-Bat", "60", "Kirk Langstrom"],
        ["Rusty-Man", "48", "Tommy Sharp"],
        ["Iron Man", "45", "Tony Stark"],
        ["Batman", "35", "Bruce Wayne"],
        ["Superwoman", "31", 'Lois, "Lane"'],
    ]
    assert sorted(p.name for p in target.parent.iterdir()) == ["shown.csv"]  # no temporary left
    assert shown_names(window) == expected_names  # the window did not change


# -- responsiveness --------------------------------------------------------------


class HeldImport:
    """Wraps the data layer's import_csv: after the first batch the worker waits for the test
    (the calls before it, while a worker process starts, pass through).

    While it waits the import is half done, inside its write transaction;
    the test looks at the window, then lets it go on.
    """

    def __init__(self) -> None:
        self.first_batch = threading.Event()
        self.go_on = threading.Event()
        self.cancel_answer: list[bool] = []

    def __call__(
        self,
        database: HeroStore,
        path: str,
        progress: Progress | None = None,
        *,
        layout: csv_reading.CsvLayout | None = None,
    ) -> ImportResult:
        assert progress is not None

        def held(done: int, total: int) -> bool:
            if done == 0:
                return progress(done, total)  # asked whether to go on: no batch yet
            carry_on = progress(done, total)
            if not self.first_batch.is_set():
                self.first_batch.set()
                assert self.go_on.wait(GATE_TIMEOUT), "the test never let the import go on"
                carry_on = progress(done, total)  # a Cancel pressed meanwhile counts
            self.cancel_answer.append(carry_on)
            return carry_on

        return REAL_IMPORT_CSV(database, path, held, layout=layout)


REAL_IMPORT_CSV = csv_io.import_csv


@pytest.fixture
def held_import(monkeypatch: pytest.MonkeyPatch) -> HeldImport:
    held = HeldImport()
    # The repository's import_csv looks csv_io.import_csv up when it runs.
    monkeypatch.setattr(csv_io, "import_csv", held)
    return held


def big_csv(path: Path, count: int) -> Path:
    return write_csv(path, [(f"Bulk {i:05}", str(i % 90 + 10), f"S{i}") for i in range(count)])


def test_the_window_keeps_working_while_an_import_runs(
    qtbot: SettlingQtBot,
    open_window: OpenWindow,
    db_path: Path,
    tmp_path: Path,
    held_import: HeldImport,
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    count = 3 * csv_io.BATCH_ROWS + 123
    answers = FileAnswers(open_answer=big_csv(tmp_path / "big.csv", count))
    window = open_window(prompts=answers)
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    try:
        qtbot.unsettled.keyClick(window.table, Qt.Key.Key_I, CTRL)  # the import runs on
        qtbot.waitUntil(held_import.first_batch.is_set, timeout=int(GATE_TIMEOUT * 1000))
        # The worker is stuck mid-import, holding the write lock. The event
        # loop still runs: timers fire, the progress dialog appears and shows
        # the first batch, and another reader sees the last committed state.
        assert window.csv.busy()
        timer.start(1)
        qtbot.waitUntil(lambda: len(ticks) >= 5)
        dialog = progress_dialog(window)
        assert dialog is not None
        # Held after one update, the dialog shows on QProgressDialog's own
        # force-show timer (about 4 s here), not after setMinimumDuration's 300 ms.
        qtbot.waitUntil(dialog.isVisible, timeout=DIALOG_TIMEOUT_MS)
        qtbot.waitUntil(lambda: dialog.labelText().startswith(f"{csv_io.BATCH_ROWS:,} of "))
        assert window.csv.busy()
        assert window.model.total == len(TUTORIAL_HEROES)
        assert rows_in_file(db_path) == TUTORIAL_HEROES  # another reader sees no half import
        # A second import meanwhile is refused, not queued.
        window.import_csv()
        assert message(window) == "An import or export is already running."
    finally:
        timer.stop()
        held_import.go_on.set()

    qtbot.waitUntil(lambda: message(window) == f"Imported {count:,} heroes.")
    wait_until_idle(qtbot, window)
    assert not dialog.isVisible()
    assert len(rows_in_file(db_path)) == len(TUTORIAL_HEROES) + count
    assert current_id(window) == len(TUTORIAL_HEROES) + 1
    assert all(held_import.cancel_answer)


def test_escape_on_the_progress_dialog_cancels_the_import(
    qtbot: SettlingQtBot,
    open_window: OpenWindow,
    db_path: Path,
    tmp_path: Path,
    held_import: HeldImport,
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    answers = FileAnswers(open_answer=big_csv(tmp_path / "big.csv", 3 * csv_io.BATCH_ROWS))
    window = open_window(prompts=answers)
    try:
        qtbot.unsettled.keyClick(window.table, Qt.Key.Key_I, CTRL)  # the import runs on
        qtbot.waitUntil(held_import.first_batch.is_set, timeout=int(GATE_TIMEOUT * 1000))
        dialog = progress_dialog(window)
        assert dialog is not None
        qtbot.waitUntil(
            lambda: dialog.isVisible() and dialog.isActiveWindow(), timeout=DIALOG_TIMEOUT_MS
        )
        qtbot.unsettled.keyClick(dialog, Qt.Key.Key_Escape)
        qtbot.waitUntil(dialog.wasCanceled)
    finally:
        held_import.go_on.set()

    qtbot.waitUntil(lambda: message(window) == "Cancelled: nothing was changed.")
    wait_until_idle(qtbot, window)
    assert held_import.cancel_answer == [False]
    assert rows_in_file(db_path) == TUTORIAL_HEROES
    assert window.model.total == len(TUTORIAL_HEROES)
    assert answers.informed == []


@pytest.fixture
def import_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    """A few hundred rows take the way of a big import into a file with the name index:
    read, checked and keyed by a worker process (``csv_worker``)."""
    monkeypatch.setattr(csv_worker, "WORKER_FROM_BYTES", 100)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setattr(name_index, "BULK_PENDING", 10)
    monkeypatch.setattr(csv_io, "BATCH_ROWS", 50)


def test_a_big_import_read_by_a_worker_process_shows_its_heroes_and_their_names(
    qtbot: SettlingQtBot,
    open_window: OpenWindow,
    tmp_path: Path,
    import_worker: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    source = big_csv(tmp_path / "big.csv", 500)
    window = open_window(prompts=FileAnswers(open_answer=source))
    started: list[int] = []
    real_batches = csv_worker.ImportWorker.batches

    def watched(worker: csv_worker.ImportWorker, report: Any) -> Iterator[KeyedBatch]:
        started.append(1)
        return real_batches(worker, report)

    monkeypatch.setattr(csv_worker.ImportWorker, "batches", watched)

    qtbot.unsettled.keyClick(window.table, Qt.Key.Key_I, CTRL)

    qtbot.waitUntil(lambda: message(window) == "Imported 500 heroes.", timeout=20_000)
    wait_until_idle(qtbot, window)
    assert started == [1]
    assert not multiprocessing.active_children()
    assert window.model.total == 500
    window.search_bar.name_edit.setText("bulk 00499")
    qtbot.waitUntil(lambda: window.model.total == 1)


def test_ctrl_q_during_an_import_read_by_a_worker_quits_and_writes_nothing(
    qtbot: SettlingQtBot,
    open_window: OpenWindow,
    db_path: Path,
    tmp_path: Path,
    import_worker: None,
    held_import: HeldImport,
) -> None:
    # More than the pipe holds: the worker is still there when the first batch is in.
    window = open_window(prompts=FileAnswers(open_answer=big_csv(tmp_path / "big.csv", 5_000)))
    try:
        qtbot.unsettled.keyClick(window.table, Qt.Key.Key_I, CTRL)
        qtbot.waitUntil(held_import.first_batch.is_set, timeout=int(GATE_TIMEOUT * 1000))
        assert multiprocessing.active_children()  # the worker reads on
        dialog = progress_dialog(window)
        assert dialog is not None
        qtbot.waitUntil(
            lambda: dialog.isVisible() and dialog.isActiveWindow(), timeout=DIALOG_TIMEOUT_MS
        )
        qtbot.unsettled.keyClick(QApplication.focusWidget(), Qt.Key.Key_Q, CTRL)
    finally:
        held_import.go_on.set()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=20_000)
    assert held_import.cancel_answer == [False]
    assert rows_in_file(db_path) == []
    qtbot.waitUntil(lambda: not multiprocessing.active_children())
