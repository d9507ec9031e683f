"""What the window knows of an open store: read in the data worker, sent as a value.

The store and its connection belong to the data worker's thread. The GUI
thread never reads a store's attributes: when the store opens (and after the
worker learns something new of it) the worker sends a ``StoreFacts``, a
frozen value, with its answer. It holds data, not sentences: the window
puts them into words (ui/store_sentences.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hero_desktop.data.location import ServerAddress
from hero_desktop.data.name_index_state import NameCacheBoard, NameIndexOffer
from hero_desktop.data.store import HeroStore, LiveUpdates, ReadOnlyReason


@dataclass(frozen=True)
class StoreFacts:
    location: Path | ServerAddress
    """Where the store is: what a connection of another thread opens (maintenance)."""
    display_name: str
    """How messages name the database ("database.db", "heroes on db.example")."""
    read_only: bool
    """Every write is refused (a read-only file, role or ``--read-only``)."""
    read_only_reason: ReadOnlyReason | None
    """Why it was opened read-only, or None when opened for writing."""
    live_updates: LiveUpdates
    """How other programs' changes reach the window."""
    name_index_offer: NameIndexOffer | None
    """What the store would add with the user's consent, or None."""
    name_cache: NameCacheBoard | None = None
    """Where the name cache of a file opened as found posts its progress (read on a timer)."""


def facts_of(store: HeroStore, location: Path | ServerAddress) -> StoreFacts:
    """The store's facts now (in the thread that owns the store)."""
    return StoreFacts(
        location=location,
        display_name=store.display_name,
        read_only=store.read_only,
        read_only_reason=store.read_only_reason,
        live_updates=store.live_updates(),
        name_index_offer=store.name_index_offer(),
        name_cache=store.name_cache_board(),
    )
