"""The tutorial's family of hero models, and validation of a whole hero.

``Hero`` is the table, column for column what the FastAPI tutorial's SQLModel
emits (``id, name, age, secret_name`` with ``ix_hero_name`` and
``ix_hero_age``). Table models do not validate (sqlmodel issue 52), so input
is validated through ``HeroCreate`` and ``HeroUpdate``; the dialog, the cell
editor and the repository all use these. They are built from each field's
rule in ``fields.py``, the one place the rules are written.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

from pydantic import BeforeValidator, ValidationError
from sqlmodel import Field, SQLModel

from hero_desktop.data.errors import InvalidHeroError
from hero_desktop.data.fields import (
    clean_age,
    clean_name,
    clean_row,
    clean_secret_name,
    text_refusal,
)
from hero_desktop.data.rows import HeroRow

# HeroRow lives in rows.py (the window starts without pydantic); the tests
# import it from here, beside the validation they check it against.
__all__ = [
    "Hero",
    "HeroCreate",
    "HeroRow",
    "HeroUpdate",
    "clean_age",
    "clean_name",
    "clean_row",
    "clean_secret_name",
    "validate_create",
    "validate_update",
]


HeroName = Annotated[str, BeforeValidator(clean_name)]
SecretName = Annotated[str, BeforeValidator(clean_secret_name)]
HeroAge = Annotated[int | None, BeforeValidator(clean_age)]


class Hero(SQLModel, table=True):
    """The ``hero`` table, exactly as the tutorial's app creates it."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True)
    age: int | None = Field(default=None, index=True)
    secret_name: str


class HeroCreate(SQLModel):
    name: HeroName
    age: HeroAge = None
    secret_name: SecretName


class HeroUpdate(SQLModel):
    """A partial update: only the fields that were set are written."""

    # The validators refuse an explicit None for the required texts; the
    # None default only means "not given" and is dropped by exclude_unset.
    name: Annotated[str | None, BeforeValidator(clean_name)] = None
    age: HeroAge = None
    secret_name: Annotated[str | None, BeforeValidator(clean_secret_name)] = None


def _messages(error: ValidationError) -> dict[str, str]:
    messages: dict[str, str] = {}
    for detail in error.errors():
        field = str(detail["loc"][0]) if detail["loc"] else "hero"
        text = str(detail["msg"]).removeprefix("Value error, ")
        if detail["type"] == "missing":
            text = text_refusal(field, "required") or text
        messages.setdefault(field, text)
    return messages


def validate_create(values: Mapping[str, Any]) -> HeroCreate:
    """Validate the values of a new hero, or raise InvalidHeroError."""
    try:
        return HeroCreate.model_validate(dict(values))
    except ValidationError as error:
        raise InvalidHeroError(_messages(error)) from None


def validate_update(values: Mapping[str, Any]) -> HeroUpdate:
    """Validate a partial update (only the given fields), or raise InvalidHeroError."""
    try:
        return HeroUpdate.model_validate(dict(values))
    except ValidationError as error:
        raise InvalidHeroError(_messages(error)) from None
