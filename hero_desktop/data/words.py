"""Words the user reads, in the user's language: one way to write them, in both layers.

Every sentence the user can see is written as ``Context.tr("Source text")`` on a
subclass of Words whose name is the translation context. pyside6-lupdate reads
that form like a Qt ``tr()`` call (the qualifier is the context; a third
argument ``n`` makes it a plural), so the data layer's sentences land in the
same ``.ts`` files as the window's, while the data layer never imports Qt.

The application installs Qt's translator once, at start-up (``install``), with
the locale's way of writing numbers. Until then (the data layer's own tests,
``hero-desktop-demo``) a sentence is its English source, with ``%n`` and
``%Ln`` replaced by the count and the English plural picked from the source's
"(s)" or "(es)".

Rules the translation tests hold:
- arguments are positional: ``Context.tr(text)``, ``Context.tr(text, "", n)``
  (lupdate does not read keywords);
- values go in by name, after translation:
  ``Context.tr("Could not open {path}.").format(path=path)``, so a translation
  may move them; counts in a plural go in as ``%Ln`` (the locale's digits);
- a sentence is translated whole, never glued from translated pieces;
- a context's class is never imported under another name (lupdate reads the
  name as written).
"""

from __future__ import annotations

import re
from collections.abc import Callable

# (context, source, disambiguation, n) -> the translation, with %n and %Ln replaced.
Translate = Callable[[str, str, "str | None", int], str]
FormatNumber = Callable[[int], str]

_PLURAL_ENDING = re.compile(r"\((e?s)\)")


def english(context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
    """The source sentence itself: the translation before any is installed."""
    del context, disambiguation
    if n < 0:
        return source
    return english_plural(source.replace("%Ln", f"{n:,}").replace("%n", str(n)), n)


def english_plural(text: str, n: int) -> str:
    """``text`` with each "(s)" or "(es)" kept for ``n`` other than 1 and dropped for 1."""
    return _PLURAL_ENDING.sub("" if n == 1 else r"\1", text)


def english_number(value: int) -> str:
    return f"{value:,}"


class _Installed:
    """What install() chose, read by every tr() and number() (set once per process)."""

    translate: Translate = english
    number: FormatNumber = english_number


def install(translate: Translate, number: FormatNumber) -> None:
    """Translate every later sentence with ``translate`` and write numbers with ``number``.

    Called once, by the application at start-up, before any window is built.
    """
    _Installed.translate = translate
    _Installed.number = number


class Words:
    """A translation context: subclass it, and the subclass's name is the context."""

    @classmethod
    def tr(cls, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        return _Installed.translate(cls.__name__, source, disambiguation, n)


def number(value: int) -> str:
    """``value`` with the user's locale's digit grouping ("1,000,000", "1.000.000")."""
    return _Installed.number(value)
