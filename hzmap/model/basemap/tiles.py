"""Decoded tiles of one store, kept in memory and loaded in the background. No Qt.

`TileLayer.tiles(window, wait)` gives the tiles of a TileWindow it has. With wait=False (the
screen) it never blocks: missing tiles are queued for a small pool of worker threads and
`on_arrival` is called (from a worker thread) as each arrives or fails, so the window asks for a
redraw or tells the planner why;
the newest request wins, and tiles no longer wanted are skipped. With wait=True (exports, the
command line) it fetches what is missing, in parallel, within a deadline.

Errors are kept by kind for the user (`problem()`): a refused key (HTTP 401/403) stops all
further requests to the layer, because every tile would be refused the same way; a timeout or
network error is retried after RETRY_S; a tile that is not an image, or too large, is left out.
"""
from __future__ import annotations

import io
import threading
import time
from collections import OrderedDict
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait as wait_for

import numpy as np

from hzmap.model.basemap.fetch import FetchError
from hzmap.model.basemap.source import BasemapError

TILE = 256
MAX_TILE_PX = 1024     # a tile larger than this is refused before it is decoded
MEMORY_TILES = 320     # decoded tiles kept (256 KB each): two screens of a map and its notes
RETRY_S = 30.0
ABSENT = "absent"      # the store has no such tile (drawn transparent)


class TileError(BasemapError):
    pass


def decode(data: bytes, where: str) -> np.ndarray:
    """A tile's bytes -> (256, 256, 4) uint8 RGBA; TileError for what is not a small image."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as im:
            if im.width > MAX_TILE_PX or im.height > MAX_TILE_PX:
                raise TileError(f"{where}: a {im.width}×{im.height} image is not a map tile")
            im = im.convert("RGBA")
            if im.size != (TILE, TILE):
                im = im.resize((TILE, TILE), Image.BILINEAR)
            return np.asarray(im, dtype=np.uint8).copy()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise TileError(f"{where}: not a readable image ({str(exc)[:80]})") from None


class TileLayer:
    def __init__(self, store, workers: int = 4, on_arrival=None) -> None:
        self.store = store
        self.on_arrival = on_arrival
        self._memory: OrderedDict = OrderedDict()
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="hzmap-tiles") \
            if workers else None
        self._wanted: set = set()
        self._inflight: set = set()
        self._failed: dict = {}  # tile -> time it failed (timeouts, network)
        self.errors: dict[str, str] = {}  # kind -> the last message of that kind
        self.blocked: str | None = None  # a refused key: nothing more is asked of the server
        self.version = 0  # goes up when a tile arrives (pictures of the old version are stale)

    # -- what is in memory ----------------------------------------------------------------
    def cached(self, key):
        with self._lock:
            hit = self._memory.get(key)
            if hit is not None:
                self._memory.move_to_end(key)
            return hit

    def _keep(self, key, value) -> None:
        with self._lock:
            self._memory[key] = value
            self._memory.move_to_end(key)
            while len(self._memory) > MEMORY_TILES:
                self._memory.popitem(last=False)
            self.version += 1

    # -- loading ----------------------------------------------------------------------------
    def _load(self, key) -> None:
        """Read and decode one tile into memory (or note why not)."""
        z, x, y = key
        if self.blocked:
            return
        try:
            data = self.store.read(z, x, y)
            self._keep(key, ABSENT if data is None else decode(data, f"{self.store.name} tile {z}/{x}/{y}"))
            self._failed.pop(key, None)
        except FetchError as exc:
            self.errors[exc.kind] = str(exc)
            if exc.kind == "forbidden":
                self.blocked = str(exc)
            elif exc.kind in ("not-image", "too-large"):
                self._keep(key, ABSENT)
            else:
                self._failed[key] = time.monotonic()
        except BasemapError as exc:  # TileError, a damaged MBTiles file, an unreadable tile file
            self.errors["tile"] = str(exc)
            self._keep(key, ABSENT)

    def _job(self, key) -> None:
        try:
            if key in self._wanted:
                self._load(key)
        finally:
            with self._lock:
                self._inflight.discard(key)
            if self.on_arrival is not None:  # a tile, or news of why it is not there
                self.on_arrival()

    def _missing(self, keys) -> list:
        now = time.monotonic()
        return [k for k in keys if self.cached(k) is None and now - self._failed.get(k, -1e9) > RETRY_S]

    def request(self, keys) -> None:
        """Queue the tiles not in memory (newest first); returns at once."""
        self._wanted = set(keys)
        if self.blocked or self._pool is None:
            return
        for key in self._missing(keys):
            with self._lock:
                if key in self._inflight:
                    continue
                self._inflight.add(key)
            self._pool.submit(self._job, key)

    def fetch_now(self, keys, deadline: float = 60.0, cancelled=None) -> None:
        """Load the tiles not in memory and wait for them (at most `deadline` seconds, or until
        `cancelled()` says so: the window's export fetches in a worker thread with a Cancel)."""
        self._wanted = set(keys)
        missing = [k for k in keys if self.cached(k) is None]
        self.errors = {}  # what this attempt met (a refused key stays `blocked`)
        if not missing or self.blocked:
            return
        if self._pool is None:
            for key in missing:
                self._load(key)
            return
        futures = [self._pool.submit(self._load, k) for k in missing]
        end = time.monotonic() + deadline
        pending = set(futures)
        stopped = False
        while pending:
            left = max(0.0, end - time.monotonic())
            done, pending = wait_for(pending, timeout=left if cancelled is None else min(left, 0.1),
                                     return_when=FIRST_COMPLETED)
            stopped = cancelled is not None and cancelled()
            if stopped or self.blocked or self.errors.keys() & {"timeout", "network"}:
                break  # a silent or unreachable server: one round of timeouts, not one per tile
            if not done and time.monotonic() >= end:
                break
        for f in pending:
            f.cancel()
        if pending and not stopped and not self.blocked and "network" not in self.errors:
            self.errors.setdefault("timeout", f"{self.store.name}: {len(pending)} tiles did not arrive "
                                              f"within {deadline:.0f} s")

    def tiles(self, window, wait: bool = False, deadline: float = 60.0) -> dict:
        """{(z, x, y): RGBA array} of the window's tiles in memory, after loading them (wait)
        or queueing them (not wait)."""
        keys = window.tiles()
        if wait:
            self.fetch_now(keys, deadline)
        else:
            self.request(keys)
        out = {}
        for k in keys:
            hit = self.cached(k)
            if hit is not None and not isinstance(hit, str):
                out[k] = hit
        return out

    def pending(self) -> int:
        return len(self._inflight)

    def problem(self) -> str | None:
        """What the planner should hear about this layer, worst first."""
        if self.blocked:
            return self.blocked
        for kind in ("timeout", "network", "busy", "not-image", "too-large", "tile", "http"):
            if kind in self.errors:
                return self.errors[kind]
        return None

    def close(self) -> None:
        self._wanted = set()
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
