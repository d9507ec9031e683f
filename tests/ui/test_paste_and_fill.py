"""Paste, Paste as New Heroes and Fill: spreadsheet cells into the roster, one undo step each.

The clipboard holds what LibreOffice Calc, Excel and Google Sheets put there;
the database file is read with plain sqlite3 after each paste and its undo.

Why one file of this length: Paste, Paste as New and Fill share the clipboard
shapes, the file checks and one undo rule; apart, each file would repeat them.
"""

# pytest-qt's keyClick and keyClicks are untyped wrappers of QTest's.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QSettings, Qt
from PySide6.QtWidgets import QApplication

from hero_desktop.ui.main_window import MainWindow

from .conftest import OpenWindow, SettlingQtBot
from .support import (
    CTRL,
    SHIFT,
    Answers,
    editor_of,
    execute_elsewhere,
    go_to_cell,
    message,
    numbered_heroes,
    rows_in_file,
    selected_ids,
    type_text,
    write_heroes,
)

NAME, AGE, SECRET = 1, 2, 3


class Asked(Answers):
    """Answers "Add the rest as new heroes?" with ``add_rest``, and records the question."""

    def __init__(self, add_rest: bool = True) -> None:
        super().__init__()
        self.add_rest = add_rest
        self.questions: list[str] = []

    def confirm(self, title: str, message: str) -> bool:
        self.questions.append(message)
        return self.add_rest


def put_on_clipboard(text: str | None = None, html: str | None = None) -> None:
    mime = QMimeData()
    if text is not None:
        mime.setText(text)
    if html is not None:
        mime.setHtml(html)
    QApplication.clipboard().setMimeData(mime)


def press(qtbot: SettlingQtBot, window: MainWindow, key: Qt.Key, modifiers: object = CTRL) -> None:
    qtbot.keyClick(window.table, key, modifiers)


def undo_text(window: MainWindow) -> str:
    return window.menus.undo_action.text()


def test_a_libreoffice_block_lands_right_and_below_the_current_cell_and_undo_restores(
    qtbot: SettlingQtBot, open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, numbered_heroes(5))
    window = open_window()
    go_to_cell(qtbot, window, 2, NAME)
    # LibreOffice: \n line ends, a quote quoted and doubled, a trailing newline.
    put_on_clipboard('Ann\t31\n"Bo ""B"" b"\t\n')
    press(qtbot, window, Qt.Key.Key_V)
    rows = rows_in_file(db_path)
    assert rows[1] == (2, "Ann", 31, "Secret 002")
    assert rows[2] == (3, 'Bo "B" b', None, "Secret 003")
    assert rows[3] == numbered_heroes(5)[3]
    assert window.model.hero_at(1).name == "Ann"
    assert undo_text(window) == "&Undo Paste 4 Cells"
    press(qtbot, window, Qt.Key.Key_Z)
    assert rows_in_file(db_path) == numbered_heroes(5)


def test_an_excel_block_with_windows_line_ends_and_a_bom(
    qtbot: SettlingQtBot, open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, numbered_heroes(3))
    window = open_window()
    go_to_cell(qtbot, window, 1, AGE)
    put_on_clipboard("\ufeff40\tDive Wilson\r\n41\tPedro\r\n")
    press(qtbot, window, Qt.Key.Key_V)
    assert rows_in_file(db_path)[:2] == [
        (1, "Hero 001", 40, "Dive Wilson"),
        (2, "Hero 002", 41, "Pedro"),
    ]


def test_a_google_sheets_html_only_clipboard(
    qtbot: SettlingQtBot, open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, numbered_heroes(3))
    window = open_window()
    go_to_cell(qtbot, window, 1, NAME)
    put_on_clipboard(
        html='<meta charset="utf-8"><google-sheets-html-origin><table><tbody>'
        "<tr><td>Tom &amp; Jerry</td><td>7</td></tr></tbody></table>"
    )
    press(qtbot, window, Qt.Key.Key_V)
    assert rows_in_file(db_path)[0] == (1, "Tom & Jerry", 7, "Secret 001")


def test_one_bad_value_writes_nothing_and_names_its_row_and_column(
    qtbot: SettlingQtBot, open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, numbered_heroes(5))
    window = open_window()
    go_to_cell(qtbot, window, 1, NAME)
    put_on_clipboard("A\t1\nB\t2\nC\tabc\n")
    press(qtbot, window, Qt.Key.Key_V)
    assert message(window) == "Row 3, Age: Age must be a whole number. Nothing was pasted."
    assert rows_in_file(db_path) == numbered_heroes(5)


def test_a_quoted_field_with_a_line_break_is_refused_for_a_name(
    qtbot: SettlingQtBot, open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, numbered_heroes(2))
    window = open_window()
    go_to_cell(qtbot, window, 1, NAME)
    put_on_clipboard('Ann\r\n"Dive\r\nWilson"\r\n')  # Excel quotes a cell holding a newline
    press(qtbot, window, Qt.Key.Key_V)
    assert message(window).startswith("Row 2, Name: Name must not contain control characters")
    assert rows_in_file(db_path) == numbered_heroes(2)


def test_a_value_on_the_id_column_is_left_out_and_said(
    qtbot: SettlingQtBot, open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, numbered_heroes(2))
    window = open_window()
    go_to_cell(qtbot, window, 1, 0)
    put_on_clipboard("9\tNine\n")  # a whole row copied from Hero Desktop
    press(qtbot, window, Qt.Key.Key_V)
    assert rows_in_file(db_path)[0] == (1, "Nine", 21, "Secret 001")
    assert "ID column is never written: 1 copied value left out" in message(window)


def test_a_paste_past_the_page_continues_on_the_heroes_that_follow(
    qtbot: SettlingQtBot, open_window: OpenWindow, db_path: Path, settings: QSettings
) -> None:
    settings.setValue("page_size", 25)
    settings.sync()
    write_heroes(db_path, numbered_heroes(1_100))
    prompts = Asked(add_rest=False)
    window = open_window(prompts=prompts)
    go_to_cell(qtbot, window, 2, AGE)
    put_on_clipboard("".join(f"{i % 90}\r\n" for i in range(1_000)))
    press(qtbot, window, Qt.Key.Key_V)
    assert prompts.questions == []  # the heroes that follow are there: nothing to add
    rows = rows_in_file(db_path)
    assert [row[2] for row in rows[1:1_001]] == [i % 90 for i in range(1_000)]
    assert rows[0] == numbered_heroes(1)[0]
    assert rows[1_001] == numbered_heroes(1_100)[1_001]
    assert undo_text(window) == "&Undo Paste 1,000 Cells"
    press(qtbot, window, Qt.Key.Key_Z)  # one step undoes all of it
    assert rows_in_file(db_path) == numbered_heroes(1_100)


def test_past_the_last_hero_it_asks_to_add_the_rest_as_new_heroes(
    qtbot: SettlingQtBot, open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, numbered_heroes(2))
    prompts = Asked(add_rest=True)
    window = open_window(prompts=prompts)
    go_to_cell(qtbot, window, 2, NAME)
    put_on_clipboard("Bee\t5\tB\nCee\t\tC\nDee\t7\tD\n")
    press(qtbot, window, Qt.Key.Key_V)
    assert "Add its last 2 rows as new heroes?" in prompts.questions[0]
    assert rows_in_file(db_path) == [
        numbered_heroes(1)[0],
        (2, "Bee", 5, "B"),
        (3, "Cee", None, "C"),
        (4, "Dee", 7, "D"),
    ]
    assert undo_text(window) == "&Undo Paste 3 Cells and 2 New Heroes"
    press(qtbot, window, Qt.Key.Key_Z)
    assert rows_in_file(db_path) == numbered_heroes(2)


def test_saying_no_to_new_heroes_pastes_nothing(
    qtbot: SettlingQtBot, open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, numbered_heroes(2))
    prompts = Asked(add_rest=False)
    window = open_window(prompts=prompts)
    go_to_cell(qtbot, window, 2, NAME)
    put_on_clipboard("Bee\nCee\n")
    press(qtbot, window, Qt.Key.Key_V)
    assert len(prompts.questions) == 1
    assert rows_in_file(db_path) == numbered_heroes(2)
    assert message(window) == "Nothing was pasted."


def test_paste_as_new_heroes_reads_a_header_row_in_any_order_and_case(
    qtbot: SettlingQtBot, open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, numbered_heroes(2))
    window = open_window()
    put_on_clipboard(
        "Secret Name\tAGE\tname\r\nDive Wilson\t30\tDeadpond\r\nPedro\t\tSpider-Boy\r\n"
    )
    press(qtbot, window, Qt.Key.Key_V, CTRL | SHIFT)
    assert rows_in_file(db_path)[2:] == [
        (3, "Deadpond", 30, "Dive Wilson"),
        (4, "Spider-Boy", None, "Pedro"),
    ]
    qtbot.waitUntil(lambda: selected_ids(window) >= {3, 4})
    assert undo_text(window) == "&Undo Paste 2 New Heroes"
    # Every new hero's whole row is selected, the first one's too.
    assert window.navigator.cells.count_label.text() == "2 rows selected"
    press(qtbot, window, Qt.Key.Key_Z)
    assert rows_in_file(db_path) == numbered_heroes(2)


def test_paste_as_new_heroes_without_a_header_takes_the_columns_as_shown(
    qtbot: SettlingQtBot, open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, numbered_heroes(1))
    window = open_window()
    put_on_clipboard("\t Rusty-Man\t48\tTommy Sharp\n\tBad\tx\tY\n")
    press(qtbot, window, Qt.Key.Key_V, CTRL | SHIFT)
    assert message(window) == "Row 2, Age: Age must be a whole number. Nothing was pasted."
    put_on_clipboard("\t Rusty-Man\t48\tTommy Sharp\n")
    press(qtbot, window, Qt.Key.Key_V, CTRL | SHIFT)
    assert rows_in_file(db_path)[1:] == [(2, "Rusty-Man", 48, "Tommy Sharp")]


def test_one_value_pasted_over_a_selection_fills_every_selected_cell(
    qtbot: SettlingQtBot, open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, numbered_heroes(4))
    window = open_window()
    go_to_cell(qtbot, window, 1, AGE)
    for _ in range(2):
        qtbot.keyClick(window.table, Qt.Key.Key_Down, SHIFT)
    put_on_clipboard("99\n")
    press(qtbot, window, Qt.Key.Key_V)
    assert [row[2] for row in rows_in_file(db_path)] == [99, 99, 99, 24]
    assert undo_text(window) == "&Undo Paste 3 Cells"


def test_ctrl_enter_puts_the_typed_value_in_every_selected_cell_of_the_column(
    qtbot: SettlingQtBot, open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, numbered_heroes(5))
    window = open_window()
    go_to_cell(qtbot, window, 1, AGE)
    for _ in range(3):
        qtbot.keyClick(window.table, Qt.Key.Key_Down, SHIFT)
    qtbot.keyClick(window.table, Qt.Key.Key_F2)
    editor = editor_of(window)
    qtbot.keyClick(editor, Qt.Key.Key_A, CTRL)
    type_text(qtbot, editor, "abc")
    qtbot.keyClick(editor, Qt.Key.Key_Return, CTRL)  # refused: nothing written, editor open
    assert rows_in_file(db_path) == numbered_heroes(5)
    qtbot.keyClick(editor, Qt.Key.Key_A, CTRL)
    type_text(qtbot, editor, "77")
    qtbot.keyClick(editor, Qt.Key.Key_Return, CTRL)
    assert [row[2] for row in rows_in_file(db_path)] == [77, 77, 77, 77, 25]
    assert undo_text(window) == "&Undo Fill 4 Cells"
    press(qtbot, window, Qt.Key.Key_Z)
    assert rows_in_file(db_path) == numbered_heroes(5)


def test_ctrl_d_fills_a_page_of_cells_down_in_one_step(
    qtbot: SettlingQtBot, open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, numbered_heroes(150))
    window = open_window()
    go_to_cell(qtbot, window, 1, NAME)
    # Shift+Page Down to the page's last row, Shift+Right to Secret name: 100 rows x 3 cells
    while window.table.currentIndex().row() < 99:
        qtbot.keyClick(window.table, Qt.Key.Key_PageDown, SHIFT)
    for _ in range(2):
        qtbot.keyClick(window.table, Qt.Key.Key_Right, SHIFT)
    press(qtbot, window, Qt.Key.Key_D)
    rows = rows_in_file(db_path)
    assert set(rows[:100]) == {(i, "Hero 001", 21, "Secret 001") for i in range(1, 101)}
    assert rows[100:] == numbered_heroes(150)[100:]
    assert undo_text(window) == "&Undo Fill 297 Cells"
    press(qtbot, window, Qt.Key.Key_Z)
    assert rows_in_file(db_path) == numbered_heroes(150)


def test_a_pasted_cell_changed_elsewhere_asks_once_for_the_whole_paste(
    qtbot: SettlingQtBot, open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, numbered_heroes(4))
    prompts = Asked()
    prompts.use_mine = True
    window = open_window(prompts=prompts)
    go_to_cell(qtbot, window, 1, AGE)
    window.live_view.timer.stop()  # the window has not seen the change when it pastes
    execute_elsewhere(db_path, "UPDATE hero SET age = 5 WHERE id IN (2, 3)")
    put_on_clipboard("1\n2\n3\n")
    press(qtbot, window, Qt.Key.Key_V)
    assert len(prompts.conflicts) == 1
    assert [row[2] for row in rows_in_file(db_path)] == [1, 2, 3, 24]
