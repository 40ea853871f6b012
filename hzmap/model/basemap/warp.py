"""Reprojection of a picture onto the map's grid (EPSG:4549). No Qt.

The map's pixels are not the tiles' pixels: a Web Mercator tile grid, a GCJ-02 one or a
GeoTIFF in another CRS is turned, stretched and (for GCJ-02) shifted against the map's
Gauss-Kruger grid. For every map pixel we need the source pixel under it. The transformation
is smooth, so it is computed exactly (pyproj, chinacrs) on a coarse grid of points every
GRID_STEP pixels and interpolated bilinearly in between: over 32 pixels the error of that
interpolation is far below a hundredth of a pixel, and a full-screen picture costs a few
milliseconds instead of the ~0.5 s of transforming every pixel. The source is then sampled at
the nearest pixel (the caller chose a source resolution close to the screen's).
"""
from __future__ import annotations

import functools

import numpy as np

GRID_STEP = 32  # pixels between exactly transformed points
_OFFSET = 1 << 10  # small: float32 keeps its fraction to about 1e-4 there


@functools.lru_cache(maxsize=1)
def _map_to_wgs84():
    from pyproj import Transformer

    from hzmap.model.geo.geodata import MAP_PIPELINE

    return Transformer.from_pipeline(MAP_PIPELINE)


def map_to_lonlat(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Map metres (EPSG:4549) -> WGS84 lon/lat, vectorised."""
    lon, lat = _map_to_wgs84().transform(x, y, direction="INVERSE")
    return np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)


def lonlat_to_map(lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    x, y = _map_to_wgs84().transform(lon, lat)
    return np.asarray(x, dtype=float), np.asarray(y, dtype=float)


def pixel_centres(extent, width: int, height: int, step: int = GRID_STEP):
    """The coarse grid: map coordinates of the pixel centres at every `step`-th column and row
    (the last column and row always included), as (cols, rows, X, Y) with X, Y of shape
    (len(rows), len(cols)). Row 0 is the top of the picture."""
    x0, x1, y0, y1 = extent
    cols = np.unique(np.r_[np.arange(0, width, step), width - 1]).astype(float)
    rows = np.unique(np.r_[np.arange(0, height, step), height - 1]).astype(float)
    xs = x0 + (cols + 0.5) * (x1 - x0) / width
    ys = y1 - (rows + 0.5) * (y1 - y0) / height
    X, Y = np.meshgrid(xs, ys)
    return cols, rows, X, Y


def _weights(coarse: np.ndarray, n: int) -> np.ndarray:
    """(n, len(coarse)) linear interpolation weights from coarse positions to 0..n-1."""
    fine = np.arange(n, dtype=float)
    idx = np.clip(np.searchsorted(coarse, fine, side="right") - 1, 0, max(len(coarse) - 2, 0))
    w = np.zeros((n, len(coarse)), dtype=np.float32)
    if len(coarse) == 1:
        w[:, 0] = 1.0
        return w
    span = coarse[idx + 1] - coarse[idx]
    t = np.clip((fine - coarse[idx]) / span, 0.0, 1.0)
    w[np.arange(n), idx] = 1.0 - t
    w[np.arange(n), idx + 1] = t
    return w


def densify(cols, rows, values: np.ndarray, width: int, height: int) -> np.ndarray:
    """Bilinear interpolation of a coarse-grid field to every pixel: (height, width)."""
    wy, wx = _weights(rows, height), _weights(cols, width)
    return (wy @ values.astype(np.float32)) @ wx.T


def sample(source: np.ndarray, col: np.ndarray, row: np.ndarray) -> np.ndarray:
    """RGBA (h, w, 4) of `source` (H, W, 4, uint8) at the nearest pixel to each (col, row);
    transparent where that lies outside the source."""
    H, W = source.shape[:2]
    # floor by truncating from a positive offset (one pass each; exact for values above -OFFSET)
    ci = (col + _OFFSET).astype(np.int32)
    ci -= _OFFSET
    ri = (row + _OFFSET).astype(np.int32)
    ri -= _OFFSET
    outside = ci.view(np.uint32) >= W  # a negative index wraps to a huge one
    outside |= ri.view(np.uint32) >= H
    ri *= W
    ri += ci
    packed = np.ascontiguousarray(source).view(np.uint32).reshape(-1)
    out = np.take(packed, ri, mode="clip")
    out[outside] = 0
    return out.view(np.uint8).reshape(*col.shape, 4)


def warp(source: np.ndarray, to_source, extent, width: int, height: int) -> np.ndarray:
    """The picture (height, width, 4) of the map extent (x0, x1, y0, y1): `to_source(X, Y)`
    gives the source pixel (col, row) of map points (arrays), `source` is RGBA uint8."""
    cols, rows, X, Y = pixel_centres(extent, width, height)
    c, r = to_source(X, Y)
    col = densify(cols, rows, np.asarray(c), width, height)
    row = densify(cols, rows, np.asarray(r), width, height)
    return sample(source, col, row)
