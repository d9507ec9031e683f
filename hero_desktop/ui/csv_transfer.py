"""File → Import CSV and Export CSV: the data layer's CSV code behind a progress bar.

The work runs in a worker thread with its own connection to the same file
(SQLite connections stay in their thread). The window keeps repainting and
answering Cancel; an import holds the write lock until it commits or rolls
back, and the window's connection keeps showing the last committed state.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from hero_desktop.data.csv_io import ImportResult, export_csv, import_csv, inspect_csv
from hero_desktop.data.database import open_database
from hero_desktop.data.errors import HeroError, ImportFailedError, OperationCancelledError
from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.query import HeroQuery
from hero_desktop.ui.background_task import BackgroundTask, Progress

if TYPE_CHECKING:
    from hero_desktop.ui.main_window import MainWindow


class CsvTransfer:
    """Runs one import or export at a time for a window."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.task: BackgroundTask | None = None

    def import_file(self, path: str) -> BackgroundTask | None:
        """Import ``path``, after asking when some of its columns will be ignored."""
        database_path = self.window.repository.database.path
        if self.busy():
            self.window.show_message("An import or export is already running.")
            return None
        try:
            # Reads only the header: cheap enough for the GUI thread, and it
            # lets the user cancel before anything starts.
            layout = inspect_csv(path)
        except HeroError as error:
            self._failed(error)
            return None
        if layout.ignored:
            go_on = self.window.prompts.confirm(
                "Import CSV", f"{layout.ignored_sentence()} Import?"
            )
            self.window.activateWindow()
            self.window.table.setFocus()
            if not go_on:
                self.window.show_message(f"Cancelled: nothing was imported from {Path(path).name}.")
                return None

        def work(progress: Progress) -> ImportResult:
            database = open_database(database_path)
            try:
                return import_csv(database, path, progress, layout=layout)
            finally:
                database.close()

        return self._start(f"Importing {Path(path).name}", work, self._imported)

    def export_file(self, path: str) -> BackgroundTask | None:
        database_path = self.window.repository.database.path
        query: HeroQuery = self.window.model.query

        def work(progress: Progress) -> int:
            database = open_database(database_path, read_only=True)
            try:
                return export_csv(HeroRepository(database), query, path, progress)
            finally:
                database.close()

        return self._start(f"Exporting to {Path(path).name}", work, self._exported)

    def busy(self) -> bool:
        return self.task is not None and self.task.is_running()

    def cancel_and_wait(self) -> None:
        """On close: an unfinished import is rolled back (it was never confirmed)."""
        if self.task is not None:
            self.task.cancelled.set()
            self.task.wait()

    def _start(self, title: str, work: object, done: object) -> BackgroundTask | None:
        if self.busy():
            self.window.show_message("An import or export is already running.")
            return None
        task = BackgroundTask(title, work, self.window)  # type: ignore[arg-type]
        task.done.connect(done)
        task.failed.connect(self._failed)
        self.task = task
        task.start()
        return task

    def _imported(self, result: object) -> None:
        assert isinstance(result, ImportResult)
        self.window.repository.refresh()
        if result.first_id is not None:
            self.window.show_hero(result.first_id)
        else:
            self.window.refresh()
        self.window.show_message(f"Imported {result.imported:,} heroes.")

    def _exported(self, rows: object) -> None:
        self.window.show_message(f"Exported {rows:,} heroes.")

    def _failed(self, error: object) -> None:
        if isinstance(error, OperationCancelledError):
            self.window.show_message("Cancelled: nothing was changed.")
        elif isinstance(error, ImportFailedError):
            self.window.show_message(error.message.split("\n", 1)[0])
            self.window.prompts.information("Import Refused", error.message)
        elif isinstance(error, HeroError):
            self.window.show_message(error.message)
        else:
            raise error if isinstance(error, BaseException) else RuntimeError(str(error))
        self.window.refresh()
