"""The translation sources are complete, current and faithful to the English.

``make update-translations`` writes the .ts files from the code with
pyside6-lupdate; these tests run it again on copies and fail when the code has
a sentence the catalogues lack (or they keep one the code dropped), when a
translation is unfinished, or when one loses a value, a count or its Alt letter.
"""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from xml.etree import ElementTree

import pytest
from translation_catalogues import (
    COUNT,
    LANGUAGES,
    PLACEHOLDER,
    ROOT,
    Message,
    catalogue_path,
    messages,
)

BIN = Path(sys.executable).parent
CATALOGUES = ("en", *LANGUAGES)
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def lupdate(targets: list[Path], *options: str) -> None:
    """What ``make update-translations`` runs, on ``targets``."""
    subprocess.run(
        [
            str(BIN / "pyside6-lupdate"),
            "-no-obsolete",
            "-locations",
            "none",
            "-extensions",
            "py",
            *options,
            str(ROOT / "hero_desktop"),
            "-ts",
            *map(str, targets),
        ],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )


def test_the_catalogues_hold_every_sentence_of_the_code_and_no_other(tmp_path: Path) -> None:
    copies = {language: tmp_path / catalogue_path(language).name for language in CATALOGUES}
    for language, copy in copies.items():
        shutil.copyfile(catalogue_path(language), copy)

    lupdate([copies[language] for language in LANGUAGES])
    lupdate([copies["en"]], "-pluralonly")

    stale = [
        catalogue_path(language).name
        for language, copy in copies.items()
        if copy.read_bytes() != catalogue_path(language).read_bytes()
    ]
    assert stale == [], "run `make update-translations`, then translate what it adds"


@pytest.mark.parametrize("language", CATALOGUES)
def test_every_sentence_is_translated(language: str) -> None:
    unfinished = [m.source for m in messages(language) if not m.finished or not all(m.forms)]
    assert unfinished == []
    if language == "en":
        assert all(m.numerus for m in messages(language))  # English: plural forms only
    else:
        assert len(messages(language)) > 300


def accelerators(text: str) -> int:
    return text.replace("&&", "").count("&")


def differences(message: Message) -> list[str]:
    """How a translation of ``message`` differs in what it must keep (unfinished ones aside)."""
    found = []
    for form in filter(None, message.forms):
        if set(PLACEHOLDER.findall(form)) != set(PLACEHOLDER.findall(message.source)):
            found.append(f"{form!r} has other values than {message.source!r}")
        # Every form keeps the count: French uses its first form for 0 as well as 1.
        if bool(COUNT.search(form)) != bool(COUNT.search(message.source)):
            found.append(f"{form!r} has no count like {message.source!r}")
        if accelerators(form) != accelerators(message.source):
            found.append(f"{form!r} has another number of Alt letters than {message.source!r}")
    return found


@pytest.mark.parametrize("language", CATALOGUES)
def test_translations_keep_the_values_counts_and_alt_letters(language: str) -> None:
    assert [problem for m in messages(language) for problem in differences(m)] == []


@pytest.mark.parametrize("language", CATALOGUES)
def test_lrelease_builds_every_message(language: str, tmp_path: Path) -> None:
    built = subprocess.run(
        [
            str(BIN / "pyside6-lrelease"),
            str(catalogue_path(language)),
            "-qm",
            str(tmp_path / "out.qm"),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    match = re.search(
        r"Generated (\d+) translation\(s\) \((\d+) finished and (\d+) unfinished\)", built.stdout
    )
    assert match, built.stdout
    assert int(match[3]) == 0
    assert (tmp_path / "out.qm").stat().st_size > 0


def test_the_desktop_entry_speaks_german_and_french() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(ROOT / "resources" / "hero-desktop.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    for language in LANGUAGES:
        for key in ("Name", "GenericName", "Comment", "Keywords"):
            assert section.get(f"{key}[{language}]"), f"{key}[{language}]"
    assert section["Comment[de]"] != section["Comment"] != section["Comment[fr]"]


def test_the_metainfo_speaks_german_and_french() -> None:
    root = ElementTree.parse(
        ROOT / "resources" / "io.github.herodesktop.HeroDesktop.metainfo.xml"
    ).getroot()
    english_items = [li for li in root.iter("li") if XML_LANG not in li.attrib]
    for language in LANGUAGES:
        for tag in ("name", "summary"):
            assert [e for e in root.findall(tag) if e.get(XML_LANG) == language], (tag, language)
        description = root.find("description")
        assert description is not None
        assert [p for p in description.findall("p") if p.get(XML_LANG) == language]
        items = [li for li in root.iter("li") if li.get(XML_LANG) == language]
        assert len(items) == len(english_items)


def test_the_wheel_and_the_bundle_ship_the_built_catalogues() -> None:
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]
    assert "translations/*.qm" in setuptools["package-data"]["hero_desktop.resources"]
    spec = (ROOT / "packaging" / "hero-desktop.spec").read_text("utf-8")
    assert "translations" in spec
