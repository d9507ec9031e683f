"""Heroes as plain values, and the limits of valid input: what the window needs to start.

Nothing here imports pydantic, SQLModel or SQLAlchemy, so the window can show
its first page without loading them (they cost about half a second). Each
field's rule lives in ``fields.py`` and the validating models in ``models.py``;
both use these limits.
"""

from __future__ import annotations

from typing import NamedTuple

from hero_desktop.data.words import Words


class RowsWords(Words):
    """The translation context of the heroes' field names, as messages name them."""


MAX_LIMIT = 100
"""The most heroes a page holds (the tutorial's ``limit``, at most 100)."""
MAX_TEXT_LENGTH = 255
MIN_AGE = 0
MAX_AGE = 10_000


def field_label(field: str) -> str:
    """How messages name a hero field ("Secret name"), in the user's language.

    A function, not a table: a table would be filled at import time, before
    the application installs its translator. An unknown field is named as it is.
    """
    if field == "name":
        return RowsWords.tr("Name")
    if field == "age":
        return RowsWords.tr("Age")
    if field == "secret_name":
        return RowsWords.tr("Secret name")
    return field


class HeroRow(NamedTuple):
    """One hero as read from the file, cheap enough to build 100 at a time."""

    id: int
    name: str
    age: int | None
    secret_name: str
