"""The one definition of valid input: each field's rule, without pydantic or SQLModel.

``models`` builds ``HeroCreate`` and ``HeroUpdate`` from these functions (the
dialog, the cell editor and the repository validate through them), and bulk
paths that cannot afford a pydantic model per row (CSV import, a paste of
cells) call them directly. Kept apart from ``models`` so that a CSV import's
worker process reads and checks rows without importing SQLModel (0.3 s).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from hero_desktop.data.rows import MAX_AGE, MAX_TEXT_LENGTH, MIN_AGE
from hero_desktop.data.words import Words


class FieldsWords(Words):
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
    ("name", "required"): lambda: FieldsWords.tr("Name is required"),
    ("name", "not text"): lambda: FieldsWords.tr("Name must be text"),
    ("name", "control"): lambda: FieldsWords.tr(
        "Name must not contain control characters or line breaks"
    ),
    ("name", "too long"): lambda: FieldsWords.tr(
        "Name must be at most %Ln character(s)", "", MAX_TEXT_LENGTH
    ),
    ("secret_name", "required"): lambda: FieldsWords.tr("Secret name is required"),
    ("secret_name", "not text"): lambda: FieldsWords.tr("Secret name must be text"),
    ("secret_name", "control"): lambda: FieldsWords.tr(
        "Secret name must not contain control characters or line breaks"
    ),
    ("secret_name", "too long"): lambda: FieldsWords.tr(
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
        FieldsWords.tr("Age must be between {minimum} and {maximum}").format(
            minimum=MIN_AGE, maximum=MAX_AGE
        )
    )


def _age_not_whole() -> ValueError:
    return ValueError(FieldsWords.tr("Age must be a whole number"))


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


def text_refusal(field: str, problem: str) -> str | None:
    """The sentence refusing ``field``'s value for ``problem`` ("required", ...), if any."""
    refusal = _TEXT_REFUSALS.get((field, problem))
    return refusal() if refusal is not None else None
