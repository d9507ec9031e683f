"""The tutorial's family of hero models, and the one definition of valid input.

``Hero`` is the table, column for column what the FastAPI tutorial's SQLModel
emits (``id, name, age, secret_name`` with ``ix_hero_name`` and
``ix_hero_age``). Table models do not validate (sqlmodel issue 52), so input
is validated through ``HeroCreate`` and ``HeroUpdate``; the dialog, the cell
editor and the repository all use these, so the rules live here only.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping
from typing import Annotated, Any

from pydantic import BeforeValidator, ValidationError
from sqlmodel import Field, SQLModel

from hero_desktop.data.errors import InvalidHeroError
from hero_desktop.data.rows import MAX_AGE, MAX_TEXT_LENGTH, MIN_AGE, HeroRow
from hero_desktop.data.words import Words

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


class ModelsWords(Words):
    """The translation context of the input rules' messages (names, secret names, ages)."""


# Characters that may not appear in a name: C0/C1 controls (NUL, tab,
# newline...), lone surrogates (not encodable), line and paragraph separators.
_REFUSED_CATEGORIES = frozenset({"Cc", "Cs", "Zl", "Zp"})


# Characters already found allowed: a million-row import looks up each
# distinct character once, not every character of every name. Bounded.
_ALLOWED_SEEN: set[str] = set()
_ALLOWED_SEEN_LIMIT = 20_000


def _has_refused_character(text: str) -> bool:
    for char in set(text).difference(_ALLOWED_SEEN):
        if unicodedata.category(char) in _REFUSED_CATEGORIES:
            return True
        if len(_ALLOWED_SEEN) < _ALLOWED_SEEN_LIMIT:
            _ALLOWED_SEEN.add(char)
    return False


# Each refusal of a text field, a whole sentence per field and problem (a
# translation may need the field's name in another form in each). Made when a
# value is refused, never at import: the translator is installed after it.
_TEXT_REFUSALS: dict[tuple[str, str], Callable[[], str]] = {
    ("name", "required"): lambda: ModelsWords.tr("Name is required"),
    ("name", "not text"): lambda: ModelsWords.tr("Name must be text"),
    ("name", "control"): lambda: ModelsWords.tr(
        "Name must not contain control characters or line breaks"
    ),
    ("name", "too long"): lambda: ModelsWords.tr(
        "Name must be at most %Ln character(s)", "", MAX_TEXT_LENGTH
    ),
    ("secret_name", "required"): lambda: ModelsWords.tr("Secret name is required"),
    ("secret_name", "not text"): lambda: ModelsWords.tr("Secret name must be text"),
    ("secret_name", "control"): lambda: ModelsWords.tr(
        "Secret name must not contain control characters or line breaks"
    ),
    ("secret_name", "too long"): lambda: ModelsWords.tr(
        "Secret name must be at most %Ln character(s)", "", MAX_TEXT_LENGTH
    ),
}


def _text_validator(field: str) -> Callable[[object], str]:
    def refused(problem: str) -> ValueError:
        return ValueError(_TEXT_REFUSALS[field, problem]())

    def clean(value: object) -> str:
        if value is None:
            raise refused("required")
        if not isinstance(value, str):
            raise refused("not text")
        text = unicodedata.normalize("NFC", value.strip())
        if not text:
            raise refused("required")
        if not (text.isascii() and text.isprintable()) and _has_refused_character(text):
            raise refused("control")
        if len(text) > MAX_TEXT_LENGTH:
            raise refused("too long")
        return text

    return clean


def _age_out_of_range() -> ValueError:
    # The limits as typed (no digit grouping): "between 0 and 10000".
    return ValueError(
        ModelsWords.tr("Age must be between {minimum} and {maximum}").format(
            minimum=MIN_AGE, maximum=MAX_AGE
        )
    )


def _age_not_whole() -> ValueError:
    return ValueError(ModelsWords.tr("Age must be a whole number"))


def _clean_age(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        # Only ASCII digits: int() would also take "1_000", "+5" or "١٢".
        if not (text.isascii() and text.isdigit()):
            # "-3" is a whole number, just out of range: say so.
            if text[:1] == "-" and text[1:].isascii() and text[1:].isdigit():
                raise _age_out_of_range()
            raise _age_not_whole()
        value = int(text)
    if isinstance(value, bool) or not isinstance(value, int):
        raise _age_not_whole()
    if not MIN_AGE <= value <= MAX_AGE:
        raise _age_out_of_range()
    return value


# The per-field rules, public for bulk paths (CSV import) that cannot afford
# a pydantic model per row; the models below are built from the same functions.
clean_name = _text_validator("name")
clean_secret_name = _text_validator("secret_name")
clean_age = _clean_age


def clean_row(name: object, age: object, secret_name: object) -> tuple[str, int | None, str]:
    """``clean_name``, ``clean_age`` and ``clean_secret_name`` of one row: the same
    values and the same first error, for a bulk path (CSV import).

    Most values need no change and break no rule, which is quicker to see
    than to clean: printable text (so no refused character, and no space to
    strip but U+0020) with none around it, already NFC, of an allowed length;
    an age of ASCII digits within range, or nothing. Any other value goes
    through its field's rule, in the rules' order.
    """
    if not (
        isinstance(name, str)
        and 0 < len(name) <= MAX_TEXT_LENGTH
        and name.isprintable()
        and name[0] != " " != name[-1]
        and (name.isascii() or unicodedata.is_normalized("NFC", name))
    ):
        name = clean_name(name)
    if isinstance(age, str) and age.isascii() and age.isdigit() and len(age) <= 6:
        age = int(age)
        if not MIN_AGE <= age <= MAX_AGE:
            age = clean_age(age)  # raises
    elif age == "":
        age = None
    else:
        age = clean_age(age)
    if not (
        isinstance(secret_name, str)
        and 0 < len(secret_name) <= MAX_TEXT_LENGTH
        and secret_name.isprintable()
        and secret_name[0] != " " != secret_name[-1]
        and (secret_name.isascii() or unicodedata.is_normalized("NFC", secret_name))
    ):
        secret_name = clean_secret_name(secret_name)
    return name, age, secret_name


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
        if detail["type"] == "missing" and (field, "required") in _TEXT_REFUSALS:
            text = _TEXT_REFUSALS[field, "required"]()
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
