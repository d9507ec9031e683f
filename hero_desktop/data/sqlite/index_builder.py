"""Adding the name structures to a file, with the user's consent, in the background.

``add_name_index`` (defined beside the store, in database.py, which the
store's ``build_name_index`` calls) runs in a worker thread with its own
connection (SQLite connections stay in their thread). It first switches the
file to WAL mode, so the window's connection keeps reading while the build
holds the write lock, then builds everything in one transaction: Cancel
(``progress`` returning False) or a crash leaves the file with no name
structures at all.
"""

from __future__ import annotations

from hero_desktop.data.sqlite import name_index
from hero_desktop.data.sqlite.database import add_name_index

Progress = name_index.Progress

__all__ = ["Progress", "add_name_index"]
