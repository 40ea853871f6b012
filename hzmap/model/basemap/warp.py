"""Reprojection of a picture onto the map's grid (EPSG:4549). No Qt.

The map's pixels are not the tiles' pixels: a Web Mercator tile grid, a GCJ-02 one or a
GeoTIFF in another CRS is turned, stretched and (for GCJ-02) shifted against the map's
Gauss-Kruger grid. For every map pixel we need the source pixel under it. The transformation
is smooth, so it is computed exactly (pyproj, chinacrs) at the corners of blocks of GRID_STEP
pixels and interpolated bilinearly inside each (Pillow's MESH transform, in C): over 32 pixels
the error of that interpolation is far below a hundredth of a pixel, and an A4 page at 300 DPI
costs a tenth of a second instead of the seconds of transforming every pixel. The source is
sampled at the nearest pixel (the caller chose a source resolution close to the output's).
"""
from __future__ import annotations

import functools

import numpy as np

GRID_STEP = 32  # pixels between exactly transformed points


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


def warp(source: np.ndarray, to_source, extent, width: int, height: int) -> np.ndarray:
    """The picture (height, width, 4) of the map extent (x0, x1, y0, y1): `to_source(X, Y)`
    gives the source position (column, row; pixel i spans [i, i+1)) of map points (arrays),
    `source` is RGBA uint8. Transparent where the source has nothing."""
    from PIL import Image

    x0, x1, y0, y1 = extent
    cols = np.unique(np.r_[np.arange(0, width, GRID_STEP), width])  # pixel edges
    rows = np.unique(np.r_[np.arange(0, height, GRID_STEP), height])
    X, Y = np.meshgrid(x0 + cols * (x1 - x0) / width, y1 - rows * (y1 - y0) / height)
    c, r = (np.asarray(v, dtype=float) for v in to_source(X, Y))
    # one cell of the mesh per GRID_STEP block: the output box and its source quadrilateral
    # (upper left, lower left, lower right, upper right), mapped bilinearly by Pillow in C
    boxes = np.stack(np.broadcast_arrays(cols[None, :-1], rows[:-1, None], cols[None, 1:], rows[1:, None]), -1)
    quads = np.stack([c[:-1, :-1], r[:-1, :-1], c[1:, :-1], r[1:, :-1],
                      c[1:, 1:], r[1:, 1:], c[:-1, 1:], r[:-1, 1:]], -1)
    mesh = list(zip(map(tuple, boxes.reshape(-1, 4).tolist()), map(tuple, quads.reshape(-1, 8).tolist())))
    src = Image.frombuffer("RGBA", (source.shape[1], source.shape[0]), np.ascontiguousarray(source),
                           "raw", "RGBA", 0, 1)
    out = src.transform((width, height), Image.MESH, mesh, resample=Image.NEAREST, fillcolor=(0, 0, 0, 0))
    return np.asarray(out)
