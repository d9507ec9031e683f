"""A stateful test: any sequence of add / edit / delete / undo / redo / page
agrees with a plain Python model of the roster (a dict of id -> hero).

Undo of a delete is ``restore`` (same id; refused when the id was taken
meanwhile, which SQLite does when the freed id was the highest); redo of it
deletes again.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from hero_desktop.data import names as rules
from hero_desktop.data.errors import HeroIdTakenError, HeroNotFoundError, InvalidHeroError
from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.models import HeroRow, validate_create, validate_update
from hero_desktop.data.query import HeroQuery, SortKey
from hero_desktop.data.sqlite.database import open_database

names = st.text(st.sampled_from("abAB ßü%_'"), min_size=0, max_size=6)
ages = st.one_of(st.none(), st.integers(min_value=-2, max_value=12), st.sampled_from(["", "x"]))

QUERIES = [
    HeroQuery(),
    HeroQuery(sort=SortKey.NAME, descending=True),
    HeroQuery(sort=SortKey.AGE),
    HeroQuery(sort=SortKey.AGE, descending=True, search="a"),
]


def ordered(heroes: list[HeroRow], query: HeroQuery) -> list[HeroRow]:
    shown = [hero for hero in heroes if rules.matches(hero.name, query.search.strip())]
    if query.sort is SortKey.NAME:
        shown.sort(key=lambda hero: (rules.sort_key(hero.name), hero.id))
    elif query.sort is SortKey.AGE:
        shown.sort(key=lambda hero: (hero.age is not None, hero.age or 0, hero.id))
    else:
        shown.sort(key=lambda hero: hero.id)
    return shown[::-1] if query.descending else shown


class Roster(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="roster-"))
        self.database = open_database(self.folder / "database.db")
        self.repo = HeroRepository(self.database)
        self.model: dict[int, HeroRow] = {}
        self.undo: list[HeroRow] = []  # deleted heroes, most recent last
        self.redo: list[HeroRow] = []  # restored heroes that redo would delete again

    def teardown(self) -> None:
        self.database.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def pick(self, data: st.DataObject) -> int:
        return data.draw(st.sampled_from(sorted(self.model)), label="hero id")

    @rule(name=names, age=ages, secret=names)
    def add(self, name: str, age: object, secret: str) -> None:
        try:
            values = validate_create({"name": name, "age": age, "secret_name": secret})
        except InvalidHeroError:
            return
        hero = self.repo.create(values)
        assert hero.id not in self.model
        self.model[hero.id] = hero
        self.redo.clear()

    @precondition(lambda self: self.model)
    @rule(data=st.data(), field=st.sampled_from(["name", "age", "secret_name"]))
    def edit(self, data: st.DataObject, field: str) -> None:
        hero_id = self.pick(data)
        value = data.draw(ages if field == "age" else names, label="value")
        try:
            changes = validate_update({field: value})
        except InvalidHeroError:
            return
        self.model[hero_id] = self.repo.update(hero_id, changes)

    @precondition(lambda self: self.model)
    @rule(data=st.data())
    def delete(self, data: st.DataObject) -> None:
        hero_id = self.pick(data)
        self.undo.append(self.repo.delete(hero_id))
        del self.model[hero_id]
        self.redo.clear()

    @rule(hero_id=st.integers(min_value=1, max_value=60))
    def delete_unknown(self, hero_id: int) -> None:
        if hero_id in self.model:
            return
        try:
            self.repo.delete(hero_id)
        except HeroNotFoundError:
            return
        raise AssertionError("deleting an unknown hero must say Hero not found")

    @precondition(lambda self: self.undo)
    @rule()
    def undo_delete(self) -> None:
        hero = self.undo.pop()
        if hero.id in self.model:
            try:
                self.repo.restore(hero)
            except HeroIdTakenError:
                return
            raise AssertionError("restore overwrote a hero")
        self.model[hero.id] = self.repo.restore(hero)
        self.redo.append(hero)

    @precondition(lambda self: self.redo)
    @rule()
    def redo_delete(self) -> None:
        hero = self.redo.pop()
        if self.model.get(hero.id) != hero:
            return
        self.undo.append(self.repo.delete(hero.id, expected=hero))
        del self.model[hero.id]

    @invariant()
    def count_matches(self) -> None:
        assert self.repo.count() == len(self.model)

    @invariant()
    def every_page_matches(self) -> None:
        heroes = list(self.model.values())
        for query in QUERIES:
            shown: list[HeroRow] = []
            offset = 0
            while page := self.repo.page(query, offset=offset, limit=7):
                shown.extend(page)
                offset += len(page)
            assert shown == ordered(heroes, query)


Roster.TestCase.settings = settings(max_examples=50, stateful_step_count=30, deadline=None)
TestRoster = Roster.TestCase
