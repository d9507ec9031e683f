"""The app's translation sources (resources/translations/*.ts), read for the tests."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("de", "fr")

PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
COUNT = re.compile(r"%L?n")
WORD = re.compile(r"[^\W\d_]{4,}")


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    forms: tuple[str, ...]  # one translation, or the plural forms
    finished: bool
    numerus: bool


def catalogue_path(language: str) -> Path:
    return TRANSLATIONS / f"hero_desktop_{language}.ts"


@cache
def messages(language: str) -> tuple[Message, ...]:
    found = []
    for context in ElementTree.parse(catalogue_path(language)).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            numerus = message.get("numerus") == "yes"
            if numerus:
                forms = tuple(form.text or "" for form in translation.iter("numerusform"))
            else:
                forms = (translation.text or "",)
            found.append(
                Message(
                    context=name,
                    source=message.findtext("source") or "",
                    forms=forms,
                    finished=translation.get("type") not in ("unfinished", "vanished", "obsolete"),
                    numerus=numerus,
                )
            )
    return tuple(found)


def shown_pattern(text: str) -> re.Pattern[str]:
    """What ``text`` (a source or a translation) looks like once its values are in."""
    pattern = re.escape(text)
    pattern = re.sub(r"\\\{[a-z_]+\\\}", r".+", pattern)
    pattern = re.sub(r"%L?n", lambda _: r"[\d.,\s\u202f\u00a0]+", pattern)
    pattern = pattern.replace(r"\(s\)", "s?").replace(r"\(es\)", "(?:es)?")
    return re.compile(pattern, re.DOTALL)


def words_of(texts: list[str]) -> set[str]:
    return {word.lower() for text in texts for word in WORD.findall(PLACEHOLDER.sub(" ", text))}
