"""The hero table model on its own: Qt's model checks, and the PySide6 None refcount pitfall."""

# pytest-qt's ModelTester.check is untyped.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.query import HeroQuery, SortKey
from hero_desktop.data.sqlite.database import open_database
from hero_desktop.data.views import PageRequest, read_page
from hero_desktop.ui.hero_table_model import HeroTableModel

from .support import TUTORIAL_HEROES, numbered_heroes, write_heroes


@pytest.fixture
def repository(db_path: Path) -> Iterator[HeroRepository]:
    write_heroes(db_path, [*TUTORIAL_HEROES, *numbered_heroes(150)[3:]])
    database = open_database(db_path)
    yield HeroRepository(database)
    database.close()


def show(model: HeroTableModel, repository: HeroRepository, request: PageRequest) -> None:
    """What the table navigator does with the data worker's answer."""
    model.show_view(read_page(repository, request))


@pytest.fixture
def model(repository: HeroRepository) -> HeroTableModel:
    model = HeroTableModel(page_size=100)
    show(model, repository, PageRequest(HeroQuery(), 0, 100))
    return model


def test_the_model_passes_qt_model_checks(
    qtmodeltester: ModelTester, model: HeroTableModel
) -> None:
    qtmodeltester.check(model)


def test_the_model_passes_qt_model_checks_while_it_pages_sorts_and_searches(
    qtmodeltester: ModelTester, model: HeroTableModel, repository: HeroRepository
) -> None:
    qtmodeltester.check(model)

    show(model, repository, PageRequest(HeroQuery(), 1, 100))
    show(model, repository, PageRequest(HeroQuery(sort=SortKey.NAME, descending=True), 0, 100))
    show(model, repository, PageRequest(HeroQuery(search="nothing matches this"), 0, 100))
    show(model, repository, PageRequest(HeroQuery(), 0, 25))
    model.set_secrets_visible(True)
    show(model, repository, PageRequest(HeroQuery(sort=SortKey.AGE, descending=True), 0, 25))

    assert model.rowCount() == 25


def test_many_unhandled_data_calls_do_not_lose_references_to_none(
    model: HeroTableModel,
) -> None:
    # PySide6 6.12.0 on Python < 3.12 dropped a reference to None each time a
    # Python override returned None to C++; a few thousand calls aborted the
    # process ("none_dealloc"). QModelIndex.data() goes through C++ to data().
    index = model.index(0, 1)
    role = Qt.ItemDataRole.DecorationRole  # a role the model does not handle
    assert index.data(role) is None
    before = sys.getrefcount(None)

    for _ in range(20_000):
        index.data(role)

    assert sys.getrefcount(None) >= before - 100
