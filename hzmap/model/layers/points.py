"""A point layer's features as one array of coordinates, and the hit-test over it. No Qt.

A shapely Point per feature costs about 200 bytes and a million of them a second to make; the
same layer as an (n, 2) array of map metres costs 16 bytes a point. PointArray stands where the
layer's array of geometries stood: its length, a Point at `i`, a subset by index or mask, and,
for a caller that needs shapely's objects, `numpy.asarray(points)` makes them (the drawing, the
districts, the density view, the hit-test and the project copy read `xy` and never do).

PointIndex answers a hover without an STRtree (which would need the Point objects): the points
are sorted into bands of the plane about sqrt(n) deep, each band by x, so a query looks at the
points of the few bands within the tolerance, found by binary search.
"""
from __future__ import annotations

import math

import numpy as np
import shapely


class PointArray:
    """Points as an (n, 2) float array of map metres, used like an array of shapely Points."""

    __slots__ = ("xy",)

    def __init__(self, xy) -> None:
        self.xy = np.ascontiguousarray(np.asarray(xy, dtype=float).reshape(-1, 2))

    def __len__(self) -> int:
        return len(self.xy)

    @property
    def shape(self) -> tuple[int]:
        return (len(self.xy),)

    def __getitem__(self, i):
        if isinstance(i, (int, np.integer)):
            x, y = self.xy[i]
            return shapely.Point(float(x), float(y))
        return PointArray(self.xy[i])

    def __iter__(self):
        return (shapely.Point(float(x), float(y)) for x, y in self.xy.tolist())

    def __array__(self, dtype=None, copy=None) -> np.ndarray:
        """The points as shapely objects (what numpy and shapely's functions ask for)."""
        out = shapely.points(self.xy)
        return out if dtype in (None, object, np.dtype(object)) else out.astype(dtype)

    def __repr__(self) -> str:
        return f"PointArray({len(self)} points)"


def compact(kind: str, geoms):
    """A point layer whose every feature is one point, as a PointArray; anything else (lines,
    areas, multipoints) as it is."""
    if kind != "points" or isinstance(geoms, PointArray) or not len(geoms):
        return geoms
    geoms = np.asarray(geoms, dtype=object)
    if not (shapely.get_type_id(geoms) == 0).all() or shapely.is_empty(geoms).any():
        return geoms
    return PointArray(shapely.get_coordinates(geoms))


def coordinates(geoms) -> np.ndarray:
    """The vertices of `geoms` as (n, 2): for a PointArray its own array, not a copy."""
    if isinstance(geoms, PointArray):
        return geoms.xy
    return shapely.get_coordinates(np.asarray(geoms, dtype=object))


def total_bounds(geoms) -> tuple[float, float, float, float]:
    if isinstance(geoms, PointArray):
        if not len(geoms):
            return (math.nan,) * 4
        lo, hi = geoms.xy.min(axis=0), geoms.xy.max(axis=0)
        return (float(lo[0]), float(lo[1]), float(hi[0]), float(hi[1]))
    return tuple(float(v) for v in shapely.total_bounds(geoms))


class PointIndex:
    """The nearest point within a tolerance, as HitIndex answers for points (equally near: the
    one drawn last, i.e. the highest index)."""

    kind = "points"

    def __init__(self, xy: np.ndarray) -> None:
        self.xy = xy
        ok = np.isfinite(xy).all(axis=1)
        keep = np.flatnonzero(ok) if not ok.all() else None
        pts = xy if keep is None else xy[keep]
        n = len(pts)
        if n == 0:
            self.keys = np.empty(0)
            self.order = np.empty(0, dtype=np.intp)
            return
        self.x0, self.y0 = (float(v) for v in pts.min(axis=0))
        x1, y1 = (float(v) for v in pts.max(axis=0))
        self.span = x1 - self.x0
        self.width = self.span + 1.0                     # a band's stretch of the key line
        self.bands = max(1, int(math.sqrt(n)))
        self.band = max((y1 - self.y0) / self.bands, 1e-6)
        band = np.minimum(((pts[:, 1] - self.y0) / self.band).astype(np.int64), self.bands - 1)
        keys = band * self.width + (pts[:, 0] - self.x0)
        order = np.argsort(keys, kind="stable")
        self.keys = keys[order]
        self.order = order if keep is None else keep[order]

    def hit(self, x: float, y: float, tolerance: float = 0.0) -> int | None:
        if x is None or y is None or not np.isfinite([x, y]).all() or not len(self.order):
            return None
        tol = max(float(tolerance), 1e-9)
        b0 = max(0, math.floor((y - tol - self.y0) / self.band))
        b1 = min(self.bands - 1, math.floor((y + tol - self.y0) / self.band))
        if b0 > b1:
            return None
        bands = np.arange(b0, b1 + 1) * self.width
        lo = np.searchsorted(self.keys, bands + min(max(x - tol - self.x0, -0.25), self.span + 0.25), "left")
        hi = np.searchsorted(self.keys, bands + min(max(x + tol - self.x0, -0.25), self.span + 0.25), "right")
        spans = [self.order[a:b] for a, b in zip(lo.tolist(), hi.tolist()) if b > a]
        if not spans:
            return None
        cand = np.concatenate(spans) if len(spans) > 1 else spans[0]
        d2 = (self.xy[cand, 0] - x) ** 2 + (self.xy[cand, 1] - y) ** 2
        near = d2 <= tol * tol
        if not near.any():
            return None
        cand, d2 = cand[near], d2[near]
        return int(cand[d2 == d2.min()].max())
