"""Reading back what Copy writes: the cells of an HTML table, as a spreadsheet sees them."""

from __future__ import annotations

from html.parser import HTMLParser


class TableCells(HTMLParser):
    """The text of each <td>/<th> of an HTML table, row by row; <br> as a line break."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "br" and self._cell is not None:
            self._cell.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append("".join(self._cell))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def html_cells(text: str) -> list[list[str]]:
    parser = TableCells()
    parser.feed(text)
    return parser.rows
