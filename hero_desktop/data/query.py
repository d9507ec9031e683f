"""What the user asked to see: the sort order and the search filters."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class SortKey(StrEnum):
    ID = "id"
    NAME = "name"
    AGE = "age"


@dataclass(frozen=True)
class AgeBounds:
    """The heroes an age filter keeps, as plain data: each store writes its own SQL for it.

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
