"""Heroes as plain values, and the limits of valid input: what the window needs to start.

Nothing here imports pydantic, SQLModel or SQLAlchemy, so the window can show
its first page without loading them (they cost about half a second). The
validating models live in ``models.py``, which uses these limits.
"""

from __future__ import annotations

from typing import NamedTuple

MAX_TEXT_LENGTH = 255
MIN_AGE = 0
MAX_AGE = 10_000

FIELD_LABELS = {"name": "Name", "age": "Age", "secret_name": "Secret name"}


class HeroRow(NamedTuple):
    """One hero as read from the file, cheap enough to build 100 at a time."""

    id: int
    name: str
    age: int | None
    secret_name: str
