"""Which feature of a user layer is under the pointer, and which district each feature is in.

An STRtree over the features answers a hover in microseconds at 100,000 features (napari's
`_get_value` pattern: the canvas passes map coordinates in, the model answers); a layer of
single points, kept as an array of coordinates, has its own index (points.PointIndex). Points and
lines are hit within a tolerance in metres (a few pixels at the current zoom, see
tolerance_m); areas by containment, the smallest containing area winning, so a park drawn
inside a zone can be pointed at.
"""
from __future__ import annotations

import numpy as np
import shapely

from hzmap.model.layers.points import PointArray, coordinates


def tolerance_m(extent_width_m: float, width_px: float, pixels: float = 6.0) -> float:
    """Metres that `pixels` screen pixels cover when `extent_width_m` fills `width_px`."""
    return float(extent_width_m) / max(1.0, float(width_px)) * pixels


class HitIndex:
    def __init__(self, geoms: np.ndarray, kind: str) -> None:
        self.kind = kind
        self.geoms = np.asarray(geoms, dtype=object)
        self.tree = shapely.STRtree(self.geoms)
        if kind in ("areas", "districts"):
            shapely.prepare(self.geoms)
            self._area = shapely.area(self.geoms)

    def hit(self, x: float, y: float, tolerance: float = 0.0) -> int | None:
        """Index of the feature at (x, y), or None."""
        if x is None or y is None or not np.isfinite([x, y]).all():
            return None
        p = shapely.Point(x, y)
        if self.kind in ("areas", "districts"):
            found = self.tree.query(p, predicate="intersects")
            if found.size:
                return int(found[np.argmin(self._area[found])])
            if tolerance <= 0:
                return None
        found = self.tree.query_nearest(p, max_distance=max(tolerance, 1e-9), all_matches=True)
        return int(found.max()) if found.size else None  # equally near: the one drawn on top


def anchor_points(geoms: np.ndarray) -> np.ndarray:
    """One point per feature that lies on it: the point itself, a point on a line, a point
    inside an area. Features are counted in the district of their anchor. A PointArray is its
    own anchors."""
    if isinstance(geoms, PointArray):
        return geoms
    geoms = np.asarray(geoms, dtype=object)
    types = shapely.get_type_id(geoms)
    out = geoms.copy()
    not_point = types != 0
    if not_point.any():
        out[not_point] = shapely.point_on_surface(geoms[not_point])
    return out


def district_of(anchors: np.ndarray, geo) -> np.ndarray:
    """District id of each anchor point (None outside the 13 districts). Unlike
    GeoData.district_at, water inside a district counts as the district: a pier on the
    钱塘江 belongs to the district whose water it is in. A point on a shared boundary goes to
    the first district in the geodata's order. Vectorised per district (13 prepared polygons
    against all points): 100,000 points in a fraction of a second."""
    xy = coordinates(anchors)
    out = np.full(len(xy), None, dtype=object)
    todo = np.ones(len(xy), dtype=bool)
    for did, feature in geo.districts.items():
        poly = feature.geometry
        shapely.prepare(poly)
        x0, y0, x1, y1 = poly.bounds
        cand = np.flatnonzero(todo & (xy[:, 0] >= x0) & (xy[:, 0] <= x1) & (xy[:, 1] >= y0) & (xy[:, 1] <= y1))
        if cand.size:
            hit = cand[shapely.intersects_xy(poly, xy[cand, 0], xy[cand, 1])]
            out[hit] = did
            todo[hit] = False
    return out
