"""Qt's own answer to a big table, peer 2: QSqlTableModel with fetchMore.

QSqlTableModel knows no row count for SQLite and cannot seek: to show row
``r`` it fetches every row before it (256 at a time, kept in memory).
"""

from __future__ import annotations

import itertools
from pathlib import Path

from PySide6.QtSql import QSqlDatabase, QSqlTableModel

_names = itertools.count()
SORT_COLUMNS = {"id": 0, "name": 1, "age": 2}


def connect(path: Path) -> QSqlDatabase:
    database = QSqlDatabase.addDatabase("QSQLITE", f"bench-{next(_names)}")
    database.setDatabaseName(str(path))
    if not database.open():
        raise RuntimeError(database.lastError().text())
    return database


def table_model(database: QSqlDatabase, sort: str, where: str = "") -> QSqlTableModel:
    """A selected QSqlTableModel on ``hero`` (its first rows fetched, as a view would)."""
    from PySide6.QtCore import Qt

    model = QSqlTableModel(None, database)
    model.setTable("hero")
    model.setSort(SORT_COLUMNS[sort], Qt.SortOrder.AscendingOrder)
    if where:
        model.setFilter(where)
    model.setEditStrategy(QSqlTableModel.EditStrategy.OnManualSubmit)
    if not model.select():
        raise RuntimeError(model.lastError().text())
    return model


def fetch_until(model: QSqlTableModel, rows: int) -> None:
    """fetchMore until ``rows`` rows are loaded, or all of them if fewer."""
    while model.rowCount() < rows and model.canFetchMore():
        model.fetchMore()


def fetch_all(model: QSqlTableModel) -> int:
    while model.canFetchMore():
        model.fetchMore()
    return model.rowCount()


def read_ids(model: QSqlTableModel, start: int, count: int) -> list[int]:
    """Read every column of rows start..start+count, as a view painting them would."""
    ids: list[int] = []
    for row in range(start, min(start + count, model.rowCount())):
        record = model.record(row)
        ids.append(int(record.value(0)))
        record.value(1), record.value(2), record.value(3)
    return ids


def page(model: QSqlTableModel, offset: int, limit: int = 100) -> list[int]:
    fetch_until(model, offset + limit)
    return read_ids(model, offset, limit)
