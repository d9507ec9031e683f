"""The user's language: Qt's translators and the locale's numbers, installed once per process.

The desktop's language is Qt's system locale, which reads ``LANGUAGE``,
``LC_ALL``, ``LC_MESSAGES`` and ``LANG``. Hero Desktop's own words come from
``hero_desktop_<language>.qm`` (built by ``make translations`` from the ``.ts``
sources in ``resources/translations/``), Qt's dialogs' from its own
``qtbase_<language>.qm``. ``hero_desktop_en.qm`` holds only English plural
forms, so it is loaded first, under any other language; a plural that no
catalogue has is read by the "(s)" rule of ``words.english``. A language without a
translation reads English; the C locale (no language set) writes numbers the
English way too.
"""

from __future__ import annotations

import logging
from importlib.resources import files
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from hero_desktop.data import words

log = logging.getLogger(__name__)

APP_CATALOGUE = "hero_desktop"
QT_CATALOGUE = "qtbase"
ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def translations_folder() -> Path:
    """Where the app's ``.ts`` sources and built ``.qm`` files are."""
    return Path(str(files("hero_desktop.resources").joinpath("translations")))


def system_locale() -> QLocale:
    """The desktop's locale; English when it names no language (C, POSIX)."""
    system = QLocale.system()
    if system.language() == QLocale.Language.C:
        return ENGLISH
    return system


class _Installed:
    locale: QLocale | None = None


def installed_locale() -> QLocale | None:
    return _Installed.locale


def install(app: QCoreApplication, locale: QLocale | None = None) -> QLocale:
    """Translate the app into ``locale`` (the desktop's when None); once per process.

    A second call returns the locale of the first and changes nothing.
    """
    if _Installed.locale is not None:
        return _Installed.locale
    chosen = locale if locale is not None else system_locale()
    QLocale.setDefault(chosen)
    # Looked up last to first: the chosen language's words, then English plurals.
    for catalogue, language, folder in (
        (APP_CATALOGUE, ENGLISH, translations_folder()),
        (QT_CATALOGUE, chosen, Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))),
        (APP_CATALOGUE, chosen, translations_folder()),
    ):
        translator = QTranslator(app)
        if translator.load(language, catalogue, "_", str(folder)):
            app.installTranslator(translator)
        else:
            log.info("no %s translation for %s in %s", catalogue, language.uiLanguages(), folder)
    words.install(_translate, _locale_number)
    _Installed.locale = chosen
    return chosen


def _translate(context: str, source: str, disambiguation: str | None, n: int) -> str:
    """Qt's translation; a plural no catalogue has yet reads as English by its "(s)"."""
    text = QCoreApplication.translate(context, source, disambiguation, n)
    if n >= 0 and text == source.replace("%Ln", _locale_number(n)).replace("%n", str(n)):
        return words.english_plural(text, n)
    return text


def _locale_number(value: int) -> str:
    return QLocale().toString(value)
