"""File → Import CSV and Export CSV, with a progress dialog and Cancel.

An import is an ``ImportHeroes`` operation run by the change runner like any
other change (one transaction, one undoable step); an export is a read in the
data worker. Both report progress from the worker thread through a queued
signal, and stop when the user presses Cancel (an import then rolls back).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from hero_desktop.data.errors import HeroError, ImportFailedError, OperationCancelledError
from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.operations import ChangeSummary, ImportHeroes
from hero_desktop.data.query import HeroQuery
from hero_desktop.data.words import Words, number
from hero_desktop.ui.change_runner import ChangeRunner
from hero_desktop.ui.data_worker import DataClient
from hero_desktop.ui.dialog_keys import add_to_progress_dialog
from hero_desktop.ui.message_bar import MessageKind, ShowMessage
from hero_desktop.ui.prompts import Prompts

if TYPE_CHECKING:
    from hero_desktop.data.csv_reading import CsvLayout

SHOW_AFTER_MS = 300
REPORT_EVERY_S = 0.05


class CsvTransferWords(Words):
    """The translation context of the CSV import's and export's words."""


class TransferProgress(QObject):
    """A progress dialog fed from the worker thread; shown once the work takes 300 ms."""

    _progressed = Signal(int, int)

    def __init__(self, title: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.cancelled = threading.Event()
        self.dialog = QProgressDialog(title, CsvTransferWords.tr("Cancel"), 0, 0, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(SHOW_AFTER_MS)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancelled.set)
        add_to_progress_dialog(self.dialog, parent.window())  # Ctrl+Q quits from it too
        self._progressed.connect(self._show)
        self._running = True
        self._last_report = 0.0
        self._shown = (0, 0)
        # QProgressDialog alone waits for a second report (up to 4 s) before it shows.
        QTimer.singleShot(SHOW_AFTER_MS, self, self._show_if_running)

    def report(self, done: int, total: int) -> bool:
        """The worker's progress callback: False once the user pressed Cancel.

        At most one report every 50 ms reaches the GUI thread: a backlog of
        queued reports (an export reports every thousand heroes) would keep
        it drawing the dialog instead of answering the user. A report of
        nothing new (the worker asking whether to go on while it waits) is not
        shown; nor is nothing done of a total not known yet (the title stays).
        """
        now = time.monotonic()
        if self.cancelled.is_set():
            return False  # (also on close: the window, and this object, may be going)
        due = now - self._last_report >= REPORT_EVERY_S or (total and done >= total)
        if due and (done, total) not in (self._shown, (0, 0)):
            self._last_report = now
            self._shown = (done, total)
            self._progressed.emit(done, total)
        return not self.cancelled.is_set()

    def _show_if_running(self) -> None:
        if self._running:
            self.dialog.show()

    def _show(self, done: int, total: int) -> None:
        if total > 0 and self.dialog.maximum() != total:
            self.dialog.setMaximum(total)
        self.dialog.setValue(min(done, total) if total > 0 else 0)
        if total:
            text = CsvTransferWords.tr("{done} of %Ln hero(es)", "", total).format(
                done=number(done)
            )
        else:
            text = CsvTransferWords.tr("%Ln hero(es)", "", done)
        self.dialog.setLabelText(text)

    def finish(self) -> None:
        self._running = False
        self.dialog.close()
        self.deleteLater()


class CsvTransfer:
    """Runs one import or export at a time for a window."""

    def __init__(
        self,
        client: DataClient,
        runner: ChangeRunner,
        prompts: Prompts,
        parent: QWidget,
        show_message: ShowMessage,
        reactivate: Callable[[], None],
    ) -> None:
        self.client = client
        self.runner = runner
        self.prompts = prompts
        self.parent = parent
        self.show_message = show_message
        self.reactivate = reactivate
        self.progress: TransferProgress | None = None

    def busy(self) -> bool:
        return self.progress is not None

    def import_file(self, path: str) -> None:
        """Import ``path``, after asking when some of its columns will be ignored."""
        if self.progress is not None:
            self.show_message(CsvTransferWords.tr("An import or export is already running."))
            return

        # The header is read in the worker (the file may sit on a slow share);
        # the question comes before anything is imported, so Cancel changes nothing.
        def inspect(_repository: HeroRepository) -> CsvLayout:
            # Imported in the worker (the window starts without the CSV module).
            from hero_desktop.data.csv_reading import inspect_csv

            return inspect_csv(path)

        self.client.ask(
            inspect,
            lambda layout: self._import_after_asking(path, layout),
            self._failed,
        )

    def _import_after_asking(self, path: str, layout: CsvLayout) -> None:
        if layout.ignored:
            go_on = self.prompts.confirm(
                CsvTransferWords.tr("Import CSV"),
                CsvTransferWords.tr("{ignored} Import?").format(ignored=layout.ignored_sentence()),
            )
            self.reactivate()
            if not go_on:
                self.show_message(
                    CsvTransferWords.tr("Cancelled: nothing was imported from {file}.").format(
                        file=Path(path).name
                    ),
                    MessageKind.WARNING,
                )
                return
        progress = self._begin(CsvTransferWords.tr("Importing {file}").format(file=Path(path).name))
        if progress is None:
            return
        operation = ImportHeroes(Path(path), progress.report, layout)

        def imported(_summary: ChangeSummary) -> None:
            self._end()
            self.show_message(
                CsvTransferWords.tr("Imported %Ln hero(es).", "", operation.imported),
                MessageKind.SUCCESS,
            )

        self.runner.run(operation, imported, self._failed)

    def export_file(self, path: str, query: HeroQuery) -> None:
        progress = self._begin(
            CsvTransferWords.tr("Exporting to {file}").format(file=Path(path).name)
        )
        if progress is None:
            return

        def export(repository: HeroRepository) -> int:
            from hero_desktop.data.csv_io import export_csv

            return export_csv(repository, query, path, progress.report)

        def exported(rows: int) -> None:
            self._end()
            self.show_message(
                CsvTransferWords.tr("Exported %Ln hero(es).", "", rows), MessageKind.SUCCESS
            )

        self.client.ask(export, exported, self._failed)

    def cancel(self) -> None:
        """On close: an unfinished import is rolled back (it was never confirmed)."""
        if self.progress is not None:
            self.progress.cancelled.set()

    def _begin(self, title: str) -> TransferProgress | None:
        if self.progress is not None:
            self.show_message(CsvTransferWords.tr("An import or export is already running."))
            return None
        self.progress = TransferProgress(title, self.parent)
        return self.progress

    def _end(self) -> None:
        if self.progress is not None:
            self.progress.finish()
            self.progress = None

    def _failed(self, error: BaseException) -> None:
        self._end()
        if isinstance(error, OperationCancelledError):
            self.show_message(
                CsvTransferWords.tr("Cancelled: nothing was changed."), MessageKind.WARNING
            )
        elif isinstance(error, ImportFailedError):
            self.show_message(error.message.split("\n", 1)[0])
            self.prompts.information(CsvTransferWords.tr("Import Refused"), error.message)
        elif isinstance(error, HeroError):
            self.show_message(error.message)
