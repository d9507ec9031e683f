"""The whole window in German and in French, as the desktop's language chooses it.

Each language runs in a process of its own (window_words.py), started with
``LANG`` set the way a German or French desktop sets it, because the app
installs its language once per process, at start-up.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from translation_catalogues import LANGUAGES, ROOT, messages, shown_pattern, words_of

from .support import write_heroes

HEROES = 1234
# The count as each locale writes it (CLDR: a narrow no-break space groups French digits).
COUNT_SHOWN = {"de": "1.234", "fr": "1\u202f234"}


@cache
def window_words(language: str, folder: Path) -> dict[str, Any]:
    database = folder / "heroes.db"
    if not database.exists():
        write_heroes(database, [(i, f"Held {i}", 30, f"Geheim {i}") for i in range(1, HEROES + 1)])
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
    }
    environment |= {"LANG": f"{language}_{language.upper()}.UTF-8", "QT_QPA_PLATFORM": "offscreen"}
    environment["XDG_CONFIG_HOME"] = environment["XDG_DATA_HOME"] = str(folder / language)
    finished = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.ui.window_words",
            str(database),
            str(folder / f"{language}.ini"),
        ],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert finished.returncode == 0, finished.stderr
    shown: dict[str, Any] = json.loads(finished.stdout)
    return shown


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("languages")


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_english_sentence_of_the_source_shows(language: str, folder: Path) -> None:
    catalogue = messages(language)
    texts: list[str] = window_words(language, folder)["texts"]
    translated = [
        (message, shown_pattern(message.source), [shown_pattern(form) for form in message.forms])
        for message in catalogue
        if message.source not in message.forms and words_of([message.source])
    ]
    english = [
        f"{text!r} is the source {message.source!r} ({message.context})"
        for text in texts
        for message, source, forms in translated
        if source.fullmatch(text) and not any(form.fullmatch(text) for form in forms)
    ]
    assert english == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_english_word_shows_outside_the_translations(language: str, folder: Path) -> None:
    """Catches words that never went through tr(): none of their words is in the catalogue's.

    Key names are Qt's own (qtbase keeps "Enter" and "Return" in German): they
    are read from Qt in that language and allowed.
    """
    catalogue = messages(language)
    shown = window_words(language, folder)
    english_words = words_of([message.source for message in catalogue])
    own_words = words_of([form for message in catalogue for form in message.forms])
    foreign = english_words - own_words - words_of(shown["keys"])
    untranslated = {
        text: sorted(words_of([text]) & foreign)
        for text in shown["texts"]
        if words_of([text]) & foreign
    }
    assert untranslated == {}


@pytest.mark.parametrize("language", LANGUAGES)
def test_counts_are_written_the_locale_s_way(language: str, folder: Path) -> None:
    texts: list[str] = window_words(language, folder)["texts"]
    assert any(COUNT_SHOWN[language] in text for text in texts), texts


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_two_entries_of_a_menu_share_their_alt_letter(language: str, folder: Path) -> None:
    menus: dict[str, list[str]] = window_words(language, folder)["menus"]
    shared = []
    for title, entries in menus.items():
        letters: dict[str, str] = {}
        for entry in entries:
            written = entry.replace("&&", "")
            if "&" not in written:
                continue
            letter = written[written.index("&") + 1].lower()
            if letter in letters:
                shared.append(f"{title}: {letters[letter]!r} and {entry!r} share Alt+{letter}")
            letters[letter] = entry
    assert shared == []
