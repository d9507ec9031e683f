"""What the window shows, read in one call: a page of a query, and where a hero is.

The data worker answers each of the window's requests with one of these
reads, so a page, its total and the hero to make current arrive together.
"""

from __future__ import annotations

from dataclasses import dataclass

from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.query import HeroQuery
from hero_desktop.data.rows import HeroRow

LAST_PAGE = 2**62
"""A page past any end: ``read_page`` shows the last page (counted, when only estimated)."""


@dataclass(frozen=True)
class PageRequest:
    """Page ``page`` of ``query``, or the page that holds ``focus_id`` when it is shown."""

    query: HeroQuery
    page: int
    page_size: int
    focus_id: int | None = None


@dataclass(frozen=True)
class PageView:
    query: HeroQuery
    page: int
    page_size: int
    total: int
    rows: list[HeroRow]
    focus_row: int | None  # the row of the requested hero on this page, if it is there
    total_is_estimate: bool = False
    """``total`` is an estimate (shown as "about"): only a first page's may be."""

    @property
    def page_count(self) -> int:
        return max(1, -(-self.total // self.page_size))


def read_page(repository: HeroRepository, request: PageRequest) -> PageView:
    # A first page may come with an estimate (a store's pager says when counting
    # would read everything); any other page, or finding a hero, needs the count.
    if request.page == 0 and request.focus_id is None:
        total, exact = repository.quick_count(request.query)
    else:
        total, exact = repository.count(request.query), True
    pages = max(1, -(-total // request.page_size))
    page = request.page
    if request.focus_id is not None:
        rank = repository.rank_of(request.focus_id, request.query)
        if rank is not None:
            page = rank // request.page_size
    page = min(max(page, 0), pages - 1)
    rows = repository.page(request.query, offset=page * request.page_size, limit=request.page_size)
    focus_row = next((row for row, hero in enumerate(rows) if hero.id == request.focus_id), None)
    return PageView(request.query, page, request.page_size, total, rows, focus_row, not exact)
