"""The FastAPI tutorial's Heroes app, written once for every test that needs it.

It is the "SQL (Relational) Databases" chapter's app with its multiple models
(tutorial002): ``Hero`` is the table, ``HeroCreate``/``HeroUpdate``/
``HeroPublic`` what the endpoints take and give. The models live in their
own SQLModel registry: Hero Desktop's own ``Hero`` is already in SQLModel's
default metadata ("Table 'hero' is already defined" otherwise).

``Tutorial001Hero`` is the chapter's first, single model (``id`` first), for
files made the way tutorial001 makes them.

``tutorial_app(engine)`` serves it on a SQLAlchemy engine (use it with
FastAPI's TestClient). No ``from __future__ import annotations``: FastAPI
reads the endpoint annotations at runtime.
"""

from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Query, Request
from sqlalchemy import Engine
from sqlalchemy.orm import registry
from sqlmodel import Field, Session, SQLModel, create_engine, select


class Base(SQLModel, registry=registry()):
    pass


class HeroBase(Base):
    name: str = Field(index=True)
    age: int | None = Field(default=None, index=True)


class Hero(HeroBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    secret_name: str


class HeroPublic(HeroBase):
    id: int


class HeroCreate(HeroBase):
    secret_name: str


class HeroUpdate(HeroBase):
    name: str | None = None  # type: ignore[assignment]
    age: int | None = None
    secret_name: str | None = None


class Tutorial001Base(SQLModel, registry=registry()):
    pass


class Tutorial001Hero(Tutorial001Base, table=True):
    """tutorial001's single model: the schema the issue names, column for column."""

    __tablename__ = "hero"
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True)
    age: int | None = Field(default=None, index=True)
    secret_name: str


def get_session(request: Request) -> Iterator[Session]:
    with Session(request.app.state.engine) as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]
heroes = APIRouter()


@heroes.post("/heroes/", response_model=HeroPublic)
def create_hero(hero: HeroCreate, session: SessionDep) -> Hero:
    db_hero = Hero.model_validate(hero)
    session.add(db_hero)
    session.commit()
    session.refresh(db_hero)
    return db_hero


@heroes.get("/heroes/", response_model=list[HeroPublic])
def read_heroes(
    session: SessionDep, offset: int = 0, limit: Annotated[int, Query(le=100)] = 100
) -> Any:
    return session.exec(select(Hero).offset(offset).limit(limit)).all()


@heroes.get("/heroes/{hero_id}", response_model=HeroPublic)
def read_hero(hero_id: int, session: SessionDep) -> Hero:
    hero = session.get(Hero, hero_id)
    if not hero:
        raise HTTPException(status_code=404, detail="Hero not found")
    return hero


@heroes.patch("/heroes/{hero_id}", response_model=HeroPublic)
def update_hero(hero_id: int, hero: HeroUpdate, session: SessionDep) -> Hero:
    hero_db = session.get(Hero, hero_id)
    if not hero_db:
        raise HTTPException(status_code=404, detail="Hero not found")
    hero_db.sqlmodel_update(hero.model_dump(exclude_unset=True))
    session.add(hero_db)
    session.commit()
    session.refresh(hero_db)
    return hero_db


@heroes.delete("/heroes/{hero_id}")
def delete_hero(hero_id: int, session: SessionDep) -> dict[str, bool]:
    hero = session.get(Hero, hero_id)
    if not hero:
        raise HTTPException(status_code=404, detail="Hero not found")
    session.delete(hero)
    session.commit()
    return {"ok": True}


def tutorial_engine(path: Path) -> Engine:
    return create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})


def tutorial_app(engine: Engine) -> FastAPI:
    """The tutorial's app on ``engine`` (the tables are not created: the file has them)."""
    app = FastAPI()
    app.include_router(heroes)
    app.state.engine = engine
    return app
