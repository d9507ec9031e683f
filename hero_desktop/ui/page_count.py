"""A page shown before its count: the count asked for next, and what the window says meanwhile.

Counting a whole table reads a whole index: on ten million heroes that is
1-2 s when the file is not in the OS cache (after a reboot), while the first
page is a few index pages. Jumping deep into an order first finds its page
checkpoints (1-3 s on ten million heroes): once counted, they are found
ahead, in short steps. So a page may come without its count
(``PageView.counted`` False); the window shows it at once, says the count is
still coming, and ``CountFollower`` asks the data worker for it.

The count is asked as a view request: a page key pressed meanwhile replaces
it (the worker interrupts it) and is answered at once; the count is asked
again once that page is shown, from the OS cache by then. Until it comes,
the totals on screen are only what is known (the heroes up to this page and
one more when another page follows) and are never shown as the count.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.query import HeroQuery
from hero_desktop.data.views import count_view
from hero_desktop.ui.data_worker import DataClient
from hero_desktop.ui.hero_table_model import HeroTableModel

PREPARE_SECONDS = 0.02
"""How long one step of preparing an order's pages may hold the data worker."""


class CountFollower(QObject):
    """Asks for the count of the page shown when it came without one, then prepares its order.

    Once counted, the order's page checkpoints are found a step of
    ``PREPARE_SECONDS`` at a time (``HeroRepository.prepare_pages``), so that
    a jump to any page is quick; a page key between two steps is answered
    first. ``page_awaited`` says whether the navigator waits for a page:
    nothing is asked then (as a view request it would replace that page),
    but once that page is shown.
    """

    def __init__(
        self,
        client: DataClient,
        model: HeroTableModel,
        page_awaited: Callable[[], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._client = client
        self._model = model
        self._page_awaited = page_awaited
        self._asked: tuple[HeroQuery, int] | None = None
        """The query of the count or preparing step asked last, and its request id."""
        self._prepared: HeroQuery | None = None
        model.pageChanged.connect(self._ask)

    def prepared(self) -> bool:
        """The shown order is counted and its checkpoints found: any page is quick."""
        return self._model.counted and self._prepared == self._model.query

    def _ask(self) -> None:
        model, client = self._model, self._client
        if not model.counted:
            self._prepared = None  # read again: the file may have changed
        if self._page_awaited() or (model.counted and self._prepared == model.query):
            return
        query = model.query
        asked = self._asked
        if asked is not None and asked[0] == query and client.is_pending(asked[1]):
            return  # on its way
        if model.counted:
            request_id = client.ask(
                lambda repository: repository.prepare_pages(query, PREPARE_SECONDS),
                lambda done: self._prepared_step(query, done),
                lambda _error: self._forget(query),
                view=True,
            )
        else:
            request_id = client.ask(
                lambda repository: self._count(repository, query),
                lambda total: self._arrived(query, total),
                lambda _error: self._forget(query),
                view=True,
            )
        self._asked = (query, request_id)

    @staticmethod
    def _count(repository: HeroRepository, query: HeroQuery) -> int:
        return count_view(repository, query)

    def _arrived(self, query: HeroQuery, total: object) -> None:
        self._asked = None
        if isinstance(total, int):
            self._model.count_arrived(query, total)  # its pageChanged asks for the rest

    def _prepared_step(self, query: HeroQuery, done: object) -> None:
        self._asked = None
        if done is True:
            self._prepared = query
        elif query == self._model.query:
            QTimer.singleShot(0, self, self._ask)  # the next step, after what came meanwhile

    def _forget(self, query: HeroQuery) -> None:
        # The next page shown asks again; a failure of the database itself shows there.
        if self._asked is not None and self._asked[0] == query:
            self._asked = None
