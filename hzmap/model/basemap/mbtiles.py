"""MBTiles (the SQLite tile format QGIS, GDAL and 奥维 exchange): read, checked, and write. No Qt.

A file is opened read-only through an escaped file: URI (a '#' or '?' in its name is just a
character) after safeio has checked it is a regular file; its header must say SQLite and it
must have the `tiles` table (or view) and `metadata` of the spec; otherwise MBTilesError says
what is wrong, naming the file. Rows are TMS (row 0 at the bottom); this module speaks XYZ.

Writing goes to a temporary file beside the target that is renamed when complete, so a
cancelled or failed download never leaves half a file under the planner's name. hzmap keeps
the base map's attribution, 审图号 and tile CRS in the metadata (`attribution`,
`hzmap_review_number`, `hzmap_crs`), so an offline copy carries them with it.
"""
from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path

from hzmap.model.basemap.source import BasemapError

MAX_TILE_BYTES = 4 * 1024 * 1024


class MBTilesError(BasemapError):
    pass


def _uri(path: Path) -> str:
    return path.resolve().as_uri() + "?mode=ro"


class MBTilesReader:
    """Tiles of one MBTiles file; usable from several threads (one connection each)."""

    def __init__(self, path) -> None:
        self.path = Path(path)
        self._local = threading.local()
        self._check()

    def _check(self) -> None:
        from hzmap.model.files.safeio import FileProblem, regular_stat

        try:
            regular_stat(self.path, what="MBTiles file")
        except FileProblem as exc:
            raise MBTilesError(str(exc)) from None
        with open(self.path, "rb") as fh:
            head = fh.read(100)
        if not head.startswith(b"SQLite format 3\x00"):
            raise MBTilesError(f"{self.path}: not an MBTiles file (it is not an SQLite database)")
        try:
            con = self._con()
            names = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
            if "tiles" not in names:
                raise MBTilesError(f"{self.path}: not an MBTiles file (it has no 'tiles' table)")
            con.execute("SELECT zoom_level, tile_column, tile_row, tile_data FROM tiles LIMIT 1").fetchall()
            self.metadata = dict(con.execute("SELECT name, value FROM metadata").fetchall()) \
                if "metadata" in names else {}
            self.zooms = tuple(r[0] for r in con.execute("SELECT DISTINCT zoom_level FROM tiles ORDER BY 1"))
        except sqlite3.Error as exc:
            raise MBTilesError(f"{self.path}: the MBTiles file is damaged ({exc})") from None
        if not self.zooms:
            raise MBTilesError(f"{self.path}: the MBTiles file holds no tiles")

    def _con(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            con = sqlite3.connect(_uri(self.path), uri=True, check_same_thread=False)
            self._local.con = con
        return con

    @property
    def min_zoom(self) -> int:
        return min(self.zooms)

    @property
    def max_zoom(self) -> int:
        return max(self.zooms)

    def get(self, z: int, x: int, y: int) -> bytes | None:
        """The tile's bytes (XYZ numbering), or None when the file has no such tile."""
        try:
            row = self._con().execute(
                "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?",
                (z, x, (1 << z) - 1 - y)).fetchone()
        except sqlite3.Error as exc:
            raise MBTilesError(f"{self.path}: the MBTiles file is damaged ({exc})") from None
        if row is None or row[0] is None:
            return None
        data = bytes(row[0])
        if len(data) > MAX_TILE_BYTES:
            raise MBTilesError(f"{self.path}: tile {z}/{x}/{y} is {len(data):,} bytes, too large for a tile")
        return data


class MBTilesWriter:
    """A new MBTiles file, written to `<target>.part` and renamed by `commit()`."""

    def __init__(self, target, metadata: dict) -> None:
        self.target = Path(target)
        self.part = self.target.with_name(self.target.name + ".part")
        if self.part.exists():
            self.part.unlink()
        self.con = sqlite3.connect(str(self.part), check_same_thread=False)  # callers hold a lock
        self.con.executescript(
            "CREATE TABLE metadata (name TEXT, value TEXT);"
            "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);"
            "CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row);")
        self.con.executemany("INSERT INTO metadata VALUES (?, ?)",
                             [(str(k), str(v)) for k, v in metadata.items() if v is not None])
        self.count = 0

    def put(self, z: int, x: int, y: int, data: bytes) -> None:
        self.con.execute("INSERT OR REPLACE INTO tiles VALUES (?, ?, ?, ?)",
                         (z, x, (1 << z) - 1 - y, sqlite3.Binary(data)))
        self.count += 1
        if self.count % 200 == 0:
            self.con.commit()

    def commit(self) -> Path:
        self.con.commit()
        self.con.close()
        os.replace(self.part, self.target)
        return self.target

    def abandon(self) -> None:
        try:
            self.con.close()
        finally:
            self.part.unlink(missing_ok=True)


def mbtiles_source(path, crs: str | None = None):
    """A BasemapSource for an MBTiles file, with the name, attribution, 审图号 and tile CRS its
    metadata keeps (hzmap writes them; `crs` overrides); MBTilesError for a bad file."""
    from hzmap.model.basemap.source import TILE_CRS, BasemapSource

    reader = MBTilesReader(path)
    meta = reader.metadata
    kept = meta.get("hzmap_crs")
    return BasemapSource("mbtiles", path=Path(path).absolute(),
                         crs=crs or (kept if kept in TILE_CRS else "wgs84"),
                         name=str(meta.get("name") or Path(path).stem)[:80],
                         attribution=str(meta.get("attribution") or "")[:300],
                         review_number=str(meta.get("hzmap_review_number") or "")[:80],
                         imagery=str(meta.get("hzmap_imagery", "0")) == "1",
                         min_zoom=reader.min_zoom, max_zoom=min(reader.max_zoom, 22))
