"""Benchmarks for Hero Desktop at a million heroes, beside the peers it replaces.

Run ``python -m benchmarks`` (``--help`` for options). Each figure is a
median over repeated runs, printed beside the same work done by the FastAPI
tutorial's query style (a SQLModel ``Session`` with ``offset``/``limit``),
Qt's ``QSqlTableModel``, and raw ``sqlite3`` with the best query (the floor).
Nothing here runs in the test suite: timings belong in a benchmark, not in
timed tests.
"""
