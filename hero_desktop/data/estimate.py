"""A short search's count said quickly: exact up to ``COUNTED_EXACTLY``, beyond, "about".

A search of one or two letters has no trigram index to count its matches
from: its exact count reads every name (1.5 s on ten million SQLite heroes).
Both stores count up to ``COUNTED_EXACTLY`` matches, which stops early when
matches are common, and past that estimate the total from a sample, to two
significant figures, never fewer than were counted.
"""

from __future__ import annotations

COUNTED_EXACTLY = 10_000
"""A short search counts its matches up to this many; beyond, it estimates from a sample."""


def two_figures(value: float) -> int:
    """``value`` to two significant figures (54,321 -> 54,000): an estimate's precision."""
    whole = round(value)
    if whole < 100:
        return whole
    scale = 10 ** (len(str(whole)) - 2)
    return int(round(whole / scale) * scale)
