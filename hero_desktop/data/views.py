"""What the window shows, read in one call: a page of a query, and where a hero is.

The data worker answers each of the window's requests with one of these
reads, so a page, its total and the hero to make current arrive together.

A request may take its page before its count (``count_later``): counting a
whole table reads a whole index, seconds on ten million heroes when the file
is not in the OS cache, while a page is a few index pages. Such a view says
it is not ``counted``; its ``total`` is then only what is known so far (the
heroes up to this page, and one more when another page follows), and
``count_view`` brings the count.
"""

from __future__ import annotations

from dataclasses import dataclass

from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.query import HeroQuery
from hero_desktop.data.rows import HeroRow

LAST_PAGE = 2**62
"""A page number past any end: the request is answered with the last page (counted,
when only estimated)."""


@dataclass(frozen=True)
class PageRequest:
    """Page ``page`` of ``query``, or the page that holds ``focus_id`` when it is shown."""

    query: HeroQuery
    page: int
    page_size: int
    focus_id: int | None = None
    count_later: bool = False
    """Show the page without waiting for its count when the count is not known yet
    (never with ``focus_id``, whose page is found by rank)."""


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
    counted: bool = True
    """False: ``total`` is a lower bound (what is known so far); the count is coming."""

    @property
    def page_count(self) -> int:
        return max(1, -(-self.total // self.page_size))


def read_page(repository: HeroRepository, request: PageRequest) -> PageView:
    # A search's first page may come with an estimate (a store's pager says when
    # counting would read everything); any other page, or finding a hero, needs
    # the count, which a request may take later (``count_later``).
    exact = True
    if request.page == 0 and request.focus_id is None and request.query.search.strip():
        total, exact = repository.quick_count(request.query)
    else:
        if request.count_later and request.focus_id is None:
            view = _page_before_count(repository, request)
            if view is not None:
                return view
        total = repository.count(request.query)
    pages = max(1, -(-total // request.page_size))
    page = request.page
    if request.focus_id is not None:
        rank = repository.rank_of(request.focus_id, request.query)
        if rank is not None:
            page = rank // request.page_size
    page = min(max(page, 0), pages - 1)
    rows = repository.page(request.query, offset=page * request.page_size, limit=request.page_size)
    focus_row = next((row for row, hero in enumerate(rows) if hero.id == request.focus_id), None)
    return PageView(
        request.query, page, request.page_size, total, rows, focus_row, total_is_estimate=not exact
    )


def _page_before_count(repository: HeroRepository, request: PageRequest) -> PageView | None:
    """The page with the count if it costs nothing, else without it; None: count first.

    A page past the end (the file shrank, or a page number typed) needs the
    count to know which page is the last one.
    """
    total = repository.count_if_known(request.query)
    if total is not None:
        return None
    size = request.page_size
    start = max(request.page, 0) * size
    rows, more = repository.page_ahead(request.query, offset=start, limit=size)
    if not rows and start > 0:
        return None
    known = start + len(rows) + (1 if more else 0)
    if not more:
        # The last page read to its end: that is the count, and it is final.
        return PageView(request.query, max(request.page, 0), size, known, rows, None)
    return PageView(request.query, max(request.page, 0), size, known, rows, None, counted=False)


def count_view(repository: HeroRepository, query: HeroQuery) -> int:
    """The count a view read before its count is waiting for (kept for its later pages)."""
    return repository.count(query)
