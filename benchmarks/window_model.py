"""The table model fed as the window feeds it, for benchmarks that time one key press.

A key press in the window asks the data worker for one ``PageView``
(``read_page``) and shows it in the model (``show_view``). Here both run on
the calling thread, back to back, so the time measured is the work of the
press without the hop between threads.
"""

from __future__ import annotations

from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.query import HeroQuery
from hero_desktop.data.views import PageRequest, read_page
from hero_desktop.ui.hero_table_model import HeroTableModel


class WindowModel(HeroTableModel):
    def __init__(self, repository: HeroRepository, page_size: int = 100) -> None:
        super().__init__(page_size)
        self.repository = repository

    def load(
        self,
        *,
        query: HeroQuery | None = None,
        page: int | None = None,
        page_size: int | None = None,
    ) -> None:
        """Show ``page`` of ``query``, as the table navigator does with the worker's answer."""
        request = PageRequest(
            query if query is not None else self.query,
            self.page if page is None else page,
            page_size or self.page_size,
        )
        self.show_view(read_page(self.repository, request))
