"""Name keys in bulk (hero_desktop.data.name_batch, name_keyer): the same keys as pyuca's."""

from __future__ import annotations

import json
import multiprocessing

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hero_desktop.data import name_batch, name_keyer, names


def reference(text: str) -> tuple[str, bytes]:
    """pyuca's own sort key, folded and packed by the rules of ``names``."""
    return names._from_key(names.reference_sort_key(text))


TRICKY = [
    "",
    " ",
    "  Zoë  ",
    "Straße",
    "STRASSE",
    "İstanbul",
    "\u0131i",  # dotless i
    "l·l",  # Catalan: l + middle dot is a contraction
    "L\u0387a",
    "l\u0301\u00b7",  # a mark between the contraction's characters
    "l \u00b7",
    "и\u0306",  # й spelled with a combining breve (a contraction)
    "Йошкар-Ола",
    "ёлка",
    "e\u0301\u0308\u0327",
    " \u0301a",
    "東京 太郎",
    "火影 Naruto",
    "🦸 Captain 😀",
    "ก\u0e40",  # Thai: a prevowel contracts with the consonant after it
    "\u0e40ก",
    "Ab\tc",
    "Captain\x00Wolf",
    "ǅemal",
    "Ægir Øystein Łukasz Đorđe",
]


@pytest.mark.parametrize("text", TRICKY)
def test_a_batch_keys_each_tricky_name_as_pyuca_does(text: str) -> None:
    assert name_batch.keys_in_process([text]) == [reference(text)]


unicode_names = st.text(
    st.one_of(
        st.sampled_from(
            "aAeElLoOsSß İıÆæØøŁłĐđÜüΔδΣσςИиЙйЁё·\u0387\u0301\u0306\u0308\u0327\u0e40กข東京🦸😀-'"
        ),
        st.characters(codec="utf-8", exclude_categories=["Cs"]),
    ),
    max_size=16,
)


@settings(max_examples=300, deadline=None)
@given(st.lists(unicode_names, max_size=30))
def test_a_batch_of_random_unicode_names_gets_pyucas_keys(texts: list[str]) -> None:
    assert name_batch.keys_in_process(texts) == [reference(text) for text in texts]


@settings(max_examples=300, deadline=None)
@given(st.lists(unicode_names, max_size=30))
def test_a_batch_folds_random_unicode_names_as_pyuca_does(texts: list[str]) -> None:
    assert name_batch.folds_in_process(texts) == [reference(text)[0] for text in texts]


@pytest.mark.parametrize("bulk", [False, True])
def test_a_keyer_folds_each_text_as_pyuca_does(bulk: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """Plain ASCII names of every length side by side (in bulk they are folded as one
    text), the tricky ones and repeats: name by name while the tables are not built, in
    bulk from the tables."""
    monkeypatch.setattr(name_batch, "_built", [])  # a process that has not built them
    texts = ["12", "", "x", "Deadpond", "Rusty-Man", *TRICKY, "Deadpond", "Zoë", "Zoë"]
    keyer = name_keyer.NameKeyer(0, tables_from=0 if bulk else name_keyer.TABLES_FROM)
    assert keyer.folds(texts) == [reference(text)[0] for text in texts]
    assert name_batch.tables_built() is bulk


LONG = "Ab" * names.MAX_KEYED_CHARACTERS
"""A name past the keyed length (pyuca would key it whole: it is compared with names')."""


@pytest.mark.parametrize("odd", ["Two\nLines", LONG, LONG + "é"])
def test_a_batch_with_a_name_it_cannot_join_folds_each_name_apart(odd: str) -> None:
    """A name holding the separator, or past the keyed length (only its keyed part
    counts), sends the batch name by name."""
    texts = ["Deadpond", odd, "Zoë", "Rusty-Man"]
    assert name_batch.folds_in_process(texts) == [names.fold(text) for text in texts]
    assert names.fold(LONG) == names.fold(LONG + "é")


def test_a_batch_keys_a_name_past_the_keyed_length_by_its_keyed_part() -> None:
    texts = ["Deadpond", LONG, LONG + "é", "Zoë"]
    keys = name_batch.keys_in_process(texts)
    assert keys == [names.name_keys(text) for text in texts]
    assert keys[1] == keys[2] == names.name_keys(LONG[: names.MAX_KEYED_CHARACTERS])


def test_a_batch_keeps_its_order_and_repeats() -> None:
    texts = ["Zed", "adam", "Zed", "Zoë", "adam"]
    assert name_batch.keys_in_process(texts) == [names.name_keys(text) for text in texts]


def test_a_stored_value_that_is_not_text_is_keyed_as_its_text() -> None:
    keys = name_keyer.NameKeyer(0).keys([12, None, "12"])
    assert keys == [names.name_keys("12"), names.name_keys(""), names.name_keys("12")]


def test_a_big_batch_shared_with_worker_processes_gets_the_same_keys() -> None:
    texts = [f"{name} {number}" for number in range(1_500) for name in TRICKY[2:6]]
    with name_keyer.NameKeyer(len(texts), pool_from=1, pool_cores=2, tables_from=0) as keyer:
        keys = keyer.keys(texts)
        assert multiprocessing.active_children()  # the workers really ran
    assert keys == name_batch.keys_in_process(texts)
    assert not multiprocessing.active_children()  # and were stopped with the keyer


def test_names_are_keyed_here_when_no_worker_process_can_start(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def cannot_start() -> None:
        raise ImportError("multiprocessing is not in this bundle")

    monkeypatch.setattr(name_keyer, "_start_pool", cannot_start)
    texts = [f"Zoë {number}" for number in range(3 * name_keyer.CHUNK)]
    with name_keyer.NameKeyer(len(texts), pool_from=1, pool_cores=2, tables_from=0) as keyer:
        assert keyer.keys(texts) == name_batch.keys_in_process(texts)


def test_a_small_batch_is_keyed_name_by_name_until_the_tables_are_built(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A cell edit's name must not wait the 0.6 s that building the batch tables takes."""
    monkeypatch.setattr(name_batch, "_built", [])  # a process that has not built them
    texts = ["Zoë", "Deadpond", "İlkay"]
    assert name_keyer.NameKeyer(len(texts)).keys(texts) == [reference(t) for t in texts]
    assert not name_batch.tables_built()
    big = [f"Zoë {number}" for number in range(name_keyer.TABLES_FROM)]
    name_keyer.NameKeyer(len(big)).keys(big)
    assert name_batch.tables_built()  # a big batch builds them, and later ones use them


def test_tables_read_from_this_machines_file_key_every_name_as_built_ones(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    name_batch._tables()  # built or read, and kept in the file
    assert name_batch._tables_file().is_file()
    built = name_batch._build()
    monkeypatch.setattr(name_batch, "_built", [])  # a new process, which reads the file
    monkeypatch.setattr(name_batch, "_build", lambda: pytest.fail("built again"))

    read = name_batch._tables()

    assert read == built
    assert name_batch.keys_in_process(TRICKY) == [reference(text) for text in TRICKY]


@pytest.mark.parametrize("broken", ["", "{}", '{"fold": 1}', "not json", "\udcff"])
def test_a_tables_file_that_cannot_be_read_is_made_again(
    monkeypatch: pytest.MonkeyPatch, broken: str
) -> None:
    name_batch._tables()
    path = name_batch._tables_file()
    path.write_bytes(broken.encode("utf-8", "surrogateescape"))
    monkeypatch.setattr(name_batch, "_built", [])

    name_batch._tables()

    assert name_batch._loaded(json.loads(path.read_text(encoding="utf-8"))) == name_batch._build()
    assert name_batch.keys_in_process(TRICKY) == [reference(text) for text in TRICKY]


@pytest.mark.parametrize("other", ["Zoë", "Ab\tc", "İlkay", "Captain\x00Wolf"])
@pytest.mark.parametrize("at", [0, 1, 2, 40])
def test_a_big_batch_folds_a_name_beyond_ascii_wherever_it_stands(other: str, at: int) -> None:
    """Among plain ASCII names folded as one text, one that is not is found and folded apart,
    first, last or between."""
    texts = [f"Deadpond {number}" for number in range(40)]
    texts.insert(at, other)
    assert name_batch.folds_in_process(texts) == [reference(text)[0] for text in texts]


def test_the_words_remembered_stay_within_their_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(name_batch, "WORDS_KEPT", 3)
    monkeypatch.setattr(name_batch, "_words", {})
    texts = [f"Zoë Ærø{n} Søren{n}" for n in range(5)]
    assert name_batch.keys_in_process(texts) == [reference(text) for text in texts]
    assert name_batch.folds_in_process(texts) == [reference(text)[0] for text in texts]
    assert 0 < len(name_batch._words) <= 3
