"""Giving freed memory back to the system after the big one-off allocations of a session.

Closing a presentation, opening a project or drawing a 300 DPI export frees tens of megabytes
of frame buffers at once. glibc's allocator keeps such memory in its heap (its mmap threshold
rises after the first big free), so a long session's resident memory would creep up by the size
of the largest buffers; malloc_trim hands the free pages back. Elsewhere (Windows, macOS, a
Linux without glibc) the trim does nothing.

What was let go of is often still held by reference cycles (a figure, its canvas and their
artists point at each other, and so do Qt wrappers): the cycle collector counts objects, not
bytes, so a few such cycles holding frame buffers wait for its next full pass (a long session's
memory rose by 60-90 MB between passes). They are collected first; what lives as long as the
window is frozen out of the pass (hzmap.process.freeze_long_lived), so it walks little.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import functools
import gc
import sys


@functools.lru_cache(maxsize=1)
def _trim():
    if sys.platform.startswith("linux"):
        name = ctypes.util.find_library("c")
        try:
            libc = ctypes.CDLL(name) if name else None
        except OSError:
            libc = None
        if libc is not None and hasattr(libc, "malloc_trim"):  # glibc's: not musl's
            return libc.malloc_trim
    return None


def release_free_memory() -> None:
    """Collect what reference cycles still hold, and return the allocator's free pages to the
    system (glibc): 1-7 ms in a window that has settled, after a window, project or export is let
    go of."""
    gc.collect()
    trim = _trim()
    if trim is not None:
        trim(0)
