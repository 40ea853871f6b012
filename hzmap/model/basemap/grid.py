"""Tile maths: which zoom and which tiles a map picture needs, and where each map point falls
in them. No Qt.

The tile grid is morecantile's WebMercatorQuad (the OGC TileMatrixSet that XYZ services and
the "w" matrix set of 天地图's WMTS use): its matrices give the origin, the cell size and the
tile size at each zoom. A map point goes EPSG:4549 -> WGS84 lon/lat (pyproj) -> GCJ-02 when the
tiles are 高德's (hzmap.model.geo.chinacrs) -> Web Mercator metres -> the pixel of the zoom's
global picture, whose tiles are 256-pixel blocks of it.
"""
from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import numpy as np

from hzmap.model.basemap import warp

R = 6378137.0
TILE = 256
#: Prefer a zoom whose tiles are at most this much enlarged on screen (2 ** 0.25 = 1.19):
#: sharper than the nearest zoom, at most one more zoom's tiles.
ZOOM_BIAS = 0.25


@functools.lru_cache(maxsize=1)
def tms():
    import morecantile

    return morecantile.tms.get("WebMercatorQuad")


@functools.lru_cache(maxsize=32)
def matrix(z: int) -> tuple[float, float, float, int]:
    """(origin x, origin y, metres per pixel, tiles across) of zoom z."""
    m = tms().matrix(z)
    return float(m.pointOfOrigin[0]), float(m.pointOfOrigin[1]), float(m.cellSize), int(m.matrixWidth)


def mercator(lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Spherical Web Mercator metres (EPSG:3857) of lon/lat in degrees."""
    lat = np.clip(lat, -85.05112878, 85.05112878)
    return R * np.radians(lon), R * np.log(np.tan(np.pi / 4 + np.radians(lat) / 2))


def tile_lonlat(lon: np.ndarray, lat: np.ndarray, crs: str) -> tuple[np.ndarray, np.ndarray]:
    """WGS84 lon/lat -> the lon/lat the tiles are drawn in ("wgs84" or "gcj02")."""
    if crs == "gcj02":
        from hzmap.model.geo.chinacrs import wgs84_to_gcj02

        shape = np.shape(lon)
        g = wgs84_to_gcj02(np.column_stack([np.ravel(lon), np.ravel(lat)]))
        return g[:, 0].reshape(shape), g[:, 1].reshape(shape)
    return lon, lat


def global_pixels(x, y, z: int, crs: str = "wgs84") -> tuple[np.ndarray, np.ndarray]:
    """Map metres -> (column, row) in zoom z's global picture (tile = pixel // 256)."""
    lon, lat = warp.map_to_lonlat(np.asarray(x, float), np.asarray(y, float))
    lon, lat = tile_lonlat(lon, lat, crs)
    mx, my = mercator(lon, lat)
    ox, oy, cell, _n = matrix(z)
    return (mx - ox) / cell, (oy - my) / cell


def zoom_for(extent, width_px: int, lo: int, hi: int) -> int:
    """The zoom whose tiles match the picture's resolution (clamped to the provider's range)."""
    x0, x1, y0, y1 = extent
    metres_per_px = (x1 - x0) / max(width_px, 1)
    lon, lat = warp.map_to_lonlat(np.array([(x0 + x1) / 2]), np.array([(y0 + y1) / 2]))
    ground = 2 * math.pi * R * math.cos(math.radians(float(lat[0]))) / TILE
    z = math.log2(ground / max(metres_per_px, 1e-6))
    return int(min(max(math.ceil(z - ZOOM_BIAS), lo), hi))


@dataclass(frozen=True)
class TileWindow:
    """The tiles a picture needs at one zoom: columns tx0..tx1 and rows ty0..ty1 (inclusive)."""

    z: int
    tx0: int
    ty0: int
    tx1: int
    ty1: int

    def tiles(self) -> list[tuple[int, int, int]]:
        return [(self.z, x, y) for y in range(self.ty0, self.ty1 + 1) for x in range(self.tx0, self.tx1 + 1)]

    def __len__(self) -> int:
        return (self.tx1 - self.tx0 + 1) * (self.ty1 - self.ty0 + 1)


def window_for(extent, z: int, crs: str = "wgs84", width_px: int = 64, height_px: int = 64) -> TileWindow:
    """The tiles covering the map extent at zoom z (its edges sampled, so a turned or shifted
    grid is covered too)."""
    cols, rows, X, Y = warp.pixel_centres(extent, width_px, height_px, step=8)
    x0, x1, y0, y1 = extent
    edge_x = np.r_[np.linspace(x0, x1, 17), np.full(17, x1), np.linspace(x0, x1, 17), np.full(17, x0)]
    edge_y = np.r_[np.full(17, y0), np.linspace(y0, y1, 17), np.full(17, y1), np.linspace(y0, y1, 17)]
    px, py = global_pixels(np.r_[X.ravel(), edge_x], np.r_[Y.ravel(), edge_y], z, crs)
    n = matrix(z)[3]
    tx = np.clip(np.floor(np.r_[px.min(), px.max()] / TILE), 0, n - 1).astype(int)
    ty = np.clip(np.floor(np.r_[py.min(), py.max()] / TILE), 0, n - 1).astype(int)
    return TileWindow(z, int(tx[0]), int(ty[0]), int(tx[1]), int(ty[1]))


def tiles_in_lonlat_box(west: float, south: float, east: float, north: float, zooms) -> list:
    """(z, x, y) of every tile over a lon/lat box at the given zooms (morecantile)."""
    return [(t.z, t.x, t.y) for t in tms().tiles(west, south, east, north, list(zooms))]
