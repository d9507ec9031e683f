"""What the user asked to see: the sort order and the search filters."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class SortKey(StrEnum):
    ID = "id"
    NAME = "name"
    AGE = "age"


@dataclass(frozen=True)
class AgeBounds:
    """The heroes an age filter keeps, as plain data, and as SQL conditions (``conditions``).

    ``no_age``: only heroes without an age. Otherwise heroes with an age from
    ``minimum`` to ``maximum`` (both included; None leaves that side open).
    Neither: every hero.
    """

    no_age: bool = False
    minimum: int | None = None
    maximum: int | None = None

    @property
    def active(self) -> bool:
        """True when some heroes are left out."""
        return self.no_age or self.minimum is not None or self.maximum is not None

    def conditions(self, mark: str) -> tuple[list[str], list[Any]]:
        """The filter as SQL conditions on ``h.age`` and their parameters, with ``mark``
        the driver's placeholder ("?" for sqlite3, "%s" for psycopg)."""
        if self.no_age:
            return ["h.age IS NULL"], []
        bounds = [(">=", self.minimum), ("<=", self.maximum)]
        kept = [(sign, value) for sign, value in bounds if value is not None]
        return [f"h.age {sign} {mark}" for sign, _ in kept], [value for _, value in kept]


@dataclass(frozen=True)
class HeroQuery:
    """A sort order and filters; the default is every hero by id."""

    sort: SortKey = SortKey.ID
    descending: bool = False
    search: str = ""
    age_from: int | None = None
    age_to: int | None = None
    no_age: bool = False

    @property
    def age_bounds(self) -> AgeBounds:
        """The age filter as data (``no_age`` wins over the bounds)."""
        if self.no_age:
            return AgeBounds(no_age=True)
        return AgeBounds(minimum=self.age_from, maximum=self.age_to)

    @property
    def is_filtered(self) -> bool:
        return bool(self.search.strip()) or self.age_bounds.active
