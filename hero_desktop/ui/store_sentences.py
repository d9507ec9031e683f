"""What the window says about an open store, in words: the stores answer with values.

A store says *why* it is read-only (``ReadOnlyReason``), *how* other
programs' changes reach the window (``LiveUpdates``) and *what* it would add
with the user's consent (``NameIndexOffer``); the data worker sends them in
``StoreFacts``. The sentences the user reads are made here, and nowhere in
the data layer. No Qt is needed here.
"""

from __future__ import annotations

from hero_desktop.data.facts import StoreFacts
from hero_desktop.data.name_index_state import NameIndexOffer
from hero_desktop.data.store import LiveUpdates, ReadOnlyReason

OFFERS = {
    NameIndexOffer.FILE: (
        "Hero Desktop can add a name index (a table, an FTS index and three triggers "
        "that only use SQLite built-ins) and switch the file to WAL mode, so that search "
        "and name order are instant. The tutorial's app keeps working with the file."
    ),
    NameIndexOffer.SERVER: (
        "Hero Desktop can add a name index (two tables, an index on age, and triggers on "
        "the hero table) so that search and name order are instant and every open window "
        "sees other people's changes at once. The tutorial's app keeps working with the "
        "database; nothing in the hero table changes."
    ),
}


def offer_sentence(offer: NameIndexOffer | None) -> str:
    """The offer bar's text: what would be added and why ("" when nothing is offered)."""
    return OFFERS[offer] if offer is not None else ""


def read_only_banner(facts: StoreFacts) -> str:
    """The read-only banner's text: why nothing can be changed, as the store said."""
    name = facts.display_name
    if facts.read_only_reason is ReadOnlyReason.ASKED:
        return (
            f"Read-only: {name} was opened read-only on request (--read-only), "
            "so editing is turned off."
        )
    if notice := opening_notice(facts):
        return f"Read-only: {notice}"
    return "Read-only: this database cannot be written, so editing is turned off."


def opening_notice(facts: StoreFacts) -> str:
    """A sentence for the user after opening, or "".

    Why the store is read-only, when the banner's own words do not say it
    (a role that may only read), and how other people's changes show when
    the server has no notify trigger. A file has nothing to add: the
    banner says why it cannot be written.
    """
    name = facts.display_name
    role = facts.read_only_reason is ReadOnlyReason.ROLE
    if facts.live_updates is LiveUpdates.POLLING:
        if role:
            return (
                f"{name} is open read-only: your role may only read heroes here. "
                "Other people's changes show within about two seconds."
            )
        return (
            f"{name} has no Hero Desktop trigger, so other people's changes show "
            "within about two seconds (by asking the server) instead of at once."
        )
    if role:
        return f"{name} is open read-only: your role may only read heroes here."
    return ""
