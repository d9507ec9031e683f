"""Every text stays readable on a dark and on a light desktop palette.

The window is shown under each palette (set on the application for the test,
the old one put back after), and each visible text is grabbed as painted: its
background is the colour most of its pixels have, its text the colour that
stands out most from that, and the two must differ by WCAG's 4.5:1. A colour
written into the code instead of taken from the palette shows up here, on
one palette or the other.
"""

# pytest-qt's keyClick and keyClicks are untyped wrappers of QTest's.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from hero_desktop.ui.go_to_hero_dialog import GoToHeroDialog
from hero_desktop.ui.message_bar import MessageKind

from .conftest import OpenWindow
from .support import editor_of, go_to_cell, numbered_heroes, type_text, write_heroes

ROLES = QPalette.ColorRole
# (role, dark theme, light theme): what a desktop theme sets, a test's own colours.
THEMES = {
    "dark": {
        ROLES.Window: "#2b2b2b", ROLES.WindowText: "#eeeeee", ROLES.Base: "#1e1e1e",
        ROLES.AlternateBase: "#353535", ROLES.Text: "#eeeeee", ROLES.Button: "#3c3c3c",
        ROLES.ButtonText: "#eeeeee", ROLES.Highlight: "#2a5db0", ROLES.HighlightedText: "#ffffff",
        ROLES.PlaceholderText: "#b0b0b0", ROLES.Mid: "#5a5a5a", ROLES.ToolTipBase: "#3c3c3c",
        ROLES.ToolTipText: "#eeeeee",
    },
    "light": {
        ROLES.Window: "#f4f4f4", ROLES.WindowText: "#111111", ROLES.Base: "#ffffff",
        ROLES.AlternateBase: "#eaeaea", ROLES.Text: "#111111", ROLES.Button: "#e6e6e6",
        ROLES.ButtonText: "#111111", ROLES.Highlight: "#2a5db0", ROLES.HighlightedText: "#ffffff",
        ROLES.PlaceholderText: "#5c5c5c", ROLES.Mid: "#a0a0a0", ROLES.ToolTipBase: "#ffffdc",
        ROLES.ToolTipText: "#111111",
    },
}  # fmt: skip
MINIMUM = 4.5


# The pairs of each theme that text is drawn in: the test's own themes must read.
PAIRS = [
    (ROLES.WindowText, ROLES.Window),
    (ROLES.Text, ROLES.Base),
    (ROLES.Text, ROLES.AlternateBase),
    (ROLES.ButtonText, ROLES.Button),
    (ROLES.HighlightedText, ROLES.Highlight),
    (ROLES.PlaceholderText, ROLES.Base),
    (ROLES.ToolTipText, ROLES.ToolTipBase),
]


@pytest.fixture(params=sorted(THEMES))
def theme(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    before = QPalette(qapp.palette())
    palette = QPalette()
    for role, colour in THEMES[request.param].items():
        palette.setColor(role, QColor(colour))
    qapp.setPalette(palette)
    yield request.param
    qapp.setPalette(before)


def luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(one: QColor, other: QColor) -> float:
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("name", sorted(THEMES))
def test_the_themes_themselves_read(name: str) -> None:
    colours = THEMES[name]
    for text, background in PAIRS:
        ratio = contrast(QColor(colours[text]), QColor(colours[background]))
        assert ratio >= MINIMUM, (text.name, background.name, round(ratio, 2))


def painted_contrast(widget: QWidget, area: QRect | None = None, inset: int = 0) -> float:
    """How far the text painted in ``widget`` (in ``area``) stands out from its background.

    ``inset`` pixels on every side are left out (a frame, a cell's grid line).
    """
    inside = (area or widget.contentsRect()).adjusted(inset, inset, -inset, -inset)
    image = widget.grab(inside).toImage()
    pixels = Counter(image.pixel(x, y) for x in range(image.width()) for y in range(image.height()))
    background = QColor.fromRgb(pixels.most_common(1)[0][0])
    return max(contrast(QColor.fromRgb(pixel), background) for pixel in pixels)


def texts(root: QWidget) -> list[QWidget]:
    """The visible, enabled widgets of ``root`` that show text."""

    def shows_text(widget: QWidget) -> bool:
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            return bool(widget.text())
        return False

    widgets = [root, *root.findChildren(QWidget)]
    return [w for w in widgets if w.isVisible() and w.isEnabled() and shows_text(w)]


def too_faint(root: QWidget) -> list[str]:
    """Each text widget whose text is below 4.5:1, with its class, name and ratio."""
    found = [(w, painted_contrast(w)) for w in texts(root)]
    return [f"{type(w).__name__} {w.objectName()}: {r:.2f}" for w, r in found if r < MINIMUM]


def test_the_window_reads_on_the_palette(
    theme: str, open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, numbered_heroes(3))
    window = open_window()
    window.search_bar.name_edit.setText("Hero")

    assert len(texts(window)) >= 5
    assert too_faint(window) == []
    # Each cell of a row not selected, on the plain and on the alternate background.
    for row in (1, 2):
        for column in range(window.model.columnCount()):
            area = window.table.visualRect(window.model.index(row, column))
            assert painted_contrast(window.table.viewport(), area, 3) >= MINIMUM, (row, column)
    # The current cell, selected: highlighted text on the highlight colour.
    current = window.table.currentIndex()
    assert window.table.selectionModel().isSelected(current)
    area = window.table.visualRect(current)
    assert painted_contrast(window.table.viewport(), area, 3) >= MINIMUM


@pytest.mark.parametrize("kind", list(MessageKind))
def test_each_kind_of_message_reads_on_the_palette(
    theme: str, kind: MessageKind, open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, numbered_heroes(3))
    window = open_window()

    window.show_message("Could not read the file: it is not a hero database.", kind)

    assert painted_contrast(window.message_bar.label) >= MINIMUM


def selection_area(editor: QWidget) -> QRect:
    """Where a line editor paints its selection in the highlight colour (its edge left out)."""
    image = editor.grab().toImage()
    highlight = editor.palette().color(QPalette.ColorRole.Highlight).rgb()
    painted = [
        (x, y)
        for x in range(image.width())
        for y in range(image.height())
        if image.pixel(x, y) == highlight
    ]
    assert painted, "no selection is painted in the highlight colour"
    xs, ys = zip(*painted, strict=True)
    return QRect(QPoint(min(xs), min(ys)), QPoint(max(xs), max(ys))).adjusted(1, 1, -1, -1)


def before_the_cursor(editor: QWidget) -> QRect:
    """The line a line editor shows its text on, left of the cursor's rectangle.

    The cursor is left out: Qt draws it in the palette's text colour whatever
    colour the text has, so it would stand out even beside faint text.
    """
    cursor = QRectF(editor.inputMethodQuery(Qt.InputMethodQuery.ImCursorRectangle)).toRect()
    return QRect(0, cursor.top(), cursor.left(), cursor.height())


@pytest.mark.parametrize(("column", "typed"), [(1, "Deadpond the Second"), (2, "48")])
def test_a_cell_being_edited_reads_on_the_palette(
    theme: str, column: int, typed: str, qtbot: QtBot, open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, [(1, "Deadpond", 35, "Dive Wilson")])
    window = open_window()
    window.services  # noqa: B018 - editing, built now
    go_to_cell(qtbot, window, 1, column)

    qtbot.keyClick(window.table, Qt.Key.Key_F2)
    editor = editor_of(window)
    assert isinstance(editor, QLineEdit)
    # Opened: the cell's value, all selected (highlighted text on the highlight colour).
    assert editor.hasSelectedText()
    assert painted_contrast(editor, selection_area(editor)) >= MINIMUM
    # Typed over: plain text on the editor's background.
    type_text(qtbot, editor, typed)
    assert editor.text() == typed
    assert painted_contrast(editor, before_the_cursor(editor)) >= MINIMUM
    qtbot.keyClick(editor, Qt.Key.Key_Escape)


def test_a_refused_cell_says_why_in_readable_words(
    theme: str, qtbot: QtBot, open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, [(1, "Deadpond", None, "Dive Wilson")])
    window = open_window()
    window.services  # noqa: B018 - editing, built now
    go_to_cell(qtbot, window, 1, 2)
    qtbot.keyClick(window.table, Qt.Key.Key_F2)
    type_text(qtbot, editor_of(window), "old")

    qtbot.keyClick(editor_of(window), Qt.Key.Key_Return)

    assert window.statusBar().currentMessage().startswith("Age: ")
    assert painted_contrast(window.statusBar()) >= MINIMUM


def test_a_refusal_in_a_dialog_reads_on_the_palette(theme: str, qtbot: QtBot) -> None:
    dialog = GoToHeroDialog(lambda _text, reply: reply("No hero has id 42."))
    dialog.show()
    qtbot.waitExposed(dialog)

    dialog.accept()

    assert dialog.error.isVisible()
    assert too_faint(dialog) == []
    dialog.close()
