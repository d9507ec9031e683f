"""Where pasted and filled values go, checked before anything is written.

A block of copied cells lands on the columns shown from the current one
rightwards (``fields``: the hero field of each block column, None for a
column that is never written, the id), and on the heroes from the current
one downwards. Every value is checked by the rules typing uses
(``fields.clean_name``, ``clean_age``, ``clean_secret_name``) before any
change is made: one refused value refuses the whole block, and the message
names its row (in the copied cells, from 1) and its column.

Pure functions of values: the window reads the clipboard and the heroes, the
operation (``operations.EditCells``) writes what these return.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from hero_desktop.data.fields import clean_age, clean_name, clean_secret_name
from hero_desktop.data.models import HeroCreate
from hero_desktop.data.rows import HeroRow, field_label
from hero_desktop.data.words import Words, number


class CellPasteWords(Words):
    """The translation context of the refusals of a paste or a fill."""


CLEANERS: dict[str, Callable[[object], object]] = {
    "name": clean_name,
    "age": clean_age,
    "secret_name": clean_secret_name,
}
REQUIRED = ("name", "secret_name")


class CellChange(NamedTuple):
    """One cell to write: the hero, the field, the value shown before, the new value."""

    hero_id: int
    field: str
    before: object
    after: object


class PasteRefused(Exception):  # noqa: N818 - it is a refusal, said to the user as it is
    """Why nothing was pasted, in words for the user."""


Fields = Sequence[str | None]


def checked_value(field: str, text: str) -> object:
    """``text`` as ``field`` stores it, or ValueError with the rule's message."""
    return CLEANERS[field](text)


def check_block(
    block: Sequence[Sequence[str]], fields: Fields, first_row: int = 1
) -> list[list[object]]:
    """Every value of ``block`` checked for its column; None where the column is not written.

    ``first_row`` is the number of the block's first row as the user counts
    the copied cells (2 after a header row).
    """
    width = max((len(row) for row in block), default=0)
    if width > len(fields):
        raise PasteRefused(_too_wide(width, len(fields)))
    checked: list[list[object]] = []
    for row_number, row in enumerate(block, start=first_row):
        values: list[object] = []
        for field, text in zip(fields, row, strict=False):
            if field is None:
                values.append(None)
                continue
            try:
                values.append(checked_value(field, text))
            except ValueError as error:
                raise PasteRefused(_refusal(row_number, field, str(error))) from None
        checked.append(values)
    return checked


def skipped_count(block: Sequence[Sequence[str]], fields: Fields) -> int:
    """How many non-empty copied values land on a column that is never written (the id)."""
    return sum(
        1
        for row in block
        for field, text in zip(fields, row, strict=False)
        if field is None and text.strip()
    )


def cell_changes(
    values: Sequence[Sequence[object]], fields: Fields, heroes: Sequence[HeroRow]
) -> list[CellChange]:
    """The cells the first ``len(heroes)`` rows of checked ``values`` change, hero by hero."""
    changes: list[CellChange] = []
    for hero, row in zip(heroes, values, strict=False):
        for field, value in zip(fields, row, strict=False):
            if field is not None:
                changes.append(CellChange(hero.id, field, getattr(hero, field), value))
    return changes


def new_heroes(
    values: Sequence[Sequence[object]], fields: Fields, first_row: int = 1
) -> list[HeroCreate]:
    """Checked ``values`` as new heroes; a row without a name or secret name is refused."""
    heroes: list[HeroCreate] = []
    for row_number, row in enumerate(values, start=first_row):
        given: dict[str, Any] = {f: v for f, v in zip(fields, row, strict=False) if f}
        for field in REQUIRED:
            if given.get(field) is None:
                raise PasteRefused(_refusal(row_number, field, _required_for_new(field)))
        # Checked above by the same rules: built without validating again.
        heroes.append(HeroCreate.model_construct(**{"age": None, **given}))
    return heroes


def fill_changes(cells: Sequence[tuple[HeroRow, str]], value: object) -> list[CellChange]:
    """One checked value into every (hero, field) cell."""
    return [CellChange(hero.id, field, getattr(hero, field), value) for hero, field in cells]


def fill_down_changes(columns: Sequence[tuple[str, Sequence[HeroRow]]]) -> list[CellChange]:
    """Each column's first hero's value into the heroes below it, as spreadsheets fill down."""
    changes: list[CellChange] = []
    for field, heroes in columns:
        if len(heroes) < 2:
            continue
        value = getattr(heroes[0], field)
        changes.extend(CellChange(h.id, field, getattr(h, field), value) for h in heroes[1:])
    return changes


def _refusal(row: int, field: str, message: str) -> str:
    return CellPasteWords.tr("Row {row}, {column}: {reason}. Nothing was pasted.").format(
        row=number(row), column=field_label(field), reason=message
    )


def _required_for_new(field: str) -> str:
    if field == "name":
        return CellPasteWords.tr("Name is required for a new hero")
    return CellPasteWords.tr("Secret name is required for a new hero")


def _too_wide(width: int, shown: int) -> str:
    """Why a block wider than the columns shown from the current one is refused."""
    if shown == 1:
        # A sentence of its own: the English plural rule of words.english only drops
        # "(s)", and this one's verb changes too ("is shown", "are shown").
        return CellPasteWords.tr(
            "The copied cells are {width} columns wide, but only 1 column is shown "
            "from the current one. Nothing was pasted."
        ).format(width=number(width))
    return CellPasteWords.tr(
        "The copied cells are {width} columns wide, but only %Ln column(s) are shown "
        "from the current one. Nothing was pasted.",
        "",
        shown,
    ).format(width=number(width))
