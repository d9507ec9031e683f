"""What the user asked to see: the sort order and the search filters."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class SortKey(StrEnum):
    ID = "id"
    NAME = "name"
    AGE = "age"


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
    def is_filtered(self) -> bool:
        return (
            bool(self.search.strip())
            or self.no_age
            or (self.age_from is not None or self.age_to is not None)
        )
