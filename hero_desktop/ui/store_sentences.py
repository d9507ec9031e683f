"""What the window says about an open store, in words: the stores answer with values.

A store says *why* it is read-only (``ReadOnlyReason``), *how* other
programs' changes reach the window (``LiveUpdates``) and *what* it would add
with the user's consent (``NameIndexOffer``); the data worker sends them in
``StoreFacts``. The sentences the user reads are made here, and nowhere in
the data layer, each one whole (the banner's "Read-only: ..." too), so a
translation can word every case its own way. No Qt is needed here.
"""

from __future__ import annotations

from enum import Enum, auto

from hero_desktop.data.facts import StoreFacts
from hero_desktop.data.name_index_state import NameIndexOffer
from hero_desktop.data.store import LiveUpdates, ReadOnlyReason
from hero_desktop.data.words import Words


class StoreSentencesWords(Words):
    """The translation context of what the window says about an open store."""


class _Notice(Enum):
    """What there is to say after opening, besides the banner's own words."""

    ROLE = auto()  # a role that may only read
    POLLING = auto()  # no notify trigger: changes show by asking the server
    ROLE_AND_POLLING = auto()


def offer_sentence(offer: NameIndexOffer | None) -> str:
    """The offer bar's text: what would be added and why ("" when nothing is offered)."""
    if offer is NameIndexOffer.FILE:
        return StoreSentencesWords.tr(
            "Hero Desktop can add a name index (a table, an FTS index and three triggers "
            "that only use SQLite built-ins) and switch the file to WAL mode, so that search "
            "and name order are instant. The tutorial's app keeps working with the file."
        )
    if offer is NameIndexOffer.SERVER:
        return StoreSentencesWords.tr(
            "Hero Desktop can add a name index (two tables, an index on age, and triggers on "
            "the hero table) so that search and name order are instant and every open window "
            "sees other people's changes at once. The tutorial's app keeps working with the "
            "database; nothing in the hero table changes."
        )
    return ""


def read_only_banner(facts: StoreFacts) -> str:
    """The read-only banner's text: why nothing can be changed, as the store said."""
    name = facts.display_name
    if facts.read_only_reason is ReadOnlyReason.ASKED:
        return StoreSentencesWords.tr(
            "Read-only: {name} was opened read-only on request (--read-only), "
            "so editing is turned off."
        ).format(name=name)
    notice = _notice(facts)
    if notice is _Notice.ROLE_AND_POLLING:
        return StoreSentencesWords.tr(
            "Read-only: {name} is open read-only: your role may only read heroes here. "
            "Other people's changes show within about two seconds."
        ).format(name=name)
    if notice is _Notice.POLLING:
        return StoreSentencesWords.tr(
            "Read-only: {name} has no Hero Desktop trigger, so other people's changes show "
            "within about two seconds (by asking the server) instead of at once."
        ).format(name=name)
    if notice is _Notice.ROLE:
        return StoreSentencesWords.tr(
            "Read-only: {name} is open read-only: your role may only read heroes here."
        ).format(name=name)
    return StoreSentencesWords.tr(
        "Read-only: this database cannot be written, so editing is turned off."
    )


def opening_notice(facts: StoreFacts) -> str:
    """A sentence for the user after opening, or "".

    Why the store is read-only, when the banner's own words do not say it
    (a role that may only read), and how other people's changes show when
    the server has no notify trigger. A file has nothing to add: the
    banner says why it cannot be written.
    """
    name = facts.display_name
    notice = _notice(facts)
    if notice is _Notice.ROLE_AND_POLLING:
        return StoreSentencesWords.tr(
            "{name} is open read-only: your role may only read heroes here. "
            "Other people's changes show within about two seconds."
        ).format(name=name)
    if notice is _Notice.POLLING:
        return StoreSentencesWords.tr(
            "{name} has no Hero Desktop trigger, so other people's changes show "
            "within about two seconds (by asking the server) instead of at once."
        ).format(name=name)
    if notice is _Notice.ROLE:
        return StoreSentencesWords.tr(
            "{name} is open read-only: your role may only read heroes here."
        ).format(name=name)
    return ""


def _notice(facts: StoreFacts) -> _Notice | None:
    role = facts.read_only_reason is ReadOnlyReason.ROLE
    if facts.live_updates is LiveUpdates.POLLING:
        return _Notice.ROLE_AND_POLLING if role else _Notice.POLLING
    return _Notice.ROLE if role else None
