"""Heroes' cells as Copy puts them on the clipboard: the text of a cell, and a whole view's.

One rule for every copy: a hero's field as its text (no age is an empty
cell), and a hidden secret name never copied (an empty cell) until the user
shows secret names. ``view_clipboard`` reads every hero a query shows, in its
order, from one read snapshot, in the data worker (a view may hold a million
heroes), and writes them as the clipboard takes them, reporting progress and
stopping when told.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from hero_desktop.data.clipboard_text import HTML_HEAD, HTML_TAIL, html_rows, to_tsv
from hero_desktop.data.errors import OperationCancelledError
from hero_desktop.data.query import HeroQuery
from hero_desktop.data.rows import HeroRow
from hero_desktop.data.store import HeroReader
from hero_desktop.data.words import Words


class ViewCellsWords(Words):
    """The translation context of a whole view's copy."""


READ_BATCH_ROWS = 1000
Progress = Callable[[int, int], bool]


class HasReader(Protocol):
    @property
    def store(self) -> HeroReader: ...


def cell_text(hero: HeroRow, field: str, secrets_visible: bool) -> str:
    if field == "secret_name" and not secrets_visible:
        return ""
    value = getattr(hero, field)
    return "" if value is None else str(value)


def view_clipboard(
    repository: HasReader,
    query: HeroQuery,
    fields: Sequence[str],
    secrets_visible: bool,
    titles: Sequence[str] | None = None,
    progress: Progress | None = None,
) -> tuple[str, bytes, int]:
    """The ``fields`` of every hero ``query`` shows, in its order, as the clipboard takes them.

    Returns the tab-separated text, the HTML table in UTF-8 and how many
    heroes; ``titles`` (the column titles) make a first row. Each block of
    heroes read is written out and let go before the next is read: building
    and freeing a whole view's cells at once holds the GIL (so the GUI thread)
    for tens of milliseconds at 127,000 heroes.
    ``progress(done, total)`` is called between blocks; returning False
    raises OperationCancelledError.
    """
    tsv: list[str] = []
    html: list[bytes] = []
    if titles is not None:
        tsv.append(to_tsv([titles]))
        html.append(html_rows([titles]).encode("utf-8"))
    done = 0
    with repository.store.snapshot(query) as pager:
        total = pager.count()
        while done < total:
            heroes = pager.rows(done, READ_BATCH_ROWS)
            if not heroes:
                break
            block = [[cell_text(hero, f, secrets_visible) for f in fields] for hero in heroes]
            tsv.append(to_tsv(block))
            html.append(html_rows(block).encode("utf-8"))
            done += len(heroes)
            if progress is not None and done < total and progress(done, total) is False:
                raise _cancelled()
    # The last report only once the whole text is made: joining megabytes is one call
    # that keeps the GIL, and the GUI thread draws that report meanwhile otherwise.
    head, tail = HTML_HEAD.encode("utf-8"), HTML_TAIL.encode("utf-8")
    text, table = "".join(tsv), b"".join([head, *html, tail])
    if progress is not None and progress(done, total) is False:
        raise _cancelled()
    return text, table, done


def _cancelled() -> OperationCancelledError:
    return OperationCancelledError(ViewCellsWords.tr("Copy cancelled: the clipboard is as it was."))
