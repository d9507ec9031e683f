"""What the window knows of an open store: read in the data worker, sent as a value.

The store and its connection belong to the data worker's thread. The GUI
thread never reads a store's attributes: when the store opens (and after the
worker learns something new of it) the worker sends a ``StoreFacts``, a
frozen value, with its answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hero_desktop.data.location import ServerAddress
from hero_desktop.data.store import HeroStore


@dataclass(frozen=True)
class StoreFacts:
    location: Path | ServerAddress
    """Where the store is: what a connection of another thread opens (maintenance)."""
    read_only: bool
    """Every write is refused (a read-only file, role or ``--read-only``)."""
    notice: str
    """A sentence for the user after opening (how live updates work here), or ""."""
    name_index_offer: str | None
    """What the store would add with the user's consent, or None."""


def facts_of(store: HeroStore, location: Path | ServerAddress) -> StoreFacts:
    """The store's facts now (in the thread that owns the store)."""
    return StoreFacts(
        location=location,
        read_only=store.read_only,
        notice=store.notice,
        name_index_offer=store.name_index_offer(),
    )
