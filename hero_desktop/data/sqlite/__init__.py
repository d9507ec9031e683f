"""The SQLite store: the one place that imports ``sqlite3`` and writes SQL.

Everything particular to SQLite (pragmas, the write lock, change detection
through ``PRAGMA data_version``, the name index, the name cache of a file
opened as found, page checkpoints, the fast bulk insert) lives in this
package. The repository talks to it only through the ``HeroStore`` protocol
of ``hero_desktop.data.store``.
"""
