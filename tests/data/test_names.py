"""The two name rules (hero_desktop.data.names): matching and ordering as people read names."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hero_desktop.data import names

MATCHES = [
    ("zoe", "Zoë"),
    ("zoe", "ZOË"),
    ("zoë", "Zoe"),
    ("muller", "Müller"),
    ("ANGS", "Ångström"),
    ("strasse", "Straße"),
    ("sen", "Señora"),
    ("lukasz", "Łukasz"),
    ("oystein", "Øystein"),
    ("Δημ", "δημήτρης"),
    ("aegir", "Ægir"),
    ("иван", "ИВАН"),
    ("dorde", "Đorđe"),
]


@pytest.mark.parametrize(("needle", "name"), MATCHES, ids=[f"{n}-in-{m}" for n, m in MATCHES])
def test_a_search_text_matches_the_name_with_case_and_accents_set_aside(
    needle: str, name: str
) -> None:
    assert names.matches(name, needle)


@pytest.mark.parametrize(
    ("needle", "name"),
    [("zoey", "Zoë"), ("mullers", "Müller"), ("ab", "a b"), ("Δημ", "Dim"), ("x", "")],
)
def test_a_search_text_that_is_not_in_the_name_does_not_match(needle: str, name: str) -> None:
    assert not names.matches(name, needle)


ORDER = [
    ["Aaron", "adam", "Ægir", "Aex", "Afa", "Bob"],
    ["Lucy", "Łukasz", "Luke", "Lynn"],
    ["Oscar", "Øystein", "Oz"],
    ["Uma", "Ümit", "Zed"],
    ["zoe", "Zoë", "Zoey"],
    ["Zoey", "Ωmega", "Иван"],  # Latin, then Greek, then Cyrillic
]


@pytest.mark.parametrize("expected", ORDER, ids=[" < ".join(o) for o in ORDER])
def test_names_sort_by_the_unicode_collation_algorithm(expected: list[str]) -> None:
    assert sorted(reversed(expected), key=names.sort_key) == expected


def test_lower_case_sorts_before_upper_case_only_between_otherwise_equal_names() -> None:
    assert sorted(["Zed", "adam", "ADAM", "Adam"], key=names.sort_key) == [
        "adam",
        "Adam",
        "ADAM",
        "Zed",
    ]


def test_an_ascii_name_folds_to_its_lower_case_letters() -> None:
    assert names.fold("Zoë O'Brien-12") == "zoe o'brien-12"


def test_the_rule_version_names_the_collation_table_and_the_fold() -> None:
    version = names.rule_version()
    assert version.startswith("pyuca-uca-")
    assert f"fold-{names.FOLD_VERSION}" in version


human_names = st.text(
    st.one_of(
        st.sampled_from("aAeEoOuUsSlLßÆæØøŁłĐđÅåÜüËëÑñΔδηή\u03c2\u03c3ΣИиЙй -'·\u0301\u0308\u0327"),
        st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]),
    ),
    max_size=12,
)


@settings(max_examples=400, deadline=None)
@given(human_names)
def test_the_fast_sort_key_is_pyucas_own(name: str) -> None:
    assert names.name_keys.__wrapped__(name)[1] == names.pack_key(names.reference_sort_key(name))


@settings(max_examples=300, deadline=None)
@given(st.lists(human_names, min_size=2, max_size=6))
def test_packed_keys_sort_exactly_as_pyuca_keys(some: list[str]) -> None:
    by_bytes = sorted(some, key=names.sort_key)
    by_tuples = sorted(some, key=names.reference_sort_key)
    assert [names.reference_sort_key(n) for n in by_bytes] == [
        names.reference_sort_key(n) for n in by_tuples
    ]


@settings(max_examples=300, deadline=None)
@given(human_names, human_names)
def test_folds_are_equal_exactly_when_the_primary_weights_are(a: str, b: str) -> None:
    def primary(text: str) -> tuple[int, ...]:
        key = names.reference_sort_key(text)
        return key[: key.index(0)] if 0 in key else key

    assert (names.fold(a) == names.fold(b)) == (primary(a) == primary(b))


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from([2, 2, 2, 3, 8, 30]), max_size=140),
    st.lists(st.sampled_from([2, 2, 2, 3, 8, 30]), max_size=140),
)
def test_a_packed_level_compares_exactly_as_its_weights(a: list[int], b: list[int]) -> None:
    def sign(x: Any, y: Any) -> int:
        return int((x > y) - (x < y))

    packed_a = names.pack_level(a, names.TERTIARY_COMMON) + b"\0"
    packed_b = names.pack_level(b, names.TERTIARY_COMMON) + b"\0"
    assert sign(packed_a, packed_b) == sign([*a, 0], [*b, 0])


@settings(max_examples=400, deadline=None)
@given(human_names, human_names)
def test_two_sort_keys_compare_as_pyucas_keys(a: str, b: str) -> None:
    def sign(x: Any, y: Any) -> int:
        return int((x > y) - (x < y))

    reference = sign(names.reference_sort_key(a), names.reference_sort_key(b))
    assert sign(names.sort_key(a), names.sort_key(b)) == reference


def test_long_runs_of_common_weights_compare_as_their_weights() -> None:
    runs = [[2] * 62, [2] * 63, [2] * 200, [*[2] * 62, 3], [*[2] * 63, 3], [*[2] * 200, 3]]
    packed = sorted(runs, key=lambda level: names.pack_level(level, 2) + b"\0")
    assert packed == sorted(runs, key=lambda level: [*level, 0])


def test_common_weights_take_little_room() -> None:
    # 12 primaries of two bytes, two separators, then one code per run.
    assert len(names.sort_key("Captain Wolf")) == 12 * 2 + 2 + 1 + 5
