"""The window's remembered settings as typed values with defaults (over QSettings).

Secret names are deliberately not among them: they are masked at every
launch and for every file opened (the tutorial's HeroPublic promise).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from hero_desktop.data.location import ServerAddress, parse_location
from hero_desktop.data.query import HeroQuery, SortKey

RECENT_KEPT = 8
PAGE_SIZES = (25, 50, 100)


class WindowSettings:
    def __init__(self, settings: QSettings) -> None:
        self.store = settings

    @property
    def page_size(self) -> int:
        size = _int(self.store.value("page_size", 100), 100)
        return size if size in PAGE_SIZES else 100

    @page_size.setter
    def page_size(self, size: int) -> None:
        self.store.setValue("page_size", size)

    @property
    def sort(self) -> HeroQuery:
        try:
            key = SortKey(str(self.store.value("sort", SortKey.ID.value)))
        except ValueError:
            key = SortKey.ID
        return HeroQuery(sort=key, descending=_bool(self.store.value("descending", False)))

    @sort.setter
    def sort(self, query: HeroQuery) -> None:
        self.store.setValue("sort", query.sort.value)
        self.store.setValue("descending", query.descending)

    @property
    def table_text_offset(self) -> int:
        """The table's text size, in points above (or below) the desktop's."""
        return _int(self.store.value("table_text_offset", 0), 0)

    @table_text_offset.setter
    def table_text_offset(self, points: int) -> None:
        self.store.setValue("table_text_offset", points)

    def bytes_value(self, key: str) -> QByteArray | None:
        value = self.store.value(key)
        return value if isinstance(value, QByteArray) else None

    def recent_files(self) -> list[str]:
        return recent_files(self.store)

    def remember_recent(self, path: str) -> None:
        remember_recent(self.store, path)

    def last_server(self) -> ServerAddress | None:
        """The server opened last (from the recent list, whose URLs hold no password)."""
        for key in self.recent_files():
            try:
                location = parse_location(key)
            except ValueError:
                continue
            if isinstance(location, ServerAddress):
                return location
        return None

    def folder(self, kind: str) -> str:
        """The folder a file dialog for ``kind`` ("database", "csv") last chose from ("")."""
        return str(self.store.value(f"folders/{kind}", ""))

    def remember_folder(self, kind: str, folder: str) -> None:
        self.store.setValue(f"folders/{kind}", folder)

    def sync(self) -> None:
        self.store.sync()


def recent_files(settings: QSettings) -> list[str]:
    value = settings.value("recent_files", [])
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [str(item) for item in value]
    return []


def remember_recent(settings: QSettings, path: str) -> None:
    files = [path, *(item for item in recent_files(settings) if item != path)]
    settings.setValue("recent_files", files[:RECENT_KEPT])


def _int(value: object, default: int) -> int:
    try:
        return int(str(value))
    except ValueError:
        return default


def _bool(value: object) -> bool:
    return value is True or str(value).lower() in ("true", "1")
