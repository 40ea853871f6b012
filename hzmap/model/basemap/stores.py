"""Where tiles come from: an online template, an MBTiles file or a folder of XYZ tiles, and
the disk cache of online tiles. Each store's `read(z, x, y)` gives the tile's bytes or None
(no such tile) and may block; hzmap.model.basemap.tiles calls it off the UI thread. No Qt.
"""
from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
from pathlib import Path

from hzmap.model.basemap import fetch as http
from hzmap.model.basemap.mbtiles import MAX_TILE_BYTES, MBTilesReader
from hzmap.model.basemap.source import BasemapError, BasemapSource

CACHE_MAX_BYTES = 1 << 30  # the disk cache of online tiles holds at most 1 GB per service
CACHE_KEEP = 0.9  # past that, the oldest tiles go until this share of it is left
_TILE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp")


def cache_dir() -> Path:
    """$HZMAP_CACHE_DIR/basemap, else $XDG_CACHE_HOME/hzmap/basemap, else ~/.cache/hzmap/basemap."""
    explicit = os.environ.get("HZMAP_CACHE_DIR")
    if explicit:
        return Path(explicit) / "basemap"
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "hzmap" / "basemap"


class UrlStore:
    """Tiles of one URL template, with `{tk}` filled from the key handed in (never stored)."""

    online = True

    def __init__(self, source: BasemapSource, template: str, key: str | None = None,
                 cache: "DiskCache | None" = None, timeout: float = http.TIMEOUT_S,
                 deadline: float = http.DEADLINE_S) -> None:
        if "{tk}" in template and not key:
            raise BasemapError(f"{source.label} needs a key: enter your key for it (天地图: "
                               "console.tianditu.gov.cn) in the base map settings")
        self.source, self.template, self.key, self.cache = source, template, key, cache
        self.timeout, self.deadline = timeout, deadline
        self.min_zoom, self.max_zoom = source.min_zoom, source.max_zoom
        self.name = f"{source.label} ({http.redact(template).split('?')[0][:60]})"

    def url(self, z: int, x: int, y: int) -> str:
        subs = self.source.subdomains
        values = {"z": z, "x": x, "y": y, "-y": (1 << z) - 1 - y, "TileMatrix": z, "TileRow": y,
                  "TileCol": x, "s": subs[(x + y) % len(subs)] if subs else "", "tk": self.key or ""}
        out = self.template
        for name, value in values.items():
            out = out.replace("{" + name + "}", str(value))
        return out

    def read(self, z: int, x: int, y: int) -> bytes | None:
        if self.cache is not None:
            hit = self.cache.get(z, x, y)
            if hit is not None:
                return hit
        try:
            data = http.fetch(self.url(z, x, y), timeout=self.timeout, deadline=self.deadline)
        except http.FetchError as exc:
            if exc.kind == "missing":
                return None
            raise
        if self.cache is not None:
            self.cache.put(z, x, y, data)
        return data


class MBTilesStore:
    online = False

    def __init__(self, path) -> None:
        self.reader = MBTilesReader(path)
        self.min_zoom, self.max_zoom = self.reader.min_zoom, self.reader.max_zoom
        self.name = str(path)

    def read(self, z: int, x: int, y: int) -> bytes | None:
        return self.reader.get(z, x, y)


class FolderStore:
    """folder/{z}/{x}/{y}.png (or .jpg, .jpeg, .webp), as QGIS's and gdal2tiles' XYZ output."""

    online = False

    def __init__(self, path) -> None:
        self.path = Path(path)
        if not self.path.is_dir():
            raise BasemapError(f"{self.path}: not a folder of tiles")
        zooms = sorted(int(p.name) for p in self.path.iterdir() if p.name.isdigit() and p.is_dir())
        if not zooms:
            raise BasemapError(f"{self.path}: no zoom folders (0, 1, ... 18) with tiles in them")
        self.min_zoom, self.max_zoom = zooms[0], zooms[-1]
        self.name = str(self.path)

    def read(self, z: int, x: int, y: int) -> bytes | None:
        from hzmap.model.files.safeio import FileProblem, read_bytes

        for suffix in _TILE_SUFFIXES:
            p = self.path / str(z) / str(x) / f"{y}{suffix}"
            if p.exists():
                try:
                    return read_bytes(p, MAX_TILE_BYTES, what="tile")
                except FileProblem as exc:
                    raise BasemapError(str(exc)) from None
        return None


class DiskCache:
    """Online tiles kept on disk (an MBTiles-shaped SQLite file per template, keyless)."""

    def __init__(self, template: str, crs: str, folder: Path | None = None) -> None:
        keyless = http.redact(template.replace("{tk}", ""))
        digest = hashlib.sha256(f"{keyless}\0{crs}".encode()).hexdigest()[:20]
        folder = folder or cache_dir()
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / f"{digest}.mbtiles"
        self._lock = threading.Lock()
        self._con = self._open()

    def _open(self) -> sqlite3.Connection:
        for _attempt in range(2):
            con = sqlite3.connect(str(self.path), check_same_thread=False, timeout=5)
            try:
                con.executescript(
                    "CREATE TABLE IF NOT EXISTS metadata (name TEXT, value TEXT);"
                    "CREATE TABLE IF NOT EXISTS tiles (zoom_level INTEGER, tile_column INTEGER, "
                    "tile_row INTEGER, tile_data BLOB);"
                    "CREATE UNIQUE INDEX IF NOT EXISTS tile_index ON tiles (zoom_level, tile_column, tile_row);")
                return con
            except sqlite3.DatabaseError:  # a damaged cache is only a cache: start it again
                con.close()
                self.path.unlink(missing_ok=True)
        raise BasemapError(f"{self.path}: the tile cache cannot be written")

    def get(self, z: int, x: int, y: int) -> bytes | None:
        with self._lock:
            try:
                row = self._con.execute("SELECT tile_data FROM tiles WHERE zoom_level=? AND tile_column=? "
                                        "AND tile_row=?", (z, x, (1 << z) - 1 - y)).fetchone()
            except sqlite3.Error:
                return None
        return bytes(row[0]) if row and row[0] is not None else None

    def put(self, z: int, x: int, y: int, data: bytes) -> None:
        with self._lock:
            try:
                self._con.execute("INSERT OR REPLACE INTO tiles VALUES (?, ?, ?, ?)",
                                  (z, x, (1 << z) - 1 - y, sqlite3.Binary(data)))
                if self._used() > CACHE_MAX_BYTES:
                    self._evict()
                self._con.commit()
            except (sqlite3.Error, OSError):
                pass  # a full disk costs the cache, never the map

    def _used(self) -> int:
        """Bytes the cache's pages hold (pages freed by evicted tiles are reused, not counted)."""
        pages, free, size = (self._con.execute(f"PRAGMA {p}").fetchone()[0]
                             for p in ("page_count", "freelist_count", "page_size"))
        return (pages - free) * size

    def _evict(self) -> None:
        """The oldest tiles go (a tile fetched again is new) until CACHE_KEEP of the limit is
        left: the file stops growing and what the planner looked at last stays. Downloads for
        offline use are files of their own, never evicted."""
        batch = max(1, self._con.execute("SELECT count(*) FROM tiles").fetchone()[0] // 50)
        while self._used() > CACHE_MAX_BYTES * CACHE_KEEP:
            gone = self._con.execute("DELETE FROM tiles WHERE rowid IN (SELECT rowid FROM tiles ORDER BY rowid "
                                     "LIMIT ?)", (batch,)).rowcount
            if not gone:
                return


def stores_for(source: BasemapSource, key: str | None = None, cache: bool = True, **http_options) -> list:
    """The stores of a tile base map, bottom first (天地图: the map, then its annotation)."""
    if source.kind == "mbtiles":
        return [MBTilesStore(source.path)]
    if source.kind == "folder":
        return [FolderStore(source.path)]
    if source.online:
        templates = [source.url] + ([source.overlay] if source.overlay else [])
        return [UrlStore(source, t, key, DiskCache(t, source.crs) if cache else None, **http_options)
                for t in templates]
    raise BasemapError(f"a {source.kind} base map has no tiles")
