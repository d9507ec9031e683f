"""Small programs the benchmarks start in a process of their own.

``python -m benchmarks.probe open hero|bare|qsql DATABASE SETTINGS.ini``
shows a window and prints ``PAINTED`` once its table has been painted with
its first page (an empty table for ``bare``). With ``--stay`` it then keeps
running, for the idle-CPU figure.

``python -m benchmarks.probe memory hero|tutorial|qsql|raw DATABASE next|jumps PAGES``
prints the growth of the resident set, in bytes, after visiting PAGES pages.

Imports happen inside each branch, so that the bare window pays only for
PySide6, as a bare window would.
"""

from __future__ import annotations

import gc
import os
import random
import sys

PAGE = 100


def rss_bytes() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def _open(kind: str, database: str, settings_path: str, stay: bool) -> int:
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtGui import QPaintEvent
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    said: list[bool] = []

    def painted() -> None:
        if not said:
            said.append(True)
            print("PAINTED", flush=True)
        if not stay:
            os._exit(0)

    app = QApplication(sys.argv[:1])
    if kind == "hero":
        from hero_desktop.app import create_main_window

        settings = QSettings(settings_path, QSettings.Format.IniFormat)
        window: QMainWindow = create_main_window(database, settings=settings)
        table = window.table  # type: ignore[attr-defined]

        def rows_painted() -> None:  # (after_next_paint calls it on the turn after a paint)
            if table.model().rowCount():
                painted()
            else:
                table.after_next_paint(rows_painted)

        table.after_next_paint(rows_painted)
    else:
        # Told of its paints by its own paintEvent: asking a view for its viewport()
        # costs PySide about 8 ms the first time, which a bare program never pays.
        class Table(QTableView):
            def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
                super().paintEvent(event)
                model = self.model()
                if kind == "bare" or (model is not None and model.rowCount() > 0):
                    QTimer.singleShot(0, painted)  # after this paint has been drawn

        window = QMainWindow()
        table = Table()
        if kind == "qsql":
            from PySide6.QtSql import QSqlDatabase, QSqlTableModel

            connection = QSqlDatabase.addDatabase("QSQLITE")
            connection.setDatabaseName(database)
            connection.open()
            model = QSqlTableModel(window, connection)
            model.setTable("hero")
            model.select()
            table.setModel(model)
        window.setCentralWidget(table)
        window.resize(820, 560)

    window.show()
    return app.exec()


def _memory(kind: str, database: str, pattern: str, pages: int) -> int:
    from pathlib import Path

    warm_up = 20
    app: object = None  # a Qt application, for the kinds that need one
    total_pages = pages + warm_up
    rng = random.Random(11)
    if pattern == "next":
        order = list(range(total_pages))
    else:
        order = list(range(warm_up)) + [rng.randrange(10_000_000) for _ in range(pages)]

    if kind == "hero":
        from PySide6.QtCore import QCoreApplication

        from benchmarks.window_model import WindowModel as HeroTableModel
        from hero_desktop.data.heroes import HeroRepository
        from hero_desktop.data.query import HeroQuery, SortKey
        from hero_desktop.data.sqlite.database import open_database

        app = QCoreApplication(sys.argv[:1])
        model = HeroTableModel(HeroRepository(open_database(database)), PAGE)
        model.load(query=HeroQuery(sort=SortKey.NAME), page=0)
        count = model.page_count

        def visit(page: int) -> None:
            model.load(page=page % count)
            for row in range(model.rowCount()):
                for column in range(model.columnCount()):
                    model.index(row, column).data()

    elif kind == "tutorial":
        from benchmarks import tutorial

        engine = tutorial.engine_for(Path(database))
        count = -(-tutorial.count(engine) // PAGE)

        def visit(page: int) -> None:
            tutorial.page(engine, "name", (page % count) * PAGE)

    elif kind == "raw":
        from benchmarks import floor

        connection = floor.connect(Path(database))
        count = -(-int(connection.execute("SELECT count(*) FROM hero").fetchone()[0]) // PAGE)
        keys: dict[int, object] = {}

        def visit(page: int) -> None:
            page %= count
            key = keys.get(page) if pattern == "next" else None
            if key is None and page:
                key = floor.key_before(connection, "name", page * PAGE)
            rows = floor.page_after(connection, "name", key)  # type: ignore[arg-type]
            if rows:
                keys[page + 1] = (rows[-1][1], rows[-1][0])

    else:
        from PySide6.QtCore import QCoreApplication

        from benchmarks import qsql

        app = QCoreApplication(sys.argv[:1])
        table = qsql.table_model(qsql.connect(Path(database)), "name")
        if pattern == "jumps":
            # Reaching rows spread over the whole table means reaching the end.
            order = [*range(warm_up), 10_000_000]

        def visit(page: int) -> None:
            qsql.fetch_until(table, (page + 1) * PAGE)
            start = min(page * PAGE, max(table.rowCount() - PAGE, 0))
            qsql.read_ids(table, start, PAGE)

    for page in order[:warm_up]:
        visit(page)
    gc.collect()
    before = rss_bytes()
    for page in order[warm_up:]:
        visit(page)
    gc.collect()
    grown = rss_bytes() - before
    del app
    return grown


def main(argv: list[str]) -> int:
    if argv[0] == "open":
        return _open(argv[1], argv[2], argv[3], "--stay" in argv)
    if argv[0] == "memory":
        print(_memory(argv[1], argv[2], argv[3], int(argv[4])), flush=True)
        return 0
    raise SystemExit(__doc__)


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.exit(main(sys.argv[1:]))
