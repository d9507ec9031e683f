"""Hero Desktop's cache folder: ``$XDG_CACHE_HOME/hero-desktop`` (the XDG base directory
rules; ``~/.cache`` when the variable is unset or not an absolute path).

What lives there can always be made again: the name caches of files opened as
found (``sqlite/name_cache.py``) and the name rules' tables (``name_batch.py``).
"""

from __future__ import annotations

import os
from pathlib import Path


def cache_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME", "")
    root = Path(base) if base and Path(base).is_absolute() else Path.home() / ".cache"
    return root / "hero-desktop"
