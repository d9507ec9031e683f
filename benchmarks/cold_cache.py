"""A cold start without root: a file's pages dropped from the OS page cache, and checked.

``/proc/sys/vm/drop_caches`` needs root; ``posix_fadvise(POSIX_FADV_DONTNEED)``
on the file itself does not: after ``fsync`` (dirty pages are not dropped) the
kernel drops the file's clean cached pages, as after a reboot. ``resident``
says what share of a file is still in the page cache, with ``mincore(2)`` on
a read-only mapping of it (the mapping touches no page), so every cold figure
can say that the eviction worked.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import mmap
import os
from pathlib import Path

_libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
_libc.mmap.argtypes = (ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int, ctypes.c_int, ctypes.c_int,
                       ctypes.c_long)  # fmt: skip
_libc.mmap.restype = ctypes.c_void_p
_libc.munmap.argtypes = (ctypes.c_void_p, ctypes.c_size_t)
_libc.mincore.argtypes = (ctypes.c_void_p, ctypes.c_size_t, ctypes.POINTER(ctypes.c_ubyte))
_libc.mincore.restype = ctypes.c_int
PAGE = mmap.PAGESIZE
MAP_FAILED = ctypes.c_void_p(-1).value


def sidecars(path: Path) -> list[Path]:
    """The database and whichever of its -wal and -shm files exist."""
    return [p for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")) if p.exists()]


def evict(path: Path) -> None:
    """Drop ``path``'s pages (and its -wal's and -shm's) from the OS page cache."""
    for file in sidecars(path):
        descriptor = os.open(file, os.O_RDONLY)
        try:
            os.fsync(descriptor)
            os.posix_fadvise(descriptor, 0, 0, os.POSIX_FADV_DONTNEED)
        finally:
            os.close(descriptor)


def resident(path: Path) -> float:
    """The share (0-1) of ``path``'s pages in the OS page cache, by mincore(2)."""
    size = path.stat().st_size
    if size == 0:
        return 0.0
    pages = (size + PAGE - 1) // PAGE
    vector = (ctypes.c_ubyte * pages)()
    descriptor = os.open(path, os.O_RDONLY)
    try:
        address = _libc.mmap(None, size, mmap.PROT_READ, mmap.MAP_SHARED, descriptor, 0)
        if address in (None, MAP_FAILED):
            raise OSError(ctypes.get_errno(), "mmap failed")
        try:
            if _libc.mincore(address, size, vector) != 0:
                raise OSError(ctypes.get_errno(), "mincore failed")
        finally:
            _libc.munmap(address, size)
    finally:
        os.close(descriptor)
    return sum(byte & 1 for byte in vector) / pages
