"""Giving freed memory back to the system after the big one-off allocations of a session.

Closing a presentation, opening a project or drawing a 300 DPI export frees tens of megabytes
of frame buffers at once. glibc's allocator keeps such memory in its heap (its mmap threshold
rises after the first big free), so a long session's resident memory would creep up by the size
of the largest buffers; malloc_trim hands the free pages back. Elsewhere (Windows, macOS, a
Linux without glibc) this does nothing.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import functools
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
    """Return the allocator's free pages to the system (glibc); a few milliseconds."""
    trim = _trim()
    if trim is not None:
        trim(0)
