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

    def age_conditions(self) -> list[tuple[str, int | None]]:
        """The age filters as (operator, value) pairs: ("IS NULL", None), (">=", 10), ("<=", 40).

        Each store writes them into its SQL with its own placeholders.
        """
        if self.no_age:
            return [("IS NULL", None)]
        bounds: list[tuple[str, int | None]] = []
        if self.age_from is not None:
            bounds.append((">=", self.age_from))
        if self.age_to is not None:
            bounds.append(("<=", self.age_to))
        return bounds

    @property
    def is_filtered(self) -> bool:
        return (
            bool(self.search.strip())
            or self.no_age
            or (self.age_from is not None or self.age_to is not None)
        )
