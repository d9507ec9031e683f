"""Keying names (``--only names``): fold and UCA sort key of 1,000,000 names, old path and new.

The names are the names benchmark's roster (the demo roster, one in ten
international), keyed in the batches the bulk paths use
(``name_index_state.BATCH``), in one run: one name at a time through
``names.name_keys`` (its memo emptied first), the way every bulk path keyed
before, then through ``NameKeyer`` (tables, each name once; a worker process
per spare core on bigger machines), as the index build, an import's keys and PostgreSQL's
batches run now. Figures are printed, never asserted.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable

from benchmarks.report import Figure
from hero_desktop.data import name_keyer, names
from hero_desktop.data.name_index_state import BATCH
from hero_desktop.data.name_keyer import NameKeyer

TARGET_S = 3.0


def _per_name(batches: list[list[str]]) -> float:
    names.name_keys.cache_clear()
    started = time.perf_counter()
    for batch in batches:
        [names.name_keys(text) for text in batch]
    return time.perf_counter() - started


def _batched(batches: list[list[str]], expected: int) -> float:
    started = time.perf_counter()
    with NameKeyer(expected) as keyer:
        for batch in batches:
            keyer.keys(batch)
    return time.perf_counter() - started


def key_figures(texts: list[str], log: Callable[[str], None]) -> list[Figure]:
    log("names: keying every name")
    batches = [texts[start : start + BATCH] for start in range(0, len(texts), BATCH)]
    names._collator()
    old_s = _per_name(batches)
    new_s = _batched(batches, len(texts))
    return [
        Figure(
            name=f"key {len(texts):,} names (fold + sort key), in batches of {BATCH:,}",
            unit="s",
            values={"Hero Desktop": new_s},
            target=f"≤ {TARGET_S:.0f} s",
            met=new_s <= TARGET_S,
            ratios=f"{old_s / new_s:.1f}x faster than one name at a time ({old_s:.2f} s); "
            f"{len(set(texts)):,} distinct names",
            notes=[
                "NameKeyer starts worker processes only with "
                f"{name_keyer.POOL_CORES}+ cores ({os.cpu_count()} here); "
                "the per-character tables' build is included"
            ],
        )
    ]
