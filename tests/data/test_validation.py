"""The one definition of valid hero input, and what happens to any input at all.

Names and secret names are required, trimmed, stored in Unicode NFC, free of
control characters and at most 255 characters. An age is empty or a whole
number from 0 to 10000, written in ASCII digits. Refusals carry a message by
field. Property tests (issue 4) throw all of Unicode and odd ages at the
repository: each input is either stored exactly as validated, or refused
with a message while the database stays as it was.

Why one file of this length: one definition of valid input, tested field by field and then
as a whole by the property tests, whose expectations (``expected_age``, ``expected_text``)
restate the field rules next to them.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from hero_desktop.data.errors import InvalidHeroError
from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.models import validate_create, validate_update

from .support import raw_rows

# -- names -------------------------------------------------------------------


def test_name_and_secret_name_are_trimmed() -> None:
    hero = validate_create({"name": "  Deadpond \t", "secret_name": " Dive Wilson "})
    assert (hero.name, hero.secret_name) == ("Deadpond", "Dive Wilson")


def test_names_are_stored_in_nfc() -> None:
    decomposed = "Rene\u0301e"  # e + combining acute
    hero = validate_create({"name": decomposed, "secret_name": decomposed})
    assert hero.name == hero.secret_name == "Ren\u00e9e"


@pytest.mark.parametrize("name", ["", "   ", "\t\n"])
def test_a_blank_name_is_refused_as_required(name: str) -> None:
    with pytest.raises(InvalidHeroError) as refused:
        validate_create({"name": name, "secret_name": "Dive Wilson"})
    assert refused.value.messages == {"name": "Name is required"}


def test_a_missing_name_is_refused_as_required() -> None:
    with pytest.raises(InvalidHeroError) as refused:
        validate_create({"secret_name": "Dive Wilson"})
    assert refused.value.messages == {"name": "Name is required"}


def test_a_missing_secret_name_is_refused_as_required() -> None:
    with pytest.raises(InvalidHeroError) as refused:
        validate_create({"name": "Deadpond", "secret_name": None})
    assert refused.value.messages == {"secret_name": "Secret name is required"}


@pytest.mark.parametrize(
    "name",
    ["Dead\npond", "Dead\x00pond", "Dead\tpond", "Dead\x7fpond", "Dead\u2028pond", "Dead\x85pond"],
)
def test_control_characters_and_line_breaks_inside_a_name_are_refused(name: str) -> None:
    with pytest.raises(InvalidHeroError) as refused:
        validate_create({"name": name, "secret_name": "Dive Wilson"})
    assert refused.value.messages == {
        "name": "Name must not contain control characters or line breaks"
    }


def test_a_name_of_255_characters_is_accepted() -> None:
    assert validate_create({"name": "x" * 255, "secret_name": "s"}).name == "x" * 255


def test_a_name_of_256_characters_is_refused() -> None:
    with pytest.raises(InvalidHeroError) as refused:
        validate_create({"name": "x" * 256, "secret_name": "s"})
    assert refused.value.messages == {"name": "Name must be at most 255 characters"}


def test_length_is_counted_after_nfc() -> None:
    decomposed = "e\u0301" * 255  # 510 code points, 255 once composed
    assert validate_create({"name": decomposed, "secret_name": "s"}).name == "\u00e9" * 255


def test_a_name_that_is_not_text_is_refused() -> None:
    with pytest.raises(InvalidHeroError) as refused:
        validate_create({"name": 42, "secret_name": "s"})
    assert refused.value.messages == {"name": "Name must be text"}


def test_sql_metacharacters_are_ordinary_text() -> None:
    name = "Robert'); DROP TABLE hero;-- %_\""
    assert validate_create({"name": name, "secret_name": "s"}).name == name


# -- ages --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("age", "stored"),
    [
        (None, None),
        ("", None),
        ("   ", None),
        ("42", 42),
        (" 7 ", 7),
        (0, 0),
        ("0", 0),
        (10_000, 10_000),
        ("10000", 10_000),
        ("007", 7),
    ],
)
def test_an_age_is_empty_or_a_whole_number(age: object, stored: int | None) -> None:
    assert validate_create({"name": "n", "age": age, "secret_name": "s"}).age == stored


@pytest.mark.parametrize("age", [-1, "-1", " -0 ", 10_001, "10001", 10**30, "9" * 40])
def test_an_age_outside_0_to_10000_is_refused(age: object) -> None:
    with pytest.raises(InvalidHeroError) as refused:
        validate_create({"name": "n", "age": age, "secret_name": "s"})
    assert refused.value.messages == {"age": "Age must be between 0 and 10000"}


@pytest.mark.parametrize(
    "age",
    [
        "abc",
        "4.5",
        4.5,
        "1_000",
        "+5",
        "\u0661\u0662",
        "\uff11\uff12",
        "1 000",
        "0x10",
        "1e3",
        True,
        False,
        [],
        "\u00b2",
    ],
)
def test_an_age_that_is_not_a_whole_number_in_ascii_digits_is_refused(age: object) -> None:
    with pytest.raises(InvalidHeroError) as refused:
        validate_create({"name": "n", "age": age, "secret_name": "s"})
    assert refused.value.messages == {"age": "Age must be a whole number"}


def test_every_refused_field_gets_its_own_message() -> None:
    with pytest.raises(InvalidHeroError) as refused:
        validate_create({"name": "", "age": "old", "secret_name": "a\nb"})
    assert refused.value.messages == {
        "name": "Name is required",
        "age": "Age must be a whole number",
        "secret_name": "Secret name must not contain control characters or line breaks",
    }
    assert "Name is required" in str(refused.value)


# -- partial updates ---------------------------------------------------------


def test_an_update_sets_only_the_fields_given() -> None:
    update = validate_update({"age": " 12 "})
    assert update.model_dump(exclude_unset=True) == {"age": 12}


def test_an_update_can_clear_the_age() -> None:
    assert validate_update({"age": ""}).model_dump(exclude_unset=True) == {"age": None}


def test_an_update_cannot_clear_a_name() -> None:
    with pytest.raises(InvalidHeroError) as refused:
        validate_update({"name": None})
    assert refused.value.messages == {"name": "Name is required"}


def test_an_update_validates_like_a_create() -> None:
    with pytest.raises(InvalidHeroError) as refused:
        validate_update({"secret_name": "x" * 256, "age": "-3"})
    assert refused.value.messages == {
        "secret_name": "Secret name must be at most 255 characters",
        "age": "Age must be between 0 and 10000",
    }


# -- property tests: anything at all, through the repository -----------------

SQL_AND_UNICODE_TRAPS = [
    "'",
    '"',
    "%",
    "_",
    "\\",
    ";",
    "--",
    "' OR 1=1 --",
    "'); DROP TABLE hero; --",
    "\x00",
    "\u0301",
    "\u200b",
    "\u200d",
    "\u202e",
    "\ufeff",
    "\u2028",
    "\u2029",
    "\x85",
    "\ud800",
    "\U0001f9b8",
    "\u00df",
    "\u1e9e",
    "\u0130",
    " ",
    "\t",
    "\n",
    "\r",
    "\u3000",
    "\u00a0",
]

any_text = st.one_of(
    st.text(st.characters(), max_size=40),
    st.text(st.characters(exclude_categories=["Cc", "Cs", "Zl", "Zp"]), min_size=1, max_size=40),
    st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=250, max_size=300),
    st.lists(
        st.one_of(st.sampled_from(SQL_AND_UNICODE_TRAPS), st.text(max_size=3)), max_size=12
    ).map("".join),
)

any_age = st.one_of(
    st.none(),
    st.integers(min_value=0, max_value=10_000),
    st.integers(min_value=0, max_value=10_000).map(lambda n: f" {n}"),
    st.integers(),
    st.integers(min_value=-5, max_value=10_005),
    st.integers(min_value=-5, max_value=10_005).map(str),
    st.sampled_from(
        [
            "",
            " ",
            "1_000",
            "+5",
            "-0",
            "\u0661\u0662",
            "\uff15",
            " 42 ",
            "4.0",
            "1e2",
            "0b1",
            "NaN",
            "\u00b2",
            "12\x00",
        ]
    ),
    st.text(max_size=8),
    st.floats(allow_nan=True),
    st.booleans(),
)

ASCII_NUMBER = re.compile(r"-?[0-9]+")
REFUSED_CATEGORIES = {"Cc", "Cs", "Zl", "Zp"}


def expected_age(age: object) -> tuple[bool, int | None]:
    """The spec for ages, written out independently: (accepted, stored value)."""
    if age is None:
        return True, None
    if isinstance(age, str):
        text = age.strip()
        if not text:
            return True, None
        if not ASCII_NUMBER.fullmatch(text):
            return False, None
        age = int(text)
        if text.startswith("-"):
            return False, None
    if isinstance(age, bool) or not isinstance(age, int):
        return False, None
    return 0 <= age <= 10_000, age


def expected_text(value: str) -> str | None:
    """The spec for names: the stored form, or None when refused."""
    text = unicodedata.normalize("NFC", value.strip())
    if not text or len(text) > 255:
        return None
    if any(unicodedata.category(char) in REFUSED_CATEGORIES for char in text):
        return None
    return text


property_settings = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def snapshot(path: Path) -> list[tuple[Any, ...]]:
    return raw_rows(path)


@property_settings
@given(name=any_text, age=any_age, secret_name=any_text)
def test_any_new_hero_is_stored_exactly_as_validated_or_refused_leaving_the_file_as_it_was(
    repo: HeroRepository, db_path: Path, name: str, age: object, secret_name: str
) -> None:
    before = snapshot(db_path)
    values = {"name": name, "age": age, "secret_name": secret_name}
    refusal: InvalidHeroError | None = None
    try:
        hero = repo.create(validate_create(values))
    except InvalidHeroError as error:
        refusal = error
    if refusal is not None:
        event("create refused")
        assert set(refusal.messages) <= {"name", "age", "secret_name"}
        assert all(message.strip() for message in refusal.messages.values())
        assert snapshot(db_path) == before
        assert repo.count() == len(before)
        accepted_age, _ = expected_age(age)
        spec_accepts = (
            accepted_age
            and expected_text(name) is not None
            and expected_text(secret_name) is not None
        )
        assert not spec_accepts, f"refused valid input: {refusal.messages}"
        return
    event("created")
    accepted_age, stored_age = expected_age(age)
    assert accepted_age
    assert (hero.name, hero.age, hero.secret_name) == (
        expected_text(name),
        stored_age,
        expected_text(secret_name),
    )
    assert repo.get(hero.id) == hero
    assert snapshot(db_path) == [*before, tuple(hero)]


@property_settings
@given(field=st.sampled_from(["name", "age", "secret_name"]), value=st.one_of(any_text, any_age))
def test_any_edit_is_stored_exactly_as_validated_or_refused_leaving_the_hero_as_it_was(
    repo: HeroRepository, db_path: Path, field: str, value: Any
) -> None:
    if repo.count() == 0:
        repo.create(validate_create({"name": "Deadpond", "age": 30, "secret_name": "Dive"}))
    hero = repo.page(limit=1)[0]
    before = snapshot(db_path)
    refusal: InvalidHeroError | None = None
    try:
        updated = repo.update(hero.id, validate_update({field: value}))
    except InvalidHeroError as error:
        refusal = error
    if refusal is not None:
        event("update refused")
        assert set(refusal.messages) == {field}
        assert snapshot(db_path) == before
        return
    event("updated")
    if field == "age":
        accepted, stored = expected_age(value)
        assert accepted
        assert updated.age == stored
    else:
        assert isinstance(value, str)
        assert getattr(updated, field) == expected_text(value)
    assert repo.get(hero.id) == updated
    assert snapshot(db_path) == [tuple(updated)]
