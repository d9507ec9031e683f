"""The FastAPI tutorial's hero model and query style: peer 1 of the benchmarks.

The model is declared in a registry of its own, so that it does not clash
with Hero Desktop's ``Hero`` in SQLModel's global metadata.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func
from sqlalchemy.orm import registry
from sqlmodel import Field, Session, SQLModel, col, create_engine, select


class _Base(SQLModel, registry=registry()):
    pass


class TutorialHero(_Base, table=True):
    """``class Hero(HeroBase, table=True)`` from the tutorial, field for field."""

    __tablename__ = "hero"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True)
    age: int | None = Field(default=None, index=True)
    secret_name: str


def engine_for(path: Path) -> Engine:
    """The tutorial's engine: ``sqlite:///file`` with ``check_same_thread`` off."""
    return create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})


def _order(sort: str, descending: bool) -> list[Any]:
    columns = (
        [col(TutorialHero.id)]
        if sort == "id"
        else [col(getattr(TutorialHero, sort)), col(TutorialHero.id)]
    )
    return [c.desc() for c in columns] if descending else columns


def page(
    engine: Engine, sort: str, offset: int, limit: int = 100, descending: bool = False
) -> list[TutorialHero]:
    """``read_heroes``: a Session running select(Hero).order_by(...).offset().limit()."""
    with Session(engine) as session:
        statement = select(TutorialHero).order_by(*_order(sort, descending))
        return list(session.exec(statement.offset(offset).limit(limit)).all())


def count(engine: Engine) -> int:
    with Session(engine) as session:
        return int(session.exec(select(func.count()).select_from(TutorialHero)).one())


def search(engine: Engine, needle: str, limit: int = 100) -> tuple[int, list[TutorialHero]]:
    """A name search in the tutorial's style: ``contains`` (LIKE), a count and a first page."""
    condition = col(TutorialHero.name).icontains(needle)
    with Session(engine) as session:
        total = session.exec(select(func.count()).select_from(TutorialHero).where(condition)).one()
        rows = session.exec(
            select(TutorialHero).where(condition).order_by(col(TutorialHero.id)).limit(limit)
        ).all()
        return int(total), list(rows)
