"""What the window says while a page's count is still coming (see ``page_count``).

The pager, the search bar's match count and the status bar's selection say
that the count is coming in words, for sight and for screen readers, and
never show what is known so far as the count.
"""

from __future__ import annotations

from hero_desktop.data.words import Words, number


class PageCountWords(Words):
    """The translation context of what the window says while a count is coming."""


def counting_status(filtered: bool, first: int, last: int) -> str:
    """The pager's status while the count is coming: the rows shown, and that it is coming."""
    if filtered:
        text = PageCountWords.tr("Matches {first}–{last}, still counting the total…")
    else:
        text = PageCountWords.tr("Heroes {first}–{last}, still counting the total…")
    return text.format(first=number(first), last=number(last))


def counting_pages() -> str:
    """What stands for the number of pages while it is being counted (visible, short)."""
    return PageCountWords.tr("of …")


def counting_pages_spoken() -> str:
    """What a screen reader says of the number of pages while it is being counted."""
    return PageCountWords.tr("The number of pages is still being counted")


def counting_page_field(page: int, keys: str) -> str:
    """The page field's description for screen readers while the count is coming.

    ``keys``: the key that reaches the field, as the user's language writes it.
    """
    return PageCountWords.tr(
        "Page {page}; the number of pages is still being counted: type a page number and "
        "press Enter ({keys})"
    ).format(page=number(page), keys=keys)


def counting_matches() -> str:
    """The search bar's match count while the matches are being counted."""
    return PageCountWords.tr("Counting matches…")


def counting_whole_view() -> str:
    """The status bar after Select All while the heroes of the view are being counted."""
    return PageCountWords.tr("All heroes of the view selected (still counting them)")
