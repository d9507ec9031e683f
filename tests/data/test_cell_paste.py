"""Pasting and filling cells: every value checked first, then one transaction and one undo."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from hero_desktop.data.cell_paste import (
    CellChange,
    PasteRefused,
    cell_changes,
    check_block,
    fill_down_changes,
    new_heroes,
    skipped_count,
)
from hero_desktop.data.errors import ConflictError
from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.models import HeroRow
from hero_desktop.data.operations import EditCells

from .conftest import AddHero
from .support import raw_rows

FIELDS = ("name", "age", "secret_name")


def test_values_are_checked_by_the_typing_rules() -> None:
    block = [["Deadpond", " 30 ", "Dive Wilson"], ["Rusty-Man", "", "Tommy"]]
    assert check_block(block, FIELDS) == [
        ["Deadpond", 30, "Dive Wilson"],
        ["Rusty-Man", None, "Tommy"],
    ]


@pytest.mark.parametrize(
    ("block", "message"),
    [
        (
            [["A", "1", "x"], ["B", "2", "y"], ["C", "abc", "z"]],
            "Row 3, Age: Age must be a whole number",
        ),
        ([["A", "1", "x"], ["", "2", "y"]], "Row 2, Name: Name is required"),
        ([["A", "-3", "x"]], "Row 1, Age: Age must be between 0 and 10000"),
    ],
)
def test_one_bad_value_refuses_the_block_naming_row_and_column(
    block: list[list[str]], message: str
) -> None:
    with pytest.raises(PasteRefused, match=f"^{message}. Nothing was pasted.$"):
        check_block(block, FIELDS)


def test_rows_are_counted_from_where_the_block_starts() -> None:
    with pytest.raises(PasteRefused, match=r"^Row 2, Age"):
        check_block([["A", "x", "s"]], FIELDS, first_row=2)


def test_a_block_wider_than_the_columns_shown_is_refused() -> None:
    with pytest.raises(PasteRefused, match="4 columns wide, but only 3 columns are shown"):
        check_block([["1", "A", "2", "x"]], FIELDS)


def test_a_column_on_the_id_is_skipped_and_counted() -> None:
    fields = (None, "name")
    block = [["7", "Deadpond"], ["", "Rusty"]]
    assert check_block(block, fields) == [[None, "Deadpond"], [None, "Rusty"]]
    assert skipped_count(block, fields) == 1
    heroes = [HeroRow(1, "A", None, "s"), HeroRow(2, "B", 3, "t")]
    assert cell_changes(check_block(block, fields), fields, heroes) == [
        CellChange(1, "name", "A", "Deadpond"),
        CellChange(2, "name", "B", "Rusty"),
    ]


def test_new_heroes_need_a_name_and_a_secret_name() -> None:
    assert new_heroes([["A", None, "s"]], FIELDS)[0].secret_name == "s"
    with pytest.raises(PasteRefused, match=r"^Row 4, Secret name: Secret name is required"):
        new_heroes([["A", 3]], ("name", "age"), first_row=4)


def test_fill_down_takes_each_columns_first_value() -> None:
    heroes = [HeroRow(1, "A", 1, "s"), HeroRow(2, "B", 2, "t"), HeroRow(3, "C", None, "u")]
    assert fill_down_changes([("age", heroes), ("name", heroes[:1])]) == [
        CellChange(2, "age", 2, 1),
        CellChange(3, "age", None, 1),
    ]


def three_heroes(add: AddHero) -> list[HeroRow]:
    return [
        add("Deadpond", 30, "Dive"),
        add("Spider-Boy", None, "Pedro"),
        add("Rusty", 48, "Tommy"),
    ]


def test_edit_cells_writes_every_cell_in_one_step_and_undo_restores(
    add: AddHero, repo: HeroRepository, db_path: Path
) -> None:
    a, b, _ = three_heroes(add)
    values = check_block([["Ann", "1"], ["Bob", "2"]], ("name", "age"))
    operation = EditCells("Paste", tuple(cell_changes(values, ("name", "age"), [a, b])))
    assert operation.label == "Paste 4 Cells"
    summary = operation.apply(repo, force=False)
    assert summary.changed == (1, 2)
    assert raw_rows(db_path) == [
        (1, "Ann", 1, "Dive"),
        (2, "Bob", 2, "Pedro"),
        (3, "Rusty", 48, "Tommy"),
    ]
    operation.revert(repo, force=False)
    assert raw_rows(db_path) == [
        (1, "Deadpond", 30, "Dive"),
        (2, "Spider-Boy", None, "Pedro"),
        (3, "Rusty", 48, "Tommy"),
    ]
    operation.apply(repo, force=False)  # redo
    assert raw_rows(db_path)[1] == (2, "Bob", 2, "Pedro")


def test_a_cell_changed_elsewhere_writes_nothing_unless_forced(
    add: AddHero, repo: HeroRepository, db_path: Path
) -> None:
    a, b, _ = three_heroes(add)
    from hero_desktop.data.models import validate_update

    repo.update(b.id, validate_update({"age": 99}))
    operation = EditCells(
        "Paste", (CellChange(a.id, "age", 30, 5), CellChange(b.id, "age", None, 6))
    )
    with pytest.raises(ConflictError) as raised:
        operation.apply(repo, force=False)
    assert raised.value.hero_id == b.id
    assert [row[2] for row in raw_rows(db_path)] == [30, 99, 48]
    operation.apply(repo, force=True)
    assert [row[2] for row in raw_rows(db_path)] == [5, 6, 48]


def test_new_heroes_are_added_with_the_cells_and_undo_removes_them(
    add: AddHero, repo: HeroRepository, db_path: Path
) -> None:
    a, _, _ = three_heroes(add)
    created = tuple(new_heroes([["New", 3, "N"], ["Newer", None, "M"]], FIELDS))
    operation = EditCells("Paste", (CellChange(a.id, "name", "Deadpond", "Dee"),), created)
    assert operation.label == "Paste 1 Cell and 2 New Heroes"
    summary = operation.apply(repo, force=False)
    assert summary.added == (4, 5)
    assert raw_rows(db_path)[0][1] == "Dee"
    assert raw_rows(db_path)[3:] == [(4, "New", 3, "N"), (5, "Newer", None, "M")]
    operation.revert(repo, force=False)
    assert len(raw_rows(db_path)) == 3
    assert raw_rows(db_path)[0][1] == "Deadpond"
    with sqlite3.connect(db_path) as other:  # another program adds hero 10
        other.execute("INSERT INTO hero VALUES (10, 'Other', NULL, 'O')")
    operation.apply(repo, force=False)  # redo brings them back with their ids
    assert [row[0] for row in raw_rows(db_path)] == [1, 2, 3, 4, 5, 10]


def test_a_failing_cell_rolls_back_the_cells_before_it(
    add: AddHero, repo: HeroRepository, db_path: Path
) -> None:
    a, _, _ = three_heroes(add)
    operation = EditCells("Fill", (CellChange(a.id, "age", 30, 1), CellChange(77, "age", None, 1)))
    with pytest.raises(Exception, match="Hero not found"):
        operation.apply(repo, force=False)
    assert raw_rows(db_path)[0][2] == 30
